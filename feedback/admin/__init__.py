"""The feedback app's admin, one module per concern as in Wagtail's contrib apps.

`permissions.py` (who sees questions, who moderates comments), `filters.py`, `forms.py` (the question handling
page's steps), and `views/` by admin area: `questions.py` (the inbox, its handling page, the answering units) and
`consultations.py` (the comments' moderation and its bulk actions). Nothing here registers itself:
feedback/wagtail_hooks.py does.
"""
