# The portal's front cache (Varnish 7.1, Debian's package), in front of gunicorn.
#
# backends.vcl, included first, says where the application servers are (the director "app"), who may purge
# ("purgers"), which maintenance page to show (sub portal_maintenance_page) and how long to keep a page that says
# nothing (sub portal_default_ttl). deploy/varnish/backends.vcl is the
# one-machine default; deploy/serve-prod and the tests write their own into a folder listed first in vcl_path.
#
# What is cached: anonymous GET and HEAD of public pages, one copy per host and URL, whatever the visitor's cookies
# or languages (the language is in the URL: Vietnamese unprefixed, English under /en/). Passed to the application
# every time: the admin, anything but GET/HEAD, a visitor with a session (staff signed in, a citizen following a
# dossier), forms, lookups and status pages, files (/documents/ checks permissions), previews. The application's
# Cache-Control decides the rest (private/no-store: never stored; s-maxage or max-age: the time to keep); without one
# a page is kept for backends.vcl's portal_default_ttl. Requests come without cookies nor Accept-Language, so the
# app's "Vary: Accept-Language, Cookie" makes one copy, not one per browser.
#
# When the application fails (5xx, unreachable, unhealthy), a stale copy is served for up to a day; without one,
# the static maintenance page with 503. Never Varnish's own error page.
#
# Purging, only from "purgers": PURGE <path> drops that URL on its Host; BAN <path> drops the path with any query
# string (its pages and filters), and with "X-Ban-Prefix: 1" every URL under it (frontcache/backends.py sends both).
vcl 4.1;

import std;

include "backends.vcl";


sub vcl_recv {
    set req.backend_hint = app.backend();

    # One key per site whatever port or case the visitor typed.
    set req.http.X-Portal-Host = regsub(std.tolower(req.http.Host), ":[0-9]+$", "");

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # The path as a regular expression: its special characters escaped.
        set req.http.X-Ban-Path = regsuball(regsub(req.url, "\?.*$", ""), "([.+*?()\[\]{}|^$\\])", "\\\1");
        if (req.http.X-Ban-Prefix == "1") {
            ban("obj.http.X-Portal-Host == " + req.http.X-Portal-Host + " && obj.http.X-Portal-Url ~ ^" + req.http.X-Ban-Path);
        } else {
            ban("obj.http.X-Portal-Host == " + req.http.X-Portal-Host + " && obj.http.X-Portal-Url ~ ^" + req.http.X-Ban-Path + "(\?|$)");
        }
        return (synth(200, "Banned"));
    }

    # A restart after the application failed (vcl_synth), for a cacheable request only: any stale copy will do.
    if (req.restarts > 0) {
        set req.grace = 24h;
        return (hash);
    }
    unset req.http.X-Cache;
    unset req.http.X-Portal-Cacheable;
    # A healthy application refreshes a stale copy in the background for 30 s at most; a sick one is spared.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Signed-in staff and citizens following a dossier have a session: they see fresh pages, never cached ones.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.url ~ "^/(en/)?(admin|documents|healthz|readyz|huy-nhan-tin|csrf-token|usage)(/|\?|$)"
        || req.url ~ "/(tra-cuu|track|tra-cuu-ho-so|track-dossier|lay-lai-ma-bao-mat|recover-security-code|gui-cau-hoi|ask|da-gui|sent|nop-truc-tuyen|apply-online|da-nop|submitted|xac-nhan|confirm|quan-ly|manage|csrf)(/|\?|$)"
        || req.url ~ "[?&](preview|token)=") {
        return (pass);
    }

    # Cached for everyone alike: no cookie, one language, tracking parameters dropped, parameters sorted.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|zarsrc|_ga)=[^&]*(&|$)", "");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    set req.http.X-Portal-Cacheable = "1";
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Portal-Host);
    return (lookup);
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        set req.http.X-Cache = "HIT";
    } else {
        set req.http.X-Cache = "HIT-STALE";
    }
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
    unset bereq.http.X-Portal-Cacheable;
}

sub vcl_backend_response {
    # Kept on the object for bans (the ban lurker reads objects, not requests); taken off before delivery.
    set beresp.http.X-Portal-Host = bereq.http.X-Portal-Host;
    set beresp.http.X-Portal-Url = bereq.url;

    if (beresp.status >= 500) {
        # Keep the stale copy a background refresh would have replaced; a visitor's fetch is restarted onto it.
        return (abandon);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Personal or per-visitor: never stored, and not asked again for two minutes whether it is.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        call portal_default_ttl;
    }
    # A stale copy may be served for a day while the application is down (stale-if-error); healthy, it is
    # refreshed in the background within req.grace (vcl_recv).
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_backend_error {
    # The application is unreachable: the visitor's request restarts onto a stale copy or the maintenance page.
    return (abandon);
}

sub vcl_deliver {
    unset resp.http.X-Portal-Host;
    unset resp.http.X-Portal-Url;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    set resp.http.X-Cache = req.http.X-Cache;
    if (!resp.http.X-Cache) {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && req.http.X-Portal-Cacheable) {
        return (restart);
    }
    set resp.http.X-Cache = "SYNTH";
    set resp.http.Cache-Control = "no-store";
    if (resp.status == 503) {
        set resp.http.Retry-After = "60";
        set resp.http.Content-Type = "text/html; charset=utf-8";
        call portal_maintenance_page;
    } else {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason;
    }
    return (deliver);
}
