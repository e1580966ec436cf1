"""Settings shared by every environment; safe for production on their own (DEBUG off, no secrets).

Configuration comes from the environment:
- DATABASE_URL: any dj-database-url URL (default: a SQLite file under var/, for the demo).
- PORTAL_DOMAIN: the portal's hostname; agency sites are <code>.<PORTAL_DOMAIN>.
- PORTAL_PORT: the port the sites are served on, for the URLs Wagtail writes (80 in production).
- DATABASE_REPLICA_URL: a read replica of the PostgreSQL database (optional); the public searches and listings read
  from it (groundwork/routers.py), everything else from DATABASE_URL. See README.md, "Past one machine".
- SEARCH_URL: an OpenSearch or Elasticsearch server (https://user:password@host:9200/index-prefix) for the site
  search backend instead of the database (optional; needs requirements-opensearch.txt).
- REDIS_URL: a Redis cache instead of the in-process one, shared by every process. While Redis is unreachable
  the site is served without it (groundwork.cache): REDIS_TIMEOUT bounds each wait for it (seconds, default 0.3), and
  after a failure it is not asked again for REDIS_RETRY_AFTER seconds (default 5).
- AWS_STORAGE_BUCKET_NAME (+ AWS_S3_CUSTOM_DOMAIN, AWS_QUERYSTRING_AUTH): the public media (images,
  documents) on S3-compatible storage instead of MEDIA_ROOT. The Content-Security-Policy lets images and media
  load from AWS_S3_CUSTOM_DOMAIN (else from AWS_S3_ENDPOINT_URL, else from the bucket's own AWS host).
- AWS_PRIVATE_STORAGE_BUCKET_NAME: the files citizens send (dossiers, questions' attachments) in this bucket
  instead of PRIVATE_MEDIA_ROOT. A bucket of its own, never public: objects are written with the "private" ACL
  and handed out only as signed URLs that expire after PRIVATE_FILE_URL_EXPIRE seconds (default 60).
- AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME: the S3 service of both buckets (unset: AWS's own). Credentials are
  not settings: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role).
- SERVICES_DOSSIER_RETENTION_DAYS: how long a closed dossier (handed back or refused) is kept before
  `manage.py purge_dossiers` deletes it and its files (default 1826 days, five years).
- BACKUP_DIR, or BACKUP_S3_BUCKET (+ BACKUP_S3_PREFIX, BACKUP_S3_ENDPOINT_URL, BACKUP_S3_REGION_NAME, default the
  AWS_S3_* service), BACKUP_WORK_DIR: where `manage.py backup` puts the whole installation's backups (README,
  "Backups and restore of the whole installation").
- STAFF_SESSION_IDLE_MINUTES: a signed-in user is signed out after this many minutes without a request (default 30).
- STAFF_SESSION_MAX_HOURS: and this many hours after signing in, however active (default 12).
- EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL,
  EMAIL_TIMEOUT (seconds).
- TASKS_STALE_AFTER: seconds after which `manage.py run_worker` takes a task still RUNNING to be abandoned by a
  worker that stopped, and queues it again (default 20 × EMAIL_TIMEOUT, 600). It must exceed the longest time any
  task can run, or a task still running on a live worker would be run a second time.
- READY_TASKS_MAX_AGE: /readyz reports the task queue down when a task due to run has waited longer than this
  (seconds, default 300): no worker is taking tasks.
- LOG_FORMAT: "json" (one JSON object a line, with the request id; the default in production) or "plain" (the
  default elsewhere). LOG_LEVEL: the root logger's level (default INFO).
- PORTAL_TRUSTED_PROXIES: the proxies in front of the portal (Varnish, nginx, a load balancer), as comma-separated
  addresses or networks ("127.0.0.1,10.0.0.0/24"); only from these is X-Forwarded-For believed (default: none,
  every visitor is the socket's address). See README.md, "Sign-in protection and proxies".
- FRONT_CACHE_PURGE_URL: the Varnish (or several, comma-separated) to tell what a publish makes stale, e.g.
  "http://127.0.0.1:8080" (default: none, nothing is purged). See README.md, "Production locally".
- LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS: failed sign-ins after which an account, or a client
  address, is locked out (defaults 5 and 20); LOGIN_LOCKOUT_MINUTES: for how long after the last failure (30).
- PASSWORD_RESETS_PER_EMAIL, PASSWORD_RESETS_PER_ADDRESS: password-reset requests an hour for one e-mail address
  and from one client address (defaults 3 and 10); the others get the same answer and no e-mail.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name: str) -> list[str]:
    """Read a comma-separated environment variable as a list of its non-empty items."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")

