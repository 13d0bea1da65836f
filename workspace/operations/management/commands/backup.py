from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workspace.operations.backups import BackupError, backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers envoyés dans un dossier daté."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="dossier où ranger la sauvegarde (un sous-dossier daté y est créé)")

    def handle(self, destination, **options):
        folder = f"{destination.rstrip('/')}/{timezone.localtime():%Y-%m-%d-%H%M%S}"
        try:
            files = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Sauvegarde écrite dans {folder} : " + ", ".join(path.name for path in files))
