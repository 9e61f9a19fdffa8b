"""localstripe — a fake Stripe API for development and tests — on loopback only.

localstripe's own entry point listens on every interface and keeps its data in one shared file
(``/tmp/localstripe.pickle``); this wrapper binds 127.0.0.1, gives each instance its own data
file (or none), and accepts the current API's ``allowed_payment_method_types`` name.

    python -m showroom.dev.localstripe --port 8420 [--data-file PATH]
"""

from __future__ import annotations

import argparse
import os
import pickle
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SECRET_KEY = "sk_test_localstripe"  # noqa: S105 — localstripe accepts any sk_ key
PUBLISHABLE_KEY = "pk_test_localstripe"
WEBHOOK_SECRET = "whsec_localstripe"  # noqa: S105 — a fixed test secret, on purpose


def default_data_file(port: int) -> Path:
    return Path(tempfile.gettempdir()) / f"showroom-localstripe-{port}.pickle"


def serve(port: int, data_file: Path | None) -> None:
    from aiohttp import web
    from localstripe import resources, server  # type: ignore[import-untyped]

    def load(store: dict[str, Any]) -> None:
        if data_file is not None and data_file.exists():
            with data_file.open("rb") as source:
                saved = pickle.load(source)  # noqa: S301 — our own file
            store.clear()
            store.update(saved)

    def dump(store: dict[str, Any]) -> None:
        if data_file is not None:
            with data_file.open("wb") as target:
                pickle.dump(dict(store), target, protocol=pickle.HIGHEST_PROTOCOL)

    resources.Store.try_load_from_disk = load
    resources.Store.dump_to_disk = dump

    read_body = server.get_post_data

    async def renamed_body(request: Any, remove_auth: bool = True) -> Any:
        data = await read_body(request, remove_auth)
        if isinstance(data, dict) and "allowed_payment_method_types" in data:
            data["payment_method_types"] = data.pop("allowed_payment_method_types")
        return data

    server.get_post_data = renamed_body
    resources.store.try_load_from_disk()
    web.run_app(server.app, host="127.0.0.1", port=port, access_log=None, print=None)


def _die_with_parent() -> None:
    """Linux: stop the child when the server that started it dies, however it dies (uvicorn
    re-raises SIGTERM after its shutdown, so a ``finally`` never runs)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def start(port: int, data_file: Path | None = None) -> subprocess.Popen[bytes]:
    """Run localstripe in a child process and wait until it answers."""
    command = [sys.executable, "-m", "showroom.dev.localstripe", "--port", str(port)]
    if data_file is not None:
        command += ["--data-file", str(data_file)]
    process = subprocess.Popen(  # noqa: S603
        command, stdout=subprocess.DEVNULL, preexec_fn=_die_with_parent
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"localstripe exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"localstripe did not start on port {port}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def settings_env(port: int) -> dict[str, str]:
    """The settings that point Showroom at a localstripe on ``port``."""
    base = f"http://127.0.0.1:{port}"
    return {
        "SHOWROOM_STRIPE_SECRET_KEY": SECRET_KEY,
        "SHOWROOM_STRIPE_PUBLISHABLE_KEY": PUBLISHABLE_KEY,
        "SHOWROOM_STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SHOWROOM_STRIPE_API_BASE": base,
        "SHOWROOM_STRIPE_JS_URL": f"{base}/js.stripe.com/v3/",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--data-file", type=Path, default=None)
    args = parser.parse_args()
    serve(args.port, args.data_file)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
