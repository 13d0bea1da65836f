"""Who may manage which accounts in the Wagtail admin.

Coordination holds ``auth.add_user``/``change_user`` so that it can open accounts for
promeneurs and committee members. Without a limit, the same rights let a coordinator
tick "Administrateur", put anyone in Coordination, or change the real superuser's
password and e-mail. Rights (superuser, staff, Coordination) are therefore a
superuser's business: every user view and bulk action of the admin asks here.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import Http404
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views
from wagtail.users.views.bulk_actions import AssignRoleBulkAction, DeleteBulkAction, SetActiveStateBulkAction

from .roles import COMMITTEES, COORDINATION, PROMENEURS

GROUPS_ASSIGNED_BY_COORDINATION = (PROMENEURS, *COMMITTEES)


def manageable(users, manager):
    """The accounts of ``users`` that ``manager`` may edit, deactivate or delete."""
    if manager.is_superuser:
        return users
    return users.filter(is_superuser=False, is_staff=False).exclude(groups__name=COORDINATION)


def may_manage_user(manager, user):
    return manageable(get_user_model()._default_manager.filter(pk=user.pk), manager).exists()


def assignable_groups(manager):
    if manager.is_superuser:
        return Group.objects.all()
    return Group.objects.filter(name__in=GROUPS_ASSIGNED_BY_COORDINATION)


class ManagedUserFormMixin:
    """Wagtail's user form, told who fills it in (``for_user``)."""

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if "is_superuser" in self.fields and not for_user.is_superuser:
            # Disabled: Django keeps the stored value whatever the request says.
            self.fields["is_superuser"].disabled = True
            self.fields["is_superuser"].help_text = "Seul un administrateur peut accorder ce droit."
        self.fields["groups"].queryset = assignable_groups(for_user)

    def clean_groups(self):
        # Memberships this manager may not grant are not theirs to withdraw either.
        kept = []
        if self.instance.pk:
            kept = list(self.instance.groups.exclude(pk__in=assignable_groups(self.for_user)))
        return [*self.cleaned_data["groups"], *kept]


class ManagedUserCreationForm(ManagedUserFormMixin, UserCreationForm):
    pass


class ManagedUserEditForm(ManagedUserFormMixin, UserEditForm):
    pass


class FormForUserMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class IndexView(wagtail_user_views.IndexView):
    def get_base_queryset(self):
        return manageable(super().get_base_queryset(), self.request.user)


class CreateView(FormForUserMixin, wagtail_user_views.CreateView):
    pass


class CopyView(CopyViewMixin, CreateView):
    """A new account filled in from one this manager may manage (never from a superuser's)."""

    def get_object(self, queryset=None):
        user = super().get_object(queryset)
        if not may_manage_user(self.request.user, user):
            raise Http404
        return user


class EditView(FormForUserMixin, wagtail_user_views.EditView):
    def get_queryset(self):
        return manageable(super().get_queryset(), self.request.user)


class DeleteView(wagtail_user_views.DeleteView):
    def get_queryset(self):
        return manageable(super().get_queryset(), self.request.user)


class HistoryView(wagtail_user_views.HistoryView):
    def get_base_object_queryset(self):
        return manageable(super().get_base_object_queryset(), self.request.user)


class UserViewSet(wagtail_user_views.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView

    def get_form_class(self, for_update=False):
        return ManagedUserEditForm if for_update else ManagedUserCreationForm


class ManagedUsersBulkActionMixin:
    """Bulk actions act only on the accounts the user may manage one by one."""

    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage_user(self.request.user, obj)


class ManagedAssignRoleBulkAction(ManagedUsersBulkActionMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class ManagedDeleteBulkAction(ManagedUsersBulkActionMixin, DeleteBulkAction):
    pass


class ManagedSetActiveStateBulkAction(ManagedUsersBulkActionMixin, SetActiveStateBulkAction):
    pass


BULK_ACTIONS = (ManagedAssignRoleBulkAction, ManagedDeleteBulkAction, ManagedSetActiveStateBulkAction)
