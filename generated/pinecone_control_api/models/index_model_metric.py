from enum import StrEnum
from typing import Final

# Unknown values seen from the server, kept so each is parsed once; bounded so a hostile
# server cannot grow it without limit.
_MAX_UNKNOWN_MEMBERS: Final = 64


class IndexModelMetric(StrEnum):
    """Forward-compatible: a value the server added after this spec parses as a pseudo-member that
    keeps its raw string (see ``is_unknown``) and round-trips unchanged. Known values behave as a
    plain ``StrEnum``; iteration and ``len()`` list only the documented values."""

    COSINE = "cosine"
    DOTPRODUCT = "dotproduct"
    EUCLIDEAN = "euclidean"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_unknown(self) -> bool:
        """True for a value that this spec version does not document."""
        # By identity, not by name: an unknown value is named after itself, so "READY" (for the
        # documented "Ready", whose member is also named READY) would otherwise pass as known.
        return type(self).__members__.get(self._name_) is not self

    @classmethod
    def _missing_(cls, value: object) -> "IndexModelMetric | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        if len(cls._value2member_map_) < len(cls.__members__) + _MAX_UNKNOWN_MEMBERS:
            member = cls._value2member_map_.setdefault(value, member)  # type: ignore[assignment]
        return member
