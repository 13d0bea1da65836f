"""The committees' secretariat: each committee's page, its meetings (agenda, documents, minutes)
and the decisions recorded in the minutes, carried to the next agendas until closed."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Collection, CollectionViewRestriction, Orderable, PageViewRestriction

from workspace.accounts.roles import COMMITTEES, COORDINATION
from workspace.display import FEMININE, french_date, person_name
from workspace.fields import by_user
from workspace.pages.models import IndexPage
from workspace.pages.pagination import paginate

MINUTES_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]


def committee_collection(group):
    """The collection of ``group``'s documents, readable by that committee and the coordination only.

    Created on first use (the site-tree migration creates it too, under the same name), and its
    restriction is put back if someone removed it: a committee's papers are never public."""
    root = Collection.get_first_root_node()
    name = f"Documents du {group.name.lower()}"
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    restriction = collection.view_restrictions.filter(restriction_type=CollectionViewRestriction.GROUPS).first()
    if restriction is None:
        collection.view_restrictions.all().delete()
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group, *Group.objects.filter(name=COORDINATION))
    return collection


class CommitteePage(RoutablePageMixin, IndexPage):
    """One committee's area, restricted to its group: its meetings, documents, minutes and decisions.

    It lives here, beside the meetings it lists (workspace.pages knows no feature); the committee it
    stands for is the committee group named by its view restriction."""

    parent_page_types = ["pages.CommitteeIndexPage"]
    template = "coordination/committees/committee_page.html"
    meetings_per_page = 10

    class Meta:
        verbose_name = "Espace d'un comité"

    @property
    def committee_group(self):
        """The committee's group: the one committee named by the page's own view restriction."""
        if not hasattr(self, "_committee_group"):
            self._committee_group = Group.objects.filter(
                name__in=COMMITTEES,
                pageviewrestriction__page=self,
                pageviewrestriction__restriction_type=PageViewRestriction.GROUPS,
            ).first()
        return self._committee_group

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = self.meetings.order_by("-starts_at")
        now = timezone.now()
        context["upcoming_meetings"] = list(meetings.filter(starts_at__gte=now).order_by("starts_at"))
        context["past_meetings"], context["meetings_notice"] = paginate(
            meetings.filter(starts_at__lt=now), request.GET.get("reunions"), self.meetings_per_page
        )
        context["open_decisions"] = Decision.objects.shown_to_members().filter(
            meeting__committee=self, closed_at__isnull=True
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @re_path(r"^reunions/(?P<pk>\d+)/$", name="meeting")
    def meeting_view(self, request, pk):
        meeting = get_object_or_404(self.meetings.all(), pk=pk)
        return TemplateResponse(
            request,
            "coordination/committees/meeting_detail.html",
            {
                "page": self,
                "self": self,
                "meeting": meeting,
                "carried_decisions": meeting.carried_decisions(),
                "decisions": meeting.decisions.select_related("owner_user") if meeting.minutes_published_at else [],
                "documents": meeting.shown_documents(),
            },
        )

    def meeting_url(self, meeting):
        return self.url + self.reverse_subpage("meeting", kwargs={"pk": meeting.pk})


class Meeting(ClusterableModel):
    """A meeting of a committee. The coordinator prepares it in the admin and publishes its agenda,
    then its minutes: each publication tells the committee's members once (secretariat.py)."""

    committee = models.ForeignKey(
        CommitteePage, verbose_name="Comité", on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField("Intitulé", max_length=200, default="Réunion du comité")
    starts_at = models.DateTimeField("Date et heure")
    place = models.CharField("Lieu", max_length=255, blank=True, help_text="Adresse, salle ou lien de visioconférence.")
    agenda = RichTextField("Ordre du jour", blank=True, features=MINUTES_FEATURES)
    minutes = RichTextField("Compte rendu", blank=True, features=MINUTES_FEATURES)
    agenda_published_at = models.DateTimeField("Ordre du jour publié le", null=True, blank=True, editable=False)
    agenda_sent_at = models.DateTimeField("Ordre du jour envoyé le", null=True, blank=True, editable=False)
    minutes_published_at = models.DateTimeField("Compte rendu publié le", null=True, blank=True, editable=False)
    minutes_sent_at = models.DateTimeField("Compte rendu envoyé le", null=True, blank=True, editable=False)

    panels = [
        FieldPanel("committee"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("place")]),
        FieldPanel("agenda"),
        InlinePanel(
            "documents",
            heading="Documents",
            label="Document",
            help_text="Les pièces de la réunion, rangées dans la collection du comité.",
        ),
        FieldPanel("minutes"),
        InlinePanel(
            "decisions",
            heading="Décisions",
            label="Décision",
            help_text="Une décision ouverte revient à l'ordre du jour des réunions suivantes jusqu'à sa clôture.",
        ),
    ]

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)
    plural_noun = "Réunions de comité"  # « 6 réunions de comité »: the plural verbose name is the menu's title

    class Meta:
        verbose_name = "Réunion de comité"
        verbose_name_plural = "Réunions des comités"
        ordering = ["-starts_at"]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%d/%m/%Y") if self.starts_at else ""
        return f"{self.title} — {self.committee.title if self.committee_id else ''} — {when}"

    def get_url(self):
        return self.committee.meeting_url(self)

    @property
    def is_upcoming(self):
        return self.starts_at >= timezone.now()

    def publication_status(self):
        """What the members may read of it, as their committee's page says: before the meeting, its
        agenda; once held, its minutes ("Ordre du jour publié · Compte rendu à venir")."""
        parts = []
        if self.agenda_published_at:
            parts.append("Ordre du jour publié")
        elif self.is_upcoming:
            parts.append("Ordre du jour à venir")
        if self.minutes_published_at:
            parts.append("Compte rendu publié")
        elif not self.is_upcoming:
            parts.append("Compte rendu à venir")
        return " · ".join(parts)

    def shown_documents(self):
        """The documents members see: once the agenda or the minutes are published."""
        if not (self.agenda_published_at or self.minutes_published_at):
            return []
        return [link.document for link in self.documents.select_related("document")]

    def carried_decisions(self):
        """Decisions of this committee's earlier meetings still open when this one meets: they come
        back on its agenda until closed (only those of published minutes)."""
        return Decision.objects.shown_to_members().filter(
            Q(closed_at__isnull=True) | Q(closed_at__gt=timezone.localdate(self.starts_at)),
            meeting__committee_id=self.committee_id,
            meeting__starts_at__lt=self.starts_at,
        )

    def members(self):
        """Who is told of a publication: the committee's active members with an e-mail address."""
        group = self.committee.committee_group
        if group is None:
            return get_user_model().objects.none()
        return group.user_set.filter(is_active=True).exclude(email="").order_by("pk")


