"""TLS and proxies against real sockets: a TLS server with a throwaway CA, client certificates, and a
forwarding CONNECT proxy, sync and async; bad settings are typed errors at construction."""

from __future__ import annotations

import contextlib
import ssl
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpcore
import httpx
import pinecone_control as pc
import pytest
import trustme
from cryptography.hazmat.primitives import serialization
from pinecone_control import _network

from ..support import Api
from .network_support import ConnectProxy, TlsServer, dribbling_proxy

KIND = ["sync", "async"]
KEY = "pc-network-key-81c4"
PASSWORD = "key-pass-58d0"


def make(kind: str, **options: Any) -> Api:
    options.setdefault("api_key", KEY)
    options.setdefault("max_retries", 0)
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


@pytest.fixture(autouse=True)
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def server(ca: trustme.CA) -> Iterator[TlsServer]:
    with TlsServer(ca) as tls:
        yield tls


def _list(api: Api) -> list[str]:
    try:
        names: list[str] = api.list_indexes().names()
        return names
    finally:
        api.close()


# -- verify ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
def test_an_unknown_ca_is_refused_by_default(kind: str, server: TlsServer) -> None:
    api = make(kind, host=server.url)
    with pytest.raises(pc.APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        _list(api)
    assert server.requests == []


@pytest.mark.parametrize("kind", KIND)
def test_verify_takes_a_ca_bundle_path(kind: str, server: TlsServer, ca_file: str) -> None:
    with _no_warnings():
        api = make(kind, host=server.url, verify=ca_file)
    assert _list(api) == []
    assert len(server.requests) == 1 and f"api-key: {KEY}".encode() in server.requests[0].lower()


@pytest.mark.parametrize("kind", KIND)
def test_verify_takes_an_ssl_context(kind: str, server: TlsServer, ca: trustme.CA) -> None:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    assert _list(make(kind, host=server.url, verify=context)) == []


@pytest.mark.parametrize("kind", KIND)
def test_ssl_cert_file_is_the_default_bundle(
    kind: str, server: TlsServer, ca_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    assert _list(make(kind, host=server.url)) == []


@pytest.mark.parametrize("kind", KIND)
def test_a_broken_ssl_cert_file_is_a_typed_error_naming_it(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    with pytest.raises(pc.ClientValidationError, match=r"\$SSL_CERT_FILE: cannot load the CA bundle"):
        make(kind)


@pytest.mark.parametrize("kind", KIND)
def test_verify_false_skips_verification(kind: str, server: TlsServer) -> None:
    assert _list(make(kind, host=server.url, verify=False)) == []


# -- the default bundle, read at the first handshake ----------------------------------------------


def _pool_context(api: Api) -> ssl.SSLContext:
    context: ssl.SSLContext = api.client._http._transport._pool._ssl_context  # type: ignore[union-attr]
    return context


def _held(context: ssl.SSLContext) -> int:
    # The base class's count: the deferred context's own `cert_store_stats` would load the bundle.
    return ssl.SSLContext.cert_store_stats(context)["x509_ca"]


@pytest.fixture
def certifi_is_the_test_ca(ca_file: str, monkeypatch: pytest.MonkeyPatch) -> str:
    import certifi

    monkeypatch.setattr(certifi, "where", lambda: ca_file)
    return ca_file


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("source", ["certifi", "SSL_CERT_FILE"])
def test_the_default_bundle_is_read_at_the_first_handshake(
    kind: str, source: str, server: TlsServer, ca_file: str, proxy_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not at construction: the client holds no CA until it first talks TLS; then it trusts the
    default bundle (certifi's, or $SSL_CERT_FILE's: here the test CA), directly and through a tunnel."""
    import certifi

    if source == "certifi":
        monkeypatch.setattr(certifi, "where", lambda: ca_file)
    else:
        monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    with contextlib.ExitStack() as stack:
        options: dict[str, Any] = {}
        if proxy_kind == "tunnel":
            options["proxy"] = stack.enter_context(ConnectProxy()).url
        api = make(kind, host=server.url, **options)
        context = _pool_context(api)
        assert _held(context) == 0, "the bundle was read at construction"
        assert _list(api) == []
        assert _held(context) == 1
    assert len(server.requests) == 1


@pytest.fixture(params=["direct", "tunnel"])
def proxy_kind(request: pytest.FixtureRequest) -> str:
    kind: str = request.param
    return kind


def test_concurrent_first_handshakes_all_see_the_whole_bundle(
    server: TlsServer, ca_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight threads start the client's first eight connections at once: each waits for the one
    loading the bundle, none is checked against part of it. The bundle is certifi's real one with
    the test CA last, so a handshake during the load (milliseconds) would not find it."""
    import concurrent.futures

    import certifi

    bundle = tmp_path / "bundle.pem"
    bundle.write_text(Path(certifi.where()).read_text() + Path(ca_file).read_text())
    monkeypatch.setattr(certifi, "where", lambda: str(bundle))
    api = make("sync", host=server.url)
    barrier = threading.Barrier(8)

    def one(_: int) -> list[str]:
        barrier.wait()
        names: list[str] = api.list_indexes().names()
        return names

    try:
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            assert list(pool.map(one, range(8))) == [[]] * 8
    finally:
        api.close()
    assert len(server.requests) == 8


def test_the_deferred_default_context_is_the_standard_librarys(
    certifi_is_the_test_ca: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every setting equals `ssl.create_default_context(cafile=certifi.where())` of this Python,
    once loaded the same trust store too; a Python changing those defaults fails here."""
    monkeypatch.setenv("SSLKEYLOGFILE", str(tmp_path / "keys.log"))
    ours = _network.ssl_context(True, None)
    stdlib = ssl.create_default_context(cafile=certifi_is_the_test_ca)
    settings = (
        "protocol", "verify_mode", "check_hostname", "options", "verify_flags", "minimum_version",
        "maximum_version", "post_handshake_auth", "keylog_filename", "hostname_checks_common_name",
        "security_level",
    )  # fmt: skip
    assert {s: getattr(ours, s) for s in settings} == {s: getattr(stdlib, s) for s in settings}
    assert _held(ours) == 0
    assert ours.get_ca_certs() == stdlib.get_ca_certs() != []


@pytest.mark.parametrize("kind", KIND)
def test_a_default_bundle_that_does_not_parse_is_a_typed_error_at_the_first_call(
    kind: str, server: TlsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It has a PEM header, so construction accepts it; the first call (and the next: nothing was
    loaded) is a ClientValidationError naming $SSL_CERT_FILE, and nothing reaches the server."""
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(broken))
    api = make(kind, host=server.url)
    try:
        for _ in range(2):
            with pytest.raises(pc.ClientValidationError, match=r"^\$SSL_CERT_FILE: cannot load the CA bundle: "):
                api.list_indexes()
    finally:
        api.close()
    assert server.requests == []


@pytest.mark.parametrize("kind", KIND)
def test_a_default_bundle_without_a_certificate_is_refused_at_construction(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "not-a-bundle.txt"
    empty.write_text("nothing here\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    refused = r"\$SSL_CERT_FILE: cannot load the CA bundle: no PEM certificate"
    with pytest.raises(pc.ClientValidationError, match=refused):
        make(kind)


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("after", ["deleted", "chdir"])
def test_the_bundle_trusted_is_the_one_read_at_construction(
    kind: str, after: str, server: TlsServer, ca_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read when the client is built: deleting it, or a `chdir` away from a relative
    `$SSL_CERT_FILE`, before the first handshake changes nothing (as when it was parsed then)."""
    bundle = tmp_path / "bundle.pem"
    bundle.write_text(Path(ca_file).read_text())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", "bundle.pem")
    api = make(kind, host=server.url)
    if after == "deleted":
        bundle.unlink()
    else:
        monkeypatch.chdir("/")
    assert _held(_pool_context(api)) == 0
    assert _list(api) == []


@pytest.mark.parametrize("kind", KIND)
def test_an_x509_certificate_header_is_a_certificate(
    kind: str, server: TlsServer, ca_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenSSL's older `X509 CERTIFICATE` PEM header, which it (and so the standard library) reads."""
    bundle = tmp_path / "x509.pem"
    bundle.write_text(Path(ca_file).read_text().replace(" CERTIFICATE-----", " X509 CERTIFICATE-----"))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    assert _list(make(kind, host=server.url)) == []


def test_a_bundle_with_entries_only_a_file_load_reads_is_loaded_at_construction(
    ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenSSL's `TRUSTED CERTIFICATE` entries (trust settings attached) and CRLs are read only by
    a file load: such a bundle is loaded when the client is built, as before."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    issuer = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
    key = serialization.load_pem_private_key(ca.private_key_pem.bytes(), password=None)
    now = datetime.datetime.now(datetime.UTC)
    crl = x509.CertificateRevocationListBuilder().issuer_name(issuer.subject).last_update(now).next_update(now)
    signed = crl.sign(key, hashes.SHA256())  # type: ignore[arg-type]  # trustme's CA key is an RSA key
    bundle = tmp_path / "with-crl.pem"
    bundle.write_bytes(ca.cert_pem.bytes() + signed.public_bytes(serialization.Encoding.PEM))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    context = _network.ssl_context(True, None)
    assert type(context) is ssl.SSLContext
    assert ssl.SSLContext.cert_store_stats(context) == {"x509": 1, "crl": 1, "x509_ca": 1}


def test_a_context_named_by_the_caller_is_loaded_at_construction(ca_file: str) -> None:
    """Only certifi's default is deferred: a bundle the caller names is checked when given."""
    assert _held(_network.ssl_context(ca_file, None)) == 1


# -- client certificates --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def client_files(client_ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    leaf = client_ca.issue_cert("client@example.com", common_name="team-search")
    out = tmp_path_factory.mktemp("client")
    files = {name: str(out / f"{name}.pem") for name in ("combined", "cert", "key", "encrypted_key")}
    leaf.private_key_and_cert_chain_pem.write_to_path(files["combined"])
    leaf.cert_chain_pems[0].write_to_path(files["cert"])
    leaf.private_key_pem.write_to_path(files["key"])
    key = serialization.load_pem_private_key(leaf.private_key_pem.bytes(), password=None)
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    Path(files["encrypted_key"]).write_bytes(encrypted)
    return files


@pytest.fixture
def mtls_server(ca: trustme.CA, client_ca: trustme.CA) -> Iterator[TlsServer]:
    with TlsServer(ca, client_ca=client_ca) as tls:
        yield tls


@pytest.mark.parametrize("kind", KIND)
def test_a_server_requiring_a_client_certificate_refuses_none(kind: str, mtls_server: TlsServer, ca_file: str) -> None:
    with pytest.raises(pc.APIConnectionError):
        _list(make(kind, host=mtls_server.url, verify=ca_file))
    assert mtls_server.requests == [] and mtls_server.peers == []


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("form", ["combined", "pair", "encrypted"])
def test_cert_presents_a_client_certificate(
    kind: str, form: str, mtls_server: TlsServer, ca_file: str, client_files: dict[str, str]
) -> None:
    cert: str | tuple[str, str] | tuple[str, str, str]
    if form == "combined":
        cert = client_files["combined"]
    elif form == "pair":
        cert = (client_files["cert"], client_files["key"])
    else:
        cert = (client_files["cert"], client_files["encrypted_key"], PASSWORD)
    assert _list(make(kind, host=mtls_server.url, verify=ca_file, cert=cert)) == []
    assert mtls_server.peers == ["team-search"]


@pytest.mark.parametrize("kind", KIND)
def test_a_wrong_key_password_is_a_typed_error_that_does_not_quote_it(kind: str, client_files: dict[str, str]) -> None:
    wrong = "wrong-pass-20b7"
    with pytest.raises(pc.ClientValidationError, match="cert") as info:
        make(kind, cert=(client_files["cert"], client_files["encrypted_key"], wrong))
    assert wrong not in str(info.value) + repr(info.value.args)


# -- proxies ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("form", ["url", "httpx.Proxy"])
def test_proxy_tunnels_https_through_a_forwarding_proxy(kind: str, form: str, server: TlsServer, ca_file: str) -> None:
    with ConnectProxy() as proxy:
        given: str | httpx.Proxy = proxy.url if form == "url" else httpx.Proxy(proxy.url)
        assert _list(make(kind, host=server.url, verify=ca_file, proxy=given)) == []
    assert len(proxy.requests) == 1
    assert proxy.requests[0].startswith(f"CONNECT 127.0.0.1:{server.port} ".encode())
    assert KEY.encode() not in proxy.requests[0], "the key travels only inside the tunnel"
    assert len(server.requests) == 1


@pytest.mark.parametrize("kind", KIND)
def test_https_proxy_variable_tunnels_and_no_proxy_bypasses(
    kind: str, server: TlsServer, ca_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ConnectProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        assert _list(make(kind, host=server.url, verify=ca_file)) == []
        assert len(proxy.requests) == 1
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        assert _list(make(kind, host=server.url, verify=ca_file)) == []
        assert len(proxy.requests) == 1, "NO_PROXY: straight to the server"
    assert len(server.requests) == 2


@pytest.mark.parametrize("kind", KIND)
def test_the_proxy_argument_wins_over_the_environment(
    kind: str, server: TlsServer, ca_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "ftp://broken.invalid:21")  # would be an error if it were read
    with ConnectProxy() as proxy:
        assert _list(make(kind, host=server.url, verify=ca_file, proxy=proxy.url)) == []
    assert len(proxy.requests) == 1


@pytest.mark.parametrize("kind", KIND)
def test_proxy_credentials_are_sent_to_the_proxy_and_kept_out_of_texts(
    kind: str, server: TlsServer, ca_file: str
) -> None:
    with ConnectProxy() as proxy:
        plain = proxy.url
        url = plain.replace("http://", "http://team:proxy-secret-93aa@")
        api = make(kind, host=server.url, verify=ca_file, proxy=url)
        texts = repr(api.client)
        assert _list(api) == []
    assert b"proxy-authorization: basic " in proxy.requests[0].lower()
    assert f"proxy='{plain}'" in texts  # the proxy in use is visible, without its credentials
    assert "proxy-secret-93aa" not in texts
    assert pc.ClientValidationError("seen proxy-secret-93aa").args == ("seen <redacted>",)


@pytest.mark.parametrize("kind", KIND)
def test_the_attempt_deadline_also_bounds_a_proxied_connection(kind: str, ca_file: str) -> None:
    """A proxy that dribbles its CONNECT answer a byte at a time never trips a per-read timeout;
    the attempt deadline (`timeout`, here 0.5 s) cuts it off long before the 400 bytes are out."""
    sent = [0]
    with dribbling_proxy(sent, total=400, interval=0.02) as proxy:
        api = make(kind, host="https://127.0.0.1:9", verify=ca_file, proxy=proxy.url, timeout=0.5, total_timeout=None)
        with pytest.raises(pc.APITimeoutError):
            _list(api)
    assert 0 < sent[0] < 400
    pool = api.client._http._transport._pool  # type: ignore[union-attr]
    assert isinstance(pool, httpcore.HTTPProxy if kind == "sync" else httpcore.AsyncHTTPProxy)
    assert isinstance(pool._network_backend, _network._Backend if kind == "sync" else _network._AsyncBackend)


# -- settings that cannot work: typed, at construction ---------------------------------------------


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"verify": "/nonexistent/ca.pem"}, "verify='/nonexistent/ca.pem'"),
        ({"verify": 3}, "verify must be"),
        ({"cert": "/nonexistent/client.pem"}, "cert"),
        ({"cert": 42}, "cert must be"),
        ({"cert": ("a", "b", "c", "d")}, "cert must be"),
        ({"verify": ssl.create_default_context(), "cert": "/x.pem"}, "load_cert_chain"),
        ({"proxy": 8080}, "proxy= must be"),
        ({"proxy": "ftp://127.0.0.1:21"}, "proxy=.*ftp"),
        ({"proxy": "http://[::1"}, r"proxy URL in proxy= is not a valid URL"),
        ({"proxy": "http://127.0.0.1:99999"}, "proxy="),
        ({"proxy": "http://127.0.0.1:3128", "host": "http://127.0.0.1:5080"}, "in clear to the proxy"),
        (
            {"proxy": "http://127.0.0.1:3128", "transport": httpx.MockTransport(lambda r: httpx.Response(200))},
            "transport=",
        ),
    ],
)
def test_network_settings_that_cannot_work_are_typed(kind: str, options: dict[str, Any], match: str) -> None:
    if kind == "async" and "transport" in options:
        options = {**options, "transport": _AsyncMock()}
    with pytest.raises(pc.ClientValidationError, match=match):
        make(kind, **options)


@pytest.mark.parametrize("kind", KIND)
def test_proxy_with_your_own_http_client_is_refused(kind: str) -> None:
    http: httpx.Client | httpx.AsyncClient = httpx.Client() if kind == "sync" else httpx.AsyncClient()
    with pytest.raises(pc.ClientValidationError, match="http_client"):
        make(kind, http_client=http, proxy="http://127.0.0.1:3128")


def test_an_explicit_proxy_is_allowed_for_plain_http_only_on_request() -> None:
    client = pc.Client(api_key=KEY, host="http://10.0.0.5", allow_insecure_http=True, proxy="http://127.0.0.1:3128")
    client.close()


class _AsyncMock(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200)


@contextlib.contextmanager
def _no_warnings() -> Iterator[None]:
    """Construction with a CA bundle path emits no warning (httpx deprecates `verify=<path>`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
