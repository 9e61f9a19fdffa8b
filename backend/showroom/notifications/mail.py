"""Rendering e-mails in the recipient's language and queueing them in the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_datetime
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.i18n import babel_locale, ui_language
from showroom.core.outbox import enqueue
from showroom.notifications.templates import ROLE_NAMES, TEMPLATES, MailText

EMAIL_TOPIC = "email"


def render(template: str, language: str, **context: Any) -> MailText:
    texts = TEMPLATES[template]
    lang = ui_language(language)
    text = texts.get(lang, texts["en"])
    values = {key: _localize(value, lang) for key, value in context.items()}
    if "role" in values:
        values["role"] = ROLE_NAMES.get(str(context["role"]), {}).get(lang, str(context["role"]))
    return MailText(text.subject.format(**values), text.body.format(**values))


def _localize(value: Any, lang: str) -> Any:
    if isinstance(value, datetime):
        return format_datetime(value, format="medium", locale=babel_locale(lang))
    return value


def queue_mail(
    session: AsyncSession, to: str, template: str, language: str, **context: Any
) -> None:
    """Render now (so what is sent is what the change described) and deliver later."""
    text = render(template, language, **context)
    enqueue(session, EMAIL_TOPIC, {"to": to, "subject": text.subject, "body": text.body})
