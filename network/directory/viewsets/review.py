"""Coordination's admin views on the directory: profiles to re-read, anonymising a promeneur who left."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from network.directory.models import Promeneur
from network.directory.privacy import anonymise_promeneur, mark_reviewed
from workspace.display import agreed, count_of
from workspace.security.next_url import next_path


def _require_change_permission(request):
    if not request.user.has_perm("directory.change_promeneur"):
        raise PermissionDenied


def changed_profiles(request):
    _require_change_permission(request)
    promeneurs = (
        Promeneur.objects.changed_since_review()
        .select_related("structure", "reviewed_by")
        .order_by("-profile_changed_at")
    )
    return TemplateResponse(
        request,
        "directory/admin/changed_profiles.html",
        {"promeneurs": promeneurs, "page_title": "Profils modifiés depuis la dernière relecture"},
    )


@require_POST
def mark_profiles_reviewed(request):
    _require_change_permission(request)
    ids = [value for value in request.POST.getlist("promeneur") if value.isdigit()]
    count = mark_reviewed(Promeneur.objects.filter(pk__in=ids), by=request.user)
    messages.success(request, f"{count_of(count, 'profil marqué', 'profils marqués')} comme {agreed(count, 'relu')}.")
    return redirect(next_path(request, "network_changed_profiles"))


def anonymise(request, pk):
    _require_change_permission(request)
    promeneur = get_object_or_404(Promeneur, pk=pk)
    if request.method == "POST":
        anonymise_promeneur(promeneur)
        messages.success(request, f"La fiche n° {promeneur.pk} est anonymisée : son activité passée reste comptée.")
        return redirect(reverse("wagtailsnippets_directory_promeneur:list"))
    return TemplateResponse(
        request,
        "directory/admin/anonymise_confirm.html",
        {"promeneur": promeneur, "page_title": f"Anonymiser {promeneur.full_name}"},
    )


urlpatterns = [
    path("annuaire/profils-modifies/", changed_profiles, name="network_changed_profiles"),
    path("annuaire/profils-modifies/relus/", mark_profiles_reviewed, name="network_mark_reviewed"),
    path("annuaire/promeneurs/<int:pk>/anonymiser/", anonymise, name="network_anonymise"),
]
