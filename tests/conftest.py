"""Test-wide guards: no test may reach the network."""
from __future__ import annotations

import ipaddress
import socket

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(AssertionError):
    """Raised when a test tries to reach a host other than this machine."""


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host in ("localhost", "") or host is None:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(address) -> None:
    if isinstance(address, tuple) and address and not _is_local(address[0]):
        raise NetworkBlocked(f"a test tried to reach {address!r}; mock it with `responses` or use 127.0.0.1")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def guarded_connect(self, address):
        _check(address)
        return _real_connect(self, address)

    def guarded_connect_ex(self, address):
        _check(address)
        return _real_connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            raise NetworkBlocked(f"a test tried to resolve {host!r}; mock it with `responses`")
        return _real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield
