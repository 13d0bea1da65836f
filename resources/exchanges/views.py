"""Front-end views of the exchanges, served as routes of ExchangeIndexPage (so under the
space's view restriction). Rules live in rules.py, changes in actions.py."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse

from network.events.models import Event
from resources.exchanges import actions, notifications, rules
from resources.exchanges.filters import DiscussionFilterSet
from resources.exchanges.forms import (
    PRIVACY_REMINDER,
    DiscussionForm,
    ReplyForm,
)
from resources.exchanges.models.discussions import Discussion, Follow, Message
from resources.exchanges.models.faq import FaqEntry

PER_PAGE = 20


def url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def message_url(page, message):
    return url(page, "discussion", message.discussion_id) + f"#message-{message.pk}"


def render(request, page, template, context, status=200):
    context = {"page": page, "self": page, "privacy_reminder": PRIVACY_REMINDER, **context}
    return TemplateResponse(request, f"exchanges/{template}", context, status=status)


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
    discussion = Discussion.objects.visible_to(request.user).select_related("author").filter(pk=pk).first()
    if discussion is None:
        raise Http404("Discussion introuvable")
    return discussion


def get_message(request, pk):
    messages = Message.objects.filter(rules.visible_discussions(request.user, prefix="discussion__"))
    message = messages.select_related("discussion", "author").filter(pk=pk).first()
    if message is None or not rules.can_see_message_text(request.user, message):
        raise Http404("Message introuvable")
    return message


# Listing -----------------------------------------------------------------------------------------


def discussion_list(request, page):
    filters = DiscussionFilterSet(request, Discussion.objects.for_listing(request.user))
    discussions, _ = filters.paginate(PER_PAGE)
    return render(
        request,
        page,
        "discussion_list.html",
        {
            "discussions": discussions,
            "filters": filters,
            "tag": filters.values.get("mot-cle", ""),
            "filter_query": filters.query_string(),
            "base_url": page.url,
            "can_moderate": rules.can_moderate(request.user),
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
    if form.is_bound:
        messages.error(
            request, "La discussion n'est pas publiée : corrigez les champs signalés. Votre texte est conservé."
        )
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
        "sessions": sessions_seen_by(user, discussion),
        "base_url": page.url,
    }
    return render(request, page, "discussion_detail.html", context, status=status)


def sessions_seen_by(user, discussion):
    """The agenda's events (practice-analysis sessions) that discussed this discussion, among
    those the viewer may see (Event.objects.visible_to): one query."""
    return list(Event.objects.visible_to(user).filter(discussions=discussion).order_by("start", "pk"))


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
