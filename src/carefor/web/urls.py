from django.contrib.auth.views import LogoutView
from django.urls import include, path
from django.views.generic import RedirectView

from carefor.web.views import (
    accounts,
    care,
    courtesy,
    health,
    helping,
    importing,
    outreach,
    people,
    promises,
    setup,
)

people_patterns = (
    [
        path("", people.people_list, name="list"),
        path("new/", people.person_add, name="add"),
        path("duplicates/", people.duplicates, name="duplicates"),
        path("merge/", people.merge, name="merge"),
        path("<int:person_id>/", people.person_detail, name="detail"),
        path("<int:person_id>/edit/", people.person_edit, name="edit"),
        path("<int:person_id>/notes/", people.note_create, name="note-add"),
        path("<int:person_id>/brief/", care.brief_page, name="brief"),
        path("<int:person_id>/ways-to-help/", people.ways, name="ways"),
        path("<int:person_id>/carers/", care.carer_action, name="carers"),
        path("<int:person_id>/audit/", people.audit_page, name="audit"),
        path("<int:person_id>/matters/", care.matter_create, name="matter-add"),
        path("<int:person_id>/follow-ups/", care.follow_up_create, name="follow-up-add"),
        path("<int:person_id>/dates/", care.important_date_create, name="date-add"),
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
    path("today/", care.today_page, name="today"),
    path("help/", helping.help_page, name="help"),
    path("help/<int:help_id>/", helping.help_action, name="help-action"),
    path("introductions/", helping.introductions_page, name="introductions"),
    path("introductions/<int:intro_id>/", helping.introduction_detail, name="introduction"),
    path("today/act/", care.today_action, name="today-action"),
    path("review/", care.review_page, name="review"),
    path("coverage/", care.coverage_page, name="coverage"),
    path("outreach/", outreach.outreach_page, name="outreach"),
    path("outreach/<int:verdict_id>/", outreach.verdict_action, name="verdict-action"),
    path("check/", outreach.check_page, name="check"),
    path("check/silence/", outreach.silence_action, name="check-silence"),
    path("matters/<int:matter_id>/", care.matter_action, name="matter-action"),
    path("dates/<int:date_id>/delete/", care.important_date_delete, name="date-delete"),
    path("follow-ups/<int:follow_up_id>/", care.follow_up_action, name="follow-up-action"),
    path("proposals/<str:kind>/<int:object_id>/", care.proposal_action, name="proposal-action"),
    path("", RedirectView.as_view(pattern_name="today"), name="home"),
]
