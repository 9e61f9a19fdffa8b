"""What the browser's Stripe.js does, done over HTTP against localstripe: card details go from
the buyer to the processor, never through Showroom."""

from __future__ import annotations

from typing import Any

import httpx

from showroom.dev import localstripe


class StripeJs:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    async def confirm_card_setup(self, client_secret: str, number: str) -> dict[str, Any]:
        """``stripe.confirmCardSetup(client_secret, {payment_method: {card}})``."""
        setup_id = client_secret.split("_secret_")[0]
        async with httpx.AsyncClient(base_url=self.base) as http:
            response = await http.post(
                f"/v1/setup_intents/{setup_id}/confirm",
                data={
                    "key": localstripe.PUBLISHABLE_KEY,
                    "client_secret": client_secret,
                    "payment_method_data[type]": "card",
                    "payment_method_data[card][number]": number,
                    "payment_method_data[card][exp_month]": "12",
                    "payment_method_data[card][exp_year]": "2031",
                    "payment_method_data[card][cvc]": "123",
                },
            )
        return dict(response.json())

    async def handle_next_action(self, client_secret: str, *, success: bool = True) -> None:
        """``stripe.handleNextAction({clientSecret})``: the buyer passes (or fails) 3-D Secure."""
        intent_id = client_secret.split("_secret_")[0]
        async with httpx.AsyncClient(base_url=self.base) as http:
            response = await http.post(
                f"/v1/payment_intents/{intent_id}/_authenticate",
                data={
                    "key": localstripe.PUBLISHABLE_KEY,
                    "client_secret": client_secret,
                    "success": "true" if success else "false",
                },
            )
        response.raise_for_status()
