"""A directory file uploaded in the admin, kept between its preview and its confirmation."""

import uuid

from django.db import models

from workspace.display import count_of
from workspace.fields import by_user


def import_summary(created, updated, unchanged, errors):
    """What an import did, as the admin and the import command say it."""
    return ", ".join(
        [
            count_of(created, "fiche créée", "fiches créées"),
            count_of(updated, "mise à jour", "mises à jour"),
            count_of(unchanged, "inchangée"),
            count_of(errors, "ligne en erreur non importée", "lignes en erreur non importées"),
        ]
    )


class DirectoryImport(models.Model):
    """The content waits here (never in a public file) until the coordinator confirms it, then
    it is emptied: what stays is who imported what, when, and what it did. The id is random, so
    that an address of a preview cannot be guessed."""

    class Kind(models.TextChoices):
        PROMENEURS = "promeneurs", "Promeneurs"
        STRUCTURES = "structures", "Structures"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField("Type de fiches", max_length=20, choices=Kind.choices)
    file_name = models.CharField("Fichier", max_length=255)
    content = models.BinaryField("Contenu", editable=False)
    uploaded_by = by_user("Envoyé par", blank=False)
    uploaded_at = models.DateTimeField("Envoyé le", auto_now_add=True)
    confirmed_by = by_user("Importé par")
    confirmed_at = models.DateTimeField("Importé le", null=True, blank=True)
    created = models.PositiveIntegerField("Créés", default=0)
    updated = models.PositiveIntegerField("Mis à jour", default=0)
    unchanged = models.PositiveIntegerField("Inchangés", default=0)
    errors = models.PositiveIntegerField("Lignes en erreur", default=0)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "Import de l'annuaire"
        verbose_name_plural = "Imports de l'annuaire"

    def __str__(self):
        return f"{self.get_kind_display()} : {self.file_name}"

    def summary(self):
        return import_summary(self.created, self.updated, self.unchanged, self.errors)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
