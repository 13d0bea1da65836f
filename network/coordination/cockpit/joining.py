"""The cockpit's blocks of the joining area: new applications, new messages of the mailbox."""

from django.urls import reverse
from django.utils import timezone

from network.coordination.models import Application, ContactMessage
from workspace.cockpit.blocks import CockpitBlock, CockpitItem
from workspace.display import Noun


class ReceivedBlock(CockpitBlock):
    """What the public sent (an application, a message) and nobody has dealt with yet, the oldest
    first, each line linked to its record in the back office (wagtail-modeladmin)."""

    model = None
    #: The status of a record nobody has dealt with yet.
    status = None

    @property
    def permission(self):
        return f"coordination.change_{self.model._meta.model_name}"

    def admin_url(self, view, *args):
        return reverse(f"coordination_{self.model._meta.model_name}_modeladmin_{view}", args=args)

    def get_queryset(self, request):
        return self.model.objects.filter(status=self.status).order_by("received_at", "pk")

    def describe(self, obj):
        """The line's label and the details shown before the date of receipt."""
        raise NotImplementedError

    def item(self, obj):
        label, details = self.describe(obj)
        # « une candidature reçue », « un message reçu »: the participle agrees with the model's noun.
        received = "reçue" if Noun.of(self.model).feminine else "reçu"
        received = f"{received} le {timezone.localtime(obj.received_at):%d/%m/%Y}"
        return CockpitItem(label=label, url=self.admin_url("inspect", obj.pk), detail=" · ".join([*details, received]))

    def get_more_url(self, request):
        return self.admin_url("index") + f"?status__exact={self.status}"


class NewApplicationsBlock(ReceivedBlock):
    name = "new-applications"
    watched = ("coordination.Application",)
    title = "Nouvelles candidatures"
    order = 40
    empty_text = "Aucune nouvelle candidature."
    model = Application
    status = Application.Status.RECEIVED

    def describe(self, obj):
        return obj.structure_name, [obj.town, obj.contact_name]


class NewMessagesBlock(ReceivedBlock):
    name = "new-messages"
    watched = ("coordination.ContactMessage",)
    title = "Messages reçus"
    order = 45
    empty_text = "Aucun nouveau message."
    model = ContactMessage
    status = ContactMessage.Status.NEW

    def describe(self, obj):
        return obj.subject, [obj.name]
