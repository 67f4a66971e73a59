"""Link history (pure): the rot rules over a URL's timeline and what changed since the last run.

The store (``citecheck.store.history``) keeps the observations; this stage only reasons about
them, with ``now`` always passed in, so tests simulate days of runs in seconds.
"""
from .changes import FailLevel, RunAssessment, assess_run, changes_between
from .records import Change, ChangeKind, Health, Observation, RotRule, RunInfo, Signal, Verdict, observe
from .rules import signal, verdict, verdicts

__all__ = [
    "Change", "ChangeKind", "FailLevel", "Health", "Observation", "RotRule", "RunAssessment", "RunInfo", "Signal", "Verdict",
    "assess_run", "changes_between", "observe", "signal", "verdict", "verdicts",
]
