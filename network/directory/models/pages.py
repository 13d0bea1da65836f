"""Pages of the directory: the public one under the home page, and the members' ones
under the space (/espace/annuaire/, /espace/relais/, /espace/mon-profil/).

The views only gather what the templates show; filtering, privacy and profile rules
live in this package's filters.py, privacy.py and communes.py.
"""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from network.directory import privacy
from network.directory.communes import suggest
from network.directory.filters import DirectoryFilterSet, RelayFilterSet
from network.directory.forms import ProfileForm, SocialProfileFormSet
from network.directory.models.people import Promeneur, Structure
from network.directory.models.relays import Relay
from workspace.pages import navigation
from workspace.pages.models import BasePage
from workspace.pages.pagination import paginate


class PublicDirectoryPage(RoutablePageMixin, BasePage):
    """/annuaire/: the public directory, a promeneur's sheet, a structure's page, public relays."""

    per_page = 24
    max_count = 1
    subpage_types = []

    class Meta:
        verbose_name = "Annuaire public"

    @path("")
    def directory(self, request):
        filters = DirectoryFilterSet(request, Promeneur.objects.publicly_listed().for_listing())
        promeneurs, _ = filters.paginate(self.per_page)
        context = {"filters": filters, "promeneurs": promeneurs, "filter_query": filters.query_string()}
        # Nobody found in a place that was named: the promeneurs nearest to it.
        if (query := filters.values.get("q")) and not promeneurs.paginator.count:
            context["suggestion"] = suggest(query, Promeneur.objects.publicly_listed().for_listing())
        return self.render(request, context_overrides=context)

    @path("relais/", name="public_relays")
    def public_relays(self, request):
        return self.render(
            request,
            template="directory/public_relays.html",
            context_overrides=split_emergencies(Relay.objects.public().emergency_first(), request.GET.get("page")),
        )

    @path("structure/<slug:slug>/", name="structure")
    def structure(self, request, slug):
        structure = get_object_or_404(Structure.objects.listed().select_related("territory"), slug=slug)
        promeneurs = structure.promeneurs.publicly_listed().for_listing()
        return self.render(
            request,
            template="directory/public_structure.html",
            context_overrides={"structure": structure, "promeneurs": promeneurs},
        )

    @re_path(r"^(?P<slug>[-\w]+)/$", name="sheet")
    def sheet(self, request, slug):
        promeneur = Promeneur.objects.publicly_listed().for_listing().filter(slug=slug).first()
        if promeneur is None:
            raise Http404("Aucun promeneur public à cette adresse.")
        return self.render(request, template="directory/public_sheet.html", context_overrides={"promeneur": promeneur})

    def get_sitemap_urls(self, request=None):
        """The directory, its public relays, each consenting promeneur's sheet and each structure's page."""
        [directory] = super().get_sitemap_urls(request)
        base = directory["location"]
        urls = [directory, {"location": base + self.reverse_subpage("public_relays")}]
        for promeneur in Promeneur.objects.publicly_listed().only("slug", "updated_at"):
            location = base + self.reverse_subpage("sheet", kwargs={"slug": promeneur.slug})
            urls.append({"location": location, "lastmod": promeneur.updated_at})
        for structure in Structure.objects.listed().only("slug", "updated_at"):
            location = base + self.reverse_subpage("structure", kwargs={"slug": structure.slug})
            urls.append({"location": location, "lastmod": structure.updated_at})
        return urls

    @classmethod
    def address(cls, request, route, **kwargs):
        """The address of one of the public directory's routes ("" without a live directory), read
        from the shared cache: for the pages that link to it (the home, the site search)."""
        base = navigation.url_of_first(cls, request)
        return base + cls.get_resolver().reverse(route, **kwargs) if base else ""

    def sheet_url(self, promeneur):
        return self.url + self.reverse_subpage("sheet", kwargs={"slug": promeneur.slug})

    def structure_url(self, structure):
        return self.url + self.reverse_subpage("structure", kwargs={"slug": structure.slug})


