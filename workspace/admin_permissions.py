"""Records that members write on the site (activity grids, discussions, reports): the admin reads,
changes and deletes them, never creates one, since a record made there would lack what only the
site gives it (its author, its opening message, the message reported). Without the "add"
permission, Wagtail shows no « Ajouter » or « Copier » button and refuses their addresses."""

from wagtail.permissions import ModelPermissionPolicy


class WrittenOnTheSitePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class WrittenOnTheSiteMixin:
    """For a ViewSet (ModelViewSet, SnippetViewSet) of such records."""

    @property
    def permission_policy(self):
        return WrittenOnTheSitePolicy(self.model)
