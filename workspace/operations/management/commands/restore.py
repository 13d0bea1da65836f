from django.core.management.base import BaseCommand, CommandError

from workspace.operations.backups import BackupError, database_is_empty, restore


class Command(BaseCommand):
    help = "Restaure une sauvegarde (base de données et fichiers) dans un site vide."

    def add_arguments(self, parser):
        parser.add_argument("source", help="dossier d'une sauvegarde écrite par la commande backup")
        parser.add_argument("--force", action="store_true", help="remplacer le contenu d'une base qui n'est pas vide")

    def handle(self, source, force=False, **options):
        if not force and not database_is_empty():
            raise CommandError(
                "La base de données contient déjà un site : la restauration le remplacerait. "
                "Relancez avec --force si c'est bien ce que vous voulez."
            )
        try:
            restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Sauvegarde {source} restaurée.")
