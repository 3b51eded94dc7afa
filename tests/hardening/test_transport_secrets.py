"""The key never travels in clear off loopback, and no text the package produces holds a secret.

Plain http means "only to a loopback address", whatever the environment says: proxy variables are
ignored for it, and a name is resolved at connect time and refused unless every address it
resolves to is loopback."""

from __future__ import annotations

import logging
import socket
import threading
import traceback
from typing import Any

import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator

from ..support import Api
from .servers import RawServer, canned, read_request

KIND = ["sync", "async"]
CANARY = "pc-canary-7f3a9e21"


def make(kind: str, **options: Any) -> Api:
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


def _recording(seen: list[bytes]) -> Any:
    def handler(conn: socket.socket, stopping: threading.Event) -> None:
        request = read_request(conn, stopping)
        seen.append(request)
        conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")

    return handler


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"])
def test_proxy_variables_never_carry_plain_http(kind: str, variable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes] = []
    with RawServer(_recording(seen)) as proxy, Emulator().serve() as server:
        monkeypatch.setenv(variable, proxy.url)
        api = make(kind, api_key=CANARY, host=server.url, max_retries=0)
        assert api.list_indexes().names() == []
        api.close()
    assert seen == [], "the request (and its Api-Key) went to the proxy in clear"


@pytest.mark.parametrize("kind", KIND)
def test_https_proxy_variable_is_used_for_https_hosts(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The proxy path itself still works: an https host goes through HTTPS_PROXY (here a fake proxy
    that refuses the CONNECT, so no TLS is needed to see it was used)."""
    seen: list[bytes] = []
    with RawServer(_recording(seen)) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        api = make(kind, api_key=CANARY, host="https://api.pinecone.test", max_retries=0)
        with pytest.raises(pc.APIConnectionError):
            api.list_indexes()
        api.close()
    assert len(seen) == 1 and seen[0].startswith(b"CONNECT api.pinecone.test:443")
    assert CANARY.encode() not in seen[0], "a CONNECT must not carry the key"


@pytest.mark.parametrize("kind", KIND)
def test_a_localhost_name_pointing_elsewhere_is_refused(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`/etc/hosts` points evil.localhost at 0.0.0.0 (not a loopback address, though on Linux a
    connection to it stays on this machine, so the test sends nothing off it)."""
    seen: list[bytes] = []
    real = socket.getaddrinfo

    def fake_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "evil.localhost":
            return real("0.0.0.0", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with RawServer(canned(200, b'{"indexes":[]}')) as server:
        seen_before = server.connections
        api = make(kind, api_key=CANARY, host=f"http://evil.localhost:{server.port}", max_retries=0)
        with pytest.raises(pc.APIConnectionError, match="not a loopback address"):
            api.list_indexes()
        api.close()
        seen.extend([b""] * (server.connections - seen_before))
    assert seen == [], "the key was sent in clear to an address that is not loopback"


@pytest.mark.parametrize("kind", KIND)
def test_localhost_names_that_resolve_to_loopback_still_work(kind: str) -> None:
    with Emulator().serve() as server:
        port = server.url.rsplit(":", 1)[1]
        api = make(kind, api_key=CANARY, host=f"http://localhost:{port}", max_retries=0)
        assert len(api.list_indexes()) == 0
        api.close()


@pytest.mark.parametrize("kind", KIND)
def test_url_credentials_are_redacted_everywhere(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    password = "pw-s3cret-42x"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: connections are refused
    caplog.set_level(logging.DEBUG, logger="pinecone_control")
    api = make(kind, api_key=CANARY, host=f"http://user:{password}@127.0.0.1:{port}", max_retries=0)
    with pytest.raises(pc.APIConnectionError) as info:
        api.list_indexes()
    texts = [
        repr(api.client),
        repr(api.client.options),
        str(info.value),
        repr(info.value),
        "".join(traceback.format_exception(info.value)),
        caplog.text,
    ]
    api.close()
    for text in texts:
        assert password not in text
    assert "user:<redacted>@127.0.0.1" in repr(api.client)


@pytest.mark.parametrize(
    "key", [CANARY + "\x07", CANARY + "\u200b", "pc key with spaces", CANARY[:4] + "\n" + CANARY[4:]]
)
@pytest.mark.parametrize("kind", KIND)
def test_keys_with_invisible_or_control_characters_are_refused_at_construction(kind: str, key: str) -> None:
    with pytest.raises(pc.ClientValidationError) as info:
        make(kind, api_key=key, host="https://api.test")
    assert CANARY not in str(info.value) and "pc key" not in str(info.value)
