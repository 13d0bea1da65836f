"""workspace/display.py in templates: booleans read Oui / Non, dates fit the datetime attribute,
the first of the month is "1er", plurals agree the French way, and every page has its description."""

from django import template

from workspace import display

register = template.Library()

register.filter("yes_no", display.yes_no)
register.filter("datetime_attribute", display.datetime_attribute)
# Dates as |date writes them, the first of the month "1er": {{ event.start|french_date:"l j F Y" }}.
register.filter("french_date", display.french_date)
# French plurals: "0 réponse", "2 réponses" (Django's pluralize writes "0 réponses").
register.filter("pluriel", display.plural_suffix)
# French elision: "Présence {{ name|de }}" reads "Présence d'Enzo", "Présence de Lucie".
register.filter("de", display.of)
# Who wrote a message: "Lucie Martin", "coordination" (a login), "un ancien membre".
register.filter("author_name", display.author_name)
# Figures: "7 209" rather than "7209", "4,5" rather than "4.5".
register.filter("figure", display.figure)
register.filter("bonjour", display.greeting)


@register.simple_tag(takes_context=True)
def meta_description(context, site_text=""):
    """The description of the page in the context; ``site_text``: the network's text of the site settings."""
    return display.meta_description(context.get("page"), site_text)


@register.simple_tag(takes_context=True)
def error_in_title(context):
    """ "Erreur : " before the page's title when a form of the page came back with mistakes (RGAA 8.6):
    a screen reader reads the title first, and a page sent back looks like the page sent."""
    return "Erreur : " if display.has_form_errors(context.flatten().values()) else ""


@register.filter
def one_more(inline_panel):
    """What an admin InlinePanel adds, in a sentence: "une décision", "un profil sur un réseau social"."""
    return display.Noun.of(inline_panel.db_field.related_model).one()
