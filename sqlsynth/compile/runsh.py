"""run.sh of `compile --split`: the split load with psql, without a password on any command line.

The connection comes from the environment only: libpq's own variables (PGHOST, PGPORT, PGUSER,
PGDATABASE, PGPASSWORD, PGPASSFILE, PGSSLMODE, ...), or DST_DSN, which run.sh turns into those
variables with a small POSIX awk program (URI ``postgresql://user:password@host:port/db?k=v`` and
``key=value`` forms, percent-encoding and quoting as libpq reads them; the DSN is read from awk's
ENVIRON, the variables come back on a pipe). psql is then called with file names only, so `ps`
never shows the DSN or the password.

Every phase is checked against the load journal in the destination (compile/journal.py), not only
by psql's exit status: a prologue or epilogue cut before its COMMIT exits 0 from psql but leaves the
load not running / not done; a chunk cut before its COMMIT leaves no row in the journal, and the
epilogue refuses to close a load with a missing chunk. On a failure, and on INT/TERM in any phase
(run.sh waits for its children with ``wait``, so a signal is handled at once), it terminates the
load's sessions and runs rollback.sql, which undoes only what the load wrote.
"""

from __future__ import annotations

from .journal import SCHEMA

# POSIX awk (gawk, mawk, busybox): DST_DSN (from ENVIRON) -> sh assignments of libpq variables.
# No single quote may appear in it (it is embedded in single quotes): \047 is the quote.
DSN_AWK = r"""
function fail(msg) { printf "sqlsynth: DST_DSN: %s\n", msg > "/dev/stderr"; failed = 1; exit 2 }
function hexval(c) { return index("0123456789abcdef", tolower(c)) - 1 }
function pct(s,    out, i, c, h, l) {
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c == "%") {
      h = hexval(substr(s, i + 1, 1)); l = hexval(substr(s, i + 2, 1))
      if (h < 0 || l < 0) fail("invalid percent-encoding")
      out = out sprintf("%c", h * 16 + l); i += 2
    } else out = out c
  }
  return out
}
function setkw(k, v) {
  if (k == "ssl" && v == "true") { k = "sslmode"; v = "require" }
  if (!(k in ENV)) fail("connection parameter \"" k "\" cannot be given to psql through the environment; set the PG* variables yourself")
  if (!(ENV[k] in VAL)) NAMES[++count] = ENV[k]
  VAL[ENV[k]] = v
}
function hosts(spec,    n, parts, i, h, p, hl, pl, anyh, anyp, j) {
  n = split(spec, parts, ",")
  hl = ""; pl = ""; anyh = 0; anyp = 0
  for (i = 1; i <= n; i++) {
    h = parts[i]; p = ""
    if (substr(h, 1, 1) == "[") {
      j = index(h, "]")
      if (!j) fail("unterminated [ in host")
      p = substr(h, j + 1); h = substr(h, 2, j - 2)
      if (p != "" && substr(p, 1, 1) != ":") fail("unexpected text after ] in host")
      p = substr(p, 2)
    } else if (j = index(h, ":")) {
      p = substr(h, j + 1); h = substr(h, 1, j - 1)
    }
    h = pct(h); p = pct(p)
    if (h != "") anyh = 1
    if (p != "") anyp = 1
    hl = hl (i > 1 ? "," : "") h; pl = pl (i > 1 ? "," : "") p
  }
  if (anyh) setkw("host", hl)
  if (anyp) setkw("port", pl)
}
function uri(r,    at, p, q, userinfo, u, c, n, kv, i, eq) {
  at = 0
  for (i = 1; i <= length(r); i++) { c = substr(r, i, 1); if (c == "/") break; if (c == "@") { at = i; break } }
  if (at) {
    userinfo = substr(r, 1, at - 1); r = substr(r, at + 1)
    c = index(userinfo, ":")
    u = c ? substr(userinfo, 1, c - 1) : userinfo
    if (u != "") setkw("user", pct(u))
    if (c && c < length(userinfo)) setkw("password", pct(substr(userinfo, c + 1)))
  }
  q = ""
  for (i = 1; i <= length(r); i++) { c = substr(r, i, 1); if (c == "/" || c == "?") break }
  hosts(substr(r, 1, i - 1)); r = substr(r, i)
  if (substr(r, 1, 1) == "/") {
    p = index(r, "?")
    if (p) { q = substr(r, p + 1); r = substr(r, 2, p - 2) } else r = substr(r, 2)
    if (r != "") setkw("dbname", pct(r))
  } else if (substr(r, 1, 1) == "?") q = substr(r, 2)
  if (q != "") {
    n = split(q, kv, "&")
    for (i = 1; i <= n; i++) {
      if (kv[i] == "") continue
      eq = index(kv[i], "=")
      if (!eq) fail("query parameter without =")
      setkw(pct(substr(kv[i], 1, eq - 1)), pct(substr(kv[i], eq + 1)))
    }
  }
}
function conninfo(s,    i, L, c, k, v) {
  i = 1; L = length(s)
  while (1) {
    while (i <= L && substr(s, i, 1) ~ /[ \t\n\r\f\v]/) i++
    if (i > L) break
    k = ""
    while (i <= L && (c = substr(s, i, 1)) != "=" && c !~ /[ \t\n\r\f\v]/) { k = k c; i++ }
    while (i <= L && substr(s, i, 1) ~ /[ \t\n\r\f\v]/) i++
    if (substr(s, i, 1) != "=") fail("missing \"=\" after \"" k "\"")
    i++
    while (i <= L && substr(s, i, 1) ~ /[ \t\n\r\f\v]/) i++
    v = ""
    if (substr(s, i, 1) == "\047") {
      i++
      while (1) {
        if (i > L) fail("unterminated quoted string")
        c = substr(s, i, 1)
        if (c == "\\") { i++; v = v substr(s, i, 1); i++; continue }
        if (c == "\047") { i++; break }
        v = v c; i++
      }
    } else {
      while (i <= L && (c = substr(s, i, 1)) !~ /[ \t\n\r\f\v]/) {
        if (c == "\\") { i++; c = substr(s, i, 1) }
        v = v c; i++
      }
    }
    setkw(k, v)
  }
}
function shq(v,    out, i) {
  out = ""
  while (i = index(v, "\047")) { out = out substr(v, 1, i - 1) "\047" BS "\047\047"; v = substr(v, i + 1) }
  return "\047" out v "\047"
}
BEGIN {
  n = split("host PGHOST hostaddr PGHOSTADDR port PGPORT dbname PGDATABASE user PGUSER password PGPASSWORD " \
            "passfile PGPASSFILE channel_binding PGCHANNELBINDING service PGSERVICE options PGOPTIONS " \
            "application_name PGAPPNAME sslmode PGSSLMODE requiressl PGREQUIRESSL sslcompression PGSSLCOMPRESSION " \
            "sslcert PGSSLCERT sslkey PGSSLKEY sslrootcert PGSSLROOTCERT sslcrl PGSSLCRL sslcrldir PGSSLCRLDIR " \
            "sslsni PGSSLSNI requirepeer PGREQUIREPEER ssl_min_protocol_version PGSSLMINPROTOCOLVERSION " \
            "ssl_max_protocol_version PGSSLMAXPROTOCOLVERSION gssencmode PGGSSENCMODE krbsrvname PGKRBSRVNAME " \
            "gsslib PGGSSLIB gssdelegation PGGSSDELEGATION connect_timeout PGCONNECT_TIMEOUT " \
            "client_encoding PGCLIENTENCODING target_session_attrs PGTARGETSESSIONATTRS " \
            "load_balance_hosts PGLOADBALANCEHOSTS require_auth PGREQUIREAUTH sslnegotiation PGSSLNEGOTIATION", w, " ")
  for (i = 1; i < n; i += 2) ENV[w[i]] = w[i + 1]
  BS = sprintf("%c", 92)
  s = ENVIRON["DST_DSN"]
  if (match(s, /^[Pp][Oo][Ss][Tt][Gg][Rr][Ee][Ss]([Qq][Ll])?(\+[A-Za-z0-9_]+)?:\/\//)) uri(substr(s, RLENGTH + 1))
  else if (index(s, "=")) conninfo(s)
  else if (s != "") setkw("dbname", s)
  for (i = 1; i <= count; i++) if (NAMES[i] in VAL) printf "%s=%s; export %s\n", NAMES[i], shq(VAL[NAMES[i]]), NAMES[i]
}
"""


