"""Template helpers of the activity: the link to who is missing (reminders.py), a month in a sentence."""

from django import template

from network.activity import reminders
from network.activity.models.grids import of_month

register = template.Library()


@register.simple_tag
def missing_grids_url(month, scope=None):
    return reminders.missing_grids_url(month, scope)


# "de mars 2026", "d'octobre 2026": a month in a sentence, as the grids say it.
register.filter("of_month", of_month)
