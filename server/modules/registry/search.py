"""Finding registry entries: one small interface, a SQLite and a PostgreSQL backend.

Both fold text the same way (``fold.py``): SQLite indexes a folded copy in the FTS5 table
``registry_fts`` (kept by :meth:`Backend.put`), PostgreSQL a generated ``tsvector`` over
``registry_fold()`` (``unaccent``). A query's words must all match, the last one also as a
prefix; a query that looks like a number and symbol also matches ``symbol_key`` by prefix.
Confidential entries the viewer may not see are excluded in the query itself, so that
``total`` never counts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.engine import Connection

from server.modules.registry import fold
from server.modules.registry.tables import registry_entries as E
from server.modules.registry.tables import registry_readers

SYMBOL_SCORE = -1.0e9
"""A symbol match ranks before any word match."""
BODY_LIMIT = 200_000
"""Characters of a file's extracted text that are indexed (PostgreSQL's tsvector caps at
1 MiB)."""

_fts = table("registry_fts", column("rowid"), column("summary"), column("issuer"),
             column("body"))


@dataclass(frozen=True, slots=True)
class Viewer:
    user_id: int
    privileged: bool
    """Office and admins see confidential entries."""


@dataclass(frozen=True, slots=True)
class Filters:
    direction: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    urgency: str | None = None
    year: int | None = None


SORTS = {"number": (E.c.year, E.c.number), "issued_on": (E.c.issued_on, E.c.id),
         "registered_on": (E.c.registered_on, E.c.number), "symbol": (E.c.symbol_key, E.c.id),
         "issuer": (E.c.issuer, E.c.id), "doc_type": (E.c.doc_type, E.c.id),
         "summary": (E.c.summary, E.c.id)}


class Backend:
    """What differs between databases: keeping the index and matching words/symbols."""

    def put(self, conn: Connection, entry_id: int, summary: str, issuer: str,
            doc_type: str, body: str | None, *, new: bool) -> None:
        """(Re)index one entry; PostgreSQL's generated column needs nothing."""

    def put_many(self, conn: Connection, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """Index freshly inserted entries ``(id, summary, issuer, doc_type)`` in bulk."""

    def words(self, query_words: list[str]) -> Select[Any]:
        raise NotImplementedError

    def symbol(self, key: str) -> ColumnElement[bool]:
        raise NotImplementedError


class SqliteBackend(Backend):
    def put(self, conn: Connection, entry_id: int, summary: str, issuer: str,
            doc_type: str, body: str | None, *, new: bool) -> None:
        if not new:
            conn.execute(text("DELETE FROM registry_fts WHERE rowid = :id"), {"id": entry_id})
        conn.execute(text("INSERT INTO registry_fts (rowid, summary, issuer, body) "
                          "VALUES (:id, :s, :i, :b)"),
                     {"id": entry_id, "s": fold.fold(summary),
                      "i": fold.fold(f"{issuer} {doc_type}"),
                      "b": fold.fold(body[:BODY_LIMIT]) if body else ""})

    def put_many(self, conn: Connection, rows: Sequence[tuple[int, str, str, str]]) -> None:
        f = fold.fold
        conn.exec_driver_sql(
            "INSERT INTO registry_fts (rowid, summary, issuer, body) VALUES (?, ?, ?, '')",
            [(i, f(s), f(f"{iss} {t}")) for i, s, iss, t in rows])

    def words(self, query_words: list[str]) -> Select[Any]:
        quoted = [f'"{w}"' for w in query_words]
        quoted[-1] += "*"
        return (select(_fts.c.rowid.label("id"),
                       literal_column("bm25(registry_fts, 10.0, 3.0, 1.0)").label("score"))
                .select_from(_fts)
                .where(literal_column("registry_fts").op("MATCH")(" AND ".join(quoted))))

    def symbol(self, key: str) -> ColumnElement[bool]:
        return and_(E.c.symbol_key >= key, E.c.symbol_key < key + "\U0010ffff")


class PostgresBackend(Backend):
    def words(self, query_words: list[str]) -> Select[Any]:
        tsq = " & ".join(query_words) + ":*"
        q = func.to_tsquery(literal_column("'simple'::regconfig"), tsq)
        vector = literal_column("registry_entries.search_vector")
        return (select(E.c.id.label("id"), (-func.ts_rank(vector, q)).label("score"))
                .where(vector.op("@@")(q)))

    def symbol(self, key: str) -> ColumnElement[bool]:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return E.c.symbol_key.like(escaped + "%", escape="\\")


def backend_for(conn: Connection) -> Backend:
    return PostgresBackend() if conn.dialect.name == "postgresql" else SqliteBackend()


def visible(viewer: Viewer) -> ColumnElement[bool] | None:
    """What the viewer may see: everything (office, admin) or the open entries and the
    confidential ones naming them as readers."""
    if viewer.privileged:
        return None
    return or_(E.c.confidential == false(),
               E.c.id.in_(select(registry_readers.c.entry_id).where(
                   registry_readers.c.user_id == viewer.user_id)))


def _conditions(f: Filters, viewer: Viewer) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.direction:
        out.append(E.c.direction == f.direction)
    if f.date_from:
        out.append(E.c.registered_on >= f.date_from)
    if f.date_to:
        out.append(E.c.registered_on <= f.date_to)
    if f.doc_type:
        out.append(E.c.doc_type == f.doc_type)
    if f.issuer:
        out.append(E.c.issuer == f.issuer)
    if f.urgency:
        out.append(E.c.urgency == f.urgency)
    if f.year:
        out.append(E.c.year == f.year)
    v = visible(viewer)
    if v is not None:
        out.append(v)
    return out


@dataclass(slots=True)
class Found:
    total: int
    rows: list[Any]
    words: list[str]


def search(conn: Connection, query: str, f: Filters, viewer: Viewer, *, sort: str | None,
           limit: int, offset: int) -> Found:
    """One page of entries matching ``query`` and the filters, and how many match."""
    backend = backend_for(conn)
    conds = _conditions(f, viewer)
    qwords = fold.words(query)
    key = fold.symbol_key(query) if fold.looks_like_symbol(query) else ""
    if not qwords and not key:
        total = conn.execute(select(func.count()).select_from(E).where(*conds)).scalar_one()
        order = _order(sort or "-number")
        rows = conn.execute(select(E).where(*conds).order_by(*order)
                            .limit(limit).offset(offset)).all()
        return Found(int(total), list(rows), [])
    parts = []
    if qwords:
        parts.append(backend.words(qwords))
    if key:
        parts.append(select(E.c.id.label("id"), literal(SYMBOL_SCORE).label("score"))
                     .where(backend.symbol(key)))
    hits = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("hits")
    best = (select(hits.c.id, func.min(hits.c.score).label("score"))
            .group_by(hits.c.id).subquery("best")) if len(parts) > 1 else hits
    joined = E.join(best, best.c.id == E.c.id)
    total = conn.execute(select(func.count()).select_from(joined).where(*conds)).scalar_one()
    if sort and sort != "relevance":
        order = _order(sort)
    else:
        order = [best.c.score, E.c.registered_on.desc(), E.c.id.desc()]
    rows = conn.execute(select(E).select_from(joined).where(*conds).order_by(*order)
                        .limit(limit).offset(offset)).all()
    return Found(int(total), list(rows), qwords)


def _order(sort: str) -> list[Any]:
    desc = sort.startswith("-")
    cols = SORTS.get(sort.lstrip("-"), SORTS["number"])
    return [c.desc() for c in cols] if desc else list(cols)


def highlights(row: Any, qwords: list[str], query: str) -> dict[str, list[list[int]]]:
    """Ranges of the matched words in the entry's original text, per field."""
    out: dict[str, list[list[int]]] = {}
    if qwords:
        for field in ("summary", "issuer", "doc_type"):
            ranges = fold.highlight(getattr(row, field), qwords)
            if ranges:
                out[field] = ranges
    if fold.looks_like_symbol(query):
        key = fold.symbol_key(query)
        if fold.symbol_key(row.symbol).startswith(key):
            out["symbol"] = [[0, _prefix_len(row.symbol, key)]]
    return out


def _prefix_len(symbol: str, key: str) -> int:
    """How many characters of ``symbol`` make up the folded prefix ``key``."""
    n = 0
    for i, c in enumerate(symbol):
        if n >= len(key):
            return i
        n += len(fold.symbol_key(c))
    return len(symbol)
