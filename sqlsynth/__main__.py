"""`python -m sqlsynth`: the `sqlsynth` command."""

from .cli import main

main(prog_name="sqlsynth")