PORTAL_DOMAIN = os.environ.get("PORTAL_DOMAIN", "quangngai.localhost").lower()
PORTAL_PORT = int(os.environ.get("PORTAL_PORT", "80"))
ALLOWED_HOSTS = [PORTAL_DOMAIN, f".{PORTAL_DOMAIN}"]

INSTALLED_APPS = [
    "signin",
    "vietnam",
    "groundwork",
    "home",
    "documents",
    "gazette",
    "publications",
    "services",
    "feedback",
    "territory",
    "following",
    "organisation",
    "procurement",
    "finder",
    "leadership",
    "operations",
    "archiving",
    "backups",
    "reporting",
    "oversight",
    "outbox",
    "worker",
    "frontcache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "groundwork.logs.RequestLogMiddleware",  # first: its id and access line cover every answer, the others' too
    "groundwork.headers.SecurityHeadersMiddleware",
    "groundwork.frontcache.FrontCacheMiddleware",  # outside sessions, locale and CSRF: it sees what they did
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "operations.middleware.MaintenanceMiddleware",  # before sessions: its 503 needs no database
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "vietnam.middleware.UnicodeNormalizationMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "signin.middleware.StaffSessionMiddleware",
    "signin.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a lockout into signin.lockout.lockout_response
]

ROOT_URLCONF = "portal.urls"

# The front cache (groundwork.frontcache, issue 15): how long browsers (max-age) and Varnish (s-maxage) keep a public
# answer, how long Varnish may serve it stale while it fetches a new one or while the app is down, and a 404's life.
# Varnish's copy is purged on publish (wagtail.contrib.frontend_cache), so s-maxage can be long; a browser's cannot.
FRONT_CACHE_MAX_AGE = int(os.environ.get("FRONT_CACHE_MAX_AGE", "60"))
FRONT_CACHE_S_MAXAGE = int(os.environ.get("FRONT_CACHE_S_MAXAGE", "600"))
FRONT_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("FRONT_CACHE_STALE_WHILE_REVALIDATE", "30"))
FRONT_CACHE_STALE_IF_ERROR = int(os.environ.get("FRONT_CACHE_STALE_IF_ERROR", "86400"))
FRONT_CACHE_NOT_FOUND_MAX_AGE = int(os.environ.get("FRONT_CACHE_NOT_FOUND_MAX_AGE", "60"))
# Usage counts (groundwork.usage): a process's beacons are kept in memory and written in one statement per table
# once this many have come or this many seconds have passed, and when the process ends.
USAGE_FLUSH_HITS = int(os.environ.get("USAGE_FLUSH_HITS", "200"))
USAGE_FLUSH_SECONDS = float(os.environ.get("USAGE_FLUSH_SECONDS", "30"))
# A public form of a cached page sent without its token (no JavaScript) is offered again with what was typed.
CSRF_FAILURE_VIEW = "groundwork.frontcache.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's task worker and its requests write to one file at once. WAL lets readers go on beside the one
    # writer; a busy timeout makes a writer wait for the lock instead of failing; IMMEDIATE takes the write lock when
    # a transaction begins, so a read that turns into a write cannot fail at once ("database is locked", a 500).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,  # seconds; under gunicorn's 30 s request timeout
    }
# A PostgreSQL read replica (streaming replication of the primary) for the public searches and listings only:
# groundwork/routers.py sends the reads of `replica_reads()` blocks there, and everything else to the primary.
DATABASE_READ_REPLICA = None
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True
    )
    DATABASE_READ_REPLICA = "replica"
