"""Hot-path statements, compiled once per dialect and run on the DBAPI cursor.

SQLAlchemy Core costs ~20 µs per ``execute`` here (cache key, execution
context, result object) where sqlite3 itself takes ~1 µs, and a ballot runs
about ten statements: that overhead, not SQLite, capped ingest near 2000
ballots/s at 1000 terminals. The statements stay Core objects (one schema,
SQLite and PostgreSQL alike); only their execution is lowered. Use this for
statements that run per ballot or per command; elsewhere Core's conveniences
are worth their price.

Rows come back as plain tuples, in the order of the ``select``'s columns and
as the driver returns them (SQLite gives booleans as 0/1: test truthiness).
Parameters must be values the driver takes as they are (integers, strings,
booleans), and every column without a server-side default must be given: a
statement that needs SQLAlchemy's conversion of a value, or a default that
SQLAlchemy computes, is refused when it is first compiled.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql.expression import Executable

Params = dict[str, Any] | None
Row = tuple[Any, ...]


class _Compiled:
    __slots__ = ("defaults", "names", "sql")

    def __init__(self, sql: str, names: tuple[str, ...] | None, defaults: dict[str, Any]) -> None:
        self.sql = sql
        self.names = names
        """Parameter order for a positional paramstyle (sqlite3), else None."""
        self.defaults = defaults
        """Values bound by the statement itself (e.g. the ``1`` of ``count + 1``)."""


class Prepared:
    """A Core statement executed without Core's per-call overhead."""

    __slots__ = ("_by_dialect", "stmt")

    def __init__(self, stmt: Executable) -> None:
        self.stmt = stmt
        self._by_dialect: dict[str, _Compiled] = {}

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.stmt.compile(dialect=dialect)  # type: ignore[attr-defined]
        if compiled._bind_processors:
            raise TypeError(f"parameters need conversion, use Core: {compiled.string}")
        if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch",
                                                                 None):
            raise TypeError(f"column defaults computed in Python, use Core: {compiled.string}")
        defaults = {name: value for name, value in compiled.construct_params(_check=False).items()
                    if value is not None}
        names = tuple(compiled.positiontup) if compiled.positional else None
        result = _Compiled(compiled.string, names, defaults)
        self._by_dialect[dialect.name] = result
        return result

    def run(self, conn: Connection, params: Params = None) -> Any:
        """Execute inside ``conn``'s transaction; returns the DBAPI cursor."""
        c = self._by_dialect.get(conn.dialect.name) or self._compile(conn.dialect)
        values = {**c.defaults, **params} if params else c.defaults
        cursor = conn.connection.cursor()
        if c.names is None:
            cursor.execute(c.sql, values)
        else:
            cursor.execute(c.sql, [values[name] for name in c.names])
        return cursor

    def many(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        """Execute once per row (``executemany``) inside ``conn``'s transaction."""
        c = self._by_dialect.get(conn.dialect.name) or self._compile(conn.dialect)
        cursor = conn.connection.cursor()
        if c.defaults:
            rows = [{**c.defaults, **row} for row in rows]
        if c.names is None:
            cursor.executemany(c.sql, rows)
        else:
            names = c.names
            cursor.executemany(c.sql, [[row[name] for name in names] for row in rows])

    def many_rows(self, conn: Connection, names: tuple[str, ...], rows: list[tuple[Any, ...]]
                  ) -> None:
        """:meth:`many` for rows given as tuples of ``names`` (a thousand event rows
        without a dict each). The statement must have no defaults of its own."""
        c = self._by_dialect.get(conn.dialect.name) or self._compile(conn.dialect)
        if c.defaults:
            raise TypeError("many_rows: the statement binds values of its own; use many()")
        cursor = conn.connection.cursor()
        if c.names is None:
            cursor.executemany(c.sql, [dict(zip(names, row, strict=True)) for row in rows])
        elif c.names == names:
            cursor.executemany(c.sql, rows)
        else:
            order = [names.index(name) for name in c.names]
            cursor.executemany(c.sql, [[row[i] for i in order] for row in rows])

    def first_each(self, conn: Connection, params: list[dict[str, Any]]) -> list[Row | None]:
        """:meth:`first` for each of ``params``, on one cursor: a bulk lookup (e.g. the
        chain heads of a thousand topics) without a cursor and a merge per row."""
        c = self._by_dialect.get(conn.dialect.name) or self._compile(conn.dialect)
        cursor = conn.connection.cursor()
        execute, fetchone, defaults = cursor.execute, cursor.fetchone, c.defaults
        out: list[Row | None] = []
        if c.names is None:
            for p in params:
                execute(c.sql, {**defaults, **p} if defaults else p)
                out.append(fetchone())
        else:
            names = c.names
            for p in params:
                values = {**defaults, **p} if defaults else p
                execute(c.sql, [values[name] for name in names])
                out.append(fetchone())
        return out

    def first(self, conn: Connection, params: Params = None) -> Row | None:
        return self.run(conn, params).fetchone()  # type: ignore[no-any-return]

    def scalar(self, conn: Connection, params: Params = None) -> Any:
        row = self.first(conn, params)
        return None if row is None else row[0]

    def all(self, conn: Connection, params: Params = None) -> list[Row]:
        return self.run(conn, params).fetchall()  # type: ignore[no-any-return]
