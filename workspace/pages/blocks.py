from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citation")
    source = blocks.CharBlock(label="Source", required=False)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "pages/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(label="Intitulé du lien", required=False)

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "pages/blocks/document.html"


class LinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label="Adresse")
    title = blocks.CharBlock(label="Intitulé du lien")

    class Meta:
        icon = "link"
        label = "Lien"
        template = "pages/blocks/link.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label="Intertitre", form_classname="title", template="pages/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label="Texte", features=RICH_TEXT_FEATURES)
    image = ImageBlock(label="Image")
    document = DocumentBlock()
    link = LinkBlock()
    video = EmbedBlock(label="Vidéo intégrée", help_text="Adresse d'une vidéo (YouTube, Vimeo, PeerTube…)")
    quote = QuoteBlock()
