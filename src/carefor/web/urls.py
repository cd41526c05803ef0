from django.contrib.auth.views import LogoutView
from django.urls import include, path
from django.views.generic import RedirectView

from carefor.web.views import accounts, courtesy, health, importing, people, promises, setup

people_patterns = (
    [
        path("", people.people_list, name="list"),
        path("new/", people.person_add, name="add"),
        path("duplicates/", people.duplicates, name="duplicates"),
        path("merge/", people.merge, name="merge"),
        path("<int:person_id>/", people.person_detail, name="detail"),
        path("<int:person_id>/edit/", people.person_edit, name="edit"),
        path("<int:person_id>/notes/", people.note_create, name="note-add"),
    ],
    "people",
)

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("setup/", setup.setup, name="setup"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("workspace/", accounts.switch_workspace, name="switch-workspace"),
    path("people/", include(people_patterns)),
    path("import/", importing.import_page, name="import"),
    path("courtesy/", courtesy.courtesy_page, name="courtesy"),
    path("promises/", promises.promises_page, name="promises"),
    path("promises/<int:commitment_id>/", promises.promise_action, name="promise-action"),
    path("promises/feed-link/", promises.feed_link, name="promises-feed-link"),
    path("feeds/promises/<str:token>.ics", promises.promises_feed, name="promises-feed"),
    path("courtesy/<int:turn_id>/", courtesy.courtesy_action, name="courtesy-action"),
    path("", RedirectView.as_view(pattern_name="people:list"), name="home"),
]
