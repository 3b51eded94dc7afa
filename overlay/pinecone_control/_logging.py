"""The package logger. `PINECONE_CONTROL_LOG=debug` (or info) sends it to stderr."""

from __future__ import annotations

import logging
import os
import warnings

from . import _secrets

LOG_ENV = "PINECONE_CONTROL_LOG"
logger = logging.getLogger("pinecone_control")
_warned: set[str] = set()  # one warning per bad value, not one per client


class _SecretScrubber(logging.Filter):
    """Last line of defence: every registered secret (`_secrets`) is masked in each record of our
    logger -- the message, a formatted traceback and a stack."""

    def add(self, secret: str) -> None:
        """Kept for callers of the old API: the registry lives in `_secrets` now."""
        _secrets.register(secret)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = _secrets.scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse `exc_text` when set, so the traceback is formatted (and masked) once, here.
            record.exc_text = _secrets.scrub(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = _secrets.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = _secrets.scrub(record.stack_info)
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
        if level_name not in _warned:
            _warned.add(level_name)
            warnings.warn(
                f"{LOG_ENV}={level_name.lower()!r} is not a log level and is ignored; "
                "use debug, info, warning, error or critical",
                RuntimeWarning,
                stacklevel=3,
            )
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler._pinecone_control = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
