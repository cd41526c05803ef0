"""factory_boy factories for the domain. They go through the ORM, never around it."""

from __future__ import annotations

import factory
from django.utils import timezone

from carefor.conversations.models import Interaction, Participant
from carefor.people.models import Identity, Organisation, Person
from carefor.teams.models import Membership, User, Workspace

PASSWORD = "a long test passphrase"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Workspace {n}")
    slug = factory.Sequence(lambda n: f"workspace-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.OWNER


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Faker("company")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Faker("name")


class IdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Identity

    person = factory.SubFactory(PersonFactory)
    workspace = factory.SelfAttribute("person.workspace")
    kind = "email"
    value = factory.Sequence(lambda n: f"person{n}@example.net")


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    workspace = factory.SubFactory(WorkspaceFactory)
    kind = Interaction.Kind.MESSAGE
    direction = Interaction.Direction.INBOUND
    occurred_at = factory.LazyFunction(timezone.now)
    subject = factory.Faker("sentence", nb_words=5)
    body = factory.Faker("paragraph")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    interaction = factory.SubFactory(InteractionFactory)
    workspace = factory.SelfAttribute("interaction.workspace")
    person = factory.SubFactory(PersonFactory, workspace=factory.SelfAttribute("..workspace"))
    role = Participant.Role.FROM
