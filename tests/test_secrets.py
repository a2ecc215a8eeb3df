"""Secrets: a password in SRC_DSN/DST_DSN never leaks.

A login role with a password is created for the test (the server uses trust auth on
127.0.0.1, so any password is accepted: what matters is that it never shows). With DSNs
written as a URL, an SQLAlchemy URL, a libpq key=value string and a URL whose password needs
percent-encoding, every command runs, successfully and failing (unreachable host, bad
database name, malformed DSN, a bad port, an SQL error midway), and the password appears in
none of: orm.yaml, config.yaml, the compiled SQL, vocabulary files, any other file written,
stdout/stderr of any command (in-process and through the installed console script), and the
log records of any logger.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
import yaml
from click.testing import CliRunner
from psycopg import sql

from sqlsynth.cli import main
from sqlsynth.db import MALFORMED, mask_dsn, normalize_dsn, parse_dsn, scrub
from sqlsynth.schema.io import dump_yaml

SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")
SECRET = "s3cr3t"  # in every password below
PASSWORD = "s3cr3t-pw"
ODD_PASSWORD = "p@ss:w/rd%s3cr3t?#&='x"
SQLSYNTH = Path(sys.executable).parent / "sqlsynth"

SOURCE_SQL = """
CREATE TABLE kind (id serial PRIMARY KEY, label text NOT NULL UNIQUE);
INSERT INTO kind (label) VALUES ('a'), ('b'), ('c');
CREATE TABLE item (
    id serial PRIMARY KEY,
    kind_id int NOT NULL REFERENCES kind,
    qty int NOT NULL CHECK (qty >= 0),
    note text
);
"""


def _dsn(style: str, role: str, password: str, db: str, host: str = "127.0.0.1", port: str = "5432") -> str:
    if style == "url":
        return f"postgresql://{role}:{quote(password, safe='')}@{host}:{port}/{db}"
    if style == "sqlalchemy":
        return f"postgresql+psycopg://{role}:{quote(password, safe='')}@{host}:{port}/{db}"
    escaped = password.replace("\\", "\\\\").replace("'", "\\'")
    return f"host={host} port={port} dbname={db} user={role} password='{escaped}'"


class Leaks:
    """Everything the commands printed or logged, checked for the password."""

    def __init__(self, caplog):
        self.caplog = caplog
        self.outputs: list[str] = []

    def run(self, *args: str, code: int | None = 0, env: dict | None = None) -> str:
        res = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
        text = res.stdout + res.stderr
        self.outputs.append(text)
        assert "Traceback" not in text
        if code is not None:
            assert res.exit_code == code, (args, res.exit_code, text)
        return text

    def check(self, *dirs: Path) -> None:
        for text in self.outputs:
            assert SECRET not in text, text
        for rec in self.caplog.records:
            assert SECRET not in rec.getMessage() and SECRET not in str(rec.args), rec
        assert SECRET not in self.caplog.text
        for d in dirs:
            for f in d.rglob("*"):
                if f.is_file() and f.name != ".env":  # the user's own settings file holds it, of course
                    assert SECRET.encode() not in f.read_bytes(), f


@pytest.fixture
def role(pg_server_dsn, make_db):
    """A superuser login role with a password, its own source and destination databases; dropped after."""
    name = f"sqlsynth_pw_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN SUPERUSER PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(PASSWORD)))
    src, dst = make_db("sqlsynth_pw_src"), make_db("sqlsynth_pw_dst")
    dbs = [d.rsplit("/", 1)[1] for d in (src, dst)]  # make_db gives URLs
    with psycopg.connect(src) as conn:
        conn.execute(SOURCE_SQL)
    yield name, dbs[0], dbs[1]
    for d in (src, dst):
        with psycopg.connect(d, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP OWNED BY {} CASCADE").format(sql.Identifier(name)))
    with psycopg.connect(pg_server_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))


@pytest.fixture
def workdir(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.upper() in SETTINGS:
            monkeypatch.delenv(key)
    caplog.set_level(logging.DEBUG)  # every logger, every level
    return tmp_path


@pytest.mark.parametrize("style,password", [("url", PASSWORD), ("sqlalchemy", PASSWORD), ("keyvalue", PASSWORD),
                                            ("url", ODD_PASSWORD), ("keyvalue", ODD_PASSWORD)])
def test_password_never_leaks(role, workdir, monkeypatch, caplog, style, password):
    name, src_db, dst_db = role
    src, dst = _dsn(style, name, password, src_db), _dsn(style, name, password, dst_db)
    with psycopg.connect(normalize_dsn(src)) as conn:  # the DSN really logs in as the role
        assert conn.execute("SELECT current_user").fetchone()[0] == name
    leaks = Leaks(caplog)
    # the source's DSN through .env, the destination's through the environment
    (workdir / ".env").write_text(f'SRC_DSN="{src}"\n', encoding="utf-8")
    monkeypatch.setenv("DST_DSN", dst)

    # ---- every command, successfully
    leaks.run("make-tables")
    assert "***" in (workdir / "orm.yaml").read_text(encoding="utf-8")  # the DSN is kept, masked
    leaks.run("generate-config", "--no-fit")
    leaks.run("generate-config", "--config-file", "shaped.yaml")  # shaped to the source: profile queries
    leaks.run("make-stats", "--config-file", "shaped.yaml", "--stats-file", "shaped-stats.yaml")
    data = yaml.safe_load((workdir / "config.yaml").read_text(encoding="utf-8"))
    data["tables"]["kind"]["vocabulary_table"] = True  # make-vocab / create-vocab read and write it
    (workdir / "config.yaml").write_text(dump_yaml(data), encoding="utf-8")
    leaks.run("validate-config")
    leaks.run("list-tables", "--tables", "all")
    leaks.run("make-stats")
    leaks.run("make-vocab")
    leaks.run("create-tables")
    leaks.run("create-vocab")
    leaks.run("compile", "--num-passes", "5", "-o", "load.sql")
    leaks.run("-v", "create-data", "--num-passes", "5", "-v")
    leaks.run("create-data", "--num-passes", "5", code=1)  # already has rows
    leaks.run("remove-data", "--yes")
    leaks.run("create-data", "--num-passes", "5")
    with psycopg.connect(normalize_dsn(dst)) as conn:
        assert conn.execute("SELECT count(*) FROM item").fetchone()[0] == 5

    # ---- failing: an SQL error midway (a generator that breaks the CHECK of item)
    leaks.run("remove-data", "--yes")
    data = yaml.safe_load((workdir / "config.yaml").read_text(encoding="utf-8"))
    data["tables"]["item"]["row_generators"] = [
        {"name": "sqlsynth.sql", "columns_assigned": "qty", "kwargs": {"expression": "-_row"}}]
    bad = dump_yaml(data)
    (workdir / "bad.yaml").write_text(bad, encoding="utf-8")
    out = leaks.run("create-data", "--config-file", "bad.yaml", "--num-passes", "3", code=1)
    assert "item" in out and "check" in out.lower()

    # ---- failing: unreachable host, bad database, bad port, malformed URL, unknown host
    for broken in (_dsn(style, name, password, dst_db, port="1"), _dsn(style, name, password, "no_such_db"),
                   _dsn(style, name, password, dst_db, port="notaport"),
                   _dsn(style, name, password, dst_db, host="[::1"),
                   _dsn(style, name, password, dst_db, host="nohost.invalid")):
        env = {"DST_DSN": broken, "SRC_DSN": broken}
        for command in (["create-tables"], ["create-data"], ["remove-data", "--yes"], ["remove-tables", "--yes"],
                        ["create-vocab"], ["make-tables", "--orm-file", "other.yaml"],
                        ["make-vocab", "--orm-file", "orm.yaml", "--force"], ["make-stats", "--force"]):
            leaks.run(*command, code=None, env=env)  # fails (or has nothing to do): no traceback, no password
    leaks.run("remove-vocab", "--yes", code=None)
    leaks.run("remove-tables", "--yes")
    leaks.check(workdir)


def test_installed_command_does_not_print_the_password(role, workdir):
    """The console script (real stdout/stderr, real logging setup): unreachable, then a bad database."""
    name, _src_db, dst_db = role
    (workdir / "orm.yaml").write_text("tables:\n  t:\n    columns:\n      id: {type: integer}\n", encoding="utf-8")
    for dsn in (_dsn("url", name, PASSWORD, dst_db, port="1"), _dsn("url", name, PASSWORD, "no_such_db"),
                _dsn("url", name, PASSWORD, dst_db, port="notaport")):
        for command, key in ((["create-tables"], "DST_DSN"), (["make-tables", "--force", "--orm-file", "o2.yaml"], "SRC_DSN")):
            proc = subprocess.run([str(SQLSYNTH), *command], cwd=workdir, capture_output=True, text=True, timeout=120,
                                  env={**os.environ, key: dsn}, stdin=subprocess.DEVNULL)
            assert proc.returncode == 1, proc
            assert SECRET not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr
            if "notaport" in dsn:  # refused before connecting, naming the setting
                assert f"{key} is not a valid connection string: the port is not a number" in proc.stderr
            else:
                assert "***" in proc.stderr


MASKED = {
    "postgresql://u:s3cr3t@h:5432/d": "postgresql://u:***@h:5432/d",
    "postgresql+psycopg2://u:s3cr3t@h/d": "postgresql://u:***@h/d",
    "postgresql://u:s3cr3t@h:notaport/d": MALFORMED,  # libpq would quote the port
    "postgresql://u:s3cr3t@[::1:5432/d": MALFORMED,
    "postgresql://u:p%40s3cr3t@h/d": "postgresql://u:***@h/d",
    "postgresql://u:s3cr3t/x@h/d": MALFORMED,  # libpq would read host=u port=s3cr3t dbname=x@h/d
    "postgresql://u@h/d?sslmode=require&password=s3cr3t": "postgresql://u@h/d?sslmode=require&password=***",
    "postgresql://u:s3cr3t@h/d?password=other": "postgresql://u:***@h/d?password=***",
    "postgresql://u:@h/d": "postgresql://u:@h/d",  # an empty password is no password to libpq
    "host=h password=s3cr3t\\ x dbname=d": "password=*** dbname=d host=h",  # masked in place, libpq would
    # read "host=h password=*** x dbname=d" otherwise: libpq's own rendering of the masked fields
    "host=h password=s3cr3t dbname=d": "host=h password=*** dbname=d",
    "host=h password = 's3cr3t x\\'y' dbname=d": "host=h password = *** dbname=d",
    "host=h sslpassword=s3cr3t dbname=d": "host=h sslpassword=*** dbname=d",
    "postgresql://u@h/d": "postgresql://u@h/d",
}


@pytest.mark.parametrize("dsn", list(MASKED))
def test_mask_dsn_and_scrub(dsn):
    """The password fields libpq reads are masked; a DSN quoted whole in a message (as written,
    normalised, or as libpq renders it) is replaced by its masked form."""
    from psycopg.conninfo import make_conninfo

    masked = mask_dsn(dsn)
    assert SECRET not in masked
    assert masked == MASKED[dsn]
    forms = [dsn, normalize_dsn(dsn)]
    if masked != MALFORMED:
        forms.append(make_conninfo(**parse_dsn(dsn)))
    for form in forms:
        out = scrub(f'connection to "{form}" failed: FATAL: no such database', dsn)
        assert SECRET not in out and out.endswith("failed: FATAL: no such database")


def test_a_short_password_masks_the_password_field_only():
    """Password `e`: the message keeps every other e ("postgr***sql ... conn***ction" before)."""
    dsn = "postgresql://u:e@127.0.0.1:1/d"
    assert mask_dsn(dsn) == "postgresql://u:***@127.0.0.1:1/d"
    text = 'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused'
    assert scrub(text, dsn) == text
    res = CliRunner().invoke(main, ["make-tables", "--orm-file", "o.yaml"], env={"SRC_DSN": dsn})
    assert res.exit_code == 1
    line = res.stderr.strip()
    assert "cannot connect to the source database postgresql://u:***@127.0.0.1:1/d" in line
    assert "connection to server" in line and "Connection refused" in line, line


MALFORMED_PASSWORD = "Zq7Xw9Kp2Vm4Jt"
MALFORMED_DSNS = {
    "doubled @": f"postgresql://user:{MALFORMED_PASSWORD}@@127.0.0.1/db",
    "@ inside the password": f"postgresql://user:Zq7Xw9@Kp2Vm4Jt@127.0.0.1/db",
    "/ inside the password": f"postgresql://user:Zq7Xw9/Kp2Vm4Jt@127.0.0.1/db",
    "unbalanced quote": f"host=127.0.0.1 dbname=db user=u password='{MALFORMED_PASSWORD}",
    "unquoted space": "host=127.0.0.1 dbname=db user=u password=Zq7Xw9 Kp2Vm4Jt",
    "& in a query password": "postgresql://u@127.0.0.1/db?password=Zq7Xw9&Kp2Vm4Jt",
    "bad percent-encoding": "postgresql://u:Zq7Xw9%zzKp2Vm4Jt@127.0.0.1/db",
    "port that is a password": "postgresql://u:Zq7Xw9Kp2Vm4Jt@127.0.0.1:Zq7Xw9Kp2Vm4Jt/db",
    "unclosed IPv6 bracket": f"postgresql://u:{MALFORMED_PASSWORD}@[::1/db",
}


@pytest.mark.parametrize("why", list(MALFORMED_DSNS))
def test_a_malformed_dsn_is_one_line_naming_the_setting(why, workdir):
    """Nothing of the password (no 4 characters of it in a row) in the one line a malformed DSN
    gives, whichever setting holds it; the line names the setting."""
    dsn = MALFORMED_DSNS[why]
    (workdir / "orm.yaml").write_text("tables:\n  t:\n    columns:\n      id: {type: integer}\n", encoding="utf-8")
    pieces = {MALFORMED_PASSWORD[i:i + 4] for i in range(len(MALFORMED_PASSWORD) - 3)}
    for command, key in ((["make-tables", "--orm-file", "o2.yaml"], "SRC_DSN"), (["create-tables"], "DST_DSN"),
                         (["make-stats"], "SRC_DSN")):
        if command == ["make-stats"]:
            (workdir / "config.yaml").write_text("src-stats:\n  - {name: n, query: SELECT 1 AS one}\n",
                                                 encoding="utf-8")
        res = CliRunner().invoke(main, command, env={key: dsn})
        text = res.stdout + res.stderr
        assert res.exit_code == 1, text
        assert not [p for p in pieces if p in text], (why, text)
        lines = [ln for ln in res.stderr.splitlines() if ln.strip() and "problem(s) found" not in ln]
        assert len(lines) == 1 and key in lines[0] and "not a valid connection string" in lines[0], text
