"""Counts agree the French way everywhere (0 and 1 singular): one rule, workspace/display.py, used
by Python code (``agreed``) and by templates (the ``pluriel`` filter)."""

import datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from network.directory.models.imports import import_summary
from tests.exchanges_helpers import discussion_url
from tests.factories import DiscussionFactory, MessageFactory
from workspace.display import agreed, count_of, of, plural_suffix


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "promeneur relancé"), (1, "promeneur relancé"), (2, "promeneurs relancés"), (300, "promeneurs relancés")],
)
def test_agreed_is_singular_up_to_one(count, expected):
    assert f"{agreed(count, 'promeneur')} {agreed(count, 'relancé')}" == expected


def test_a_count_carries_its_agreed_words():
    assert count_of(1, "fiche créée", "fiches créées") == "1 fiche créée"
    assert count_of(3, "inchangée") == "3 inchangées"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mars 2026", "de mars 2026"),
        ("octobre 2026", "d'octobre 2026"),
        ("Enzo Camps", "d'Enzo Camps"),
        ("Inès", "d'Inès"),
        ("Analyse de pratiques", "d'Analyse de pratiques"),
        ("Lucie Martin", "de Lucie Martin"),
        ("Yanis", "de Yanis"),
        ("", "de "),
    ],
)
def test_de_is_elided_before_a_vowel(words, expected):
    assert of(words) == expected
    assert Template("{% load display_tags %}{{ words|de }}").render(Context({"words": words})) == expected.replace(
        "'", "&#x27;"
    )


def test_the_directory_import_summary_says_no_fiche_s_or_ligne_s():
    assert import_summary(1, 0, 2, 1) == ("1 fiche créée, 0 mise à jour, 2 inchangées, 1 ligne en erreur non importée")
    assert "(s)" not in import_summary(2, 3, 0, 4)


def test_the_template_filter_takes_a_suffix_or_two_forms_as_django_pluralize():
    template = Template(
        "{% load display_tags %}{% for n in counts %}{{ n }} réponse{{ n|pluriel }} "
        '{{ n|pluriel:"figure,figurent" }}; {% endfor %}'
    )
    rendered = template.render(Context({"counts": [0, 1, 2]}))
    assert rendered == "0 réponse figure; 1 réponse figure; 2 réponses figurent; "
    assert plural_suffix(2, "al,aux") == "aux" and plural_suffix(1, "al,aux") == "al"


@pytest.mark.django_db
def test_a_discussion_without_replies_says_0_reponse(client_as):
    discussion = DiscussionFactory()
    client = client_as("promeneur")
    assert "0 réponse<" in client.get(discussion_url(discussion)).content.decode()
    MessageFactory.create_batch(2, discussion=discussion)
    assert "2 réponses<" in client.get(discussion_url(discussion)).content.decode()


def test_the_key_figures_agree_with_their_counts():
    def figures(count):
        names = ("new_young_people", "young_people_reached", "journal_hours")
        return {"figures": dict.fromkeys(names, count), "show_journal": True, "personal": True}

    one = " ".join(render_to_string("activity/includes/key_figures.html", figures(1)).split())
    assert "dont 1 nouveau<" in one and "1 jeune touché<" in one and "1 heure<" in one
    two = " ".join(render_to_string("activity/includes/key_figures.html", figures(2)).split())
    assert "dont 2 nouveaux<" in two and "2 jeunes touchés<" in two and "2 heures<" in two


def test_the_dashboard_month_table_tells_screen_readers_the_grids_in_agreement():
    def row(grids):
        return {"label": "mars 2026", "month": datetime.date(2026, 3, 1), "in_progress": False, "grids": grids}

    scope = SimpleNamespace(territory=None, structure=None)
    for grids, words in ((1, "1 grille reçue en"), (0, "0 grille reçue en"), (2, "2 grilles reçues en")):
        context = {"figures": {"by_month": [row(grids)]}, "missing_grids_scope": scope, "charts": {}}
        assert f'aria-label="{words} mars 2026' in render_to_string("activity/includes/figure_tables.html", context)
