"""Foreign keys, keys and indexes moved out of the way of a bulk load, and put back.

Definitions are read from the destination's catalog (``pg_get_constraintdef``,
``pg_get_indexdef``, with ``search_path`` emptied so every name comes back schema-qualified),
so what is re-created is exactly what was there, whatever orm.yaml says.

Re-adding a foreign key with ``ALTER TABLE ... ADD CONSTRAINT`` validates every row in one
query (a join), which is much cheaper than the per-row trigger checks it replaces; building an
index once over the loaded rows (a sort) is much cheaper than maintaining it row by row, above all
for keys that arrive in random order (junction tables, permuted unique columns); re-adding a
primary key or unique constraint checks uniqueness again.

Several connections can re-create them at once: FKs are first added NOT VALID (a brief lock) and
then VALIDATEd, which locks only the referencing table against writes, so validations of FKs that
point at the same parent run side by side. PostgreSQL refuses NOT VALID for an FK declared on a
partitioned table, and VALIDATE leaves the per-partition clones of an FK referencing a
partitioned table NOT VALID: such FKs are re-added in one validating statement.

Before anything is dropped, what is dropped is written into the destination's load journal
(``journal.py``), so that a load killed at any moment can be undone by ``sqlsynth recover``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..sql.sqlx import q

_TREE = "SELECT %s::regclass::oid UNION SELECT relid::oid FROM pg_partition_tree(%s::regclass) ORDER BY 1"

_FKS = """
SELECT c.oid, format('%%I.%%I', n.nspname, r.relname), c.conname::text, pg_get_constraintdef(c.oid),
       ARRAY(SELECT relid::oid FROM pg_partition_tree(c.conrelid) UNION SELECT c.conrelid),
       ARRAY(SELECT relid::oid FROM pg_partition_tree(c.confrelid) UNION SELECT c.confrelid),
       (SELECT ARRAY[rn.nspname::text, rc.relname::text] FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = coalesce(pg_partition_root(c.conrelid), c.conrelid)),
       c.convalidated,
       (SELECT ARRAY[rn.nspname::text, rc.relname::text] FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = coalesce(pg_partition_root(c.confrelid), c.confrelid)),
       r.relkind = 'p' OR (SELECT relkind FROM pg_class WHERE oid = c.confrelid) = 'p'
FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE c.contype = 'f' AND c.conparentid = 0 AND c.conrelid = ANY(%s::oid[])
ORDER BY 2, 3
"""

# primary keys and unique constraints of plain tables (not partitioned, not partitions), unless a
# foreign key that stays in place (not in %s) depends on them
_KEYS = """
SELECT c.oid, format('%%I.%%I', n.nspname, r.relname), c.conname::text, pg_get_constraintdef(c.oid),
       ARRAY[c.conrelid::oid], ARRAY[n.nspname::text, r.relname::text]
FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE c.contype IN ('p', 'u') AND c.conparentid = 0 AND c.conrelid = ANY(%s::oid[])
  AND r.relkind = 'r' AND NOT r.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid
                  AND NOT (f.oid = ANY(%s::oid[])))
ORDER BY 2, 3
"""

# indexes that back no constraint: secondary ones (partitions included; a partition's index attached
# to its parent's goes with the parent's), and unique ones of plain tables nothing else depends on
_INDEXES = """
SELECT i.indexrelid, format('%%I.%%I', n.nspname, ic.relname), ic.relname::text, pg_get_indexdef(i.indexrelid),
       ARRAY(SELECT relid::oid FROM pg_partition_tree(i.indrelid) UNION SELECT i.indrelid),
       format('%%I.%%I', n.nspname, tc.relname),
       (SELECT ARRAY[rn.nspname::text, rc.relname::text] FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = coalesce(pg_partition_root(i.indrelid), i.indrelid))
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_class tc ON tc.oid = i.indrelid
WHERE i.indrelid = ANY(%s::oid[]) AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype <> 'f')
  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
  AND (NOT i.indisunique OR (tc.relkind = 'r' AND NOT tc.relispartition
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid
                       AND NOT (f.oid = ANY(%s::oid[])))))
