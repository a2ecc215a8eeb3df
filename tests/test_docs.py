"""The documentation cannot rot: its commands run, and the generated reference matches the code.

- The ```bash blocks of README.md and docs/tutorial.md run in order, each document in its own empty
  working directory, through one bash process (so `export` carries over), with the repository's
  venv first on PATH and no SRC_DSN/DST_DSN: the commands reach only the embedded PostgreSQL 18
  that they start in that directory (PGHOST/PGPORT point at nothing). Every command line is checked:
  a non-zero exit status anywhere (also inside an `a && b` list) fails the test, naming the file and
  line. A block directly under an HTML comment starting `<!-- not run` is skipped; the comment must
  say why (installing into a new venv, running the test suite itself).
- `python docs/gen_reference.py --check`: docs/reference/*.md are what the code gives today.
- The tutorial's shown output still matches: each result line it shows (`wrote ...`, `created ...`,
  `generated ...`, ...) is printed by the commands, numbers aside.
- README.md holds the test command of .ci/run; links between the documents resolve.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sqlsynth.embedded import Embedded
from sqlsynth.errors import SqlsynthError

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA", "SQLSYNTH_TEST_DSN", "PGHOSTADDR", "PGSERVICE")


def shell_blocks(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of each ```bash block that is meant to run, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```bash":
            start = i + 1
            end = next(j for j in range(start, len(lines)) if lines[j].strip() == "```")
            above = []
            k = i - 1
            while k >= 0 and lines[k].strip().startswith("<!--"):
                above.append(lines[k].strip())
                k -= 1
            skip = [c for c in above if c.startswith("<!-- not run")]
            for c in skip:
                reason = c.removeprefix("<!-- not run").removesuffix("-->").strip(" :")
                assert reason, f"{path.name}:{i + 1}: a block marked 'not run' must say why"
            if not skip:
                out.append((start + 1, "\n".join(lines[start:end])))
            i = end
        i += 1
    return out


def commands(block: str) -> list[str]:
    """The command lines of a block (backslash continuations joined, comments and blanks dropped)."""
    out, cur = [], ""
    for line in block.splitlines():
        cur += line
        if cur.endswith("\\"):
            cur = cur[:-1] + " "
            continue
        if cur.strip() and not cur.strip().startswith("#"):
            out.append(cur)
        cur = ""
    return out


def script_for(path: Path) -> str:
    """One bash script running every command of the document, stopping at the first failure."""
    parts = ["set -o pipefail"]
    rel = path.relative_to(ROOT)
    for lineno, block in shell_blocks(path):
        for n, cmd in enumerate(commands(block)):
            where = f"{rel}:{lineno}"
            parts += [f"echo {_q('$ ' + cmd)}", cmd,
                      f"rc=$?; if [ $rc -ne 0 ]; then echo {_q('FAILED at ' + where + ' (exit ')}$rc{_q('): ' + cmd)} >&2; "
                      "exit 1; fi"]
    return "\n".join(parts) + "\n"


def _q(s: str) -> str:
    return "'" + s.replace("'", "'\"'\"'") + "'"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in SETTINGS}
    env.update(PGHOST="/nonexistent", PGPORT="1", PGUSER="nobody", PGDATABASE="nothing",
               PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}")
    env.pop("VIRTUAL_ENV", None)
    return env


@pytest.fixture
def workdir():
    d = Path(tempfile.mkdtemp(prefix="sqlsynth-docs-test-"))
    d.chmod(0o755)  # as root the embedded server runs as another user, which must reach it
    yield d
    try:
        Embedded(d / ".sqlsynth").stop()
    except SqlsynthError:
        pass  # not running (the tutorial stops it itself)
    shutil.rmtree(d, ignore_errors=True)


def run_document(path: Path, cwd: Path) -> tuple[str, str]:
    script = script_for(path)
    proc = subprocess.run(["bash", "-c", script], cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=900, stdin=subprocess.DEVNULL)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"{path.name}: a documented command failed\n{out[-6000:]}"
    assert "Traceback" not in out, out[-6000:]
    return proc.stdout, proc.stderr


# Output lines that say what a command did: the tutorial shows them, and they must still be printed
# (numbers aside: timings, row rates and counts may differ; the words may not).
RESULT_LINE = re.compile(r"^(wrote|created|loaded|emptied|generated|dropped|stopped|shaped|started) ")


def _norm(line: str) -> str:
    return " ".join(re.sub(r"\d+(\.\d+)?", "0", line).split())


def shown_results(path: Path) -> list[str]:
    """The result lines of the ```text blocks of a document."""
    blocks = re.findall(r"^```text\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)
    return [line for block in blocks for line in block.splitlines() if RESULT_LINE.match(line)]


