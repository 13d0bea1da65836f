"""Image fields whose upload is checked by the site first (workspace/media/validators.py), so that an
oversized, disguised or unreadable file gets its French message before Django or Wagtail open it
(their own "Téléversez une image valide…" called an image with too many pixels "corrupted")."""

from django import forms

from .validators import validate_image_upload


class UploadCheckedFirst:
    """Mixin of a file field: ``upload_validator`` runs on the uploaded file before the field reads it."""

    upload_validator = validate_image_upload

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "size"):
            self.upload_validator(data)
        return super().to_python(data)


class CheckedPhotoField(UploadCheckedFirst, forms.ImageField):
    """A plain image field (a member's photo); ``upload_validator`` narrows the accepted types."""

    def __init__(self, *args, upload_validator=validate_image_upload, **kwargs):
        self.upload_validator = upload_validator
        super().__init__(*args, **kwargs)
