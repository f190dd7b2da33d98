"""A fingerprint of every row of every table, to prove that a refused write changed
nothing."""

import functools
import hashlib

from django.apps import apps
from django.db import connection

# Bookkeeping that a request may write whatever it is allowed to do, left out on purpose:
# the session (log-in, messages), a token's last use, and rate-limit and log-in-failure
# counters (a refused attempt is still an attempt, and counting it is the point).
OPERATIONAL = {
    "sessions.session": None,
    "api.apitoken": {"last_used_at"},
    "core.rateevent": None,
    "accounts.loginfailure": None,
}


@functools.cache
def _queries():
    """(label, SQL) for every table, columns in model order, rows by primary key."""
    quote = connection.ops.quote_name
    queries = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        skipped = OPERATIONAL.get(meta.label_lower, set())
        if skipped is None or meta.proxy or not meta.managed:
            continue
        columns = ", ".join(quote(f.column) for f in meta.concrete_fields
                            if f.attname not in skipped)
        queries.append((meta.label_lower, f"SELECT {columns} FROM {quote(meta.db_table)} "
                                          f"ORDER BY {quote(meta.pk.column)}"))
    return tuple(queries)


def snapshot() -> dict:
    """{table: (row count, hash of every row)}, in one plain query per table."""
    tables = {}
    with connection.cursor() as cursor:
        for label, sql in _queries():
            cursor.execute(sql)
            rows = cursor.fetchall()
            tables[label] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return tables


def changed(before: dict, after: dict) -> list[str]:
    """The tables whose rows differ, with their row counts before and after."""
    return [f"{label} ({before.get(label, (0,))[0]} → {after.get(label, (0,))[0]} rows)"
            for label in sorted(set(before) | set(after))
            if before.get(label) != after.get(label)]
