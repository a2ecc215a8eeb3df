"""The published JSON Schema of config.yaml (sqlsynth/config/config_schema.json).

It is for editors (generate-config writes a ``# yaml-language-server: $schema=...`` first
line pointing at the installed file) and for ``sqlsynth config-schema``. validate-config also
applies it (with ``jsonschema``, a dependency since orm.yaml is checked with it too); the loader's own checks (config/load.py, then the plan) stay the reference: the
schema can only add problems the loader does not already report at the same place.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..errors import Problem

SCHEMA_FILE = "config_schema.json"


def schema_path() -> str:
    """Absolute path of the installed schema file."""
    return str(resources.files(__package__) / SCHEMA_FILE)


def schema_text() -> str:
    return (resources.files(__package__) / SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def modeline() -> str:
    """First line of a generated config.yaml: editors with the YAML language server validate against it."""
    return f"# yaml-language-server: $schema={schema_path()}\n"


def _config_path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def schema_problems(config: Any) -> list[Problem]:
    """Problems the JSON Schema finds in config.raw, if ``jsonschema`` is installed (else none).

    Problems at (or inside, or around) a config path the loader already reported are left out.
    """
    try:
        import jsonschema
    except ImportError:
        return []
    try:
        validator = jsonschema.Draft202012Validator(schema())
        errors = sorted(validator.iter_errors(config.raw if config.raw != {} else {}),
                        key=lambda e: [str(p) for p in e.absolute_path])
    except Exception:  # an instance jsonschema cannot walk (YAML dates, odd keys): the loader decides
        return []
    known = [p.path for p in config.problems]
    out: list[Problem] = []
    for e in errors:
        path = _config_path(e.absolute_path)

        def related(k: str) -> bool:
            return not k or not path or path == k or path.startswith((k + ".", k + "[")) or \
                k.startswith((path + ".", path + "["))
        if any(related(k) for k in known):
            continue
        message = str(e.message)
        if len(message) > 160:
            message = message[:157] + "..."
        out.append(config.problem(path, f"{message} (config_schema.json)"))
        known.append(path)
    return out