DATABASE_ROUTERS = ["groundwork.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    # Short timeouts: Redis answers in a millisecond when it is well; a hung one must not hold every request.
    redis_timeout = float(os.environ.get("REDIS_TIMEOUT", "0.3"))
    CACHES = {
        "default": {
            "BACKEND": "groundwork.cache.DegradingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
            "OPTIONS": {
                "socket_connect_timeout": redis_timeout,
                "socket_timeout": redis_timeout,
                "retry_after": float(os.environ.get("REDIS_RETRY_AFTER", "5")),
            },
        }
    }
else:
    # One process's memory (no REDIS_URL: the demo, the tests, one machine). Django's default keeps 300 entries and
    # drops a third when full: too few for a province's frames and searches, so cached pages would be recomputed.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20_000}}
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English under /en/ (R2). Asia/Ho_Chi_Minh: legal deadlines depend on it.
LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# locale/: the project's own strings, rebuilt by `make messages`. locale_admin/: Vietnamese for Wagtail's and
# wagtail-localize's admin strings (theirs translate 289 of 1,852), kept by hand (locale_admin/README.md);
# a LOCALE_PATHS entry rather than an app's catalogue, so that the admin's JavaScript catalogues read it too.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Files citizens send (questions' attachments, dossiers' files) are kept apart from MEDIA_ROOT, which the web
# server publishes: they are read only through views that check permissions.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# S3-compatible object storage (AWS, MinIO, Viettel/VNPT clouds): one service, a bucket for each kind of file.
s3_service = {
    "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
    "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Uploaded media, public by nature.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **s3_service,
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
# Backups of the whole installation (manage.py backup, deploy/portal-backup.timer): database, media and citizens'
# files, so they hold personal data. In BACKUP_S3_BUCKET (under BACKUP_S3_PREFIX) if set, else in BACKUP_DIR (0700).
# The bucket's service: BACKUP_S3_ENDPOINT_URL, else AWS_S3_ENDPOINT_URL. BACKUP_WORK_DIR: where a backup for a
# bucket is built before it is uploaded (default: the system's temporary directory; it needs the backup's size).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_S3_BUCKET = os.environ.get("BACKUP_S3_BUCKET", "")
BACKUP_S3_PREFIX = os.environ.get("BACKUP_S3_PREFIX", "portal")
BACKUP_S3_ENDPOINT_URL = os.environ.get("BACKUP_S3_ENDPOINT_URL") or s3_service["endpoint_url"]
BACKUP_S3_REGION_NAME = os.environ.get("BACKUP_S3_REGION_NAME") or s3_service["region_name"]
BACKUP_WORK_DIR = os.environ.get("BACKUP_WORK_DIR") or None

# How long a signed link to a private file works: long enough to start the download it was made for.
PRIVATE_FILE_URL_EXPIRE = int(os.environ.get("PRIVATE_FILE_URL_EXPIRE", "60"))
if os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
    if os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"] == os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("AWS_PRIVATE_STORAGE_BUCKET_NAME must not be the public media bucket.")
    # Citizens' files (Điều 13): every object private, read only through a signed URL that
    # groundwork.storage.private_file_response gives after a permission check. No custom domain: a CDN in front
    # would serve them unsigned.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **s3_service,
            "bucket_name": os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
            "custom_domain": None,
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": PRIVATE_FILE_URL_EXPIRE,
            "signature_version": "s3v4",
        },
    }

