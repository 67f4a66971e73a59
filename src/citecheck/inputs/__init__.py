"""Reading inputs: the only stage that touches files for reading."""
from .read import STDIN, decode_text, read_source
from .sniff import sniff_format

__all__ = ["STDIN", "decode_text", "read_source", "sniff_format"]
