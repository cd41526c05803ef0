"""Address books, calendars and LinkedIn exports through the one loader: people found by
address, nothing added twice, every bad item reported."""

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from carefor.cli import main
from carefor.conversations.models import Interaction
from carefor.importers.services import import_path
from carefor.people.models import ExternalContact, Identity, ImportantDate, Person
from tests.factories import IdentityFactory, PersonFactory

FIXTURES = Path(__file__).parent.parent / "fixtures"
pytestmark = pytest.mark.django_db


def counts():
    return (Person.objects.count(), Identity.objects.count(), Interaction.objects.count())


def test_vcard_import_creates_people_with_addresses_and_birthdays(workspace):
    report = import_path(
        workspace=workspace, user=None, kind="vcard", path=FIXTURES / "vcard" / "ios_contacts.vcf"
    )
    assert report.skipped == 0 and report.imported == report.read > 0
    jane = Person.objects.get(name="Dr. Jane Marie Appleseed")
    assert jane.organisation.name == "Example Corp."
    assert jane.title == "Head of Research"
    values = set(jane.identities.values_list("value", flat=True))
    assert {"jane.appleseed@example.com", "https://www.linkedin.com/in/janeappleseed"} <= values
    birthday = jane.important_dates.get(kind="birthday")
    assert (birthday.year, birthday.month, birthday.day) == (1985, 4, 12)
    assert "Met at PyCon, Berlin." in jane.about


def test_vcard_reimport_adds_nothing_and_hostile_cards_are_reported(workspace):
    path = FIXTURES / "vcard" / "hostile.vcf"
    first = import_path(workspace=workspace, user=None, kind="vcard", path=path)
    before = counts()
    second = import_path(workspace=workspace, user=None, kind="vcard", path=path)
    assert first.skipped >= 1 and first.errors[0].position.startswith("card ")
    assert (second.imported, second.duplicates) == (0, first.imported)
    assert counts() == before


def test_a_card_attaches_to_the_person_who_already_has_the_address(workspace):
    maria = PersonFactory(workspace=workspace, name="Maria", about="My own words.")
    IdentityFactory(person=maria, value="jane@research.example.com")
    import_path(
        workspace=workspace, user=None, kind="vcard", path=FIXTURES / "vcard" / "ios_contacts.vcf"
    )
    maria.refresh_from_db()
    assert maria.about == "My own words."  # never overwritten
    assert maria.title == "Head of Research"  # an empty field is filled in
    assert maria.identities.filter(value="jane.appleseed@example.com").exists()
    assert not Person.objects.filter(name="Dr. Jane Marie Appleseed").exists()
    assert ExternalContact.objects.filter(person=maria, source="vcard").exists()


def test_google_csv_both_layouts_and_multi_values(workspace):
    for name in ("google_2023.csv", "google_legacy.csv"):
        import_path(
            workspace=workspace, user=None, kind="google-csv", path=FIXTURES / "google_csv" / name
        )
    kim = Person.objects.get(name__startswith="Kim")
    assert {"kim@work.example", "kim@home.example", "kim.nguyen@example.org"} <= set(
        kim.identities.values_list("value", flat=True)
    )
    assert ImportantDate.objects.get(person=kim, kind="birthday").year is None  # --04-12


def test_google_csv_ragged_row_exits_3_with_its_row_number(workspace, user):
    result = CliRunner().invoke(
        main, ["import", "google-csv", str(FIXTURES / "google_csv" / "google_2023.csv"), "--json"]
    )
    report = json.loads(result.output)
    assert result.exit_code == 3
    assert any(e["item"].startswith("row ") for e in report["errors"])


def test_ics_meetings_link_attendees_and_reimport_adds_nothing(workspace):
    path = FIXTURES / "ics" / "google.ics"
    first = import_path(workspace=workspace, user=None, kind="ics", path=path)
    meetings = Interaction.objects.filter(kind="meeting")
    assert first.imported == meetings.count() > 0
    assert meetings.filter(participants__isnull=False).exists()
    before = counts()
    second = import_path(workspace=workspace, user=None, kind="ics", path=path)
    assert second.imported == 0
    assert counts() == before


def _linkedin_zip(tmp_path: Path, *extra: tuple[str, bytes]) -> Path:
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("Connections.csv", "messages.csv"):
            archive.writestr(f"export/{name}", (FIXTURES / "linkedin" / name).read_bytes())
        for name, data in extra:
            archive.writestr(name, data)
    return path


def test_linkedin_export_people_by_profile_url_and_messages(workspace, tmp_path):
    report = import_path(
        workspace=workspace, user=None, kind="linkedin", path=_linkedin_zip(tmp_path)
    )
    bob = Person.objects.get(name="Bob Brown")
    assert bob.identities.filter(value="https://www.linkedin.com/in/bob-brown-7a1b2c").exists()
    messages = Interaction.objects.filter(kind="message", source="linkedin")
    assert messages.exists() and messages.filter(participants__isnull=False).exists()
    # The fixture holds a connection with no name or URL, and a LinkedIn system notice.
    assert [e.position for e in report.errors] == ["Connections.csv row 9", "messages.csv row 12"]
    again = import_path(
        workspace=workspace, user=None, kind="linkedin", path=_linkedin_zip(tmp_path)
    )
    assert again.imported == 0


def test_linkedin_zip_with_path_traversal_is_refused_by_name(workspace, tmp_path):
    hostile = _linkedin_zip(tmp_path, ("../evil.csv", b"x"))
    report = import_path(workspace=workspace, user=None, kind="linkedin", path=hostile)
    assert any("../evil.csv" in e.position for e in report.errors)
    assert report.exit_code == 3
    assert not (tmp_path.parent / "evil.csv").exists()
