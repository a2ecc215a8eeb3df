"""SQL expressions as sqlglot trees: the vocabulary every stage builds SQL with.

``sqlx`` holds the small builders (literals, quoted identifiers, arithmetic, CASE) and the
counter-based random streams; ``primitives`` holds the functions one SQL engine offers and
another does not (PostgreSQL's ``hashint8extended`` ...), one small function each, so that a
second dialect replaces them in one place. This package imports nothing else of sqlsynth.
"""
