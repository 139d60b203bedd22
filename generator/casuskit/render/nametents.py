"""Name tents (``naambordjes.docx``): one per person, one A4 each, readable from both sides.

Each A4 (portrait) is folded once along its long middle line into a long, low tent: two faces
of 297 × 105 mm, as from an A4 landscape sheet folded lengthwise. The two halves are the two
cells of a one-row table. Their text is turned a quarter in opposite directions (``tbRl`` left,
``btLr`` right), so on both faces the tops of the letters point at the fold, and once the tent
stands with the fold on top, both faces read right side up. Word and LibreOffice both support
these two cell text directions; the fold line is the dashed border between the cells.

On each face: the name, the organisation, and the role as a word on the role's colour band
(``Rolband 1`` … ``Rolband 8``, the same colours as on the table sheets). The texts of a face
are measured in the house style's font (:mod:`casuskit.tentfit`) and made smaller where a long
name or organisation would not fit or break mid-word.
"""

from __future__ import annotations

from casuskit import tentfit, word
from casuskit.errors import BuildFailed, Location, error
from casuskit.plan import KitContext
from casuskit.render.kinds import SIMPLEX, DocumentKind, PrintItem
from casuskit.render.tablesheets import ROLE_STYLES, role_styles

FILE_NAME = "naambordjes.docx"
MARGIN_MM = 10
FACE_MM = (210 - 2 * MARGIN_MM) / 2   # width of one half: the height of a face
LENGTH_MM = 262                       # the long side of a face, leaving room for the page break
FOLD = word.Border("dashed", 6, "808080")
PAGE = word.PageLayout((MARGIN_MM,) * 4, header_mm=4, footer_mm=4)


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    if ctx.seating is None:
        return []
    # nothing but the tent on the sheet: header and footer emptied
    doc = ctx.new_document("Naambordjes", f"Naambordjes · {ctx.werkvorm.name}", PAGE, "blank")
    styles = role_styles(ctx)
    people = ordered(ctx)
    sizes, problems = tent_sizes(ctx, people, styles)
    if problems:
        raise BuildFailed(problems)
    for index, person in enumerate(people):
        faces = [word.Cell(_face(person, styles[person.role], sizes[index]),
                           text_direction=direction, valign="center")
                 for direction in ("tbRl", "btLr")]
        doc.add(word.Table([FACE_MM, FACE_MM], [word.Row(faces, LENGTH_MM, exact=True)],
                           style="Kaartraster",
                           borders=word.edges(word.NO_BORDER, insideH=word.NO_BORDER, insideV=FOLD)))
        if index < len(people) - 1:
            doc.page_break("Klein")
    return [(FILE_NAME, ctx.to_bytes(doc))]


def ordered(ctx: KitContext) -> list:
    """By table, then by name, so they can be laid out table by table; no-shows last."""
    seated = [p for people in ctx.seating.tables for p in sorted(people, key=lambda p: p.key)]
    return seated + sorted(ctx.seating.absent, key=lambda p: p.key)


def role_text(person) -> str:
    return person.role_label + (f" · {person.function}" if person.function else "")


def tent_sizes(ctx: KitContext, people: list, styles: dict) -> tuple[list, list]:
    """Per person the font sizes that fit a face (:mod:`casuskit.tentfit`), and a
    naambordje-te-vol error for each person whose texts fit at no size."""
    pad = ctx.reference.styles.table_cell_margins_mm("Kaartraster", ("top", "bottom"))
    sides = ctx.reference.styles.table_cell_margins_mm("Kaartraster")
    sizes, problems = [], []
    for person in people:
        found = tentfit.face_sizes(ctx.reference.styles, person.name, person.organisation,
                                   styles[person.role], role_text(person), "Naambordje Rol",
                                   LENGTH_MM - sum(pad), FACE_MM - sum(sides))
        sizes.append(found)
        if found is None:
            problems.append(error(
                "naambordje-te-vol", f"het naambordje van {person.name} past niet: de naam, "
                "organisatie of rol is te lang voor het bordje",
                Location(ctx.seating.listed.file, person.line, 1),
                "Kort de organisatie of de functie in de deelnemerslijst in, of gebruik in de "
                "huisstijl een smaller lettertype voor Naambordje Naam."))
    return sizes, problems


def _face(person, band_style: str, sizes: tentfit.Face) -> list[word.Paragraph]:
    P, Run = word.Paragraph, word.Run
    return [P("Naambordje Naam", [Run(person.name)], size_pt=sizes.name),
            P("Naambordje Organisatie", [Run(person.organisation or " ")], size_pt=sizes.organisation),
            P(band_style, [Run(role_text(person), "Naambordje Rol")], size_pt=sizes.role)]


def print_items(ctx: KitContext) -> list[PrintItem]:
    return [PrintItem(FILE_NAME, 1, SIMPLEX,
                      f"{len(ctx.seating.listed.people)} vellen, één per deelnemer; vouw elk vel "
                      "in de lengte dubbel langs de stippellijn, de bedrukte kant naar buiten",
                      "Naambordjes")]


KIND = DocumentKind(
    "naambordjes", render, lambda ctx: [FILE_NAME] if ctx.seating is not None else [],
    print_items, ("Naambordje Naam", "Naambordje Organisatie", "Klein", *(f"Rolband {n}" for n in range(1, ROLE_STYLES + 1))),
    ("Naambordje Rol",), ("Kaartraster",))
