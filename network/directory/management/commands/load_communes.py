from django.core.management.base import BaseCommand
from django.db import transaction

from network.directory.communes import COMMUNES_FILE, load_communes, match_commune, read_communes_file
from network.directory.models import Commune, Structure
from workspace.display import count_of


class Command(BaseCommand):
    help = (
        "Met à jour les communes du département d'après network/directory/data/communes-66.json (après un "
        "nouveau millésime, voir scripts/build_communes.py), puis rattache à leur commune les structures qui "
        "n'en ont pas encore, quand le nom de commune saisi est sans ambiguïté. Relançable sans doublon."
    )

    @transaction.atomic
    def handle(self, **options):
        created, updated = load_communes(Commune)
        linked = 0
        for structure in Structure.objects.filter(insee_commune__isnull=True).exclude(commune=""):
            commune = match_commune(structure.commune, structure.postcode)
            if commune:
                Structure.objects.filter(pk=structure.pk).update(insee_commune=commune)
                linked += 1
        source = read_communes_file(COMMUNES_FILE)["source"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Communes ({source}) : {count_of(created, 'ajoutée')}, "
                f"{count_of(updated, 'mise à jour', 'mises à jour')}. "
                f"Structures rattachées à leur commune : {linked}."
            )
        )
