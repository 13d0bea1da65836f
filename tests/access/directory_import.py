"""Importing the directory in the admin (issue 11, item 5): Coordination only, for the upload,
the preview of a file and its confirmation."""

from network.directory.models import DirectoryImport, Promeneur
from tests.access import Post, coordination_admin

IMPORT = "/admin/annuaire/import/"
CSV = b"prenom;nom;email\nMatrice;Import;matrice.import@example.org\n"


class ReplayedFile:
    """A file the test client reads again for each role (an uploaded file is read once)."""

    name = "annuaire.csv"
    content_type = "text/csv"

    def read(self):
        return CSV


def pending_imports(objects):
    return DirectoryImport.objects.count()


def imported_promeneurs(objects):
    return sorted(Promeneur.objects.filter(email="matrice.import@example.org").values_list("email", flat=True))


ROWS = [
    (IMPORT, coordination_admin("shows:Voir l'aperçu")),
    (
        IMPORT,
        coordination_admin(),
        Post(
            coordination_admin("302"),
            pending_imports,
            {"kind": "promeneurs", "file": ReplayedFile()},
            ("coordination",),
        ),
    ),
    (IMPORT + "?type=structures", coordination_admin()),
    (IMPORT + "{pending_import}/", coordination_admin("shows:matrice.import@example.org")),
    (
        IMPORT + "{pending_import}/confirmer/",
        coordination_admin("405"),
        Post(coordination_admin("302"), imported_promeneurs, {}, ("coordination",)),
    ),
]


def make_objects():
    pending = DirectoryImport.objects.create(kind="promeneurs", file_name="annuaire.csv", content=CSV)
    return {"pending_import": str(pending.pk)}
