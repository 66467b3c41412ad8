"""Folding Vietnamese text for search: what the index holds and what a query becomes.

SQLite FTS5's ``remove_diacritics`` does not fold đ/Đ and misses letters with two marks
(STACK.md), so the registry folds text itself — NFD, drop combining marks, đ→d, lower
case — indexes the folded copy and folds every query the same way. Composed and
decomposed input fold alike. Highlights are mapped back onto the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c < "\x80":
        return c.lower()
    if c in "đĐ":
        return "d"
    out = "".join(ch for ch in unicodedata.normalize("NFD", c)
                  if not unicodedata.combining(ch))
    return out.replace("đ", "d").replace("Đ", "d").lower()


def _slow_fold(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in nfd if not unicodedata.combining(ch))
    return out.replace("đ", "d").replace("Đ", "d").lower()


def _table() -> dict[int, str | None]:
    """Latin letters with marks → their folded base; combining marks → nothing."""
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        table[cp] = _slow_fold(chr(cp))
    return table


_TABLE = _table()


def fold(text: str) -> str:
    """Lower case, no diacritics, đ→d; composed or decomposed input alike."""
    if text.isascii():
        return text.lower()
    out = text.translate(_TABLE)
    return out.lower() if out.isascii() else _slow_fold(out)


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; punctuation splits)."""
    return _WORD.findall(fold(text))


def symbol_key(symbol: str) -> str:
    """A number and symbol as a comparable key: folded, without spaces.

    ``125/QĐ-UBND``, ``125/qd-ubnd`` and ``125 / QD-UBND`` share the key ``125/qd-ubnd``.
    """
    return _SPACE.sub("", fold(symbol))


def looks_like_symbol(query: str) -> bool:
    """A query that may be a number and symbol (has a digit, no spaces inside)."""
    q = query.strip()
    return bool(q) and " " not in q and any(c.isdigit() for c in q)


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word must match, the last also as a prefix.

    ``None`` when the query has no word (then nothing but a symbol can match).
    """
    ws = words(query)
    if not ws:
        return None
    quoted = [f'"{w}"' for w in ws]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def highlight(original: str, query_words: list[str]) -> list[list[int]]:
    """``[start, end)`` ranges (code points of ``original`` as NFC) of the words that
    match ``query_words`` (folded; the last one also as a prefix)."""
    if not query_words or not original:
        return []
    text = unicodedata.normalize("NFC", original)
    folded: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        f = _fold_char(c)
        folded.append(f)
        where.extend([i] * len(f))
    flat = "".join(folded)
    exact = set(query_words[:-1])
    last = query_words[-1]
    ranges: list[list[int]] = []
    for m in _WORD.finditer(flat):
        w = m.group()
        if w in exact or w == last:
            n = len(w)
        elif w.startswith(last):
            n = len(last)
        else:
            continue
        ranges.append([where[m.start()], where[m.start() + n - 1] + 1])
    return ranges


SUMMARY_WEIGHT, ISSUER_WEIGHT = 10.0, 3.0
"""As the index's former ``bm25`` weights: the summary (trích yếu) first, then the issuer
and type; the file's text counts only by matching at all."""
_K1, _B, _AVERAGE_WORDS = 1.2, 0.75, 14.0


def relevance(summary: str, issuer: str, query_words: list[str]) -> float:
    """How well an entry that holds every query word matches them (higher is better),
    from its folded summary and issuer: BM25's saturating term frequency with length
    normalisation, per field weight. Every candidate holds every word, so the words'
    rarity (BM25's IDF) would only scale the terms alike and is left out; the last word
    matches as a prefix, as the query does."""
    if not query_words:
        return 0.0
    summary_words = _WORD.findall(summary)
    issuer_words = set(_WORD.findall(issuer))
    norm = _K1 * (1 - _B + _B * len(summary_words) / _AVERAGE_WORDS)
    last = query_words[-1]
    score = 0.0
    for n, word in enumerate(query_words):
        if n == len(query_words) - 1:
            tf = sum(1 for w in summary_words if w.startswith(last))
            in_issuer = any(w.startswith(last) for w in issuer_words)
        else:
            tf = summary_words.count(word)
            in_issuer = word in issuer_words
        if tf:
            score += SUMMARY_WEIGHT * tf * (_K1 + 1) / (tf + norm)
        if in_issuer:
            score += ISSUER_WEIGHT
    return score
