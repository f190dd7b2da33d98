"""Reading docs/permissions-matrix.md (the table of who may do what), and listing what the
site serves — every named URL pattern and every API operation — so that the test can hold
one against the other."""

from dataclasses import dataclass
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

TABLE = Path(__file__).resolve().parents[2] / "docs" / "permissions-matrix.md"

# Column headings in the table, in order, and the persona each stands for.
COLUMNS = {
    "anon": "anonymous", "citizen": "citizen", "cso": "cso_member", "author": "author",
    "assessor": "assessor", "oth-leader": "other_component_leader",
    "oth-coord": "other_plan_coordinator", "oth-mod": "other_plan_moderator",
    "staff": "staff", "coord": "coordinator", "super": "superuser",
}
# What a cell may say: ok = allowed; no = refused (403; for the anonymous visitor also the
# log-in page or a 401); login = sent to log in (401 from the API); 404 = not found.
CELLS = {"ok", "no", "login", "404"}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}

# Not walked here, and why:
# - the Django admin's own URLs ("admin:…"): which plans an admin page shows is tested in
#   tests/plans/test_plans_admin.py and tests/accounts/test_accounts_admin.py;
# - static and media files: served by WhiteNoise / the web server, not by a view;
# - the API's operations by URL name: each is a row of its own under its method and path,
#   walked from the OpenAPI document.
SKIPPED_NAMESPACES = ("admin",)
API_NAMESPACE = "api"


@dataclass(frozen=True)
class Row:
    key: str          # "consultation:meeting GET draft" or "GET /api/v1/plans/{slug}"
    cells: dict       # persona -> cell
    why: str

    @property
    def is_api(self):
        return self.key.split()[0] in METHODS

    @property
    def route(self):
        """(URL name, method) or (method, API path): what the row must match."""
        parts = self.key.split()
        return (parts[0], parts[1])

    @property
    def method(self):
        parts = self.key.split()
        return parts[0] if self.is_api else parts[1]


class TableError(ValueError):
    pass


def _cells(line):
    line = line.strip()
    return [cell.strip() for cell in line.strip("|").split("|")]


def read(path=TABLE):
    """The rows of every table in the file whose heading starts with "row"."""
    rows, headings = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("|"):
            headings = None
            continue
        cells = _cells(line)
        if cells[0] == "row":
            headings = cells
            expected = ["row", *COLUMNS, "why"]
            if headings != expected:
                raise TableError(f"line {number}: the columns must be {' | '.join(expected)}")
            continue
        if headings is None or set(cells[0]) <= {"-", ":", " "}:
            continue
        if len(cells) != len(headings):
            raise TableError(f"line {number}: {len(cells)} cells, expected {len(headings)}")
        key = cells[0].replace("`", "").strip()
        values = dict(zip(COLUMNS.values(), cells[1:-1], strict=True))
        bad = {persona: v for persona, v in values.items() if v not in CELLS}
        if bad:
            raise TableError(f"line {number} ({key}): cells must be one of {sorted(CELLS)}, "
                             f"got {bad}")
        parts = key.split()
        if len(parts) < 2 or (parts[0] not in METHODS and parts[1] not in METHODS):
            raise TableError(f"line {number}: a row is 'name METHOD [variant]' or "
                             f"'METHOD /path [variant]', got {key!r}")
        rows.append(Row(key, values, cells[-1]))
    keys = [row.key for row in rows]
    twice = {key for key in keys if keys.count(key) > 1}
    if twice:
        raise TableError(f"rows given twice: {sorted(twice)}")
    return rows


def _walk(patterns, namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield ":".join((*namespaces, pattern.name or "")), namespaces, pattern


def _is_api_operation(pattern):
    # django-ninja serves each path's operations through one PathView; its other URLs
    # (the OpenAPI document, the docs page, the index) are ordinary views with rows here.
    return getattr(pattern.callback, "__qualname__", "").startswith("PathView.")


def url_names():
    """Every named URL pattern of the site (i18n ones once), but the skipped ones."""
    names = set()
    for name, namespaces, pattern in _walk(get_resolver().url_patterns):
        if namespaces[:1] and namespaces[0] in SKIPPED_NAMESPACES:
            continue
        if namespaces[:1] == (API_NAMESPACE,) and _is_api_operation(pattern):
            continue
        if name.endswith(":") or not name:
            raise TableError(f"an unnamed URL pattern ({pattern.pattern}): name it, so "
                             "that the permission matrix can have a row for it")
        names.add(name)
    return names


def api_operations():
    """{(METHOD, path)} of every operation in the OpenAPI document."""
    from bashke.api.urls import api

    schema = api.get_openapi_schema()
    return {(method.upper(), path) for path, operations in schema["paths"].items()
            for method in operations if method.upper() in METHODS}

