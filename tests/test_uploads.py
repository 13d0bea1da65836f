"""Every uploaded image is checked for size, real type and pixel count before it is stored
(workspace/media/validators.py), in the profile form and in the admin; upload requests
have a size cap in the application; documents keep their type and size limits."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from network.directory.models import Promeneur
from tests.factories import png_bytes
from tests.test_images import PROFILE, profile_data

pytestmark = pytest.mark.django_db

BOMB_MESSAGE = "Image trop grande : 12000 × 12000 pixels, 40 millions au plus."


@pytest.fixture(scope="module")
def bomb():
    """420 KB for 144 million pixels in the incident; a 1-bit PNG compresses even smaller."""
    buffer = io.BytesIO()
    PILImage.new("1", (12000, 12000)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_profile_form_refuses_a_decompression_bomb_and_keeps_what_was_typed(client_as, users, bomb):
    me = Promeneur.objects.get(user=users["promeneur"])
    response = client_as("promeneur").post(
        PROFILE, profile_data(new_photo=SimpleUploadedFile("bombe.png", bomb, "image/png"))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert BOMB_MESSAGE in html
    assert "Texte que je viens de taper." in html and "mardi 17h–19h" in html
    me.refresh_from_db()
    assert me.photo is None and not get_image_model().objects.exists()


def test_the_admin_image_upload_refuses_a_decompression_bomb(client_as, bomb):
    client = client_as("coordination")
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Affiche",
            "file": SimpleUploadedFile("affiche.png", bomb, "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert BOMB_MESSAGE in response.content.decode()
    response = client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("affiche.png", bomb, "image/png")}
    )
    assert response.json() == {"success": False, "error_message": BOMB_MESSAGE}
    assert not get_image_model().objects.exists()


def test_the_admin_image_upload_refuses_a_disguised_file(client_as):
    response = client_as("coordination").post(
        "/admin/images/add/",
        {
            "title": "Affiche",
            "file": SimpleUploadedFile("affiche.png", png_bytes(fmt="BMP"), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert "Ce fichier n&#x27;est pas une image acceptée : choisissez une image GIF, JPEG, PNG ou WebP." in (
        response.content.decode()
    )
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_a_too_heavy_image_is_refused_in_the_admin(client_as):
    heavy = png_bytes(size=(400, 400), fmt="BMP")
    response = client_as("coordination").post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("lourde.png", heavy, "image/png")}
    )
    assert response.json()["error_message"].startswith("Image trop lourde : ")


def test_an_animated_image_counts_every_frame(client_as):
    buffer = io.BytesIO()
    frames = [PILImage.new("P", (2000, 2000), color) for color in range(11)]
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    response = client_as("coordination").post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("anim.gif", buffer.getvalue(), "image/gif")}
    )
    assert response.json()["error_message"] == (
        "Image trop grande : 2000 × 2000 pixels sur 11 images, 40 millions au plus."
    )


@override_settings(UPLOAD_MAX_REQUEST_SIZE=50_000)
def test_an_upload_request_above_the_cap_is_refused_before_it_is_read(client_as, users):
    me = Promeneur.objects.get(user=users["promeneur"])
    big = SimpleUploadedFile("moi.png", png_bytes(size=(400, 400), fmt="BMP"), "image/png")
    response = client_as("promeneur").post(PROFILE, profile_data(new_photo=big))
    assert response.status_code == 400
    me.refresh_from_db()
    assert me.presentation != "Texte que je viens de taper."


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_documents_are_checked_for_type_and_size(client_as):
    from wagtail.documents.models import Document

    client = client_as("coordination")
    for name, content in (("outil.exe", b"MZ" + b"\0" * 100), ("gros.pdf", b"%PDF-1.4" + b"\0" * 2000)):
        response = client.post("/admin/documents/add/", {"title": name, "file": SimpleUploadedFile(name, content)})
        assert response.status_code == 200 and "error-message" in response.content.decode(), name
    assert not Document.objects.exists()


DISGUISED = "Le contenu de ce fichier ne correspond pas à son extension"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("programme.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("programme.PDF", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("tableau.xlsx", b"<html><body>tableau</body></html>"),
        ("notes.txt", b"\xef\xbb\xbf<svg onload=alert(1)>"),
    ],
)
def test_a_document_whose_content_is_not_its_type_is_refused_in_french(client_as, name, content):
    """An SVG or a web page renamed .pdf (or .xlsx, .txt) was stored and served as a PDF."""
    from wagtail.documents.models import Document

    client = client_as("coordination")
    root = Collection.get_first_root_node().pk
    data = {"title": name, "file": SimpleUploadedFile(name, content), "collection": root}
    response = client.post("/admin/documents/add/", data)
    assert response.status_code == 200
    assert DISGUISED in response.content.decode()
    # The multiple upload (drag and drop) and the chooser's upload use the same form.
    response = client.post("/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content)})
    assert response.status_code == 200 and DISGUISED in response.json()["error_message"]
    assert not Document.objects.exists()


def test_a_document_replaced_by_a_disguised_file_keeps_its_own(client_as):
    from wagtail.documents.models import Document

    client = client_as("coordination")
    root = Collection.get_first_root_node().pk
    pdf = b"%PDF-1.4\n%%EOF\n"
    data = {"title": "Programme", "file": SimpleUploadedFile("programme.pdf", pdf), "collection": root}
    assert client.post("/admin/documents/add/", data).status_code == 302
    document = Document.objects.get(title="Programme")
    disguised = SimpleUploadedFile("programme.pdf", b"<html><script>alert(1)</script></html>")
    data = {"title": "Programme", "file": disguised, "collection": root}
    response = client.post(f"/admin/documents/edit/{document.pk}/", data)
    assert response.status_code == 200 and DISGUISED in response.content.decode()
    # Its title changed alone, the stored file is not checked again.
    data = {"title": "Programme 2027", "collection": root}
    assert client.post(f"/admin/documents/edit/{document.pk}/", data).status_code == 302
    document.refresh_from_db()
    assert document.title == "Programme 2027" and document.file.read() == pdf


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("compte-rendu.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"),
        ("tableau.xlsx", b"PK\x03\x04" + b"\0" * 50),
        ("ancien.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50),
        ("liste.csv", "nom;commune\nLucie;Céret\n".encode()),
    ],
)
def test_a_document_of_its_own_type_is_accepted(client_as, name, content):
    from wagtail.documents.models import Document

    root = Collection.get_first_root_node().pk
    data = {"title": name, "file": SimpleUploadedFile(name, content), "collection": root}
    assert client_as("coordination").post("/admin/documents/add/", data).status_code == 302
    assert Document.objects.get(title=name).file.read() == content


def test_the_admin_still_accepts_a_normal_image_and_edits_it(client_as):
    client = client_as("coordination")
    root = Collection.get_first_root_node().pk
    upload = SimpleUploadedFile("affiche.png", png_bytes(), "image/png")
    response = client.post("/admin/images/add/", {"title": "Affiche", "file": upload, "collection": root})
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Affiche")
    assert client.get(f"/admin/images/{image.pk}/").status_code == 200
    response = client.post(f"/admin/images/{image.pk}/", {"title": "Affiche 2026", "collection": root})
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.title == "Affiche 2026" and image.file.storage.exists(image.file.name)


def test_a_bomb_stored_without_the_check_is_never_decoded(client_as, users, bomb):
    from django.core.files.base import ContentFile

    from tests.factories import PromeneurFactory

    photo = get_image_model().objects.create(title="Ancienne photo", file=ContentFile(bomb, name="bombe.png"))
    PromeneurFactory(user=None, last_name="Bombe", photo=photo)
    response = client_as("promeneur").get("/espace/annuaire/")
    assert response.status_code == 200 and 'src="/images/not-found"' in response.content.decode()
    assert not photo.renditions.exists()
