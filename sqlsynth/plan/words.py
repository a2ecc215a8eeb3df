"""The built-in vocabulary of default text: words and sentences drawn by position, looked up in
one-row arrays the statement holds once (placeholders WordsArray and SentenceAt)."""

from __future__ import annotations

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import Streams, add, concat, lit, mul, subscript
from .placeholders import SentenceAt, WordsArray

# A small vocabulary for default text; real names, places and sentences come from pools.
WORDS = (
    "able about account action active address after again agent air amount answer area army art "
    "autumn bank base bear beautiful bed bird black blue board boat body book border box bread "
    "bridge bright brother brown build business call camera capital card care carry case cat "
    "center chair chance change chapter charge child choice city class clear clock cloud coast "
    "cold colour common company cook copy corner cost country course cover cream cross crowd "
    "cup dance dark daughter day deep desert design detail dinner direct doctor dog door dream "
    "dress drive early earth east edge effect energy engine evening event example face fact "
    "family farm father field film fire first fish floor flower force forest free fresh friend "
    "front fruit game garden gate gift glass gold good grass great green ground group guide "
    "hand happy harbour heart heavy high hill history home horse hotel house idea island "
    "journey kind king kitchen lake land language large late leader letter light line lion "
    "little local long lucky machine main map market match meal middle milk mind minute model "
    "money month moon morning mother mountain music name nation nature night noble north note "
    "number ocean office open orange order paper park party pattern peace people picture piece "
    "place plain planet plant point power present press price prize public quiet radio rain "
    "red region report rich river road rock room round royal safe salt school science sea "
    "season second secret service shadow ship shop short silver simple sister sky small smile "
    "snow soft song south space spring square star station stone story street strong summer "
    "sun table teacher team test thunder time top tower town track trade train travel tree "
    "union valley village voice wall water west wheel white wild window winter wood world year "
    "young"
).split()


WORDS_REF = ("sqlsynth_words", "w")  # FROM ... CROSS JOIN (SELECT ARRAY[...]) AS sqlsynth_words(w)


def words_array_source() -> exp.Expression:
    """The one-row subquery that holds the vocabulary once per statement."""
    sel = exp.select(exp.Cast(this=sqlx.text_array(WORDS), to=exp.DataType.build("NAME[]", dialect="postgres")))
    return exp.Subquery(this=sel, alias=exp.TableAlias(this=exp.to_identifier(WORDS_REF[0], quoted=True),
                                                       columns=[exp.to_identifier(WORDS_REF[1], quoted=True)]))


def _w() -> exp.Expression:
    return WordsArray()


def _series(alias: str, lo: int, hi: int) -> exp.Expression:
    return exp.Table(this=exp.GenerateSeries(start=lit(lo), end=lit(hi)),
                     alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True),
                                          columns=[exp.to_identifier(alias, quoted=True)]))


def _sentence(w: exp.Expression, start: exp.Expression, length: exp.Expression) -> exp.Expression:
    """The capitalised word at `start` and the `length` words after it (rtrim: no trailing space when 0)."""
    first = exp.Initcap(this=subscript(w.copy(), start))
    rest = exp.Bracket(this=exp.Paren(this=w.copy()),
                       expressions=[exp.Slice(this=add(start.copy(), lit(1)), expression=add(start.copy(), length))],
                       offset=1)
    return exp.Trim(this=concat(first, lit(" "), exp.ArrayToString(this=rest, expression=lit(" "))),
                    position="TRAILING")


def sentences_source(max_words: int) -> exp.Expression:
    """Every sentence words(capital=True) can draw, computed once per statement: a NAME[] (fixed-width
    elements, so a subscript does not walk the array; the longest sentence is well under NAME's 63 bytes)
    in the order (start, length), so a row picks its sentence with one subscript instead of building it."""
    s, k = (sqlx.col(a, a) for a in ("s", "k"))
    w = sqlx.col(WORDS_REF[1], WORDS_REF[0])
    # each element cast inside ARRAY(...): the subquery is then computed once (an InitPlan) as a NAME[];
    # a cast of the whole array would sit in every row's expression and convert 1,710 elements a row
    name = exp.DataType.build("NAME", dialect="postgres")
    inner = exp.select(exp.Cast(this=_sentence(w, s, k), to=name)).from_(words_array_source())
    sqlx.join(inner, _series("s", 1, len(WORDS) - max_words), kind="CROSS")
    sqlx.join(inner, _series("k", 0, max_words - 1), kind="CROSS")
    inner = inner.order_by(s.copy(), k.copy())
    return exp.Subquery(this=exp.select(exp.Array(expressions=[inner])),
                        alias=exp.TableAlias(this=exp.to_identifier(f"sqlsynth_sentences{max_words}", quoted=True),
                                             columns=[exp.to_identifier("t", quoted=True)]))


def words(streams: Streams, stream: str, row: exp.Expression, max_words: int, capital: bool = False) -> exp.Expression:
    """1..max_words consecutive words of the vocabulary from a random place; the first capitalised if asked."""
    n = len(WORDS)
    start = add(lit(1), streams.pick(stream + ":s", row, n - max_words))
    if max_words <= 1:
        first = subscript(_w(), start)
        return exp.Initcap(this=first) if capital else first
    length = streams.pick(stream + ":k", row, max_words)
    if capital:
        # the same sentence as _sentence(start, length), looked up: one subscript for a row instead of
        # three hashes, a slice, array_to_string, initcap, || and rtrim (computed where no statement collects)
        at = add(lit(1), add(mul(streams.pick(stream + ":s", row, n - max_words), lit(max_words)), length))
        return SentenceAt(this=at, max_words=lit(max_words), direct=_sentence(_w(), start, length))
    sl = exp.Bracket(this=exp.Paren(this=_w()), expressions=[exp.Slice(this=start, expression=add(start.copy(), length))], offset=1)
    return exp.ArrayToString(this=sl, expression=lit(" "))


def longest_words(max_words: int) -> int:
    """The longest value words() can give for max_words (capitalising keeps the length)."""
    n = len(WORDS)
    if max_words <= 1:
        return max(len(w) for w in WORDS[:n - max_words])
    return max(len(" ".join(WORDS[s:s + max_words])) for s in range(n - max_words))
