"""The dashboard's figures lead to who is missing: the link of network/activity/reminders.py."""

from django import template

from network.activity import reminders

register = template.Library()


@register.simple_tag
def missing_grids_url(month, scope=None):
    return reminders.missing_grids_url(month, scope)
