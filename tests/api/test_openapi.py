"""The OpenAPI schema at /api/v1/openapi.json describes every route and what its replies hold."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from materiel.api import exports, review, routes
from materiel.api.app import API_PATH, create_app

API = API_PATH
ROUTERS = (routes.router, exports.router, review.router)  # what create_app mounts on API


@pytest.fixture
def app(store):
    return create_app(store)


@pytest.fixture
def spec(app) -> dict[str, Any]:
    response = TestClient(app).get(f"{API}/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    return dict(spec["components"]["schemas"][ref.rsplit("/", 1)[1]])


def _properties(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return dict(spec["components"]["schemas"][name]["properties"])


def test_every_route_is_in_the_schema_with_a_documented_success_reply(spec):
    # OpenAPI writes {entity_id:path} as {entity_id}
    served = [(method.lower(), API + re.sub(r":\w+}", "}", route.path), route.status_code or 200)
              for router in ROUTERS for route in router.routes
              if isinstance(route, APIRoute) for method in route.methods]
    assert len(served) >= 17
    assert {path for _, path, _ in served} == {p for p in spec["paths"] if p.startswith(API)}
    for method, path, status in served:
        operation = spec["paths"].get(path, {}).get(method)
        assert operation is not None, f"{method.upper()} {path} is not in the schema"
        reply = operation["responses"].get(str(status))
        assert reply is not None, f"{method.upper()} {path}: no {status} response"
        assert reply.get("content"), f"{method.upper()} {path}: {status} has no content"
        for media, body in reply["content"].items():
            schema = _resolve(spec, body.get("schema", {}))
            described = schema.get("properties") or schema.get("additionalProperties") \
                or schema.get("format") == "binary"
            assert described, f"{method.upper()} {path}: {media} reply is undescribed"


def test_the_linking_fields_are_described(spec):
    event = _properties(spec, "Event")
    for name in ("sources", "canonical_id", "source_outlets", "other_evidence"):
        assert event[name].get("description"), name
    canonical = spec["paths"][f"{API}/canonical/{{canonical_id}}"]["get"]
    reply = canonical["responses"]["200"]["content"]["application/json"]["schema"]
    assert reply == {"$ref": "#/components/schemas/CanonicalEvent"}
    assert {"mentions", "sources", "conflicts", "story"} <= set(_properties(spec,
                                                                            "CanonicalEvent"))


def test_real_replies_hold_only_documented_fields(app, spec):
    client = TestClient(app)
    items = client.get(f"{API}/events", params={"limit": 50}).json()["items"]
    assert items
    documented = set(_properties(spec, "Event"))
    for item in items:
        assert set(item) <= documented, set(item) - documented
    detail = client.get(f"{API}/events/{items[0]['event_id']}").json()
    assert set(detail) <= set(_properties(spec, "EventDetail"))
    linked = [item["canonical_id"] for item in items if item["canonical_id"] is not None]
    if linked:
        record = client.get(f"{API}/canonical/{linked[0]}").json()
        assert set(record) <= set(_properties(spec, "CanonicalEvent"))
        mention = _properties(spec, "Mention")
        assert all(set(m) <= set(mention) for m in record["mentions"])
