"""What the CLI builds for an online run: the budgets and the optional Save Page Now client."""
from __future__ import annotations

from pathlib import Path

from citecheck.cli.services import build_services
from citecheck.config import Settings


def test_offline_builds_nothing_networked():
    services = build_services(Settings(offline=True))
    assert services.links is None and services.sources is None and services.existence is None


def test_online_builds_links_evidence_and_existence(tmp_path: Path):
    services = build_services(Settings(offline=False, cache_dir=tmp_path))
    assert services.links is not None and services.existence is not None
    assert {s.name for s in services.sources} >= {"Crossref", "OpenLibrary", "OpenAlex", "cited page metadata"}
    assert services.links.save is None
    assert (tmp_path / "http.sqlite3").exists()


def test_no_verify_skips_existence(tmp_path: Path):
    assert build_services(Settings(offline=False, cache_dir=None, verify=False)).existence is None


def test_save_missing_needs_the_archive_keys(monkeypatch):
    monkeypatch.delenv("IA_ACCESS_KEY", raising=False)
    monkeypatch.delenv("IA_SECRET_KEY", raising=False)
    assert build_services(Settings(offline=False, cache_dir=None, save_missing=True)).links.save is None
    monkeypatch.setenv("IA_ACCESS_KEY", "access")
    monkeypatch.setenv("IA_SECRET_KEY", "secret")
    assert build_services(Settings(offline=False, cache_dir=None, save_missing=True)).links.save is not None


def test_a_cache_that_cannot_be_opened_is_said_and_the_run_goes_on(tmp_path: Path, caplog):
    corrupt = tmp_path / "cache"
    corrupt.mkdir()
    (corrupt / "http.sqlite3").write_bytes(b"\x00garbage, not a database" * 200)
    services = build_services(Settings(offline=False, cache_dir=corrupt))
    assert services.links is not None and services.existence_cache is not None
    assert "http.sqlite3: the cache cannot be used (file is not a database); running without it" in caplog.text
    a_file = tmp_path / "essay.md"
    a_file.write_text("not a folder\n", encoding="utf-8")
    services = build_services(Settings(offline=False, cache_dir=a_file))
    assert services.links is not None and services.existence_cache is None
    assert f"the cache cannot be used ({a_file} is not a folder)" in caplog.text
