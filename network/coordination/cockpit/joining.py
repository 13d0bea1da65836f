"""The cockpit's blocks of the joining area: new applications, new messages of the mailbox."""

from django.urls import reverse
from django.utils import timezone

from network.coordination.models import Application, ContactMessage
from workspace.cockpit.blocks import CockpitBlock, CockpitItem


def _received(moment):
    return f"reçu le {timezone.localtime(moment):%d/%m/%Y}"


class NewApplicationsBlock(CockpitBlock):
    name = "new-applications"
    watched = ("coordination.Application",)
    title = "Nouvelles candidatures"
    order = 40
    permission = "coordination.change_application"
    empty_text = "Aucune candidature en attente."

    def get_queryset(self, request):
        return Application.objects.filter(status=Application.Status.RECEIVED).order_by("received_at", "pk")

    def item(self, obj):
        return CockpitItem(
            label=obj.structure_name,
            url=reverse("coordination_application_modeladmin_inspect", args=[obj.pk]),
            detail=f"{obj.town} · {obj.contact_name} · {_received(obj.received_at)}",
        )

    def get_more_url(self, request):
        return reverse("coordination_application_modeladmin_index") + f"?status__exact={Application.Status.RECEIVED}"


class NewMessagesBlock(CockpitBlock):
    name = "new-messages"
    watched = ("coordination.ContactMessage",)
    title = "Messages reçus"
    order = 45
    permission = "coordination.change_contactmessage"
    empty_text = "Aucun nouveau message."

    def get_queryset(self, request):
        return ContactMessage.objects.filter(status=ContactMessage.Status.NEW).order_by("received_at", "pk")

    def item(self, obj):
        return CockpitItem(
            label=obj.subject,
            url=reverse("coordination_contactmessage_modeladmin_inspect", args=[obj.pk]),
            detail=f"{obj.name} · {_received(obj.received_at)}",
        )

    def get_more_url(self, request):
        return reverse("coordination_contactmessage_modeladmin_index") + f"?status__exact={ContactMessage.Status.NEW}"
