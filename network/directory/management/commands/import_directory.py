from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.directory.importing import KINDS, MAX_FILE_SIZE, ImportFileError, file_too_large_message, run_import
from network.directory.models.imports import import_summary
from workspace.display import count_of


class Command(BaseCommand):
    help = (
        "Importe les structures ou les promeneurs depuis un fichier CSV (UTF-8 ou Windows-1252, séparateur « ; » "
        "ou « , »), comme l'écran « Importer » de l'administration. Chaque ligne est vérifiée ; si une ligne est "
        "invalide, rien n'est importé (sauf avec --lignes-valides). Relancer le même fichier ne crée aucun doublon."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", choices=sorted(KINDS), help="structures ou promeneurs (importez d'abord les structures)"
        )
        parser.add_argument("path", help="le fichier CSV")
        parser.add_argument(
            "--lignes-valides",
            dest="valid_only",
            action="store_true",
            help="importe les lignes valides même si d'autres sont en erreur",
        )
        parser.add_argument(
            "--essai", dest="dry_run", action="store_true", help="vérifie le fichier sans rien importer"
        )
        parser.add_argument(
            "--encoding", default=None, help="encodage du fichier (par défaut : UTF-8, sinon Windows-1252)"
        )
        parser.add_argument(
            "--progression", dest="every", type=int, default=100, help="affiche la progression toutes les N lignes"
        )

    def handle(self, kind, path, valid_only=False, dry_run=False, encoding=None, every=100, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        if file.stat().st_size > MAX_FILE_SIZE:
            raise CommandError(f"{file.name} : {file_too_large_message(file.stat().st_size)} Rien n'a été importé.")
        try:
            report = run_import(
                kind,
                file.read_bytes(),
                encoding=encoding,
                valid_only=valid_only,
                dry_run=dry_run,
                progress=self.show_progress,
                every=max(every, 1),
            )
        except ImportFileError as error:
            raise CommandError(f"{file.name} : {error} Rien n'a été importé.") from error

        if report.ignored_columns:
            self.stderr.write("Colonnes ignorées : " + ", ".join(report.ignored_columns))
        for line, message in report.errors:
            self.stderr.write(f"Ligne {line} : {message}")
        invalid = len(report.invalid_lines)
        summary = f"{count_of(report.rows, 'ligne lue', 'lignes lues')}, {count_of(invalid, 'invalide')}."
        if report.imported:
            done = import_summary(report.created, report.updated, report.unchanged, invalid)
            self.stdout.write(self.style.SUCCESS(f"{summary} {report.kind.capitalize()} : {done}."))
        elif dry_run and not invalid:
            self.stdout.write(
                self.style.SUCCESS(f"{summary} Essai : le fichier peut être importé ; rien n'a été importé.")
            )
        else:
            raise CommandError(
                f"{summary} Rien n'a été importé. Corrigez les lignes signalées, ou relancez avec --lignes-valides "
                "pour n'importer que les lignes valides."
            )

    def show_progress(self, done, total, step):
        self.stdout.write(f"  {step} : {done}/{total} lignes")
        self.stdout.flush()
