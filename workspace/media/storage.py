"""Where images are kept: a folder the web server never serves.

Their addresses go through the application (``media:image``), which checks at each
request who may see the image (see ``workspace.media.permissions``).
"""

import os
import re
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

STORAGE_ALIAS = "images"
SAFE_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}")


def random_name(folder, filename):
    """``folder/<32 random hex digits><extension of filename>``: nothing of the upload's name but its type."""
    extension = os.path.splitext(filename)[1].lower()
    if not SAFE_EXTENSION.fullmatch(extension):
        extension = ""
    return f"{folder}/{secrets.token_hex(16)}{extension}"


@deconstructible(path="workspace.media.storage.PrivateImageStorage")
class PrivateImageStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        # Read at first use rather than at import, so that settings.test can point elsewhere.
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        return reverse("media:image", kwargs={"name": name})


def image_storage():
    """The storage of original images and renditions (a callable, so that migrations name it, not its path)."""
    return storages[STORAGE_ALIAS]
