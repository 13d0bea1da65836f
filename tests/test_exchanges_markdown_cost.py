"""One message must not take the server down: rendering costs a bounded time whatever the text."""

import time

import pytest
from django.conf import settings

from resources.exchanges.text import render_markdown

LIMIT = settings.EXCHANGES_MESSAGE_MAX_LENGTH


def at_limit(pattern):
    return (pattern * (LIMIT // len(pattern) + 1))[:LIMIT]


def halves(opening, closing):
    count = LIMIT // (len(opening) + len(closing))
    return opening * count + closing * count


ADVERSARIAL = {
    "crochets ouvrants": at_limit("["),
    "liens vides ouverts": at_limit("[]("),
    "crochets imbriqués": halves("[", "]"),
    "images ouvertes": at_limit("!["),
    "liens ouverts": at_limit("[x]("),
    "liens à chevrons": at_limit("[a](<"),
    "références": "[a]: /u\n" + at_limit("[a] ")[: LIMIT - 8],
    "étoiles": at_limit("*"),
    "soulignés": at_limit("_a"),
    "gras ouverts": at_limit("**a"),
    "emphases imbriquées": halves("*_", "_*"),
    "lien long": "[a](https://example.org/" + "a" * (LIMIT - 26) + ")",
    "accents graves": at_limit("`"),
    "code ouvert": at_limit("`a"),
    "chevrons": at_limit("<"),
    "balises ouvertes": at_limit("<div>"),
    "balises non fermées": halves("<x>", "</y>"),
    "citations imbriquées": at_limit(">"),
    "listes imbriquées": at_limit("- "),
    "listes dans des citations": at_limit("> - "),
    "entités": at_limit("&#"),
    "paragraphes": at_limit("a\n\n"),
}


def measured(function, *args):
    """(result, CPU seconds, wall-clock seconds) of one call. The budget is checked on the CPU time
    this process spends: the machine is shared by several test runs, and under their load the
    wall clock says more about them than about the renderer. The wall clock gets a looser bound:
    it is what a worker's request waits, and the quadratic renderer took minutes."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = function(*args)
    return result, time.process_time() - cpu, time.perf_counter() - wall


@pytest.mark.parametrize("source", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_markdown_at_the_size_limit_renders_in_under_100_ms(source):
    assert len(source) <= LIMIT
    # Best of three: a super-linear cost shows on every run, a pause of the machine on one.
    runs = [measured(render_markdown, source) for _ in range(3)]
    cpu, wall = min(run[1] for run in runs), min(run[2] for run in runs)
    assert cpu < 0.1, f"{cpu:.3f} s de calcul"
    assert wall < 1, f"{wall:.3f} s"
    assert "<script" not in runs[0][0]


def test_a_text_nested_deeper_than_any_message_is_shown_as_plain_text():
    html = render_markdown(">" * 5000 + " le texte reste lisible")
    assert "<blockquote>" not in html and "le texte reste lisible" in html and "&gt;&gt;" in html


def test_a_long_ordinary_message_keeps_its_formatting():
    paragraph = "Un **point** important, voir [le 3018](https://www.e-enfance.org).\n\n"
    source = "> - une liste\n>     - dans une citation\n\n" + paragraph * (LIMIT // len(paragraph) - 1)
    html = render_markdown(source)
    assert html.count("<strong>point</strong>") == LIMIT // len(paragraph) - 1
    assert "<blockquote>\n<ul>\n<li>une liste\n<ul>" in html
