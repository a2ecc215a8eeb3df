"""What a column's Value is and why: typed, immutable description nodes.

A Value's tree says *how* a cell is computed (sqlglot, over a row placeholder); its node says
*what* it is (a uniform draw, a pick from a list, a parent's key...) and *why* (its origin: the
config path that asked for it, a constraint, a type default). Nodes are frozen dataclasses: two
plans built from the same inputs have equal nodes, and a node round-trips through JSON
(to_dict / from_dict), which is what `sqlsynth explain --format json` prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Origin:
    """Why a column gets its value: kind is config | constraint | type default | schema | inference;
    detail is the config path, the constraint, the type..."""

    kind: str
    detail: str

    def __str__(self) -> str:
        if self.kind == "type default":
            return f"type default for {self.detail}"
        if self.kind == "inference":
            return f"inferred from {self.detail}"
        return self.detail


def config(path: str) -> Origin:
    return Origin("config", path)


def constraint(what: str) -> Origin:
    return Origin("constraint", what)


def type_default(sql_type: str) -> Origin:
    return Origin("type default", sql_type)


def schema(what: str) -> Origin:
    return Origin("schema", what)


@dataclass(frozen=True, kw_only=True)
class Node:
    """Base of every description node; origin: set on the outermost node of a column."""

    origin: Origin | None = None

    @property
    def kind(self) -> str:
        return type(self).__name__

    def children(self) -> list["Node"]:
        return [v for f in dataclasses.fields(self) if isinstance(v := getattr(self, f.name), Node)]

    def params(self) -> dict[str, Any]:
        """The node's own fields (no origin, no child nodes)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if f.name != "origin" and not isinstance(getattr(self, f.name), Node)}

    def with_origin(self, origin: Origin | None) -> "Node":
        return dataclasses.replace(self, origin=origin)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if f.name == "origin":
                if v is not None:
                    out["origin"] = {"kind": v.kind, "detail": v.detail, "text": str(v)}
            elif isinstance(v, Node):
                out[f.name] = v.to_dict()
            else:
                out[f.name] = _jsonable(v)
        return out


def from_dict(d: dict[str, Any]) -> Node:
    """The node to_dict() described (tuples for lists, as the planner builds them)."""
    cls = KINDS[d["kind"]]
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in d:
            continue
        v = d[f.name]
        if f.name == "origin":
            kwargs["origin"] = Origin(v["kind"], v["detail"])
        elif isinstance(v, dict) and "kind" in v:
            kwargs[f.name] = from_dict(v)
        else:
            kwargs[f.name] = _tuples(v)
    return cls(**kwargs)


def _jsonable(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


def _tuples(v: Any) -> Any:
    return tuple(_tuples(x) for x in v) if isinstance(v, list) else v


def literal(v: Any) -> Any:
    """A value as a node holds it: JSON's scalars as they are, anything else (dates, decimals) as text."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (dt.date, dt.time, dt.timedelta, decimal.Decimal)):
        return str(v)
    if isinstance(v, (list, tuple)):
        return tuple(literal(x) for x in v)
    return str(v)


# -- the kinds --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Configured(Node):
    """A generator named in config.yaml (name and literal arguments), when no finer node says more."""

    name: str
    args: tuple = ()
    kwargs: tuple = ()  # (name, value) pairs


@dataclass(frozen=True)
class Uniform(Node):
    """A uniform draw in [lo, hi) on a random stream (integers: a pick among hi - lo)."""

    lo: Any
    hi: Any
    stream: str = ""


@dataclass(frozen=True)
class Normal(Node):
    """mean + sd x a standard normal draw (log: exp of it)."""

    mean: float
    sd: float
    stream: str = ""
    log: bool = False


@dataclass(frozen=True)
class Choice(Node):
    """A pick from literal values (weights: None = uniform); unique: a permutation, no repeats."""

    values: tuple
    weights: tuple | None = None
    stream: str = ""
    unique: bool = False


@dataclass(frozen=True)
class PoolLookup(Node):
    """A value pool (built once by Mimesis or from a CHECK's pattern) at a hashed key."""

    pool: str
    size: int = 0
    stream: str = ""


@dataclass(frozen=True)
class Text(Node):
    """Words of the built-in vocabulary (1..max_words), unique by a row-number suffix when asked."""

    max_words: int
    length: int | None = None
    unique: bool = False


@dataclass(frozen=True)
class Span(Node):
    """An integer, date or time uniform over [lo, hi) (a permutation when unique)."""

    lo: Any
    hi: Any
    unique: bool = False
    unit: str = ""  # what one step counts: days since 1970-01-01, seconds, 1/100...


@dataclass(frozen=True)
class ParentKey(Node):
    """The parent table's key column evaluated at a parent row chosen per child row (fan_out)."""

    table: str
    column: str
    fk: str
    fan_out: str = ""


@dataclass(frozen=True)
class ArrayOf(Node):
    """An array of 0..max_len elements, each `of` at its own row (row x 4 + i)."""

    of: Node
    max_len: int = 0


@dataclass(frozen=True)
class Sequence(Node):
    """The row number (serial and identity keys: 1..n, after --append's offset)."""


@dataclass(frozen=True)
class Constant(Node):
    value: Any


@dataclass(frozen=True)
class Null(Node):
    reason: str = ""


@dataclass(frozen=True)
class NullMix(Node):
    """NULL for a fraction of the rows (or as a missingness pattern says), `of` elsewhere."""

    of: Node
    fraction: Any = None


@dataclass(frozen=True)
class Rule(Node):
    """A consistency rule (tables.<t>.rules) computing the column from others; `of`: the value it replaced."""

    path: str
    what: str = ""
    of: Node | None = None


@dataclass(frozen=True)
class DefaultForType(Node):
    """The default for a column config.yaml leaves out, by its type (and its CHECKs, length, uniqueness)."""

    type: str
    of: Node | None = None


@dataclass(frozen=True)
class CheckFitted(Node):
    """`of` changed so a CHECK holds by construction (cases, order between columns)."""

    how: str
    of: Node | None = None


@dataclass(frozen=True)
class CheckCandidate(Node):
    """`of` drawn up to k times per row; the first candidate PostgreSQL finds passing the CHECKs is kept."""

    checks: tuple
    of: Node | None = None
    k: int = 0


@dataclass(frozen=True)
class PythonStage(Node):
    """A custom Python row generator, computed in Python and staged with COPY."""

    function: str


@dataclass(frozen=True)
class Derived(Node):
    """Any other value (a distribution, a partition key...): `source` names what produced it."""

    source: str


KINDS: dict[str, type[Node]] = {c.__name__: c for c in (
    Configured, Uniform, Normal, Choice, PoolLookup, Text, Span, ParentKey, ArrayOf, Sequence, Constant, Null, NullMix,
    Rule, DefaultForType, CheckFitted, CheckCandidate, PythonStage, Derived)}


def of_value(v: Any) -> Node:
    """A Value's node, or a Derived one named by its source."""
    return v.node if isinstance(getattr(v, "node", None), Node) else Derived(source=v.source)


def lines(node: Node, indent: int = 0) -> list[str]:
    """The node tree, one node a line, children indented."""
    ps = ", ".join(f"{k}={_short(v)}" for k, v in node.params().items() if v not in (None, "", (), False))
    out = [" " * indent + f"{node.kind}({ps})"]
    for c in node.children():
        out.extend(lines(c, indent + 2))
    return out


def _short(v: Any) -> str:
    if isinstance(v, tuple) and len(v) > 8:
        return "(" + ", ".join(repr(x) for x in v[:8]) + f", ... {len(v)} in all)"
    return repr(v)
