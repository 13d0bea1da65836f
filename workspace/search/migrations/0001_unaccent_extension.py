"""PostgreSQL's unaccent extension, for searches that ignore accents (workspace/search/words.py).
On SQLite the operation does nothing: the app registers a Python unaccent() on each connection.
unaccent is a trusted extension (PostgreSQL 13+): the database's owner may create it."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [UnaccentExtension()]
