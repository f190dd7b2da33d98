"""The language switch names each language as the page's language does ("Anglisht" on an
Albanian page, one term everywhere) and in itself beside it (issue 7, defect 5)."""

import re


def switch(client, path):
    page = client.get(path).content.decode()
    return page.split('class="language-switch"', 1)[1].split("</nav>", 1)[0]


def test_on_albanian_pages_english_is_anglisht_with_its_own_name(client, db):
    nav = switch(client, "/sq/")
    assert '<span aria-current="true">Shqip</span>' in nav
    assert re.search(r'hreflang="en">Anglisht \(<span lang="en">English</span>\)</a>', nav)


def test_on_english_pages_albanian_is_named_in_both(client, db):
    nav = switch(client, "/en/")
    assert '<span aria-current="true">English</span>' in nav
    assert re.search(r'hreflang="sq">Albanian \(<span lang="sq">Shqip</span>\)</a>', nav)
