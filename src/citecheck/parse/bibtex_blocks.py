"""BibTeX text -> bibtexparser blocks, a chunk at a time, the same as one ``bibtexparser.parse_string``.

Chunks are cut only where a line begins with a block start (``@type{`` or ``@type(``): bibtexparser's
splitter begins a new block there whatever came before (a block still open is aborted by it), so a
chunk splits into the blocks the whole text gives. A chunk that does not end the text is followed by
a sentinel, an empty block with the next chunk's block start (``@article{}``): a block left open at
the cut is aborted with the message and the raw text the whole parse gives, and the sentinel's own
block is dropped.

What the whole parse shares between blocks is carried over: the keys seen (a repeated entry or
@string key is a ``DuplicateBlockKeyBlock``), and the @string macros, which bibtexparser resolves
wherever in the file they are defined, before or after their use (a value concatenated with ``#``
from macros and text is expanded here: ``concatenate``). ``scan_bibtex``, a first pass over
the text, reads them (it splits only the chunks that contain ``@string``); it also tells whether an
entry may lack a key (whose generated key would depend on the whole file).

Spans: the splitter notes where each block opens (its ``@``); the chunk's offset and first line
make that a place in the file.
"""
from __future__ import annotations

import bisect
import copy
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from bibtexparser.library import Library
from bibtexparser.middlewares import default_parse_stack
from bibtexparser.middlewares.enclosing import RemoveEnclosingMiddleware
from bibtexparser.middlewares.interpolate import ResolveStringReferencesMiddleware
from bibtexparser.model import (
    Block, DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, ExplicitComment, Field, ImplicitComment,
    ParsingFailedBlock, Preamble, String,
)
from bibtexparser.splitter import Splitter

from ..model import Span
from .braces import brace_group_end
from .lines import line_starts

TextSource = Callable[[], Iterable[str]]  # the text from its start, piece by piece (read more than once)
CHUNK_CHARS = 1 << 17  # a chunk holds at least this many characters (a few hundred entries)
PIECE_CHARS = 1 << 20  # a text in memory is fed to the chunker in pieces of this size
# A block start at the start of a line (the splitter's ``_BLOCK_START`` after a newline).
_CUT = re.compile(r"\n(@\w*[ \t]*)[{(]")
_STRING_START = re.compile(r"@string", re.IGNORECASE)
# An entry whose key is empty: only blanks between the opening delimiter and the first comma or
# closing delimiter (over-eager: a match in a value or a comment only costs the streaming path).
_KEYLESS = re.compile(r"@\w*[ \t]*[{(]\s*[,})]")


@dataclass(frozen=True)
class Chunk:
    """Whole blocks of the text: from one cut (or the start) to the next cut (or the end)."""

    text: str
    start: int  # offset of text[0] in the whole text
    row: int  # 0-based line of text[0]
    line: int  # the same line as bibtexparser counts it (a newline after a backslash is not counted)
    follower: str  # the block-start mark the next chunk begins with; "" for the last chunk

    def sentinel(self) -> str:
        """An empty block of the next chunk's type, parsed cleanly whatever it is."""
        if not self.follower:
            return ""
        body = "x=1" if self.follower[1:].lower().startswith("string") else ""
        return f"{self.follower}{{{body}}}"


def text_pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """``text`` in pieces of ``size`` characters."""
    for start in range(0, len(text), size):
        yield text[start : start + size]


def split_chunks(pieces: Iterable[str], size: int | None = None) -> Iterator[Chunk]:
    """The text of ``pieces`` as chunks of at least ``size`` characters (``CHUNK_CHARS`` if None;
    the last chunk may be shorter)."""
    size = max(size or CHUNK_CHARS, 1)
    buf, pos = "", 0  # buf[pos:] is the text not yet given out; it starts at a cut
    search = 0  # where a cut may still be found in buf
    start = row = line = 0
    for piece in pieces:
        if not piece:
            continue
        buf, search, pos = buf[pos:] + piece, search - pos, 0
        while True:
            match = _CUT.search(buf, max(pos + size - 1, search))
            if match is None:
                # only a block start cut off by the end of buf can still begin a cut
                search = max(buf.rfind("\n"), pos + size - 1)
                break
            cut = match.start() + 1
            text = buf[pos:cut]
            yield Chunk(text, start, row, line, match.group(1))
            newlines = text.count("\n")
            start, row, line = start + len(text), row + newlines, line + newlines - text.count("\\\n")
            pos = search = cut
    if pos < len(buf):
        yield Chunk(buf[pos:], start, row, line, "")


