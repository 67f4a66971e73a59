"""A reader that closes the pipe early (`citecheck convert refs.bib | head`) is no internal error."""
from __future__ import annotations

from citecheck.cli.app import _guard


def test_a_closed_pipe_ends_quietly_with_sigpipes_code(capsys):
    def writes_into_a_closed_pipe() -> int:
        raise BrokenPipeError(32, "Broken pipe")

    assert _guard(writes_into_a_closed_pipe) == 141
    assert "internal error" not in capsys.readouterr().err
