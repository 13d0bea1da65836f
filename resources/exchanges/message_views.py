"""Views on one message: edit, withdraw, history, moderation, report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse

from resources.exchanges import actions, notifications, rules
from resources.exchanges.forms import EditForm, ModerationForm, ReportForm
from resources.exchanges.views import get_message, message_url, refuse, render, url


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
                report, message_url(page, message), reverse("wagtailsnippets_exchanges_report:list")
            )
            messages.success(request, "Merci : la coordination a reçu votre signalement.")
        else:
            messages.info(request, "Vous aviez déjà signalé ce message : la coordination l'a reçu.")
        return HttpResponseRedirect(message_url(page, message))
    return render(request, page, "message_report.html", {"form": form, "message": message})
