"""The communes of the département, from the official list shipped in network/directory/data."""

from django.db import models

from workspace.search.words import matching


class CommuneQuerySet(models.QuerySet):
    def search(self, text):
        """Communes whose name or postcodes begin with each word of ``text``, whatever its accents and
        case, as the site's search reads them ("ceret" finds Céret, "st cyprien" Saint-Cyprien,
        "665" the communes of 66500…), or whose INSEE code is ``text``."""
        text = (text or "").strip()
        if not text:
            return self
        return matching(self, text, ["name", "postcodes"]) | self.filter(code=text)


class Commune(models.Model):
    code = models.CharField("Code INSEE", max_length=5, unique=True)
    name = models.CharField("Nom", max_length=120)
    # Space-separated: a commune has one to a few postcodes, searched as text.
    postcodes = models.CharField("Codes postaux", max_length=120, blank=True)
    population = models.PositiveIntegerField("Population", default=0)
    epci_code = models.CharField("Code de l'intercommunalité (SIREN)", max_length=9, blank=True, db_index=True)
    epci_name = models.CharField("Intercommunalité", max_length=200, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "Commune"
        verbose_name_plural = "Communes"

    def __str__(self):
        first_postcode = self.postcodes.split(" ")[0] if self.postcodes else ""
        return f"{self.name} ({first_postcode})" if first_postcode else self.name

    @property
    def postcode_list(self):
        return self.postcodes.split()