class MeetingDocument(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Document", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Document de réunion"


def misplaced_document_error(committee, document):
    """Why ``document`` may not be a paper of ``committee``'s meetings (French), or None: a meeting's
    documents sit in its committee's collection, which only that committee (and Coordination) opens."""
    group = committee.committee_group
    if group is None or document.collection_id == committee_collection(group).pk:
        return None
    return (
        f"Ce document n'est pas dans la collection « Documents du {group.name.lower()} » : seuls les membres "
        "du comité doivent pouvoir l'ouvrir. Déplacez-le dans cette collection, ou envoyez-le à nouveau en la "
        "choisissant."
    )


def early_closing_error(starts_at, closed_at):
    """Why a decision of the meeting starting at ``starts_at`` may not be closed on ``closed_at``
    (French), or None: a decision is closed on the day of its meeting or later."""
    if closed_at is None or starts_at is None or closed_at >= timezone.localdate(starts_at):
        return None
    return f"Une décision ne peut pas être close avant la réunion qui l'a prise ({french_date(starts_at, 'j F Y')})."


class DecisionQuerySet(models.QuerySet):
    def overdue(self):
        """Still open after its due date (Decision.is_overdue, one at a time)."""
        return self.filter(closed_at__isnull=True, due_date__lt=timezone.localdate())

    def shown_to_members(self):
        """Decisions are recorded in the minutes: members see them once the minutes are published."""
        return (
            self.filter(meeting__minutes_published_at__isnull=False)
            .select_related("meeting__committee", "owner_user")
            .order_by("meeting__starts_at", "sort_order")
        )


class Decision(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField("Décision")
    owner_user = by_user("Responsable (compte)")
    owner_name = models.CharField(
        "Responsable (nom)", max_length=200, blank=True, help_text="Si le responsable n'a pas de compte sur le site."
    )
    due_date = models.DateField("Échéance", null=True, blank=True)
    closed_at = models.DateField("Close le", null=True, blank=True, help_text="Laisser vide tant qu'elle est ouverte.")

    objects = DecisionQuerySet.as_manager()

    grammatical_gender = FEMININE  # « Ajouter une décision » (workspace/display.Noun)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("owner_user"), FieldPanel("owner_name")]),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("closed_at")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Décision"

    def __str__(self):
        return self.text[:80]

    def clean(self):
        if self.closed_at and self.closed_at > timezone.localdate():
            raise ValidationError({"closed_at": "Une décision ne peut pas être close à une date future."})

    @property
    def owner(self):
        if self.owner_user_id:
            return person_name(self.owner_user)
        return self.owner_name

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def is_overdue(self):
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()
