"""Settings shared by every environment. Everything that differs between machines
comes from environment variables (see README, "Variables d'environnement")."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from workspace.settings.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "workspace.accounts",
    "workspace.search",
    "workspace.pages",
    "workspace.media",
    "workspace.cockpit",
    "workspace.outbox",
    "workspace.operations",
    "workspace.security",
    "network.directory",
    "network.events",
    "network.activity",
    "network.coordination",
    "resources.library",
    "resources.exchanges",
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app with our user viewset (see workspace.accounts.user_admin).
    "workspace.accounts.users_app.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The unaccent lookup (workspace/search/words.py); nothing else of it is used.
    "django.contrib.postgres",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "workspace.security.headers.ContentSecurityPolicyMiddleware",
    "workspace.security.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "workspace.pages.page_cache.BrowsersRevalidateMiddleware",
    # Stores the finished response, headers included.
    "wagtailcache.cache.UpdateCacheMiddleware",
    # Before anything that reads the session, the user or the database.
    "workspace.malformed_input.MalformedInputMiddleware",
    # A hit skips the rest of the stack. Safe before the session and the user are known: only
    # requests without a session or message cookie are cacheable (pages/page_cache.py).
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a throttled login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "workspace.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "workspace.accounts.context_processors.roles",
            ],
        },
    },
    {
        # Plain-text e-mails (workspace/mail.py): the same templates, never HTML-escaped.
        "NAME": "mail",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

WSGI_APPLICATION = "workspace.wsgi.application"

# DATABASE_URL names PostgreSQL in production and CI; without it, an SQLite file
# next to manage.py gives the quick start a database with no server to install.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A connection lost with the database (restart, failover) is replaced at the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # runserver answers requests in threads. In SQLite's default mode a transaction that
    # reads then writes (a registration) fails at once with "database is locked" when
    # another one writes: IMMEDIATE takes the write lock at BEGIN, so writers queue
    # instead (up to 20 seconds), and WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
else:
    # PostgreSQL compiles a query to machine code when its estimated cost is high (JIT): meant for
    # long reports, it took 3.7 s to compile the cockpit's "accueil des nouveaux" query at national
    # size, which then ran in 80 ms. The site's queries are short: no JIT.
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off", **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    # Without Redis the site keeps working, uncached (IGNORE_EXCEPTIONS).
    return {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": {"IGNORE_EXCEPTIONS": True}}


REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # The public pages have a Redis database of their own: publishing empties it whole.
    CACHES = {
        "default": redis_cache(REDIS_URL),
        "pages": redis_cache(env_str("PAGE_CACHE_REDIS_URL", REDIS_URL.rsplit("/", 1)[0] + "/1")),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
CACHES["pages"]["TIMEOUT"] = env_int("PAGE_CACHE_SECONDS", 300)

# Public pages (and the other answers to visitors who are not logged in) are served from the
# "pages" cache by wagtail-cache; workspace/pages/page_cache.py says what is never cached and
# empties it whenever what the public sees may have changed.
WAGTAIL_CACHE = env_bool("PAGE_CACHE", True)
WAGTAIL_CACHE_BACKEND = "pages"

# Sessions read from the cache (Redis in production), written through to the database: a
# member's page costs no session query, and a restart of Redis logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/espace/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/connexion/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Login throttling: after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind the reverse proxy, REMOTE_ADDR is the proxy's for every visitor: five bad
# passwords from anyone would lock the real user out. TRUSTED_PROXY_COUNT says how
# many proxies append to X-Forwarded-For (0: the header is ignored, it can be forged).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "workspace.security.client_ip.client_ip"

# Password reset e-mails: at most this many per address and per client address
# (see TRUSTED_PROXY_COUNT) in one window, so that nobody floods an inbox.
PASSWORD_RESET_LIMIT_PER_EMAIL = 3
PASSWORD_RESET_LIMIT_PER_IP = 10
PASSWORD_RESET_LIMIT_WINDOW_MINUTES = 60

# The public forms (/contact/, /devenir-promeneur/): at most this many messages per client
# address in one window; the next ones are refused (429) with the form kept.
PUBLIC_FORM_LIMIT_PER_IP = env_int("PUBLIC_FORM_LIMIT_PER_IP", 5)
PUBLIC_FORM_LIMIT_WINDOW_MINUTES = env_int("PUBLIC_FORM_LIMIT_WINDOW_MINUTES", 10)
# How long the invitation link of an accepted application lets its promeneur choose a password.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)

# Content-Security-Policy (django-csp, see workspace.security.headers). The site runs
# no inline script or style. Frames are the editors' video embeds (YouTube, Vimeo, any
# PeerTube instance), hence any https origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin still relies on inline scripts and styles, and previews images as
# blob: URLs; it keeps the other restrictions (no foreign script, no plugin, no framing).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
    }
}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = PROJECT_DIR / "root_files"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Images (originals and renditions) live outside MEDIA_ROOT, in a folder the web server
# never serves: the application serves them after checking who may see them.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "images": {"BACKEND": "workspace.media.storage.PrivateImageStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Form fields other than files: 2.5 MB (Django's default, said here on purpose).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A whole upload request above this is refused (400) before its body is read; the
# largest legitimate one is a document (WAGTAILDOCS_MAX_UPLOAD_SIZE) and its form.
UPLOAD_MAX_REQUEST_SIZE = env_int("UPLOAD_MAX_REQUEST_SIZE", 25 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "workspace.media.uploads.RequestSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# Without it a mail server that accepts the connection and never answers holds the worker (and
# each send_pending_mail of the cron, every 5 minutes) for ever, each with a database connection.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Promeneurs du Net 66 <promeneursdunet66@example.org>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
COORDINATION_EMAIL = env_str("COORDINATION_EMAIL", "coordination@example.org")

# Slow work (e-mails, Wagtail's own background jobs) runs through Django's tasks framework. The
# immediate backend runs a task at once, in the same process: right for development and tests. In
# production the database backend keeps tasks in PostgreSQL for the `db_worker` command (README).
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# A promeneur without an individual review for longer than this is due one (network.coordination).
REVIEW_INTERVAL_MONTHS = env_int("REVIEW_INTERVAL_MONTHS", 12)
# The site's public address, for links read outside it (e-mails, calendar files): workspace/mail.py.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Promeneurs du Net 66"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
# Wagtail's editor, reading a value that is not its JSON as plain text (workspace/security/admin_input.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "workspace.security.admin_input.ReadableDraftailRichTextArea"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin would send a hash of every user's e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, made safe for quotes on SQLite (see the module).
        "BACKEND": "workspace.search.backend",
        # Used by the PostgreSQL backend for French stemming; ignored elsewhere.
        "SEARCH_CONFIG": "french",
    }
}
# Every document goes through Wagtail's serve view, so that the collection's
# view restriction is checked on each download (never a direct media URL).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "png",
    "jpg",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Wagtail checks a document's extension, not its content: this form refuses an SVG or a web page
# renamed .pdf (workspace/media/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "workspace.media.documents.DocumentForm"
# Images are stored privately under random names and served through a view that
# checks who may see them (workspace/media); every upload is checked by one validator
# (size, real type, pixel count) before it is stored.
WAGTAILIMAGES_IMAGE_MODEL = "media.SiteImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "workspace.media.forms.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# A 12000 × 12000 PNG weighs 420 KB but takes 1.2 GB to make a thumbnail of.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Wagtail's editor autosave (every 500 ms) races a quick "Publier" on the create
# screen: both requests create the page and the second fails on its slug (a 500).
# Explicit saves only, until Wagtail serialises them.
WAGTAIL_AUTOSAVE_INTERVAL = env_int("WAGTAIL_AUTOSAVE_INTERVAL", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Practice exchanges: how long a member may edit or withdraw their message, and its longest text.
EXCHANGES_EDIT_WINDOW_MINUTES = env_int("EXCHANGES_EDIT_WINDOW_MINUTES", 60)
EXCHANGES_MESSAGE_MAX_LENGTH = env_int("EXCHANGES_MESSAGE_MAX_LENGTH", 20_000)
