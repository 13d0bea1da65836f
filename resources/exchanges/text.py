"""Members write Markdown; it is rendered then sanitised with nh3 before it is stored."""

import html

import markdown
import nh3

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


def render_markdown(source):
    """Safe HTML for a member's Markdown: no script, no event handler, no style, no foreign scheme."""
    rendered = markdown.markdown(source or "", extensions=["sane_lists", "nl2br"], output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def excerpt(source, length=200):
    """Plain text of a message (for e-mails and listings)."""
    text = html.unescape(nh3.clean(render_markdown(source), tags=set())).replace("\n", " ").strip()
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
