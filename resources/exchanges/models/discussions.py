"""Discussions, their messages (with edit history), reports and what members follow."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from resources.exchanges import rules
from resources.exchanges.text import plain_text, render_markdown, shorten
from workspace.display import FEMININE, french_date
from workspace.fields import by_user, optional_link


class Category(models.TextChoices):
    LEGAL = "cadre-juridique", "Cadre juridique"
    TOOLS = "technique-et-outils", "Technique et outils"
    POSTURE = "posture", "Posture"
    YOUNG_PERSON = "situation-d-un-jeune", "Situation d'un jeune"
    ANIMATION = "animation", "Animation"
    OTHER = "autre", "Autre"


class Kind(models.TextChoices):
    SITUATION = "situation", "Une situation rencontrée en ligne"
    PRACTICE = "pratique", "Une pratique à partager"
    QUESTION = "question", "Une question à la coordination"


def edit_window():
    return timezone.timedelta(minutes=settings.EXCHANGES_EDIT_WINDOW_MINUTES)


class TaggedDiscussion(TaggedItemBase):
    content_object = models.ForeignKey("Discussion", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "Mot-clé d'une discussion"
        verbose_name_plural = "Mots-clés des discussions"


class DiscussionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.visible_discussions(user))

    def visible_to_every_member(self):
        return self.filter(rules.visible_to_every_member())

    def with_waiting(self):
        """Annotate ``waiting``: 0 for a question still waiting for an answer, 1 otherwise (sorts them first)."""
        return self.annotate(
            waiting=Case(
                When(kind=Kind.QUESTION, answer__isnull=True, closed=False, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )

    def for_listing(self, user):
        queryset = (
            self.visible_to(user)
            .select_related("author", "last_author", "answer")
            .prefetch_related("tags")
            .with_waiting()
        )
        if rules.can_moderate(user):
            # The coordinator sees the questions still waiting for an answer first.
            return queryset.order_by("waiting", "-last_activity_at", "-pk")
        return queryset.order_by("-last_activity_at", "-pk")


class Discussion(models.Model):
    title = models.CharField("Titre", max_length=160)
    kind = models.CharField("Nature", max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    category = models.CharField("Catégorie", max_length=30, choices=Category.choices)
    tags = TaggableManager("Mots-clés", through=TaggedDiscussion, blank=True)
    author = by_user("Auteur", blank=False)
    created_at = models.DateTimeField("Créée le", default=timezone.now)
    last_activity_at = models.DateTimeField("Dernière activité", default=timezone.now, db_index=True)
    last_author = by_user("Dernier message de")
    reply_count = models.PositiveIntegerField("Réponses", default=0)
    answer = optional_link("Message", "Réponse retenue", related_name="+")
    closed = models.BooleanField("Close", default=False)
    hidden = models.BooleanField("Masquée", default=False)
    hidden_reason = models.TextField("Motif du masquage", blank=True)
    practice_sessions = models.ManyToManyField(
        "events.Event",
        verbose_name="Discutée lors de",
        blank=True,
        related_name="discussions",
        help_text="Les séances d'analyse de pratiques où cette discussion a été abordée.",
    )

    objects = DiscussionQuerySet.as_manager()

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        verbose_name = "Discussion"
        verbose_name_plural = "Discussions"
        ordering = ["-last_activity_at"]

    def __str__(self):
        return self.title

    @property
    def is_resolved(self):
        return self.answer_id is not None

    @property
    def accepts_replies(self):
        return not (self.closed or self.hidden)

    def touch(self, message):
        self.last_activity_at = message.created_at
        self.last_author_id = message.author_id
        self.reply_count = self.messages.filter(is_opening=False, hidden=False).count()
        self.save(update_fields=["last_activity_at", "last_author", "reply_count"])


class Message(models.Model):
    discussion = models.ForeignKey(
        Discussion, verbose_name="Discussion", on_delete=models.CASCADE, related_name="messages"
    )
    author = by_user("Auteur", blank=False)
    is_opening = models.BooleanField("Message d'ouverture", default=False)
    body = models.TextField("Texte (Markdown)")
    body_html = models.TextField("Texte affiché", editable=False, default="")
    body_text = models.TextField("Texte brut (e-mails, listes)", editable=False, default="")
    created_at = models.DateTimeField("Écrit le", default=timezone.now)
    edited_at = models.DateTimeField("Modifié le", null=True, blank=True)
    hidden = models.BooleanField("Masqué", default=False)
    hidden_reason = models.TextField("Motif du masquage", blank=True)
    moderated_by = by_user("Modéré par")
    # One token per displayed form: a second submission of the same form finds its message.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = "Message"
        verbose_name_plural = "Messages"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.excerpt()

    def save(self, *args, **kwargs):
        # The text is rendered once, when it changes: hiding or moderating a message does not render it again.
        if self.body != getattr(self, "_rendered_body", None):
            self.body_html = render_markdown(self.body)
            self.body_text = plain_text(self.body_html)
            self._rendered_body = self.body
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        message = super().from_db(db, field_names, values)
        message._rendered_body = message.__dict__.get("body")
        return message

    def excerpt(self, length=120):
        """Plain text (never HTML-escaped: e-mails are plain text), from the stored text."""
        return shorten(self.body_text or self.body, length)

    def editable_until(self):
        return self.created_at + edit_window()

    def change_text(self, body, editor, reason=""):
        """Replace the text, keeping the previous one in the history."""
        if body == self.body:
            return False
        Revision.objects.create(message=self, body=self.body, edited_by=editor, reason=reason)
        self.body = body
        self.edited_at = timezone.now()
        self.save()
        return True


class Revision(models.Model):
    """A previous text of a message, kept when it is edited."""

    message = models.ForeignKey(Message, verbose_name="Message", on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField("Texte précédent")
    edited_by = by_user("Modifié par", blank=False)
    edited_at = models.DateTimeField("Modifié le", default=timezone.now)
    reason = models.TextField("Motif", blank=True)

    class Meta:
        verbose_name = "Version précédente d'un message"
        verbose_name_plural = "Versions précédentes des messages"
        ordering = ["-edited_at", "-pk"]

    def __str__(self):
        return f"Version du {french_date(self.edited_at, 'j F Y à H:i')}"


class Report(models.Model):
    message = models.ForeignKey(Message, verbose_name="Message", on_delete=models.CASCADE, related_name="reports")
    reporter = by_user("Signalé par", blank=False)
    reason = models.TextField("Motif")
    created_at = models.DateTimeField("Signalé le", default=timezone.now)
    handled = models.BooleanField("Traité", default=False)

    class Meta:
        verbose_name = "Signalement"
        verbose_name_plural = "Signalements"
        ordering = ["handled", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["message", "reporter"], name="one_report_per_member")]

    def __str__(self):
        return f"Signalement du message « {self.message.excerpt()} »"

    def clean(self):
        # The admin's form has no message nor reporter: a member reports a message from the site.
        if self.message_id is None or self.reporter_id is None:
            raise ValidationError(
                "Un signalement se fait sur le site, depuis le message concerné : "
                "l'administration peut seulement le marquer comme traité."
            )


class Follow(models.Model):
    """A member follows a discussion or a whole category."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_follows")
    discussion = models.ForeignKey(Discussion, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    category = models.CharField(max_length=30, choices=Category.choices, blank=True)

    class Meta:
        verbose_name = "Abonnement"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "discussion"], condition=Q(discussion__isnull=False), name="follow_discussion_once"
            ),
            models.UniqueConstraint(
                fields=["user", "category"], condition=~Q(category=""), name="follow_category_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} suit {self.discussion or self.get_category_display()}"


class ExchangePreferences(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_preferences")
    reply_emails = models.BooleanField("Recevoir un e-mail quand on répond à mes discussions", default=True)
    weekly_digest = models.BooleanField("Recevoir la lettre hebdomadaire de l'espace membres", default=True)
    digest_sent_at = models.DateTimeField("Dernière lettre envoyée le", null=True, blank=True)

    class Meta:
        verbose_name = "Préférences de notification"

    def __str__(self):
        return f"Préférences de {self.user}"

    @classmethod
    def of(cls, user):
        return cls.objects.get_or_create(user=user)[0]
