"""/espace/mon-profil/: a promeneur edits their own record (never anyone else's, never their
structure), bad input is refused in French with the rest kept, the coordination is told,
and the member downloads their personal data."""

import html
import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from network.directory.models import Promeneur
from tests.factories import (
    ActivityGridFactory,
    DiscussionFactory,
    EventFactory,
    PromeneurFactory,
    RegistrationFactory,
    SocialProfileFactory,
    StructureFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db

URL = "/espace/mon-profil/"


def form_data(_promeneur, **changes):
    data = {
        "job_title": _promeneur.job_title if _promeneur else "",
        "presentation": "Je réponds aux jeunes du Conflent.",
        "hours_online": "lundi 17h–19h",
        "email": "nouvelle.adresse@structure-test.fr",
        "phone": "0612345679",
        "public_listing": "on",
        "profils-TOTAL_FORMS": "2",
        "profils-INITIAL_FORMS": "0",
        "profils-MIN_NUM_FORMS": "0",
        "profils-MAX_NUM_FORMS": "12",
        "profils-0-network": "tiktok",
        "profils-0-profile_name": "lucie_pdn66",
        "profils-0-url": "https://www.tiktok.com/@lucie_pdn66",
        "profils-1-network": "",
        "profils-1-profile_name": "",
        "profils-1-url": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def me(users):
    return Promeneur.objects.get(user=users["promeneur"])


def test_form_shows_my_record(client_as, me):
    html = client_as("promeneur").get(URL).content.decode()
    assert me.email in html and "Enregistrer mon profil" in html
    assert 'href="/espace/mon-profil/mes-donnees/"' in html


def test_promeneur_saves_their_profile(client_as, me):
    client = client_as("promeneur")
    response = client.post(URL, form_data(me))
    assert response.status_code == 302 and response["Location"] == URL
    me.refresh_from_db()
    assert me.presentation == "Je réponds aux jeunes du Conflent."
    assert me.email == "nouvelle.adresse@structure-test.fr"
    assert me.phone == "06 12 34 56 79"  # normalised
    assert [(p.network, p.profile_name) for p in me.social_profiles.all()] == [("tiktok", "lucie_pdn66")]
    assert me.needs_review
    assert "Votre profil est enregistré" in client.get(URL).content.decode()


def test_the_job_title_the_home_asks_for_is_in_the_form(client_as, me):
    """« Compléter mon profil : il manque votre fonction » must lead to a field where it is typed (the
    onboarding's « Profil complété » needs it too); the coordination re-reads it as any change."""
    Promeneur.objects.filter(pk=me.pk).update(job_title="")
    client = client_as("promeneur")
    assert "votre fonction" in client.get("/espace/").content.decode()
    assert 'name="job_title"' in client.get(URL).content.decode()
    client.post(URL, form_data(me, job_title="Animatrice jeunesse"))
    me.refresh_from_db()
    assert me.job_title == "Animatrice jeunesse" and me.needs_review
    assert "votre fonction" not in client.get("/espace/").content.decode()


def test_the_change_reaches_the_public_sheet(client_as, client, me):
    client_as("promeneur").post(URL, form_data(me, presentation="Nouvelle présentation visible."))
    client.logout()
    html = client.get(f"/annuaire/{me.slug}/").content.decode()
    assert "Nouvelle présentation visible." in html
    assert 'href="https://www.tiktok.com/@lucie_pdn66"' in html


def test_cannot_change_name_structure_status_or_someone_else(client_as, me):
    other = PromeneurFactory(user=None, first_name="Autre", presentation="Intacte")
    other_structure = StructureFactory(name="Une autre structure")
    before = (me.first_name, me.last_name, me.structure_id, me.is_active, me.slug)
    client_as("promeneur").post(
        URL,
        form_data(
            me,
            first_name="Pirate",
            last_name="Pirate",
            structure=str(other_structure.pk),
            is_active="",
            slug="pirate",
            pk=str(other.pk),
            id=str(other.pk),
            promeneur=str(other.pk),
        ),
    )
    me.refresh_from_db()
    other.refresh_from_db()
    assert (me.first_name, me.last_name, me.structure_id, me.is_active, me.slug) == before
    assert other.presentation == "Intacte" and other.email != "nouvelle.adresse@structure-test.fr"


def test_cannot_delete_someone_elses_social_profile(client_as, me):
    others = SocialProfileFactory(promeneur=PromeneurFactory(user=None), profile_name="pas_a_moi")
    data = form_data(
        me,
        **{
            "profils-INITIAL_FORMS": "1",
            "profils-0-id": str(others.pk),
            "profils-0-network": "instagram",
            "profils-0-profile_name": "vole",
            "profils-0-DELETE": "on",
        },
    )
    client_as("promeneur").post(URL, data)
    others.refresh_from_db()
    assert others.profile_name == "pas_a_moi"


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse e-mail valide"),
        ({"phone": "12345"}, "Saisissez un numéro de téléphone français valide"),
        ({"phone": "06 12 34 56 78 99"}, "Saisissez un numéro de téléphone français valide"),
        ({"profils-0-url": "javascript:alert(1)"}, "Saisissez l&#x27;adresse complète du profil"),
        ({"profils-0-url": "www instagram com"}, "Saisissez l&#x27;adresse complète du profil"),
    ],
)
def test_bad_input_is_refused_in_french_and_the_rest_is_kept(client_as, me, changes, field_message):
    before = Promeneur.objects.values().get(pk=me.pk)
    response = client_as("promeneur").post(URL, form_data(me, presentation="Texte à garder", **changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert field_message in html
    assert "Le profil n&#x27;est pas enregistré" in html
    assert "Texte à garder" in html  # what the user typed is kept
    for value in changes.values():
        assert value.replace("'", "&#x27;") in html
    after = Promeneur.objects.values().get(pk=me.pk)
    assert after == before
    assert not me.social_profiles.exists()


def test_presentation_html_is_shown_as_text(client_as, client, me):
    client_as("promeneur").post(URL, form_data(me, presentation="<script>alert(1)</script><b>gras</b>"))
    client.logout()
    html = client.get(f"/annuaire/{me.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def upload(name, content, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_photo_upload_is_saved(client_as, me):
    client_as("promeneur").post(
        URL, form_data(me, new_photo=upload("moi.png", png_bytes(), "image/png"), photo_consent="on")
    )
    me.refresh_from_db()
    assert me.photo is not None and me.photo.width == 40
    # The personal data give the address where the member opens their photo, not a storage path.
    client = client_as("promeneur")
    address = json.loads(client.get(URL + "mes-donnees/").content)["fiche_annuaire"]["photo"]
    assert address.startswith("http://testserver/images/")
    assert client.get(address.removeprefix("http://testserver")).status_code == 200


def png_header(width, height):
    """A PNG that declares ``width`` × ``height`` pixels and holds none: all a reader looks at first."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    size = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", size) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


NOT_ACCEPTED = "Ce fichier n&#x27;est pas une image acceptée : choisissez une image JPEG, PNG ou WebP."


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        # The site's own French messages, never Django's "Téléversez une image valide…", which
        # called an image with too many pixels "not an image or corrupted".
        ("cv.pdf", b"%PDF-1.4 pas une image", "application/pdf", NOT_ACCEPTED),
        ("photo.png", b"ceci n'est pas une image", "image/png", NOT_ACCEPTED),
        ("photo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml", NOT_ACCEPTED),
        ("photo.gif", png_bytes(fmt="GIF"), "image/gif", NOT_ACCEPTED),
        ("photo.png", png_bytes(fmt="BMP"), "image/png", NOT_ACCEPTED),
        ("panorama.png", png_header(20000, 20000), "image/png", "Image trop grande : plus de pixels que la limite"),
    ],
)
def test_a_file_that_is_not_an_accepted_image_is_refused(client_as, me, name, content, content_type, message):
    response = client_as("promeneur").post(URL, form_data(me, new_photo=upload(name, content, content_type)))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Téléversez" not in html
    me.refresh_from_db()
    assert me.photo is None and me.presentation == ""


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_a_photo_too_large_is_refused(client_as, me):
    big = png_bytes(size=(400, 400), fmt="BMP")
    response = client_as("promeneur").post(URL, form_data(me, new_photo=upload("grande.jpg", big, "image/jpeg")))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Image trop lourde : " in html and "Mo au plus" in html
    me.refresh_from_db()
    assert me.photo is None


def test_replacing_or_removing_the_photo_deletes_the_old_one(client_as, me):
    from wagtail.images import get_image_model

    Image = get_image_model()
    client = client_as("promeneur")
    client.post(URL, form_data(me, new_photo=upload("a.png", png_bytes(), "image/png")))
    client.post(URL, form_data(me, new_photo=upload("b.png", png_bytes(color=(0, 0, 0)), "image/png")))
    assert Image.objects.count() == 1
    client.post(URL, form_data(me, remove_photo="on"))
    me.refresh_from_db()
    assert me.photo is None and Image.objects.count() == 0


def test_coordination_is_told_once_until_it_reviews(client_as, me, django_capture_on_commit_callbacks):
    from network.directory.privacy import mark_reviewed

    client = client_as("promeneur")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(me))
        client.post(URL, form_data(me, presentation="Encore une modification"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordination@example.org"]
    assert "a modifié son profil" in message.subject
    assert "/admin/annuaire/profils-modifies/" in message.body
    me.refresh_from_db()
    mark_reviewed([me])
    me.refresh_from_db()
    assert not me.needs_review
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(me, presentation="Après relecture"))
    assert len(mail.outbox) == 2


def as_shown(promeneur):
    """The profile form posted as the page shows it, untouched (what a browser sends for it)."""
    from django.forms import CheckboxInput

    from network.directory.forms import ProfileForm, SocialProfileFormSet

    formset = SocialProfileFormSet(instance=promeneur, prefix="profils")
    data = {}
    for form in (ProfileForm(instance=promeneur), formset.management_form, *formset.forms):
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, CheckboxInput):
                if value:
                    data[field.html_name] = "on"
            else:
                data[field.html_name] = field.field.widget.format_value(value) or ""
    return data


def test_saving_the_form_unchanged_tells_nobody(client_as, me, django_capture_on_commit_callbacks):
    SocialProfileFactory(promeneur=me, network="instagram", profile_name="lucie_pdn66")
    client = client_as("promeneur")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, as_shown(me), follow=True)
    assert "Vous n&#x27;avez rien modifié" in response.content.decode()
    me.refresh_from_db()
    assert not me.needs_review and me.profile_changed_at is None
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, as_shown(me) | {"hours_online": "mardi 18h–20h"})
    me.refresh_from_db()
    assert me.needs_review and len(mail.outbox) == 1


def test_the_consents_speak_in_the_first_person(client_as):
    page = client_as("promeneur").get(URL).content.decode()
    assert "J&#x27;accepte de figurer dans l&#x27;annuaire public" in page
    assert "J&#x27;accepte la diffusion publique de ma photo" in page


def test_a_member_without_a_record_gets_a_clear_page(client_as):
    html = client_as("coordination").get(URL).content.decode()
    assert "Aucune fiche de l'annuaire n'est liée à votre compte" in html
    response = client_as("coordination").post(URL, {"presentation": "x"})
    assert response.status_code == 200


def test_personal_data_download(client_as, me):
    SocialProfileFactory(promeneur=me, network="discord", profile_name="lucie#66", url="")
    response = client_as("promeneur").get(URL + "mes-donnees/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["compte"]["identifiant"] == "promeneur"
    assert data["compte"]["groupes"] == ["Promeneurs"]
    record = data["fiche_annuaire"]
    assert record["email"] == me.email and record["telephone"] == me.phone
    assert record["structure"] == me.structure.name
    assert record["profils_reseaux_sociaux"] == [{"reseau": "Discord", "nom_de_profil": "lucie#66", "lien": ""}]
    assert record["consentements"] == {"annuaire_public": True, "photo_publique": False}


def test_personal_data_include_grids_registrations_and_messages(client_as, me):
    ActivityGridFactory(promeneur=me, support_needed="Un point sur la posture, svp.")
    RegistrationFactory(user=me.user, event=EventFactory(title="Analyse de pratiques de mars"))
    DiscussionFactory(author=me.user, title="Droit à l'image en sortie", opening__body="Que dit la loi ?")
    data = json.loads(client_as("promeneur").get(URL + "mes-donnees/").content)
    assert [grid["besoin_appui"] for grid in data["grilles_activite"]] == ["Un point sur la posture, svp."]
    assert [r["evenement"] for r in data["inscriptions"]] == ["Analyse de pratiques de mars"]
    assert data["messages_echanges"][0]["discussion"] == "Droit à l'image en sortie"
    assert data["messages_echanges"][0]["texte"] == "Que dit la loi ?"


def test_personal_data_of_a_member_without_record(client_as):
    data = json.loads(client_as("coordination").get(URL + "mes-donnees/").content)
    assert data["compte"]["identifiant"] == "coordination"
    assert data["fiche_annuaire"] is None


def test_a_presentation_too_long_is_refused_and_kept(client_as, me):
    text = "Bonjour. " * 250
    response = client_as("promeneur").post(URL, form_data(me, presentation=text))
    html = response.content.decode()
    assert response.status_code == 200
    assert "au plus 2000 caractères" in html
    assert text.strip() in html
    me.refresh_from_db()
    assert me.presentation == ""


def test_an_e_mail_already_used_by_another_promeneur_is_refused_in_any_case(client_as, me):
    other = PromeneurFactory(email="karim.haddad@example.org")
    client = client_as("promeneur")
    response = client.post(URL, form_data(me, email="Karim.Haddad@Example.org", hours_online="Le mardi soir"))
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Cette adresse e-mail est déjà celle d'un autre promeneur" in body
    assert "Le mardi soir" in body  # what was typed is kept
    me.refresh_from_db()
    other.refresh_from_db()
    assert me.email != "Karim.Haddad@Example.org" and other.email == "karim.haddad@example.org"


def test_the_admin_refuses_a_second_promeneur_with_the_same_e_mail(client_as):
    from django.db import IntegrityError, transaction

    PromeneurFactory(email="karim.haddad@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        PromeneurFactory(email="KARIM.HADDAD@example.org")
    # Promeneurs who left the network (e-mail erased) do not collide.
    PromeneurFactory(email="")
    PromeneurFactory(email="")


def test_personal_data_times_are_paris_times(client_as, me):
    """Read by the member, not a machine only: every date and time of the download is at Paris time
    (« 2026-12-14T09:00:00+01:00 »), never UTC (« 08:00:00+00:00 »)."""
    import datetime as dt

    from django.utils import timezone

    start = timezone.make_aware(dt.datetime(2026, 12, 14, 9, 0), timezone.get_fixed_timezone(60))
    RegistrationFactory(user=me.user, event=EventFactory(start=start, end=start + dt.timedelta(hours=7)))
    client = client_as("promeneur")
    client.get("/espace/")  # a visit, and the account's last login
    raw = client.get(URL + "mes-donnees/").content.decode()
    data = json.loads(raw)

    assert data["inscriptions"][0]["debut"] == "2026-12-14T09:00:00+01:00"
    assert "+00:00" not in raw
