"""The one way sqlsynth reads YAML (config.yaml, orm.yaml, src-stats.yaml, vocabulary files): safe
tags only, and bounded in size, nesting and alias expansion.

PyYAML's composers recurse once per nesting level (libyaml's, in C, segfaults on 100,000 ``[``)
and keep an alias as a shared reference, so a "billion laughs" of a few hundred bytes only blows
up later, when sqlsynth walks the data as a tree. Here the parser's events (libyaml's when PyYAML
has it: its parser is a state machine, not recursive) are composed into nodes by a loop that

* refuses a document nested deeper than MAX_DEPTH levels,
* counts the values every alias stands for and refuses more than MAX_ALIAS_VALUES in all,
  and a recursive alias (a collection containing itself),
* refuses more than MAX_VALUES values in all (a 64 MiB flow list of one-digit numbers would
  otherwise take some 9 GB),

and the nodes are then constructed by the loader's safe constructor. Files larger than
MAX_BYTES are refused before they are read. Every refusal is a ConfigError of one located
Problem (``file:line: invalid YAML: ...``).
"""

from __future__ import annotations

import os
from typing import Any

import yaml
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent, StreamEndEvent)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ConfigError, Problem

# libyaml's parser when PyYAML was built with it (5-10x faster on big files); same safe constructor
FAST_SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 64 * 2**20  # a YAML file sqlsynth reads whole (vocabulary files are read in batches)
MAX_DEPTH = 100  # nested collections
MAX_ALIAS_VALUES = 1_000_000  # values added by aliases (each alias counts the values it repeats)
MAX_VALUES = 5_000_000  # values in all, aliases included (composing takes about 300 bytes a value)


class _Refused(yaml.composer.ComposerError):
    """A document over one of the bounds (never worth a second opinion from the Python parser)."""


