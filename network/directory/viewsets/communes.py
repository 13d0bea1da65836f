"""The chooser of a structure's commune in the admin: the official list, searched by name or postcode.

The communes come from a file (network/directory/data), so the admin only chooses them: no
listing, no form. The search reads the database directly (the list is loaded in bulk, never
indexed by Wagtail's search)."""

from django import forms
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, CreateView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from network.directory.models import Commune


class CommuneSearchForm(BaseFilterForm):
    q = forms.CharField(
        label="Nom ou code postal",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Nom ou code postal"}),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.search(query)
        return objects


class CommuneSearchMixin:
    filter_form_class = CommuneSearchForm

    def get_object_list(self):
        return Commune.objects.all()


class ChooseCommuneView(CommuneSearchMixin, ChooseView):
    pass


class ChooseCommuneResultsView(CommuneSearchMixin, ChooseResultsView):
    pass


class NoCommuneCreation(CreateView):
    """Communes come from the official list: nobody creates one from the chooser (Coordination
    holds the add permission of every directory model, which would otherwise open this view)."""

    def can_create(self):
        return False


class CommuneChooserViewSet(ChooserViewSet):
    model = Commune
    icon = "site"
    choose_one_text = "Choisir une commune"
    choose_another_text = "Choisir une autre commune"
    edit_item_text = "Modifier"
    search_tab_label = "Rechercher"
    per_page = 30
    choose_view_class = ChooseCommuneView
    choose_results_view_class = ChooseCommuneResultsView
    create_view_class = NoCommuneCreation


commune_chooser_viewset = CommuneChooserViewSet("commune_chooser", url_prefix="annuaire/communes")
