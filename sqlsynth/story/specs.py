"""story_generators in the config: which user Python stories run, with what arguments, how many.

Read while planning (problems are reported with the other config problems); the stories
themselves run after the generated rows (sqlsynth.execute.stories).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .python import UserCodeError, resolve_function


@dataclass
class StorySpec:
    name: str
    func: Callable
    args: list
    kwargs: dict
    count: int
    path: str


def story_specs(num_passes: int, config_raw: dict, file_problem: Callable[[str, str], None]) -> list[StorySpec]:
    """Read story_generators from the config; report problems through file_problem(path, msg)."""
    specs: list[StorySpec] = []
    items = config_raw.get("story_generators") or []
    module = config_raw.get("story_generators_module")
    if items and not isinstance(items, list):
        file_problem("story_generators", "must be a list")
        return specs
    for i, item in enumerate(items):
        path = f"story_generators[{i}]"
        if not isinstance(item, dict):
            file_problem(path, "must be a mapping with name and num_stories_per_pass")
            continue
        name = item.get("name")
        n = item.get("num_stories_per_pass")
        if not isinstance(name, str):
            file_problem(f"{path}.name", "missing story name")
            continue
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            file_problem(f"{path}.num_stories_per_pass", f"must be a whole number >= 0, got {n!r}")
            continue
        if not module:
            file_problem(path, "story_generators needs story_generators_module")
            continue
        try:
            func = resolve_function(name, [module])
        except UserCodeError as e:
            file_problem(f"{path}.name", str(e))
            continue
        args = item.get("args") or []
        kwargs = item.get("kwargs") or {}
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            file_problem(path, "args must be a list and kwargs a mapping")
            continue
        specs.append(StorySpec(name, func, list(args), dict(kwargs), n * num_passes, path))
    return specs
