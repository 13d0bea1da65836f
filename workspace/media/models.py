"""The site's image model: Wagtail's, stored privately under random names.

Wagtail's own model files images under their upload name in the public media folder,
and names renditions after it with a hash that is the same for every image without a
focal point, so that knowing a file name is enough to guess its address. Here the
originals and renditions get random names in a storage that the web server never
serves; their URLs point to the application's serving view.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    SourceImageIOError,
    WagtailImageField,
    get_rendition_upload_to,
    get_upload_to,
)
from wagtail.images.models import Image as WagtailImage

from .storage import image_storage, random_name


def private_image_file(upload_to, **options):
    """The file of an original or a rendition, in the storage the web server never serves."""
    return WagtailImageField(
        upload_to=upload_to,
        storage=image_storage,
        width_field="width",
        height_field="height",
        max_length=100,
        db_index=True,
        **options,
    )


class SiteImage(AbstractImage):
    file = private_image_file(get_upload_to, verbose_name=_("file"))

    admin_form_fields = WagtailImage.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def get_upload_to(self, filename):
        return random_name("originals", filename)

    def generate_rendition_file(self, filter, *, source=None):
        # An image stored without the upload check (by code, or before it existed) must
        # not make a page decode a bomb: the {% image %} tag shows a missing image instead.
        if self.width * self.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            raise SourceImageIOError(f"Image {self.pk} is too large to resize ({self.width} × {self.height}).")
        return super().generate_rendition_file(filter, source=source)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, related_name="renditions", on_delete=models.CASCADE)
    file = private_image_file(get_rendition_upload_to)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("image", "filter_spec", "focal_point_key"), name="unique_media_rendition")
        ]

    def get_upload_to(self, filename):
        return random_name("renditions", filename)
