"""The whole integration as an ERP lives it, through the public API only: a key with the
scopes it needs, a webhook endpoint on a real local HTTP server, new orders pulled and
acknowledged once, signed ``order.placed`` webhooks verified, stock pushed in bulk."""

from __future__ import annotations

import httpx

from showroom.core.time import utcnow
from tests.integrations.conftest import Webhooks, place_order
from tests.integrations.integrator import Integrator, verify_webhook
from tests.integrations.keys import new_key
from tests.integrations.receiver import Receiver
from tests.ordering import Connected, Season
from tests.shop import Shop


async def test_an_erp_integration_end_to_end(
    shop: Shop,
    client: httpx.AsyncClient,
    connected: Connected,
    season: Season,
    webhooks: Webhooks,
    receiver: Receiver,
) -> None:
    brand_id = shop.url.rsplit("/", 1)[1]
    key = await new_key(shop, "orders:write", "catalog:write", name="ERP")
    endpoint = await webhooks.endpoint(receiver.url, "order.placed")
    erp = Integrator(client, brand_id, key["secret"])

    placed = [await place_order(client, connected, season) for _ in range(3)]
    await webhooks.deliver()

    # Webhooks tell the ERP as orders come in; each verifies with the endpoint's secret.
    announced = [
        verify_webhook(endpoint["secret"], r.headers["showroom-signature"], r.body)
        for r in receiver.of_type("order.placed")
    ]
    assert sorted(e["data"]["number"] for e in announced) == sorted(o["number"] for o in placed)

    # The ERP pulls what it has not imported yet, stores it, acknowledges it.
    pulled = await erp.pull_new_orders()
    assert [o["id"] for o in pulled] == [o["id"] for o in placed]
    assert all(o["lines"] for o in pulled)
    acknowledged = await erp.acknowledge([o["id"] for o in pulled])
    assert len(acknowledged["items"]) == 3
    assert await erp.pull_new_orders() == []

    # A later order is pulled alone; the earlier ones never come back.
    later = await place_order(client, connected, season)
    assert [o["id"] for o in await erp.pull_new_orders()] == [later["id"]]

    # The ERP owns inventory: it sets the tee's stock, and a product sync sees the change.
    since = utcnow().isoformat()
    levels = {sku["code"]: 100 + i for i, sku in enumerate(season.tee["skus"])}
    pushed = await erp.push_stock(levels)
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["changed"] == len(levels)
    tee = (await shop.get(f"/products/{season.tee['id']}")).json()
    assert {sku["code"]: sku["stock_quantity"] for sku in tee["skus"]} == levels
    assert [p["id"] for p in await erp.products_changed_since(since)] == [season.tee["id"]]

    # A typo in one code changes nothing and names the line.
    typo = await erp.push_stock({**levels, "TEE-01_IND_XXL": 5})
    assert typo.status_code == 422
    assert typo.json()["errors"][0]["loc"] == ["body", "items", len(levels), "code"]
