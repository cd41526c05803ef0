from __future__ import annotations

from django.test import Client


def post_with_csrf(client: Client, page_url: str, post_url: str, data: dict, **extra):
    """Load the page that holds the form (as a browser would), then post with its CSRF token."""
    response = client.get(page_url)
    assert response.status_code == 200, response.status_code
    token = client.cookies["csrftoken"].value
    return client.post(post_url, {**data, "csrfmiddlewaretoken": token}, **extra)
