"""The styles of a reference document: names to ids, and what a style resolves to.

Like pandoc's StyleMap, a :class:`StyleSheet` is built once per reference document from its
``styles.xml``. Renderers name styles as Word shows them ("Heading 1", "Kaart Tekst"); the
emitter asks :meth:`StyleSheet.style_id` for the id to write, and the default style of a type
gets no id at all, as Word writes it. :meth:`StyleSheet.look` resolves a paragraph style
through ``w:basedOn`` and the document defaults into the numbers text measurement needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from casuskit.errors import StyleError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPH, CHARACTER, TABLE, NUMBERING = "paragraph", "character", "table", "numbering"
_ON = ("1", "true", "on")
_OFF = ("0", "false", "off")
# Word stores these built-in names in lower case; Word's UI and python-docx show them capitalised
UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
            **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}
INTERNAL_NAMES = {ui: internal for internal, ui in UI_NAMES.items()}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def internal_name(name: str) -> str:
    """The name styles.xml stores for a name as Word shows it ('Heading 1' → 'heading 1')."""
    return INTERNAL_NAMES.get(name, name)


@dataclass(frozen=True)
class Look:
    """What a paragraph style does to the size of its text: sizes in points, indents in mm.

    ``line`` is the height of one line in points when ``line_rule`` is ``exact``, the minimum
    for ``atLeast``, and a multiple of the font's own line height for ``auto``. ``sides_mm`` is
    what left and right paragraph borders take of the width (their spacing and line),
    ``ends_mm`` what top and bottom borders add to the height.
    """

    font: str | None
    size: float
    bold: bool
    caps: bool
    line_rule: str
    line: float
    before: float
    after: float
    indent_mm: float
    sides_mm: float = 0.0
    ends_mm: float = 0.0


class StyleSheet:
    """The styles of one ``styles.xml`` (and the theme fonts it may refer to)."""

    def __init__(self, styles_xml: bytes, theme_fonts: dict[str, str] | None = None):
        self._root = etree.fromstring(styles_xml)
        self._theme = theme_fonts or {}
        self._by_name: dict[str, etree._Element] = {}
        self._by_id: dict[str, etree._Element] = {}
        defaults: dict[str, etree._Element] = {}
        for style in self._root.iterchildren(_w("style")):
            kind = style.get(_w("type")) or PARAGRAPH
            name = style.find(_w("name"))
            if name is not None:
                self._by_name.setdefault(name.get(_w("val")), style)
            self._by_id.setdefault(style.get(_w("styleId")), style)
            if style.get(_w("default")) in _ON:
                defaults[kind] = style  # the last one marked default, as Word reads it
        self._defaults = defaults
        self._ids: dict[tuple[str, str], str | None] = {}
        self._looks: dict[str, Look] = {}
        self._margins: dict[tuple, tuple[float, float]] = {}

    # -- names and ids ---------------------------------------------------------------------

    def has(self, name: str, kind: str = PARAGRAPH) -> bool:
        style = self._by_name.get(internal_name(name))
        return style is not None and (style.get(_w("type")) or PARAGRAPH) == kind

    def style_id(self, name: str, kind: str = PARAGRAPH) -> str | None:
        """The id to write for style ``name`` of ``kind``; None for that kind's default style."""
        key = (name, kind)
        if key not in self._ids:
            style = self._by_name.get(internal_name(name))
            if style is None:
                raise StyleError(f"no style with name '{name}'")
            if (style.get(_w("type")) or PARAGRAPH) != kind:
                raise StyleError(f"style '{name}' is not a {kind} style")
            self._ids[key] = None if style is self._defaults.get(kind) else style.get(_w("styleId"))
        return self._ids[key]

    def list_num_id(self, name: str) -> int | None:
        """The numbering instance a paragraph style (or a style it is based on) is linked to."""
        for style in self._chain(name):
            found = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
            if found is not None:
                return int(found.get(_w("val")))
        return None

    # -- resolved properties ------------------------------------------------------------------

    def look(self, name: str) -> Look:
        """The resolved look of paragraph style ``name``: the style, then what it is based on,
        then the document defaults."""
        found = self._looks.get(name)
        if found is None:
            found = self._looks[name] = self._resolve(name)
        return found

    def _chain(self, name: str) -> list:
        chain, style = [], self._by_name.get(internal_name(name))
        if style is None:
            raise StyleError(f"no style with name '{name}'")
        while style is not None and style not in chain:
            chain.append(style)
            based = style.find(_w("basedOn"))
            style = None if based is None else self._by_id.get(based.get(_w("val")))
        return chain

    def _resolve(self, name: str) -> Look:
        chain = self._chain(name)
        defaults = self._root.find(_w("docDefaults"))
        r_default = None if defaults is None else defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
        p_default = None if defaults is None else defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}")
        runs = [style.find(_w("rPr")) for style in chain] + [r_default]
        paragraphs = [style.find(_w("pPr")) for style in chain] + [p_default]

        def first(props, tag: str, attribute: str = "val"):
            for prop in props:
                found = None if prop is None else prop.find(_w(tag))
                if found is not None and found.get(_w(attribute)) is not None:
                    return found.get(_w(attribute))
            return None

        def on(tag: str) -> bool:
            for prop in runs:
                found = None if prop is None else prop.find(_w(tag))
                if found is not None:
                    return found.get(_w("val")) not in _OFF
            return False

        size = first(runs, "sz")
        size_pt = int(size) / 2 if size is not None else 10.0  # what Word shows without any size
        line_rule, line = "auto", 1.0
        for prop in paragraphs:
            spacing = None if prop is None else prop.find(_w("spacing"))
            if spacing is not None and spacing.get(_w("line")) is not None:
                rule = spacing.get(_w("lineRule")) or "auto"
                value = int(spacing.get(_w("line")))
                line_rule, line = rule, (value / 240 if rule == "auto" else value / 20)
                break
        before = first(paragraphs, "spacing", "before")
        after = first(paragraphs, "spacing", "after")
        left = first(paragraphs, "ind", "left")
        right = first(paragraphs, "ind", "right")
        return Look(self._font(runs), size_pt, on("b"), on("caps"), line_rule, line,
                    int(before) / 20 if before is not None else 0.0,
                    int(after) / 20 if after is not None else 0.0,
                    ((int(left) if left else 0) / 20 + (int(right) if right else 0) / 20)
                    * (25.4 / 72), _border_pt(paragraphs, ("left", "right")) * (25.4 / 72),
                    _border_pt(paragraphs, ("top", "bottom")) * (25.4 / 72))

    def character_size(self, name: str) -> float | None:
        """The font size (pt) character style ``name`` sets, through ``w:basedOn``; None if
        it sets none (the paragraph's size applies)."""
        for style in self._chain(name):
            size = style.find(f"{_w('rPr')}/{_w('sz')}")
            if size is not None and size.get(_w("val")) is not None:
                return int(size.get(_w("val"))) / 2
        return None

    def table_cell_margins_mm(self, name: str, sides: tuple[str, str] = ("left", "right")
                              ) -> tuple[float, float]:
        """Cell padding (mm) of table style ``name`` (through ``w:basedOn``) on two ``sides``;
        Word's default (1.9 mm left and right, none above and below) where it sets none."""
        key = (name, sides)
        if key not in self._margins:
            self._margins[key] = self._cell_margins(name, sides)
        return self._margins[key]

    def _cell_margins(self, name: str, sides: tuple[str, str]) -> tuple[float, float]:
        found: dict[str, float] = {}
        for style in self._chain(name):
            margins = style.find(f"{_w('tblPr')}/{_w('tblCellMar')}")
            for side in sides:
                edge = None if margins is None else margins.find(_w(side))
                if side not in found and edge is not None and edge.get(_w("w")) is not None:
                    found[side] = int(edge.get(_w("w"))) / 20 * (25.4 / 72)
        default = {"left": 1.9, "right": 1.9}
        return tuple(found.get(side, default.get(side, 0.0)) for side in sides)

    def _font(self, runs) -> str | None:
        for prop in runs:
            fonts = None if prop is None else prop.find(_w("rFonts"))
            if fonts is None:
                continue
            if fonts.get(_w("ascii")):
                return fonts.get(_w("ascii"))
            theme = fonts.get(_w("asciiTheme"))
            if theme:
                return self._theme.get("major" if theme.startswith("major") else "minor")
        return self._theme.get("minor")


def _border_pt(paragraphs, sides: tuple[str, str]) -> float:
    """What (pt) two opposite paragraph borders of the first ``w:pBdr`` take: their spacing
    and line."""
    for prop in paragraphs:
        borders = None if prop is None else prop.find(_w("pBdr"))
        if borders is None:
            continue
        total = 0.0
        for side in sides:
            edge = borders.find(_w(side))
            if edge is not None and edge.get(_w("val")) not in ("nil", "none"):
                total += int(edge.get(_w("space")) or 0) + int(edge.get(_w("sz")) or 0) / 8
        return total
    return 0.0


@lru_cache(maxsize=8)
def theme_fonts(theme_xml: bytes | None) -> dict[str, str]:
    """The major (headings) and minor (body) latin typefaces of a theme part."""
    if not theme_xml:
        return {}
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    root = etree.fromstring(theme_xml)
    found = {}
    for kind in ("major", "minor"):
        latin = root.find(f".//{{{a}}}{kind}Font/{{{a}}}latin")
        if latin is not None and latin.get("typeface"):
            found[kind] = latin.get("typeface")
    return found
