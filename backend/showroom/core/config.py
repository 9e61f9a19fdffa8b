"""Settings, read from the environment (prefix ``SHOWROOM_``) and an optional ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BACKEND_DIR = Path(__file__).resolve().parents[2]
DEFAULT_SECRET_KEY = "dev-only-secret-key-change-me-in-production-0123456789"  # noqa: S105


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOWROOM_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite+aiosqlite:///{BACKEND_DIR / 'var' / 'showroom.db'}"
    database_echo: bool = False
    secret_key: str = DEFAULT_SECRET_KEY
    public_url: str = "http://127.0.0.1:8000"
    cors_origins: list[str] = Field(default_factory=list)

    access_token_minutes: int = 15
    refresh_token_days: int = 30
    signup_code_minutes: int = 10
    signup_code_max_attempts: int = 5
    password_reset_minutes: int = 60
    member_invitation_days: int = 14
    login_failures_allowed: int = 10
    login_failure_window_minutes: int = 15
    link_grant_hours: int = 12
    link_access_failures_allowed: int = 10
    link_access_window_minutes: int = 15

    # argon2id cost; the defaults are passlib's. Tests lower them to stay fast.
    argon2_memory_kib: int = 65536
    argon2_time_cost: int = 3

    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 10 * 1024 * 1024
    max_image_bytes: int = 3 * 1024 * 1024
    media_root: Path = BACKEND_DIR / "var" / "media"

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "Showroom <no-reply@showroom.localhost>"

    # Card payments (Stripe); unset: brands cannot turn card payments on.
    stripe_secret_key: str | None = None
    stripe_publishable_key: str | None = None
    stripe_webhook_secret: str | None = None
    # Where the Stripe API and Stripe.js are; unset: Stripe's own (localstripe in development).
    stripe_api_base: str | None = None
    stripe_js_url: str = "https://js.stripe.com/v3/"
    stripe_timeout_seconds: float = 20.0

    # Integrators: requests per API key per minute; webhook delivery.
    api_key_requests_per_minute: int = 600
    webhook_timeout_seconds: float = 5.0
    # Webhook endpoints on http:// or on loopback and private addresses; unset: allowed
    # everywhere but in production (where they would reach into our own network).
    webhook_allow_private_urls: bool | None = None

    outbox_poll_seconds: float = 1.0
    outbox_max_attempts: int = 12
    # How long a claimed message is a worker's alone: a worker killed mid-delivery leaves its
    # messages to the others once this runs out.
    outbox_lease_seconds: float = 300.0
    run_worker_in_process: bool = False

    spa_dist: Path | None = None
    # Benchmarks: answer every request with an X-Statement-Count header (core/statement_count.py).
    statement_count_header: bool = False

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def card_payments_available(self) -> bool:
        return bool(self.stripe_secret_key and self.stripe_publishable_key)

    @property
    def private_webhook_urls_allowed(self) -> bool:
        if self.webhook_allow_private_urls is None:
            return not self.is_production
        return self.webhook_allow_private_urls

    @property
    def dev_mailbox_enabled(self) -> bool:
        return self.env == "development" and not self.smtp_host

    @model_validator(mode="after")
    def _refuse_default_secrets_in_production(self) -> Settings:
        if self.env == "production":
            if self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < 32:
                raise ValueError(
                    "SHOWROOM_SECRET_KEY must be set to a random value of at least 32 characters "
                    "in production"
                )
            if self.is_sqlite:
                raise ValueError("SHOWROOM_DATABASE_URL must point at PostgreSQL in production")
            if not self.smtp_host:
                raise ValueError("SHOWROOM_SMTP_HOST must be set in production")
            if self.statement_count_header:
                raise ValueError(
                    "SHOWROOM_STATEMENT_COUNT_HEADER is for benchmarks, not production"
                )

        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
