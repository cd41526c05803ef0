from django.urls import include, path

urlpatterns = [path("", include("carefor.web.urls"))]
