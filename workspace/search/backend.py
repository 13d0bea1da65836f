"""Wagtail's database search backend, where what a visitor types is only ever words.

On SQLite, Wagtail's backend (django-modelsearch) writes each word between double
quotes in the FTS5 query but leaves a double quote inside the word as it is: a
search for `"` or `l"école` was an FTS5 syntax error, so a 500, in the site's search
and in the admin's. FTS5 escapes a double quote inside a string by doubling it; all
other characters are already literal between the quotes. PostgreSQL's backend
passes words as bound values and needs nothing."""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.query import Phrase, PlainText


def fts5_string(text):
    return text.replace('"', '""')


def _escaping_compiler(compiler_class):
    class EscapingCompiler(compiler_class):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                query = PlainText(fts5_string(query.query_string), operator=query.operator, boost=query.boost)
            elif isinstance(query, Phrase):
                query = Phrase(fts5_string(query.query_string))
            return super().build_search_query_content(query, config=config)

    EscapingCompiler.__name__ = f"Escaping{compiler_class.__name__}"
    return EscapingCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in WAGTAILSEARCH_BACKENDS' module)
    backend = database_search_backend(params)
    if connection.vendor == "sqlite":
        # Imported here: this module reads the FTS5 index model, which exists only on SQLite.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            backend.query_compiler_class = _escaping_compiler(backend.query_compiler_class)
            backend.autocomplete_query_compiler_class = _escaping_compiler(backend.autocomplete_query_compiler_class)
    return backend
