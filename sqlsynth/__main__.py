"""`python -m sqlsynth`: the `sqlsynth` command."""

from .cli import run

run()