def run_sh(load_id: str, jobs: int, prologue: str, epilogue: str, rollback: str) -> str:
    assert "'" not in DSN_AWK
    return f"""#!/bin/sh
# sqlsynth split load: runs {prologue}, then chunks/*.sql JOBS at a time, then {epilogue}, checking
# each phase in the load journal of the destination; on a failure or an interrupt (Ctrl-C, INT, TERM)
# in any phase, runs {rollback}, which undoes what the load wrote (and only that).
# usage: sh run.sh [JOBS]   (default {jobs})
# The destination comes from the environment, never from a command line: DST_DSN (turned into
# libpq's PG* variables here), or PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD/PGPASSFILE, ...
set -u
cd "$(dirname "$0")" || exit 1
JOBS="${{1:-{jobs}}}"
case "$JOBS" in ''|*[!0-9]*|0) echo "sqlsynth: JOBS must be a positive number" >&2; exit 2;; esac
LOAD={load_id}
if [ -n "${{DST_DSN:-}}" ]; then
  _pgenv=$(LC_ALL=C awk '{DSN_AWK}' </dev/null) || exit 2
  eval "$_pgenv"
  unset _pgenv
fi
export PGAPPNAME="sqlsynth split $LOAD"
PHASE=prologue
CHILD=
state() {{
  PGAPPNAME="sqlsynth split control" psql -X -q -t -A -v ON_ERROR_STOP=1 \\
    -c "SELECT {SCHEMA}.load_state('$LOAD')" 2>/dev/null
}}
stop_sessions() {{
  PGAPPNAME="sqlsynth split control" psql -X -q -t -A -o /dev/null -c "SELECT pg_terminate_backend(pid) \\
    FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'sqlsynth split $LOAD' \\
    AND pid <> pg_backend_pid()" 2>/dev/null
}}
rollback() {{
  echo "sqlsynth: restoring the destination ({rollback})" >&2
  if PGAPPNAME="sqlsynth split rollback" psql -X -q -v ON_ERROR_STOP=1 -f {rollback}; then
    echo "sqlsynth: the destination was restored" >&2
  else
    echo "sqlsynth: {rollback} failed; run it again, or \\`sqlsynth recover\\`" >&2
  fi
}}
fail() {{
  trap '' INT TERM
  echo "sqlsynth: load failed in the $PHASE: $1" >&2
  rollback
  exit 1
}}
interrupted() {{
  trap '' INT TERM
  echo "sqlsynth: interrupted in the $PHASE" >&2
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null; fi
  stop_sessions
  wait
  rollback
  exit 130
}}
trap interrupted INT TERM
# each phase runs in the background and is waited for: a signal interrupts `wait` at once
bg_wait() {{ "$@" & CHILD=$!; wait "$CHILD"; _rc=$?; CHILD=; return $_rc; }}

bg_wait psql -X -q -v ON_ERROR_STOP=1 -f {prologue} || fail "{prologue} failed"
[ "$(state)" = running ] || fail "{prologue} did not commit"
PHASE=chunks
ls chunks/*.sql >/dev/null || fail "no chunk scripts"
# a failed chunk exits 255: xargs starts no other one (its input redirected on the background command
# itself: a background command's stdin is otherwise /dev/null)
xargs -P "$JOBS" -I{{}} sh -c 'psql -X -q -v ON_ERROR_STOP=1 -f "$1" || exit 255' sh {{}} <<EOF &
$(ls chunks/*.sql)
EOF
CHILD=$!
wait "$CHILD" || fail "a chunk failed"
CHILD=
PHASE=epilogue
bg_wait psql -X -q -v ON_ERROR_STOP=1 -f {epilogue}
_rc=$?
[ "$(state)" = done ] || fail "{epilogue} did not complete"
[ "$_rc" = 0 ] || echo "sqlsynth: warning: ANALYZE after the load failed (the load itself is complete)" >&2
trap - INT TERM
echo "sqlsynth: load complete" >&2
"""
