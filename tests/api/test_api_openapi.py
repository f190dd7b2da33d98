"""The OpenAPI document is valid OpenAPI 3 and has no repeated key anywhere (a JSON parser
keeps the last of two, but the docs page's YAML parser refuses the document)."""

import json

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def no_repeated_keys(pairs):
    keys = [key for key, _value in pairs]
    repeated = {key for key in keys if keys.count(key) > 1}
    assert not repeated, f"repeated keys {sorted(repeated)} among {keys}"
    return dict(pairs)


def test_the_document_validates_and_repeats_no_key(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = json.loads(response.content, object_pairs_hook=no_repeated_keys)
    validate(spec)
    docx = spec["paths"]["/api/v1/plans/{slug}/ideas/form.docx"]["get"]["responses"]
    assert set(docx) == {"200", "404", "422"}
    assert "binary" in json.dumps(docx["200"]["content"])


def test_the_repeated_key_check_catches_one():
    with pytest.raises(AssertionError, match="repeated keys"):
        json.loads('{"responses": {"200": {}, "200": {}}}', object_pairs_hook=no_repeated_keys)


def test_operations_taking_ids_document_their_422(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if any(p.get("schema", {}).get("type") == "integer"
                   for p in operation.get("parameters", [])) or "requestBody" in operation:
                assert "422" in operation["responses"], f"{method.upper()} {path}"


def test_no_two_schemas_share_a_name():
    """The OpenAPI document keys schemas by class name: two routers each defining
    ``GoalOut`` would silently describe one with the other's fields."""
    import importlib
    import pkgutil

    from ninja import Schema

    import bashke.api.routers as routers

    owners = {}
    modules = [importlib.import_module("bashke.api.schemas")] + [
        importlib.import_module(f"bashke.api.routers.{info.name}")
        for info in pkgutil.iter_modules(routers.__path__)]
    for module in modules:
        for name, value in vars(module).items():
            if (isinstance(value, type) and issubclass(value, Schema)
                    and value.__module__ == module.__name__):
                owners.setdefault(name, []).append(module.__name__)
    shared = {name: where for name, where in owners.items() if len(where) > 1}
    assert not shared, shared
