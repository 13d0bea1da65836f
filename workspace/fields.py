"""The model fields every domain declares the same way.

A record that points to another one it can do without (a structure's territory, an event's
training, the account that handled a request) keeps living when that other one is deleted: the
link empties. One rule, written once here, so that no model deletes records in cascade by
oversight. Likewise a quantity (hours, an amount) starts at 0 and cannot be negative."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models


def optional_link(to, verbose_name, *, one_to_one=False, **options):
    """A link that may stay empty and empties when its target is deleted."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    options = {"null": True, "blank": True, "on_delete": models.SET_NULL, **options}
    return field(to, verbose_name=verbose_name, **options)


def by_user(verbose_name, **options):
    """The account that did something to the record (wrote, sent, handled, confirmed it…). Deleting
    the account leaves the record without its author; the account gets no reverse accessor."""
    return optional_link(settings.AUTH_USER_MODEL, verbose_name, **{"related_name": "+", **options})


def quantity(verbose_name, negative_message, *, validators=(), **options):
    """A decimal quantity (hours, an amount) that starts at 0 and cannot be negative."""
    validators = [MinValueValidator(0, negative_message), *validators]
    return models.DecimalField(verbose_name, default=0, validators=validators, **options)
