"""The package logger. `PINECONE_CONTROL_LOG=debug` (or info) sends it to stderr."""

from __future__ import annotations

import logging
import os

LOG_ENV = "PINECONE_CONTROL_LOG"
logger = logging.getLogger("pinecone_control")


class _SecretScrubber(logging.Filter):
    """Last line of defence: any registered API key is masked in every record of our logger."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add(self, secret: str) -> None:
        if len(secret) >= 4:
            self._secrets.add(secret)

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secrets:
            message = record.getMessage()
            if any(secret in message for secret in self._secrets):
                for secret in self._secrets:
                    message = message.replace(secret, "<redacted>")
                record.msg, record.args = message, None
        return True


scrubber = _SecretScrubber()
logger.addFilter(scrubber)


def setup_from_env() -> None:
    """Attach a stderr handler once if the env var asks for it; leave the app's config alone otherwise."""
    level_name = os.environ.get(LOG_ENV, "").strip().upper()
    if not level_name or any(getattr(h, "_pinecone_control", False) for h in logger.handlers):
        return
    level = logging.getLevelName(level_name)
    if not isinstance(level, int):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler._pinecone_control = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
