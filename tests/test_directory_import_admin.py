"""Importing the directory in the admin: upload, a preview of every line before anything is
written, confirm once; the files French users save, the admin's own exports, bad files."""

import csv
import datetime
import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from network.directory.models import DirectoryImport, Promeneur, SocialProfile, Structure
from tests.factories import PromeneurFactory, SocialProfileFactory, StructureFactory, TerritoryFactory

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/annuaire/import/"


@pytest.fixture
def coordination(client_as):
    return client_as("coordination")


@pytest.fixture
def structure():
    return StructureFactory(name="MJC de Prades", territory=TerritoryFactory(name="Conflent"))


def snapshot():
    return (
        list(Structure.objects.order_by("pk").values()),
        list(Promeneur.objects.order_by("pk").values()),
        list(Promeneur.territories.through.objects.order_by("pk").values()),
        list(SocialProfile.objects.order_by("pk").values()),
    )


def upload(client, content, kind="promeneurs", name="annuaire.csv"):
    return client.post(UPLOAD, {"kind": kind, "file": SimpleUploadedFile(name, content, "text/csv")})


def preview_of(client, content, kind="promeneurs"):
    response = upload(client, content, kind)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    return preview


def results(preview):
    return [(line.line, line.status) for line in preview.context["report"].lines]


def confirm(client, preview):
    record = preview.context["record"]
    response = client.post(f"{UPLOAD}{record.pk}/confirmer/", follow=True)
    return html.unescape(response.content.decode())


ANNA = "Anna;Prat;anna.prat@example.org;06 01 02 03 04;MJC de Prades"
BRUNO = "Bruno;Sérrà;bruno@example.org;;MJC de Prades"

