"""An inline formset's row count tampered with: refused at once, in French, nothing written.

Wagtail's inline panels post ``<relation>-TOTAL_FORMS``, which Django believes up to 2,000 rows: a
count of 100,000 had the server build, validate and draw again 2,000 empty rows (10 to 40 seconds)
before refusing them. Every inline panel of our admin (snippets, model viewsets, pages,
wagtail-modeladmin) is found from the edit handlers and tried on its record's edit form: the answer
is the form shown again with a French message, the rows are unchanged, and the server built no
more rows than the form sent (workspace/security/formsets.py) — a bound, not a timing.
"""

import html
import inspect
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import get_resolver
from modelcluster.forms import BaseTransientModelFormSet
from wagtail.admin.panels import InlinePanel
from wagtail.admin.viewsets import viewsets
from wagtail.documents.models import Document

from network.coordination.models import Decision, MeetingDocument
from network.coordination.models.committees import committee_collection
from network.directory.models import SocialProfile
from network.events.models.trainings import TrainingMaterial, TrainingPage
from tests import matrix_coverage
from tests.factories import SocialProfileFactory
from tests.pages import page_at, publish_child
from tests.test_admin_bad_input import read_forms, snapshot
from tests.test_committees import committee, meeting
from workspace.security.formsets import TAMPERED_COUNT

pytestmark = pytest.mark.django_db

HUGE_COUNTS = ["100000", str(10**9)]


def panels_in(panel):
    yield panel
    for child in getattr(panel, "children", ()):
        yield from panels_in(child)


def edit_handlers():
    """The edit handlers of our admin: pages, viewsets (snippets included), wagtail-modeladmin."""
    for model in matrix_coverage.our_page_models():
        yield model.get_edit_handler()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if (
            isinstance(model, type)
            and matrix_coverage.is_ours(model.__module__)
            and hasattr(viewset, "get_edit_handler")
        ):
            yield viewset.get_edit_handler()
    for *_route, pattern in matrix_coverage.walk(get_resolver().url_patterns):
        model_admin = getattr(inspect.unwrap(pattern.callback), "__self__", None)
        if hasattr(model_admin, "get_edit_handler") and matrix_coverage.is_ours(model_admin.model.__module__):
            yield model_admin.get_edit_handler()


def inline_panels():
    """{(model label, relation name)} of every inline panel of our admin."""
    return {
        (panel.model._meta.label, panel.relation_name)
        for handler in edit_handlers()
        for panel in panels_in(handler)
        if isinstance(panel, InlinePanel)
    }


def committee_document():
    document = Document(title="Convocation", collection=committee_collection(committee("pilotage").committee_group))
    document.file.save("convocation.txt", ContentFile(b"Convocation"), save=True)
    return document


# (model label, relation) → (a record with one row of that relation, its edit address, the rows)
def a_meeting():
    record = meeting("pilotage")
    MeetingDocument.objects.create(meeting=record, document=committee_document())
    Decision.objects.create(meeting=record, text="Relancer les structures")
    return f"/admin/snippets/coordination/meeting/edit/{record.pk}/"


def a_promeneur():
    profile = SocialProfileFactory(promeneur__email="lucie.martin@example.org")
    return f"/admin/snippets/directory/promeneur/edit/{profile.promeneur.pk}/"


def a_training():
    page = publish_child(page_at("/espace/formations/"), TrainingPage(title="Posture", slug="posture"))
    TrainingMaterial.objects.create(page=page, document=committee_document(), label="Diaporama")
    return f"/admin/pages/{page.pk}/edit/"


# What a browser sends beyond the page's HTML (a StreamField's blocks are drawn by Wagtail's script);
# a form without that field ignores it.
SCRIPTED = {"body-count": "0"}


INLINES = {
    ("coordination.Meeting", "documents"): (a_meeting, MeetingDocument),
    ("coordination.Meeting", "decisions"): (a_meeting, Decision),
    ("directory.Promeneur", "social_profiles"): (a_promeneur, SocialProfile),
    ("events.TrainingPage", "materials"): (a_training, TrainingMaterial),
}


def test_every_inline_panel_of_the_admin_is_tried():
    assert inline_panels() == set(INLINES)


def edit_form(client, address):
    """The untouched values of the record's edit form, as a browser sends them."""
    page = client.get(address).content.decode()
    (form,) = [
        form for form in read_forms(page) if form["method"] == "post" and urlsplit(form["action"]).path == address
    ]
    return {**SCRIPTED, **form["values"]}


def rows_of(model):
    return sorted(model.objects.values_list("pk", flat=True))


@pytest.fixture
def built_rows(monkeypatch):
    """{formset prefix: rows the server built} during the test."""
    built = {}
    construct = BaseTransientModelFormSet._construct_form

    def counting(self, i, **kwargs):
        built[self.prefix] = built.get(self.prefix, 0) + 1
        return construct(self, i, **kwargs)

    monkeypatch.setattr(BaseTransientModelFormSet, "_construct_form", counting)
    return built


@pytest.mark.parametrize("count", HUGE_COUNTS)
@pytest.mark.parametrize("inline", sorted(INLINES), ids="-".join)
def test_a_huge_row_count_is_refused_at_once_in_french(client_as, built_rows, inline, count):
    make, row_model = INLINES[inline]
    address = make()
    client = client_as("coordination")
    values = edit_form(client, address)
    relation = inline[1]
    total = f"{relation}-TOTAL_FORMS"
    assert values[total] == "1"

    with transaction.atomic():  # the untouched form is accepted: only the count is refused below
        assert client.post(address, values).status_code == 302
        transaction.set_rollback(True)

    rows, before = rows_of(row_model), snapshot()
    built_rows.clear()
    response = client.post(address, {**values, total: count})

    assert response.status_code == 200
    assert TAMPERED_COUNT in html.unescape(response.content.decode())
    assert snapshot() == before and rows_of(row_model) == rows
    # The form sent one row: the server built that one (and the other inline's, if any), not thousands.
    assert built_rows.get(relation, 0) <= 1
    assert sum(built_rows.values()) <= 2


def test_a_row_added_by_the_admins_script_is_still_saved(client_as):
    """The count the script writes, backed by the row it adds, is believed as before."""
    address = a_meeting()
    client = client_as("coordination")
    values = edit_form(client, address)
    added = {"decisions-1-id": "", "decisions-1-ORDER": "2", "decisions-1-DELETE": "", "decisions-1-text": "Écrire"}
    response = client.post(address, {**values, **added, "decisions-TOTAL_FORMS": "2"})
    assert response.status_code == 302
    assert sorted(Decision.objects.values_list("text", flat=True)) == ["Relancer les structures", "Écrire"]
