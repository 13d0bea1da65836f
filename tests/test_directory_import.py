"""manage.py import_directory: every bad file gets a clear report and loses nothing already there."""

import io

import pytest
from django.core.management import CommandError, call_command

from network.directory.models import Promeneur, SocialProfile, Structure
from tests.factories import PromeneurFactory, StructureFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db

STRUCTURES_CSV = """nom;type;commune;code_postal;territoire;telephone;site_web;referent_nom;referent_email;qpv
MJC de Prades;MJC;Prades;66500;Conflent;04 68 96 00 00;https://mjc-prades.example.org;Jordi Puig;jordi@example.org;non
Centre social Saint-Jacques;Centre social;Perpignan;66000;Perpignan Méditerranée;0468000001;;Nadia B.;;oui
"""

PROMENEURS_CSV = """Prénom;Nom;E-mail;Téléphone;Structure;Fonction;Territoires;Annuaire public;instagram;snapchat
Anna;Prat;anna.prat@example.org;06 01 02 03 04;MJC de Prades;Animatrice;Conflent;oui;anna_pdn66;
Bruno;Serra;bruno.serra@example.org;0611121314;Centre social Saint-Jacques;Éducateur;\
Perpignan Méditerranée|Conflent;non;;bruno66
"""


@pytest.fixture
def territories():
    return [TerritoryFactory(name="Conflent"), TerritoryFactory(name="Perpignan Méditerranée")]


@pytest.fixture
def existing(territories):
    """What the database already holds: must survive every bad import untouched."""
    structure = StructureFactory(name="Structure déjà là", territory=territories[0])
    promeneur = PromeneurFactory(
        user=None, first_name="Déjà", last_name="Là", email="deja@example.org", structure=structure
    )
    return structure, promeneur


