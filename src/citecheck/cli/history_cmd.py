"""``citecheck history``: the recorded timelines of one URL, or of every URL checked since a date."""
from __future__ import annotations

import json
import sys
from datetime import datetime

from ..config import Settings
from ..errors import InputError
from ..history import verdicts
from ..history.report import timelines_dict, timelines_text
from ..report.html import render_history_html
from ..store.history import HistoryStore
from .exit_codes import ExitCode


def run_history(url: str | None, since: datetime | None, settings: Settings, fmt: str, now: datetime) -> int:
    path = settings.history_path
    if not path.is_file():
        raise InputError("no link history here: record some with `citecheck links --history` "
                         "(or give the store with --store)", str(path))
    with HistoryStore(path) as store:
        if url is not None:
            urls = [url]
        else:
            urls = list(store.timelines(since=since))
        full = store.timelines(urls)  # the rule judges the whole timeline ...
    shown = {u: tuple(o for o in full[u] if since is None or o.checked_at >= since) for u in urls if u in full}
    shown = {u: obs for u, obs in shown.items() if obs}  # ... the listing shows the asked-for part
    judged = verdicts({u: full[u] for u in shown}, settings.rot_rule, now)
    if fmt == "json":
        text = json.dumps(timelines_dict(shown, judged, settings.rot_rule, now, since), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "html":
        subtitle = f"{len(shown)} URL(s)" + (f" checked since {since:%Y-%m-%d}" if since else "")
        text = render_history_html({u: tuple((o.checked_at, o.status) for o in obs) for u, obs in shown.items()},
                                   {u: v.health.value for u, v in judged.items()}, subtitle)
    else:
        text = timelines_text(shown, judged, settings.rot_rule, since)
    sys.stdout.write(text)
    return ExitCode.OK