VARIANTS = {
    "utf-8, virgules": (
        "Prénom,Nom,E-mail,Téléphone,Structure\n" + ANNA.replace(";", ",") + "\n" + BRUNO.replace(";", ",") + "\n"
    ).encode(),
    "utf-8 avec BOM, points-virgules": ("\ufeffPrénom;Nom;E-mail;Téléphone;Structure\n" + ANNA + "\n" + BRUNO).encode(),
    "windows-1252, points-virgules": (
        "Prénom;Nom;E-mail;Téléphone;Structure\r\n" + ANNA + "\r\n" + BRUNO + "\r\n"
    ).encode("cp1252"),
    "colonne en plus": ("Prénom;Nom;E-mail;Téléphone;Structure;Âge\n" + ANNA + ";32\n" + BRUNO + ";41\n").encode(),
    "zéro effacé par Excel": (
        "Prénom;Nom;E-mail;Téléphone;Structure\n" + ANNA.replace("06 01 02 03 04", "601020304") + "\n" + BRUNO
    ).encode(),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_variant_is_previewed_line_by_line_and_written_only_on_confirmation(coordination, structure, variant):
    before = snapshot()
    preview = preview_of(coordination, VARIANTS[variant])
    assert results(preview) == [(2, "créé"), (3, "créé")]
    assert "Aperçu : rien n'est encore enregistré." in preview.content.decode()
    assert snapshot() == before
    if variant == "colonne en plus":
        assert "Colonnes ignorées (inconnues ou non importables) :\n    Âge." in preview.content.decode()

    page = confirm(coordination, preview)
    assert "Import terminé : 2 fiches créées" in page
    anna = Promeneur.objects.get(email="anna.prat@example.org")
    assert (anna.first_name, anna.phone, anna.structure) == ("Anna", "06 01 02 03 04", structure)
    assert Promeneur.objects.get(email="bruno@example.org").last_name == "Sérrà"


def test_a_duplicate_line_is_an_error_the_first_is_imported(coordination, structure):
    content = f"prenom;nom;email;structure\n{ANNA}\nAnna;Prat;ANNA.PRAT@example.org;MJC de Prades\n"
    content = content.replace(";06 01 02 03 04", "")
    preview = preview_of(coordination, content.encode())
    assert results(preview) == [(2, "créé"), (3, "erreur")]
    assert "ligne en double : même e-mail que la ligne 2" in preview.content.decode()
    confirm(coordination, preview)
    assert Promeneur.objects.filter(email="anna.prat@example.org").count() == 1


def test_a_line_without_e_mail_is_an_error(coordination, structure):
    preview = preview_of(coordination, f"prenom;nom;email;telephone;structure\n{ANNA}\nCarla;Vidal;;;\n".encode())
    assert results(preview) == [(2, "créé"), (3, "erreur")]
    assert "e-mail : obligatoire (les promeneurs sont reconnus par leur e-mail)" in preview.content.decode()


def test_an_existing_promeneur_is_updated_and_the_preview_names_what_changes(coordination, structure):
    PromeneurFactory(user=None, first_name="Anna", last_name="Prat", email="Anna.Prat@example.org", structure=structure)
    content = f"prenom;nom;email;telephone;structure;fonction\n{ANNA};Animatrice\n"
    preview = preview_of(coordination, content.encode())
    assert results(preview) == [(2, "mis à jour")]
    assert "Téléphone professionnel, Fonction" in preview.content.decode()
    confirm(coordination, preview)
    assert Promeneur.objects.get(email__iexact="anna.prat@example.org").job_title == "Animatrice"


def test_confirming_twice_imports_once(coordination, structure):
    content = VARIANTS["utf-8 avec BOM, points-virgules"]
    preview = preview_of(coordination, content)
    confirm(coordination, preview)
    after_first = snapshot()
    page = confirm(coordination, preview)
    assert "Ce fichier a déjà été importé le" in page and "rien n'a été importé une seconde fois" in page
    assert snapshot() == after_first

    # The same file sent again: every line is unchanged, nothing to confirm, and nothing written if forced.
    again = preview_of(coordination, content)
    assert results(again) == [(2, "inchangé"), (3, "inchangé")]
    assert "Rien à importer" in again.content.decode() and "Confirmer l'import" not in again.content.decode()
    confirm(coordination, again)
    assert snapshot() == after_first
    assert DirectoryImport.objects.filter(confirmed_at__isnull=False).count() == 2


def test_the_uploaded_content_is_kept_until_confirmed_then_dropped(coordination, structure):
    preview = preview_of(coordination, VARIANTS["utf-8, virgules"])
    record = DirectoryImport.objects.get()
    assert bytes(record.content) == VARIANTS["utf-8, virgules"] and record.uploaded_by.username == "coordination"
    confirm(coordination, preview)
    record.refresh_from_db()
    assert bytes(record.content) == b"" and (record.created, record.updated, record.errors) == (2, 0, 0)
    assert record.confirmed_by.username == "coordination"
    assert "2 fiches créées" in coordination.get(f"{UPLOAD}{record.pk}/").content.decode()


# --- Round trip through the admin's own exports ------------------------------------------------


@pytest.fixture
def directory():
    conflent, aspres = TerritoryFactory(name="Conflent"), TerritoryFactory(name="Aspres")
    mjc = StructureFactory(
        name="MJC de Prades",
        kind=Structure.Kind.YOUTH_INFO,
        status=Structure.Status.PROSPECT,
        territory=conflent,
        phone="04 68 96 00 00",
        website="https://mjc.example.org",
        referent_name="Jordi Puig",
        referent_email="jordi@example.org",
        priority_neighbourhood=True,
    )
    StructureFactory(name="Centre social « Les Aspres »", kind=Structure.Kind.SOCIAL_CENTRE, territory=None)
    anna = PromeneurFactory(
        user=None,
        first_name="Anna",
        last_name="Prat",
        email="anna.prat@example.org",
        structure=mjc,
        job_title="-animatrice=référente",
        hours_online="mardi; jeudi 17h–19h",
        public_listing=True,
        photo_consent=True,
        charter_version="2024",
        charter_signed_on=datetime.date(2024, 9, 2),
        entry_date=datetime.date(2024, 9, 1),
    )
    anna.territories.set([conflent, aspres])
    anna.save()
    SocialProfileFactory(promeneur=anna, network="instagram", profile_name="anna_pdn66")
    PromeneurFactory(user=None, first_name="Bruno", last_name="Serra", structure=None, is_active=False, phone="")


@pytest.mark.parametrize(("kind", "model"), [("promeneurs", "promeneur"), ("structures", "structure")])
def test_an_export_of_the_admin_imports_back_unchanged(coordination, directory, kind, model):
    export = coordination.get(f"/admin/snippets/directory/{model}/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content) if export.streaming else export.content
    before = snapshot()
    preview = preview_of(coordination, content, kind)
    report = preview.context["report"]
    assert report.lines and {line.status for line in report.lines} == {"inchangé"}, [
        (line.line, line.label, line.messages, line.changes) for line in report.lines
    ]
    # Every column of the export is read back, but the intercommunality: it follows from the commune.
    assert report.ignored_columns == ([] if kind == "promeneurs" else ["Intercommunalité"])
    confirm(coordination, preview)
    assert snapshot() == before


def as_french_excel(content, encoding):
    """The export as French Excel saves it: ``;``, Oui/Non, dd/mm/yyyy, in ``encoding``."""
    text = content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if ";" in text.splitlines()[0] else ","))
    french = {"True": "Oui", "False": "Non"}

    def cell(value):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        return french.get(value, value)

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([[cell(value) for value in row] for row in rows])
    return buffer.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
