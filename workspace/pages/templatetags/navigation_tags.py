from django import template

from workspace.pages import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.main_menu(context["request"])


@register.simple_tag(takes_context=True)
def footer_links(context):
    return navigation.footer_links(context["request"])
