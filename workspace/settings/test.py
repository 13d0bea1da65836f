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
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "private-media"  # noqa: F405
