"""The HTML report's inline stylesheet and link-state colours (kept apart from the markup code)."""
from __future__ import annotations

from ..model import LinkStatus

STATE_COLOURS = {
    LinkStatus.ALIVE: "#2e7d32",
    LinkStatus.REDIRECTED: "#66bb6a",
    LinkStatus.DEAD: "#c62828",
    LinkStatus.SOFT_404: "#e53935",
    LinkStatus.BLOCKED: "#8e24aa",
    LinkStatus.RATE_LIMITED: "#ab47bc",
    LinkStatus.TIMEOUT: "#ef6c00",
    LinkStatus.ERROR: "#6d4c41",
    LinkStatus.SKIPPED: "#9e9e9e",
}

CSS = """
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --ok: #2e7d32; --muted: #5f6368;
        --line: #dadce0; --bg: #f8f9fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202124;
       margin: 0 auto; max-width: 1100px; padding: 24px; background: #fff; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 1.05em; margin: 0 0 6px; }
code, .raw { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; background: var(--bg); }
.card .n { font-size: 1.8em; font-weight: 700; display: block; }
.card.error .n { color: var(--error); } .card.warning .n { color: var(--warning); } .card.info .n { color: var(--info); }
#link-chart { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); }
.ref { border: 1px solid var(--line); border-left: 6px solid var(--ok); border-radius: 6px; padding: 12px 16px;
       margin: 12px 0; }
.ref.sev-error { border-left-color: var(--error); } .ref.sev-warning { border-left-color: var(--warning); }
.ref.sev-info { border-left-color: var(--info); }
.ref .raw { background: var(--bg); padding: 6px 8px; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: .8em; font-weight: 600; color: #fff;
         background: var(--ok); vertical-align: middle; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.finding { margin: 10px 0 0; padding: 8px 0 0; border-top: 1px dashed var(--line); }
.finding p { margin: 2px 0; }
details { margin: 4px 0; } summary { cursor: pointer; color: var(--muted); }
details ul { margin: 4px 0; padding-left: 22px; }
.urls { margin: 6px 0; padding-left: 20px; overflow-wrap: anywhere; }
.state { font-weight: 600; }
.fix { margin: 6px 0; }
.diff { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .88em; border: 1px solid var(--line);
        border-radius: 4px; overflow-wrap: anywhere; }
.diff div { padding: 3px 8px; white-space: pre-wrap; }
.diff .before { background: #fdecea; } .diff .after { background: #e8f5e9; }
.diff del { background: #f5b7b1; text-decoration: line-through; } .diff ins { background: #a5d6a7; text-decoration: none; }
.applies { color: var(--ok); font-weight: 600; } .review { color: var(--warning); font-weight: 600; }
.clean { columns: 2; padding-left: 20px; }
footer { margin-top: 40px; color: var(--muted); font-size: .85em; }
"""
