"""Agenda pages: the public agenda (/agenda/) and the members' agenda (/espace/agenda/)."""

from django.contrib import messages
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from network.events.filters import AgendaFilterSet
from network.events.models.events import CALENDAR_PURPOSE, Event, Registration
from workspace.accounts.tokens import SecretToken
from workspace.mail import absolute_url
from workspace.pages.models import BasePage
from workspace.pages.pagination import paginate


class AgendaPage(RoutablePageMixin, BasePage):
    """Upcoming events the visitor may see. The public agenda lists public events only;
    the members' agenda everything ``Event.objects.visible_to(user)`` returns, and the
    member's own registrations and personal calendar address."""

    class Scope(models.TextChoices):
        PUBLIC = "public", "Événements publics"
        VISIBLE = "visible", "Tous les événements que le visiteur peut voir"

    scope = models.CharField("Événements listés", max_length=20, choices=Scope.choices, default=Scope.PUBLIC)

    content_panels = BasePage.content_panels + [FieldPanel("scope")]
    subpage_types = []
    per_page = 25

    class Meta:
        verbose_name = "Agenda"

    def events_for(self, user):
        events = Event.objects.visible_to(user)
        if self.scope == self.Scope.PUBLIC:
            events = events.public()
        return events

    def get_sitemap_urls(self, request=None):
        """The agenda, and the page of each public event (only a public agenda is in the sitemap)."""
        urls = super().get_sitemap_urls(request)
        if self.scope != self.Scope.PUBLIC:
            return urls
        root = self.get_site().root_url
        events = Event.objects.public().filter(is_cancelled=False).order_by("start", "pk")
        return urls + [{"location": root + event.get_absolute_url(), "lastmod": event.updated_at} for event in events]

    @path("")
    def agenda(self, request):
        events = self.events_for(request.user).upcoming().with_counts().with_status_of(request.user)
        filters = AgendaFilterSet(request, events)
        page_of_events, _ = filters.paginate(self.per_page)
        return self.render(
            request,
            context_overrides={
                "events": page_of_events,
                "filters": filters,
                "filter_query": filters.query_string(),
            },
        )

    @path("mes-inscriptions/", name="my_registrations")
    def my_registrations(self, request):
        if self.scope != self.Scope.VISIBLE or not request.user.is_authenticated:
            raise Http404
        token = SecretToken.for_user(request.user, CALENDAR_PURPOSE)
        if request.method == "POST" and request.POST.get("action") == "reset-calendar":
            token.reset()
            messages.success(
                request, "Votre adresse de calendrier personnel a été renouvelée : l'ancienne ne fonctionne plus."
            )
            return redirect(self.url + "mes-inscriptions/")
        events = Event.objects.visible_to(request.user)
        registrations = (
            Registration.objects.filter(user=request.user, event__in=events)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("event")
        )
        # What is coming first, in date order; the past, most recent first, a page at a time.
        upcoming = events.upcoming()
        past, _ = paginate(
            registrations.exclude(event__in=upcoming).order_by("-event__start", "-pk"),
            request.GET.get("page"),
            self.per_page,
        )
        return self.render(
            request,
            context_overrides={
                "registrations": registrations.filter(event__in=upcoming).order_by("event__start", "pk"),
                "past_registrations": past,
                "calendar_url": absolute_url(reverse("events:personal_ics", args=[token.key])),
            },
            template="events/my_registrations.html",
        )
