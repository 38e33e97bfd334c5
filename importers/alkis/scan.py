"""Byte-level NAS scanner: cuts the AAA objects the importer reads out of the stream.

A NAS file consists mostly of geometry of object types the twin does not import
(AX_Gelaendekante, AX_Boeschungsflaeche, AP_PTO …: 80 % of the 25 MB Hamburg file). Building
an lxml tree of all of it and visiting 300 000 elements in Python costs more than the rest of
the import. So the stream is read in blocks and

* the well-formedness of the *whole* file is checked by libxml2 without building a tree (a feed
  parser with an empty target: no Python call per element); errors carry line and column;
* the same bytes are searched for start tags ``<[prefix:]A?_Name`` with one regular expression.
  An object (start tag with a ``gml:id``, not the root element) of a wanted type is cut out up to
  its end tag and parsed alone with lxml, wrapped in an element that repeats the namespace
  declarations seen so far outside objects; any other object is counted and skipped to its end
  tag with ``bytes.find`` – its content never reaches Python;
* ``wfs:Delete``, ``wfsext:Replace``/``wfs:Replace`` and ``wfs:Update`` (NBA) are cut out the
  same way; comments, CDATA sections, processing instructions and DOCTYPE are stepped over.

Line numbers are those of the file. NAS is UTF-8 (GeoInfoDok); other ASCII-compatible
encodings declared in the XML declaration work too, UTF-16 is refused with a message.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

#: decompressed bytes read per step
BLOCK = 1 << 22

_TOKEN = re.compile(rb"<(?:(!--)|(!\[CDATA\[)|(\?)|(!)|(?:([A-Za-z_][\w.\-]*):)?(A[A-Z]_\w+|Delete|Replace|Update)"
                    rb"(?=[\s/>]))")
_CLOSERS = {1: b"-->", 2: b"]]>", 3: b"?>", 4: b">"}
_OPS = (b"Delete", b"Replace", b"Update")
_NS_TAG = re.compile(rb"<[A-Za-z_][^<>]*?\sxmlns[^<>]*>")  # a start tag with declarations (not text)
_XMLNS = re.compile(rb"""\sxmlns(?::([\w.\-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENVELOPE_SRS = re.compile(rb"""<(?:[\w.\-]+:)?Envelope\s[^>]*?srsName\s*=\s*["']([^"']+)""")
_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)""")


class ScanError(ValueError):
    """The file cannot be read as XML; ``line``/``column`` where known (message in German)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column


@dataclass
class Fragment:
    """One cut-out element: local name, parsed element and its line in the file."""

    name: str
    element: etree._Element
    line: int


@dataclass
class ScanState:
    """What the scanner learns besides the fragments."""

    #: namespace declarations outside objects (prefix -> URI; the last one wins)
    namespaces: dict[bytes, bytes] = field(default_factory=dict)
    #: objects per AAA type (also the skipped ones)
    object_counts: Counter = field(default_factory=Counter)
    envelope_srs: str | None = None


class _NullTarget:
    """Target of the validating parser: no tree, no Python call per element."""

    def close(self) -> None:
        return None


def scan(stream: BinaryIO, wanted: frozenset[str], state: ScanState, *,
         on_block: Callable[[], None] | None = None) -> Iterator[Fragment]:
    """Yield the wanted objects and the transaction operations of a NAS byte stream, in file order.

    Raises :class:`ScanError` for XML that is not well-formed (line, column).
    """
    return _Scanner(stream, wanted, state, on_block).run()


def _syntax_error(exc: etree.XMLSyntaxError) -> ScanError:
    line, col = exc.position if exc.position else (exc.lineno, None)
    msg = (exc.msg or str(exc)).split(", line ")[0]
    return ScanError(f"Kein wohlgeformtes XML: {msg} (Zeile {line}, Spalte {col})", line, col)


def _root_start(buf: bytes) -> int:
    """Offset of the root element's start tag (after declaration, comments, DOCTYPE), -1 if not seen."""
    i = 0
    while True:
        i = buf.find(b"<", i)
        if i < 0 or i + 1 >= len(buf):
            return -1
        closer = b"?>" if buf.startswith(b"<?", i) else b"-->" if buf.startswith(b"<!--", i) else \
            b">" if buf.startswith(b"<!", i) else None
        if closer is None:
            return i
        j = buf.find(closer, i)
        if j < 0:
            return -1
        i = j + len(closer)


class _Scanner:
    def __init__(self, stream: BinaryIO, wanted: frozenset[str], state: ScanState,
                 on_block: Callable[[], None] | None) -> None:
        self.stream, self.state, self.on_block = stream, state, on_block
        self.wanted = {w.encode() for w in wanted}
        self.validator = etree.XMLParser(target=_NullTarget(), huge_tree=True, resolve_entities=False,
                                         no_network=True)
        self.frag_parser = etree.XMLParser(huge_tree=True, remove_comments=True, resolve_entities=False,
                                           no_network=True)
        self.buf = b""
        self.eof = False
        self.line, self.lpos = 1, 0  # line number at offset lpos of buf
        self.decl = b""
        self.wrap_open: bytes | None = None

    # ----------------------------------------------------------------- input
    def _read(self) -> bool:
        """Append the next block (validated first); False at the end of the file."""
        if self.eof:
            return False
        block = self.stream.read(BLOCK)
        if not block:
            self.eof = True
            return False
        try:
            self.validator.feed(block)
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc) from None
        self.buf += block
        if self.on_block is not None:
            self.on_block()
        return True

    def _refill(self, pos: int) -> bool:
        """Drop the buffer before ``pos`` and read on; False at the end of the file."""
        self.line += self.buf.count(b"\n", self.lpos, pos)
        self.buf, self.lpos = self.buf[pos:], 0
        return self._read()

    def _line_at(self, pos: int) -> int:
        self.line += self.buf.count(b"\n", self.lpos, pos)
        self.lpos = pos
        return self.line

    # ----------------------------------------------------------------- outside objects
    def _gap(self, a: int, b: int) -> None:
        """Namespace declarations and the first envelope srsName between objects."""
        buf, st = self.buf, self.state
        if buf.find(b"xmlns", a, b) >= 0:
            for tag in _NS_TAG.finditer(buf, a, b):
                for m in _XMLNS.finditer(tag.group()):
                    prefix, uri = m.group(1) or b"", m.group(2) if m.group(2) is not None else m.group(3)
                    if st.namespaces.get(prefix) != uri:
                        st.namespaces[prefix] = uri
                        self.wrap_open = None
        if st.envelope_srs is None and buf.find(b"Envelope", a, b) >= 0:
            m = _ENVELOPE_SRS.search(buf, a, b)
            if m:
                st.envelope_srs = m.group(1).decode("utf-8", "replace")

    def _end_tag(self, qname: bytes, frm: int) -> int | None:
        """Offset after ``</qname>`` (whitespace before ">" allowed); None if not in the buffer yet."""
        buf, close = self.buf, b"</" + qname
        while True:
            i = buf.find(close, frm)
            if i < 0:
                return None
            j = i + len(close)
            while j < len(buf) and buf[j] in b" \t\r\n":
                j += 1
            if j >= len(buf):
                return None
            if buf[j] == 0x3E:  # ">"
                return j + 1
            frm = j

    def _parse(self, name: str, a: int, b: int, line: int) -> etree._Element | None:
        if self.wrap_open is None:
            self.wrap_open = self.decl + b"<_nas" + b"".join(
                b" xmlns" + (b":" + p if p else b"") + b'="' + u + b'"'
                for p, u in self.state.namespaces.items()) + b">"
        try:
            wrapper = etree.fromstring(self.wrap_open + self.buf[a:b] + b"</_nas>", self.frag_parser)
        except etree.XMLSyntaxError as exc:
            raise ScanError(f"{name} nicht lesbar: {exc.msg} (Zeile {line})", line) from None
        return next((c for c in wrapper if isinstance(c.tag, str)), None)

    # ----------------------------------------------------------------- main loop
    def run(self) -> Iterator[Fragment]:
        self._read()
        head = self.buf[:2]
        if head in (b"\xff\xfe", b"\xfe\xff"):
            raise ScanError("Die Datei ist UTF-16-kodiert; NAS-Dateien sind UTF-8 (bitte als UTF-8 liefern).")
        enc = _ENCODING.match(self.buf[3:] if self.buf.startswith(b"\xef\xbb\xbf") else self.buf)
        if enc and enc.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
            self.decl = b'<?xml version="1.0" encoding="' + enc.group(1) + b'"?>'
        root = _root_start(self.buf)
        pending: str | None = None
        pos = 0
        while True:
            buf = self.buf
            m = _TOKEN.search(buf, pos)
            if m is None:
                cut = max(pos, buf.rfind(b">", pos) + 1)
                self._gap(pos, cut)
                pending = None
                if not self._refill(cut):
                    break
                pos, root = 0, root - cut if root >= cut else -1
                continue
            start, kind = m.start(), m.lastindex
            if kind in _CLOSERS:  # comment, CDATA, processing instruction, DOCTYPE: step over
                end = buf.find(_CLOSERS[kind], m.end())
                if end >= 0:
                    self._gap(pos, start)
                    pos = end + len(_CLOSERS[kind])
                    continue
            else:
                gt = buf.find(b">", m.end())
                if gt >= 0:
                    end = self._element(m, gt, pos, root)
                    if end is not None:
                        frag, pos = end
                        if frag is not None:
                            yield frag
                        continue
            # the token goes on beyond the buffer: read on
            pending = (m.group(6) or b"XML-Abschnitt").decode("ascii")
            self._gap(pos, start)
            if not self._refill(start):
                break
            pos, root = 0, root - start if root >= start else -1
        try:
            self.validator.close()
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc) from None
        if pending:
            raise ScanError(f"{pending} ohne Ende-Tag (Zeile {self.line})", self.line)

    def _element(self, m: re.Match, gt: int, pos: int, root: int) -> tuple[Fragment | None, int] | None:
        """Handle an AAA/operation start tag: (fragment or None, next offset); None: read on."""
        buf, st = self.buf, self.state
        prefix, name = m.group(5) or b"", m.group(6)
        is_op = name in _OPS and b"wfs" in st.namespaces.get(prefix, b"wfs").lower()
        has_id = not is_op and b":id" in buf[m.end():gt]
        if m.start() == root or (not is_op and not has_id):
            self._gap(pos, gt + 1)  # a container (root element, id-less element): scan inside
            return None, gt + 1
        if buf[gt - 1] == 0x2F:  # "/>": empty element
            end = gt + 1
        else:
            end = self._end_tag((prefix + b":" + name) if prefix else name, gt + 1)
            if end is None:
                return None
        self._gap(pos, m.start())
        sname = name.decode("ascii")
        if has_id:
            st.object_counts[sname] += 1
        frag = None
        if is_op or name in self.wanted:
            line = self._line_at(m.start())
            el = self._parse(sname, m.start(), end, line)
            if el is not None:
                frag = Fragment(sname, el, line)
        return frag, end
