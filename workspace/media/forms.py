"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail's, with the site's
upload check run first (workspace/media/fields.py), so that an oversized or disguised file
gets its French message before Wagtail opens it."""

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .fields import UploadCheckedFirst


class CheckedImageField(UploadCheckedFirst, WagtailImageField):
    pass


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds its forms with its own field for "file" (formfield_callback):
        # the same field, checked first.
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = CheckedImageField(label=field.label, required=field.required, widget=field.widget)
