"""Members' Markdown is rendered then sanitised: known XSS payloads leave nothing executable."""

import re

import pytest

from resources.exchanges.text import excerpt, render_markdown
from tests.exchanges_helpers import EXCHANGES, discussion_url
from tests.factories import DiscussionFactory

XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href="&#106;avascript:alert(1)">clic</a>',
    '<a href="jav&#x09;ascript:alert(1)">clic</a>',
    "[clic](javascript:alert(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![image](javascript:alert(1))",
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<p style="background:url(javascript:alert(1))">style</p>',
    '<div style="width: expression(alert(1))">ie</div>',
    "<style>body { background: url(javascript:alert(1)) }</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example"><input name=p></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<base href="https://evil.example/">',
    '<a href="https://example.org" onclick="alert(1)">lien</a>',
    '<p onmouseover="alert(1)">survol</p>',
    '"><script>alert(1)</script>',
    "<!--<script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<video><source onerror="alert(1)"></video>',
    "<input autofocus onfocus=alert(1)>",
]

FORBIDDEN = [
    re.compile(
        r"<\s*(script|style|iframe|object|embed|form|input|svg|math|meta|link|base|img|video|body|details)\b", re.I
    ),
    re.compile(r"\son\w+\s*=", re.I),
    re.compile(r"(javascript|vbscript|data):", re.I),
    re.compile(r"\sstyle\s*=", re.I),
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_known_xss_payloads_leave_nothing_executable(payload):
    html = render_markdown(f"Bonjour\n\n{payload}\n\nfin")
    for pattern in FORBIDDEN:
        assert not pattern.search(html), f"{payload!r} -> {html!r}"


def test_ordinary_markdown_is_kept():
    html = render_markdown("**gras** et *italique*\n\n- un\n- deux\n\n[Le 3018](https://www.e-enfance.org)")
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<li>un</li>" in html
    assert 'href="https://www.e-enfance.org"' in html and 'rel="nofollow noopener noreferrer"' in html


def test_excerpt_is_plain_text():
    assert excerpt("**Alerte** <script>x()</script> & suite") == "Alerte  & suite"


@pytest.mark.django_db
def test_a_payload_posted_by_a_member_is_served_sanitised(client_as):
    discussion = DiscussionFactory()
    client = client_as("promeneur")
    payload = "<img src=x onerror=alert(1)><script>alert(2)</script>[clic](javascript:alert(3))"
    client.post(f"{EXCHANGES}{discussion.pk}/repondre/", {"body": payload})
    page = client.get(discussion_url(discussion)).content.decode()
    assert "onerror" not in page and "alert(2)" not in page and "javascript:alert(3)" not in page
    assert "clic" in page
