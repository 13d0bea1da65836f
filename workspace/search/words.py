"""What a visitor types, matched as words whatever its accents and case: "ceret" finds Céret,
"CANET" finds Canet-en-Roussillon, "st cyprien" finds Saint-Cyprien (issue 15).

A query is cut into words of letters and digits (punctuation, quotes and operators are only
separators, so nothing typed is ever syntax); a row matches when each word begins a word of one
of the searched fields. Comparing word beginnings rather than any substring keeps "Err" (a
commune) from finding "Pierre".

Accents are removed by PostgreSQL's ``unaccent()`` (the extension is created by this app's
migration); on SQLite (the quick start) the same function is the Python ``unaccent`` below,
registered on each connection (apps.py)."""

import re
import unicodedata
from functools import reduce
from operator import or_

from django.db.models import Q

# A query longer than this is cut: each word is one more condition on every row.
MAX_WORDS = 8
# What people type for the communes' "Saint-" and "Sainte-".
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
# Letters that PostgreSQL's unaccent() spells out and Unicode does not decompose.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
SEPARATORS = re.compile(r"[\W_]+")


def unaccent(text):
    """``text`` without its accents, as PostgreSQL's unaccent() (None stays None, as SQL's NULL)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text).translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The words of ``text``, without accents, in lower case, abbreviations spelt out."""
    return [ABBREVIATIONS.get(word, word) for word in SEPARATORS.split(unaccent(text or "").casefold()) if word]


def search_words(text):
    """The words of a query (at most MAX_WORDS)."""
    return words(text)[:MAX_WORDS]


def normalised(text):
    """``text`` as one string of its words: two spellings of a name compare equal."""
    return " ".join(words(text))


def word_start(field, word):
    """Rows whose ``field`` has a word beginning with ``word`` (one of ``search_words``: letters and
    digits only, so nothing in it is a regular expression's syntax)."""
    return Q(**{f"{field}__unaccent__iregex": rf"(^|[^a-z0-9]){word}"})


def matching(queryset, text, fields):
    """Rows of ``queryset`` where each word of ``text`` begins a word of one of ``fields``: field
    paths, or functions of a word giving a condition (a subquery, for a many-valued relation that
    a join would multiply by each word)."""
    for word in search_words(text):
        conditions = (field(word) if callable(field) else word_start(field, word) for field in fields)
        queryset = queryset.filter(reduce(or_, conditions))
    return queryset
