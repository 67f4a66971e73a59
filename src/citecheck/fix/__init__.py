"""Fixes: which are decided, and applying them to records and to file text."""
from .plan import decided_fixes, for_review
from .records import apply_to_references
from .text import Edit, apply_edits, edits_for

__all__ = ["Edit", "apply_edits", "apply_to_references", "decided_fixes", "edits_for", "for_review"]
