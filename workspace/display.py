"""How values read for the site's French users wherever they are shown: pages, the admin's
listings (wagtailadmin/tables/cell.html, the coordination's modeladmin listings) and the exports."""

import datetime
import re

from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

YES, NO = "Oui", "Non"
DESCRIPTION_LENGTH = 160
DEFAULT_DESCRIPTION = (
    "Promeneurs du Net des Pyrénées-Orientales : des professionnels de la jeunesse présents sur les réseaux "
    "sociaux pour les jeunes de 12 à 25 ans."
)


def yes_no(value):
    """A boolean as "Oui" / "Non"; any other value as it is."""
    if isinstance(value, bool):
        return YES if value else NO
    return value


def datetime_attribute(value):
    """``value`` as HTML's ``datetime`` attribute wants it: a date, or a date and time in Paris time
    to the second ("2026-11-29T14:05:12+01:00"; HTML allows three decimals, Python writes six)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


# A day-of-month "j" of a format string, not one escaped as a letter ("\\j").
_DAY = re.compile(r"(?<!\\)j")
# An hour and its minutes "H:i", written "14h30" and "9h05" in French prose (no leading zero).
_HOUR = re.compile(r"(?<!\\)H:i")


def french_date(value, format_string):
    """``value`` written by Django's ``format_string`` ("j F Y", "l j F Y à H:i") in Paris time, as
    French prose writes it: the first of the month "1er" ("1er décembre 2026", "lundi 1er juin"), the
    hour "14h30" ("mardi 1er décembre 2026 à 14h30"). Numeric stamps for tables and files are
    ``exports.CSV_DATETIME``'s."""
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if value.day == 1:
        format_string = _DAY.sub(r"\\1\\e\\r", format_string)
    return date_format(value, _HOUR.sub(r"G\\hi", format_string))


def meta_description(page, site_text=""):
    """What search engines show under the page's title: its own description, else its intro, else
    the network's text of the site settings, else a sentence about the network."""
    for text in (getattr(page, "search_description", ""), getattr(page, "intro", ""), site_text):
        if isinstance(text, str) and text.strip():
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)
    return DEFAULT_DESCRIPTION


def has_form_errors(values):
    """Whether one of ``values`` is a form or a formset sent with mistakes, or holds them (an
    ``error_count`` property: the activity grid's editor of a form and two formsets). Only classes are
    asked, never isinstance(), which reads a lazy value's __class__: csrf_token, evaluated, would set its
    cookie on every page, and a page with a cookie is not cached."""
    for value in values:
        kind = type(value)
        if issubclass(kind, BaseForm | BaseFormSet):
            if value.is_bound and (value.errors if issubclass(kind, BaseForm) else value.total_error_count()):
                return True
        elif isinstance(getattr(kind, "error_count", None), property) and value.error_count:
            return True
    return False


# First letters before which "de" becomes "d'". H is left out: "d'Hélène" but "de Handicap", and
# names are not told apart; y too ("de Yanis").
ELIDING_LETTERS = "aeiouàâäéèêëîïôöùûüœæ"


def of(words):
    """ "de" before ``words``, elided before a vowel: "de mars", "d'octobre", "d'Enzo Camps"."""
    text = str(words)
    return f"d'{text}" if elides(text) else f"de {text}"


def elides(word):
    """Whether a word takes the elided forms before it ("d'", "nouvel"): it starts with a vowel."""
    # An empty word elides nothing ("" is found in any string).
    return bool(word) and word[:1].lower() in ELIDING_LETTERS


def person_name(user):
    """A member as the others know them: their name, else their login ("" without an account)."""
    return (user.get_full_name() or user.get_username()) if user else ""


def author_name(user):
    """Who wrote something, as the others read it: ``person_name``, but "un ancien membre" for an
    account gone or anonymised (no name and no longer active), never its "ancien-promeneur-7"."""
    if user and (user.get_full_name() or user.is_active):
        return person_name(user)
    return "un ancien membre"


