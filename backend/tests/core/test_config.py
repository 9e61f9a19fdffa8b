from __future__ import annotations

import pytest
from pydantic import ValidationError

from showroom.core.config import DEFAULT_SECRET_KEY, Settings

PG = "postgresql+asyncpg://showroom@db/showroom"
STRONG = "x" * 48


def test_development_defaults_work_out_of_the_box(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOWROOM_ENV")
    settings = Settings(_env_file=None)
    assert settings.env == "development"
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.dev_mailbox_enabled


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"secret_key": DEFAULT_SECRET_KEY, "database_url": PG, "smtp_host": "smtp"}, "SECRET_KEY"),
        ({"secret_key": "short", "database_url": PG, "smtp_host": "smtp"}, "SECRET_KEY"),
        ({"secret_key": STRONG, "smtp_host": "smtp"}, "PostgreSQL"),
        ({"secret_key": STRONG, "database_url": PG}, "SMTP_HOST"),
    ],
)
def test_production_refuses_unsafe_defaults(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(env="production", _env_file=None, **overrides)  # type: ignore[arg-type]


def test_production_with_real_settings() -> None:
    settings = Settings(
        env="production", secret_key=STRONG, database_url=PG, smtp_host="smtp", _env_file=None
    )
    assert settings.is_production
    assert not settings.dev_mailbox_enabled


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWROOM_ACCESS_TOKEN_MINUTES", "5")
    monkeypatch.setenv("SHOWROOM_CORS_ORIGINS", '["https://shop.example.com"]')
    settings = Settings(_env_file=None)
    assert settings.access_token_minutes == 5
    assert settings.cors_origins == ["https://shop.example.com"]
