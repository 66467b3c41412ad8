"""The clerk's rich text: a small safe HTML subset, and its conversion for the renderers.

Terminals send HTML (the editor is a QTextEdit); whatever arrives is reduced to
``p b i u br ul ol li`` with no attributes before it is stored, so a stored text can be shown
by any client without a script or a tracking image ever reaching it. Qt's own export
(``<span style="font-weight:700">``) is understood, so bold and italic survive a client that
sends raw ``toHtml()``; ``strong``/``em`` become ``b``/``i``; the content of ``script`` and
``style`` is dropped; other tags vanish and their text stays. Text without any tag is taken
as plain text (blank lines separate paragraphs).

The renderers take paragraphs separated by blank lines with ``<b>``/``<i>`` toggles
(:func:`server.modules.minutes.model.rich_paragraphs`); :func:`to_minutes_text` produces that.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

ALLOWED = frozenset({"p", "b", "i", "u", "br", "ul", "ol", "li"})
INLINE = frozenset({"b", "i", "u"})
ALIASES = {"strong": "b", "em": "i", "ins": "u"}
BLOCKS = frozenset({"div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                    "section", "article", "header", "footer", "tr", "dd", "dt"})
"""Tags that only become a paragraph boundary."""
DROP_CONTENT = frozenset({"script", "style", "head", "title", "template", "iframe", "object",
                          "embed", "noscript", "textarea", "select", "svg", "math"})
VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr",
                  "source", "track", "param"})

_KNOWN_TAGS = sorted(ALLOWED | set(ALIASES) | BLOCKS | DROP_CONTENT | VOID
                    | {"span", "font", "html", "body", "a", "table", "td", "th", "tbody",
                       "thead", "s", "sub", "sup", "small", "big", "code"})
_TAG_LIKE = re.compile(r"<!--|<!doctype|</?(?:" + "|".join(_KNOWN_TAGS) + r")\b",
                       re.IGNORECASE)
"""Markup worth parsing; other ``<…>`` (a clerk's "<nhóm chính sách>") is plain text."""
_WS = re.compile(r"[ \t\r\n\f\v]+")
MAX_DEPTH = 32
"""Open tags kept at once. Deeper ones are dropped (their text stays): every stack
operation is then bounded, so sanitising is linear in the input — 20,000 nested
``<ul><li>`` took 2.8 s before (issue 12, finding 4)."""


def _span_styles(style: str) -> list[str]:
    """Inline tags meant by a Qt/Word ``style`` attribute (bold, italic, underline)."""
    style = style.lower().replace(" ", "")
    out = []
    weight = re.search(r"font-weight:(\w+)", style)
    if weight and (weight.group(1) in ("bold", "bolder") or
                   (weight.group(1).isdigit() and int(weight.group(1)) >= 600)):
        out.append("b")
    if "font-style:italic" in style or "font-style:oblique" in style:
        out.append("i")
    if re.search(r"text-decoration(-line)?:[^;]*underline", style):
        out.append("u")
    return out


class _Sanitizer(HTMLParser):
    """Re-emits only allowed tags, always well nested, text escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []  # open allowed tags
        self.dropped: dict[str, int] = {}  # tags not opened beyond MAX_DEPTH, by name
        self.spans: list[list[str]] = []  # inline tags opened by each open <span>/<font>
        self.skip = 0  # depth inside a dropped-content element

    # --- emitting ------------------------------------------------------------

    def _open(self, tag: str) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.dropped[tag] = self.dropped.get(tag, 0) + 1
            return
        if tag in ("p", "ul", "ol", "li"):
            while self.stack and self.stack[-1] in INLINE:  # blocks never sit in b/i/u
                self.out.append(f"</{self.stack.pop()}>")
            if tag == "p" and self.stack[-1:] == ["li"]:
                return  # <li><p>…</p></li> from word processors: the item is the paragraph
            if tag != "li" and "p" in self.stack:
                self._close_to("p")
            if tag == "li" and self.stack[-1:] == ["li"]:
                self._close_to("li")
        self.out.append(f"<{tag}>")
        self.stack.append(tag)

    def _close(self, tag: str) -> None:
        if self.dropped.get(tag):
            self.dropped[tag] -= 1
            return
        if tag in self.stack:
            self._close_to(tag)

    def _close_to(self, tag: str) -> None:
        """Close every tag above ``tag`` and ``tag`` itself."""
        while self.stack:
            top = self.stack.pop()
            self.out.append(f"</{top}>")
            if top == tag:
                return

    # --- HTMLParser hooks --------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in DROP_CONTENT:
            if tag not in VOID:
                self.skip += 1
            return
        if self.skip:
            return
        tag = ALIASES.get(tag, tag)
        if tag in ("span", "font"):
            style = next((v or "" for k, v in attrs if k.lower() == "style"), "")
            opened = [t for t in _span_styles(style) if t not in self.stack]
            for t in opened:
                self._open(t)
            self.spans.append(opened)
            return
        if tag in BLOCKS:
            self._open("p")
            return
        if tag == "br":
            self.out.append("<br>")
            return
        if tag in ALLOWED:
            self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag == "br" and not self.skip:
            self.out.append("<br>")
        elif tag not in VOID:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in DROP_CONTENT:
            if tag not in VOID:
                self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        tag = ALIASES.get(tag, tag)
        if tag in ("span", "font"):
            for t in reversed(self.spans.pop() if self.spans else []):
                self._close(t)
            return
        if tag in BLOCKS:
            self._close("p")
            return
        if tag in ALLOWED and tag != "br":
            self._close(tag)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.stack:
            self.out.append(f"</{self.stack.pop()}>")
        return "".join(self.out)


_EMPTY_PARAS = re.compile(r"<p>(\s|<br>)*</p>")
_EMPTY_INLINE = re.compile(r"<(b|i|u)></\1>")


def _plain_to_html(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "".join(
        "<p>" + "<br>".join(escape(line.strip(), quote=False) for line in p.split("\n")) + "</p>"
        for p in paragraphs if p.strip()
    )


def sanitize(html: str) -> str:
    """Reduce any HTML (or plain text) to the safe subset; idempotent.

    Never raises on malformed input: unbalanced tags are closed, stray closing tags
    ignored. Empty paragraphs are dropped, so a cleared editor stores ``""``.
    """
    if not html.strip():
        return ""
    if not _TAG_LIKE.search(html):
        return _plain_to_html(html)
    parser = _Sanitizer()
    parser.feed(html)
    out = parser.result()
    for pattern in (_EMPTY_INLINE, _EMPTY_PARAS):
        previous = None
        while previous != out:
            previous, out = out, pattern.sub("", out)
    out = out.strip()
    if out and not re.search(r"<(p|ul|ol|li)>", out):
        out = f"<p>{out}</p>"  # always some markup, so a second pass reads it as HTML
    return out


class _ToMinutes(HTMLParser):
    """Sanitised HTML → paragraphs separated by blank lines, with <b>/<i> toggles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[int | None]] = []  # per open list: [counter] (None: bullets)

    def flush(self) -> None:
        text = "".join(self.current)
        text = re.sub(r" *\n *", "\n", text).strip(" \n")
        if re.sub(r"</?[bi]>", "", text).strip():
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.flush()
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append([1 if tag == "ol" else None])
        elif tag == "li":
            self.flush()
            counter = self.lists[-1] if self.lists else [None]
            if counter[0] is None:
                self.current.append("- ")
            else:
                self.current.append(f"{counter[0]}. ")
                counter[0] += 1
        elif tag == "br":
            self.current.append("\n")
        elif tag in ("b", "i"):
            self.current.append(f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li"):
            self.flush()
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("b", "i"):
            self.current.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.current.append(_WS.sub(" ", data))

    def result(self) -> str:
        self.close()
        self.flush()
        return "\n\n".join(self.paragraphs)


def to_minutes_text(html: str) -> str:
    """The stored (sanitised) HTML as the renderers' paragraph text.

    Lists become one paragraph per entry ("- …" or "1. …"); underline is dropped (the
    minutes' fonts have no underline style of their own and Decree 30 does not use it).
    """
    parser = _ToMinutes()
    parser.feed(sanitize(html))
    return parser.result()


def to_plain_text(html: str) -> str:
    """Text without any markup, for summaries and logs."""
    return re.sub(r"</?[bi]>", "", to_minutes_text(html))
