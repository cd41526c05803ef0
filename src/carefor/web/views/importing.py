"""The Import page: upload a file, see the report, and the history of earlier imports."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from carefor.importers.kinds import SOURCE_KINDS
from carefor.importers.models import ImportRun
from carefor.importers.records import SourceError
from carefor.importers.services import MAX_FILE_BYTES, import_path
from carefor.web.decorators import workspace_required
from carefor.web.forms import CalmForm

UPLOADABLE = [k for k in SOURCE_KINDS.values() if k.name != "maildir"]


class ImportForm(CalmForm):
    kind = forms.ChoiceField(label="What is it?", choices=[(k.name, k.label) for k in UPLOADABLE])
    file = forms.FileField(
        label="File",
        help_text="A Maildir is a folder: use the terminal (carefor import maildir PATH).",
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"{upload.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                "import it from the terminal with `carefor import`."
            )
        return upload


@workspace_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Parsers read paths; the upload goes to a private temporary file, removed after.
        with tempfile.TemporaryDirectory(prefix="carefor-upload-") as folder:
            target = Path(folder) / Path(upload.name).name
            with target.open("wb") as out:
                shutil.copyfileobj(upload, out)
            try:
                report = import_path(
                    workspace=request.workspace,
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    path=target,
                    name=upload.name,
                )
            except SourceError as exc:
                error = str(exc).replace(str(target), upload.name)
    history = ImportRun.objects.filter(workspace=request.workspace)[:20]
    return render(
        request,
        "web/import.html",
        {"form": form, "report": report, "error": error, "history": history},
    )