def _split(chunk: Chunk) -> list[tuple[Block, int | None, str]]:
    """The chunk's blocks as the splitter gives them (a key repeated within the chunk already
    marked), each with the offset of its ``@`` in the chunk (None for an implicit comment, the text
    between blocks) and the ``%`` comment lines between its fields (``blank_comments``: the splitter
    sees blanks there, the block's raw text keeps them)."""
    sentinel = chunk.sentinel()
    text, comments = blank_comments(chunk.text)
    splitter = _ChunkSplitter(text + sentinel, chunk.line)
    blocks = splitter.split().blocks
    starts = iter(splitter.block_starts)
    triples: list[tuple[Block, int | None, str]] = []
    for block in blocks:
        at = None if isinstance(block, ImplicitComment) else next(starts)
        said = ""
        if comments and at is not None and block.raw:
            end = at + len(block.raw)
            said = "\n".join(comment for offset, comment in comments if at <= offset < end)
            if said:  # the raw text as written (bibtexparser's ``raw`` has no setter: its attribute)
                block._raw = chunk.text[at:end]
        triples.append((block, at, said))
    return triples[:-1] if sentinel else triples


_SCANNED = re.compile(r'[\\{}()"%@]')
_OPENING = re.compile(r"@[ \t]*(\w+)[ \t]*([{(])")


