from workspace.settings.base import *  # noqa: F403
from workspace.settings.env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A development-only key: production refuses to start without its own SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
