from django.urls import include, path

from carefor.api.v1 import api


def _token_only(patterns: list) -> list:  # type: ignore[type-arg]
    """The API authenticates each request by its token; the sign-in page is not for it."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            _token_only(pattern.url_patterns)
        else:
            pattern.callback.login_required = False
    return patterns


api_patterns, api_app, api_namespace = api.urls
urlpatterns = [
    path("api/v1/", include((_token_only(api_patterns), api_app), namespace=api_namespace)),
    path("", include("carefor.web.urls")),
]
