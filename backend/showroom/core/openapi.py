"""The OpenAPI document: FastAPI's, plus the problem responses every operation can give."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from showroom.core.errors import Problem, problem_response_doc
from showroom.integrations.webhook_docs import event_schemas

_METHODS = {"get", "put", "post", "patch", "delete"}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        webhooks=app.webhooks.routes,
        servers=[{"url": "/"}],
    )
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = _omitted_not_null(problem)
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    for name, schema in event_schemas().items():
        schemas.setdefault(name, schema)
    for path_item in spec.get("webhooks", {}).values():
        for operation in path_item.values():
            # What the receiver answers is up to it: only the 2xx matters to us.
            operation["responses"].pop("422", None)
            operation["responses"]["200"].pop("content", None)

    for path_item in spec.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in _METHODS:
                continue
            responses = operation.setdefault("responses", {})
            if _api_key_scopes(operation, method):
                responses.setdefault("403", problem_response_doc(403))
                responses.setdefault("429", problem_response_doc(429))
            can_be_invalid = bool(operation.get("parameters")) or "requestBody" in operation
            if can_be_invalid or "422" in responses:
                responses["422"] = problem_response_doc(422)
            if "requestBody" in operation:
                responses.setdefault("400", problem_response_doc(400))
                responses.setdefault("413", problem_response_doc(413))
            if operation.get("security"):
                responses.setdefault("401", problem_response_doc(401))
            responses.setdefault("503", problem_response_doc(503))
    return spec


def _api_key_scopes(operation: dict[str, Any], method: str) -> bool:
    """A brand route names its area as its security scope (``showroom.brands.access``);
    spell out the exact scope an API key needs for this method. True for such routes."""
    from showroom.brands.access import required_scope

    found = False
    for requirement in operation.get("security", []):
        for scheme, scopes in requirement.items():
            if scopes:
                requirement[scheme] = [required_scope(area, method) for area in scopes]
                found = True
    return found


def _omitted_not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """Optional problem members are left out rather than sent as null: say so."""
    for prop in schema.get("properties", {}).values():
        branches = prop.get("anyOf")
        if prop.get("default", ...) is None and branches:
            prop.pop("default")
            prop.pop("anyOf")
            prop.update(next(b for b in branches if b.get("type") != "null"))
    return schema


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def dump(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
