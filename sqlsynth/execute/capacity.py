"""How many more connections a server accepts, so that ``--jobs N`` is refused before a load
rather than exhausting the server's connection slots halfway through it.

The slots a client may take: max_connections less the slots reserved for superusers
(superuser_reserved_connections) and, from PostgreSQL 16, for pg_use_reserved_connections
(reserved_connections), less the client backends connected now. The reserved slots are left
free even for a superuser, so that an administrator can still connect during a load. A
non-superuser is also held to the database's and its role's CONNECTION LIMIT.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ExecutionError

# One row; reserved_connections is NULL before PostgreSQL 16 (current_setting(..., missing_ok)).
_QUERY = """
SELECT current_setting('max_connections')::int,
       current_setting('superuser_reserved_connections')::int
         + coalesce(current_setting('reserved_connections', true), '0')::int,
       (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend'),
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
       (SELECT datconnlimit FROM pg_database WHERE datname = current_database()),
       (SELECT count(*)::int FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND datname = current_database()),
       (SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user),
       (SELECT count(*)::int FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND usename = current_user)
"""


@dataclass(frozen=True)
class Capacity:
    """The connections a client may still open (`free`) and the limit that decides it (`why`)."""

    free: int
    why: str


def capacity(conn) -> Capacity:
    """Capacity of the server behind conn (conn itself counts as in use)."""
    (max_conn, reserved, in_use, superuser, db_limit, db_in_use, role_limit,
     role_in_use) = conn.execute(_QUERY).fetchone()
    reserved_text = f", {reserved} reserved" if reserved else ""
    limits = [Capacity(max_conn - reserved - in_use, f"max_connections {max_conn}{reserved_text}, {in_use} in use")]
    if not superuser:
        if db_limit is not None and db_limit >= 0:
            limits.append(Capacity(db_limit - db_in_use,
                                   f"the database's connection limit {db_limit}, {db_in_use} in use"))
        if role_limit is not None and role_limit >= 0:
            limits.append(Capacity(role_limit - role_in_use,
                                   f"the role's connection limit {role_limit}, {role_in_use} in use"))
    best = min(limits, key=lambda c: c.free)
    return Capacity(max(best.free, 0), best.why)


def check_jobs(conn, jobs: int, what: str = "destination") -> None:
    """Refuse `--jobs jobs` when the server cannot take that many more connections.

    A load on N jobs holds N worker connections plus conn, the coordinator (which counts as in use
    already: it stays open for the whole load, holding the load's advisory lock, and runs the closing
    transaction), hence jobs <= free."""
    cap = capacity(conn)
    if jobs > cap.free:
        raise ExecutionError(f"--jobs {jobs}: the {what} accepts at most {cap.free} more connection"
                             f"{'' if cap.free == 1 else 's'} ({cap.why}); nothing was written")
