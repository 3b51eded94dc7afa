"""The default TLS trust (`verify=True`), parsed at the first handshake rather than at construction.

Parsing a CA bundle takes 17-18 ms on the CI machine, most of what building a client costs; a
client that only talks to the emulator (plain http on loopback), or is built and never used, never
needs it. The default bundle file is the one httpx chooses: `$SSL_CERT_FILE` when set, else
certifi's (`$SSL_CERT_DIR` alone is a hashed directory OpenSSL reads per lookup anyway: `_network`
loads it as before). At construction the file is read (0.3 ms) and must hold a PEM certificate, else
the usual ClientValidationError; what was read is what is trusted, so a file deleted or a relative
path left behind by a `chdir` after construction changes nothing. Its certificates are parsed (as
`cadata`) the first time the context wraps a socket (sync) or a BIO (asyncio, anyio, trio), before
any certificate is checked, and the bytes are then dropped. A bundle that then fails to parse is a
ClientValidationError out of that first call, naming where it came from. A bundle holding what only
a file load reads (OpenSSL's `TRUSTED CERTIFICATE` entries, CRLs) is loaded at construction as
before, and so is one named by `verify=`.

The context is made as `ssl.create_default_context(cafile=...)` makes it, minus the parse;
`tests/adoption/test_network.py` checks that every setting and the loaded trust store equal the
standard library's for the running Python, so a Python that changes those defaults fails there.
"""

from __future__ import annotations

import os
import re
import ssl
import sys
import threading
from typing import Any

from ._errors import ClientValidationError

# The PEM entries `cadata` reads (OpenSSL's PEM_read_bio_X509); the two below need a file load.
_CERTIFICATE = re.compile(
    rb"-----BEGIN (?:X509 )?CERTIFICATE-----\r?\n.+?\r?\n-----END (?:X509 )?CERTIFICATE-----", re.S
)
_FILE_ONLY = (b"-----BEGIN TRUSTED CERTIFICATE-----", b"-----BEGIN X509 CRL-----")


def default_bundle() -> tuple[bytes, str] | None:
    """(the bundle's bytes, where it came from) for `verify=True`, or None when it is not to be
    deferred (`$SSL_CERT_DIR` alone, or entries only a file load reads). Raises OSError for a file
    that cannot be read (the caller names the source)."""
    path = os.environ.get("SSL_CERT_FILE")
    source = "$SSL_CERT_FILE"
    if not path:
        if os.environ.get("SSL_CERT_DIR"):
            return None
        import certifi  # httpx's default bundle; httpx imports it in the same place

        path, source = certifi.where(), "certifi's CA bundle"
    with open(path, "rb") as file:
        pem = file.read()
    if any(marker in pem for marker in _FILE_ONLY):
        return None
    if _CERTIFICATE.search(pem) is None:
        raise ClientValidationError(f"{source}: cannot load the CA bundle: no PEM certificate in {path}")
    return pem, source


class DeferredTrustContext(ssl.SSLContext):
    """An `ssl.SSLContext` whose CA bundle is parsed just before its first use."""

    _pem: bytes | None  # the bundle as read at construction, until parsed
    _source: str
    _loaded: bool
    _lock: threading.Lock
    _pid: int

    def _load_trust(self) -> None:
        if self._loaded:
            return
        if self._pid != os.getpid():  # a forked child: the parent's lock may have been held at the fork
            self._lock, self._pid = threading.Lock(), os.getpid()
        with self._lock:  # a handshake must never see part of a bundle: the others wait for the first
            if not self._loaded:
                certificates = b"\n".join(m.group(0) for m in _CERTIFICATE.finditer(self._pem or b""))
                try:
                    super().load_verify_locations(cadata=certificates.decode("ascii"))
                except (ValueError, ssl.SSLError) as exc:  # not loaded: the next call tries again
                    raise ClientValidationError(f"{self._source}: cannot load the CA bundle: {exc}") from None
                self._loaded, self._pem = True, None

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self._load_trust()
        return super().wrap_socket(*args, **kwargs)

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self._load_trust()
        return super().wrap_bio(*args, **kwargs)

    # What the trust store holds is asked of a loaded one, so it never looks empty to a caller.
    def cert_store_stats(self) -> dict[str, int]:
        self._load_trust()
        return super().cert_store_stats()

    def get_ca_certs(self, binary_form: bool = False) -> Any:
        self._load_trust()
        return super().get_ca_certs(binary_form)


def default_context(pem: bytes, source: str) -> DeferredTrustContext:
    """What `ssl.create_default_context(Purpose.SERVER_AUTH, cafile=...)` returns (the same
    settings; see the module's note), with the certificates in `pem` parsed at the first handshake."""
    context = DeferredTrustContext(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED and check_hostname already
    if sys.version_info >= (3, 13):  # what create_default_context adds from 3.13
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN | ssl.VERIFY_X509_STRICT
    keylog = os.environ.get("SSLKEYLOGFILE")
    if keylog and not sys.flags.ignore_environment:
        context.keylog_filename = keylog
    context._pem, context._source, context._loaded = pem, source, False
    context._lock, context._pid = threading.Lock(), os.getpid()
    return context
