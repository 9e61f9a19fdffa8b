from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image

from tests.factories import error_locs, new_brand, new_user, problem
from tests.images import image_bytes, large_jpeg


async def upload(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], data: bytes, name: str = "a.png"
) -> httpx.Response:
    return await client.post(f"{url}/media", files={"file": (name, data)}, headers=headers)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
async def test_upload_serve_and_thumbnail(client: httpx.AsyncClient, fmt: str) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    url = f"/api/v1/brands/{brand['id']}"
    # The name says .txt: the content decides.
    response = await upload(client, url, owner.headers, image_bytes(fmt, (1200, 800)), "photo.txt")
    assert response.status_code == 201, response.text
    media = response.json()
    assert (media["width"], media["height"]) == (1200, 800)
    assert media["content_type"] == f"image/{fmt.lower()}"

    original = await client.get(media["url"])
    assert original.status_code == 200
    assert original.headers["content-type"] == media["content_type"]
    assert original.headers["cache-control"] == "public, max-age=31536000, immutable"
    thumb = await client.get(media["thumbnail_url"])
    assert thumb.headers["content-type"] == "image/webp"
    with Image.open(io.BytesIO(thumb.content)) as image:
        assert image.size == (480, 320)

    listed = (await client.get(f"{url}/media", headers=owner.headers)).json()
    assert [m["id"] for m in listed["items"]] == [media["id"]]
    assert (
        await client.delete(f"{url}/media/{media['id']}", headers=owner.headers)
    ).status_code == 204
    assert (await client.get(media["url"])).status_code == 404


async def test_not_an_image_is_422(client: httpx.AsyncClient) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    url = f"/api/v1/brands/{brand['id']}"
    for data in (b"%PDF-1.4 not an image", image_bytes("BMP"), image_bytes("PNG")[:100]):
        response = await upload(client, url, owner.headers, data, "fake.png")
        assert response.status_code == 422
        assert problem(response)["code"] == "media.not_an_image"
        assert error_locs(response) == [["body", "file"]]


async def test_image_over_3_mb_is_422_and_over_10_mb_413(client: httpx.AsyncClient) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    url = f"/api/v1/brands/{brand['id']}"
    too_big = await upload(client, url, owner.headers, large_jpeg(3 * 1024 * 1024 + 1), "big.jpg")
    assert too_big.status_code == 422
    assert problem(too_big)["code"] == "media.too_large"
    huge = await upload(client, url, owner.headers, b"0" * (10 * 1024 * 1024 + 1), "huge.jpg")
    assert huge.status_code == 413


async def test_another_brands_media_is_invisible(client: httpx.AsyncClient) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    media = (
        await upload(client, f"/api/v1/brands/{brand['id']}", owner.headers, image_bytes())
    ).json()
    other = await new_user(client)
    other_brand = await new_brand(client, other)
    response = await client.delete(
        f"/api/v1/brands/{other_brand['id']}/media/{media['id']}", headers=other.headers
    )
    assert response.status_code == 404
