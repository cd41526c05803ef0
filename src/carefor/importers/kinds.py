"""The kinds of source carefor imports. Pure: the CLI lists them before Django starts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceKind:
    name: str  # the CLI word: "mbox", "vcard"...
    label: str  # for people: "mbox file (Gmail Takeout)"
    folder_ok: bool  # may the path be a directory?


SOURCE_KINDS = {
    kind.name: kind
    for kind in (
        SourceKind("mbox", "mbox file (Gmail Takeout, Thunderbird, mutt)", folder_ok=False),
        SourceKind("maildir", "Maildir folder (Maildir++ subfolders included)", folder_ok=True),
        SourceKind("vcard", "vCard file (.vcf): Apple, Google, Outlook, Android", folder_ok=False),
        SourceKind("google-csv", "Google Contacts CSV export", folder_ok=False),
        SourceKind("linkedin", "LinkedIn data export (zip or folder)", folder_ok=True),
        SourceKind("ics", "iCalendar file (.ics)", folder_ok=False),
    )
}
