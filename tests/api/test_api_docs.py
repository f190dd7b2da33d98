"""The OpenAPI document and its docs page, which must work with no internet access."""

import json
import re


def test_openapi_document_lists_the_endpoints(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Bashkë open data API"
    assert {"/api/v1/plans", "/api/v1/plans/{slug}", "/api/v1/me"} <= set(spec["paths"])
    # Only /me needs a token, and it says which kind.
    assert spec["paths"]["/api/v1/me"]["get"]["security"] == [{"BearerToken": []}]
    assert "security" not in spec["paths"]["/api/v1/plans"]["get"]
    assert spec["components"]["securitySchemes"]["BearerToken"] == {"type": "http",
                                                                    "scheme": "bearer"}
    # Errors and filters are documented, generated from the code.
    detail = spec["paths"]["/api/v1/plans/{slug}"]["get"]
    assert {"200", "404", "422"} <= set(detail["responses"])
    list_parameters = {p["name"] for p in spec["paths"]["/api/v1/plans"]["get"]["parameters"]}
    assert list_parameters == {"lang", "jurisdiction", "status", "limit", "offset"}
    assert spec["components"]["schemas"]["PlanStatus"]["enum"] == [
        "drafting", "consultation", "submitted", "approved", "implementing", "completed"]


def test_docs_page_uses_only_local_static_files(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/openapi.json" in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert any(asset.endswith("swagger-ui.css") for asset in assets)
    for asset in assets:
        assert asset.startswith("/static/"), f"{asset} is not served by us"
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert b"".join(served.streaming_content) if served.streaming else served.content

