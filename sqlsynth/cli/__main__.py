"""`python -m sqlsynth.cli`: the `sqlsynth` command."""

from . import main

main(prog_name="sqlsynth")