ORDER BY 2
"""


@dataclass
class Deferred:
    """One constraint or index dropped before the load."""

    kind: str  # "foreign key" | "primary key" | "unique constraint" | "index" | "unique index"
    table: str  # qualified, quoted
    name: str
    drop_sql: str
    add_sql: str
    locks: frozenset[int]  # relations re-creating it locks (for an FK: the referencing side, partitions included)
    exists_sql: str = ""
    root: str = ""  # the generated table it belongs to (the partitioned parent for a partition)
    valid: bool = True  # an FK that was validated (one created NOT VALID stays so)
    parent_locks: frozenset[int] = frozenset()  # FK: the referenced side
    parent_root: str = ""  # FK: the referenced table (its partitioned parent for a partition)
    definition: str = ""  # pg_get_constraintdef / pg_get_indexdef, as the catalog gave it
    partitioned: bool = False  # FK on or to a partitioned table: no NOT VALID, validated when added

    @property
    def label(self) -> str:
        return f"{self.kind} {self.name} on {self.table}"

    @property
    def is_fk(self) -> bool:
        return self.kind == "foreign key"

    @property
    def stage(self) -> int:
        """Re-creation order: keys and indexes (0) before the FKs that may reference them (1)."""
        return 1 if self.is_fk else 0

    @property
    def add_not_valid_sql(self) -> str:
        """FK: added without checking the rows (a brief lock), to be VALIDATEd separately -- except on a
        partitioned table, where PostgreSQL refuses NOT VALID: there it is added and validated at once."""
        if self.partitioned or self.add_sql.endswith(" NOT VALID"):
            return self.add_sql
        return self.add_sql + " NOT VALID"

    @property
    def validate_sql(self) -> str | None:
        """FK: ALTER TABLE ... VALIDATE CONSTRAINT (locks only the referencing table against writes);
        None when adding it validates it already (a partitioned table) or it was not valid before."""
        if not self.is_fk or not self.valid or self.partitioned:
            return None
        return f"ALTER TABLE {self.table} VALIDATE CONSTRAINT {q(self.name)}"

    def conflicts(self, other: "Deferred") -> bool:
        """Whether re-creating both at once would make one wait for the other's lock."""
        if self.kind == other.kind == "index":
            return False  # CREATE INDEX takes SHARE: two on one table run together
        mine = self.locks | (self.parent_locks if self.is_fk else frozenset())
        theirs = other.locks | (other.parent_locks if other.is_fk else frozenset())
        return bool(mine & theirs)


@dataclass
class DeferredSet:
    items: list[Deferred] = field(default_factory=list)
    relids: list[int] = field(default_factory=list)  # the target tables and their partitions

    def __len__(self) -> int:
        return len(self.items)

    @property
    def drop_order(self) -> list[Deferred]:
        """FKs before the keys they reference."""
        return sorted(self.items, key=lambda d: -d.stage)

    @property
    def add_order(self) -> list[Deferred]:
        return sorted(self.items, key=lambda d: d.stage)

    def summary(self) -> str:
        fks = sum(1 for d in self.items if d.is_fk)
        rest = len(self.items) - fks
        return f"{fks} foreign key{'s' if fks != 1 else ''}" + (f" and {rest} keys and indexes" if rest else "")


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def relation_ids(conn, tables: list[str]) -> list[int]:
    """OIDs of the tables (qualified, quoted names) and of all their partitions."""
    out: list[int] = []
    for name in tables:
        for (relid,) in conn.execute(_TREE, [name, name]).fetchall():
            if int(relid) not in out:
                out.append(int(relid))
    return out


