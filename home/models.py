"""The public local page: the home page and the standard pages."""

from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from network.directory.models import PublicDirectoryPage, Relay
from workspace import mail
from workspace.pages.blocks import RICH_TEXT_FEATURES
from workspace.pages.models import BasePage, NetworkSettings
from workspace.pages.routing import RoutedByAddress

from .forms import ApplicationForm, ContactForm


class HomePage(RoutedByAddress, BasePage):
    """The public local page of the network."""

    hero_title = models.CharField("Titre d'accroche", max_length=200, blank=True)
    hero_text = RichTextField("Texte d'accroche", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels[:1] + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading="Accroche"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # The public site's sections; the features' pages declare no parent, so that
    # the home page (the top layer) is the only one naming them.
    subpage_types = [
        "home.StandardPage",
        "home.ContactPage",
        "home.ApplicationPage",
        "coordination.CharterPage",
        "directory.PublicDirectoryPage",
        "events.AgendaPage",
        "library.PublicationIndexPage",
        "exchanges.PublicFaqPage",
        "pages.SpacePage",
        "pages.CommitteeIndexPage",
    ]

    class Meta:
        verbose_name = "Page d'accueil"

    def get_context(self, request, *args, **kwargs):
        """The "Trouver un promeneur" box sends its town to the public directory; "Besoin d'aide
        maintenant ?" lists the national lines (a relay saved empties the page cache: page_cache.py)."""
        context = super().get_context(request, *args, **kwargs)
        context["directory_url"] = PublicDirectoryPage.address(request, "directory")
        context["relays_url"] = PublicDirectoryPage.address(request, "public_relays")
        context["national_lines"] = Relay.objects.national_lines()
        return context


class StandardPage(BasePage):
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Page standard"


class PublicFormPage(BasePage):
    """A page whose form anyone may send: sent, the visitor comes back to the page with a thank-you
    (``?envoye=1``); a bot caught by the honeypot gets the same answer, and nothing is kept. Each
    subclass names the shared template, home/public_form_page.html (Wagtail otherwise derives one
    from every page type's name)."""

    form_class = None
    thanks = ""
    max_count = 1
    subpage_types = []

    class Meta:
        abstract = True

    def received(self, record, network):
        """Send the e-mails due once the form's record is saved (``network``: the site's settings)."""
        raise NotImplementedError

    def serve(self, request, *args, **kwargs):
        status = 200
        if request.method == "POST":
            form = self.form_class(request.POST)
            if form.is_from_a_bot():
                return redirect(self.get_url(request) + "?envoye=1")
            if form.is_valid():
                if form.within_limit(request):
                    self.received(form.save(), NetworkSettings.for_request(request))
                    return redirect(self.get_url(request) + "?envoye=1")
                form.refuse_flood()
                status = 429
        else:
            form = self.form_class()
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, sent=request.GET.get("envoye") == "1", thanks=self.thanks)
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)


class ContactPage(PublicFormPage):
    """The network's mailbox: the message is kept for the coordinator and sent to the network's address."""

    form_class = ContactForm
    thanks = "Merci, votre message est bien parti : la coordination vous répondra par e-mail."
    template = "home/public_form_page.html"

    class Meta:
        verbose_name = "Page de contact"

    def received(self, contact, network):
        admin_url = mail.absolute_url(reverse("coordination_contactmessage_modeladmin_edit", args=[contact.pk]))
        context = {"contact": contact, "admin_url": admin_url}
        email = mail.message("home/emails/contact_message", context, [network.contact_email])
        email.reply_to = [contact.email]
        mail.send([email])


class ApplicationPage(PublicFormPage):
    """A structure applies to join the network; the applicant gets an acknowledgement."""

    form_class = ApplicationForm
    thanks = (
        "Merci, votre candidature est bien enregistrée. Un accusé de réception vient de partir à l'adresse "
        "indiquée ; la coordination vous recontacte après l'avoir étudiée."
    )
    template = "home/public_form_page.html"

    class Meta:
        verbose_name = "Page de candidature"

    def received(self, application, network):
        context = {"application": application, "network": network}
        acknowledgement = mail.message("home/emails/application_received", context, [application.contact_email])
        # The coordination hears of it as of a contact message, with the way to the application.
        context["admin_url"] = mail.absolute_url(
            reverse("coordination_application_modeladmin_inspect", args=[application.pk])
        )
        notice = mail.message("home/emails/application_notice", context, [network.contact_email])
        notice.reply_to = [application.contact_email]
        mail.send([acknowledgement, notice])