def test_the_blocks_are_found():
    """The parser sees what the documents hold (so a renamed fence cannot silently run nothing)."""
    readme = shell_blocks(ROOT / "README.md")
    tutorial = shell_blocks(ROOT / "docs" / "tutorial.md")
    assert any("sqlsynth example pagila" in b for _, b in readme)
    assert any("sqlsynth create-data --seed 7" in b for _, b in readme)
    assert not any("pip install" in b for _, b in readme + tutorial)  # the install blocks are marked
    assert len(tutorial) >= 8 and any("sqlsynth compile" in b for _, b in tutorial)
    assert commands("a \\\n  b\n# c\n\nd") == ["a    b", "d"]


def test_readme_commands_run(workdir):
    out, _ = run_document(ROOT / "README.md", workdir)
    # the synthetic example has 1,000 rentals, the copy shaped to the source Pagila's 16,044
    counts = re.findall(r"^\s*(\d+)\s*$", out, re.M)
    assert counts == ["1000", "16044"], out[-3000:]


def test_tutorial_commands_run(workdir):
    path = ROOT / "docs" / "tutorial.md"
    out, err = run_document(path, workdir)
    printed = {_norm(line) for line in (out + err).splitlines()}
    shown = shown_results(path)
    assert len(shown) >= 15  # the tutorial shows what its commands print
    missing = [line for line in shown if _norm(line) not in printed]
    assert not missing, f"the tutorial shows output the commands no longer print: {missing}"
    assert re.search(r"^same rows: [0-9a-f]{32}$", out, re.M), out[-3000:]  # compile | psql == create-data
    assert re.search(r"^48132$", out, re.M), out[-3000:]  # --scale 3: three times Pagila's rentals


def test_generated_reference_is_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "gen_reference.py"), "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + "\n(run: python docs/gen_reference.py, and commit docs/reference)"


def test_readme_holds_the_ci_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    [cmd] = re.findall(r"^TEST_CMD='([^']+)'", ci, re.M)
    assert cmd in (ROOT / "README.md").read_text(encoding="utf-8")


def test_links_between_documents_resolve():
    """Every relative link of README.md and docs/ points at a file that exists, except the pages
    other work adds (listed here until they land)."""
    pending = {"docs/howto/report.md", "docs/howto/real-schemas.md", "docs/howto/faithful.md"}
    broken = []
    for md in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = md.read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path = (md.parent / target).resolve()
            rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
            if not path.exists() and rel not in pending:
                broken.append(f"{md.relative_to(ROOT)} -> {target}")
    assert not broken, broken


def test_reference_lists_every_environment_variable_and_exit_status():
    """docs/reference/README.md is written by hand: it must name every SQLSYNTH_* variable the code
    or the tests read, the connection settings, and every exit status the CLI uses."""
    ref = (ROOT / "docs" / "reference" / "README.md").read_text(encoding="utf-8")
    sources = [p for d in ("sqlsynth", "tests", "benchmarks") for p in (ROOT / d).rglob("*.py")]
    names = {m for p in sources for m in re.findall(r"\bSQLSYNTH_[A-Z_]+\b", p.read_text(encoding="utf-8"))}
    names -= {"SQLSYNTH_VMHWM_KB"}  # not a variable: a marker line benchmarks/run_all.py prints and parses
    names |= {"SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA"}
    assert len(names) > 6
    assert not [n for n in sorted(names) if f"`{n}`" not in ref]
    cli = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sqlsynth" / "cli").glob("*.py")))
    statuses = set(re.findall(r"sys\.exit\((\d+)\)", cli)) | {"0", "2"}  # 2: click's usage errors
    table = re.search(r"## Exit statuses\n(.*?)\n## ", ref, re.S).group(1)
    assert not [s for s in sorted(statuses) if f"\n| {s} |" not in table]
