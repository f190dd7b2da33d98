"""Every page names its icon, and the icon is served: browsers no longer ask for a missing
/favicon.ico on each page (issue 7, defect 7)."""

import re


def test_every_page_links_an_icon_that_is_served(client, db):
    page = client.get("/en/").content.decode()
    match = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert match, "no icon link in the page head"
    response = client.get(match.group(1))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"<svg") and b"<title>Bashk" in body
