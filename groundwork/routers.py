"""Searches read from a PostgreSQL read replica, when there is one; everything else stays on the primary.

A replica is optional (DATABASE_REPLICA_URL adds the `replica` database, portal/settings/base.py). Rather than
routing every read, which would send a visitor's lookup right after their submission, or an editor's listing
after a publish, to a copy that may lag behind by a moment, only the code that asks for it reads from the
replica: the public searches and listings, which a visitor only reads and which a lag of a second cannot mislead.

    with replica_reads():
        results = list(search.results)

Inside the block, reads go to the replica unless:
- there is no replica (`settings.DATABASE_READ_REPLICA` unset): the primary, as on one machine;
- the primary is inside a transaction (a request that writes, a test): it reads what it has written;
- something was written in the block already: the reads after it see that write.
Writes always go to the primary. A lazy queryset is routed when it is evaluated: evaluate the results inside the
block (the search classes' cached properties do), not in a template rendered after it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


@dataclass
class _Block:
    """One `replica_reads()` block: whether it has written yet."""

    wrote: bool = False


_block: ContextVar[_Block | None] = ContextVar("replica_reads", default=None)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads in this block go to the read replica (see the module's docstring); usable as a decorator too."""
    token = _block.set(_Block())
    try:
        yield
    finally:
        _block.reset(token)


def replica_alias() -> str | None:
    """The database alias reads in a `replica_reads()` block would go to now, or None for the primary."""
    alias = getattr(settings, "DATABASE_READ_REPLICA", None)
    block = _block.get()
    if not alias or block is None or block.wrote:
        return None
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return None
    return alias


class ReplicaRouter:
    """Django's database router for the replica: reads in `replica_reads()` blocks there, the rest on the primary."""

    def db_for_read(self, model, **hints) -> str:
        # Never None: Django would then read an object's relations from the database the object came from, and
        # the related rows of a search result read after the block would still come from the replica.
        return replica_alias() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        block = _block.get()
        if block is not None:
            block.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # One database copied: an object read from the replica is the primary's row.
        return True

    def allow_migrate(self, db, app_label, **hints) -> bool:
        # The replica receives the primary's schema by replication; never migrated on its own.
        return db != getattr(settings, "DATABASE_READ_REPLICA", None)
