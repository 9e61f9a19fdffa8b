"""Delivering queued e-mails: by SMTP, or into the development mailbox when no SMTP server is
configured."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.config import Settings
from showroom.core.outbox import Handler
from showroom.models import DevMail, OutboxMessage


def build_message(settings: Settings, message: OutboxMessage) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.mail_from
    mail["To"] = message.payload["to"]
    mail["Subject"] = message.payload["subject"]
    mail["Date"] = formatdate(localtime=False)
    # Deterministic per outbox row, so a retried delivery can be recognised downstream.
    mail["Message-ID"] = f"<{message.id.hex}@showroom>"
    mail.set_content(message.payload["body"])
    return mail


def smtp_handler(settings: Settings) -> Handler:
    async def send(_: AsyncSession, message: OutboxMessage) -> None:
        await aiosmtplib.send(
            build_message(settings, message),
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password,
            start_tls=settings.smtp_starttls,
            use_tls=False,
            timeout=settings.smtp_timeout_seconds,
        )

    return send


async def dev_mailbox_handler(session: AsyncSession, message: OutboxMessage) -> None:
    session.add(
        DevMail(
            outbox_message_id=message.id,
            to_address=message.payload["to"],
            subject=message.payload["subject"],
            text_body=message.payload["body"],
        )
    )


def email_handler(settings: Settings) -> Handler:
    return smtp_handler(settings) if settings.smtp_host else dev_mailbox_handler
