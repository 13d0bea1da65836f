from django import template

from resources.library.models.news import PublicationPage

register = template.Library()


def _featured(context, model, more_label):
    request = context["request"]
    featured = model.featured_for(request.user)
    more_url = featured.get_parent().get_url(request) if featured else ""
    return {"request": request, "featured": featured, "more_url": more_url, "more_label": more_label}


@register.inclusion_tag("library/includes/featured.html", takes_context=True)
def featured_publication(context):
    """The publication put forward on the home page."""
    return _featured(context, PublicationPage, "Toutes les publications")
