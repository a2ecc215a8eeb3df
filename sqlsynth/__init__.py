"""sqlsynth: compile a synthetic-data config into server-side PostgreSQL SQL."""

__version__ = "0.1.0"
