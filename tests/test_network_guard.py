import socket

import pytest
import requests
import responses


def test_unmocked_request_fails_loudly():
    with pytest.raises(Exception) as info:
        requests.get("https://example.org/", timeout=2)
    assert "tried to" in str(info.value)


def test_raw_socket_to_public_address_fails():
    s = socket.socket()
    try:
        with pytest.raises(AssertionError, match="tried to reach"):
            s.connect(("93.184.216.34", 80))
    finally:
        s.close()


@responses.activate
def test_mocked_request_passes():
    responses.get("https://example.org/", body="ok")
    assert requests.get("https://example.org/", timeout=2).text == "ok"
