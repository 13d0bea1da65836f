"""What an app says about itself, by mixing one of these classes into its AppConfig; the base
layer reads it (``isinstance`` over ``apps.get_app_configs()``) without naming any feature.

No model is imported here: every apps.py imports this module while Django loads the apps.
"""


class ManagedByCoordination:
    """The coordination manages this app's records entirely in the admin: the Coordination group
    gets all of its model permissions (workspace/accounts/roles.py)."""


class ShownToThePublic:
    """A public page may show this app's records: saving or deleting one empties the public
    pages' cache (workspace/pages/page_cache.py)."""