# Where public media are served from when not from the portal's own hosts: the Content-Security-Policy lets images
# and audio/video come from there, and nothing else.
if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
    MEDIA_ORIGINS = [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
elif os.environ.get("AWS_S3_ENDPOINT_URL"):
    MEDIA_ORIGINS = [os.environ["AWS_S3_ENDPOINT_URL"].rstrip("/")]
elif os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    MEDIA_ORIGINS = [f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"]
else:
    MEDIA_ORIGINS = []

# Security headers, sent by groundwork.headers.SecurityHeadersMiddleware on every response (issue 11). The public site
# runs no inline code and loads nothing from another origin (tests/groundwork/test_security_headers.py keeps inline
# code out of the templates); embeds of other sites are off for the same reason.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
    "font-src": ["'self'"],
    "media-src": ["'self'", *MEDIA_ORIGINS],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin, as measured in a browser (tests/browser/test_security_headers.py): its widgets (dates, inline
# panels) write inline scripts and its editor sets style attributes; image uploads are previewed from blob: URLs;
# the page editor frames its own preview. Still nothing from another origin.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Browser features no page of the portal uses, off for every page and anything it might frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
X_FRAME_OPTIONS = "DENY"  # the admin's previews say SAMEORIGIN themselves, as frame-ancestors does above
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Closed dossiers (handed back or refused) are kept this long, then purged with their files by
# `manage.py purge_dossiers` (daily, from cron); a record of each purge stays in the access log.
SERVICES_DOSSIER_RETENTION_DAYS = int(os.environ.get("SERVICES_DOSSIER_RETENTION_DAYS", "1826"))

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))  # a hung SMTP server must not hold a worker forever
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"no-reply@{PORTAL_DOMAIN}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "wagtailadmin_login"

# The proxies whose X-Forwarded-For is believed (groundwork.abuse.client_ip), as networks.
try:
    PORTAL_TRUSTED_PROXIES = [
        str(ipaddress.ip_network(item, strict=False)) for item in env_list("PORTAL_TRUSTED_PROXIES")
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"PORTAL_TRUSTED_PROXIES: {error}") from error

# Sign-in lockout (django-axes, counted in the database so a restart does not forget it): an account after
# LOGIN_FAILURES_PER_ACCOUNT failures, a client address after LOGIN_FAILURES_PER_ADDRESS (several people may share
# an office's address), for LOGIN_LOCKOUT_MINUTES after the last failure. Administrators list and lift lockouts
# under Settings → "Khóa đăng nhập" (signin/).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "5"))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30"))
AXES_HANDLER = "signin.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order: LockoutHandler reads them so
AXES_FAILURE_LIMIT = LOGIN_FAILURES_PER_ACCOUNT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_CLIENT_IP_CALLABLE = "groundwork.abuse.client_ip"
AXES_LOCKOUT_CALLABLE = "signin.lockout.lockout_response"
# A successful sign-in does not clear the counts: axes would clear the client address's too, so that anyone with
# one account could reset their address's count between guesses at others.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted; the lockouts are listed in Wagtail's
WAGTAILADMIN_USER_LOGIN_FORM = "signin.forms.LoginForm"

# Password reset: requests an hour per e-mail address and per client address; e-mails go through the mail queue.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "signin.forms.PasswordResetForm"  # noqa: S105 - a class, not a password
PASSWORD_RESETS_PER_EMAIL = int(os.environ.get("PASSWORD_RESETS_PER_EMAIL", "3"))
PASSWORD_RESETS_PER_ADDRESS = int(os.environ.get("PASSWORD_RESETS_PER_ADDRESS", "10"))
PASSWORD_RESET_TIMEOUT = 3600  # a reset link works for an hour (Django's default: three days)

# Staff: every admin role signs in with a password and a code from an authenticator app (signin), and a staff
# session ends after STAFF_SESSION_IDLE_MINUTES idle or STAFF_SESSION_MAX_HOURS from sign-in (signin.sessions).
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
STAFF_SESSION_MAX_HOURS = int(os.environ.get("STAFF_SESSION_MAX_HOURS", "12"))
# Visitors: the longest use of a session is a dossier looked up on the tracking page, open 2 hours
# (services.tracking.SESSION_SECONDS); a session lives that long after its last change, not Django's two weeks.
SESSION_COOKIE_AGE = 2 * 3600

# Background work (e-mail: groundwork/mail.py; Wagtail's search and reference indexes, file deletion) is queued in
# the database, in the transaction that asks for it, and run by `manage.py run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task RUNNING this long was left by a worker that stopped: run_worker queues it again. Sending an e-mail takes a
# few SMTP exchanges of up to EMAIL_TIMEOUT each; Wagtail's tasks take seconds.
TASKS_STALE_AFTER = int(os.environ.get("TASKS_STALE_AFTER", str(20 * EMAIL_TIMEOUT)))
# /readyz says "tasks" down when a task due to run has waited this long: no worker is taking them.
READY_TASKS_MAX_AGE = int(os.environ.get("READY_TASKS_MAX_AGE", "300"))

# Wagtail
WAGTAIL_SITE_NAME = "Cổng TTĐT tỉnh Quảng Ngãi"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name authenticator apps show beside the portal's codes
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{PORTAL_DOMAIN}")
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # Vietnamese slugs are folded: "Tin tức" -> "tin-tuc".
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no outside host (nor in the admin's policy): Wagtail's own default avatar
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip", "rar"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "groundwork.uploads.CheckedDocumentForm"
PORTAL_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The database is on SSD, like any server today: PostgreSQL's default random_page_cost (4, for spinning
    # disks) makes it read the whole documents table rather than use the text index for broad searches.
    # (Behind PgBouncer in transaction mode, set it on the server instead: it refuses startup options.)
    for database in DATABASES.values():
        database.setdefault("OPTIONS", {})["options"] = "-c random_page_cost=1.1"
    # Diacritic-insensitive full text search; the configuration is created by vietnam's migrations.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "vi_unaccent"

# The front cache (Varnish, deploy/varnish/): frontcache.purging bans what a change makes stale, through each Varnish
# at FRONT_CACHE_PURGE_URL (comma-separated, e.g. "http://127.0.0.1:8080"). Unset (the demo, the tests): no purging.
# Not Wagtail's frontend_cache app, whose handlers purge only the page and mistake our unprefixed Vietnamese URLs;
# WAGTAILFRONTENDCACHE_LANGUAGES empty keeps its task from rewriting the languages of the URLs it is given.
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "frontcache.backends.VarnishBackend", "LOCATION": location}
    for number, location in enumerate(env_list("FRONT_CACHE_PURGE_URL"), start=1)
}
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Wagtail's search (the admin's, the procedures catalogue's, questions') on OpenSearch or Elasticsearch instead of the
# database, when one database no longer carries it: SEARCH_URL names the server (several, comma-separated, for a
# cluster; https://user:password@host:9200), SEARCH_BACKEND its kind and major version (the client package of that
# version must be installed: requirements-opensearch.txt), SEARCH_INDEX_PREFIX the prefix of the portal's indexes.
# After switching, `manage.py update_index` fills the indexes. See README.md, "Past one machine".
SEARCH_BACKEND_KINDS = ["opensearch2", "opensearch3", "elasticsearch7", "elasticsearch8", "elasticsearch9"]
if os.environ.get("SEARCH_URL"):
    search_kind = os.environ.get("SEARCH_BACKEND", "opensearch2")
    if search_kind not in SEARCH_BACKEND_KINDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKEND_KINDS)}, not {search_kind!r}."
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{search_kind}",
            "URLS": [url.strip() for url in os.environ["SEARCH_URL"].split(",") if url.strip()],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": 5,
            # Vietnamese searched without its marks, as the database's vi_unaccent does: asciifolding folds
            # "Nghĩa" to "nghia" and "Đường" to "duong" in every text field that names no analyzer of its own.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["lowercase", "asciifolding"],
                            }
                        }
                    }
                }
            },
        }
    }

# English content must pass the site's BBT like Vietnamese content (R3): a new translation starts as
# a draft copy edited in the ordinary page editor, where the site's workflow applies, instead of
# wagtail-localize's synced editor, whose "publish" paths skip the workflow.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def logging_settings(log_format: str) -> dict:
    """Django's LOGGING: everything to the console (systemd's journal in production), as plain lines or as one JSON
    object a line with the request id (groundwork.logs); `log_format` is "plain" or "json"."""
    if log_format not in ("plain", "json"):
        raise ImproperlyConfigured(f'LOG_FORMAT must be "plain" or "json", not {log_format!r}.')
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "groundwork.logs.JsonFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.request": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            # At DEBUG these log every S3 request: object names (the names of citizens' files) and headers.
            "boto3": {"level": "WARNING"},
            "botocore": {"level": "WARNING"},
            "s3transfer": {"level": "WARNING"},
            "urllib3": {"level": "WARNING"},
        },
    }


LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = logging_settings(LOG_FORMAT)
