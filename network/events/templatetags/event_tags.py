from django import template

from network.events.models import Event

register = template.Library()

# The committee pages of the tree (slug under /comites/) and their groups.
COMMITTEE_OF_SLUG = {
    "pilotage": "Comité de pilotage",
    "financeurs": "Comité des financeurs",
    "technique": "Comité technique",
}


@register.inclusion_tag("events/includes/committee_events.html", takes_context=True)
def committee_events(context, committee_page):
    """Upcoming events of the committee whose page this is, as the visitor may see them."""
    user = context["request"].user
    committee = COMMITTEE_OF_SLUG.get(committee_page.slug)
    events = (
        Event.objects.visible_to(user).upcoming().filter(committee=committee).with_counts().with_status_of(user)
        if committee
        else Event.objects.none()
    )
    return {
        "events": events,
        "committee": committee,
        "request": context["request"],
        "user": user,
        "csrf_token": context.get("csrf_token"),
    }
