import os

from workspace.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Tests change rows behind the signals' back (update(), fixtures): the page cache is tried by the
# tests that switch it on (tests/test_page_cache.py).
WAGTAIL_CACHE = False
# Under pytest-xdist each worker ("gw0", "gw1"…) has its own test database (pytest-django) and its own
# media folders: a backup test archives and restores the whole folder while the other worker writes in it.
# The caches above are in memory, one per process. A subprocess started by a test inherits the variable.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_ARTIFACTS = BASE_DIR / "test-artifacts" / _WORKER if _WORKER else BASE_DIR / "test-artifacts"  # noqa: F405
MEDIA_ROOT = _ARTIFACTS / "media"
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
PRIVATE_MEDIA_ROOT = _ARTIFACTS / "private-media"