def write(tmp_path, text, name="fichier.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_directory", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_directory", *args, stdout=out, stderr=err)
    return str(excinfo.value), err.getvalue()


def snapshot():
    return (
        list(Structure.objects.order_by("pk").values()),
        list(Promeneur.objects.order_by("pk").values()),
        list(SocialProfile.objects.order_by("pk").values()),
    )


def test_valid_files_import_structures_then_promeneurs(tmp_path, existing):
    out, err = run("structures", write(tmp_path, STRUCTURES_CSV))
    summary = "2 lignes lues, 0 invalide. Structures : 2 fiches créées, 0 mise à jour, 0 inchangée, 0 ligne en erreur"
    assert summary in out and not err
    mjc = Structure.objects.get(name="MJC de Prades")
    assert mjc.kind == "mjc" and mjc.territory.name == "Conflent" and mjc.phone == "04 68 96 00 00"
    assert Structure.objects.get(name="Centre social Saint-Jacques").priority_neighbourhood

    out, err = run("promeneurs", write(tmp_path, PROMENEURS_CSV))
    assert "Promeneurs : 2 fiches créées, 0 mise à jour, 0 inchangée, 0 ligne en erreur" in out and not err
    anna = Promeneur.objects.get(email="anna.prat@example.org")
    assert anna.structure == mjc and anna.public_listing and anna.phone == "06 01 02 03 04"
    assert [p.profile_name for p in anna.social_profiles.all()] == ["anna_pdn66"]
    bruno = Promeneur.objects.get(email="bruno.serra@example.org")
    assert {t.name for t in bruno.territories.all()} == {"Conflent", "Perpignan Méditerranée"}
    assert not bruno.public_listing
    assert Promeneur.objects.filter(email="deja@example.org").exists()


def test_running_twice_creates_no_duplicate(tmp_path, territories):
    run("structures", write(tmp_path, STRUCTURES_CSV))
    run("promeneurs", write(tmp_path, PROMENEURS_CSV))
    before = (Structure.objects.count(), Promeneur.objects.count(), SocialProfile.objects.count())
    out, _ = run("structures", write(tmp_path, STRUCTURES_CSV))
    assert "0 fiche créée, 0 mise à jour, 2 inchangées" in out
    out, _ = run("promeneurs", write(tmp_path, PROMENEURS_CSV.replace("Animatrice", "Coordinatrice")))
    assert "0 fiche créée, 1 mise à jour, 1 inchangée" in out
    assert (Structure.objects.count(), Promeneur.objects.count(), SocialProfile.objects.count()) == before
    assert Promeneur.objects.get(email="anna.prat@example.org").job_title == "Coordinatrice"


BAD_ROWS = """prenom;nom;email;telephone;structure
Anna;Prat;anna.prat@example.org;06 01 02 03 04;Structure déjà là
Bruno;Serra;pas-une-adresse;06 11 12 13 14;Structure déjà là
Carla;Vidal;carla@example.org;0601020304;Structure inconnue
Anna;Doublon;ANNA.PRAT@example.org;;Structure déjà là
Denis;Roca;denis@example.org;123;Structure déjà là
"""


def test_bad_rows_are_all_reported_with_their_line_and_nothing_is_imported(tmp_path, existing):
    before = snapshot()
    message, err = run_failing("promeneurs", write(tmp_path, BAD_ROWS))
    assert "Ligne 3 : e-mail : adresse e-mail invalide « pas-une-adresse »" in err
    assert "Ligne 4 : structure : structure inconnue « Structure inconnue »" in err
    assert "Ligne 5 : ligne en double : même e-mail que la ligne 2" in err
    assert "Ligne 6 : téléphone : numéro de téléphone invalide « 123 »" in err
    assert "Ligne 2" not in err
    assert "5 lignes lues, 4 invalides. Rien n'a été importé." in message
    assert snapshot() == before


def test_valid_only_flag_imports_the_valid_rows(tmp_path, existing):
    out, err = run("promeneurs", write(tmp_path, BAD_ROWS), "--lignes-valides")
    assert "1 fiche créée, 0 mise à jour, 0 inchangée, 4 lignes en erreur non importées" in out
    assert "Ligne 3" in err
    assert set(Promeneur.objects.values_list("email", flat=True)) == {"deja@example.org", "anna.prat@example.org"}


def test_dry_run_imports_nothing(tmp_path, existing, territories):
    before = snapshot()
    out, _ = run("structures", write(tmp_path, STRUCTURES_CSV), "--essai")
    assert "le fichier peut être importé ; rien n'a été importé" in out
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "Le fichier est vide"),
        ("\n\n  \n", "Le fichier est vide"),
        ("prenom;nom;email;structure\n", "ne contient que la ligne d'en-tête"),
        ("name;surname;mail\nAnna;Prat;a@example.org\n", "colonnes obligatoires manquantes : prenom, nom"),
        ("\ufeff", "Le fichier est vide"),
        (b"\x89PNG\r\n\x1a\n", "Ce fichier est une image PNG, pas un fichier CSV"),
        ("prenom;nom;email;email;structure\n", "colonnes en double : email"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(tmp_path, existing, content, expected):
    before = snapshot()
    message, _ = run_failing("promeneurs", write(tmp_path, content))
    assert expected in message
    assert "Rien n'a été importé." in message
    assert snapshot() == before


def test_wrong_columns_message_lists_the_expected_ones(tmp_path, existing):
    message, _ = run_failing("structures", write(tmp_path, "intitule;ville\nMJC;Prades\n"))
    assert "colonnes obligatoires manquantes : nom" in message
    assert "Colonnes attendues : nom (obligatoires)" in message


def test_a_windows_1252_file_is_read_as_such(tmp_path, existing, territories):
    path = write(tmp_path, STRUCTURES_CSV, encoding="cp1252")
    out, _ = run("structures", path)
    assert "2 fiches créées" in out
    assert Structure.objects.filter(
        name="Centre social Saint-Jacques", territory__name="Perpignan Méditerranée"
    ).exists()


def test_a_file_not_in_the_encoding_given_is_refused(tmp_path, existing):
    path = write(tmp_path, STRUCTURES_CSV, encoding="cp1252")
    before = snapshot()
    message, _ = run_failing("structures", path, "--encoding", "utf-8")
    assert "n'est pas encodé en utf-8 (caractère illisible ligne 3)" in message
    assert snapshot() == before


def test_unknown_columns_are_reported_and_ignored(tmp_path, existing):
    out, err = run(
        "promeneurs", write(tmp_path, "prenom;nom;email;structure;age\nA;P;a@example.org;Structure déjà là;32\n")
    )
    assert "Colonnes ignorées : age" in err
    assert "1 fiche créée" in out


def test_a_file_above_the_limit_is_refused_before_it_is_read(tmp_path, existing):
    path = tmp_path / "gros.csv"
    with path.open("wb") as file:
        file.truncate(3 * 1024 * 1024)
    message, _ = run_failing("promeneurs", str(path))
    assert "Le fichier pèse 3,0 Mo : un import est limité à 2 Mo." in message


def test_only_the_columns_of_the_file_are_written(tmp_path, existing):
    _structure, promeneur = existing
    promeneur.territories.set(TerritoryFactory.create_batch(1))
    promeneur.save()
    Promeneur.objects.filter(pk=promeneur.pk).update(public_listing=True, phone="06 01 02 03 04", job_title="Animateur")
    out, _ = run("promeneurs", write(tmp_path, "prenom;nom;email;fonction\nDéjà;Là;DEJA@example.org;Éducateur\n"))
    assert "0 fiche créée, 1 mise à jour" in out
    promeneur.refresh_from_db()
    assert promeneur.job_title == "Éducateur" and promeneur.email == "deja@example.org"
    assert promeneur.public_listing and promeneur.phone == "06 01 02 03 04" and promeneur.territories.count() == 1
    assert promeneur.structure.name == "Structure déjà là"


def test_a_phone_number_excel_stripped_of_its_zero_is_a_french_number(tmp_path, existing):
    run("promeneurs", write(tmp_path, "prenom;nom;email;telephone\nAnna;Prat;anna@example.org;612345603\n"))
    assert Promeneur.objects.get(email="anna@example.org").phone == "06 12 34 56 03"


def test_a_row_never_writes_over_another_persons_record(tmp_path, existing):
    """A's e-mail in the directory, but B's login account has that address: the row may be
    about either, so it is refused rather than written on A's record."""
    _structure, record_a = existing
    account = UserFactory(email="DEJA@example.org")
    record_b = PromeneurFactory(user=account, first_name="Bea", email="bea@example.org")
    before = snapshot()
    message, err = run_failing("promeneurs", write(tmp_path, "prenom;nom;email\nDéjà;Nouveau nom;deja@example.org\n"))
    assert f"aussi du compte de connexion de {record_b} (fiche n° {record_b.pk})" in err
    assert snapshot() == before
    # An address that only a login account has: creating a record would duplicate its promeneur.
    account.email = "autre@example.org"
    account.save()
    message, err = run_failing("promeneurs", write(tmp_path, "prenom;nom;email\nBea;B;autre@example.org\n"))
    assert f"celle du compte de connexion de {record_b} (fiche n° {record_b.pk}), dont la fiche porte une autre" in err
    assert Promeneur.objects.filter(pk=record_a.pk, last_name="Là").exists()


def test_comma_separated_file_with_a_bom(tmp_path, territories):
    text = "\ufeffnom,commune,territoire\nMJC de Prades,Prades,Conflent\n"
    out, _ = run("structures", write(tmp_path, text))
    assert "1 fiche créée" in out


def test_missing_file(tmp_path):
    message, _ = run_failing("structures", str(tmp_path / "absent.csv"))
    assert "Fichier introuvable" in message


def test_progress_is_shown_on_long_files(tmp_path, existing):
    lines = ["prenom;nom;email;structure"] + [f"P{i};N{i};p{i}@example.org;Structure déjà là" for i in range(250)]
    out, _ = run("promeneurs", write(tmp_path, "\n".join(lines)), "--progression", "100")
    assert "validation : 100/250 lignes" in out and "validation : 200/250 lignes" in out
    assert "import : 200/250 lignes" in out
    assert "250 fiches créées" in out
    assert Promeneur.objects.count() == 251


def test_the_social_networks_column_is_the_whole_list_of_profiles(tmp_path, existing):
    _structure, promeneur = existing
    kept = SocialProfile.objects.create(
        promeneur=promeneur, network="instagram", profile_name="deja66", url="https://i.example/deja66"
    )
    SocialProfile.objects.create(promeneur=promeneur, network="snapchat", profile_name="ancien")
    text = (
        "prenom;nom;email;Réseaux sociaux\n"
        "Déjà;Là;deja@example.org;Instagram : deja66 | tiktok : déjà.là | Autre : forum\n"
    )
    out, _ = run("promeneurs", write(tmp_path, text))
    assert "1 mise à jour" in out
    profiles = list(promeneur.social_profiles.values_list("pk", "network", "profile_name"))
    assert profiles == [
        (kept.pk, "instagram", "deja66"),
        (profiles[1][0], "tiktok", "déjà.là"),
        (profiles[2][0], "autre", "forum"),
    ]
    assert promeneur.social_profiles.get(network="instagram").url == "https://i.example/deja66"
    out, _ = run("promeneurs", write(tmp_path, text))
    assert "0 mise à jour, 1 inchangée" in out


def test_a_column_per_network_sets_that_network_and_leaves_the_others(tmp_path, existing):
    _structure, promeneur = existing
    SocialProfile.objects.create(promeneur=promeneur, network="instagram", profile_name="deja66")
    SocialProfile.objects.create(promeneur=promeneur, network="snapchat", profile_name="snap")
    run("promeneurs", write(tmp_path, "prenom;nom;email;instagram;tiktok\nDéjà;Là;deja@example.org;deja_66;deja\n"))
    assert list(promeneur.social_profiles.values_list("network", "profile_name")) == [
        ("instagram", "deja_66"),
        ("snapchat", "snap"),
        ("tiktok", "deja"),
    ]


def test_a_social_network_the_site_does_not_know_is_an_error_on_its_line(tmp_path, existing):
    before = snapshot()
    text = "prenom;nom;email;reseaux_sociaux\nDéjà;Là;deja@example.org;Myspace : deja | Instagram deja\n"
    _message, err = run_failing("promeneurs", write(tmp_path, text))
    assert "Ligne 2 : réseaux sociaux : « Myspace : deja » n'est pas « Réseau : nom du profil »" in err
    assert "« Instagram deja » n'est pas « Réseau : nom du profil »" in err
    assert snapshot() == before


def test_the_open_data_consent_of_structures_is_read(tmp_path, existing):
    run("structures", write(tmp_path, "Nom;Données ouvertes\nStructure déjà là;Oui\nNouvelle;non\n"))
    assert Structure.objects.get(name="Structure déjà là").open_data
    assert not Structure.objects.get(name="Nouvelle").open_data
