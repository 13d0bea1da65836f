"""Front-end views of the exchanges, served as routes of ExchangeIndexPage (so under the
space's view restriction). Rules live in rules.py, changes in actions.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from workspace.accounts.roles import is_coordination

from . import actions, notifications, rules
from .faq import FaqEntry
from .forms import (
    PRIVACY_REMINDER,
    DiscussionForm,
    EditForm,
    FaqForm,
    ModerationForm,
    PreferencesForm,
    ReplyForm,
    ReportForm,
)
from .models import Category, Discussion, ExchangePreferences, Follow, Kind, Message

PER_PAGE = 20


def url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def message_url(page, message):
    return url(page, "discussion", message.discussion_id) + f"#message-{message.pk}"


def render(request, page, template, context, status=200):
    context = {"page": page, "self": page, "privacy_reminder": PRIVACY_REMINDER, **context}
    return TemplateResponse(request, f"resources/exchanges/{template}", context, status=status)


def refuse(request, page, reason):
    return render(request, page, "refused.html", {"reason": reason}, status=403)


def post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def wanted(request, name):
    """The state a button asks for ("1" or "0"): sending it twice gives the same result."""
    return request.POST.get(name) == "1"


def get_discussion(request, pk):
    discussion = Discussion.objects.select_related("author").filter(pk=pk).first()
    if discussion is None or not rules.can_view_discussion(request.user, discussion):
        raise Http404("Discussion introuvable")
    return discussion


def get_message(request, pk):
    message = Message.objects.select_related("discussion", "author").filter(pk=pk).first()
    if (
        message is None
        or not rules.can_view_discussion(request.user, message.discussion)
        or not rules.can_see_message_text(request.user, message)
    ):
        raise Http404("Message introuvable")
    return message


# Listing -----------------------------------------------------------------------------------------


def discussion_list(request, page):
    queryset = Discussion.objects.for_listing(request.user)
    category = request.GET.get("categorie", "")
    kind = request.GET.get("nature", "")
    tag = request.GET.get("mot-cle", "")
    waiting = request.GET.get("etat") == "sans-reponse"
    if category in Category.values:
        queryset = queryset.filter(category=category)
    if kind in Kind.values:
        queryset = queryset.filter(kind=kind)
    if tag:
        queryset = queryset.filter(tags__slug=tag)
    if waiting:
        queryset = queryset.filter(waiting=0)
    query = "&".join(
        f"{key}={value}" for key, value in (("categorie", category), ("nature", kind), ("mot-cle", tag)) if value
    )
    discussions = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        page,
        "discussion_list.html",
        {
            "discussions": discussions,
            "categories": Category.choices,
            "kinds": Kind.choices,
            "current": {"category": category, "kind": kind, "tag": tag, "waiting": waiting},
            "extra_query": query + ("&etat=sans-reponse" if waiting else ""),
            "base_url": page.url,
            "is_coordination": is_coordination(request.user),
        },
    )


# Writing -----------------------------------------------------------------------------------------


def new_discussion(request, page):
    form = DiscussionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discussion, opening = actions.start_discussion(
                request.user,
                data["title"],
                data["kind"],
                data["category"],
                data["tags"],
                data["body"],
                data["form_token"],
            )
        except actions.Duplicate as duplicate:
            messages.info(request, "Votre discussion était déjà enregistrée : elle n'a pas été créée deux fois.")
            return HttpResponseRedirect(url(page, "discussion", duplicate.existing.discussion_id))
        target = url(page, "discussion", discussion.pk)
        notifications.notify_new_discussion(discussion, opening, target)
        messages.success(request, "Votre discussion est publiée.")
        return HttpResponseRedirect(target)
    return render(request, page, "discussion_form.html", {"form": form})


def discussion_detail(request, page, pk, reply_form=None, status=200):
    discussion = get_discussion(request, pk)
    user = request.user
    thread = list(discussion.messages.select_related("author"))
    for message in thread:
        message.shows_text = rules.can_see_message_text(user, message)
        message.user_can_edit = rules.can_edit(user, message)
        message.user_can_delete = rules.can_delete(user, message)
        message.is_answer = message.pk == discussion.answer_id
    opening = next((m for m in thread if m.is_opening), None)
    replies = [m for m in thread if not m.is_opening]
    context = {
        "discussion": discussion,
        "opening": opening,
        "replies": replies,
        "answer": next((m for m in replies if m.is_answer), None),
        "form": reply_form or ReplyForm(),
        "is_following": Follow.objects.filter(user=user, discussion=discussion).exists(),
        "faq_entry": FaqEntry.objects.filter(discussion=discussion).first(),
        "can_mark_answer": rules.can_mark_answer(user, discussion),
        "can_close": rules.can_close(user, discussion),
        "can_make_faq": rules.can_make_faq(user, discussion),
        "can_moderate": rules.can_moderate(user),
        "base_url": page.url,
    }
    return render(request, page, "discussion_detail.html", context, status=status)


def reply(request, page, pk):
    if refused := post_only(request):
        return refused
    discussion = get_discussion(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            message = actions.add_reply(
                discussion, request.user, form.cleaned_data["body"], form.cleaned_data["form_token"]
            )
        except actions.Duplicate as duplicate:
            messages.info(request, "Votre réponse était déjà enregistrée : elle n'a pas été publiée deux fois.")
            return HttpResponseRedirect(message_url(page, duplicate.existing))
        except actions.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            target = message_url(page, message)
            notifications.notify_reply(message, target)
            messages.success(request, "Votre réponse est publiée.")
            return HttpResponseRedirect(target)
    return discussion_detail(request, page, pk, reply_form=form)


def edit_message(request, page, pk):
    message = get_message(request, pk)
    user = request.user
    if not rules.can_edit(user, message):
        if message.author_id == user.pk and message.hidden:
            return refuse(request, page, "Ce message a été masqué par la coordination : il ne peut plus être modifié.")
        if message.author_id == user.pk:
            return refuse(
                request,
                page,
                "Le délai pendant lequel vous pouviez modifier ce message est passé. "
                "Écrivez à la coordination si une correction est nécessaire.",
            )
        raise PermissionDenied("Vous ne pouvez pas modifier le message d'un autre membre.")
    moderating = message.author_id != user.pk
    form = EditForm(request.POST or None, initial={"body": message.body}, reason_required=moderating)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        changed = message.change_text(form.cleaned_data["body"], user, reason)
        if changed and moderating:
            notifications.notify_moderation(message, "edit", reason, message_url(page, message))
        messages.success(request, "Le message est modifié." if changed else "Le texte n'a pas changé.")
        return HttpResponseRedirect(message_url(page, message))
    return render(request, page, "message_edit.html", {"form": form, "message": message, "moderating": moderating})


def delete_message(request, page, pk):
    message = get_message(request, pk)
    if not rules.can_delete(request.user, message):
        raise PermissionDenied("Vous ne pouvez retirer que vos propres réponses, peu après les avoir écrites.")
    if request.method == "POST":
        actions.withdraw(message, request.user)
        messages.success(request, "Votre réponse est retirée.")
        return HttpResponseRedirect(url(page, "discussion", message.discussion_id))
    return render(request, page, "message_delete.html", {"message": message})


def message_history(request, page, pk):
    message = get_message(request, pk)
    if not rules.can_see_history(request.user, message):
        raise PermissionDenied("L'historique d'un message est réservé à son auteur et à la coordination.")
    revisions = message.revisions.select_related("edited_by")
    return render(request, page, "message_history.html", {"message": message, "revisions": revisions})


# Moderation and reports ---------------------------------------------------------------------------


def moderate_message(request, page, pk):
    if not rules.can_moderate(request.user):
        raise PermissionDenied("La modération est réservée à la coordination.")
    message = get_message(request, pk)
    form = ModerationForm(request.POST or None, initial={"action": "unhide" if message.hidden else "hide"})
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        action = form.cleaned_data["action"]
        if (action == "hide") == message.hidden:  # the same form sent twice
            messages.info(request, "C'était déjà fait : rien n'a changé.")
            return HttpResponseRedirect(message_url(page, message))
        (actions.hide if action == "hide" else actions.unhide)(message, request.user, reason)
        notifications.notify_moderation(message, action, reason, message_url(page, message))
        messages.success(
            request,
            "Le message est masqué ; son auteur est prévenu."
            if action == "hide"
            else "Le message est de nouveau visible.",
        )
        return HttpResponseRedirect(message_url(page, message))
    return render(request, page, "message_moderate.html", {"form": form, "message": message})


def report_message(request, page, pk):
    message = get_message(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report, created = actions.report(message, request.user, form.cleaned_data["reason"])
        if created:
            notifications.notify_report(
                report, message_url(page, message), reverse("wagtailsnippets_resources_report:list")
            )
            messages.success(request, "Merci : la coordination a reçu votre signalement.")
        else:
            messages.info(request, "Vous aviez déjà signalé ce message : la coordination l'a reçu.")
        return HttpResponseRedirect(message_url(page, message))
    return render(request, page, "message_report.html", {"form": form, "message": message})


# Answer, closing, following, FAQ ------------------------------------------------------------------


def mark_answer(request, page, pk):
    if refused := post_only(request):
        return refused
    message = get_message(request, pk)
    discussion = message.discussion
    if not rules.can_mark_answer(request.user, discussion):
        raise PermissionDenied("Seuls l'auteur de la discussion et la coordination retiennent une réponse.")
    try:
        marked = actions.set_answer(discussion, message, wanted(request, "retenue"))
    except actions.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Réponse retenue." if marked else "Cette réponse n'est plus retenue.")
    return HttpResponseRedirect(message_url(page, message))


def close_discussion(request, page, pk):
    if refused := post_only(request):
        return refused
    discussion = get_discussion(request, pk)
    if not rules.can_close(request.user, discussion):
        raise PermissionDenied("Seuls l'auteur de la discussion et la coordination la closent.")
    closed = actions.set_closed(discussion, wanted(request, "close"))
    messages.success(request, "La discussion est close." if closed else "La discussion est rouverte.")
    return HttpResponseRedirect(url(page, "discussion", pk))


def follow_discussion(request, page, pk):
    if refused := post_only(request):
        return refused
    discussion = get_discussion(request, pk)
    following = actions.set_following(request.user, discussion, wanted(request, "suivre"))
    messages.success(
        request,
        "Vous suivez cette discussion : vous recevrez un e-mail à chaque réponse."
        if following
        else "Vous ne suivez plus cette discussion.",
    )
    return HttpResponseRedirect(url(page, "discussion", pk))


def make_faq(request, page, pk):
    if not rules.can_moderate(request.user):
        raise PermissionDenied("La FAQ est tenue par la coordination.")
    discussion = get_discussion(request, pk)
    existing = FaqEntry.objects.filter(discussion=discussion).first()
    if existing:
        messages.info(request, "Cette question est déjà dans la FAQ.")
        return HttpResponseRedirect(url(page, "discussion", pk))
    if not rules.can_make_faq(request.user, discussion):
        return refuse(request, page, "Retenez d'abord une réponse : seule une question résolue entre dans la FAQ.")
    form = FaqForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = FaqEntry.from_discussion(discussion, form.cleaned_data["visibility"])
        messages.success(request, f"« {entry.question} » est publiée dans la FAQ.")
        return HttpResponseRedirect(url(page, "discussion", pk))
    return render(request, page, "faq_form.html", {"form": form, "discussion": discussion})


def preferences(request, page):
    prefs = ExchangePreferences.of(request.user)
    followed = list(Follow.objects.filter(user=request.user).exclude(category="").values_list("category", flat=True))
    form = PreferencesForm(
        request.POST or None,
        initial={"reply_emails": prefs.reply_emails, "weekly_digest": prefs.weekly_digest, "categories": followed},
    )
    if request.method == "POST" and form.is_valid():
        prefs.reply_emails = form.cleaned_data["reply_emails"]
        prefs.weekly_digest = form.cleaned_data["weekly_digest"]
        prefs.save(update_fields=["reply_emails", "weekly_digest"])
        actions.set_followed_categories(request.user, form.cleaned_data["categories"])
        messages.success(request, "Vos préférences sont enregistrées.")
        return HttpResponseRedirect(url(page, "preferences"))
    return render(request, page, "preferences.html", {"form": form})
