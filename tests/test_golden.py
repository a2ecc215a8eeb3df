"""Golden SQL: the compiled Pagila program is a reviewed contract.

Rendering is deterministic (stable order, no timestamps). After a deliberate change,
regenerate with `SQLSYNTH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and
review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sqlsynth import api

HERE = Path(__file__).parent
FIX = HERE.parent / "sqlsynth" / "examples" / "pagila"


def check_golden(name: str, text: str) -> None:
    path = HERE / "golden" / name
    if os.environ.get("SQLSYNTH_UPDATE_GOLDEN") or not path.exists():
        path.write_text(text)
        if not os.environ.get("SQLSYNTH_UPDATE_GOLDEN"):
            pytest.fail(f"golden file {path} did not exist; it was written, review and commit it")
    expected = path.read_text()
    assert text == expected, f"compiled SQL differs from {path}; rerun with SQLSYNTH_UPDATE_GOLDEN=1 and review"


def test_pagila_program_matches_golden():
    text = api.compile_script(str(FIX / "orm.yaml"), str(FIX / "config.yaml"), num_passes=1000, seed=7)
    check_golden("pagila_seed7_passes1000.sql", text)


def test_compile_is_deterministic_and_seed_sensitive():
    a = api.compile_script(str(FIX / "orm.yaml"), str(FIX / "config.yaml"), num_passes=10, seed=1)
    b = api.compile_script(str(FIX / "orm.yaml"), str(FIX / "config.yaml"), num_passes=10, seed=1)
    c = api.compile_script(str(FIX / "orm.yaml"), str(FIX / "config.yaml"), num_passes=10, seed=2)
    assert a == b
    assert a != c
    # the script is one transaction that stops at the first error
    lines = a.splitlines()
    assert lines[4:6] == ["\\set ON_ERROR_STOP on", "BEGIN;"]
    assert lines[-2:] == ["COMMIT;", lines[-1]] or "COMMIT;" in lines


def test_store_staff_cycle_is_broken_by_dropping_and_restoring_one_foreign_key():
    text = api.compile_script(str(FIX / "orm.yaml"), str(FIX / "config.yaml"), num_passes=3, seed=1)
    drop = 'ALTER TABLE "public"."staff" DROP CONSTRAINT "staff_store_id_fkey";'
    add = 'ALTER TABLE "public"."staff" ADD CONSTRAINT "staff_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "public"."store" ("store_id");'
    assert drop in text and add in text
    assert text.index(drop) < text.index('INSERT INTO "public"."staff"') < text.index(add) < text.index("COMMIT;")
