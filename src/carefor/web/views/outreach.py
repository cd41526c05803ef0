"""Outreach (first contacts by verdict, correctable) and the draft checker."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from carefor.outreach.models import MessageVerdict
from carefor.outreach.services import (
    lint_silence_set,
    lint_silenced,
    local_model_path,
    outreach_list,
    verdict_correct,
)
from carefor.web.decorators import safe_next, workspace_required

VERDICT_ORDER = ("pitch", "reciprocity", "unsure", "genuine", "automated")


def highlight(text: str, spans: list[dict]) -> SafeString:
    """The text, escaped, with each evidence span in <mark title="why">."""
    out, at = [], 0
    for span in sorted(spans, key=lambda s: s["start"]):
        start, end = span["start"], span["end"]
        if start < at or end > len(text) or text[start:end] != span["text"]:
            continue  # an old verdict whose text moved: show it plain rather than wrong
        out.append(escape(text[at:start]))
        out.append(
            f'<mark title="{escape(span["why"])}" data-rule="{escape(span["rule"])}">'
            f"{escape(text[start:end])}</mark>"
        )
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


@workspace_required
def outreach_page(request: HttpRequest) -> HttpResponse:
    from carefor.language.asks import own_words

    verdict = request.GET.get("verdict", "pitch")
    if verdict not in VERDICT_ORDER:
        verdict = "pitch"
    all_contacts = request.GET.get("all") == "1"
    rows = outreach_list(
        workspace=request.workspace, verdict=verdict, first_contact_only=not all_contacts
    )[:200]
    items = []
    for row in rows:
        message = row.interaction
        text = own_words(message.body)
        items.append({"row": row, "message": message, "text": highlight(text, row.evidence)})
    counts = {
        v: outreach_list(
            workspace=request.workspace, verdict=v, first_contact_only=not all_contacts
        ).count()
        for v in VERDICT_ORDER
    }
    return render(
        request,
        "web/outreach/outreach.html",
        {
            "items": items,
            "verdict": verdict,
            "verdicts": [(v, MessageVerdict.Verdict(v).label, counts[v]) for v in VERDICT_ORDER],
            # A correction is the reader's own verdict: "not sure" is not one.
            "choices": [c for c in MessageVerdict.Verdict.choices if c[0] != "unsure"],
            "all_contacts": all_contacts,
        },
    )


@workspace_required
@require_POST
def verdict_action(request: HttpRequest, verdict_id: int) -> HttpResponse:
    try:
        row = verdict_correct(
            workspace=request.workspace,
            user=request.user,
            verdict_id=verdict_id,
            verdict=request.POST.get("verdict", ""),
        )
    except MessageVerdict.DoesNotExist:
        raise Http404("No such message.") from None
    except ValueError as exc:
        return HttpResponse(str(exc), status=400)
    if request.htmx:
        return render(request, "web/outreach/_corrected.html", {"row": row})
    return redirect(safe_next(request, "outreach"))


@workspace_required
@require_http_methods(["GET", "POST"])
def check_page(request: HttpRequest) -> HttpResponse:
    """Paste a draft (or any text): promises, requests, and strings attached."""
    from carefor.language.agenda import LINT_RULES
    from carefor.language.agenda_model import check_draft
    from carefor.language.asks import own_words
    from carefor.language.commitments import analyse

    text = request.POST.get("text", "")
    silenced = lint_silenced(workspace=request.workspace, user=request.user)
    context: dict[str, object] = {"text": text, "rules": LINT_RULES, "silenced": silenced}
    if text.strip():
        local = local_model_path(request.workspace)
        checked = check_draft(text, silenced=silenced, model_path=local if local.exists() else None)
        flags = checked.flags
        context |= {
            "checked": True,
            "verdict": checked.verdict,
            "flags": flags,
            # Flags point into the writer's own words (quotes and signature dropped).
            "marked": highlight(
                own_words(text),
                [
                    {"text": f.text, "start": f.start, "end": f.end, "rule": f.rule, "why": f.why}
                    for f in flags
                ],
            ),
            "analysis": analyse(text, written_on=timezone.localdate()),
        }
    return render(request, "web/outreach/check.html", context)


@workspace_required
@require_POST
def silence_action(request: HttpRequest) -> HttpResponse:
    try:
        lint_silence_set(
            workspace=request.workspace,
            user=request.user,
            rule=request.POST.get("rule", ""),
            silenced=request.POST.get("silenced") == "1",
        )
    except ValueError as exc:
        return HttpResponse(str(exc), status=400)
    return check_page(request)
