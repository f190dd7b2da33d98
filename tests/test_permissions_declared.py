"""Every permission declared in a rules module is asked somewhere outside the rules modules:
a permission that no code checks is a promise that nobody keeps (and a rule that nobody
tests through a page)."""

import re
from pathlib import Path

import rules.permissions

import bashke

SOURCE = Path(bashke.__file__).parent


def _is_rules_module(path: Path) -> bool:
    return path.name == "rules.py" or "rules" in path.relative_to(SOURCE).parts[:-1]


def asked_permissions() -> set[str]:
    """Every quoted "app.codename" in the code and templates outside the rules modules."""
    found = set()
    for path in SOURCE.rglob("*"):
        if path.suffix not in {".py", ".html"} or _is_rules_module(path):
            continue
        if "migrations" in path.parts:
            continue
        found |= set(re.findall(r"""["']([a-z_]+\.[a-z_]+)["']""", path.read_text()))
    return found


def declared_permissions() -> set[str]:
    return set(rules.permissions.permissions)


def test_the_registry_is_what_the_rules_modules_declare():
    declared = declared_permissions()
    # A sample from each app, so that an empty registry cannot pass the test below.
    assert {"core.view_public", "accounts.manage_own_account", "plans.change_plan",
            "consultation.manage_meeting"} <= declared
    assert all(rules.permissions.perm_exists(name) for name in declared)


def test_every_declared_permission_is_asked_by_some_code():
    unused = declared_permissions() - asked_permissions()
    assert not unused, (
        "Declared in a rules module but asked nowhere (ask it through "
        f"bashke.core.permissions, or remove it): {', '.join(sorted(unused))}")


def test_the_check_finds_a_permission_nobody_asks(monkeypatch):
    rules.permissions.add_perm("consultation.nobody_asks_this", rules.always_allow)
    try:
        assert "consultation.nobody_asks_this" in declared_permissions() - asked_permissions()
    finally:
        rules.permissions.remove_perm("consultation.nobody_asks_this")


def test_no_code_outside_the_kernel_asks_django_directly():
    """Services, views, forms, the API and the admin ask ``allowed``/``require``; a direct
    ``has_perm`` would skip the record that proves each page made a decision."""
    offenders = []
    for path in SOURCE.rglob("*.py"):
        if _is_rules_module(path) or path == SOURCE / "core" / "permissions.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if ".has_perm(" in line or re.search(r"\bis_staff\s*(or|and|\))", line):
                offenders.append(f"{path.relative_to(SOURCE)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