def read_text(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of a UTF-8 file of at most max_bytes; a ConfigError naming the file otherwise."""
    def refuse(message: str) -> ConfigError:
        return ConfigError([Problem(path, None, "", message)])

    if not os.path.exists(path):
        raise refuse("file not found")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise refuse(f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise refuse(f"larger than {_size(max_bytes)}, the most sqlsynth reads as one YAML document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise refuse(f"not a UTF-8 text file ({e.reason} at byte {e.start})") from None


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 else f"{n:,} bytes"


def compose(text: str, file: str, loader: type = FAST_SAFE_LOADER, first_line: int = 1) -> Node | None:
    """The node tree of the one document in text (None if empty), within the bounds."""
    try:
        return _compose(loader(text))
    except yaml.YAMLError as e:
        raise ConfigError([problem(file, _better_error(text, e, loader), first_line)]) from None


def load(text: str, file: str, loader: type = FAST_SAFE_LOADER, first_line: int = 1) -> Any:
    """The data of the one document in text (None if empty), within the bounds; loader is a safe
    loader class (yaml.CSafeLoader or a subclass adding constructors)."""
    parser = loader(text)
    try:
        node = _compose(parser)
    except yaml.YAMLError as e:
        raise ConfigError([problem(file, _better_error(text, e, loader), first_line)]) from None
    return construct(node, file, parser, first_line)


def construct(node: Node | None, file: str, loader: Any = None, first_line: int = 1) -> Any:
    """Python data of a node tree made by compose(), with loader's constructors (an instance, or
    a loader class; default FAST_SAFE_LOADER)."""
    if node is None:
        return None
    if loader is None or isinstance(loader, type):
        loader = (loader or FAST_SAFE_LOADER)("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as e:
        raise ConfigError([problem(file, e, first_line)]) from None
    except RecursionError:  # merge keys (<<) merging a chain of mappings
        raise ConfigError([Problem(file, _line(node.start_mark, first_line), "",
                                   "invalid YAML: merge keys (<<) chained too deeply")]) from None


def load_file(path: str, loader: type = FAST_SAFE_LOADER) -> Any:
    """read_text + load."""
    return load(read_text(path), path, loader)


def problem(file: str, e: yaml.YAMLError, first_line: int = 1) -> Problem:
    """One located line for a PyYAML error (its str() spans several lines)."""
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    line = _line(mark, first_line)
    msg = getattr(e, "problem", None) or str(e).splitlines()[0]
    context, cmark = getattr(e, "context", None), getattr(e, "context_mark", None)
    if context and cmark is not None and _line(cmark, first_line) != line:
        msg += f" ({context} on line {_line(cmark, first_line)})"
    return Problem(file, line, "", f"invalid YAML: {msg}")


def _line(mark: Any, first_line: int) -> int | None:
    return None if mark is None else first_line + mark.line


def _better_error(text: str, e: yaml.YAMLError, loader: type) -> yaml.YAMLError:
    """libyaml's messages are terse ("found character that cannot start any token"): for a text
    that failed to parse, ask the pure-Python parser, whose messages name the character and context."""
    if isinstance(e, _Refused) or issubclass(loader, yaml.reader.Reader):  # already the Python parser
        return e
    try:
        _compose(yaml.SafeLoader(text))
    except yaml.YAMLError as slow:
        return slow
    return e


def _compose(parser: Any) -> Node | None:
    """PyYAML's Composer.get_single_node as a loop over the parser's events, with the bounds."""
    parser.get_event()  # StreamStart
    root: Node | None = None
    if not parser.check_event(StreamEndEvent):
        parser.get_event()  # DocumentStart
        root = _compose_document(parser)
        parser.get_event()  # DocumentEnd
        if not parser.check_event(StreamEndEvent):
            event = parser.get_event()
            raise yaml.composer.ComposerError("expected a single document in the stream", root.start_mark,
                                              "but found another document", event.start_mark)
    parser.get_event()  # StreamEnd
    return root


def _compose_document(parser: Any) -> Node:
    """The nodes of one document, from its first event after DocumentStart to its DocumentEnd."""
    get_event, resolve = parser.get_event, parser.resolve
    anchors: dict[str, Node] = {}
    sizes: dict[int, int] = {}  # id(anchored node) -> values it stands for, once complete
    # one frame per open collection: [node, its value list's append, mapping?, pending key, values
    # composed before it if it is anchored (else -1)]
    stack: list[list] = []
    total = 0  # values composed so far, each alias counting the values it stands for
    repeated = 0  # the part of total that aliases stand for

    while True:
        event = get_event()
        cls = event.__class__
        if cls is ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(ScalarNode, event.value, event.implicit)
            node: Node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            if event.anchor is not None:
                _anchor(anchors, event, node)
                sizes[id(node)] = 1
            total += 1
            if total > MAX_VALUES:
                raise _Refused(None, None, f"more than {MAX_VALUES:,} values", event.start_mark)
        elif cls is SequenceStartEvent or cls is MappingStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise _Refused(None, None, f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
            kind = SequenceNode if cls is SequenceStartEvent else MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            before = -1
            if event.anchor is not None:
                _anchor(anchors, event, node)
                before = total
            total += 1
            if total > MAX_VALUES:
                raise _Refused(None, None, f"more than {MAX_VALUES:,} values", event.start_mark)
            stack.append([node, node.value.append, kind is MappingNode, None, before])
            continue
        elif cls is SequenceEndEvent or cls is MappingEndEvent:
            frame = stack.pop()
            node = frame[0]
            node.end_mark = event.end_mark
            if frame[4] >= 0:
                sizes[id(node)] = total - frame[4]
        elif cls is AliasEvent:
            node = anchors.get(event.anchor)  # type: ignore[assignment]
            if node is None:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                                  event.start_mark)
            count = sizes.get(id(node))
            if count is None:
                raise _Refused(None, None, "recursive alias (a collection that contains itself)", event.start_mark)
            total += count
            repeated += count
            if repeated > MAX_ALIAS_VALUES:
                raise _Refused(None, None, f"aliases repeat more than {MAX_ALIAS_VALUES:,} values "
                                           "(an alias bomb?)", event.start_mark)
            if total > MAX_VALUES:
                raise _Refused(None, None, f"more than {MAX_VALUES:,} values", event.start_mark)
        else:  # pragma: no cover - the parser emits only these inside a document
            raise yaml.composer.ComposerError(None, None, f"unexpected {cls.__name__}", event.start_mark)
        if not stack:
            return node
        frame = stack[-1]
        if not frame[2]:
            frame[1](node)
        elif frame[3] is None:
            frame[3] = node
        else:
            frame[1]((frame[3], node))
            frame[3] = None


def _anchor(anchors: dict[str, Node], event: Any, node: Node) -> None:
    if event.anchor in anchors:
        raise yaml.composer.ComposerError("first", anchors[event.anchor].start_mark,
                                          f"duplicate anchor {event.anchor!r}", event.start_mark)
    anchors[event.anchor] = node


def record_lines(node: yaml.Node, path: str, lines: dict[str, int],
                  dups: list[tuple[str, int, int]] | None = None) -> None:
    """Walk a composed YAML node tree, recording the 1-based line of every config path.

    A key repeated in one mapping (YAML keeps only the last) is appended to dups as
    (path, line, first line).
    """
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for knode, vnode in node.value:
            key = knode.value if isinstance(knode, yaml.ScalarNode) else "?"
            sub = f"{path}.{key}" if path else str(key)
            line = knode.start_mark.line + 1
            if dups is not None and isinstance(knode, yaml.ScalarNode) and key != "<<":
                if key in seen:
                    dups.append((sub, line, seen[key]))
                seen.setdefault(key, line)
            lines[sub] = line
            record_lines(vnode, sub, lines, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            record_lines(v, f"{path}[{i}]", lines, dups)


def read_yaml(path: str) -> tuple[Any, dict[str, int]]:
    """Parse a YAML file (within sqlsynth.yamlsafe's bounds); return (data, {config path: line})."""
    text = read_text(path)
    node = compose(text, path)
    lines: dict[str, int] = {}
    if node is None:
        return {}, lines
    dups: list[tuple[str, int, int]] = []
    record_lines(node, "", lines, dups)
    if dups:
        raise ConfigError([Problem(path, line, sub, f"duplicate key (first on line {first}); only one is allowed")
                           for sub, line, first in dups])
    return construct(node, path), lines
