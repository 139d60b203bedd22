"""The reference document, read once and prepared as a package to copy.

Like pandoc's ``--reference-doc``: every document casuskit writes starts from a reference
document — the shipped ``data/referentie.docx`` or a facilitator's house style — and keeps its
styles, numbering, page setup, header and footer. :class:`Reference` reads one with python-docx
(the right tool for a .docx a person saved in Word or LibreOffice), gives built-in styles the
names casuskit looks up, and builds its :class:`~casuskit.word.styles.StyleSheet`.

:meth:`Reference.prepared` then turns it, once per page layout and header mode, into a
:class:`Prepared` package: every part as bytes, the body emptied, and the few parts that differ
per document split around the place where that document's content goes (body, header and
footer text, core properties, company, list instances). Writing a document is then string
concatenation and a zip (:mod:`casuskit.word.document`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from casuskit.errors import ReferenceDocError
from casuskit.word import refcache
from casuskit.word.package import CORE_PROPERTIES, package_target
from casuskit.word.styles import UI_NAMES, StyleSheet, theme_fonts
from casuskit.word.units import mm_to_twips

REFERENCE_NAME = "referentie.docx"
LANGUAGE = "nl-NL"
HEADER_MODES = ("text", "blank", "none")  # text in the first line / emptied / no header, footer
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# placeholders written into the prepared parts, replaced per document
MARK_RUN = "\ue000casuskit\ue001"
MARK_NUM = "999999"
HOLE = {key: f"\ue000{key}\ue001" for key in ("title", "subject", "organisation", "keywords")}
HOLE_DATE = dt.datetime(1901, 2, 3, 4, 5, 6)
HOLE_DATE_TEXT = "1901-02-03T04:05:06Z"


def default_reference_bytes() -> bytes:
    """The shipped reference document, ``casuskit/data/referentie.docx``."""
    return resources.files("casuskit").joinpath("data", REFERENCE_NAME).read_bytes()


@dataclass(frozen=True)
class PageLayout:
    """An A4 page other than the reference's: margins (top, right, bottom, left), header and
    footer distance in mm."""

    margins_mm: tuple[float, float, float, float]
    header_mm: float = 10
    footer_mm: float = 10
    landscape: bool = False


@dataclass
class Split:
    """A part's XML cut where per-document content goes: ``before + content + after``."""

    part: str
    before: str
    after: str

    def join(self, content: str) -> bytes:
        return (self.before + content + self.after).encode("utf-8")


@dataclass(frozen=True)
class Page:
    """The page of a prepared reference in mm: paper, margins, and what stands in the header
    and footer: per paragraph its style's name and the height of its tallest picture (a logo
    pushes the body down, as in Word)."""

    width: float = 210.0
    height: float = 297.0
    top: float = 20.0
    bottom: float = 20.0
    left: float = 20.0
    right: float = 20.0
    header_distance: float = 10.0
    footer_distance: float = 10.0
    header: tuple[tuple[str, float], ...] = ()
    footer: tuple[tuple[str, float], ...] = ()

    @property
    def body_width(self) -> float:
        return self.width - self.left - self.right


@dataclass
class Prepared:
    """A reference emptied and ready to copy, for one page layout and header mode."""

    members: dict[str, bytes]          # every part of the package (zip member name → bytes)
    document: Split                    # word/document.xml around the body content
    core: str                          # docProps/core.xml with HOLE placeholders
    core_part: str
    app: Split | None                  # docProps/app.xml around the company name
    header: Split | None               # the first header line around its text runs
    footer: Split | None
    numbering: Split | None            # numbering.xml around new list instances
    num_ids: frozenset[int] = frozenset()
    abstract_of: dict[int, int] = field(default_factory=dict)  # numId → abstractNumId
    text_width_mm: float = 170.0
    page: Page = field(default_factory=Page)


class Reference:
    """One reference document: its styles, and prepared packages made from it on demand."""

    def __init__(self, data: bytes, shown: str | None = None):
        self.data = data
        self.shown = shown
        self.digest = hashlib.sha256(data).hexdigest()
        self.styles = _style_sheet(data, shown, self.digest)
        self._prepared: dict[tuple, Prepared] = {}

    def __getstate__(self):  # spawned workers open it again from its bytes
        return {"data": self.data, "shown": self.shown}

    def __setstate__(self, state):
        self.__init__(state["data"], state["shown"])

    def prepared(self, layout: PageLayout | None = None, header: str = "text") -> Prepared:
        key = (layout, header)
        found = self._prepared.get(key)
        if found is None:
            found = self._prepared[key] = _kept_prepared(self, layout, header)
        return found


