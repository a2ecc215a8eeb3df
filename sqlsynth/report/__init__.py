"""`sqlsynth report`: how close the destination is to the source, and how private (issue 14).

measure.py builds the aggregate queries (sqlglot) and profiles one database; compare.py turns two
profiles into distances and measures what needs both databases at once; score.py gives the 0-100
scores; render.py writes the HTML page; stored.py is what make-stats keeps in src-stats.yaml;
run.py ties them together (api.report and the CLI call it).
"""
