"""Every interface string exists in Albanian, and the catalogues match the code.

The check re-extracts the strings from a copy of the code with Django's makemessages (the
same command as `make messages`) and compares them with the committed catalogues, so a
string added, changed or removed without `make messages` fails here.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import bashke

PACKAGE = Path(bashke.__file__).parent
LOCALE = PACKAGE / "locale"


def catalogue(language, root=PACKAGE):
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


def msgids(po):
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


@pytest.fixture(scope="module")
def fresh_extraction(tmp_path_factory):
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is not installed: run scripts/ensure-gettext (make test does).")
    copy = tmp_path_factory.mktemp("i18n") / "bashke"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    env = {**os.environ, "PYTHONPATH": str(copy.parent),
           "DJANGO_SETTINGS_MODULE": "bashke.settings",
           "BASHKE_VAR_DIR": str(copy.parent / "var")}
    subprocess.run([sys.executable, "-m", "django", "makemessages", "--locale", "sq",
                    "--locale", "en", "--no-obsolete", "--no-location"],
                   cwd=copy, env=env, check=True, capture_output=True)
    return copy


@pytest.mark.parametrize("language", ["sq", "en"])
def test_catalogues_are_current(fresh_extraction, language):
    committed = msgids(catalogue(language))
    fresh = msgids(catalogue(language, fresh_extraction))
    missing = sorted(msgid for _ctx, msgid in fresh - committed)
    stale = sorted(msgid for _ctx, msgid in committed - fresh)
    assert not missing and not stale, (
        f"Run `make messages`. New strings: {missing[:10]}; strings no longer used: {stale[:10]}")


def test_every_string_is_translated_into_albanian():
    po = catalogue("sq")
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} strings lack Albanian: {untranslated[:15]}"
    assert not fuzzy, f"{len(fuzzy)} Albanian strings are marked fuzzy: {fuzzy[:15]}"


def test_compiled_catalogues_match_the_sources():
    for language in ("sq", "en"):
        source = catalogue(language)
        compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
        # Keyed with the context too: one English word can have two translations (pgettext).
        translated = {(e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries()
                      if not e.msgid_plural}
        shipped = {(e.msgctxt, e.msgid): e.msgstr for e in compiled if not e.msgid_plural}
        assert {k: v for k, v in translated.items() if k[1]} == {
            k: v for k, v in shipped.items() if k[1]}, f"Run `make messages` ({language})."