_OPENED: dict[str, Reference] = {}


def open_reference(path: str | Path | None = None) -> Reference:
    """The reference document at ``path`` (default: the shipped one), read once per process.

    Raises :class:`~casuskit.errors.ReferenceDocError` when it cannot be read.
    """
    if path is None:
        data = default_reference_bytes()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ReferenceDocError(f"Huisstijl niet gevonden of niet leesbaar: {path}",
                                    hint="Maak er een met 'casuskit huisstijl PAD' of controleer "
                                         "het pad.") from exc
    digest = hashlib.sha256(data).hexdigest()
    found = _OPENED.get(digest)
    if found is None:
        found = _OPENED[digest] = Reference(data, None if path is None else str(path))
    return found


# -- kept between builds (casuskit.word.refcache) ---------------------------------------------

def _style_sheet(data: bytes, shown: str | None, digest: str) -> StyleSheet:
    """The style sheet of the styles part (built-in names as Word stores them) and the theme."""
    from lxml import etree
    kept = refcache.load(digest, "stijlen")
    try:
        return StyleSheet(refcache.decode_bytes(kept["xml"]), dict(kept["thema"]))
    except (TypeError, KeyError, ValueError, etree.XMLSyntaxError):
        pass
    document = _open(data, shown)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        themes = sorted(n for n in package.namelist() if n.startswith("word/theme/"))
        theme = package.read(themes[0]) if themes else None
    styles, fonts = etree.tostring(document.styles.element), theme_fonts(theme)
    refcache.store(digest, "stijlen", {"xml": refcache.encode_bytes(styles), "thema": fonts})
    return StyleSheet(styles, fonts)


def _kept_prepared(reference: Reference, layout: PageLayout | None, header: str) -> Prepared:
    what = ("voorbereid", layout, header)
    kept = refcache.load(reference.digest, what)
    if kept is not None:
        try:
            return _prepared_from(kept)
        except (TypeError, KeyError, ValueError):
            pass
    prepared = _prepare(reference.data, reference.shown, layout, header)
    refcache.store(reference.digest, what, _prepared_data(prepared))
    return prepared


def _prepared_data(prepared: Prepared) -> dict:
    def split(value: Split | None):
        return None if value is None else [value.part, value.before, value.after]
    page = dataclasses.asdict(prepared.page)
    return {
        "members": [[name, refcache.encode_bytes(data)] for name, data in prepared.members.items()],
        "document": split(prepared.document), "core": prepared.core, "core_part": prepared.core_part,
        "app": split(prepared.app), "header": split(prepared.header), "footer": split(prepared.footer),
        "numbering": split(prepared.numbering), "num_ids": sorted(prepared.num_ids),
        "abstract_of": sorted(prepared.abstract_of.items()), "text_width_mm": prepared.text_width_mm,
        "page": page,
    }


def _prepared_from(data: dict) -> Prepared:
    def split(value) -> Split | None:
        return None if value is None else Split(*(str(item) for item in value))
    page = dict(data["page"])
    for story in ("header", "footer"):
        page[story] = tuple((str(name), float(height)) for name, height in page[story])
    return Prepared(
        {str(name): refcache.decode_bytes(value) for name, value in data["members"]},
        split(data["document"]), str(data["core"]), str(data["core_part"]), split(data["app"]),
        split(data["header"]), split(data["footer"]), split(data["numbering"]),
        frozenset(int(n) for n in data["num_ids"]), {int(k): int(v) for k, v in data["abstract_of"]},
        float(data["text_width_mm"]), Page(**page))


# -- reading with python-docx ------------------------------------------------------------------

def _open(data: bytes, shown: str | None):
    import docx
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types here
        raise ReferenceDocError(f"Huisstijl is geen bruikbaar Word-document (.docx): {shown}",
                                hint="Sla het bestand in Word of LibreOffice op als "
                                     "Word-document (.docx).") from exc
    normalise_style_names(document)
    return document


