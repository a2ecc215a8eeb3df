"""Mimesis calls named in a config (``generic.<provider>.<method>``): checking the name and the
arguments, and drawing the distinct values a pool holds. The planner's pools (sqlsynth.plan.pools)
and the config inference (which asks whether a call runs dry) both draw through here.

Names and calls found valid and the values drawn are kept between runs (config/pool_cache.py): a run
whose pools were all drawn before does not import Mimesis.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

from . import pool_cache


class PoolError(Exception):
    """The Mimesis call cannot be made (unknown provider or method, bad arguments)."""


def _generic(locale: str, seed: int):
    from mimesis import Generic, Locale

    try:
        loc = Locale(locale.lower().replace("_", "-")) if not isinstance(locale, Locale) else locale
    except ValueError:
        names = ", ".join(sorted(x.value for x in Locale)[:12])
        raise PoolError(f"unknown locale {locale!r} (Mimesis locales include {names}, ...)") from None
    return Generic(locale=loc, seed=seed)


_INSPECTION: dict[str, Any] = {}


def _inspection_generic(locale: str):
    """One Generic per locale for checking names and signatures (building one loads every
    dataset of the locale); pools build their own, seeded."""
    if locale not in _INSPECTION:
        _INSPECTION[locale] = _generic(locale, 0)
    return _INSPECTION[locale]


def resolve_method(name: str, locale: str = "en_GB"):
    """generic.<provider>.<method> -> the bound Mimesis method, or PoolError."""
    parts = name.split(".")
    if len(parts) != 3 or parts[0] != "generic":
        raise PoolError(f"{name!r} is not a generic.<provider>.<method> name")
    g = _inspection_generic(locale)
    provider = getattr(g, parts[1], None)
    if provider is None or parts[1].startswith("_"):
        raise PoolError(f"Mimesis has no provider {parts[1]!r}")
    method = getattr(provider, parts[2], None)
    if method is None or parts[2].startswith("_") or not callable(method):
        raise PoolError(f"Mimesis provider {parts[1]!r} has no method {parts[2]!r}")
    return method


def check_name(name: str, locale: str = "en_GB") -> None:
    """resolve_method without the method (PoolError if unknown); remembered between runs."""
    digest = pool_cache.key("name", name, locale)
    if pool_cache.known(digest, "name"):
        return
    resolve_method(name, locale)
    pool_cache.remember(digest, "name")


def check_call(name: str, args: list, kwargs: dict, locale: str = "en_GB") -> None:
    digest = pool_cache.key("call", name, args, kwargs, locale)
    if pool_cache.known(digest, "call"):
        return
    method = resolve_method(name, locale)
    try:
        inspect.signature(method).bind(*args, **kwargs)
    except TypeError as e:
        params = ", ".join(inspect.signature(method).parameters)
        raise PoolError(f"wrong arguments for {name}: {e} (it takes: {params or 'no arguments'})") from None
    pool_cache.remember(digest, "call")


def _as_text(v: Any) -> str:
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, default=str)
    return str(v)


def distinct_values(name: str, args: list, kwargs: dict, locale: str, seed: int, size: int,
                    max_length: int | None = None) -> list[str]:
    """Draw from the Mimesis call until `size` distinct values (or the provider runs dry);
    deterministic for the seed.

    With a column length, values that fit are kept and longer ones skipped, so a varchar(20)
    district gets whole county names rather than cut ones; only when few values fit (sentences
    into a short column) are cut values used to fill the pool.

    The values are kept between runs (config/pool_cache.py), keyed by every argument here."""
    digest = pool_cache.key("pool", name, args, kwargs, locale, seed, size, max_length)
    cached = pool_cache.read_values(digest)
    if cached is not None:
        return cached
    method = getattr(getattr(_generic(locale, seed), name.split(".")[1]), name.split(".")[2])
    seen: dict[str, None] = {}
    cut: dict[str, None] = {}
    misses = 0
    while len(seen) < size and misses < max(200, size):
        try:
            v = _as_text(method(*args, **kwargs))
        except Exception as e:  # noqa: BLE001 - a Mimesis error is a config problem
            raise PoolError(f"{name} failed: {e}") from None
        if max_length is not None and len(v) > max_length:
            misses += 1
            if len(cut) < size:
                cut.setdefault(v[: max_length], None)
            continue
        if v in seen:
            misses += 1
            continue
        seen[v] = None
    values = list(seen)
    if len(values) < min(size, 50):
        values += [v for v in cut if v not in seen][: size - len(values)]
    pool_cache.write_values(digest, values)
    return values
