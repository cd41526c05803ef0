"""The Import page: upload a file, see the report; bad files get a message, not an error page."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from carefor.importers.models import ImportRun
from carefor.people.models import Person
from tests.helpers import post_with_csrf

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db


def upload(signed_in, kind: str, name: str, data: bytes):
    url = reverse("import")
    return post_with_csrf(
        signed_in, url, url, {"kind": kind, "file": SimpleUploadedFile(name, data)}
    )


def test_upload_a_vcard_and_see_the_report(signed_in, workspace):
    data = (FIXTURES / "vcard" / "hostile.vcf").read_bytes()
    response = upload(signed_in, "vcard", "contacts.vcf", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Imported vcard" in page
    assert "could not be used" in page and "card " in page  # the bad card, by position
    assert Person.objects.filter(workspace=workspace).exists()
    run = ImportRun.objects.get(workspace=workspace)
    assert run.name == "contacts.vcf"
    again = upload(signed_in, "vcard", "contacts.vcf", data).content.decode()
    assert "<strong>0</strong> new" in again


def test_a_file_of_the_wrong_kind_gets_a_message(signed_in, workspace):
    response = upload(signed_in, "mbox", "notes.mbox", b"hello, not mail\n")
    assert response.status_code == 200
    assert b"is not an mbox file" in response.content
    assert b"/tmp" not in response.content  # the private temporary path is not shown


def test_import_page_is_scoped_to_the_workspace(signed_in, workspace):
    from tests.factories import WorkspaceFactory

    ImportRun.objects.create(workspace=WorkspaceFactory(), source="vcard", name="someone-else.vcf")
    assert b"someone-else.vcf" not in signed_in.get(reverse("import")).content