def blank_comments(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with each ``%`` comment written between an entry's fields (before a field, after its
    comma, before the closing brace) blanked to its line's end, and each (offset, comment). biber skips
    them; bibtexparser reads one into the next field's name (the field was lost) or fails the entry.
    A ``%`` in a value (braced or quoted) is text; @comment and @preamble blocks are left alone."""
    if "%" not in text:
        return text, []
    out: list[str] = []
    comments: list[tuple[int, str]] = []
    depth, quoted, closer, keep, done = 0, False, "}", True, 0
    index = 0
    while True:
        found = _SCANNED.search(text, index)
        if found is None:
            break
        at, ch = found.start(), found.group()
        index = at + 1
        if depth == 0:
            opening = _OPENING.match(text, at) if ch == "@" else None
            if opening:
                depth, quoted, index = 1, False, opening.end()
                closer = "}" if opening.group(2) == "{" else ")"
                keep = opening.group(1).lower() in ("comment", "preamble")
        elif ch == "\\":
            index = at + 2
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == ")" and closer == ")" and depth == 1 and not quoted:
            depth = 0
        elif ch == '"' and depth == 1:
            quoted = not quoted
        elif ch == "%" and depth == 1 and not quoted and not keep:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            comments.append((at, text[at:end].rstrip()))
            out.append(text[done:at] + " " * (end - at))
            done = index = end
    return "".join(out) + text[done:], comments


class _ChunkSplitter(Splitter):
    """bibtexparser's splitter counting lines from the chunk's first line (as bibtexparser counts
    them, so that its warnings about an aborted block name the lines the whole parse names), and
    noting where each block starts (every block but an implicit comment is opened here)."""

    def __init__(self, text: str, first_line: int):
        super().__init__(text)
        self._current_line = first_line - 1  # -1: the newline the splitter puts before the text
        self._reset_block_status(current_char_index=0)
        self.block_starts: list[int] = []

    def _open_block(self, m) -> None:
        self.block_starts.append(m.start() - 1)  # -1: that newline again
        super()._open_block(m)


@dataclass(frozen=True)
class BibtexPrelude:
    """What a first pass over the text finds: every @string block, and whether an entry may lack a key."""

    strings: tuple[String, ...] = ()  # the first block of each key, in file order, as split
    keyless: bool = False

    def resolved(self) -> tuple[String, ...]:
        """The strings with their enclosing removed, as the whole parse leaves ``library.strings``."""
        strings = copy.deepcopy(list(self.strings))
        return tuple(RemoveEnclosingMiddleware(allow_inplace_modification=True).transform(Library(strings)).strings)


def scan_bibtex(pieces: Iterable[str], size: int | None = None) -> BibtexPrelude:
    """The @string blocks of the text (only chunks that mention ``@string`` are split) and whether
    some entry may have an empty key."""
    strings: dict[str, String] = {}
    keyless = False
    for chunk in split_chunks(pieces, size):
        keyless = keyless or _KEYLESS.search(chunk.text) is not None
        if _STRING_START.search(chunk.text) is None:
            continue
        for block, _, _ in _split(chunk):
            if isinstance(block, String):
                strings.setdefault(block.key, block)
    return BibtexPrelude(tuple(strings.values()), keyless)


@dataclass(frozen=True)
class ParsedBlock:
    """A block worth a record: an entry, or a block that failed (``entry``: what to read of it)."""

    block: Block
    span: Span
    entry: Entry | None
    before: str = ""  # the comments and preambles between the previous entry and this one, as written
    after: str = ""  # those after the last entry of the file (given to it)
    problems: tuple[str, ...] = ()  # what was repaired in the entry (``split_run_together``), to say
    strays: tuple[tuple[int, str], ...] = ()  # (line, text) of words outside any entry before it (or ending the file)


def _commented_out(raw: str, line: int) -> str:
    """A block that could not be read, as comment lines a converted file keeps: nothing is lost, and
    the file still parses ("@" is written "(at)": bibtex and biber start an entry at any "@", even
    after "%")."""
    lines = [f"% citecheck: the block at line {line} could not be read; it was (each at sign written (at)):"]
    lines += [f"% {text}".rstrip().replace("@", "(at)") for text in raw.strip().splitlines()]
    return "\n".join(lines)


def stray_text(block: ImplicitComment) -> list[tuple[int, str]]:
    """(line, text) of each line of the text between entries that is no ``%`` comment (nor an old-style
    ``@comment`` line): words bibtex and biber skip without a word (a reference pasted between two
    entries, a note to oneself)."""
    first = block.start_line + 1 if isinstance(block.start_line, int) else 0
    return [(first + offset, line.strip()) for offset, line in enumerate((block.raw or block.comment).split("\n"))
            if line.strip() and not line.strip().startswith("%") and not _OLD_COMMENT.match(line)
            and not _TOOL_HEADER.search(line) and not _RULE.match(line)]


_OLD_COMMENT = re.compile(r"\s*@comment\b", re.IGNORECASE)  # "@comment words" without braces: a comment too
# the header a reference manager writes without "%" (Mendeley Desktop: "Automatically generated by Mendeley
# Desktop.", "Any changes to this file will be lost if it is regenerated by Mendeley.", "BibTeX export options
# can be customized via Options -> BibTeX in Mendeley Desktop"): the tool's words, never the user's
_TOOL_HEADER = re.compile(r"\b(?:re)?generated (?:by|with)\b|\bMendeley Desktop\b", re.IGNORECASE)
_RULE = re.compile(r"\s*-{3,}\s*$")  # the rule of dashes Mendeley writes under its header's first line: no words


def _comment_text(block: Block) -> str:
    """A comment or preamble block as the file writes it ("" for any other block)."""
    if isinstance(block, ImplicitComment):
        return block.comment.strip()
    if isinstance(block, (ExplicitComment, Preamble)):
        return (block.raw or "").strip()
    return ""


def iter_blocks(source: TextSource, file: str, prelude: BibtexPrelude | None = None,
                size: int | None = None) -> Iterator[ParsedBlock]:
    """Every entry and failed block of the text, in order, as ``bibtexparser.parse_string`` and its
    default parse stack give them for the whole text. The comments and preambles before an entry
    (and the ``%`` lines between its fields: ``comments_inside``) ride with it (``ParsedBlock.before``; those ending the file with the last entry, ``after``), so
    a .bib converted to .bib keeps them; @string blocks are expanded into the fields."""
    prelude = prelude if prelude is not None else scan_bibtex(source(), size)
    resolve = ResolveStringReferencesMiddleware(allow_inplace_modification=True)
    unenclose = RemoveEnclosingMiddleware(allow_inplace_modification=True)
    resolved_strings: tuple[String, ...] | None = None
    defined = frozenset(string.key.lower() for string in prelude.strings) | PREDEFINED_MACROS
    seen_entries: set[str] = set()
    seen_strings: set[str] = set()
    comments: list[str] = []  # since the last entry
    strays: list[tuple[int, str]] = []  # words outside any entry since the last entry (``stray_text``)
    after_failure = False  # the text right after a block that failed is that block's rest, said with it
    held: ParsedBlock | None = None  # the last entry, yielded once it is known whether comments end the file
    for chunk in split_chunks(source(), size):
        split = _split(chunk)
        inner = {id(b): text for b, _, text in split if text}
        pairs = [(_mark_repeated(b, seen_entries, seen_strings), at) for b, at, _ in split]
        entries = [b for b, _ in pairs if type(b) is Entry]
        undefined = {id(entry): undefined_macros(entry, defined) for entry in entries}
        missing = {id(entry): missing_values(entry) for entry in entries}  # before concatenate drops an empty part
        concatenate(entries, prelude.strings)
        repaired = {id(entry): missing[id(entry)] + split_run_together(entry) for entry in entries}
        if prelude.strings and entries:
            resolve.transform(Library([*prelude.strings, *entries], fail_on_duplicate_key=False))
        unenclose.transform(Library([b for b, _ in pairs], fail_on_duplicate_key=False))  # in place
        starts = line_starts(chunk.text)
        for block, at in pairs:
            if not isinstance(block, (Entry, ParsingFailedBlock)):
                text = _comment_text(block)
                if text:
                    comments.append(text)
                stray = _FIELDS_AFTER.match(text) if held is not None and len(comments) == 1 else None
                if stray:  # "title = {Too many}}, journal = ...": an extra "}" ended the entry early
                    held = dataclasses.replace(held, problems=held.problems + (
                        f"an extra '}}' ends the entry before {stray.group(1)} = ...: what follows is outside it "
                        "(bibtex and biber read no more of it; kept as written)",))
                elif isinstance(block, ImplicitComment) and not after_failure:
                    strays.extend(stray_text(block))
                after_failure = False
                continue
            after_failure = False
            entry = block if isinstance(block, Entry) else None
            if isinstance(block, DuplicateBlockKeyBlock):
                if resolved_strings is None:
                    resolved_strings = prelude.resolved()
                entry = _unwrapped(block.ignore_error_block, resolved_strings)
            elif isinstance(block, DuplicateFieldKeyBlock):
                entry = block.ignore_error_block if isinstance(block.ignore_error_block, Entry) else None
            parsed = ParsedBlock(block, _span(file, chunk, starts, at, block.raw), entry)
            if entry is None:  # a failed block: kept, commented out, with the comments before the next entry
                if held is not None:
                    yield held
                    held = None
                comments.append(_commented_out(block.raw or "", parsed.span.line))
                after_failure = True
                yield parsed
                continue
            if held is not None:
                yield held
            comments += [text for text in (inner.get(id(block), ""),) if text]  # its % lines, kept before it
            held = dataclasses.replace(parsed, before="\n\n".join(comments),
                                       problems=undefined.get(id(block), ()) + repaired.get(id(block), ()),
                                       strays=tuple(strays))
            comments = []
            strays = []
    if held is not None:
        yield dataclasses.replace(held, after="\n\n".join(comments), strays=held.strays + tuple(strays))


_FIELDS_AFTER = re.compile(r"^[\s}]*,\s*([A-Za-z][\w:.+-]*)\s*=")  # an entry's fields after its closing brace
_NEXT_FIELD = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*(\S.*)$", re.DOTALL)


def missing_values(entry: Entry) -> tuple[str, ...]:
    """A problem for each field of ``entry`` (as written: before ``concatenate``) with nothing after its
    ``=`` (``year = ,``), or a ``#`` with nothing on one side (``title = "A" # ,``): bibtex stops there
    with "I was expecting a `"' or a `{'"; citecheck reads the rest, and says what it left out."""
    problems = []
    for field in entry.fields:
        value = field.value
        if not isinstance(value, str):
            continue
        if not value.strip():
            problems.append(f"field {field.key} has no value after its '=' (bibtex stops there); left out")
        elif "#" in value and not all(_concatenation_parts(value)):
            problems.append(f"field {field.key} has a '#' with nothing on one side (bibtex stops there); "
                            "read without it")
    return tuple(problems)


