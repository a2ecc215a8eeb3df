"""Config fuzzing: malformed YAML and structurally wrong configs never end in a traceback.

hypothesis generates (a) arbitrary text and bytes (not UTF-8, tabs, unclosed brackets, tags,
anchors) and (b) configs of the right outline with wrong types at every level, unknown keys,
huge and negative numbers, NaN/inf, and generator arguments of every type. ``validate-config``
and ``compile`` run through click's CliRunner with ``catch_exceptions=False`` (any exception
other than SystemExit fails the test) and must exit 0, or exit 1 with only located lines
(``file:line: path: message``; ``file: message`` for whole-file problems) and the summary line.
One subprocess runs the installed command the same way. No database is needed: the orm is a
small hand-written file.

The JSON Schema published in sqlsynth/config/config_schema.json is checked here too: it covers
every key the loader accepts, documents each, accepts the configs sqlsynth writes and the
bundled example, and (when the optional ``jsonschema`` package is importable) is applied by
validate-config.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
import types
from contextlib import chdir
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sqlsynth.cli import main
from sqlsynth.config.load import GEN_KEYS, TABLE_KEYS, TOP_KEYS
from sqlsynth.config.published import schema as published_schema
from sqlsynth.config.published import schema_path
from sqlsynth.plan.generators import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
# hypothesis (6.170) wrongly says the recursive `anything` strategy below does not use its argument
pytestmark = pytest.mark.filterwarnings("ignore:extend=.*doesn't use it's argument")
SQLSYNTH = Path(sys.executable).parent / "sqlsynth"

ORM = """\
dsn: postgresql://root@localhost/src
schema: public
enums:
  mood: [happy, sad]
tables:
  person:
    columns:
      id: {type: integer, primary: true, nullable: false, serial: true}
      name: {type: character varying(20), nullable: false}
      email: {type: text}
      born: {type: date}
      score: {type: "numeric(5,2)"}
      mood: {type: mood}
    primary_key: {name: person_pkey, columns: [id]}
    unique: [{name: person_email_key, columns: [email]}]
  pet:
    columns:
      id: {type: bigint, primary: true, nullable: false, identity: always}
      owner_id: {type: integer, nullable: false}
      kind: {type: text}
      at: {type: timestamp with time zone}
    primary_key: {name: pet_pkey, columns: [id]}
    foreign_keys: [{name: pet_owner_fkey, columns: [owner_id], ref_table: person, ref_columns: [id]}]
    checks: [{name: kind_check, expression: "(kind = ANY (ARRAY['cat'::text, 'dog'::text]))"}]
