"""One check for every uploaded image (profile photo, admin upload, chooser): its size,
its real type and its pixel count, read from the file's header before anything decodes it.

A small PNG can declare 12000 × 12000 pixels: Pillow would need more than a gigabyte to
make its thumbnail. The limits are Wagtail's settings, so that Wagtail's own checks
and this one never disagree.
"""

import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.utils import get_allowed_image_extensions

from workspace.display import count_of

# File extension -> format name that Pillow reads in the header.
EXTENSION_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP", "avif": "AVIF"}
FORMAT_LABELS = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP", "AVIF": "AVIF"}


def megabytes(size):
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def pixel_count_text(count):
    """40_000_000 -> "40 millions"; 1_234_567 -> "1 234 567"."""
    if count % 1_000_000 == 0:
        millions = count // 1_000_000
        return count_of(millions, "million")
    return f"{count:,}".replace(",", " ")


def french_list(words):
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} ou {words[-1]}"


def read_header(upload):
    """(format, width, height, frames) of an uploaded image, without decoding its pixels."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit; ours is lower and gives the message.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as image:
                width, height = image.size
                return image.format, width, height, getattr(image, "n_frames", 1)
    finally:
        upload.seek(0)


class ImageUploadValidator:
    """``ImageUploadValidator()(upload)`` raises a ValidationError in French, or returns None.
    ``extensions`` narrows the accepted types (default: WAGTAILIMAGES_EXTENSIONS)."""

    def __init__(self, extensions=None):
        self.extensions = extensions

    def allowed_extensions(self):
        return [ext for ext in (self.extensions or get_allowed_image_extensions()) if ext in EXTENSION_FORMATS]

    def type_message(self):
        labels = list(dict.fromkeys(FORMAT_LABELS[EXTENSION_FORMATS[ext]] for ext in self.allowed_extensions()))
        return f"Ce fichier n'est pas une image acceptée : choisissez une image {french_list(labels)}."

    def __call__(self, upload):
        size_limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        if upload.size > size_limit:
            raise ValidationError(
                f"Image trop lourde : {megabytes(upload.size)} Mo, {megabytes(size_limit)} Mo au plus. "
                "Choisissez une image plus légère.",
                code="file_too_large",
            )
        pixel_limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        try:
            image_format, width, height, frames = read_header(upload)
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                f"Image trop grande : plus de pixels que la limite ({pixel_count_text(pixel_limit)}).",
                code="file_too_many_pixels",
            ) from error
        except Exception as error:  # Pillow raises many kinds of errors for a file it cannot read
            raise ValidationError(self.type_message(), code="invalid_image") from error
        extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
        if extension not in self.allowed_extensions() or EXTENSION_FORMATS[extension] != image_format:
            raise ValidationError(self.type_message(), code="invalid_image_format")
        if width * height * frames > pixel_limit:
            images = f" sur {frames} images" if frames > 1 else ""
            raise ValidationError(
                f"Image trop grande : {width} × {height} pixels{images}, {pixel_count_text(pixel_limit)} au plus.",
                code="file_too_many_pixels",
            )


validate_image_upload = ImageUploadValidator()
