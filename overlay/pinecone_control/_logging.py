"""The package logger. `PINECONE_CONTROL_LOG=debug` (or info) sends it to stderr."""

from __future__ import annotations

import logging
import os

from . import _secrets

LOG_ENV = "PINECONE_CONTROL_LOG"
logger = logging.getLogger("pinecone_control")


class _SecretScrubber(logging.Filter):
    """Last line of defence: any registered secret is masked in every record of our logger."""

    def add(self, secret: str) -> None:
        _secrets.register(secret)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = _secrets.scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
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
