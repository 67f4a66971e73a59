"""Persistent state behind small interfaces: the HTTP response cache (SQLite)."""
from .http_cache import CachingTransport, HttpCache

__all__ = ["CachingTransport", "HttpCache"]
