"""Headless Chromium for the journeys in this folder, plus two helpers every journey uses,
as fixtures that return them: ``axe_check(page)`` (accessibility) and
``screenshot(page, name)``.

The browser is Debian's /usr/bin/chromium (scripts/ensure-chromium): Playwright's own
browser downloads are not reachable from CI. axe-core comes from the npm registry
(scripts/ensure-axe). Run these with ``make test-browser``.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("BASHKE_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    # Every test here needs Chromium: mark them all, so `-m "not browser"` never starts it.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium", pytrace=False)
    # Playwright's sync API keeps an event loop running in this thread, and Django refuses
    # ORM calls (call_command, the test database flush) from a thread with a running loop
    # unless told that this is safe. It is here: nothing else runs in that loop. Set only
    # for the browser session, so the other tests keep Django's guard.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Lets the page fixture see whether its test failed, to keep a screenshot of it.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, live_server, request):
    """A fresh page (own cookies, own storage) that can reach only the live server."""
    context = browser.new_context(base_url=live_server.url,
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    server = urlsplit(live_server.url).netloc

    # The site must work with nothing from elsewhere (no CDN fonts, scripts or trackers).
    def only_the_live_server(route):
        if urlsplit(route.request.url).netloc == server:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_the_live_server)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Chromium reports each thing the Content-Security-Policy blocked (an inline style or
    # script, a file from elsewhere) on the console: any of them fails the journey.
    blocked = []
    page.on("console", lambda message: blocked.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        save_screenshot(page, f"FAILED-{request.node.name}")
    context.close()
    assert not errors, "JavaScript errors on the page:\n" + "\n".join(errors)
    assert not blocked, "Content Security Policy violations:\n" + "\n".join(blocked)


@pytest.fixture
def screenshot():
    return save_screenshot


@pytest.fixture
def axe_check():
    return check_accessibility


def save_screenshot(page, name):
    """Saves the whole page as test-artifacts/screenshots/NAME.png; returns the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (re.sub(r"[^\w.-]+", "-", name).strip("-") + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


def check_accessibility(page, *, context=None):
    """Runs axe-core on the page and fails on any serious or critical violation.

    Returns every violation found (minor and moderate ones too) for tests that want more.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: run scripts/ensure-axe",
                    pytrace=False)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy
        # does not govern; an added <script> tag would be refused as inline script.
        page.evaluate(AXE.read_text() + "\n;undefined")
    results = page.evaluate("(context) => axe.run(context || document)", context)
    violations = results["violations"]
    if violations:
        print(f"axe on {page.url}:\n{describe(violations)}")
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, (
        f"axe found {len(blocking)} serious or critical accessibility violation(s) on "
        f"{page.url}:\n{describe(blocking)}")
    return violations


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"- [{violation.get('impact')}] {violation['id']}: {violation['help']}"
                     f" ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}\n      {node['html'][:160]}\n      {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)
