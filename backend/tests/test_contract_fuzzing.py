"""schemathesis over every operation of the API, in-process, on the test database."""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis import checks as st_checks

from showroom.core.config import Settings
from showroom.main import create_app
from tests.factories import address_payload, new_brand, new_org, new_user


@pytest.fixture(scope="session")
def fuzzed_app(settings: Settings) -> FastAPI:
    # A separate instance: schemathesis drives it from its own event loop.
    return create_app(settings)


@pytest.fixture
def fuzzed_schema(fuzzed_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", fuzzed_app)


class _CurrentUser:
    """The bearer token schemathesis applies; renewed for every operation's test."""

    headers: dict[str, str] = {}  # noqa: RUF012


@schemathesis.auth(refresh_interval=None)
class BearerAuth:
    def get(self, case: Any, ctx: Any) -> dict[str, str]:
        return _CurrentUser.headers

    def set(self, case: Any, data: dict[str, str], ctx: Any) -> None:
        case.headers = {**(case.headers or {}), **data}


@pytest.fixture
async def logged_in(client: httpx.AsyncClient) -> None:
    """A user with a buyer organization, an address and a brand, so requests can reach
    real rows as well as missing ones."""
    who = await new_user(client)
    org = await new_org(client, who)
    await client.post(
        f"/api/v1/buyer-organizations/{org['id']}/addresses",
        json=address_payload(),
        headers=who.headers,
    )
    await new_brand(client, who)
    _CurrentUser.headers = who.headers


schema = schemathesis.pytest.from_fixture("fuzzed_schema")
# `make test` (and so CI) asks for more examples than a quick local run's default.
FUZZ_EXAMPLES = int(os.environ.get("SHOWROOM_FUZZ_EXAMPLES", "30"))
# Valid-per-schema is not valid-per-domain: a phone number must be valid for the country,
# names are required in every enabled language, tokens must exist.
DOMAIN_RULES = [st_checks.positive_data_acceptance]


@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation(case: Any, logged_in: None) -> None:
    case.call_and_validate(excluded_checks=DOMAIN_RULES)


def test_stateful(fuzzed_schema: Any, logged_in: None) -> None:
    """Sequences of calls chained through the ids earlier responses return (schemathesis
    infers the links), so generated requests reach real rows, not only 404s."""

    class Machine(fuzzed_schema.as_state_machine()):  # type: ignore[misc]
        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            case.validate_response(response, excluded_checks=DOMAIN_RULES, recorder=self.recorder)

    Machine.run(
        settings=settings(
            max_examples=FUZZ_EXAMPLES,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
