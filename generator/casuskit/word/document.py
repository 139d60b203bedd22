"""The document builder renderers use: content in, .docx bytes out.

A :class:`Document` starts from a prepared reference (:mod:`casuskit.word.reference`): its
styles, page, header and footer. Renderers add blocks (:mod:`casuskit.word.blocks`) or use the
shorthands below; :meth:`Document.to_bytes` spells the body with the one emitter
(:mod:`casuskit.word.emit`), fills the per-document parts of the prepared package and zips it
reproducibly (:mod:`casuskit.word.package`). Nothing is parsed per document.
"""

from __future__ import annotations

import datetime as dt
import struct

from casuskit.word import package
from casuskit.word.blocks import Field, PageBreak, Paragraph, Picture, Run
from casuskit.word.emit import Emitter, escape
from casuskit.word.reference import (HOLE, HOLE_DATE_TEXT, Page, PageLayout, Prepared,
                                     Reference, open_reference)

PAGE_NUMBERS = [Run("pagina "), Field("PAGE"), Run(" van "), Field("NUMPAGES")]


class Document:
    """One Word document being written.

    ``layout`` gives the page other margins than the reference's; ``header`` is ``text`` (the
    reference's header and footer, with :meth:`header` and :meth:`footer` text on their first
    line), ``blank`` (emptied) or ``none`` (no header or footer at all, as on cut sheets).
    """

    def __init__(self, reference: Reference | None = None, layout: PageLayout | None = None,
                 header: str = "text"):
        self.reference = reference or open_reference()
        self._prepared: Prepared = self.reference.prepared(layout, header)
        self._body: list[str] = []
        self._emitter = Emitter(self.reference.styles, self._body, self._picture)
        self.blocks: list = []  # every block of the body, in order (for page estimates)
        self._header: list = []
        self._footer: list = []
        self._lists: list[str] = []
        self._num_ids = set(self._prepared.num_ids)
        self._pictures: list[tuple[str, bytes]] = []  # (rId, png)
        self._properties = {"title": "", "subject": "", "organisation": "", "keywords": ""}

    # -- metadata, header and footer ---------------------------------------------------------

    def properties(self, title: str, subject: str = "", organisation: str = "",
                   keywords: str | list[str] = "") -> None:
        """Title, subject, keywords, and the organisation as author and company."""
        self._properties = {"title": title, "subject": subject, "organisation": organisation,
                            "keywords": "; ".join(keywords) if isinstance(keywords, (list, tuple))
                            else keywords}

    def header(self, *runs) -> None:
        """The text of the header's first line (after a logo the reference has there)."""
        self._header = [Run(run) if isinstance(run, str) else run for run in runs]

    def footer(self, *runs) -> None:
        """The text of the footer's first line; :data:`PAGE_NUMBERS` gives 'pagina 1 van 3'."""
        self._footer = [Run(run) if isinstance(run, str) else run for run in runs]

    @property
    def text_width_mm(self) -> float:
        """Width between the page margins."""
        return self._prepared.text_width_mm

    @property
    def page(self) -> Page:
        """The page: paper, margins, and how far header and footer reach into it."""
        return self._prepared.page

    # -- content ----------------------------------------------------------------------------

    def add(self, *blocks) -> None:
        """Paragraphs, tables and pictures, in order."""
        for block in blocks:
            self._emitter.block(block)
            self.blocks.append(block)

    def _paragraph(self, paragraph: Paragraph) -> None:
        self._emitter.paragraph(paragraph)
        self.blocks.append(paragraph)

    def paragraph(self, text: str = "", style: str | None = "Normal", **flags) -> None:
        """A paragraph of plain ``text`` (none: an empty paragraph); ``flags`` as
        :class:`~casuskit.word.blocks.Paragraph` has them."""
        self._paragraph(Paragraph(style, [Run(text)] if text else [], **flags))

    def heading(self, text: str, level: int, new_page: bool = False) -> None:
        self.paragraph(text, f"Heading {level}", page_break_before=new_page)

    def lead(self, style: str, lead: str, text: str) -> None:
        """A paragraph opening with a bold lead word ("Doe:") in the character style Strong."""
        self._paragraph(Paragraph(style, [Run(lead, "Strong"), Run(" " + text)]))

    def bullets(self, items: list[str], style: str = "List Bullet") -> None:
        for item in items:
            self.paragraph(item, style)

    def numbered(self, items: list[str], style: str = "List Number",
                 keep_together: bool = False) -> None:
        """A numbered list that starts at 1, whatever lists came before; ``keep_together``
        keeps its items on one page."""
        list_id = self.new_list(style) if items else None
        for number, item in enumerate(items, start=1):
            self._paragraph(Paragraph(style, [Run(item)] if item else [], list_id,
                                      keep_with_next=keep_together and number < len(items)))

    def note_lines(self, count: int, style: str = "Notitieregel", keep_first: int = 0) -> None:
        """``count`` ruled writing lines; the first ``keep_first`` stay with the next one."""
        for line in range(count):
            self.paragraph("", style, keep_with_next=line < keep_first)

    def page_break(self, style: str = "Normal") -> None:
        self._paragraph(Paragraph(style, [PageBreak()]))

    def new_list(self, style: str = "List Number", start: int = 1) -> int | None:
        """A fresh instance of the list ``style`` is linked to, restarting at ``start``: give
        its number to every :class:`Paragraph` of that list. None when the house style's
        ``style`` has no numbering (its paragraphs then simply have the style)."""
        prepared = self._prepared
        linked = self.reference.styles.list_num_id(style)
        abstract = prepared.abstract_of.get(linked) if linked is not None else None
        if abstract is None:
            return None
        used = self._num_ids
        num_id = next(n for n in range(1, len(used) + 2) if n not in used)
        used.add(num_id)
        self._lists.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                           f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/>'
                           "</w:lvlOverride></w:num>")
        return num_id

    # -- writing ----------------------------------------------------------------------------

    def to_bytes(self, date: dt.date | dt.datetime | None = None) -> bytes:
        """The .docx; the same content and date always give the same bytes."""
        prepared = self._prepared
        members = dict(prepared.members)
        members[prepared.document.part] = prepared.document.join("".join(self._body))
        for split, runs in ((prepared.header, self._header), (prepared.footer, self._footer)):
            if split is not None:
                members[split.part] = split.join(self._runs(runs))
        if self._lists:
            members[prepared.numbering.part] = prepared.numbering.join("".join(self._lists))
        when = package.zip_timestamp(date)
        members[prepared.core_part] = self._core(when)
        if prepared.app is not None:
            members[prepared.app.part] = prepared.app.join(escape(self._properties["organisation"]))
        if self._pictures:
            self._add_pictures(members)
        return package.write_zip(members, when, prepared.members)

    def _runs(self, runs: list) -> str:
        out: list[str] = []
        Emitter(self.reference.styles, out).paragraph(Paragraph(None, runs))
        return out[0][len("<w:p>"):-len("</w:p>")]

    def _core(self, when: dt.datetime) -> bytes:
        text = self._prepared.core
        for key, value in self._properties.items():
            text = text.replace(HOLE[key], escape(value))
        return text.replace(HOLE_DATE_TEXT, when.strftime("%Y-%m-%dT%H:%M:%SZ")).encode("utf-8")

    # -- pictures -----------------------------------------------------------------------------

    def _picture(self, picture: Picture) -> str:
        """The drawing of ``picture``, sized as Word sizes a picture given its width; its part
        is added when the document is written."""
        number = len(self._pictures) + 1
        rel_id = f"casuskitImage{number}"  # replaced by a real rId in _add_pictures
        self._pictures.append((rel_id, picture.png))
        cx, cy = picture_size(picture.png, picture.width_mm)
        return (
            '<w:drawing><wp:inline '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="Picture {number}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
            '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing>')

    def _add_pictures(self, members: dict[str, bytes]) -> None:
        part = self._prepared.document.part
        folder, _, name = part.rpartition("/")
        rels_name = f"{folder}/_rels/{name}.rels"
        members["[Content_Types].xml"] = package.add_default(members["[Content_Types].xml"],
                                                             "png", "image/png")
        rels = members[rels_name]
        body = members[part].decode("utf-8")
        taken = {name for name in members if name.startswith(f"{folder}/media/")}
        number = 0
        for placeholder, png in self._pictures:
            number += 1
            while f"{folder}/media/image{number}.png" in taken:  # a logo in the header: keep it
                number += 1
            media = f"media/image{number}.png"
            rels, rel_id = package.add_relationship(rels, package.IMAGE, media)
            members[f"{folder}/{media}"] = png
            body = body.replace(f'r:embed="{placeholder}"', f'r:embed="{rel_id}"')
        members[rels_name], members[part] = rels, body.encode("utf-8")


def picture_size(png: bytes, width_mm: float) -> tuple[int, int]:
    """(cx, cy) in EMU of a PNG shown ``width_mm`` wide: its height follows from its pixel
    size and resolution (pHYs; 72 dpi without), rounded as Word and python-docx round it."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    width_px, height_px = struct.unpack(">II", png[16:24])
    dpi = (72, 72)
    at = 8
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", png[at + 8:at + 17])
            if unit == 1:
                dpi = (int(round(x * 0.0254)) or 72, int(round(y * 0.0254)) or 72)
            break
        if kind == b"IDAT":
            break
        at += 12 + length
    native_w = int(width_px / dpi[0] * 914400)
    native_h = int(height_px / dpi[1] * 914400)
    cx = int(width_mm * 36000)
    return cx, round(native_h * (float(cx) / float(native_w)))