"""

SUMMARY = re.compile(r"^sqlsynth: \d+ problem\(s\) found; nothing was changed$")


def assert_clean_failure(res_code: int, stdout: str, stderr: str, file: str) -> None:
    """Exit 0, or exit 1 with located lines only; never a traceback."""
    assert "Traceback" not in stdout + stderr
    assert res_code in (0, 1), (res_code, stdout, stderr)
    if res_code == 0:
        return
    lines = stderr.splitlines()
    assert lines, "a failure must say why"
    if SUMMARY.match(lines[-1]):
        for line in lines[:-1]:
            # file:line: path: message  |  file:line: message  |  file: message (whole-file problems)
            assert line.startswith((f"{file}:", "orm.yaml:")), line
            rest = line.split(":", 1)[1]
            assert re.match(r"^(\d+: )?\S.*", rest.lstrip(" ")) and rest.startswith((" ", "0", "1", "2", "3", "4", "5",
                                                                                   "6", "7", "8", "9")), line
    else:  # a problem that is not in the config (e.g. the plan cannot be built): one error line
        assert all(line.startswith("sqlsynth: ") for line in lines), lines


def run(args: list[str], file: str) -> None:
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert_clean_failure(res.exit_code, res.stdout, res.stderr, file)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("fuzz")
    (d / "orm.yaml").write_text(ORM, encoding="utf-8")
    return d


FUZZ = settings(max_examples=int(os.environ.get("SQLSYNTH_FUZZ_EXAMPLES", "150")), deadline=None,
                derandomize=not os.environ.get("SQLSYNTH_FUZZ_RANDOM"), database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])


def check_file(workdir: Path, content: bytes) -> None:
    (workdir / "config.yaml").write_bytes(content)
    with chdir(workdir):
        for args in (["validate-config"], ["validate-config", "config.yaml", "--orm-file", "none.yaml"],
                     ["compile", "-o", "out.sql"]):
            run(args, "config.yaml")
            if Path("out.sql").exists():
                os.remove("out.sql")


# ---- (a) arbitrary text and bytes -------------------------------------------------------------------

YAML_BITS = ["tables:", "\n", "  ", "\t", ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object ",
             "!tag ", "? ", "|", ">", "#", "'", '"', "%YAML 1.1\n", "---\n", "...\n", "person", "pet", "row_generators",
             "name: ", "columns_assigned: ", "kwargs: ", "num_rows_per_pass: ", "1e999", "-1", ".nan", "~", "null",
             "\ufeff", "\x85", "\u2028", "é", "\x00", "\x1b", "<<: ", "=", "9" * 30]

yaml_text = st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=3), max_size=40).map("".join)
raw_bytes = st.one_of(
    yaml_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    yaml_text.map(lambda s: s.encode("utf-16")),
    st.tuples(yaml_text, st.binary(min_size=1, max_size=5)).map(lambda t: t[0].encode() + b"\xff\xfe" + t[1]),
)


@FUZZ
@given(content=raw_bytes)
def test_arbitrary_bytes_never_crash(workdir, content):
    check_file(workdir, content)


# ---- (b) the right outline, wrong contents -------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**18, max_value=10**40),
    st.integers(min_value=-(10**40), max_value=-1), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8), st.sampled_from(["", "auto", "'quoted'", '"x"', "[1, 2", "{}", "SRC_STATS", "None", "1e999",
                                          "person", "pet", "id", "email", "{:06d}", "-{}-", "_row + 1", "select 1",
                                          "1; DROP TABLE x", "CUST-{:06d}", "generic.person.email"]),
)
anything = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.one_of(st.text(max_size=6), st.sampled_from(
                            ["value", "count", "k", "parents", "rank", "m0", "c0_0", "start", "end", "a",
                             "foreign_key", "histogram", "patterns", "row_count", "name", "query"])), inner, max_size=4),
                        max_leaves=12)

GEN_NAMES = sorted(REGISTRY) + ["generic.person.email", "generic.person.first_name", "generic.numeric.integer_numbr",
                                "generic.column_value_provider.column_value", "mimesis.nothing", ""]
KWARG_NAMES = sorted({p for f in REGISTRY.values() for p in list(inspect.signature(f).parameters)[1:]})


def maybe(strategy):
    return st.one_of(strategy, anything)


@st.composite
def generator_entry(draw):
    d = {}
    if draw(st.booleans()):
        d["name"] = draw(maybe(st.sampled_from(GEN_NAMES)))
    if draw(st.booleans()):
        d["columns_assigned"] = draw(maybe(st.one_of(
            st.sampled_from(["id", "name", "email", "born", "score", "mood", "owner_id", "kind", "at", "nope"]),
            st.lists(st.sampled_from(["name", "email", "kind", "at", "score"]), max_size=3))))
    if draw(st.booleans()):
        d["kwargs"] = draw(maybe(st.dictionaries(st.sampled_from(KWARG_NAMES + ["unique", "bogus"]), anything,
                                                 max_size=4)))
    if draw(st.booleans()):
        d["args"] = draw(maybe(st.lists(anything, max_size=3)))
    for key in sorted(GEN_KEYS - {"name", "columns_assigned", "kwargs", "args"}) + ["colums_assigned"]:
        if draw(st.integers(0, 5)) == 0:
            d[key] = draw(anything)
    return d if draw(st.integers(0, 9)) else draw(anything)


@st.composite
def table_entry(draw):
    d = {}
    for key in sorted(TABLE_KEYS) + ["num_rows_per_pas"]:
        if draw(st.integers(0, 3)) == 0:
            if key == "row_generators":
                d[key] = draw(maybe(st.lists(generator_entry(), max_size=3)))
            elif key in ("num_rows_per_pass", "rows"):
                d[key] = draw(st.one_of(st.integers(min_value=-5, max_value=5), st.integers(min_value=10**6),
                                        st.sampled_from([2**31, 2**63, 2**64, 10**30]), anything))
            else:
                d[key] = draw(anything)
    return d if draw(st.integers(0, 9)) else draw(anything)


@st.composite
def configs(draw):
    d = {}
    for key in sorted(TOP_KEYS) + ["tabels"]:
        if key == "tables" or draw(st.integers(0, 4)) == 0:
            if key == "tables":
                d[key] = draw(maybe(st.dictionaries(st.sampled_from(["person", "pet", "persn", "1", ""]),
                                                    table_entry(), max_size=3)))
            else:
                d[key] = draw(anything)
    return d if draw(st.integers(0, 19)) else draw(anything)


def _dump(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


@FUZZ
@given(config=configs(), passes=st.one_of(st.just(1), st.integers(0, 10**6), st.sampled_from([2**62, 10**30])),
       seed=st.one_of(st.none(), st.integers(), st.sampled_from([-(2**70), 2**70])))
def test_structurally_wrong_configs_never_crash(workdir, config, passes, seed):
    (workdir / "config.yaml").write_bytes(_dump(config))
    with chdir(workdir):
        run(["validate-config"], "config.yaml")
        args = ["compile", "-o", "out.sql", "--num-passes", str(passes)] + ([] if seed is None else ["--seed", str(seed)])
        run(args, "config.yaml")
        if Path("out.sql").exists():
            os.remove("out.sql")


PINNED = {
    "recursive alias": b"tables:\n  person: &a\n    row_generators: [*a]\n",
    "recursive kwargs": b"tables:\n  person:\n    row_generators:\n    - name: dist_gen.constant\n"
                        b"      columns_assigned: name\n      kwargs: &k {value: *k}\n",
    "billion laughs": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                      b"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                      b"tables: {person: {row_generators: [{name: generic.choice, columns_assigned: name, "
                      b"kwargs: {items: *h}}]}}\n",
    "not utf-8": b"tables:\n  person:\n    num_rows_per_pass: \xff\xfe\n",
    "utf-16": "tables:\n  person: {}\n".encode("utf-16"),
    "nul byte": b"tables:\n  person: {num_rows_per_pass: \x00}\n",
    "huge rows": b"tables:\n  person: {rows: 100000000000000000000000000000}\n",
    "bigint rows": b"tables:\n  person: {rows: 9223372036854775807}\n  pet: {rows: 9223372036854775807}\n",
    "negative count": b"tables:\n  person: {num_rows_per_pass: -3}\n",
    "nan": b"tables:\n  person:\n    row_generators:\n    - {name: dist_gen.normal, columns_assigned: score, "
           b"kwargs: {mean: .nan, sd: .inf}, null_fraction: .nan}\n",
    "inf integers": b"tables:\n  person:\n    row_generators:\n    - {name: generic.numeric.integer_number, "
                    b"columns_assigned: score, kwargs: {start: -.inf, end: .inf}}\n",
    "huge integers": b"tables:\n  person:\n    row_generators:\n    - {name: generic.numeric.integer_number, "
                     b"columns_assigned: score, kwargs: {start: -99999999999999999999999, end: 99999999999999999999999}}\n",
    "huge year": b"tables:\n  person:\n    row_generators:\n    - {name: generic.datetime.date, columns_assigned: born, "
                 b"kwargs: {start: 1, end: 99999999999}}\n",
    "inf histogram": b"tables:\n  pet:\n    children_per_parent: {foreign_key: pet_owner_fkey, "
                     b"histogram: [{k: .inf, parents: 1}]}\n",
    "list as key": b"tables:\n  ? [a, b]\n  : {}\n",
    "tagged": b"tables: !!python/object:os.system {}\n",
    "int table name": b"tables:\n  1: {ignore: true}\n",
    "merge key": b"base: &b {num_rows_per_pass: 2}\ntables:\n  person: {<<: *b}\n",
}


@pytest.mark.parametrize("case", list(PINNED))
def test_pinned_malformed_configs(workdir, case):
    (workdir / "config.yaml").write_bytes(PINNED[case])
    with chdir(workdir):
        for args in (["validate-config"], ["compile", "-o", "out.sql"], ["list-tables"]):
            run(args, "config.yaml")
        if Path("out.sql").exists():
            os.remove("out.sql")


def test_malformed_config_through_the_installed_command(workdir):
    """The console script: exit 1, only located lines on stderr, no traceback."""
    (workdir / "config.yaml").write_bytes(
        b"tables:\n  persn: {num_rows_per_pass: -1}\n  pet:\n    row_generators:\n    - name: 7\n      kwargs: []\n")
    for command in (["validate-config"], ["compile"]):
        proc = subprocess.run([str(SQLSYNTH), *command], cwd=workdir, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        assert proc.returncode == 1 and proc.stdout == ""
        assert_clean_failure(proc.returncode, proc.stdout, proc.stderr, "config.yaml")
        lines = proc.stderr.splitlines()
        assert any(line.startswith("config.yaml:2: tables.persn") for line in lines), lines
        assert any(line.startswith("config.yaml:5: tables.pet.row_generators[0].name") for line in lines), lines
    (workdir / "config.yaml").write_bytes(b"tables:\n  person: {num_rows_per_pass: 1}\n\xff\n")
    proc = subprocess.run([str(SQLSYNTH), "validate-config"], cwd=workdir, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0].startswith("config.yaml")


# ---- (c) every generator, with arguments of every type ---------------------------------------------

SIGNATURES = {n: list(inspect.signature(f).parameters)[1:] for n, f in REGISTRY.items()}
numbers = st.one_of(st.integers(-(10**6), 10**6), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from([0, -1, 2**31, 2**63, 10**30, 1e308, -1e308, 0.5]))
argument = st.one_of(numbers, anything, st.lists(numbers, max_size=3),
                     st.lists(st.fixed_dictionaries({"value": anything, "count": numbers}), min_size=1, max_size=3),
                     st.fixed_dictionaries({"rank": numbers, "m0": numbers, "c0_0": numbers}),
                     st.sampled_from(["{:06d}", "x{}", "{}", "3 days", "_row * 2", "_u < 0.5", "email || 'x'",
                                      "generic.person.email", "dist_gen.constant", "nope("]))


small = st.one_of(st.integers(-100, 3000), st.floats(-1e3, 1e3))
# plausible values per parameter name, so that most examples get past the argument checks and
# are rendered to SQL (the half of each draw that is not from `argument`)
GOOD = {
    "start": small, "end": small, "low": small, "high": small, "mean": small, "sd": small, "logmean": small,
    "logsd": small, "precision": st.integers(-3, 20), "probability": st.floats(-1, 2), "rate": small, "scale": small,
    "lam": small, "n": st.integers(-2, 10), "step": st.integers(-3, 3), "length": st.integers(-2, 30),
    "earliest_start_year": st.integers(1, 3000), "last_start_year": st.integers(1, 3000),
    "min_dt": st.one_of(small, st.sampled_from(["1 day", "2 weeks"])),
    "max_dt": st.one_of(small, st.sampled_from(["3 days", "1 hour"])),
    "items": st.lists(scalars, min_size=1, max_size=4), "seq": st.lists(scalars, min_size=1, max_size=4),
    "a": st.lists(st.fixed_dictionaries({"value": scalars, "count": small}), min_size=1, max_size=4),
    "value": scalars, "format": st.sampled_from(["{}", "A-{:06d}", "{:3d}x", "'{}'", "{0}", "{:x}"]),
    "expression": st.sampled_from(["_row * 2", "_u", "_n * 3 + score", "upper(name)", "1/0", "email || 'x'"]),
    "cov": st.fixed_dictionaries({"rank": st.integers(0, 3), "m0": small, "m1": small, "c0_0": small,
                                  "c0_1": small, "c1_1": small}),
    "subgen_fn": st.sampled_from(["generic.person.email", "dist_gen.constant", "generic.text.word", "nope"]),
    "params": st.dictionaries(st.sampled_from(["value", "unique"]), scalars, max_size=2),
    "timezone": scalars,
}


@st.composite
def one_generator(draw):
    name = draw(st.sampled_from(sorted(REGISTRY)))
    params = SIGNATURES[name]
    kwargs = {p: draw(GOOD.get(p, argument) if draw(st.integers(0, 3)) else argument)
              for p in params if draw(st.integers(0, 4))}
    width = draw(st.sampled_from([1] * 6 + [2, 3]))
    columns = draw(st.lists(st.sampled_from(["name", "email", "born", "score", "mood"]), min_size=width,
                            max_size=width, unique=True))
    entry = {"name": name, "columns_assigned": columns if width > 1 else columns[0], "kwargs": kwargs}
    for key, values in (("null_fraction", [0, 0.5, 1, 2, -1, ".nan", "auto"]), ("unique", [True, False, "yes", 1])):
        if draw(st.integers(0, 4)) == 0:
            entry[key] = draw(st.sampled_from(values))
    return {"tables": {"person": {"num_rows_per_pass": draw(st.sampled_from([0, 1, 5, 10**4])),
                                  "row_generators": [entry]},
                       "pet": {"ignore": True}}}


@FUZZ
@given(config=one_generator())
def test_every_generator_with_wrong_arguments_never_crashes(workdir, config):
    (workdir / "config.yaml").write_bytes(_dump(config))
    with chdir(workdir):
        run(["compile", "-o", "out.sql"], "config.yaml")
        if Path("out.sql").exists():
            os.remove("out.sql")


# ---- the published JSON Schema ---------------------------------------------------------------------


ANNOTATIONS = {"$schema", "title", "description"}
KEYWORDS = {"type", "properties", "additionalProperties", "required", "items", "const", "oneOf", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minLength", "$ref", "$defs"}
TYPES = {
    "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool), "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
}


class MiniError:
    def __init__(self, path: list, message: str):
        self.absolute_path, self.message = path, message


class MiniValidator:
    """The subset of draft 2020-12 that config_schema.json uses (the test fails if it uses more),
    standing in for the optional `jsonschema` package, which sqlsynth does not depend on."""

    def __init__(self, schema: dict):
        self.root = schema

    def iter_errors(self, instance, schema=None, path=()):
        s = self.root if schema is None else schema
        if s is True or s == {}:
            return
        unknown = set(s) - KEYWORDS - ANNOTATIONS
        assert not unknown, f"keywords the test validator does not implement: {unknown}"
        if "$ref" in s:
            target = self.root
            for part in s["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            yield from self.iter_errors(instance, target, path)
        if "type" in s:
            kinds = s["type"] if isinstance(s["type"], list) else [s["type"]]
            if not any(TYPES[k](instance) for k in kinds):
                yield MiniError(list(path), f"{instance!r} is not of type {', '.join(map(repr, kinds))}")
                return
        if "const" in s and not (instance == s["const"] and type(instance) is type(s["const"])):
            yield MiniError(list(path), f"{s['const']!r} was expected")
        if "oneOf" in s:
            matches = [alt for alt in s["oneOf"] if not list(self.iter_errors(instance, alt, path))]
            if len(matches) != 1:
                yield MiniError(list(path), f"{instance!r} is not valid under exactly one of the given schemas")
        number = TYPES["number"](instance)
        for key, ok in (("minimum", lambda v, b: v >= b), ("maximum", lambda v, b: v <= b),
                        ("exclusiveMinimum", lambda v, b: v > b), ("exclusiveMaximum", lambda v, b: v < b)):
            if key in s and number and not ok(instance, s[key]):
                yield MiniError(list(path), f"{instance!r} fails {key} {s[key]}")
        if isinstance(instance, str) and len(instance) < s.get("minLength", 0):
            yield MiniError(list(path), f"{instance!r} is too short")
        if isinstance(instance, list):
            if len(instance) < s.get("minItems", 0):
                yield MiniError(list(path), f"{instance!r} should be non-empty")
            if len(instance) > s.get("maxItems", len(instance)):
                yield MiniError(list(path), f"{instance!r} is too long")
            if "items" in s:
                for i, v in enumerate(instance):
                    yield from self.iter_errors(v, s["items"], (*path, i))
        if isinstance(instance, dict):
            for k in s.get("required", []):
                if k not in instance:
                    yield MiniError(list(path), f"{k!r} is a required property")
            props = s.get("properties", {})
            extra = s.get("additionalProperties", True)
            for k, v in instance.items():
                if k in props:
                    yield from self.iter_errors(v, props[k], (*path, k))
                elif extra is False:
                    yield MiniError(list(path), f"Additional properties are not allowed ({k!r} was unexpected)")
                elif isinstance(extra, dict):
                    yield from self.iter_errors(v, extra, (*path, k))


def _properties_described(s, where="") -> list[str]:
    """Paths of properties without a description."""
    missing = []
    for k, sub in s.get("properties", {}).items():
        if not sub.get("description"):
            missing.append(f"{where}.{k}")
        missing += _properties_described(sub, f"{where}.{k}")
    for k, sub in s.get("$defs", {}).items():
        missing += _properties_described(sub, f"$defs.{k}")
    return missing


def test_schema_covers_every_key_the_loader_accepts():
    s = published_schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(s["properties"]) == TOP_KEYS
    assert set(s["$defs"]["table"]["properties"]) == TABLE_KEYS
    assert set(s["$defs"]["row_generator"]["properties"]) == GEN_KEYS
    assert s["additionalProperties"] is False and s["$defs"]["table"]["additionalProperties"] is False
    assert _properties_described(s) == []
    assert list(MiniValidator(s).iter_errors({})) == []  # and only keywords the test validator knows


def _errors(config) -> list[tuple[str, str]]:
    from sqlsynth.config.published import _config_path

    return [(_config_path(e.absolute_path), e.message) for e in MiniValidator(published_schema()).iter_errors(config)]


def test_schema_accepts_what_sqlsynth_writes_and_rejects_wrong_shapes(workdir):
    bundled = yaml.safe_load((ROOT / "sqlsynth" / "examples" / "pagila" / "config.yaml").read_text(encoding="utf-8"))
    assert _errors(bundled) == []
    with chdir(workdir):
        Path("config.yaml").unlink(missing_ok=True)
        res = CliRunner().invoke(main, ["generate-config"], catch_exceptions=False)
        assert res.exit_code == 0, res.stderr
        text = Path("config.yaml").read_text(encoding="utf-8")
    assert _errors(yaml.safe_load(text)) == []
    assert _errors({"tables": {"person": None, "pet": {"rows": None, "row_generators": [
        {"name": "x", "columns_assigned": ["a", "b"], "null_fraction": "auto", "stats": {"auto": True, "epsilon": 1}}]}},
        "seed": 3, "src-stats": [{"name": "n", "query": "SELECT 1"}]}) == []
    wrong = {"tabels": {}, "seed": "7", "tables": {"person": {"ignore": "yes", "num_rows_per_pass": -1,
                                                               "row_generators": [{"name": "", "kwargs": []}]}}}
    paths = {p for p, _m in _errors(wrong)}
    assert {"", "seed", "tables.person.ignore", "tables.person.num_rows_per_pass", "tables.person.row_generators[0]",
            "tables.person.row_generators[0].name", "tables.person.row_generators[0].kwargs"} <= paths


def test_generate_config_points_editors_at_the_installed_schema(workdir):
    with chdir(workdir):
        Path("config.yaml").unlink(missing_ok=True)
        assert CliRunner().invoke(main, ["generate-config"], catch_exceptions=False).exit_code == 0
        first = Path("config.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema_path()}"
    assert os.path.isabs(schema_path()) and Path(schema_path()).is_file()
    res = CliRunner().invoke(main, ["config-schema"], catch_exceptions=False)
    assert res.exit_code == 0 and json.loads(res.stdout) == published_schema()
    res = CliRunner().invoke(main, ["config-schema", "--path"], catch_exceptions=False)
    assert res.stdout == schema_path() + "\n"


def test_schema_file_is_package_data():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"config/*.json"' in text  # sqlsynth = ["*.json", ...] alone misses sqlsynth/config/*.json
    assert Path(schema_path()).parent.name == "config"


@pytest.fixture
def with_jsonschema(monkeypatch):
    """The real jsonschema if installed, else the test's validator in its place."""
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        fake = types.ModuleType("jsonschema")
        fake.Draft202012Validator = MiniValidator
        monkeypatch.setitem(sys.modules, "jsonschema", fake)


