"""citecheck: keep references honest."""
__version__ = "0.1.0"
