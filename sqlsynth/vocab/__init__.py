"""Vocabulary tables: copied verbatim from the source (make-vocab) into the destination (create-vocab).

Files are PostgreSQL's COPY text format behind a one-line JSON header (``<table>.copy``, or
``<table>.copy.gz``), streamed in both directions with server-side COPY: constant memory, exact
round trips (NULL vs '', bytea, arrays, enums, json, timestamps). datafaker's ``<table>.yaml[.gz]``
files are read too, when no sqlsynth file exists.

  files.py   file names, the header, atomic (write-then-rename) output
  pgcopy.py  COPY TO / FROM streaming through psycopg, session settings that make the text exact
  yamlrows.py datafaker's YAML row lists -> COPY text, streamed
  ops.py     make_vocab, create_vocab, remove_vocab
"""

from .files import VocabError
from .ops import TableResult, create_vocab, make_vocab, remove_vocab

__all__ = ["VocabError", "TableResult", "create_vocab", "make_vocab", "remove_vocab"]
