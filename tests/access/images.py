"""Addresses of images (security issue, item 1): served by the application to those who may
see them, a promeneur's photo following their consent; a refusal is a 404 for everyone,
so that an address does not tell whether the image exists."""

from wagtail.models import Collection

from tests.access import ROLES, coordination_admin, everyone
from tests.factories import PromeneurFactory, make_image


def only(roles):
    return {role: ("200" if role in roles else "404") for role in ROLES}


MEMBERS = {"promeneur", "coordination"}

ROWS = [
    ("{hidden_photo}", only(MEMBERS)),
    ("{hidden_photo_thumbnail}", only(MEMBERS)),
    ("{public_photo}", everyone("200")),
    ("{public_photo_thumbnail}", everyone("200")),
    ("{member_image}", only(MEMBERS)),
    ("{copil_image_thumbnail}", only({"pilotage", "coordination"})),
    ("/images/originals/00000000000000000000000000000000.png", everyone("404")),
    # The admin's image chooser (the image model is the site's own, workspace/media).
    ("/admin/images/chooser/", coordination_admin()),
    ("/admin/images/chooser/results/", coordination_admin()),
    ("/admin/images/chooser/create/", coordination_admin()),
    ("/admin/images/chooser/chosen/{member_image_id}/", coordination_admin()),
    ("/admin/images/chooser/chosen-multiple/?id={member_image_id}", coordination_admin()),
    ("/admin/images/chooser/{member_image_id}/select_format/", coordination_admin()),
]


def _in_collection(name):
    image = make_image(f"Image de « {name} »")
    image.collection = Collection.objects.get(name=name)
    image.save()
    return image


def make_objects():
    hidden = PromeneurFactory(user=None, public_listing=True, photo_consent=False, photo=make_image()).photo
    public = PromeneurFactory(user=None, public_listing=True, photo_consent=True, photo=make_image()).photo
    member_image = _in_collection("Documents des membres")
    return {
        "member_image_id": member_image.pk,
        "hidden_photo": hidden.file.url,
        "hidden_photo_thumbnail": hidden.get_rendition("fill-160x160").url,
        "public_photo": public.file.url,
        "public_photo_thumbnail": public.get_rendition("fill-160x160").url,
        "member_image": member_image.file.url,
        "copil_image_thumbnail": _in_collection("Documents du comité de pilotage").get_rendition("max-800x600").url,
    }
