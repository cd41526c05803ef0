"""Forms for the web pages. They parse and validate; services do the writing."""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe

from carefor.care.models import Help
from carefor.people.identities import IdentityError, IdentityKind, NormalisedIdentity
from carefor.people.models import ImportantDate, Person, Visibility
from carefor.people.services import PersonDetails, identity_parse
from carefor.teams.models import Membership, User


class CalmForm(forms.Form):
    """Labels without Django's trailing colon."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class NoErrors(tuple):  # type: ignore[type-arg]
    """A blank field's errors: none, shown as nothing. An empty ErrorList would still
    run two templates to say so, for every field on every page. A tuple: one is shared
    by every request, and nothing may add to it."""

    def __str__(self) -> str:
        return ""

    def __html__(self) -> str:
        return ""


class RenderedField:
    """One field of a blank form, its HTML rendered once: what templates read of a
    BoundField (`{{ field }}`, label_tag, label, help_text, errors, id_for_label)."""

    def __init__(self, bound: forms.BoundField) -> None:
        self.html = mark_safe(str(bound))  # noqa: S308 (Django's own widget rendering)
        self.label_tag = bound.label_tag()
        self.label, self.help_text = bound.label, bound.help_text
        self.id_for_label, self.name = bound.id_for_label, bound.name
        self.errors = NoErrors()  # the form is not bound

    def __str__(self) -> str:
        return self.html

    def __html__(self) -> str:
        return self.html


class RenderedForm:
    """A blank form whose fields were rendered once; reads like the form in templates."""

    def __init__(self, form: forms.Form) -> None:
        self.fields = {bound.name: RenderedField(bound) for bound in form}
        self.errors: dict[str, Any] = {}

    def __getitem__(self, name: str) -> RenderedField:
        return self.fields[name]

    def __iter__(self) -> Iterator[RenderedField]:
        return iter(self.fields.values())

    def non_field_errors(self) -> list[str]:
        return []


@functools.cache
def blank(form_class: type[forms.Form]) -> RenderedForm:
    """An empty form of a class whose blank rendering is the same for every request (no
    per-request initial values or choices), rendered once per process. A person page
    shows four of them, and rendering their widgets was a tenth of its time."""
    return RenderedForm(form_class())


class AccountForm(CalmForm):
    """A new account: at first-run setup, or joining a team by invitation."""

    name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(label="Email (you sign in with it)")
    password = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(
        label="Password, again", widget=forms.PasswordInput, strip=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The two passwords differ.")
        elif password:
            candidate = User(email=data.get("email", ""), name=data.get("name", ""))
            try:
                validate_password(password, user=candidate)
            except ValidationError as exc:
                self.add_error("password", exc)
        return data


class SetupForm(AccountForm):
    workspace_name = forms.CharField(label="Name your notebook", max_length=120)
    start = forms.ChoiceField(
        label="How would you like to start?",
        choices=[
            ("empty", "Start with an empty notebook"),
            ("demo", "Also explore a demo notebook (40 made-up people, kept separate from yours)"),
        ],
        widget=forms.RadioSelect,
        initial="empty",
    )


class InvitationForm(CalmForm):
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices, initial="member")
    email = forms.EmailField(
        label="Only for this email (optional)",
        required=False,
        help_text="Leave empty to let whoever opens the link join.",
    )


def _parse_lines(text: str, kind: IdentityKind) -> list[NormalisedIdentity]:
    """One address per line (or comma-separated, except phones, which may contain commas)."""
    parsed: list[NormalisedIdentity] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        items = [line] if kind is IdentityKind.PHONE else line.split(",")
        for item in (part.strip() for part in items):
            if not item:
                continue
            item_kind = IdentityKind.HANDLE if kind is IdentityKind.URL and item[0] == "@" else kind
            try:
                parsed.append(identity_parse(item, item_kind))
            except IdentityError as exc:
                problems.append(f"Line {number}: {exc}.")
    if problems:
        raise ValidationError(problems)
    return parsed


class PersonForm(CalmForm):
    name = forms.CharField(max_length=200)
    organisation = forms.CharField(max_length=200, required=False)
    title = forms.CharField(label="Role or title", max_length=200, required=False)
    location = forms.CharField(max_length=200, required=False)
    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, help_text="One per line."
    )
    phones = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One per line; include the country code (+44…) where you can.",
    )
    links = forms.CharField(
        label="Links and handles",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="LinkedIn or web addresses, or @handles; one per line.",
    )
    how_we_met = forms.CharField(
        label="How we met", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    about = forms.CharField(
        label="About them",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Who they are, in your words.",
    )

    cadence_days = forms.TypedChoiceField(
        label="Keep in touch",
        choices=[
            ("", "No reminder"),
            (7, "Every week"),
            (14, "Every two weeks"),
            (30, "Every month"),
            (60, "Every two months"),
            (90, "Every three months"),
            (182, "Every six months"),
            (365, "Every year"),
        ],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Any conversation, note, call or meeting resets it.",
    )

    @classmethod
    def for_person(cls, person: Person) -> PersonForm:
        by_kind: dict[str, list[str]] = {kind.value: [] for kind in IdentityKind}
        for identity in person.identities.all():
            by_kind[identity.kind].append(identity.value)
        return cls(
            initial={
                "name": person.name,
                "organisation": person.organisation.name if person.organisation else "",
                "title": person.title,
                "location": person.location,
                "how_we_met": person.how_we_met,
                "about": person.about,
                "cadence_days": person.cadence_days or "",
                "emails": "\n".join(by_kind["email"]),
                "phones": "\n".join(by_kind["phone"]),
                "links": "\n".join(by_kind["url"] + by_kind["handle"]),
            }
        )

    def clean_emails(self) -> list[NormalisedIdentity]:
        return _parse_lines(self.cleaned_data["emails"], IdentityKind.EMAIL)

    def clean_phones(self) -> list[NormalisedIdentity]:
        return _parse_lines(self.cleaned_data["phones"], IdentityKind.PHONE)

    def clean_links(self) -> list[NormalisedIdentity]:
        return _parse_lines(self.cleaned_data["links"], IdentityKind.URL)

    def details(self) -> PersonDetails:
        data = self.cleaned_data
        return PersonDetails(
            name=data["name"],
            organisation=data["organisation"],
            title=data["title"],
            location=data["location"],
            how_we_met=data["how_we_met"],
            about=data["about"],
            cadence_days=data.get("cadence_days"),
        )

    def identities(self) -> list[NormalisedIdentity]:
        data = self.cleaned_data
        return [*data["emails"], *data["phones"], *data["links"]]


class NoteForm(CalmForm):
    body = forms.CharField(
        label="After a conversation",
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "placeholder": (
                    "What did you talk about? What matters to them, and why? What did you "
                    "promise? carefor proposes what to keep."
                ),
            }
        ),
        max_length=20000,
    )
    visibility = forms.ChoiceField(
        label="Who sees this note",
        choices=Visibility.choices,
        initial=Visibility.WORKSPACE,
        required=False,  # a form without the field (a script, an old page) shares as before
        # The matter form on the same page has a "visibility" field too.
        widget=forms.Select(attrs={"id": "id_note_visibility"}),
        help_text="If it mentions health or family, only their carers and you will.",
    )

    def clean_visibility(self) -> str:
        return self.cleaned_data["visibility"] or Visibility.WORKSPACE


class MatterForm(CalmForm):
    kind = forms.CharField(
        max_length=40,
        widget=forms.TextInput(attrs={"list": "matter-kinds", "placeholder": "goal, worry…"}),
    )
    what = forms.CharField(
        label="What matters to them",
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Moving into product management"}),
    )
    why = forms.CharField(
        label="Why it matters to them",
        max_length=2000,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "in their words, if you can"}),
    )
    in_their_words = forms.BooleanField(label="The why is a quote", required=False)
    visibility = forms.ChoiceField(
        label="Who sees it",
        choices=[
            ("default", "As usual for its kind"),
            *Visibility.choices,
        ],
        initial="default",
        help_text="Health and family matters are for their carers unless you choose otherwise.",
    )

    def visibility_level(self) -> str | None:
        """None: the default for the kind (health and family: their carers)."""
        chosen = self.cleaned_data["visibility"]
        return None if chosen == "default" else chosen


class FollowUpForm(CalmForm):
    what = forms.CharField(
        label="Follow up or ask",
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Ask how the move went"}),
    )
    due = forms.DateField(
        label="When", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ImportantDateForm(CalmForm):
    kind = forms.ChoiceField(choices=ImportantDate.Kind.choices, initial="birthday")
    label = forms.CharField(
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Wedding, Theo's birthday"}),
    )
    day = forms.IntegerField(min_value=1, max_value=31)
    month = forms.TypedChoiceField(
        choices=[(n, calendar.month_name[n]) for n in range(1, 13)], coerce=int
    )
    year = forms.IntegerField(label="Year (if known)", min_value=1900, required=False)


class PersonRefField(forms.CharField):
    """A person typed as a name, an email address or #id; resolved by the view."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 320)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"list": "people-names", "autocomplete": "off"})
        )
        super().__init__(**kwargs)


class HelpForm(CalmForm):
    direction = forms.ChoiceField(
        label="Who helped whom",
        choices=[
            ("given", "I helped them"),
            ("received", "They helped me"),
            ("between", "They helped someone else (I made it possible)"),
        ],
    )
    person = PersonRefField(label="Person")
    other = PersonRefField(label="Helped whom (only for help between two people)", required=False)
    kind = forms.ChoiceField(choices=[(k, k.capitalize()) for k in Help.KINDS])
    what = forms.CharField(
        max_length=2000, widget=forms.TextInput(attrs={"placeholder": "e.g. Advice on pricing"})
    )
    happened_on = forms.DateField(
        label="When", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    outcome = forms.CharField(
        label="What came of it (if you know)", max_length=2000, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("direction") == "between" and not data.get("other"):
            self.add_error("other", "Say who they helped.")
        return data


class IntroductionForm(CalmForm):
    a = PersonRefField(label="Introduce (asked first)")
    b = PersonRefField(label="To")
    why_a = forms.CharField(
        label="Why it matters to the first",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="In terms of what matters to them; it goes into the message you send.",
    )
    why_b = forms.CharField(
        label="Why it matters to the second",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
