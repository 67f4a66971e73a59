"""Reading inputs: the only stage that touches files for reading."""
from .once import ReadOnce, distinct_inputs
from .read import STDIN, decode_text, read_source
from .sniff import sniff_format

__all__ = ["STDIN", "ReadOnce", "decode_text", "distinct_inputs", "read_source", "sniff_format"]
