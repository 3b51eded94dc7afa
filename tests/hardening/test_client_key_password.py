"""`cert=` with an encrypted private key: the constructor never asks on the terminal.

Without a password callback OpenSSL prompts "Enter PEM pass phrase:" on the controlling terminal
(or on stdin/stderr when there is none) and waits, so a service started from a shell hangs in the
constructor. The prompt only happens with a terminal or an open stdin, so those cases run in a
child process: one whose controlling terminal is a pseudo-terminal, one whose stdin is a pipe
that stays open. Each is stopped (killed) if it has not finished in time."""

from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
import textwrap
import time
import traceback
from pathlib import Path

import pinecone_control as pc
import pytest
import trustme
from cryptography.hazmat.primitives import serialization

PASSWORD = "key-pass-3f9c2a71"
KEY = "pc-cert-canary-41be0d"
PROMPT = b"pass phrase"
DEADLINE = 30.0  # seconds for the child to import the package and refuse; it fails much sooner


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A real client certificate and its key, encrypted with PASSWORD: as a pair and in one PEM."""
    ca = trustme.CA()
    leaf = ca.issue_cert("client@example.com", common_name="team-search")
    other = ca.issue_cert("other@example.com")
    out = tmp_path_factory.mktemp("encrypted-key")

    def encrypted(pem: bytes) -> bytes:
        key = serialization.load_pem_private_key(pem, password=None)
        encryption = serialization.BestAvailableEncryption(PASSWORD.encode())
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)

    cert = leaf.cert_chain_pems[0].bytes()
    contents = {
        "cert": cert,
        "key": encrypted(leaf.private_key_pem.bytes()),
        "combined": encrypted(leaf.private_key_pem.bytes()) + cert,
        "other_key": encrypted(other.private_key_pem.bytes()),
    }
    paths = {name: out / f"{name}.pem" for name in contents}
    for name, data in contents.items():
        paths[name].write_bytes(data)
    return {name: str(path) for name, path in paths.items()}


def _child_code(kind: str, cert: object, on_terminal: bool) -> str:
    return textwrap.dedent(
        f"""
        import sys
        if {on_terminal!r}:  # make the pseudo-terminal on fd 0 this session's controlling terminal
            import fcntl, termios
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        import pinecone_control as pc
        try:
            pc.{"Client" if kind == "sync" else "AsyncClient"}(api_key={KEY!r}, cert={cert!r})
        except pc.ClientValidationError as error:
            print("REFUSED:", error, flush=True)
        else:
            print("BUILT", flush=True)
        """
    )


def _run_child(code: str, on_terminal: bool) -> tuple[bytes, int | None]:
    """Run `code` in a new session; its output until it exits, the first prompt, or DEADLINE."""
    terminal: int | None = None
    if on_terminal:
        terminal, child = os.openpty()
        process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=child, stdout=child, stderr=child, start_new_session=True
        )
        os.close(child)
        reading = terminal
    else:  # no terminal; stdin is a pipe that stays open, so a prompt read from it would wait
        process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        assert process.stdout is not None
        reading = process.stdout.fileno()
    output = b""
    try:
        end = time.monotonic() + DEADLINE
        while PROMPT not in output and time.monotonic() < end:
            ready, _, _ = select.select([reading], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(reading, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        if terminal is not None:
            os.close(terminal)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()
    return output, process.returncode


@pytest.mark.parametrize("on_terminal", [True, False], ids=["terminal", "stdin-pipe"])
@pytest.mark.parametrize(("kind", "form"), [("sync", "pair"), ("async", "combined")])
def test_an_encrypted_key_without_a_password_is_refused_without_a_prompt(
    kind: str, form: str, on_terminal: bool, files: dict[str, str]
) -> None:
    """Old code: the child wrote "Enter PEM pass phrase:" and waited for an answer."""
    cert = (files["cert"], files["key"]) if form == "pair" else files["combined"]
    key_file = files["key"] if form == "pair" else files["combined"]
    output, _ = _run_child(_child_code(kind, cert, on_terminal), on_terminal)
    assert PROMPT not in output, output
    text = output.decode(errors="replace")
    assert f"REFUSED: cert: the private key in {key_file!r} is encrypted and no password was given" in text, text
    assert "cert=(certfile, keyfile, password)" in text


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_wrong_key_password_is_named_and_never_quoted(kind: str, files: dict[str, str]) -> None:
    """Old code: "cert: cannot load the client certificate '...cert.pem': [SSL] PEM lib (_ssl.c:3926)"."""
    wrong = "wrong-pass-8d2e51"
    cls = pc.Client if kind == "sync" else pc.AsyncClient
    with pytest.raises(pc.ClientValidationError) as info:
        cls(api_key=KEY, cert=(files["cert"], files["key"], wrong))
    error = info.value
    assert str(error) == (
        f"cert: the private key in {files['key']!r} does not decrypt with the given password (wrong password?)"
    )
    assert error.__cause__ is None and error.__context__ is None
    texts = [str(error), repr(error), "".join(traceback.format_exception(error)), repr(pickle.dumps(error))]
    assert all(wrong not in text for text in texts)


def test_the_right_password_loads_and_a_key_of_another_certificate_is_not_called_a_wrong_password(
    files: dict[str, str],
) -> None:
    pc.Client(api_key=KEY, cert=(files["cert"], files["key"], PASSWORD)).close()
    with pytest.raises(pc.ClientValidationError, match="key values mismatch") as info:
        pc.Client(api_key=KEY, cert=(files["cert"], files["other_key"], PASSWORD))
    assert "wrong password" not in str(info.value) and PASSWORD not in str(info.value)


def test_an_over_long_password_is_a_typed_error(files: dict[str, str]) -> None:
    """CPython refuses passwords over 1024 bytes with a plain ValueError."""
    with pytest.raises(pc.ClientValidationError, match="longer than 1024 bytes"):
        pc.Client(api_key=KEY, cert=(files["cert"], files["key"], "x" * 2000))


def test_an_unencrypted_key_is_never_asked_a_password(tmp_path: Path) -> None:
    leaf = trustme.CA().issue_cert("plain@example.com")
    combined = tmp_path / "plain.pem"
    leaf.private_key_and_cert_chain_pem.write_to_path(str(combined))
    pc.Client(api_key=KEY, cert=str(combined)).close()
