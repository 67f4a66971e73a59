"""Token patterns several label repairs share (``name_repairs``, ``title_repairs``)."""
from __future__ import annotations

import re


ASCII_DIGIT = re.compile(r"[0-9]")

YEAR_TOKEN = re.compile(r"^\(?(?:1[5-9]|20)\d{2}[a-z]?\)?[.;,]?$")

INITIAL_MARK = re.compile(r"^(?:[A-Z]\.)+$")

FAMILY_NAME_COMMA = re.compile(r"^[A-Z][\w'’-]+,$")

EDITORS_AFTER = re.compile(r"^(?:editors?|\(?eds?\.?\)?)[,.:]?$", re.IGNORECASE)  # "editors,", "(eds.),", "eds.,"
