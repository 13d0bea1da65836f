from django.apps import AppConfig


class CockpitConfig(AppConfig):
    name = "workspace.cockpit"
    label = "cockpit"
    verbose_name = "Tableau de bord de la coordination"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .blocks import model_written

        # Every model: the blocks say which ones they read (``watched``), once the hooks are loaded.
        for change, signal in {"saved": post_save, "deleted": post_delete, "linked": m2m_changed}.items():
            signal.connect(model_written, dispatch_uid=f"cockpit_forget_blocks_when_{change}")
