"""The services app's admin, one module per concern as in Wagtail's contrib apps.

`permissions.py` (who sees dossiers, who keeps roadmaps), `filters.py`, `forms.py`, and `views/` by admin area:
`dossiers.py` (the one-stop desk's inbox and handling page), `statistics.py` (the services' numbers, the roadmap
and the province's report). Nothing here registers itself: services/wagtail_hooks.py does.
"""