@pytest.mark.parametrize(("kind", "model"), [("promeneurs", "promeneur"), ("structures", "structure")])
def test_an_export_saved_again_by_french_excel_imports_back_unchanged(coordination, directory, kind, model, encoding):
    export = coordination.get(f"/admin/snippets/directory/{model}/?export=csv")
    content = b"".join(export.streaming_content) if export.streaming else export.content
    resaved = as_french_excel(content, encoding)
    assert b"Oui" in resaved and (kind == "structures" or b"02/09/2024" in resaved)
    before = snapshot()
    preview = preview_of(coordination, resaved, kind)
    assert {line.status for line in preview.context["report"].lines} == {"inchangé"}
    confirm(coordination, preview)
    assert snapshot() == before


def test_an_edited_export_changes_what_was_edited_and_nothing_else(coordination, directory):
    export = coordination.get("/admin/snippets/directory/promeneur/?export=csv")
    content = b"".join(export.streaming_content) if export.streaming else export.content
    edited = content.replace(b"mardi; jeudi 17h", b"lundi 18h")
    preview = preview_of(coordination, edited)
    assert [line.status for line in preview.context["report"].lines].count("mis à jour") == 1
    confirm(coordination, preview)
    anna = Promeneur.objects.get(email="anna.prat@example.org")
    assert anna.hours_online == "lundi 18h–19h" and anna.job_title == "-animatrice=référente"
    assert {t.name for t in anna.territories.all()} == {"Conflent", "Aspres"}
    assert [p.profile_name for p in anna.social_profiles.all()] == ["anna_pdn66"]


# --- Bad files ---------------------------------------------------------------------------------


