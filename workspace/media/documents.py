"""Documents must be what their extension says.

Wagtail checks a document's extension (WAGTAILDOCS_EXTENSIONS) and its size, never its content: an
SVG or an HTML page renamed ``.pdf`` was accepted, then served as a PDF that no reader opens (and
that a script inside waits in). Each accepted type is recognised here by the first bytes of the
file, as its readers recognise it; the admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE, used
by the upload, the multiple upload and the chooser) and the signed convention's field refuse a file
whose content is not its type, with a French message.
"""

import os
import re

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

HEAD_SIZE = 2048
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
RTF = (b"{\\rtf",)
# Extension -> (what the file is, in the message; the signatures its first bytes may start with).
# Office files are zip archives (docx, xlsx, pptx, OpenDocument) or OLE containers (Word 97–2003,
# which also opens RTF saved as .doc). A PDF's header may follow a few bytes of junk (ISO 32000).
SIGNATURES = {
    "pdf": ("PDF", None),
    "docx": ("Word", ZIP),
    "xlsx": ("Excel", ZIP),
    "pptx": ("PowerPoint", ZIP),
    "odt": ("OpenDocument", ZIP),
    "ods": ("OpenDocument", ZIP),
    "odp": ("OpenDocument", ZIP),
    "zip": ("ZIP", ZIP),
    "doc": ("Word", OLE + RTF),
    "rtf": ("RTF", RTF),
    "png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("JPEG", (b"\xff\xd8\xff",)),
    "jpeg": ("JPEG", (b"\xff\xd8\xff",)),
}
# Plain text has no signature; a web page or an SVG saved under that name is refused.
TEXT = ("txt", "csv")
MARKUP = re.compile(rb"\s*(<\?xml|<!doctype|<html|<svg|<script|<head|<body|<iframe)", re.IGNORECASE)
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_head(upload):
    upload.seek(0)
    try:
        return upload.read(HEAD_SIZE)
    finally:
        upload.seek(0)


def content_matches(extension, head):
    if extension == "pdf":
        return b"%PDF-" in head[:1024]
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension][1])
    if extension in TEXT:
        for bom in BOMS:
            head = head.removeprefix(bom)
        return not MARKUP.match(head)
    # Another extension is refused by Wagtail's own check (WAGTAILDOCS_EXTENSIONS).
    return True


def validate_document_content(upload):
    """Raises a ValidationError in French when the uploaded file is not what its extension says."""
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if content_matches(extension, read_head(upload)):
        return
    if extension in SIGNATURES:
        what = f"ce n'est pas un fichier {SIGNATURES[extension][0]}"
    else:
        what = "c'est une page web ou une image SVG, pas du texte"
    raise ValidationError(
        f"Le contenu de ce fichier ne correspond pas à son extension « .{extension} » : {what}. "
        "Enregistrez-le au bon format depuis son logiciel, puis téléversez-le à nouveau.",
        code="invalid_document_content",
    )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content is not its type."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # A new upload only: an unchanged file is the stored one, already checked.
        if upload and "file" in self.changed_data and hasattr(upload, "seek"):
            validate_document_content(upload)
        return upload