def test_validate_config_applies_the_schema_when_jsonschema_is_importable(workdir, with_jsonschema):
    # shapes the loader does not look at (datafaker settings sqlsynth only accepts), and one it does
    (workdir / "config.yaml").write_text(
        "max-unique-constraint-tries: lots\nuse-asyncio: maybe\ntables:\n  person:\n    num_rows_per_pass: -1\n",
        encoding="utf-8")
    with chdir(workdir):
        res = CliRunner().invoke(main, ["validate-config"], catch_exceptions=False)
    assert res.exit_code == 1
    *lines, summary = res.stderr.splitlines()
    assert SUMMARY.match(summary)
    assert any(line.startswith("config.yaml:1: max-unique-constraint-tries: ") and "config_schema.json" in line
               for line in lines), lines
    assert any(line.startswith("config.yaml:2: use-asyncio: ") for line in lines), lines
    # the loader's own problem is reported once (not again by the schema)
    assert [line for line in lines if "num_rows_per_pass" in line] == [
        "config.yaml:5: tables.person.num_rows_per_pass: must be a whole number >= 0, got -1"]


def test_validate_config_without_jsonschema_keeps_the_loader_checks(workdir, monkeypatch):
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # import fails
    (workdir / "config.yaml").write_text("max-unique-constraint-tries: lots\ntables: {person: {}}\n", encoding="utf-8")
    with chdir(workdir):
        res = CliRunner().invoke(main, ["validate-config"], catch_exceptions=False)
    assert res.exit_code == 0 and res.stdout == "config.yaml is valid\n"
