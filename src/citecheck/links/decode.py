"""Incremental Content-Encoding decoding with a hard cap on the decompressed size.

The transport reads the raw (still compressed) body and feeds it here, so a gzip bomb
costs at most ``limit`` bytes of memory: ``zlib``'s ``max_length`` bounds every step.
"""
from __future__ import annotations

import zlib


class BodyDecoder:
    """Decodes identity, gzip/x-gzip and deflate (zlib or raw) bodies up to ``limit`` bytes."""

    SUPPORTED = ("identity", "gzip", "x-gzip", "deflate")

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = (encoding or "identity").strip().lower()
        self.limit = max(0, limit)
        self.out = bytearray()
        self.capped = False  # the limit was reached: more data existed
        self._raw_deflate = False
        self._z = self._make()

    @classmethod
    def supports(cls, encoding: str) -> bool:
        return (encoding or "identity").strip().lower() in cls.SUPPORTED

    def _make(self):
        if self.encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self.encoding == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)
        return None

    @property
    def full(self) -> bool:
        return len(self.out) >= self.limit

    def feed(self, chunk: bytes) -> None:
        """Decode ``chunk``; sets ``capped`` once the limit is hit (the caller stops reading)."""
        if self.full:
            self.capped = self.capped or bool(chunk)
            return
        if self._z is None:
            room = self.limit - len(self.out)
            self.out += chunk[:room]
            self.capped = self.capped or len(chunk) > room
            return
        try:
            self._inflate(chunk)
        except zlib.error:
            if self.encoding == "deflate" and not self._raw_deflate and not self.out:
                self._raw_deflate = True  # servers often send raw deflate without the zlib header
                self._z = self._make()
                self._inflate(chunk)
            else:
                raise

    def _inflate(self, data: bytes) -> None:
        while data and not self.full:
            room = self.limit - len(self.out)
            self.out += self._z.decompress(data, room)
            data = self._z.unconsumed_tail
            if self._z.eof:
                return
        if data or (self.full and not self._z.eof):
            self.capped = True
