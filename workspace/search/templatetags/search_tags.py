from django import template

register = template.Library()


@register.filter
def verbose_name(model):
    """The French name of a page type, shown beside each search result."""
    return model._meta.verbose_name if model else ""