def xlsx_bytes():
    workbook = Workbook()
    workbook.active.append(["prenom", "nom", "email"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


BAD_FILES = {
    "image PNG renommée": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Ce fichier est une image PNG, pas un fichier CSV."),
    "classeur Excel renommé": (xlsx_bytes(), "Ce fichier est un classeur Excel (.xlsx)"),
    "fichier binaire": (bytes(range(256)) * 4, "Ce fichier n'est pas un fichier texte CSV"),
    "fichier vide": (b"", "Le fichier soumis est vide."),
    "lignes vides": (b"\r\n \r\n", "Le fichier est vide"),
    "en-tête seul": ("Prénom;Nom;E-mail\n".encode(), "Le fichier ne contient que la ligne d'en-tête"),
    "colonnes manquantes": (b"name;surname\nA;B\n", "colonnes obligatoires manquantes : prenom, nom, email"),
    "trop lourd": (b"prenom;nom;email\n" + b"x" * (3 * 1024 * 1024), "Le fichier pèse 3,0 Mo : un import est limité"),
}


@pytest.mark.parametrize("bad", BAD_FILES)
def test_a_bad_file_gets_a_french_message_on_the_field_and_nothing_is_written(coordination, structure, bad):
    content, message = BAD_FILES[bad]
    before = snapshot()
    response = upload(coordination, content, name="annuaire.csv")
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert "error-message" in response.content.decode()
    assert snapshot() == before and not DirectoryImport.objects.exists()


def test_a_50_mb_file_is_refused_before_it_is_read(coordination):
    response = upload(coordination, b"x" * (50 * 1024 * 1024))
    assert response.status_code == 400
    assert "Le fichier envoyé est trop volumineux" in response.content.decode()
    assert not DirectoryImport.objects.exists()


def test_an_unknown_or_other_preview_address_is_not_found(coordination):
    assert coordination.get(f"{UPLOAD}00000000-0000-0000-0000-000000000000/").status_code == 404
    assert coordination.post(f"{UPLOAD}00000000-0000-0000-0000-000000000000/confirmer/").status_code == 404
    assert coordination.get(f"{UPLOAD}1/").status_code == 404


# --- Where the coordinator finds it ------------------------------------------------------------


def test_the_listings_and_the_menu_link_to_the_import(coordination):
    for model, kind in (("promeneur", "promeneurs"), ("structure", "structures")):
        page = coordination.get(f"/admin/snippets/directory/{model}/").content.decode()
        assert re.search(rf'href="{UPLOAD}\?type={kind}"[^>]*>.*?Importer un fichier', page, re.S), model
    assert UPLOAD in coordination.get("/admin/").content.decode()
    form = coordination.get(f"{UPLOAD}?type=structures")
    assert form.context["form"]["kind"].value() == "structures"


def test_the_promeneurs_role_cannot_reach_the_import(client_as, structure):
    client = client_as("promeneur")
    assert client.get(UPLOAD).status_code == 302
    assert upload(client, VARIANTS["utf-8, virgules"]).status_code == 302
    assert not DirectoryImport.objects.exists()


def test_an_upload_nobody_confirmed_is_deleted_after_a_day(coordination, structure):
    preview_of(coordination, VARIANTS["utf-8, virgules"])
    fresh = preview_of(coordination, VARIANTS["utf-8, virgules"]).context["record"]
    stale = DirectoryImport.objects.exclude(pk=fresh.pk)
    stale.update(uploaded_at=timezone.now() - datetime.timedelta(days=1, minutes=1))
    coordination.get(UPLOAD)
    assert list(DirectoryImport.objects.values_list("pk", flat=True)) == [fresh.pk]


@pytest.mark.parametrize(("kind", "model"), [("promeneurs", "promeneur"), ("structures", "structure")])
def test_the_demo_directory_exported_imports_back_unchanged(coordination, kind, model):
    """The guide's advice (start from the export) holds on the demo a newcomer tries it on: its
    referents' addresses are valid ones (« referent.argeles@… », not « referent.argelès@… »)."""
    from network.directory import demo

    demo.load(io.StringIO())
    export = coordination.get(f"/admin/snippets/directory/{model}/?export=csv")
    content = b"".join(export.streaming_content) if export.streaming else export.content
    report = preview_of(coordination, content, kind).context["report"]
    assert {line.status for line in report.lines} == {"inchangé"}, [
        (line.line, line.label, line.messages) for line in report.lines if line.status != "inchangé"
    ]
