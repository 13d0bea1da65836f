from wagtail_modeladmin.helpers import PermissionHelper


class RecordedBySitePermissionHelper(PermissionHelper):
    """Records that the site writes (a message, an acceptance): the coordinator follows them up,
    never creates them by hand."""

    def user_can_create(self, user):
        return False


class ReadOnlyPermissionHelper(RecordedBySitePermissionHelper):
    """Records kept as they were made (charter versions and acceptances)."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
