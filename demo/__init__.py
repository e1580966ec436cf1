"""The demo: `manage.py seed_demo` fills three sites with Quảng Ngãi's content in Vietnamese and English.

Its content is data (demo/data/*.yaml, UTF-8, NFC), read by loader.py; the modules beside it hold only what needs
code: storing the content idempotently, generating the PDF files (pdf.py), and playing the dossiers through the
portal's own forms and handling steps. No product app imports this package; the command, the tests and bench/ do.
"""
