"""What every app of the portal builds on, and nothing domain-specific.

One module per concern: `abuse` (rate limits, honeypot, the client's address), `cache` (Redis that degrades),
`deadlines` (the admin's due-date filter and column), `forms` (what public forms share), `headers` (security
headers), `lists` (the named lists editors choose from, and their admin), `mail` (the mail queue), `paging`,
`spreadsheets` (CSV and Excel answers), `storage` (private files), `uploads` (checking files by content).
Apps may import it; it imports no app of the portal except `vietnam` (text and calendar) and `outbox`.
"""
