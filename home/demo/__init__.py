"""Demo content for `manage.py seed_demo`: the texts (content.py) and the idempotent code that stores them (seed.py)."""
