"""Domain errors and their RFC 9457 ``application/problem+json`` rendering.

Services raise the typed errors below; only the handlers here turn them into HTTP."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from showroom.core.request_id import current_request_id
from showroom.core.validation import PATH_CONTEXT_KEY

logger = logging.getLogger("showroom.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"

Loc = tuple[str | int, ...]


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where the error is, e.g. ['body', 'email'].")
    msg: str
    type: str


class PaymentAction(BaseModel):
    """The card needs the buyer's confirmation (3-D Secure). The intent is confirmed
    automatically, so Stripe.js ``handleNextAction({clientSecret})`` finishes it (the hold is
    then in place); place the order again with ``payment_intent_id``."""

    payment_intent_id: str
    client_secret: str


class Problem(BaseModel):
    """An RFC 9457 problem document with a stable machine-readable ``code``."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    code: str
    errors: list[FieldError] | None = None
    payment_action: PaymentAction | None = None


class DomainError(Exception):
    status: int = 400
    code: str = "bad_request"
    # The refusal itself is a fact to keep (a failed attempt counted): commit the
    # request's transaction before answering with this error.
    keep_changes: bool = False
    payment_action: PaymentAction | None = None

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        loc: Loc | None = None,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        if code is not None:
            self.code = code
        self.errors = list(errors or [])
        if loc is not None:
            self.errors.append(FieldError(loc=list(loc), msg=detail or self.code, type=self.code))
        self.headers = headers or {}


class BadRequest(DomainError):
    status = 400


class Unauthorized(DomainError):
    status = 401
    code = "auth.not_authenticated"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class Forbidden(DomainError):
    status = 403
    code = "auth.forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class Invalid(DomainError):
    """422: the request is well-formed but a field breaks a rule. Give ``loc``."""

    status = 422
    code = "validation_error"


