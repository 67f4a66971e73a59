"""Persistent state behind small interfaces: the HTTP response cache and the link history (SQLite)."""
from .history import HistoryStore, StoreError
from .http_cache import CachingTransport, HttpCache

__all__ = ["CachingTransport", "HistoryStore", "HttpCache", "StoreError"]
