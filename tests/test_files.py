"""sqlsynth.files.write_atomic: every file sqlsynth writes (orm.yaml, config.yaml, src-stats.yaml,
`compile -o`, the report) is replaced whole, and a target that is not a regular file is written
into, not replaced (`compile -o /dev/null` as root once turned /dev/null into a plain file)."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from sqlsynth.files import write_atomic


def test_a_regular_file_is_replaced_whole(tmp_path):
    p = tmp_path / "config.yaml"
    p.write_text("old\n")
    write_atomic(str(p), "new\n")
    assert p.read_text() == "new\n"
    assert os.listdir(tmp_path) == ["config.yaml"]  # no temporary file left beside it


def test_a_failed_write_leaves_the_old_file(tmp_path):
    p = tmp_path / "orm.yaml"
    p.write_text("old\n")
    with pytest.raises(TypeError):
        write_atomic(str(p), None)  # type: ignore[arg-type]
    assert p.read_text() == "old\n" and os.listdir(tmp_path) == ["orm.yaml"]


def test_a_symbolic_link_stays_and_its_target_gets_the_text(tmp_path):
    real = tmp_path / "real.sql"
    real.write_text("old")
    link = tmp_path / "load.sql"
    link.symlink_to(real)
    write_atomic(str(link), "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_named_pipe_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_atomic(str(fifo), "SELECT 1;\n")
    reader.join(10)
    assert got == ["SELECT 1;\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, not a plain file


def test_compile_into_a_pipe_keeps_the_pipe(tmp_path, monkeypatch):
    """The CLI path of the bug: `sqlsynth compile -o <not a regular file>`."""
    from click.testing import CliRunner

    from sqlsynth.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "orm.yaml").write_text(
        "schema: public\ntables:\n  t:\n    columns:\n      id: {type: INTEGER, primary: true, nullable: false}\n")
    (tmp_path / "config.yaml").write_text("tables:\n  t: {rows: 3}\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    res = CliRunner().invoke(main, ["compile", "-o", str(fifo)], catch_exceptions=False)
    reader.join(10)
    assert res.exit_code == 0, res.output
    assert "INSERT INTO" in got[0] and stat.S_ISFIFO(os.stat(fifo).st_mode)
