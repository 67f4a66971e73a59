"""Reading YAML bibliographies safely: a value YAML cannot build kept as its text, and an item that
aliases expand beyond any bibliography's size (a "billion laughs" file) found before it is built."""
from __future__ import annotations

import yaml

# the values (scalars, lists, mappings) one item may hold once its aliases are expanded: an item with
# 5,000 authors holds some 25,000; nine lists of nine aliases, nested nine deep, hold 387 million
MAX_ITEM_VALUES = 200_000


class _TextKeepingLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but a timestamp that is no date (``2019-13-45``, ``2019-02-30``) or an integer
    too long for Python to convert (over 4,300 digits) is kept as the text written, not an error that
    stops the file: pandoc reads every such value as text."""


def _kept_as_text(build):
    def construct(loader: yaml.SafeLoader, node: yaml.ScalarNode):
        try:
            return build(loader, node)
        except ValueError:
            return node.value
    return construct


for _tag, _build in (("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_timestamp),
                     ("tag:yaml.org,2002:int", yaml.SafeLoader.construct_yaml_int)):
    _TextKeepingLoader.add_constructor(_tag, _kept_as_text(_build))


def yaml_loader(text: str) -> yaml.SafeLoader:
    """A safe loader of ``text`` that keeps what it cannot build as text (see ``_TextKeepingLoader``)."""
    return _TextKeepingLoader(text)


def expanded_size(node: yaml.Node, limit: int = MAX_ITEM_VALUES) -> int:
    """How many values ``node`` holds with every alias expanded, counted up to ``limit`` (a node met
    again through an alias counts again, as anything that reads the built value meets it again)."""
    count, stack = 0, [node]
    while stack and count < limit:
        current = stack.pop()
        count += 1
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
    return count