def split_run_together(entry: Entry) -> tuple[str, ...]:
    """Split, in place, the fields a missing comma ran together (``title = {Six} journal = {J}``:
    bibtexparser reads one value, "{Six} journal = {J}", where bibtex stops with "I was expecting a `,'
    or a `}'") into the fields they are; one problem (said with the entry's line) each."""
    problems: list[str] = []
    index = 0
    while index < len(entry.fields):
        field = entry.fields[index]
        index += 1
        value = field.value
        if not isinstance(value, str) or not value or value[0] not in '{"' or "#" in value:
            continue
        end = brace_group_end(value, 0) if value[0] == "{" else value.find('"', 1) + 1
        after = _NEXT_FIELD.match(value, end) if 0 < end < len(value) else None
        if after is None:
            continue
        name = after.group(1)
        field.value = value[:end]
        if name.lower() in {f.key.lower() for f in entry.fields}:
            problems.append(f"no comma after field {field.key}; {name} given again after it, left out")
            continue
        entry.fields.insert(index, Field(name, after.group(2).rstrip(), field.start_line))
        problems.append(f"no comma after field {field.key} (bibtex stops there); read as {field.key} and {name}")
    return tuple(problems)


# the macros bibtex's standard styles define: the months (plain.bst's journals, "acmcs", "ieeetc" ..., are a
# style's own and not assumed)
PREDEFINED_MACROS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def undefined_macros(entry: Entry, defined: frozenset[str]) -> tuple[str, ...]:
    """A problem for each @string macro a field of ``entry`` (as written: before ``concatenate``) uses that no
    @string of the file defines nor bibtex predefines: bibtex warns and leaves it out, citecheck keeps its name
    as text (``journal = ieee # " Transactions"``: "ieee Transactions"), and says so."""
    problems = []
    for field in entry.fields:
        value = field.value
        if not isinstance(value, str) or value[:1] in '{"' and "#" not in value:
            continue
        for part in _concatenation_parts(value):
            if part and part[0] not in '{"' and not part.isdigit() and part.lower() not in defined:
                problems.append(f"field {field.key} uses the @string macro {part!r}, which no @string in the file "
                                f"defines (bibtex warns and leaves it out); kept as the text {part!r}")
    return tuple(problems)