def normalise_style_names(document) -> None:
    """Give built-in styles the names Word itself stores ("heading 1", "header", "caption").

    LibreOffice saves them as "Heading 1", "Header", "Caption"; renamed only when the stored
    name is not taken already.
    """
    raw_names = {style.element.name_val for style in document.styles}
    internal = {ui: name for name, ui in UI_NAMES.items()}
    for style in document.styles:
        raw = style.element.name_val
        name = internal.get(raw, raw) if raw else raw
        if name != raw and name not in raw_names:
            style.name = name
            raw_names.add(name)


def _part_name(part) -> str:
    return str(part.partname).lstrip("/")


def _members(document) -> dict[str, bytes]:
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


# -- preparing ---------------------------------------------------------------------------------

def _prepare(data: bytes, shown: str | None, layout: PageLayout | None, header: str) -> Prepared:
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.shared import Twips

    document = _open(data, shown)
    body = document.element.body
    for element in list(body):  # keep only the final section properties
        if element.tag != f"{{{_W}}}sectPr":
            body.remove(element)
    section = document.sections[0]
    stories = {}
    if header == "none":  # cut sheets: no header or footer part at all
        section.different_first_page_header_footer = False
        for story in (section.header, section.footer, section.first_page_header,
                      section.first_page_footer, section.even_page_header, section.even_page_footer):
            story.is_linked_to_previous = True
    else:
        for name, story in (("header", section.header), ("footer", section.footer)):
            if not story.paragraphs:
                story.add_paragraph(style=name.capitalize())
            if header == "blank":
                for paragraph in story.paragraphs:
                    paragraph.clear()
            else:
                first = story.paragraphs[0]
                for run in first.runs:  # text typed there goes, a logo stays
                    content = list(run.iter_inner_content())
                    if content and all(isinstance(item, str) for item in content):
                        run.text = ""
                first.add_run(MARK_RUN)
                stories[name] = _part_name(story.part)
    if layout is not None:
        top, right, bottom, left = layout.margins_mm
        width, height = (16838, 11906) if layout.landscape else (11906, 16838)
        section.orientation = WD_ORIENT.LANDSCAPE if layout.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Twips(width), Twips(height)
        for name, mm in (("top_margin", top), ("right_margin", right), ("bottom_margin", bottom),
                         ("left_margin", left), ("header_distance", layout.header_mm),
                         ("footer_distance", layout.footer_mm), ("gutter", 0)):
            setattr(section, name, Twips(mm_to_twips(mm)))
    props = document.core_properties
    props.title, props.subject = HOLE["title"], HOLE["subject"]
    props.author = props.last_modified_by = HOLE["organisation"]
    props.keywords, props.comments, props.category = HOLE["keywords"], "", ""
    props.language, props.revision = LANGUAGE, 1
    props.created = props.modified = HOLE_DATE
    numbering = document.part.numbering_part
    root = numbering.element
    abstract_of = {int(num.get(f"{{{_W}}}numId")): int(num.find(f"{{{_W}}}abstractNumId").get(f"{{{_W}}}val"))
                   for num in root.iterchildren(f"{{{_W}}}num")
                   if num.find(f"{{{_W}}}abstractNumId") is not None}
    marker = OxmlElement("w:num", {f"{{{_W}}}numId": MARK_NUM})
    cleanup = root.find(f"{{{_W}}}numIdMacAtCleanup")
    if cleanup is not None:
        cleanup.addprevious(marker)
    else:
        root.append(marker)
    members = _members(document)
    name = _part_name(document.part)
    text = members[name].decode("utf-8")
    opening = text.index("<w:body>") + len("<w:body>")
    closing = text.rindex("</w:body>")
    sectpr = text[opening:closing]
    numbering_name = _part_name(numbering)
    num_text = members[numbering_name].decode("utf-8")
    mark = f'<w:num w:numId="{MARK_NUM}"/>'
    before, after = num_text.split(mark)
    members[numbering_name] = (before + after).encode("utf-8")
    core_name = package_target(members, CORE_PROPERTIES)
    app = _app_split(members)
    return Prepared(
        members, Split(name, text[:opening], sectpr + text[closing:]),
        members[core_name].decode("utf-8"), core_name, app,
        _run_split(members, stories.get("header")), _run_split(members, stories.get("footer")),
        Split(numbering_name, before, after), frozenset(abstract_of), abstract_of,
        _text_width_mm(text), _page(text, members, stories, document.styles))


