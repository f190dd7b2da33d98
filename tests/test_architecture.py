"""Imports run one way (design.md, "Architecture"):

    core ← accounts ← plans ← consultation ← analysis ← assessment ← drafting ← monitoring

An app may import the apps before it in that line, never those after it. ``exports`` and
``api`` read from any app, and nothing imports them. The project wiring (settings, config
and the root URLconf, which mounts the API) may import anything.

The check reads the source with :mod:`ast`, so it sees imports inside functions and under
``TYPE_CHECKING`` too: a cycle that only shows at run time in one code path is still a
cycle.
"""

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "bashke"
PACKAGE_DIR = Path(__file__).resolve().parent.parent / PACKAGE

LAYERS = ["core", "accounts", "plans", "consultation", "analysis", "assessment", "drafting",
          "monitoring"]
READERS = {"exports", "api"}
# The API serves the exports' files (the action plan table, the co-creation report) from
# the same writers as the pages' downloads; exports never imports the API.
READER_READS = {("api", "exports")}
# Modules of the project package itself (not apps) that assemble everything.
WIRING = {"settings", "config", "urls"}
# Folders under bashke/ that hold no Python app.
NOT_APPS = {"templates", "static", "locale", "__pycache__"}


@dataclass(frozen=True)
class Violation:
    path: Path
    line: int
    source: str
    target: str
    reason: str

    def __str__(self):
        return f"{self.path}:{self.line} ({self.source}) → {self.target}: {self.reason}"


def owner_of(path: Path, root: Path) -> str:
    """The app a file belongs to, or the top-level module's name (``settings``, ``cli``)."""
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else path.stem


def module_name(path: Path, root: Path) -> list[str]:
    parts = [PACKAGE, *path.relative_to(root).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(tree: ast.AST, path: Path, root: Path):
    """(line, absolute dotted name) of every import in the file, relative ones resolved."""
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            if prefix == PACKAGE:
                # `from bashke import plans` imports the app named by each alias.
                for alias in node.names:
                    yield node.lineno, f"{PACKAGE}.{alias.name}"
            else:
                yield node.lineno, prefix


def target_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    return parts[1]


def why_forbidden(source: str, target: str) -> str | None:
    if source == target or source in WIRING:
        return None
    if (source, target) in READER_READS:
        return None
    if target in READERS:
        return f"nothing imports {target} (only {PACKAGE}/urls.py mounts the API)"
    if target == "settings":
        return "read settings through django.conf.settings"
    if target == "urls":
        return "the root URLconf imports every app; reverse() URLs by name instead"
    if source in READERS or target not in LAYERS:
        # Readers may read any app; non-app modules (config, text helpers at the top) are
        # shared by all.
        return None
    if source in LAYERS and LAYERS.index(target) > LAYERS.index(source):
        return f"{source} comes before {target} ({' ← '.join(LAYERS)})"
    return None


def check_file(path: Path, root: Path = PACKAGE_DIR) -> list[Violation]:
    source = owner_of(path, root)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for line, dotted in imported_modules(tree, path, root):
        target = target_of(dotted)
        reason = target and why_forbidden(source, target)
        if reason:
            found.append(Violation(path.relative_to(root.parent), line, source, target, reason))
    return found


def check_package(root: Path = PACKAGE_DIR) -> list[Violation]:
    found = []
    for path in sorted(root.rglob("*.py")):
        found.extend(check_file(path, root))
    return found


def unknown_apps(root: Path = PACKAGE_DIR) -> list[str]:
    """App folders the layering does not place: the check would wave their imports through."""
    return sorted(
        child.name for child in root.iterdir()
        if child.is_dir() and child.name not in NOT_APPS
        and child.name not in LAYERS and child.name not in READERS
        and any(child.rglob("*.py"))
    )


def test_imports_run_one_way():
    violations = check_package()
    assert not violations, "Imports against the direction of design.md:\n" + "\n".join(
        f"  {violation}" for violation in violations)


def test_every_app_has_a_place_in_the_layering():
    assert not unknown_apps(), (
        f"Apps not in the import layering: {', '.join(unknown_apps())}. Add each to LAYERS "
        f"or READERS in {Path(__file__).name} (and to design.md).")


def test_the_apps_in_settings_are_those_checked():
    from django.conf import settings

    installed = {app.split(".")[1] for app in settings.INSTALLED_APPS
                 if app.startswith(f"{PACKAGE}.")}
    assert installed <= set(LAYERS) | READERS


# The checker checks itself, on a synthetic package laid out like the real one.

def write(root: Path, relative: str, code: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code))
    return path


def test_checker_flags_an_import_against_the_layering(tmp_path):
    root = tmp_path / PACKAGE
    bad = write(root, "core/models.py", """\
        import datetime

        from bashke.plans.models import ActionPlan
        """)

    [violation] = check_file(bad, root)

    assert (violation.line, violation.source, violation.target) == (3, "core", "plans")
    assert str(violation).startswith(f"{Path(PACKAGE, 'core', 'models.py')}:3 (core) → plans")


def test_checker_flags_relative_nested_and_package_imports(tmp_path):
    root = tmp_path / PACKAGE
    bad = write(root, "accounts/views.py", """\
        from ..consultation import services
        from bashke import monitoring


        def later():
            import bashke.drafting.models
        """)

    assert [(v.line, v.target) for v in check_file(bad, root)] == [
        (1, "consultation"), (2, "monitoring"), (6, "drafting")]


def test_checker_flags_imports_of_exports_and_api(tmp_path):
    root = tmp_path / PACKAGE
    bad = write(root, "monitoring/views.py", "from bashke.exports import xlsx\n")
    also_bad = write(root, "exports/feeds.py", "from bashke.api.schemas import PlanOut\n")

    assert [v.target for v in check_file(bad, root)] == ["exports"]
    assert [v.target for v in check_file(also_bad, root)] == ["api"]


def test_checker_flags_apps_importing_the_wiring(tmp_path):
    root = tmp_path / PACKAGE
    bad = write(root, "plans/views.py", "from bashke import settings\nfrom bashke.urls import x\n")

    assert [v.target for v in check_file(bad, root)] == ["settings", "urls"]


def test_checker_allows_what_design_allows(tmp_path):
    root = tmp_path / PACKAGE
    files = [
        write(root, "monitoring/models.py", "from bashke.core import audit\n"
                                            "from bashke.drafting.models import Measure\n"),
        write(root, "plans/services.py", "from . import models\nfrom .models import Stage\n"
                                         "from bashke import config\n"),
        write(root, "exports/xlsx.py", "from bashke.monitoring.models import Progress\n"),
        write(root, "api/plans.py", "from bashke.drafting.models import Measure\n"),
        # The wiring: the root URLconf mounts the API, settings may name anything.
        write(root, "urls.py", "from bashke.api.urls import api\n"),
        write(root, "settings.py", "from bashke.exports import FORMATS\n"),
        write(root, "config.py", "import bashke.monitoring\n"),
    ]

    assert [violation for path in files for violation in check_file(path, root)] == []


def test_checker_finds_apps_without_a_place(tmp_path):
    root = tmp_path / PACKAGE
    write(root, "core/models.py", "")
    write(root, "gamification/models.py", "")
    (root / "templates").mkdir()

    assert unknown_apps(root) == ["gamification"]
