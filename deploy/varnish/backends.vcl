# The one-machine default for portal.vcl: gunicorn on 127.0.0.1:8000, purges from this machine only, the maintenance
# page written by `manage.py render_maintenance_page /var/lib/portal/maintenance`. deploy/serve-prod and the tests
# write their own (frontcache/varnish.py, render_backends) into a folder listed before this one in vcl_path.
import directors;
import std;

probe portal_health {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app_1 {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = portal_health;
    .host_header = "quangngai.gov.vn";  # PORTAL_DOMAIN: the probe's Host must be one Django allows
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app_1);
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub portal_maintenance_page {
    set resp.body = std.fileread("/var/lib/portal/maintenance/maintenance.html");
}

sub portal_default_ttl {
    set beresp.ttl = 120s;
}
