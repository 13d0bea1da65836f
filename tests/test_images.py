"""Images are served by the application only, to those who may see them (workspace/media):
promeneurs' photos follow their consent at each request, restricted collections are
checked, files have random names outside the public media folder."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from network.directory.models import Promeneur
from network.directory.privacy import anonymise_promeneur
from tests.factories import PromeneurFactory, UserFactory, make_image, png_bytes, publication_page, resource_page

pytestmark = pytest.mark.django_db

PROFILE = "/espace/mon-profil/"
RANDOM_NAME = re.compile(r"(originals|renditions)/[0-9a-f]{32}\.png")


def photo_urls(image):
    """The original's address and the directory thumbnail's."""
    return [image.file.url, image.get_rendition("fill-160x160").url]


# What the web server in front serves by itself (the README asked it to, before images
# went through the application): a deployed server may still do so.
WEB_SERVER_FOLDERS = ("images/", "original_images/")


def status(client, url):
    """What a visitor gets for ``url``, the web server included."""
    if url.startswith(settings.MEDIA_URL):
        path = url.removeprefix(settings.MEDIA_URL)
        served = path.startswith(WEB_SERVER_FOLDERS) and (Path(settings.MEDIA_ROOT) / path).is_file()
        return 200 if served else 404
    return client.get(url).status_code


@pytest.fixture
def anna(db):
    """Publicly listed, photo not consented."""
    return PromeneurFactory(
        user=None, first_name="Anna", last_name="Prat", public_listing=True, photo_consent=False, photo=make_image()
    )


def profile_data(**changes):
    data = {
        "presentation": "Texte que je viens de taper.",
        "hours_online": "mardi 17h–19h",
        "email": "lucie@structure-test.fr",
        "phone": "0612345678",
        "public_listing": "on",
        "photo_consent": "on",
        "profils-TOTAL_FORMS": "0",
        "profils-INITIAL_FORMS": "0",
        "profils-MIN_NUM_FORMS": "0",
        "profils-MAX_NUM_FORMS": "12",
    }
    data.update(changes)
    return data


# --- Who sees a promeneur's photo ---------------------------------------------------------


def test_a_photo_without_consent_is_refused_to_the_public_and_shown_to_members(client_as, anna):
    for url in photo_urls(anna.photo):
        assert status(client_as("anonymous"), url) == 404, url
        assert status(client_as("pilotage"), url) == 404, url
        assert status(client_as("promeneur"), url) == 200, url
        assert status(client_as("coordination"), url) == 200, url


def test_a_consenting_public_promeneur_s_photo_is_public(client, anna):
    anna.photo_consent = True
    anna.save()
    for url in photo_urls(anna.photo):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        # Consent may be withdrawn at any time: no shared cache may keep the photo.
        assert response["Cache-Control"] == "private, no-cache"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_withdrawing_consent_hides_the_photo_at_once(client_as, users):
    me = Promeneur.objects.get(user=users["promeneur"])
    client = client_as("promeneur")
    client.post(PROFILE, profile_data(new_photo=SimpleUploadedFile("moi.png", png_bytes(), "image/png")))
    me.refresh_from_db()
    urls = photo_urls(me.photo)
    assert all(status(client_as("anonymous"), url) == 200 for url in urls)

    client_as("promeneur").post(PROFILE, profile_data(photo_consent=""))
    assert [status(client_as("anonymous"), url) for url in urls] == [404, 404]
    assert [status(client_as("promeneur"), url) for url in urls] == [200, 200]


def test_leaving_the_public_directory_hides_the_photo(client, anna):
    anna.photo_consent = True
    anna.save()
    url = photo_urls(anna.photo)[1]
    assert status(client, url) == 200
    Promeneur.objects.filter(pk=anna.pk).update(public_listing=False)
    assert status(client, url) == 404


def test_a_cached_photo_is_not_revalidated_after_consent_is_withdrawn(client, anna):
    anna.photo_consent = True
    anna.save()
    url = photo_urls(anna.photo)[1]
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    Promeneur.objects.filter(pk=anna.pk).update(photo_consent=False)
    assert client.get(url, headers={"if-none-match": etag}).status_code == 404


def test_anonymising_deletes_the_photo_files(client_as, anna, django_capture_on_commit_callbacks):
    photo = anna.photo
    rendition = photo.get_rendition("fill-160x160")
    files = [Path(photo.file.path), Path(rendition.file.path)]
    urls = [photo.file.url, rendition.url]
    assert all(path.exists() for path in files)
    with django_capture_on_commit_callbacks(execute=True):
        anonymise_promeneur(anna)
    assert not any(path.exists() for path in files)
    assert [status(client_as("coordination"), url) for url in urls] == [404, 404]


def test_an_uploaded_photo_goes_to_the_members_collection_and_stays_private_once_unlinked(client_as, users):
    me = Promeneur.objects.get(user=users["promeneur"])
    client_as("promeneur").post(
        PROFILE, profile_data(new_photo=SimpleUploadedFile("moi.png", png_bytes(), "image/png"))
    )
    me.refresh_from_db()
    photo = me.photo
    assert photo.collection.name == "Photos des promeneurs"
    # The coordination replaces it in the admin: the old photo is nobody's any more.
    Promeneur.objects.filter(pk=me.pk).update(photo=make_image())
    assert status(client_as("anonymous"), photo.file.url) == 404
    assert status(client_as("promeneur"), photo.file.url) == 200


# --- Restricted collections ------------------------------------------------------------------


def image_in(collection_name):
    image = make_image("Schéma du comité")
    image.collection = Collection.objects.get(name=collection_name)
    image.save()
    return image


@pytest.mark.parametrize(
    ("collection", "allowed"),
    [
        ("Documents des membres", {"promeneur", "coordination"}),
        ("Documents du comité de pilotage", {"pilotage", "coordination"}),
    ],
)
def test_an_image_of_a_restricted_collection_is_served_only_to_those_it_is_for(client_as, users, collection, allowed):
    image = image_in(collection)
    for url in photo_urls(image):
        for role in users:
            assert status(client_as(role), url) == (200 if role in allowed else 404), (role, url)
        assert client_as("coordination").get(url)["Cache-Control"] == "private, no-cache"


def test_who_may_choose_an_image_in_the_admin_sees_it_there(client):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupCollectionPermission

    image = image_in("Documents du comité de pilotage")
    editors = Group.objects.create(name="Rédaction des visuels")
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtailimages", codename="choose_image"),
    )
    url = photo_urls(image)[1]
    client.force_login(UserFactory(username="sans-droit"))
    assert status(client, url) == 404
    editor = UserFactory(username="redactrice")
    editors.user_set.add(editor)
    client.force_login(editor)
    assert status(client, url) == 200


def test_an_image_of_the_open_collection_used_only_in_the_space_is_the_members(client_as, users):
    image = make_image("Schéma interne")
    body = [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}}]
    resource_page("Fiche au schéma", body=body)
    for url in photo_urls(image):
        for role in users:
            assert status(client_as(role), url) == (200 if role in {"promeneur", "coordination"} else 404), (role, url)
        assert client_as("promeneur").get(url)["Cache-Control"] == "private, no-cache"
    publication_page("Publication au schéma", body=body)
    assert status(client_as("anonymous"), image.file.url) == 200


def test_an_image_of_the_public_collection_is_public_and_cacheable(client):
    url = photo_urls(make_image("Affiche"))[1]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public")


# --- Names and places of the files -----------------------------------------------------------


def test_two_photos_uploaded_with_the_same_name_get_different_random_names():
    first, second = make_image("Une"), make_image("Deux")  # both uploaded as "photo.png"
    names = [first.file.name, second.file.name]
    renditions = [image.get_rendition("fill-160x160").file.name for image in (first, second)]
    assert len(set(names)) == 2 and len(set(renditions)) == 2
    for name in names + renditions:
        assert RANDOM_NAME.fullmatch(name), name
        assert "photo" not in name and "fill" not in name


def test_the_files_are_outside_the_public_media_folder(client):
    image = make_image()
    rendition = image.get_rendition("fill-160x160")
    media_root = Path(settings.MEDIA_ROOT).resolve()
    for path in (Path(image.file.path), Path(rendition.file.path)):
        assert path.exists()
        assert not path.resolve().is_relative_to(media_root)
    for name in (image.file.name, rendition.file.name):
        assert status(client, settings.MEDIA_URL + name) == 404
        assert image.file.url.startswith("/images/")


def test_unknown_names_are_404(client):
    for url in ("/images/originals/0123456789abcdef0123456789abcdef.png", "/images/not-found", "/images/../x"):
        assert status(client, url) == 404, url


def test_an_uploaded_photo_gets_a_random_name_with_its_type(client_as, users):
    me = Promeneur.objects.get(user=users["promeneur"])
    response = client_as("promeneur").post(
        PROFILE, profile_data(new_photo=SimpleUploadedFile("moi.jpg", png_bytes(fmt="JPEG"), "image/jpeg"))
    )
    assert response.status_code == 302
    me.refresh_from_db()
    assert re.fullmatch(r"originals/[0-9a-f]{32}\.jpg", me.photo.file.name)


def test_an_image_saved_without_a_form_is_stored_privately_too():
    image = get_image_model().objects.create(title="Import", file=ContentFile(png_bytes(), name="Mon Nom.png"))
    assert RANDOM_NAME.fullmatch(image.file.name)


def test_the_admin_shows_every_image_to_the_coordination(client_as, anna):
    client = client_as("coordination")
    html = client.get("/admin/images/").content.decode()
    thumbnails = re.findall(r'src="(/images/renditions/[0-9a-f]{32}\.png)"', html)
    assert thumbnails
    assert all(client.get(url).status_code == 200 for url in thumbnails)
    assert all(status(client_as("anonymous"), url) == 404 for url in thumbnails)
