"""Memoised style look-ups for the documents casuskit renders.

python-docx resolves a style name anew on every ``paragraph.style = "…"``: an XPath search
through all styles, and then a second scan of all styles to see whether it is the default one.
A draaiboek or a card sheet does that thousands of times. :func:`accelerate` gives one
document a part that remembers those answers, checking only that a remembered style is still
in the document under that name. The cache lives and dies with the document; a document started
from the same reference begins with what earlier ones found, at the same places in its own
styles, under the same checks.

The document's own ``add_paragraph`` and its paragraphs' ``add_run`` and ``style`` (and those of
any paragraph passed through :func:`fast`) write the same XML as python-docx's, directly: a new
paragraph or run is parsed from one string (see :mod:`casuskit.ooxml.paraxml`) rather than built
element by element through the schema order, and a paragraph goes to the end of the body without
a search for it. Every renderer gets this without changing a line; output stays byte for byte
the same.

Facts derived from the styles alone (such as the card renderer's line heights) are the same for
every document started from the same reference, so :func:`style_memo` keeps them per reference
document for the life of the process. The renderers never change a style, which is what makes
that sharing safe.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory
from docx.styles.styles import Styles
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from casuskit.ooxml import paraxml
from casuskit.ooxml._xml import append_to_body

T = TypeVar("T")
_DEFAULT = qn("w:default")
_VAL = qn("w:val")
_NAME = qn("w:name")
_TYPE = qn("w:type")
_STYLE = qn("w:style")
_STYLE_ID = qn("w:styleId")
_ON = ("1", "true", "on")


class _MemoStyles(Styles):
    """``styles[name]`` that searches each name only once (again if that style was deleted
    or renamed meanwhile)."""

    def __init__(self, element):
        super().__init__(element)
        self._by_name: dict[str, BaseStyle] = {}  # name → style (new one if the caller deleted it)
        self._defaults: dict[object, object] = {}  # style type → w:style element
        self._names: dict | None = None  # internal name → w:style element, built on first use

    def __getitem__(self, key: str):
        proxy = self._by_name.get(key)
        internal = BabelFish.ui2internal(key)
        if proxy is None or proxy.element is None or not _still(proxy.element, internal):
            element = self._index().get(internal)
            if element is None or not _still(element, internal):
                self._names = None  # styles changed since: look again, the python-docx way
                proxy = super().__getitem__(key)
            else:
                proxy = StyleFactory(element)
            self._by_name[key] = proxy
        return proxy

    def _index(self) -> dict:
        """Every style by its (internal) name, first one first, as python-docx's search finds."""
        if self._names is None:
            self._names = {}
            root = self._element
            for name in root.iter(_NAME):  # one walk in C, not a find() per style
                style = name.getparent()
                if style.tag == _STYLE and style.getparent() is root:
                    self._names.setdefault(name.get(_VAL), style)
        return self._names

    def default_element(self, style_type):
        """As ``default_for``: the last style of that type marked default (None if none)."""
        found = self._defaults.get(style_type)
        if found is None or found.getparent() is None or found.get(_DEFAULT) not in _ON:
            found, wanted = None, style_type.xml_value
            for style in self._element.xpath("w:style[@w:default]"):
                if (style.get(_TYPE) or "paragraph") == wanted and style.get(_DEFAULT) in _ON:
                    found = style  # raw attributes: no enum parsing
            self._defaults[style_type] = found
        return found


def _still(element, name: str) -> bool:
    """The style element is still in the document, under this (internal) name."""
    if element.getparent() is None:
        return False
    found = next(element.iterchildren(_NAME), None)  # cheaper than find()
    return found is not None and found.get(_VAL) == name


