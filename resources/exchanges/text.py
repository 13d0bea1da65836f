"""Members write Markdown; it is rendered then sanitised with nh3 once, when it is saved.

The renderer is cmark (CommonMark's reference implementation, in C, through cmarkgfm): its time
grows linearly with the text. Python-Markdown's link and emphasis patterns did not: 20,000 "["
cost two minutes of CPU. The sanitiser (html5ever, inside nh3) is linear in the length but not
in the nesting depth of what it parses, so a text nested far deeper than any real message (20,000
">" make 20,000 nested quotes) is shown as plain text, which costs a linear time to produce.
"""

import html
import re
from itertools import accumulate

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from django.utils.html import linebreaks

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "blockquote",
    "h3",
    "h4",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

# One line break is a <br> (as Python-Markdown's nl2br did). Raw HTML is kept for nh3 to sanitise:
# cmark's own "safe" mode would keep the text of a <script> where nh3 drops it.
OPTIONS = Options.CMARK_OPT_HARDBREAKS | Options.CMARK_OPT_UNSAFE
# Real messages nest a few levels (a quote holding a list holding bold text); these bounds keep
# the sanitiser's time in milliseconds for 20,000 characters, whatever their content.
MAX_DEPTH = 50
MAX_RAW_TAGS = 100

# What can start raw HTML in Markdown: a tag, a closing tag, a comment, a declaration.
RAW_HTML = re.compile(r"<[A-Za-z/!?]")
# In cmark's own output every "<" starts a tag: it escapes "<" in text and in attributes.
CMARK_TAG = re.compile(r"<(/?)(?!(?:br|hr|img|input)\b)[a-z]")


def _start_tags(rendered):
    """At most how many start tags ``rendered`` holds (closing tags, comments, declarations left out)."""
    return rendered.count("<") - rendered.count("</") - rendered.count("<!")


def _deeper_than(cmark_html, limit):
    """Whether cmark's own HTML, which is balanced, nests deeper than ``limit`` (void elements left out)."""
    steps = (-1 if closing else 1 for closing in CMARK_TAG.findall(cmark_html))
    return any(depth > limit for depth in accumulate(steps))


def _too_nested(source, rendered):
    """Whether the sanitiser could meet more nesting than a real message has.

    The depth html5ever builds is at most the Markdown's own depth plus a few elements per tag
    written by the member, so both are bounded. Most messages hold fewer tags than MAX_DEPTH in
    all and need no closer look."""
    tags = _start_tags(rendered)
    if tags <= MAX_DEPTH:
        return False
    markdown_only = rendered
    if RAW_HTML.search(source):
        markdown_only = cmarkgfm.markdown_to_html(source, Options.CMARK_OPT_HARDBREAKS)  # raw HTML left out
        if tags - _start_tags(markdown_only) > MAX_RAW_TAGS:
            return True
    return _deeper_than(markdown_only, MAX_DEPTH)


def render_markdown(source):
    """Safe HTML for a member's Markdown: no script, no event handler, no style, no foreign scheme."""
    source = source or ""
    rendered = cmarkgfm.markdown_to_html(source, OPTIONS)
    if _too_nested(source, rendered):
        return linebreaks(source, autoescape=True)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def plain_text(safe_html):
    """What a reader sees of sanitised HTML, as plain text on one line (for e-mails and listings):
    no tag, no entity (a plain-text e-mail shows "&#x27;" as is)."""
    return html.unescape(nh3.clean(safe_html, tags=set())).replace("\n", " ").strip()


def shorten(text, length):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def excerpt(source, length=200):
    """Plain text of a Markdown source (the models store theirs: Message.body_text)."""
    return shorten(plain_text(render_markdown(source)), length)
