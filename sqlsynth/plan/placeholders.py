"""Placeholder nodes inside a Value's sqlglot tree, so the tree is data with no side effects.

A Value's tree is built once over ``Row()`` (the row number) and names what it needs from the
statement by placeholder nodes instead of registering joins while it is built:

- ``Row``: the row number; ``substitute(tree, row)`` puts a row expression in its place (a parent
  key evaluated at a computed parent index is the parent's tree with ``Row`` replaced by that index);
- ``PoolAt``: a value pool at a 1-based key (an array subscript, a hash join or a scalar subquery);
- ``WordsArray`` / ``SentenceAt``: the default vocabulary and its sentences, one-row sources;
- ``SourceCol``: a column of a one-row subquery (a vocabulary parent's keys as arrays);
- ``StageCol``: a column of a custom-Python staging table at a row;
- ``LookupCol``: a path read in the destination (a join on an uncorrelated subquery);
- ``LateralCol``: the CHECK candidate chosen per row (a LATERAL subquery);
- ``Provided`` / ``Given``: what a rule reads when a story gave the columns it depends on.

The statement's compiler (pools.JoinCollector.resolve) replaces them by column references and
collects the joins; without a statement the lookups become scalar subqueries. All of them are
sqlglot ``Func`` nodes, so a tree holding them still renders (as a call of their name) and
compares equal to an equal tree.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp


class Handle(str):
    """An object carried by a placeholder: its key as text (rendered, hashed and compared as that text),
    shared (not deep-copied) by copies of the tree."""

    obj: object

    def __new__(cls, obj: object, key: str) -> "Handle":
        h = super().__new__(cls, key)
        h.obj = obj
        return h

    def __deepcopy__(self, memo: dict) -> "Handle":
        return self

    def __copy__(self) -> "Handle":
        return self


class Row(exp.Expression, exp.Func):
    """The row number a Value is a function of."""

    arg_types: dict = {}
    _sql_names = ["sqlsynth_row"]


class PoolAt(exp.Expression, exp.Func):
    """pool value at a 1-based key; inline: kept a scalar subquery (CHECK candidates re-seed the key)."""

    arg_types = {"this": True, "pool": True, "inline": False}
    _sql_names = ["sqlsynth_pool_at"]


class WordsArray(exp.Expression, exp.Func):
    """The default vocabulary as a NAME[] (one row per statement)."""

    arg_types: dict = {}
    _sql_names = ["sqlsynth_words"]


class SentenceAt(exp.Expression, exp.Func):
    """A sentence of the default vocabulary: `this` is its 1-based position in the sentences array
    of `max_words`; `direct` computes the same sentence where no statement collects sources."""

    arg_types = {"this": True, "max_words": True, "direct": True}
    _sql_names = ["sqlsynth_sentence_at"]


class SourceCol(exp.Expression, exp.Func):
    """Column `name` of the one-row subquery `source` (its alias given by the statement), shared by `key`."""

    arg_types = {"this": True, "key": True, "source": True}
    _sql_names = ["sqlsynth_source_col"]


class StageCol(exp.Expression, exp.Func):
    """Column `name` of the Python staging table `stage` at row `this`."""

    arg_types = {"this": True, "stage": True, "name": True}
    _sql_names = ["sqlsynth_stage_col"]


class LookupCol(exp.Expression, exp.Func):
    """`v` of the subquery `sub` joined on its k0..kn = `expressions` (the row's key)."""

    arg_types = {"sub": True, "expressions": True, "scalar": True}
    _sql_names = ["sqlsynth_lookup_col"]


class LateralCol(exp.Expression, exp.Func):
    """`k` of a LATERAL subquery `this` (joined after everything it reads), shared by `key`."""

    arg_types = {"this": True, "key": True}
    _sql_names = ["sqlsynth_lateral_col"]


class Provided(exp.Expression, exp.Func):
    """`this`, or `given` when a story gave every column of `columns` of table `table` (Given(c) in
    `given` then reads what it gave for c): a rule reads what a story gave instead of its own value."""

    arg_types = {"this": True, "table": True, "columns": True, "given": True}
    _sql_names = ["sqlsynth_provided"]


class Given(exp.Expression, exp.Func):
    """Inside Provided.given: the expression a story gave for column `this`."""

    arg_types = {"this": True}
    _sql_names = ["sqlsynth_given"]


def provided_or(table: str, columns: list[str], value: exp.Expression, given: exp.Expression) -> Provided:
    return Provided(this=value, table=table, columns=exp.Tuple(expressions=[exp.Literal.string(c) for c in columns]),
                    given=given)


PLACEHOLDERS = (PoolAt, WordsArray, SentenceAt, SourceCol, StageCol, LookupCol, LateralCol, Provided, Given)


def sources(tree: exp.Expression) -> frozenset[str]:
    """What a tree needs from its statement, by the placeholders in it: "pool <table>", "words",
    "sentences of <n> words", "vocabulary <key>", "python stage <table>", "lookup in the destination",
    "CHECK candidates <key>", "story columns <table>.<columns>"."""
    out = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        # (a sentence's direct form is used only where no statement collects: not a need)
        stack.extend([node.this] if isinstance(node, SentenceAt) else node.iter_expressions())
        if isinstance(node, PoolAt):
            out.add(f"pool {node.args['pool'].obj.table_name}")
        elif isinstance(node, WordsArray):
            out.add("words")
        elif isinstance(node, SentenceAt):
            out.add(f"sentences of {node.args['max_words'].name} words")
        elif isinstance(node, SourceCol):
            out.add(f"vocabulary {node.args['key']}")
        elif isinstance(node, StageCol):
            out.add(f"python stage {node.args['stage']}")
        elif isinstance(node, LookupCol):
            out.add("lookup in the destination")
        elif isinstance(node, LateralCol):
            out.add("CHECK candidates " + str(node.args["key"]).split("\x1f")[0])
        elif isinstance(node, Provided):
            out.add(f"story columns {node.args['table']}." + ",".join(c.name for c in node.args["columns"].expressions))
    return frozenset(out)


def row() -> Row:
    return Row()


def substitute(tree: exp.Expression, at: exp.Expression) -> exp.Expression:
    """A fresh copy of tree with every Row replaced by a copy of `at`."""
    if type(tree) is Row:
        return at.copy()
    out = tree.copy()
    for node in list(out.find_all(Row)):
        node.replace(at.copy())
    return out


@dataclass(frozen=True)
class RowTree:
    """A function of the row number as data (a foreign key's parent index): call it with a row."""

    tree: exp.Expression

    def __call__(self, at: exp.Expression) -> exp.Expression:
        return substitute(self.tree, at)


def mark_inline(tree: exp.Expression) -> exp.Expression:
    """tree (changed in place) with its pool lookups kept scalar subqueries (CHECK candidates)."""
    for node in tree.find_all(PoolAt):
        node.set("inline", exp.true())
    return tree


# placeholders whose subtrees belong to a join of the statement, not to the expression itself
OPAQUE = (SourceCol, StageCol, LookupCol, LateralCol)


def joined(node: exp.Expression) -> bool:
    """Whether the statement turns node into a join (its subtree then is not part of the expression)."""
    if isinstance(node, OPAQUE):
        return True
    return isinstance(node, PoolAt) and not node.args.get("inline") and not node.args["pool"].obj.fits_name


def walk_open(e: exp.Expression):
    """e's nodes, not entering the joins its placeholders stand for."""
    stack = [e]
    while stack:
        node = stack.pop()
        yield node
        if not joined(node):
            stack.extend(reversed(list(node.iter_expressions())))


def transform_open(e: exp.Expression, fun) -> exp.Expression:
    """e (changed in place) with fun applied top-down to every node outside those joins."""
    new = fun(e)
    if joined(new):
        return new
    for k, v in list(new.args.items()):
        if isinstance(v, exp.Expression):
            nv = transform_open(v, fun)
            if nv is not v:
                new.set(k, nv)
        elif type(v) is list:
            out = [transform_open(x, fun) if isinstance(x, exp.Expression) else x for x in v]
            if any(a is not b for a, b in zip(out, v)):
                new.set(k, out)
    return new