class TooManyRequests(DomainError):
    status = 429
    code = "rate_limited"
    keep_changes = True

    def __init__(self, detail: str | None = None, *, retry_after: int, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers["Retry-After"] = str(max(1, retry_after))


def invalid_from(exc: ValidationError, prefix: tuple[str | int, ...] = ("body",)) -> Invalid:
    """A pydantic ValidationError raised while a service re-validates merged data, as a 422
    whose field pointers look like those of request validation."""
    return Invalid("Some fields are invalid.", errors=_field_errors(exc.errors(), prefix))


class FieldErrors:
    """Collects every field error of a request so the client sees them all at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, loc: Loc, msg: str, type_: str) -> None:
        self.errors.append(FieldError(loc=list(loc), msg=msg, type=type_))

    def extend(self, problems: Sequence[dict[str, Any]]) -> None:
        self.errors.extend(FieldError.model_validate(problem) for problem in problems)

    def raise_if_any(self, detail: str = "Some fields are invalid.") -> None:
        if self.errors:
            raise Invalid(detail, errors=self.errors)


class ServiceUnavailable(DomainError):
    status = 503
    code = "service_unavailable"


def problem_response(
    status: int,
    code: str,
    *,
    detail: str | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    payment_action: PaymentAction | None = None,
) -> JSONResponse:
    problem = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=f"urn:showroom:request:{current_request_id()}",
        code=code,
        errors=list(errors) if errors else None,
        payment_action=payment_action,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


_HTTP_CODES = {
    400: "bad_request",
    401: "auth.not_authenticated",
    403: "auth.forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "request.too_large",
    415: "request.unsupported_media_type",
    429: "rate_limited",
}


def _json_safe(value: Any) -> str:
    text = str(value)
    return text.replace("\x00", "\\u0000")


def _field_errors(
    raw_errors: Sequence[Any], prefix: tuple[str | int, ...] = ()
) -> list[FieldError]:
    out = []
    for err in raw_errors:
        loc = [*prefix, *err.get("loc", ())]
        below = (err.get("ctx") or {}).get(PATH_CONTEXT_KEY)
        if isinstance(below, list):
            loc.extend(below)
        safe_loc = [part if isinstance(part, int) else _json_safe(part) for part in loc]
        out.append(
            FieldError(loc=safe_loc, msg=_json_safe(err.get("msg", "")), type=str(err.get("type")))
        )
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.code,
            detail=exc.detail,
            errors=exc.errors,
            headers=exc.headers,
            payment_action=exc.payment_action,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _field_errors(exc.errors())
        malformed = any(e.type == "json_invalid" for e in errors)
        return problem_response(
            422,
            "request.malformed_json" if malformed else "validation_error",
            detail="The request body is not valid JSON."
            if malformed
            else "Some fields are invalid.",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(
            exc.status_code,
            _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"),
            detail=detail,
            headers=headers,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        # Services check uniqueness first; this answers the race where two requests pass the
        # check together and the database's constraint decides.
        logger.info("integrity error: %s", exc.orig)
        return problem_response(
            409,
            "conflict.concurrent_change",
            detail="The change conflicts with data saved at the same moment; reload and retry.",
        )

    @app.exception_handler(DBAPIError)
    async def _database(_: Request, exc: DBAPIError) -> JSONResponse:
        if str(getattr(exc.orig, "sqlstate", "") or "").startswith("22"):
            # A value the database cannot hold slipped past validation (SQLSTATE class 22).
            logger.warning("database refused a value: %s", exc.orig)
            return problem_response(
                422, "request.invalid_value", detail="A value in the request cannot be stored."
            )
        if exc.connection_invalidated or _is_unreachable(exc):
            logger.warning("database unavailable: %s", exc)
            return problem_response(
                503,
                "database.unavailable",
                detail="The database is unavailable; nothing was changed. Please retry shortly.",
                headers={"Retry-After": "5"},
            )
        logger.exception("database error", exc_info=exc)
        return problem_response(500, "internal_error", detail="An unexpected error occurred.")

    @app.exception_handler(PoolTimeoutError)
    async def _pool_timeout(_: Request, exc: PoolTimeoutError) -> JSONResponse:
        return problem_response(
            503,
            "database.unavailable",
            detail="The database is busy; please retry.",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(OSError)
    async def _os_error(_: Request, exc: OSError) -> JSONResponse:
        # Connection refused while opening a database connection surfaces as OSError.
        logger.warning("service unreachable: %s", exc)
        return problem_response(
            503,
            "service.unavailable",
            detail="A required service is unavailable; please retry.",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error", exc_info=exc)
        return problem_response(500, "internal_error", detail="An unexpected error occurred.")


def _allowed_methods(request: Request) -> list[str]:
    """Every method the API serves at this path (Starlette names only the first matching
    route's, and FastAPI makes one route per method), read from the OpenAPI document. When
    several paths match (``/products/imports`` and ``/products/{product_id}``), the one with
    the fewest parameters is the resource."""
    app = request.app
    table: list[tuple[re.Pattern[str], int, list[str]]] | None = getattr(
        app.state, "allow_table", None
    )
    if table is None:
        table = [
            (_path_pattern(path), path.count("{"), [m.upper() for m in item if m in _HTTP_METHODS])
            for path, item in app.openapi().get("paths", {}).items()
        ]
        app.state.allow_table = table
    matches = [
        (params, methods) for pattern, params, methods in table if pattern.match(request.url.path)
    ]
    if not matches:
        return []
    fewest = min(params for params, _ in matches)
    return sorted({m for params, methods in matches if params == fewest for m in methods})


_HTTP_METHODS = {"get", "put", "post", "patch", "delete"}


def _path_pattern(template: str) -> re.Pattern[str]:
    """``/a/{id}/b`` → ``^/a/[^/]+/b$``."""
    segments = [
        "[^/]+" if part.startswith("{") and part.endswith("}") else re.escape(part)
        for part in template.split("/")
    ]
    return re.compile("^" + "/".join(segments) + "$")


def _is_unreachable(exc: DBAPIError) -> bool:
    name = type(exc.orig).__name__ if exc.orig is not None else ""
    return name in {
        "ConnectionDoesNotExistError",
        "CannotConnectNowError",
        "ConnectionFailureError",
        "InterfaceError",
        "AdminShutdownError",
        "ConnectionRefusedError",
    } or ("connection" in str(exc.orig).lower() and "refused" in str(exc.orig).lower())


PROBLEM_SCHEMA_REF = {"$ref": "#/components/schemas/Problem"}

_DESCRIPTIONS = {
    400: "The body could not be read (not UTF-8, or not the declared content type)",
    401: "Not authenticated",
    402: "The card was declined or needs the buyer's confirmation (see `payment_action`)",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "Request body too large",
    422: "Invalid input; `errors` points at the fields",
    429: "Too many requests; see `Retry-After`",
    503: "A required service is unavailable",
}


def problem_response_doc(status: int) -> dict[str, Any]:
    return {
        "description": _DESCRIPTIONS.get(status, "Error"),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_SCHEMA_REF}},
    }


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Declare problem responses on a route: ``responses=errors(404, 409)``. 401, 413 and 422
    are added to every operation that can produce them by ``showroom.core.openapi``."""
    return {status: problem_response_doc(status) for status in statuses}
