"""Transport safety: redirects never carry the key elsewhere, plain http needs loopback or opt-in,
TLS verification is on unless turned off explicitly."""

from __future__ import annotations

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator

CANARY = "pc-canary-redirect-7d1f"


@pytest.mark.parametrize("status", [301, 302, 307, 308])
@pytest.mark.parametrize("own_http_client", [False, True])
def test_redirects_are_not_followed_with_the_key(status: int, own_http_client: bool) -> None:
    elsewhere = Emulator()
    with elsewhere.serve() as other, Emulator().serve() as server:
        server.emulator.faults.fail_next(1, status, b"", headers={"location": f"{other.url}/indexes"})
        # A caller's client that follows redirects must not make us follow one either.
        http = httpx.Client(follow_redirects=True) if own_http_client else None
        # Plain http with the caller's own client is an explicit opt-in (its proxies are its own).
        client = pc.Client(
            api_key=CANARY, host=server.url, http_client=http, max_retries=0, allow_insecure_http=http is not None
        )
        with pytest.raises(pc.APIStatusError) as info:
            client.list_indexes()
        client.close()
        if http is not None:
            http.close()
    assert info.value.status_code == status
    assert elsewhere.requests == [], "the redirect target must never see a request"
    assert CANARY not in str(info.value)


@pytest.mark.parametrize("host", ["http://api.pinecone.io", "http://10.1.2.3:8080", "http://example.com"])
def test_plain_http_is_refused_off_loopback(host: str) -> None:
    with pytest.raises(pc.ClientValidationError, match="unencrypted"):
        pc.Client(api_key=CANARY, host=host)
    assert pc.Client(api_key=CANARY, host=host, allow_insecure_http=True).options.host == host


def test_tls_verification_is_explicit_to_turn_off() -> None:
    secure = pc.Client(api_key=CANARY)
    insecure = pc.Client(api_key=CANARY, verify=False)
    contexts = [c._http._transport._pool._ssl_context for c in (secure, insecure)]  # type: ignore[attr-defined]
    assert [ctx.verify_mode.name for ctx in contexts] == ["CERT_REQUIRED", "CERT_NONE"]
