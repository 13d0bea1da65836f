"""Move the images of Wagtail's built-in model into the site's model.

Each image keeps its id (so that foreign keys and StreamField blocks still point to
it), its file is copied into the private storage under a random name, its tags follow
it; the old public files (originals and renditions) are deleted. Renditions are made
again on first use. The old rows stay in Wagtail's table, without files.
"""

from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import migrations

from workspace.media.storage import PrivateImageStorage, random_name

COPIED_FIELDS = (
    "title",
    "description",
    "width",
    "height",
    "created_at",
    "collection_id",
    "uploaded_by_user_id",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
)


def copy_images(apps, schema_editor):
    OldImage = apps.get_model("wagtailimages", "Image")
    OldRendition = apps.get_model("wagtailimages", "Rendition")
    SiteImage = apps.get_model("media", "SiteImage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    if not OldImage.objects.exists():
        return
    storage = PrivateImageStorage()
    for old in OldImage.objects.order_by("pk"):
        name = random_name("originals", old.file.name)
        if default_storage.exists(old.file.name):
            with default_storage.open(old.file.name, "rb") as source:
                name = storage.save(name, source)
        SiteImage.objects.create(pk=old.pk, file=name, **{field: getattr(old, field) for field in COPIED_FIELDS})
        # created_at is auto_now_add: put the original date back.
        SiteImage.objects.filter(pk=old.pk).update(created_at=old.created_at)
    old_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    new_type, _ = ContentType.objects.get_or_create(app_label="media", model="siteimage")
    TaggedItem.objects.filter(content_type=old_type).update(content_type=new_type)
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [SiteImage]):
        schema_editor.execute(sql)
    # The old files are public (MEDIA_ROOT): remove them.
    for rendition in OldRendition.objects.all():
        default_storage.delete(rendition.file.name)
    OldRendition.objects.all().delete()
    for old in OldImage.objects.all():
        default_storage.delete(old.file.name)


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