def _run_split(members: dict[str, bytes], part: str | None) -> Split | None:
    """The header or footer part cut at the marker run (and the marker-free part kept)."""
    if part is None:
        return None
    text = members[part].decode("utf-8")
    mark = f"<w:r><w:t>{MARK_RUN}</w:t></w:r>"
    before, after = text.split(mark)
    members[part] = (before + after).encode("utf-8")
    return Split(part, before, after)


def _app_split(members: dict[str, bytes]) -> Split | None:
    """docProps/app.xml cut at the company name (created when the reference has none)."""
    from lxml import etree
    name = "docProps/app.xml"
    if name in members:
        root = etree.fromstring(members[name])
    else:
        root = etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP, "vt": _VT})
        _add_app_part(members, name)
    company = root.find(f"{{{_EP}}}Company")
    if company is None:
        company = etree.SubElement(root, f"{{{_EP}}}Company")
    company.text = MARK_RUN
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
    before, after = text.split(MARK_RUN)
    return Split(name, before, after)


def _add_app_part(members: dict[str, bytes], name: str) -> None:
    """Declare an app.xml part in the content types and package relationships."""
    from casuskit.word.package import EXTENDED_PROPERTIES, add_override, add_relationship
    members["[Content_Types].xml"] = add_override(
        members["[Content_Types].xml"], "/" + name,
        "application/vnd.openxmlformats-officedocument.extended-properties+xml")
    members["_rels/.rels"], _ = add_relationship(
        members["_rels/.rels"], EXTENDED_PROPERTIES, name)


def _page(document_xml: str, members: dict[str, bytes], stories: dict[str, str], styles) -> Page:
    """The page of the last section, and the paragraphs of its header and footer."""
    from lxml import etree
    section = etree.fromstring(document_xml.encode("utf-8")).find(f"{{{_W}}}body/{{{_W}}}sectPr")

    def mm(path: str, attribute: str, default: float) -> float:
        found = None if section is None else section.find(f".//{{{_W}}}{path}")
        value = None if found is None else found.get(f"{{{_W}}}{attribute}")
        return abs(int(value)) * 25.4 / 1440 if value is not None else default

    names = {style.style_id: style.name for style in styles}
    parts = {name: _story(members[part], names) for name, part in stories.items()}
    return Page(mm("pgSz", "w", 210), mm("pgSz", "h", 297), mm("pgMar", "top", 20),
                mm("pgMar", "bottom", 20), mm("pgMar", "left", 20), mm("pgMar", "right", 20),
                mm("pgMar", "header", 10), mm("pgMar", "footer", 10),
                parts.get("header", ()), parts.get("footer", ()))


def _story(part_xml: bytes, names: dict[str, str]) -> tuple[tuple[str, float], ...]:
    """(style name, tallest picture in mm) of each paragraph of a header or footer part."""
    from lxml import etree
    found = []
    for paragraph in etree.fromstring(part_xml).iter(f"{{{_W}}}p"):
        style = paragraph.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
        name = names.get(style.get(f"{{{_W}}}val")) if style is not None else None
        pictures = [int(extent.get("cy")) / 36000 for extent in paragraph.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")]
        found.append((UI_NAMES.get(name, name) or "Normal", max(pictures, default=0.0)))
    return tuple(found)


def _text_width_mm(document_xml: str) -> float:
    """Width between the margins of the last section, in mm (python-docx's number)."""
    from lxml import etree
    section = etree.fromstring(document_xml.encode("utf-8")).find(f"{{{_W}}}body/{{{_W}}}sectPr")

    def twips(path: str, attribute: str) -> int:
        found = None if section is None else section.find(f".//{{{_W}}}{path}")
        value = None if found is None else found.get(f"{{{_W}}}{attribute}")
        return int(value) if value is not None else 0

    width = twips("pgSz", "w") or 11906
    return ((width - twips("pgMar", "left") - twips("pgMar", "right")) * 635) / 36000.0
