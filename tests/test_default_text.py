"""The default text of a column (words of the built-in vocabulary) is looked up in a per-statement
array of every sentence it can give: the values must be exactly those of building the sentence
row by row, and every sentence must fit a NAME (63 bytes) and the column without left()."""

from __future__ import annotations

import psycopg
import pytest
from sqlglot import exp

from sqlsynth.sql.sqlx import Streams, add, lit
from sqlsynth.plan.pools import JoinCollector
from sqlsynth.plan.values import text_value
from sqlsynth.plan.words import WORDS, _sentence, _w, longest_words, words

ROW = exp.column(exp.to_identifier("i", quoted=True), table=exp.to_identifier("g", quoted=True))
ROWS = 20_000


def _select(cols: list[exp.Expression], joins: JoinCollector) -> str:
    src = exp.Table(this=exp.GenerateSeries(start=lit(1), end=lit(ROWS)),
                    alias=exp.TableAlias(this=exp.to_identifier("g", quoted=True),
                                         columns=[exp.to_identifier("i", quoted=True)]))
    return joins.apply(exp.select(*cols).from_(src)).sql(dialect="postgres")


@pytest.mark.parametrize("max_words", [2, 4, 6])
def test_looked_up_sentences_are_the_built_ones(fresh_db, max_words):
    streams = Streams(7, "t")
    n = len(WORDS)
    joins = JoinCollector()  # the statement resolves the placeholders (sentences, words) into its sources
    looked_up = joins.resolve(words(streams, "c", ROW, max_words, capital=True))
    start = add(lit(1), streams.pick("c:s", ROW, n - max_words))
    built = joins.resolve(_sentence(_w(), start, streams.pick("c:k", ROW, max_words)))
    query = _select([looked_up, built], joins)
    assert "sqlsynth_sentences" in query and "INITCAP" in query  # both forms are in the statement
    with psycopg.connect(fresh_db) as conn:
        rows = conn.execute(f"SELECT count(*), count(*) FILTER (WHERE a IS DISTINCT FROM b), count(DISTINCT a) "
                            f"FROM ({query}) AS x(a, b)").fetchone()
    assert rows[0] == ROWS and rows[1] == 0
    assert rows[2] == min(ROWS, (n - max_words) * max_words)  # every sentence reachable, none lost


def test_sentences_fit_a_name_and_the_column():
    assert longest_words(6) <= 63  # NAME holds 63 bytes; the vocabulary is ASCII
    joins = JoinCollector()
    fits = joins.resolve(text_value(Streams(1, "t"), "c", 84, False, 10).at(ROW)).sql(dialect="postgres")
    cut = joins.resolve(text_value(Streams(1, "t"), "c", 40, False, 10).at(ROW)).sql(dialect="postgres")
    assert not fits.upper().startswith("LEFT(")  # 6 words are at most 42 characters: nothing to cut
    assert cut.upper().startswith("LEFT(") and cut.endswith(", 40)")
