"""Text from the inputs made safe to print: a control character (an escape sequence, a bell, a
carriage return pasted into a title) is shown as ``\\x1b``, never sent to the terminal, where it
could recolour, rewrite or hide the report. Newlines and tabs are kept."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character but newline and tab written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
