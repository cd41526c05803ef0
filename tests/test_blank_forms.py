"""Blank forms rendered once per process (web/forms.py `blank`) render exactly as the
form itself would, field by field, and a page that shows one still posts what it should."""

import pytest
from django.template import Context, Template

from carefor.web.forms import FollowUpForm, ImportantDateForm, MatterForm, NoteForm, blank

FORMS = [NoteForm, MatterForm, FollowUpForm, ImportantDateForm]
FIELD = Template(
    "{{ f.label_tag }}{{ f }}{{ f.errors }}|{{ f.label }}|{{ f.help_text }}|{{ f.id_for_label }}"
    "|{% if f.errors %}has errors{% endif %}{% for e in f.errors %}{{ e }}{% endfor %}"
)


@pytest.mark.parametrize("form_class", FORMS)
def test_a_blank_form_renders_like_the_form(form_class):
    form, rendered = form_class(), blank(form_class)
    assert list(rendered.fields) == list(form.fields)
    for bound in form:
        as_form = FIELD.render(Context({"f": bound}))
        as_blank = FIELD.render(Context({"f": rendered[bound.name]}))
        assert as_blank == as_form
        assert f'name="{bound.name}"' in as_blank
    assert not rendered.errors and rendered.non_field_errors() == []