# The structures' table has its own page number, beside the promeneurs' "page".
STRUCTURES_PAGE = "page-structures"


class MembersDirectoryPage(BasePage):
    """/espace/annuaire/: every active promeneur with their contact, the structures and referents."""

    per_page = 50
    max_count = 1
    parent_page_types = ["pages.SpacePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Annuaire des membres"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = DirectoryFilterSet(request, Promeneur.objects.active().for_listing())
        promeneurs, _ = filters.paginate(self.per_page)
        # A department's structures are a few dozen: read in one query, shown a page at a time.
        structures = list(filters.structures(Structure.objects.listed()))
        structures, _ = paginate(structures, request.GET.get(STRUCTURES_PAGE), self.per_page)
        context.update(
            filters=filters,
            filter_query=filters.query_string(),
            promeneurs=promeneurs,
            structures=structures,
            structures_page=STRUCTURES_PAGE,
        )
        return context


class RelaysPage(BasePage):
    """/espace/relais/: where to send a young person, by domain and territory, emergencies first."""

    max_count = 1
    parent_page_types = ["pages.SpacePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Relais"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = RelayFilterSet(request, Relay.objects.emergency_first())
        context.update(
            filters=filters,
            filter_query=filters.query_string(),
            **split_emergencies(filters.qs, request.GET.get("page")),
        )
        return context


class MyProfilePage(RoutablePageMixin, BasePage):
    """/espace/mon-profil/: a promeneur edits their own record and downloads their data."""

    max_count = 1
    parent_page_types = ["pages.SpacePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Mon profil"

    @path("")
    def edit_profile(self, request):
        promeneur = _own_promeneur(request)
        if promeneur is None:
            return self.render(request, context_overrides={"promeneur": None})
        if request.method == "POST":
            form = ProfileForm(request.POST, request.FILES, instance=promeneur)
            formset = SocialProfileFormSet(request.POST, instance=promeneur, prefix="profils")
            if form.is_valid() and formset.is_valid():
                if privacy.save_own_profile(form, formset):
                    messages.success(request, "Votre profil est enregistré. La coordination en est informée.")
                else:
                    messages.info(request, "Vous n'avez rien modifié : votre profil reste tel quel.")
                return redirect(self.url)
            messages.error(request, "Le profil n'est pas enregistré : corrigez les champs signalés.")
        else:
            form = ProfileForm(instance=promeneur)
            formset = SocialProfileFormSet(instance=promeneur, prefix="profils")
        directory = PublicDirectoryPage.objects.live().first()
        return self.render(
            request,
            context_overrides={
                "promeneur": promeneur,
                "form": form,
                "formset": formset,
                "public_sheet_url": directory.sheet_url(promeneur) if directory else None,
            },
        )

    @path("mes-donnees/", name="personal_data")
    def personal_data(self, request):
        data = privacy.personal_data(request.user, _own_promeneur(request))
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="mes-donnees-promeneurs-du-net-66.json"'
        response["Cache-Control"] = "private, no-store"
        return response

    def personal_data_url(self):
        return self.url + self.reverse_subpage("personal_data")


RELAYS_PER_PAGE = 50


def split_emergencies(relays, page_number=None):
    """The national emergency lines (a handful) in full, the other relays a page at a time: a
    national network has thousands."""
    others, _ = paginate(relays.filter(is_national_emergency=False), page_number, RELAYS_PER_PAGE)
    return {"emergency_relays": list(relays.filter(is_national_emergency=True)), "other_relays": others}


def _own_promeneur(request):
    """The record of the logged-in user, never anyone else's (no id is ever read from the request)."""
    if not request.user.is_authenticated:
        return None
    return (
        Promeneur.objects.select_related("structure", "photo")
        .prefetch_related("territories", "themes")
        .filter(user=request.user, anonymised_at__isnull=True)
        .first()
    )
