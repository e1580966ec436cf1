"""The front cache (Varnish, deploy/varnish/portal.vcl): what to purge when content changes, how to ask Varnish, and
how to start it with the repository's VCL (deploy/serve-prod, the tests).

- `purging`: the URLs a change of a page makes stale (the page in every language, its listings, the site's home
  pages, feeds, sitemaps and search, the portal's home where it aggregates agencies' news), sent after the
  transaction commits, as one task per transaction (Wagtail's `purge_urls_from_cache`).
- `backends.VarnishBackend`: Wagtail's HTTP backend, sending Varnish a BAN of a path with its query strings, or of
  a whole prefix.
- `varnish`: the backends.vcl of a set of application servers, and a varnishd started on it.
"""
