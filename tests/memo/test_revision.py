"""The notebook's revision: every committed write moves it, nothing else does."""

import pytest
from django.db import transaction

from carefor.memo.models import Revision
from carefor.memo.revision import bump, current, local_generation
from carefor.people.audit import audit_record
from carefor.people.models import Person
from tests.factories import PersonFactory


def stored() -> str:
    return Revision.objects.filter(pk=1).values_list("value", flat=True).first()


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_moves_the_stored_revision(workspace):
    before = stored()
    PersonFactory(workspace=workspace, name="Ada")
    assert stored() != before
    again = stored()
    Person.objects.filter(workspace=workspace).update(title="Engineer")  # a bulk UPDATE
    assert stored() != again
    last = stored()
    Person.objects.filter(workspace=workspace).delete()
    assert stored() != last


@pytest.mark.django_db(transaction=True)
def test_one_move_per_transaction_and_none_for_a_rollback(workspace):
    before = stored()
    with transaction.atomic():
        for n in range(5):
            PersonFactory(workspace=workspace, name=f"P{n}")
        assert stored() == before  # not before the commit
    after = stored()
    assert after != before

    generation = local_generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        PersonFactory(workspace=workspace, name="Gone")
        raise RuntimeError("roll back")
    assert stored() == after  # nothing committed, nothing to forget elsewhere…
    assert local_generation() != generation  # …but this process moved on at once


@pytest.mark.django_db(transaction=True)
def test_the_access_log_does_not_move_it(workspace, user):
    person = PersonFactory(workspace=workspace, name="Ada")
    before = current()
    audit_record(workspace=workspace, user=user, person=person, action="viewed", what="page")
    assert current() == before


@pytest.mark.django_db
def test_inside_a_transaction_this_process_sees_its_own_write_at_once(workspace):
    # Test cases run inside a transaction that never commits: the process's own counter
    # is what keeps a remembered answer from outliving a write made in the same test.
    before = current()
    PersonFactory(workspace=workspace, name="Ada")
    assert current() != before


@pytest.mark.django_db(transaction=True)
def test_bump_for_writes_made_outside_django(workspace):
    Revision.objects.all().delete()  # as after a flush, or a restore without the row
    bump()
    before = stored()
    assert before is not None
    bump()
    assert stored() != before


@pytest.mark.django_db(transaction=True)
def test_insert_or_ignore_counts_as_a_write(workspace):
    # SQLite spells bulk_create(ignore_conflicts=True) as INSERT OR IGNORE INTO.
    before = stored()
    Person.objects.bulk_create([Person(workspace=workspace, name="Ada")], ignore_conflicts=True)
    assert stored() != before


@pytest.mark.django_db(transaction=True)
def test_a_hand_managed_transaction_commits_its_mark_with_the_data(workspace):
    before = stored()
    transaction.set_autocommit(False)
    try:
        PersonFactory(workspace=workspace, name="Ada")
        transaction.commit()
    finally:
        transaction.set_autocommit(True)
    assert stored() != before


@pytest.mark.parametrize(
    ("sql", "writes"),
    [
        ('SELECT "people_person"."id" FROM "people_person"', False),
        ("SAVEPOINT s1", False),
        ('INSERT INTO "people_person" ("name") VALUES (%s)', True),
        ('INSERT OR IGNORE INTO "people_person" ("name") VALUES (%s)', True),
        ('UPDATE "people_person" SET "title" = %s', True),
        ('DELETE FROM "care_matter" WHERE id = 1', True),
        ('ALTER TABLE "people_person" ADD COLUMN "x" int', True),
        ("WITH gone AS (DELETE FROM care_matter RETURNING id) SELECT count(*) FROM gone", True),
        ('INSERT INTO "people_auditevent" ("what") VALUES (%s)', False),
        ('UPDATE "teams_apitoken" SET "last_used_at" = %s', False),
    ],
)
def test_what_counts_as_a_write(sql, writes):
    from carefor.memo.revision import _changes_data

    assert _changes_data(sql) is writes


@pytest.mark.django_db(transaction=True)
def test_nothing_seen_inside_a_rolled_back_transaction_is_remembered(workspace, settings):
    from carefor.memo.remember import remembered

    def people() -> int:
        return Person.objects.filter(workspace=workspace).count()

    with pytest.raises(RuntimeError), transaction.atomic():
        PersonFactory(workspace=workspace, name="Never was")
        assert remembered(("people", workspace.pk), people) == 1
        raise RuntimeError("roll back")
    assert remembered(("people", workspace.pk), people) == 0
