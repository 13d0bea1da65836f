"""Who may see an image, asked by the serving view at each request.

An app that owns a kind of image (the directory owns promeneurs' photos) registers a
rule with the ``IMAGE_VIEW_RULE`` Wagtail hook: ``rule(user, image)`` returns True or
False when the image is one of its own, None otherwise. The first rule that answers
decides; an image no rule claims follows its collection's view restrictions (or, in an open
collection, those of the pages that use it: ``hidden_where_used``). Whoever
may choose or edit the image in the admin sees it there too.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from wagtail import hooks
from wagtail.images.permissions import permission_policy

from workspace.accounts.access import failed_restrictions, hidden_where_used

IMAGE_VIEW_RULE = "image_view_rule"


@dataclass(frozen=True)
class ImageAccess:
    allowed: bool
    # The answer depends on who asks or may change at any time: no shared cache may keep it.
    restricted: bool


def image_access(user, image):
    for rule in hooks.get_hooks(IMAGE_VIEW_RULE):
        verdict = rule(user, image)
        if verdict is not None:
            allowed, restricted = bool(verdict), True
            break
    else:
        # The collection's restrictions and its ancestors': Wagtail checks them for documents,
        # not for images (wagtail/wagtail#3880).
        restrictions = list(image.collection.get_view_restrictions())
        if restrictions:
            restricted, allowed = True, not failed_restrictions(user, restrictions)
        else:
            # An image of an open collection used only in the members' or a committee's space is theirs.
            restricted = hidden_where_used(AnonymousUser(), image)
            allowed = not restricted or not hidden_where_used(user, image)
    if not allowed and user.is_authenticated:
        allowed = permission_policy.user_has_any_permission_for_instance(user, ["choose", "change"], image)
    return ImageAccess(allowed=allowed, restricted=restricted)
