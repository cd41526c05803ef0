"""Writes notes into the notebook in CAREFOR_DATA_DIR, as the app would, for the restore drill.

    python -m tests.portability.writer COUNT     # write COUNT notes, then stop
    python -m tests.portability.writer 0         # write until killed

Each note is one transaction of three rows: the interaction, its participant and a
follow-up pointing at it. A backup taken mid-write must hold all three or none ("no torn
rows"). Prints "ready" once the first note is committed.
"""

from __future__ import annotations

import itertools
import sys

from carefor.config.bootstrap import django_setup


def main(count: int) -> None:
    django_setup()
    from django.db import transaction

    from carefor.care.models import FollowUp
    from carefor.conversations.models import Interaction, Participant
    from carefor.people.models import Person
    from carefor.teams.models import Membership

    membership = Membership.objects.select_related("workspace", "user").first()
    workspace, user = membership.workspace, membership.user
    people = list(Person.objects.filter(workspace=workspace).order_by("pk"))
    numbers = range(count) if count else itertools.count()
    for n in numbers:
        person = people[n % len(people)]
        with transaction.atomic():
            note = Interaction.objects.create(
                workspace=workspace, kind="note", body=f"note {n} about {person.name}", author=user
            )
            Participant.objects.create(workspace=workspace, interaction=note, person=person,
                                       role="about")  # fmt: skip
            FollowUp.objects.create(workspace=workspace, person=person, owner=user,
                                    what=f"ask about note {n}", source=note)  # fmt: skip
        if n == 0:
            print("ready", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