class _MemoDocumentPart(DocumentPart):
    """A DocumentPart whose style look-ups are answered from a per-document memo."""

    @property
    def styles(self):
        memo = self.__dict__.get("_casuskit_styles")
        if memo is None:
            memo = self.__dict__["_casuskit_styles"] = _MemoStyles(self._styles_part.element)
        return memo

    def get_style_id(self, style_or_name, style_type):
        """As python-docx: the style's id, None for the default style of its type."""
        if style_or_name is None:
            return None
        styles = self.styles
        by_name = isinstance(style_or_name, str)
        key = (style_or_name if by_name else style_or_name.element, style_type)
        ids = self.__dict__.setdefault("_casuskit_style_ids", {})
        known = ids.get(key)  # (element, its w:type, default element, answer)
        if known is None and by_name:
            known = self._shared_answer(key)
        if known is not None and known[0].get(_TYPE) == known[1] \
                and known[2] is styles.default_element(style_type) \
                and (_still(known[0], BabelFish.ui2internal(style_or_name)) if by_name
                     else known[0].getparent() is not None):
            ids[key] = known
            return known[3]
        style = styles[style_or_name] if by_name else style_or_name
        if style.type != style_type:
            raise ValueError("assigned style is type %s, need type %s" % (style.type, style_type))
        default = styles.default_element(style_type)
        style_id = None if style.element is default else style.style_id
        ids[key] = (style.element, style.element.get(_TYPE), default, style_id)
        if by_name:
            self._share(key, ids[key])
        return style_id

    def _shared_answer(self, key: tuple):
        """What a document from the same reference found for (name, type), in this document's
        elements at the same places; None if there is nothing, or the id no longer matches.
        The caller checks the rest as for its own memo."""
        found = _SHARED_IDS.get((self.__dict__.get("_casuskit_reference_key"), key))
        if found is None:
            return None
        position, type_value, default_position, style_id = found
        root = self._styles_part.element
        try:
            element = root[position]
            default = None if default_position is None else root[default_position]
        except IndexError:
            return None
        if style_id is not None and element.get(_STYLE_ID) != style_id:
            return None
        return element, type_value, default, style_id

    def _share(self, key: tuple, known: tuple) -> None:
        """Remember an answer by the places of its elements, for the next document started
        from the same reference (whose styles part starts out identical)."""
        reference_key = self.__dict__.get("_casuskit_reference_key")
        if reference_key is not None:
            element, type_value, default, style_id = known
            root = element.getparent()
            _SHARED_IDS[(reference_key, key)] = (
                root.index(element), type_value,
                None if default is None else root.index(default), style_id)


_SHARED: dict[tuple, object] = {}  # (reference key, caller's key) → value
_SHARED_IDS: dict[tuple, tuple] = {}  # (reference key, (name, type)) → places and style id


def accelerate(document, reference_key: str | None = None):
    """Make ``document``'s style look-ups memoised; returns the document.

    ``reference_key`` names the reference document it was started from (e.g. a digest of its
    bytes); documents with the same key share :func:`style_memo` results.
    """
    part = document.part
    if type(part) is DocumentPart:
        part.__class__ = _MemoDocumentPart
    if type(document) is Document:
        document.__class__ = _FastDocument
    part.__dict__["_casuskit_reference_key"] = reference_key
    return document


def style_memo(document, key, compute: Callable[[], T]) -> T:
    """``compute()`` once per reference document (once per document if its reference is
    unknown); only for values that depend on nothing but the document's styles."""
    reference_key = document.part.__dict__.get("_casuskit_reference_key")
    if reference_key is None:
        memo = document.part.__dict__.setdefault("_casuskit_memo", {})
    else:
        memo, key = _SHARED, (reference_key, key)
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[return-value]



class _FastParagraph(Paragraph):
    """A paragraph whose ``add_run`` and ``style`` write their XML directly (same XML)."""

    def add_run(self, text=None, style=None):
        style_id = self.part.get_style_id(style, WD_STYLE_TYPE.CHARACTER) if style else None
        r = parse_xml(paraxml.run_start(style_id, bool(style), paraxml.W_DECLARATION)
                      + paraxml.run_text(text or "") + "</w:r>")
        self._p.append(r)  # runs are the last children of w:p
        return Run(r, self)

    def _set_style(self, style) -> None:
        if self._p.pPr is not None:  # properties already there: python-docx keeps their order
            Paragraph.style.fset(self, style)
            return
        style_id = self.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        properties = OxmlElement("w:pPr")
        if style_id is not None:
            properties.append(OxmlElement("w:pStyle", {_VAL: style_id}))
        self._p.insert(0, properties)

    style = property(Paragraph.style.fget, _set_style, doc=Paragraph.style.__doc__)


class _FastDocument(Document):
    """A document whose body paragraphs are :class:`_FastParagraph`, each parsed from one
    string and added without searching the body for its end."""

    def add_paragraph(self, text: str = "", style=None):
        body = self._body
        style_id = None if style is None else \
            self.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        xml = paraxml.paragraph_start(style_id, style is not None,
                                      declarations=paraxml.W_DECLARATION)
        if text:
            xml += f"<w:r>{paraxml.run_text(text)}</w:r>"
        p = parse_xml(xml + "</w:p>")
        append_to_body(body._element, p)
        return _FastParagraph(p, body)


def add_described(document, paragraph: paraxml.Paragraph):
    """A body paragraph as ``paragraph`` describes it (style, runs in character styles), in
    one parse: the XML of ``add_paragraph(style=…)`` and an ``add_run`` per run."""
    out: list[str] = []
    paraxml.Writer(document.part, out).paragraph(paragraph, paraxml.W_DECLARATION)
    p = parse_xml("".join(out))
    body = document._body
    append_to_body(body._element, p)
    return _FastParagraph(p, body)


def fast(paragraph):
    """The same ``paragraph`` (e.g. one in a table cell), with the fast ``add_run`` and
    ``style`` of the document's own paragraphs."""
    if type(paragraph) is Paragraph:
        paragraph.__class__ = _FastParagraph
    return paragraph