def greeting(first_name):
    """An e-mail's first line: "Bonjour Lucie," or, without a first name, "Bonjour," (never
    "Bonjour ," nor a login)."""
    first_name = " ".join(str(first_name or "").split())
    return f"Bonjour {first_name}," if first_name else "Bonjour,"


def figure(number):
    """A figure the French way: thousands grouped, a decimal only where there is one ("7 209", "4,5")."""
    return floatformat(number, "-1g")


def agreed(count, singular, plural=None):
    """The word agreed with ``count`` the French way: singular up to 1 ("0 promeneur",
    "1 promeneur relancé"), plural above ("2 promeneurs relancés")."""
    return (plural or f"{singular}s") if count > 1 else singular


def count_of(count, singular, plural=None):
    """A number and its words agreed with it: "1 fiche créée", "2 fiches créées"."""
    return f"{count} {agreed(count, singular, plural)}"


def plural_suffix(count, forms="s"):
    """Django's ``pluralize`` the French way (0 and 1 are singular): "s", or "singular,plural"."""
    singular, _, plural = forms.rpartition(",")  # "s" gives ("", "", "s")
    return agreed(count, singular, plural)


# A model's name in a sentence. Wagtail and wagtail-modeladmin put a verbose name into a generic
# sentence ("Ajouter un(e) %(model_name)s", "Aucun(e) %(model_name)s ne correspond…") that cannot know
# its gender; our listings build these sentences from the model's Noun instead (workspace/admin_wording.py).
# A model whose name is feminine says so once: ``grammatical_gender = FEMININE``; one whose plural
# verbose name is a title rather than a plural ("Journal de coordination") gives ``plural_noun``.
MASCULINE, FEMININE = "m", "f"


class Noun:
    def __init__(self, singular, plural, gender=MASCULINE):
        self.singular, self.plural, self.gender = in_sentence(singular), in_sentence(plural), gender

    @classmethod
    def of(cls, model):
        meta = model._meta
        plural = getattr(model, "plural_noun", None) or meta.verbose_name_plural
        return cls(str(meta.verbose_name), str(plural), getattr(model, "grammatical_gender", MASCULINE))

    @property
    def feminine(self):
        return self.gender == FEMININE

    def one(self):
        """ "un événement", "une convention" """
        return f"{'une' if self.feminine else 'un'} {self.singular}"

    def the(self):
        """ "la convention", "le bilan individuel", "l'événement", "l'étape d'accueil" """
        if elides(self.singular):
            return f"l'{self.singular}"
        return f"{'la' if self.feminine else 'le'} {self.singular}"

    def of_the(self):
        """ "de la convention", "du bilan individuel", "de l'événement" """
        the = self.the()
        return f"du {self.singular}" if the.startswith("le ") else f"de {the}"

    def this(self):
        """ "cette convention", "ce bilan individuel", "cet événement" """
        if self.feminine:
            return f"cette {self.singular}"
        return f"{'cet' if elides(self.singular) else 'ce'} {self.singular}"

    def another(self):
        return f"{'une autre' if self.feminine else 'un autre'} {self.singular}"

    def none(self):
        """ "aucun événement", "aucune grille d'activité" (aucun takes the singular)"""
        return f"{'aucune' if self.feminine else 'aucun'} {self.singular}"

    def agreed(self, participle):
        """A past participle agreed with the noun: "créé" → "créée" for "une convention"."""
        return f"{participle}e" if self.feminine else participle

    def new(self):
        """ "nouvel événement", "nouveau territoire", "nouvelle convention" """
        if self.feminine:
            return f"nouvelle {self.singular}"
        return f"{'nouvel' if elides(self.singular) else 'nouveau'} {self.singular}"

    def count(self, count):
        """ "1 événement", "15 événements" """
        return count_of(count, self.singular, self.plural)


def in_sentence(name):
    """A verbose name as it reads inside a sentence: "Événement" → "événement", but an acronym keeps
    its capitals ("FAQ")."""
    name = str(name)
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]
