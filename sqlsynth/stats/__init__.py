"""Source statistics: make-stats (run.py), differential privacy (dp.py, smartnoise-sql loaded
lazily), SRC_STATS references (refs.py), fitted generators and automatic queries (auto.py), and
applying src-stats.yaml at compile time (apply.py)."""

from .refs import StatsRefError, children_histogram, load_stats

__all__ = ["StatsRefError", "children_histogram", "load_stats"]
