"""A shallow exception tree: exceptions are for "cannot go on", never for findings."""
from __future__ import annotations


class CitecheckError(Exception):
    """Base of citecheck's own errors."""


class InputError(CitecheckError):
    """An input file cannot be read or used. ``file`` and ``line`` say where."""

    def __init__(self, message: str, file: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        if not self.line:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {without_line(self.message, self.line)}"


def without_line(message: str, line: int | None) -> str:
    """``message`` without the "line N: " it opens with (a finding's way of saying where), for a
    message shown after ``file:N:`` already ("refs.bib:4: line 4: ..." says it twice)."""
    prefix = f"line {line}: "
    return message[len(prefix):] if line and message.startswith(prefix) else message


class UsageError(CitecheckError):
    """The command line asks for what cannot be done, though every input is fine (an output file
    that is one of the inputs): a usage error, exit code 2, as typer's own. ``file`` says which."""

    def __init__(self, message: str, file: str) -> None:
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"
