"""Exit codes, in one place."""
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # clean, or only findings below --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # bad command line (typer/click also use 2)
    INPUT = 3  # an input is unreadable or unusable
    INTERNAL = 4  # a bug in citecheck: please report it
