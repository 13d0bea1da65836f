from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a user viewset that keeps rights a superuser's business
    (Wagtail's documented way to replace the user views: see ``user_admin``)."""

    user_viewset = "workspace.accounts.user_admin.UserViewSet"
