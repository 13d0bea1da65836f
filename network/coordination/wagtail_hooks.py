from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .contacts_admin import NetworkContactAdmin
from .conventions import EndingConventionsBlock, PromeneursWithoutConventionBlock
from .conventions_admin import ConventionAdmin
from .coverage_admin import coverage_menu_item, coverage_redirect


class NetworkGroup(ModelAdminGroup):
    menu_label = "Réseau et conventions"
    menu_icon = "doc-full"
    menu_order = 250
    items = (ConventionAdmin, NetworkContactAdmin)

    def get_submenu_items(self):
        return [*super().get_submenu_items(), coverage_menu_item()]


modeladmin_register(NetworkGroup)


@hooks.register("register_admin_urls")
def register_coverage_url():
    return [path("couverture/", coverage_redirect, name="coordination_coverage")]


@hooks.register("register_cockpit_block")
def ending_conventions():
    return EndingConventionsBlock()


@hooks.register("register_cockpit_block")
def promeneurs_without_convention():
    return PromeneursWithoutConventionBlock()
