"""The worker's periodic housekeeping forgets history, and only history."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import select

from showroom.core.time import utcnow
from showroom.models import DevMail, OutboxMessage, OutboxStatus, RateLimitHit, SignupCode
from showroom.worker import DONE_MESSAGES_KEPT, housekeeping


async def test_housekeeping_deletes_old_delivered_messages_and_keeps_the_rest(
    app: FastAPI,
) -> None:
    now = utcnow()
    old = now - DONE_MESSAGES_KEPT - timedelta(hours=1)
    recent = now - DONE_MESSAGES_KEPT + timedelta(hours=1)

    def message(topic: str, status: OutboxStatus, processed_at: object) -> OutboxMessage:
        return OutboxMessage(
            id=uuid.uuid4(),
            topic=topic,
            payload={},
            status=status,
            created_at=old,
            processed_at=processed_at,
        )

    sent_mail = message("email", OutboxStatus.done, old)
    rows = {
        "mail sent long ago": sent_mail,
        "webhook fanned out long ago": message("webhooks.event", OutboxStatus.done, old),
        "mail sent lately": message("email", OutboxStatus.done, recent),
        "mail still to send": message("email", OutboxStatus.pending, None),
        "mail given up on": message("email", OutboxStatus.dead, old),
    }
    async with app.state.sessionmaker() as session, session.begin():
        session.add_all(rows.values())
        await session.flush()
        # The development mailbox keeps its copy of a sent mail.
        session.add(
            DevMail(
                id=uuid.uuid4(),
                outbox_message_id=sent_mail.id,
                to_address="a@example.com",
                subject="Hello",
                text_body="…",
            )
        )
        session.add_all(
            [
                RateLimitHit(id=uuid.uuid4(), bucket="login", key="k", created_at=old),
                RateLimitHit(id=uuid.uuid4(), bucket="login", key="k", created_at=now),
                SignupCode(
                    id=uuid.uuid4(),
                    email="old@example.com",
                    code_hash="x",
                    expires_at=now - timedelta(days=2),
                ),
                SignupCode(
                    id=uuid.uuid4(),
                    email="new@example.com",
                    code_hash="x",
                    expires_at=now + timedelta(minutes=10),
                ),
            ]
        )
    ids = {row.id: name for name, row in rows.items()}

    await housekeeping(app.state.sessionmaker)

    async with app.state.sessionmaker() as session:
        kept = {ids[id_] for id_ in await session.scalars(select(OutboxMessage.id))}
        assert kept == {"mail sent lately", "mail still to send", "mail given up on"}
        [mail] = await session.scalars(select(DevMail))
        assert mail.subject == "Hello"
        assert [hit.created_at for hit in await session.scalars(select(RateLimitHit))] == [now]
        assert list(await session.scalars(select(SignupCode.email))) == ["new@example.com"]
