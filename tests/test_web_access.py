"""What a visitor who is not signed in can and cannot reach, and CSRF."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_login():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("url", ["/", "/people/", "/people/new/", "/people/1/", "/people/1/edit/"])
def test_everything_else_requires_login(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_renders_and_points_to_setup_when_there_is_no_account():
    response = Client().get(reverse("login"))
    assert response.status_code == 200
    assert b"carefor serve" in response.content
    assert b'name="password"' not in response.content


def test_login_form_when_accounts_exist(user):
    response = Client().get(reverse("login"))
    assert b'name="password"' in response.content


def test_login_without_csrf_token_is_refused(user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 403


def test_login_with_wrong_password_says_so(user):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))
    response = client.post(
        reverse("login"),
        {
            "username": user.email,
            "password": "wrong",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 200
    assert b"do not match an account" in response.content


def test_note_post_without_csrf_token_is_refused(signed_in, workspace):
    from tests.factories import PersonFactory

    person = PersonFactory(workspace=workspace)
    response = signed_in.post(reverse("people:note-add", args=[person.pk]), {"body": "hello"})
    assert response.status_code == 403
    assert person.participations.count() == 0


def test_logout_is_post_only(signed_in):
    assert signed_in.get(reverse("logout")).status_code == 405


def test_passwords_are_hashed_with_argon2():
    from carefor.config import settings as real_settings

    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
