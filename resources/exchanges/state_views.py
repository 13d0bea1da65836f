"""Views that change a discussion's state: answer, closing, following, FAQ; and the member's preferences."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect

from resources.exchanges import actions, rules
from resources.exchanges.forms import FaqForm, PreferencesForm
from resources.exchanges.models.discussions import ExchangePreferences, Follow
from resources.exchanges.models.faq import FaqEntry
from resources.exchanges.views import get_discussion, get_message, message_url, post_only, refuse, render, url, wanted

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
