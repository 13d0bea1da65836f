"""What a page's HTML must be, read by html5lib (the WHATWG parsing algorithm browsers follow):
no parse error (a <ul> inside a <p> closes the paragraph, and its </p> is then an error), no id
used twice, every reference to an id (label for, aria-describedby, aria-labelledby, aria-controls)
naming one that exists, every <time datetime> a valid HTML date or time, and no template syntax
left in the text (a ``{# … #}`` comment written over two lines is printed, not hidden)."""

import re

import html5lib
from html5lib.constants import E

# HTML's date and time microsyntaxes: year, month, date, yearless date, week, time, local and
# global date and time, duration. Seconds take at most three decimals (not Python's microseconds).
_TIME = r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?"
_DATE = r"\d{4,}-\d{2}-\d{2}"
_ZONE = r"(?:Z|[+-]\d{2}:?\d{2})"
VALID_DATETIME = re.compile(
    rf"^(?:\d{{4,}}|\d{{4,}}-\d{{2}}|{_DATE}|-?-?\d{{2}}-\d{{2}}|\d{{4,}}-W\d{{2}}|{_TIME}|{_ZONE}"
    rf"|{_DATE}[T ]{_TIME}{_ZONE}?"
    rf"|P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{{1,3}})?S)?)?)$"
)
ID_REFERENCES = ("for", "aria-describedby", "aria-labelledby", "aria-controls")
TEMPLATE_SYNTAX = re.compile(r"\{[#%]|[#%]\}")


def _element_name(element):
    return element.tag.rpartition("}")[2]


def parse_errors(html):
    """The parse errors of ``html``, as html5lib words them with their line and column."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    parser.parse(html)
    return [
        f"ligne {line}, colonne {column} : {E.get(code, code) % (data or {})}"
        for (line, column), code, data in parser.errors
    ]


def problems(html):
    """Everything wrong with the page ``html`` (an empty list for a valid page)."""
    found = parse_errors(html)
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    elements = list(tree.iter())
    ids = [element.get("id") for element in elements if element.get("id")]
    found += [f"id en double : {name}" for name in sorted({name for name in ids if ids.count(name) > 1})]
    known = set(ids)
    for element in elements:
        for attribute in ID_REFERENCES:
            if attribute == "for" and _element_name(element) != "label":
                continue
            for name in (element.get(attribute) or "").split():
                if name not in known:
                    found.append(f'<{_element_name(element)} {attribute}="{name}"> : aucun élément n\'a cet id')
        texts = (element.tail,) if _element_name(element) in ("script", "style") else (element.text, element.tail)
        for text in texts:
            if text and (syntax := TEMPLATE_SYNTAX.search(text)):
                found.append(f"syntaxe de gabarit restée dans le texte : « {text.strip()[:60]} » ({syntax.group()})")
        if _element_name(element) == "time" and element.get("datetime") is not None:
            value = element.get("datetime")
            if not VALID_DATETIME.match(value):
                found.append(f'<time datetime="{value}"> : date ou heure invalide en HTML')
    return found


def elements_by_id(html):
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return {element.get("id"): element for element in tree.iter() if element.get("id")}


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def all_elements(html, name):
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return [element for element in tree.iter() if _element_name(element) == name]
