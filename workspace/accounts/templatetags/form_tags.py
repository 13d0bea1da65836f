"""What a form sent back with mistakes says at its top (accounts/includes/form_errors.html)."""

from django import template

register = template.Library()


def _mistakes_of(form, block=""):
    for field in form:
        if not field.errors:
            continue
        if field.is_hidden:
            target = ""
        elif field.field.widget.use_fieldset:
            target = f"{field.auto_id}_0"  # a group of choices: its first choice
        else:
            target = field.id_for_label
        label = f"{block} : {field.label}" if block else str(field.label)
        yield {"target": target, "label": label, "error": field.errors[0]}


@register.simple_tag
def form_mistakes(form, *formsets, block=""):
    """The fields of ``form`` and of ``formsets``' blocks sent with a mistake: the id to reach each one,
    its label and its first error, in the order of the page. A block is named by its form's
    ``block_name`` if it has one (the grid's "Instagram"), else "``block`` N" ("Profil 2")."""
    mistakes = list(_mistakes_of(form)) if form and form.is_bound else []
    for formset in formsets:
        if formset and formset.is_bound:
            for number, subform in enumerate(formset, start=1):
                name = getattr(subform, "block_name", "") or f"{block} {number}".strip()
                mistakes.extend(_mistakes_of(subform, name))
    return mistakes


@register.filter
def marks_required(form):
    """Whether field.html writes a « * » in ``form``: a field it needs (a spare block of a formset needs none)."""
    return bool(form) and not form.empty_permitted and any(field.required for field in form.fields.values())
