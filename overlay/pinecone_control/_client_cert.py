"""Loading a client certificate (`cert=`) without OpenSSL ever asking on the terminal.

Without a password callback, OpenSSL meets an encrypted key by writing "Enter PEM pass phrase:" on
the process's terminal and waiting there, so a service started from a shell hangs in the
constructor. OpenSSL is always given a callback instead: it hands over the password from `cert=`,
or refuses (CPython then raises the callback's exception out of `load_cert_chain`).
"""

from __future__ import annotations

import ssl

from . import _secrets
from ._errors import ClientValidationError

CertArg = str | tuple[str, str] | tuple[str, str, str]


class _NoPassword(Exception):
    """Raised in OpenSSL's password callback when `cert=` carries no password."""


def load_client_cert(context: ssl.SSLContext, cert: object) -> None:
    """Load `cert` (a PEM path, or `(certfile, keyfile[, password])`) into `context`; every problem
    is a ClientValidationError that never quotes the password and chains no exception."""
    parts = (cert,) if isinstance(cert, str) else cert
    if not isinstance(parts, tuple) or not 1 <= len(parts) <= 3 or not all(isinstance(p, str) for p in parts):
        raise ClientValidationError(
            "cert must be a PEM file path (certificate and key), or a (certfile, keyfile[, password]) tuple"
        )
    certfile, keyfile, given = (*parts, None, None)[:3]
    password: str | None = given
    if password:
        _secrets.register(password)
    asked: list[bool] = []  # OpenSSL asks only for an encrypted key

    def give_password() -> str:
        asked.append(True)
        if not password:
            raise _NoPassword
        return password

    key_path = keyfile or certfile
    try:
        context.load_cert_chain(certfile, keyfile, give_password)
        return
    except _NoPassword:
        problem = (
            f"the private key in {key_path!r} is encrypted and no password was given: pass it as the third "
            "element, cert=(certfile, keyfile, password)"
        )
    except ValueError as exc:  # CPython's own check of the password, e.g. longer than 1024 bytes
        problem = f"the password for the private key in {key_path!r} was refused: {_secrets.scrub(str(exc))}"
    except ssl.SSLError as exc:
        if asked and exc.reason is None:  # OpenSSL's bare "PEM lib": the key did not decrypt
            problem = f"the private key in {key_path!r} does not decrypt with the given password (wrong password?)"
        else:  # e.g. KEY_VALUES_MISMATCH, or a file that holds no key
            problem = f"cannot load the client certificate {certfile!r}: {_secrets.scrub(str(exc))}"
    except OSError as exc:
        problem = f"cannot load the client certificate {certfile!r}: {_secrets.scrub(str(exc))}"
    # Raised here, outside the handlers, so no library exception rides along as its __context__.
    raise ClientValidationError(f"cert: {problem}")
