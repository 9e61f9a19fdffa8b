from __future__ import annotations

import httpx

from tests.conftest import Mailbox
from tests.factories import LoggedIn, link_in, new_org, new_user, problem

URL = "/api/v1/buyer-organizations"


async def invite_and_accept(
    client: httpx.AsyncClient, mailbox: Mailbox, owner: LoggedIn, org_id: str, role: str = "member"
) -> LoggedIn:
    invitee = await new_user(client, language="ja")
    sent = await client.post(
        f"{URL}/{org_id}/member-invitations",
        json={"email": invitee.email, "role": role},
        headers=owner.headers,
    )
    assert sent.status_code == 201, sent.text
    mail = await mailbox.last_to(invitee.email)
    token = link_in(mail).removeprefix("/invitations/")
    accepted = await client.post(
        f"/api/v1/member-invitations/{token}/accept", headers=invitee.headers
    )
    assert accepted.status_code == 200, accepted.text
    return invitee


async def test_invite_by_email_preview_and_accept(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    owner = await new_user(client, display_name="Aiko")
    org = await new_org(client, owner)
    invitee = await new_user(client, language="ja")
    sent = await client.post(
        f"{URL}/{org['id']}/member-invitations",
        json={"email": invitee.email},
        headers=owner.headers,
    )
    assert sent.status_code == 201
    pending = await client.get(f"{URL}/{org['id']}/member-invitations", headers=owner.headers)
    assert [i["email"] for i in pending.json()["items"]] == [invitee.email]

    mail = await mailbox.last_to(invitee.email)
    assert "東京セレクトショップ" in mail["Subject"]  # the invitee reads Japanese
    token = link_in(mail).removeprefix("/invitations/")

    preview = await client.get(f"/api/v1/member-invitations/{token}")
    assert preview.status_code == 200
    assert preview.json()["target"] == "buyer_organization"
    assert preview.json()["state"] == "pending"
    assert preview.json()["invited_by"] == "Aiko"

    accepted = await client.post(
        f"/api/v1/member-invitations/{token}/accept", headers=invitee.headers
    )
    assert accepted.json() == {
        "target": "buyer_organization",
        "target_id": org["id"],
        "role": "member",
    }
    again = await client.post(f"/api/v1/member-invitations/{token}/accept", headers=invitee.headers)
    assert again.status_code == 409
    assert problem(again)["code"] == "invitation.accepted"

    theirs = await client.get(URL, headers=invitee.headers)
    assert [(o["id"], o["my_role"]) for o in theirs.json()["items"]] == [(org["id"], "member")]
    members = await client.get(f"{URL}/{org['id']}/members", headers=owner.headers)
    assert [(m["email"], m["role"]) for m in members.json()["items"]] == [
        (owner.email, "owner"),
        (invitee.email, "member"),
    ]


async def test_members_cannot_manage_members(client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    owner = await new_user(client)
    org = await new_org(client, owner)
    member = await invite_and_accept(client, mailbox, owner, org["id"])
    invite = await client.post(
        f"{URL}/{org['id']}/member-invitations",
        json={"email": "x@example.com"},
        headers=member.headers,
    )
    assert invite.status_code == 403
    remove = await client.delete(
        f"{URL}/{org['id']}/members/{owner.user['id']}", headers=member.headers
    )
    assert remove.status_code == 403
    # But anyone may leave.
    leave = await client.delete(
        f"{URL}/{org['id']}/members/{member.user['id']}", headers=member.headers
    )
    assert leave.status_code == 204
    assert (await client.get(f"{URL}/{org['id']}", headers=member.headers)).status_code == 404


async def test_primary_owner_transfer(client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    owner = await new_user(client)
    org = await new_org(client, owner)
    member = await invite_and_accept(client, mailbox, owner, org["id"])
    members_url = f"{URL}/{org['id']}/members"

    not_removable = await client.delete(f"{members_url}/{owner.user['id']}", headers=owner.headers)
    assert not_removable.status_code == 409
    demote = await client.patch(
        f"{members_url}/{owner.user['id']}", json={"role": "member"}, headers=owner.headers
    )
    assert demote.status_code == 409

    by_member = await client.post(
        f"{URL}/{org['id']}/primary-owner",
        json={"user_id": owner.user["id"]},
        headers=member.headers,
    )
    assert by_member.status_code == 403
    handed = await client.post(
        f"{URL}/{org['id']}/primary-owner",
        json={"user_id": member.user["id"]},
        headers=owner.headers,
    )
    assert handed.status_code == 204
    listed = (await client.get(members_url, headers=owner.headers)).json()["items"]
    assert {(m["email"], m["role"], m["is_primary_owner"]) for m in listed} == {
        (owner.email, "owner", False),
        (member.email, "owner", True),
    }
    # The former primary owner can now step down or leave.
    assert (
        await client.delete(f"{members_url}/{owner.user['id']}", headers=owner.headers)
    ).status_code == 204


async def test_revoked_invitation_cannot_be_accepted(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    owner = await new_user(client)
    org = await new_org(client, owner)
    invitee = await new_user(client)
    sent = (
        await client.post(
            f"{URL}/{org['id']}/member-invitations",
            json={"email": invitee.email},
            headers=owner.headers,
        )
    ).json()
    token = link_in(await mailbox.last_to(invitee.email)).removeprefix("/invitations/")
    revoked = await client.delete(
        f"{URL}/{org['id']}/member-invitations/{sent['id']}", headers=owner.headers
    )
    assert revoked.status_code == 204
    response = await client.post(
        f"/api/v1/member-invitations/{token}/accept", headers=invitee.headers
    )
    assert response.status_code == 409
    assert problem(response)["code"] == "invitation.revoked"
    unknown = await client.get("/api/v1/member-invitations/not-a-real-token")
    assert unknown.status_code == 404


async def test_inviting_an_existing_member_is_409(client: httpx.AsyncClient) -> None:
    owner = await new_user(client)
    org = await new_org(client, owner)
    response = await client.post(
        f"{URL}/{org['id']}/member-invitations", json={"email": owner.email}, headers=owner.headers
    )
    assert response.status_code == 409
    assert problem(response)["code"] == "invitation.already_member"
