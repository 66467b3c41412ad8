"""Finding registry entries: one small interface, a SQLite and a PostgreSQL backend.

Both fold text the same way (``fold.py``): SQLite indexes a folded copy in the FTS5 table
``registry_fts`` (kept by :meth:`Backend.put`), PostgreSQL a generated ``tsvector`` over
``registry_fold()`` (``unaccent``). A query's words must all match, the last one also as a
prefix; a query that looks like a number and symbol also matches ``symbol_key`` by prefix.
Confidential entries the viewer may not see are excluded in the query itself, so that
``total`` never counts them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
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
             column("body"), column("tags"))
WORD_COLUMNS = "{summary issuer body}"
BM25 = "bm25(registry_fts, 10.0, 3.0, 1.0, 0.0)"
RANK_WINDOW = 300
"""Matches ranked by relevance: the newest this many (see ``SqliteBackend._ranked``)."""
COUNTS_KEPT = 512
"""Match counts remembered per index version (``_counts``)."""
SYMBOL_FAST_LIMIT = 2000
"""More symbol hits than this and the general (joined) query answers instead."""


def tags(direction: str, urgency: str, year: int, confidential: bool) -> str:
    """Tokens of the FTS5 ``tags`` column: the filters a search applies inside the index,
    so that counting and ranking need no join with the entries."""
    return f"{direction} u{urgency} y{year}" + (" conf" if confidential else " open")


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

    def put(self, conn: Connection, row: Any, body: str | None, *, new: bool) -> None:
        """(Re)index one entry (a row of ``registry_entries``); PostgreSQL's generated
        column needs nothing."""

    def put_many(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        """Index freshly inserted entries (their column values) in bulk."""

    def fast(self, conn: Connection, qwords: list[str], key: str, f: Filters,
             viewer: Viewer, limit: int, offset: int) -> Found | None:
        """Answer from the index alone when the backend can; ``None``: use the join."""
        return None

    def words(self, query_words: list[str]) -> Select[Any]:
        raise NotImplementedError

    def symbol(self, key: str) -> ColumnElement[bool]:
        raise NotImplementedError


_BUMP = "UPDATE registry_fts_version SET version = version + 1 WHERE id = 1"
_counts: OrderedDict[tuple[Any, ...], int] = OrderedDict()
_counts_lock = threading.Lock()
"""(index version, match, viewer's readable ids) → how many match: counting a common
word over a million entries is the dearest part of a search (~10 ms), and the same query
comes again page after page as the register view scrolls, and in every round of typing
that ends where it started. The version makes a stale count unreachable."""


def _remembered_count(conn: Connection, sql: str, params: dict[str, Any]) -> int:
    version = conn.exec_driver_sql("SELECT version FROM registry_fts_version").scalar()
    key = (version, sql, tuple(sorted(params.items())))
    with _counts_lock:
        found = _counts.get(key)
        if found is not None:
            _counts.move_to_end(key)
            return found
    count = int(conn.execute(text(sql), params).scalar_one())
    with _counts_lock:
        _counts[key] = count
        while len(_counts) > COUNTS_KEPT:
            _counts.popitem(last=False)
    return count


class SqliteBackend(Backend):
    def put(self, conn: Connection, row: Any, body: str | None, *, new: bool) -> None:
        conn.exec_driver_sql(_BUMP)
        if not new:
            conn.execute(text("DELETE FROM registry_fts WHERE rowid = :id"), {"id": row.id})
        conn.execute(text("INSERT INTO registry_fts (rowid, summary, issuer, body, tags) "
                          "VALUES (:id, :s, :i, :b, :t)"),
                     {"id": row.id, "s": fold.fold(row.summary),
                      "i": fold.fold(f"{row.issuer} {row.doc_type}"),
                      "b": fold.fold(body[:BODY_LIMIT]) if body else "",
                      "t": tags(row.direction, row.urgency, row.year,
                                bool(row.confidential))})

    def put_many(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        f = fold.fold
        conn.exec_driver_sql(_BUMP)
        conn.exec_driver_sql(
            "INSERT INTO registry_fts (rowid, summary, issuer, body, tags) "
            "VALUES (?, ?, ?, '', ?)",
            [(r["id"], f(r["summary"]), f(f"{r['issuer']} {r['doc_type']}"),
              tags(r["direction"], r["urgency"], r["year"], r["confidential"]))
             for r in rows])

    def fast(self, conn: Connection, qwords: list[str], key: str, f: Filters,
             viewer: Viewer, limit: int, offset: int) -> Found | None:
        """Words (and a symbol) with at most direction, urgency and year as filters: the
        FTS5 index counts and ranks alone (the filters and visibility are its ``tags``);
        only the page's rows are read from the entries."""
        if f.date_from or f.date_to or f.doc_type or f.issuer:
            return None
        wanted = [t for t in (f.direction, f.urgency and f"u{f.urgency}",
                              f.year and f"y{f.year}") if t]
        symbol_ids: list[int] = []
        if key:
            q = select(E.c.id).where(self.symbol(key), *_conditions(f, viewer)).order_by(
                E.c.registered_on.desc(), E.c.id.desc()).limit(SYMBOL_FAST_LIMIT + 1)
            symbol_ids = list(conn.execute(q).scalars())
            if len(symbol_ids) > SYMBOL_FAST_LIMIT:
                return None
        total = len(symbol_ids)
        page: list[int] = symbol_ids[offset:offset + limit]
        if qwords:
            readable: list[int] = []
            if not viewer.privileged:
                readable = list(conn.execute(
                    select(registry_readers.c.entry_id).join(
                        E, E.c.id == registry_readers.c.entry_id).where(
                        registry_readers.c.user_id == viewer.user_id,
                        E.c.confidential.is_(True)).limit(SYMBOL_FAST_LIMIT + 1)).scalars())
                if len(readable) > SYMBOL_FAST_LIMIT:
                    return None
            quoted = [f'"{w}"' for w in qwords]
            quoted[-1] += "*"
            match = (f"{WORD_COLUMNS} : ({' AND '.join(quoted)})"
                     + "".join(f' AND tags : "{t}"' for t in wanted))
            skip = (f" AND rowid NOT IN ({','.join(map(str, symbol_ids))})"
                    if symbol_ids else "")
            conds = [(":m", "")]
            params: dict[str, Any] = {"m": match}
            if not viewer.privileged:
                params["m"] = f"({match}) NOT tags : \"conf\""
                if readable:
                    conds.append((":c", f" AND rowid IN ({','.join(map(str, readable))})"))
                    params["c"] = match
            where = [f"registry_fts MATCH {m}{skip}{extra}" for m, extra in conds]
            ids = " UNION ALL ".join(f"SELECT rowid AS id FROM registry_fts WHERE {w}"
                                     for w in where)
            newest = self._newest(conn, where, params)
            if len(newest) < RANK_WINDOW:  # every match is in the window: no count to run
                matched = len(newest)
            else:
                matched = _remembered_count(conn, f"SELECT count(*) FROM ({ids})", params)
            total += matched
            page += self._ranked(conn, ids, params, newest, qwords, matched,
                                 max(0, offset - len(symbol_ids)), max(limit - len(page), 0))

        if not page:
            return Found(total, [], qwords)
        by_id = {r.id: r for r in conn.execute(select(E).where(E.c.id.in_(page)))}
        return Found(total, [by_id[i] for i in page if i in by_id], qwords)

    def words(self, query_words: list[str]) -> Select[Any]:
        quoted = [f'"{w}"' for w in query_words]
        quoted[-1] += "*"
        match = f"{WORD_COLUMNS} : ({' AND '.join(quoted)})"
        return (select(_fts.c.rowid.label("id"), literal_column(BM25).label("score"))
                .select_from(_fts)
                .where(literal_column("registry_fts").op("MATCH")(match)))

    def symbol(self, key: str) -> ColumnElement[bool]:
        return and_(E.c.symbol_key >= key, E.c.symbol_key < key + "\U0010ffff")

    @staticmethod
    def _newest(conn: Connection, where: list[str], params: dict[str, Any]
                ) -> list[tuple[int, str, str]]:
        """The newest ``RANK_WINDOW`` matches with their folded summary and issuer, newest
        first: FTS5 walks a match list newest first and stops at the window."""
        parts = " UNION ALL ".join(
            f"SELECT * FROM (SELECT rowid AS id, summary, issuer FROM registry_fts "
            f"WHERE {w} ORDER BY rowid DESC LIMIT {RANK_WINDOW})" for w in where)
        sql = (parts if len(where) == 1 else
               f"SELECT * FROM ({parts}) ORDER BY id DESC LIMIT {RANK_WINDOW}")
        return [(int(i), s or "", t or "") for i, s, t in conn.execute(text(sql), params)]

    @staticmethod
    def _ranked(conn: Connection, ids: str, params: dict[str, Any],
                newest: list[tuple[int, str, str]], qwords: list[str], matched: int,
                offset: int, want: int) -> list[int]:
        """Positions ``offset … offset + want`` of the matches in result order: the newest
        ``RANK_WINDOW`` matches by relevance (:func:`fold.relevance`), then older ones
        newest first.

        Ranking every match costs as much as there are matches, and FTS5's ``bm25`` first
        counts, for each word, every entry holding it (some 20 ms at a million entries
        whatever the window); the newest matches are what a register's reader looks for,
        and every one of them holds every word, so weighing where and how often they
        occur in the entry is what orders them.
        """
        if want <= 0 or offset >= matched:
            return []
        window = len(newest)
        out: list[int] = []
        if offset < window:
            relevance = fold.relevance
            scored = sorted(newest, key=lambda r: (-relevance(r[1], r[2], qwords), -r[0]))
            out = [r[0] for r in scored[offset:offset + want]]
        rest = want - len(out)
        if rest > 0:
            start = max(offset, window)
            out += [int(i) for i in conn.execute(text(
                f"SELECT id FROM ({ids}) ORDER BY id DESC LIMIT :lim OFFSET :off"),
                {**params, "lim": rest, "off": start}).scalars()]
        return out


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
    if not sort or sort == "relevance":
        quick = backend.fast(conn, qwords, key, f, viewer, limit, offset)
        if quick is not None:
            return quick
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
