"""Builds the default reference document (house style), ``data/referentie.docx``.

Like pandoc's ``--reference-doc``: a lean .docx that holds only the styles casuskit uses, an
A4 portrait page with 20 mm margins, Dutch (nl-NL) language, list numbering for "List Bullet" /
"List Number", an (empty) header and footer, and one specimen paragraph per style for
facilitators who restyle it; the body is dropped when a document is started from it
(:mod:`casuskit.word.reference`). The package's skeleton parts are data files
(``data/referentie-skelet/``); the styles are defined here, with python-docx and
:mod:`casuskit.word.styledef`; the specimen is written by the one emitter, like every document.
The build is reproducible; regenerate the shipped file with::

    python -m casuskit.word.reference_build generator/casuskit/data/referentie.docx
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
import sys
import zipfile
from importlib import resources

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.shared import Pt, RGBColor, Twips

from casuskit.word import styledef
from casuskit.word.blocks import Border, Cell, Paragraph, Row, Run, Table, edges
from casuskit.word.document import Document
from casuskit.word.reference import Reference
from casuskit.word.units import mm_to_twips

BUILD_DATE = dt.datetime(2025, 1, 1, 12, 0, 0)
FONT = "Calibri"  # LibreOffice shows the metric-compatible Carlito
BODY_PT = 10.5
TEAL, TEAL_LIGHT, GREY, RULE = "0F5563", "E3EEF0", "595959", "A6A6A6"
AMBER, AMBER_LIGHT = "8A5A00", "FFF3D6"
TEXT_WIDTH_MM = 170  # A4 minus two 20 mm margins
# Card category bands: (fill, text colour). Five clearly different grey levels (luma about
# 0.15 / 0.35 / 0.57 / 0.76 / 0.90), so the bands stay apart on a greyscale printer too;
# white text on the two dark fills, near-black on the light ones (contrast >= 5.8:1).
BAND_COLOURS = {"Rol": ("2E1A47", "FFFFFF"), "Vraag": ("1F6E7E", "FFFFFF"),
                "Dilemma": ("E07B39", "1A1A1A"), "Signaal": ("F2C14E", "1A1A1A"),
                "Fase": ("D4ECEA", "1A1A1A")}
BAND_PAD_PT = (2, 3)  # padding of the band around its word: (top/bottom, left/right)
# Role colours on name tents and table sheets, one per role across a project (casuskit.rolecolours):
# "Rolband 1" … "Rolband 8" are filled bands, distinct grey levels too, white text on dark fills,
# near-black on light ones; "Rolband 9" … "Rolband 16" the same colours as a thick outline round
# near-black text on white, the second cue when a meeting has more roles than colours.
ROLE_COLOURS = [("1F6E7E", "FFFFFF"), ("F2C14E", "1A1A1A"), ("2E1A47", "FFFFFF"),
                ("9CC3E6", "1A1A1A"), ("9B2335", "FFFFFF"), ("D4ECEA", "1A1A1A"),
                ("3C7A3E", "FFFFFF"), ("E07B39", "1A1A1A")]
ROLE_OUTLINE_EIGHTHS = 24  # 3 pt: an outline that reads as a frame, not a hairline

SKELETON = "referentie-skelet"


@dataclass(frozen=True)
class Palette:
    """The accent colour of a house style and the tints made from it: titles, headings, the
    DOE/ZEG bars and their shading, card categories and backs, table header rows."""

    accent: str = TEAL
    light: str = TEAL_LIGHT     # DOE shading
    header: str = "D5E6EA"      # the header row of "Casuskit Tabel"

    @classmethod
    def of(cls, accent: str | None) -> "Palette":
        """The shipped teal, or ``accent`` (RRGGBB) with tints mixed towards white."""
        if accent is None:
            return cls()
        accent = accent.upper()
        return cls(accent, tint(accent, 0.88), tint(accent, 0.825))


def tint(colour: str, white: float) -> str:
    """``colour`` (RRGGBB) mixed with ``white`` parts of white."""
    channels = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c + (255 - c) * white):02X}" for c in channels)


def _blank_package() -> bytes:
    """The skeleton parts (content types, relationships, an empty body, settings, properties)
    as a zip python-docx can open."""
    folder = resources.files("casuskit").joinpath("data", SKELETON)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name in SKELETON_PARTS:
            package.writestr(name, folder.joinpath(*name.split("/")).read_bytes())
    return buffer.getvalue()


SKELETON_PARTS = ("[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                  "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml",
                  "word/numbering.xml", "word/settings.xml")


def _style(styles, name, kind=WD_STYLE_TYPE.PARAGRAPH, style_id=None, base="Normal",
           next_style=None, builtin=False, size=None, bold=None, italic=None, color=None,
           caps=None, before=None, after=None, line=None, align=None, keep_next=None,
           keep_lines=None, left_mm=None, right_mm=None):
    """Add one style; ``line`` is a multiple (float) or exact height in mm (str)."""
    style = styles.add_style(name, kind, builtin=builtin)
    style.style_id = style_id or name.replace(" ", "")
    if base is not None:
        style.base_style = styles[base]
    style.quick_style = True
    font = style.font
    for attr, value in (("bold", bold), ("italic", italic), ("all_caps", caps)):
        if value is not None:
            setattr(font, attr, value)
    if size is not None:
        font.size = Pt(size)
    if color is not None:
        font.color.rgb = RGBColor.from_string(color)
    if kind == WD_STYLE_TYPE.CHARACTER:
        return style
    if next_style is not None:
        style.next_paragraph_style = styles[next_style]
    fmt = style.paragraph_format
    for attr, value in (("space_before", before), ("space_after", after)):
        if value is not None:
            setattr(fmt, attr, Pt(value))
    if isinstance(line, str):
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Twips(mm_to_twips(float(line)))
    elif line is not None:
        fmt.line_spacing = line
    for attr, value in (("alignment", align), ("keep_with_next", keep_next),
                        ("keep_together", keep_lines)):
        if value is not None:
            setattr(fmt, attr, value)
    if left_mm is not None:
        fmt.left_indent = Twips(mm_to_twips(left_mm))
    if right_mm is not None:
        fmt.right_indent = Twips(mm_to_twips(right_mm))
    return style


def _add_base_styles(styles) -> None:
    normal = _style(styles, "Normal", base=None, builtin=True)
    styledef.set_default_style(normal)
    normal.paragraph_format.widow_control = True
    dpf = _style(styles, "Default Paragraph Font", WD_STYLE_TYPE.CHARACTER, base=None,
                 builtin=True)
    styledef.set_default_style(dpf)
    table_normal = _style(styles, "Normal Table", WD_STYLE_TYPE.TABLE, style_id="TableNormal",
                          base=None, builtin=True)
    styledef.set_default_style(table_normal)
    styledef.set_cell_margins(table_normal, top=0, bottom=0, left=1.9, right=1.9)
    for style in (dpf, table_normal):
        style.quick_style, style.hidden, style.unhide_when_used = False, True, True


def _add_text_styles(styles, palette: Palette) -> None:
    heading = dict(builtin=True, bold=True, color=palette.accent, keep_next=True, keep_lines=True,
                   line=1.0, next_style="Normal")
    _style(styles, "Title", builtin=True, size=26, bold=True, color=palette.accent, after=4, line=1.0,
           keep_next=True)
    _style(styles, "Subtitle", builtin=True, size=13, color=GREY, after=14)
    for level, (size, before, after) in enumerate(((16, 18, 6), (13, 14, 4), (11, 10, 3))):
        style = _style(styles, f"Heading {level + 1}", style_id=f"Heading{level + 1}", size=size,
                       before=before, after=after, **heading)
        styledef.set_outline_level(style, level)
    h1 = styles["Heading 1"]
    styledef.set_paragraph_borders(h1, bottom=Border("single", 6, palette.accent, 2))
    _style(styles, "List Bullet", builtin=True, after=3)
    _style(styles, "List Number", builtin=True, after=3)
    for name in ("Header", "Footer"):
        style = _style(styles, name, builtin=True, size=8.5, color=GREY, after=0, line=1.0)
        tabs = style.paragraph_format.tab_stops
        tabs.add_tab_stop(Twips(mm_to_twips(TEXT_WIDTH_MM / 2)), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Twips(mm_to_twips(TEXT_WIDTH_MM)), WD_TAB_ALIGNMENT.RIGHT)
    _style(styles, "Caption", builtin=True, size=9, italic=True, color=GREY, before=3, after=8)
    _style(styles, "Quote", builtin=True, italic=True, color="404040", left_mm=8, right_mm=8,
           before=6, after=6)
    _style(styles, "Strong", WD_STYLE_TYPE.CHARACTER, base=None, builtin=True, bold=True)
    _style(styles, "Emphasis", WD_STYLE_TYPE.CHARACTER, base=None, builtin=True, italic=True)
    _style(styles, "Klein", size=9, color="404040", after=3)  # a participant reads it too: 9 pt, dark
    _style(styles, "Omslag Gegevens", size=12, color="404040", after=4)


def _add_guide_styles(styles, palette: Palette) -> None:
    """Facilitator-guide styles: instructions, note lines and table text."""
    block = dict(before=4, after=4, left_mm=3, right_mm=1, keep_lines=True,
                 next_style="Normal")
    doe = _style(styles, "DOE", **block)
    styledef.set_paragraph_borders(doe, left=Border("single", 24, palette.accent, 6))
    styledef.set_paragraph_shading(doe, palette.light)
    zeg = _style(styles, "ZEG", italic=True, **block)
    styledef.set_paragraph_borders(zeg, left=Border("double", 12, palette.accent, 7))
    let_op = _style(styles, "Let op", style_id="LetOp", **block)
    styledef.set_paragraph_borders(let_op, **edges(Border("single", 8, AMBER, 4)))
    styledef.set_paragraph_shading(let_op, AMBER_LIGHT)
    note = _style(styles, "Notitieregel", before=0, after=0, line="9", next_style="Notitieregel")
    styledef.set_paragraph_borders(note, bottom=Border("single", 4, RULE, 0),
                                between=Border("single", 4, RULE, 0))
    _style(styles, "Tabelkop", size=10, bold=True, after=0, line=1.0, keep_next=True)
    _style(styles, "Tabeltekst", size=10, after=0, line=1.0)


def _add_card_styles(styles, palette: Palette) -> None:
    _style(styles, "Kaart Categorie", size=8, bold=True, caps=True, color=palette.accent, after=2,
           line=1.0, keep_next=True, next_style="Normal")
    _style(styles, "Kaart Titel", size=13, bold=True, color="1A1A1A", after=4, line=1.0,
           keep_next=True)
    _style(styles, "Kaart Tekst", size=10, after=3, line=1.05)
    _style(styles, "Kaart Id", size=7, color="7F7F7F", after=0, line=1.0,
           align=WD_ALIGN_PARAGRAPH.RIGHT)
    _style(styles, "Kaart Achterkant", size=16, bold=True, color=palette.accent, after=0, line=1.0,
           align=WD_ALIGN_PARAGRAPH.CENTER)
    styledef.set_character_spacing(styles["Kaart Categorie"], 0.6)
    styles["Kaart Categorie"].next_paragraph_style = styles["Kaart Titel"]
    vertical, horizontal = BAND_PAD_PT
    for word in ("Vraag", "Signaal", "Dilemma", "Fase", "Rol"):
        fill, text = BAND_COLOURS[word]
        band = _style(styles, f"Kaart Band {word}", base="Kaart Categorie", size=9, color=text,
                      before=0, after=4, line=1.0, next_style="Kaart Titel")
        styledef.set_paragraph_shading(band, fill)  # the border in the fill colour pads the band
        styledef.set_paragraph_borders(band, top=Border("single", 4, fill, vertical),
                                    bottom=Border("single", 4, fill, vertical),
                                    left=Border("single", 4, fill, horizontal),
                                    right=Border("single", 4, fill, horizontal))
    styles["Kaart Titel"].next_paragraph_style = styles["Kaart Tekst"]


def _add_meeting_styles(styles) -> None:
    """Name tents, role bands, evaluation-form boxes."""
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _style(styles, "Naambordje Naam", size=44, bold=True, color="1A1A1A", after=4, line=1.0,
           align=centre)
    _style(styles, "Naambordje Organisatie", size=22, color="404040", after=14, line=1.0,
           align=centre)
    for number, (fill, text) in enumerate(ROLE_COLOURS, start=1):
        band = _style(styles, f"Rolband {number}", size=12, bold=True, color=text, before=0,
                      after=0, line=1.0, align=centre)
        styledef.set_paragraph_shading(band, fill)
        styledef.set_paragraph_borders(band, **edges(Border("single", 4, fill, 3)))
    for number, (fill, _) in enumerate(ROLE_COLOURS, start=len(ROLE_COLOURS) + 1):
        band = _style(styles, f"Rolband {number}", size=12, bold=True, color="1A1A1A", before=0,
                      after=0, line=1.0, align=centre)
        styledef.set_paragraph_borders(band, **edges(Border("single", ROLE_OUTLINE_EIGHTHS, fill, 2)))
    _style(styles, "Likert Vakje", size=14, after=0, line=1.0, align=centre)
    _style(styles, "Naambordje Rol", WD_STYLE_TYPE.CHARACTER, base=None, size=20)


def _add_table_styles(styles, palette: Palette) -> None:
    grid = _style(styles, "Casuskit Tabel", WD_STYLE_TYPE.TABLE, base="Normal Table")
    grid.paragraph_format.space_after = Pt(0)
    grid.paragraph_format.line_spacing = 1.0
    styledef.set_table_borders(grid, Border("single", 4, "BFBFBF"))
    styledef.set_cell_margins(grid, top=0.8, bottom=0.8, left=1.9, right=1.9)
    styledef.set_table_style_header(grid, fill=palette.header, bold=True)
    cards = _style(styles, "Kaartraster", WD_STYLE_TYPE.TABLE, base="Normal Table")
    cards.paragraph_format.space_after = Pt(0)
    styledef.set_table_borders(cards, Border("nil"))
    styledef.set_cell_margins(cards, all=3)


def _add_numbering(document) -> None:
    styles = document.styles
    for name, kind in (("List Bullet", "bullet"), ("List Number", "decimal")):
        abstract_id = styledef.add_abstract_numbering(document, kind, styles[name])
        styledef.link_numbering(document, styles[name], abstract_id)


_SPECIMEN = [
    ("Title", "Huisstijl voor casuskit"),
    ("Subtitle", "Pas hier de stijlen aan; de voorbeeldtekst zelf wordt nooit gebruikt."),
    ("Omslag Gegevens", "Omslag Gegevens: datum, locatie en begeleiding van het overleg"),
    ("Heading 1", "Kop 1 (Heading 1)"),
    ("Normal", "Standaardtekst (Normal). Wijzig een stijl via het stijlenvenster en niet "
               "door tekst direct op te maken: casuskit neemt alleen de stijlen over, "
               "bij hun naam. Hernoem of verwijder dus geen stijlen."),
    ("Heading 2", "Kop 2 (Heading 2)"), ("Heading 3", "Kop 3 (Heading 3)"),
    ("List Bullet", "Opsomming (List Bullet)"), ("List Bullet", "Tweede punt"),
    ("List Number", "Genummerde stap (List Number)"), ("List Number", "Tweede stap"),
    ("DOE", "DOE: wat de begeleider doet."), ("ZEG", "ZEG: wat de begeleider zegt."),
    ("Let op", "Let op: waar de begeleider op moet letten."),
    ("Quote", "Citaat (Quote): een uitspraak van een deelnemer."),
    ("Caption", "Bijschrift (Caption) onder de tabel hierboven"),
    ("Notitieregel", ""), ("Notitieregel", ""),
    ("Klein", "Kleine tekst (Klein): bronnen en verantwoording."),
    ("Naambordje Naam", "Naambordje Naam"), ("Naambordje Organisatie", "Naambordje Organisatie"),
    *[(f"Rolband {n}", f"Rolband {n}: de kleur van een rol"
       + (" (omlijnd: als er meer rollen zijn dan kleuren)" if n > 8 else ""))
      for n in range(1, 2 * len(ROLE_COLOURS) + 1)],
    ("Likert Vakje", "\u2610 Likert Vakje"),
    ("Normal", "Gesprekskaarten (tabelstijl Kaartraster):"),
]


def _specimen() -> list:
    """One example of every style, so a facilitator can see and restyle them."""
    blocks = []
    for style, text in _SPECIMEN:
        if style == "Caption":
            blocks.append(_specimen_table())
        runs = [Run(text)] if text else []
        if style == "Rolband 1":  # on name tents the role word is larger
            runs.append(Run(" · Naambordje Rol", "Naambordje Rol"))
        if text.startswith("Standaardtekst"):
            runs += [Run(" Vet (Strong)", "Strong"), Run(" en cursief (Emphasis).", "Emphasis")]
        blocks.append(Paragraph(style, runs))
    return blocks + [_specimen_cards()]


def _cell(*paragraphs: tuple[str, str], **look) -> Cell:
    return Cell([Paragraph(style, [Run(text)]) for style, text in paragraphs], **look)


def _specimen_table() -> Table:
    return Table([60, 110], [Row([_cell(("Tabelkop", "Tabelkop")), _cell(("Tabelkop", "Casuskit Tabel"))]),
                             Row([_cell(("Tabeltekst", "Tabeltekst")), _cell(("Tabeltekst", "inhoud"))])],
                 style="Casuskit Tabel")


def _specimen_cards() -> Table:
    look = dict(borders=edges(Border("dashed", 4, "808080")), valign="center")
    front = _cell(("Kaart Categorie", "Kaart Categorie"), ("Kaart Titel", "Kaart Titel"),
                  ("Kaart Tekst", "Kaart Tekst: de tekst op de voorkant."), ("Kaart Id", "Kaart Id"),
                  **look)
    back = _cell(("Kaart Achterkant", "Kaart Achterkant"), **look)
    bands = _cell(*((f"Kaart Band {word}", word)
                    for word in ("Vraag", "Signaal", "Dilemma", "Fase", "Rol")), **look)
    note = _cell(("Kaart Tekst", "Kleurbanden (Kaart Band …): het woord blijft in grijs leesbaar."),
                 **look)
    return Table([85, 85], [Row([front, back]), Row([bands, note])], style="Kaartraster")


def _styled_package(palette: Palette, font: str) -> bytes:
    """The skeleton with every style, the list numbering, the A4 page and an empty header and
    footer: a reference without a body yet."""
    document = docx.Document(io.BytesIO(_blank_package()))
    styledef.set_doc_defaults(document, font, BODY_PT, "nl-NL", space_after_pt=6,
                              line_spacing=1.1)
    styles = document.styles
    _add_base_styles(styles)
    _add_text_styles(styles, palette)
    _add_guide_styles(styles, palette)
    _add_card_styles(styles, palette)
    _add_meeting_styles(styles)
    _add_table_styles(styles, palette)
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            styledef.set_language(style, "nl-NL")
    _add_numbering(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    for name, mm in (("top_margin", 20), ("right_margin", 20), ("bottom_margin", 20),
                     ("left_margin", 20), ("header_distance", 10), ("footer_distance", 10),
                     ("gutter", 0)):
        setattr(section, name, Twips(mm_to_twips(mm)))
    for story, name in ((section.header, "Header"), (section.footer, "Footer")):
        story.is_linked_to_previous = False
        story.paragraphs[0].style = styles[name]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_default_reference(accent: str | None = None, font: str | None = None) -> bytes:
    """The bytes of ``data/referentie.docx``; the same on every run. ``accent`` (RRGGBB)
    replaces the teal and its tints, ``font`` the font of every style (the document default)."""
    doc = Document(Reference(_styled_package(Palette.of(accent), font or FONT), "referentie"))
    doc.properties("Casuskit huisstijl", "Referentiedocument met de stijlen van casuskit",
                   "casuskit", "casuskit; huisstijl")
    doc.add(*_specimen())
    return doc.to_bytes(BUILD_DATE)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("gebruik: python -m casuskit.reference_doc UITVOERBESTAND.docx", file=sys.stderr)
        return 2
    with open(args[0], "wb") as out:
        out.write(build_default_reference())
    return 0


if __name__ == "__main__":
    sys.exit(main())
