"""The performance benches (`make bench`, `make bench-load`): kept apart from the test suite.

`python -m bench` seeds a dedicated PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/portal_bench) with 50 sites and 100,000 legal documents, times
20 representative searches through the real /van-ban/ pages, counts their SQL queries, and times
`manage.py import_documents` on a 10,000-row CSV. See bench/__main__.py for the options.

`python -m bench.feedback_load` (`make bench-load`): the question form under load through gunicorn; see its docstring.
"""
