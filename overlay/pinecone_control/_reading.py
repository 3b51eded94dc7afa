"""Reading an answer's body as it streams in: the size cap and the attempt deadline between chunks.

Both drivers feed the same reader; the sync one from `iter_bytes()`, the async one from
`aiter_bytes()`. The deadline check here covers transports the client did not build (a caller's
`transport=` or `http_client=`), whose socket reads `_network` cannot bound.
"""

from __future__ import annotations

import httpx

from ._effects import Send, TooLarge
from ._network import attempt_time_left


class BodyTooLarge(Exception):
    """Raised by `BodyReader` to stop reading; the driver turns it into a `TooLarge` outcome."""

    def __init__(self, outcome: TooLarge) -> None:
        super().__init__(f"response body larger than {outcome.limit} bytes")
        self.outcome = outcome


class BodyReader:
    def __init__(self, response: httpx.Response, send: Send) -> None:
        self._response = response
        self._limit = send.max_bytes
        self._chunks: list[bytes] = []
        self._size = 0
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._limit:
            raise self._too_large()

    def _too_large(self) -> BodyTooLarge:
        return BodyTooLarge(TooLarge(self._response.status_code, self._response.headers, self._limit))

    def feed(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._limit:
            raise self._too_large()
        left = attempt_time_left()
        if left is not None and left <= 0:
            raise httpx.ReadTimeout("the attempt's total deadline passed", request=self._response.request)
        self._chunks.append(chunk)

    def finish(self) -> httpx.Response:
        """The answer with its decoded body in memory, as httpx's own `read()` leaves it (it too
        stores `b"".join(iter_bytes())` as the content); no second response object is built."""
        self._response._content = b"".join(self._chunks)
        return self._response