def read_deferrable(conn, tables: list[str], foreign_keys: bool | set[str] = True,
                    indexes: bool = False, keys: dict[tuple[str, str], str] | None = None) -> DeferredSet:
    """What to drop around the load, from the catalog: the FKs of the tables and their partitions (all,
    or those named in the set), and with indexes=True their indexes -- secondary ones, and the primary
    keys, unique constraints and unique indexes of plain tables that no FK left in place depends on.

    Run inside a transaction: it empties search_path locally so every definition is qualified.
    keys: (schema, table) -> the table's key in orm.yaml (Deferred.root); without it, the table name.
    """
    def key(pair: list[str]) -> str:
        return (keys or {}).get((pair[0], pair[1]), pair[1])

    conn.execute("SET LOCAL search_path TO pg_catalog")
    rel = relation_ids(conn, tables)
    out = DeferredSet(relids=rel)
    fk_oids: list[int] = []
    if foreign_keys:
        for oid, table, name, definition, locks, parent, root, valid, parent_root, partitioned in conn.execute(
                _FKS, [rel]).fetchall():
            if isinstance(foreign_keys, set) and name not in foreign_keys:
                continue
            fk_oids.append(int(oid))
            out.items.append(Deferred(
                "foreign key", table, name, f"ALTER TABLE {table} DROP CONSTRAINT {q(name)}",
                f"ALTER TABLE {table} ADD CONSTRAINT {q(name)} {definition}", frozenset(int(x) for x in locks),
                exists_sql=_con_exists(table, name), root=key(root), valid=bool(valid),
                parent_locks=frozenset(int(x) for x in parent), parent_root=key(parent_root),
                definition=definition, partitioned=bool(partitioned)))
    if indexes:
        for oid, table, name, definition, locks, root in conn.execute(_KEYS, [rel, fk_oids]).fetchall():
            kind = "primary key" if definition.startswith("PRIMARY KEY") else "unique constraint"
            out.items.append(Deferred(
                kind, table, name, f"ALTER TABLE {table} DROP CONSTRAINT {q(name)}",
                f"ALTER TABLE {table} ADD CONSTRAINT {q(name)} {definition}", frozenset(int(x) for x in locks),
                exists_sql=_con_exists(table, name), root=key(root), definition=definition))
        for oid, qname, name, definition, locks, table, root in conn.execute(_INDEXES, [rel, fk_oids]).fetchall():
            unique = definition.startswith("CREATE UNIQUE ")
            out.items.append(Deferred(
                "unique index" if unique else "index", table, name, f"DROP INDEX {qname}",
                _index_tree_sql(conn, int(oid), qname, definition), frozenset(int(x) for x in locks),
                exists_sql=f"SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass({_lit(qname)})", root=key(root),
                definition=definition))
    return out


_INDEX_TREE = """
SELECT format('%%I.%%I', n.nspname, c.relname), pg_get_indexdef(t.relid),
       (SELECT format('%%I.%%I', pn.nspname, p.relname) FROM pg_class p JOIN pg_namespace pn ON pn.oid = p.relnamespace
        WHERE p.oid = t.parentrelid)
FROM pg_partition_tree(%s::regclass) t JOIN pg_class c ON c.oid = t.relid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE t.level > 0 ORDER BY t.level, 1
"""


def _index_tree_sql(conn, oid: int, qname: str, definition: str) -> str:
    """The statements re-creating an index. On a partitioned table pg_get_indexdef says ``ON ONLY``:
    the index of each partition (with its own name) is created and attached to its parent's, as the
    catalog has them -- one multi-statement string, run as one implicit transaction."""
    if " ON ONLY " not in definition:
        return definition
    out = [definition]
    for child, child_def, parent in conn.execute(_INDEX_TREE, [oid]).fetchall():
        out.append(child_def)
        out.append(f"ALTER INDEX {parent} ATTACH PARTITION {child}")
    return "; ".join(out)


def _con_exists(table: str, name: str) -> str:
    return (f"SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = {_lit(table)}::regclass "
            f"AND conname = {_lit(name)}")