def concatenate(entries: Iterable[Entry], strings: Iterable[String]) -> None:
    """Expand, in place, each field value built with BibTeX's ``#`` (``mwp # " (series)"``): its
    parts (quoted or braced text, numbers, @string macros, themselves possibly concatenated) joined
    into one braced value, as bibtex does. bibtexparser resolves a lone macro but leaves a
    concatenation as written. A macro no @string defines is kept as its name (bibtex warns and
    uses nothing), as bibtexparser keeps a lone undefined macro."""
    macros: dict[str, str] = {}
    for string in strings:  # the first definition of a key, as ``scan_bibtex`` keeps them
        macros.setdefault(string.key.lower(), string.value if isinstance(string.value, str) else "")
    built = {key for key, value in macros.items() if "#" in value and len(_concatenation_parts(value)) > 1}
    for entry in entries:
        for field in entry.fields:
            value = field.value
            if not isinstance(value, str) or "#" not in value and value.strip().lower() not in built:
                continue
            parts = _concatenation_parts(value)
            if len(parts) < 2 and parts[0].lower() not in built:
                continue
            field.value = "{" + "".join(_part_text(p, macros, 0) for p in parts) + "}"


def _concatenation_parts(value: str) -> list[str]:
    """``value`` split at each ``#`` outside braces and quotes (one part: not a concatenation)."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for index, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(value[start:index].strip())
            start = index + 1
    parts.append(value[start:].strip())
    return parts


def _part_text(part: str, macros: dict[str, str], depth: int) -> str:
    """The text one part of a concatenation stands for."""
    if len(part) >= 2 and part[0] + part[-1] in ('""', "{}"):
        return part[1:-1]
    if part.isdigit() or depth > 20 or part.lower() not in macros:  # 20: a macro defined by itself
        return part
    inner = _concatenation_parts(macros[part.lower()])
    return "".join(_part_text(p, macros, depth + 1) for p in inner)


def _mark_repeated(block: Block, seen_entries: set[str], seen_strings: set[str]) -> Block:
    """``block``, or a DuplicateBlockKeyBlock if its key was used by an earlier block of its kind."""
    if type(block) is Entry:
        seen = seen_entries
    elif type(block) is String:
        seen = seen_strings
    else:
        return block
    if block.key not in seen:
        seen.add(block.key)
        return block
    return DuplicateBlockKeyBlock(key=block.key, previous_block=None, duplicate_block=block,
                                  start_line=block.start_line, raw=block.raw)


def _unwrapped(entry, strings: tuple[String, ...]):
    """A duplicate-key entry as the parse stack would have left it (macros, enclosing)."""
    if not isinstance(entry, Entry):
        return None
    entry = copy.deepcopy(entry)
    concatenate([entry], strings)
    alone = Library(blocks=[*strings, entry])
    for middleware in default_parse_stack(allow_inplace_modification=False):
        alone = middleware.transform(alone)
    return alone.entries[0] if alone.entries else entry


def _span(file: str, chunk: Chunk, starts: tuple[int, ...], at: int, raw: str | None) -> Span:
    line = bisect.bisect_right(starts, at)
    return Span(file=file, line=chunk.row + line, column=at - starts[line - 1] + 1,
                start=chunk.start + at, end=chunk.start + at + len(raw or ""))
