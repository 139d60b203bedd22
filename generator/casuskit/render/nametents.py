"""Name tents (``naambordjes.docx``): one per person in the room, one A4 each, readable from both
sides.

Each A4 (portrait) is folded once along its long middle line into a long, low tent: two faces
of 297 × 105 mm, as from an A4 landscape sheet folded lengthwise. The two halves are the two
cells of a one-row table. Their text is turned a quarter in opposite directions (``tbRl`` left,
``btLr`` right), so on both faces the tops of the letters point at the fold, and once the tent
stands with the fold on top, both faces read right side up. Word and LibreOffice both support
these two cell text directions; the fold line is the dashed border between the cells.

On each face: the name, the organisation, and the role as a word on the role's band, in the
project's colour for that role (:mod:`casuskit.rolecolours`, the same as on the table sheets).
Everyone in the room gets one: the participants who come (not who cancelled) and the kit's
guests, such as the resident at the table, who get theirs even without a participant list. With
a list, the kit's ``reserve`` adds blank tents for walk-ins, to write on. The texts of a face
are measured in the house style's font (:mod:`casuskit.tentfit`) and made smaller where a long
name or organisation would not fit or break mid-word.
"""

from __future__ import annotations

from casuskit import participants, tentfit, word
from casuskit.errors import BuildFailed, Location, error
from casuskit.plan import KitContext
from casuskit.render.kinds import SIMPLEX, DocumentKind, PrintItem
from casuskit.render.tablesheets import ROLE_STYLES, role_styles, seated_order

FILE_NAME = "naambordjes.docx"
MARGIN_MM = 10
FACE_MM = (210 - 2 * MARGIN_MM) / 2   # width of one half: the height of a face
LENGTH_MM = 262                       # the long side of a face, leaving room for the page break
FOLD = word.Border("dashed", 6, "808080")
PAGE = word.PageLayout((MARGIN_MM,) * 4, header_mm=4, footer_mm=4)
BLANK_NAME = "\u2002"  # an en space: a blank tent keeps the height of a named one


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    people = ordered(ctx)
    if not people:
        return []
    # nothing but the tent on the sheet: header and footer emptied
    doc = ctx.new_document("Naambordjes", f"Naambordjes · {ctx.werkvorm.name}", PAGE, "blank")
    styles = role_styles(ctx, people)
    sizes, problems = tent_sizes(ctx, people, styles)
    if problems:
        raise BuildFailed(problems)
    faces = [_face(person.name, person.organisation, role_text(person), styles[person.role], size)
             for person, size in zip(people, sizes)]
    faces += [_face(BLANK_NAME, "", "", "Naambordje Organisatie", NATURAL)] * blanks(ctx)
    for index, face in enumerate(faces):
        cells = [word.Cell(face, text_direction=direction, valign="center")
                 for direction in ("tbRl", "btLr")]
        doc.add(word.Table([FACE_MM, FACE_MM], [word.Row(cells, LENGTH_MM, exact=True)],
                           style="Kaartraster",
                           borders=word.edges(word.NO_BORDER, insideH=word.NO_BORDER, insideV=FOLD)))
        if index < len(faces) - 1:
            doc.page_break("Klein")
    return [(FILE_NAME, ctx.to_bytes(doc))]


def ordered(ctx: KitContext) -> list:
    """By table, then by name (guests last at their table), so they can be laid out table by
    table; without a participant list only the guests."""
    if ctx.seating is None:
        return participants.guests_of(ctx.kit)
    return [p for people in ctx.seating.tables for p in seated_order(people)]


def blanks(ctx: KitContext) -> int:
    """Blank tents for walk-ins: the kit's reserve, where everyone else has a tent too."""
    return ctx.reserve if ctx.seating is not None else 0


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
            where, fix = _source(ctx, person)
            problems.append(error(
                "naambordje-te-vol", f"het naambordje van {person.name} past niet: de naam, "
                "organisatie of rol is te lang voor het bordje", where,
                f"Kort de organisatie of de functie {fix} in, of gebruik in de "
                "huisstijl een smaller lettertype voor Naambordje Naam."))
    return sizes, problems


def _source(ctx: KitContext, person) -> tuple[Location | None, str]:
    """Where ``person`` is written down: the participant list, or the kit for a guest."""
    if person.guest:
        index = next(i for i, guest in enumerate(ctx.kit.guests) if guest.name == person.name)
        return ctx.locate(ctx.kit.id, ("gasten", index)), "bij de gasten in de kit"
    return Location(ctx.seating.listed.file, person.line, 1), "in de deelnemerslijst"


NATURAL = tentfit.Face(None, None, None)  # every text at its style's size


def _face(name: str, organisation: str, role: str, band_style: str,
          sizes: tentfit.Face) -> list[word.Paragraph]:
    P, Run = word.Paragraph, word.Run
    return [P("Naambordje Naam", [Run(name)], size_pt=sizes.name),
            P("Naambordje Organisatie", [Run(organisation or " ")], size_pt=sizes.organisation),
            P(band_style, [Run(role or " ", "Naambordje Rol")], size_pt=sizes.role)]


def files(ctx: KitContext) -> list[str]:
    return [FILE_NAME] if ctx.seating is not None or ctx.kit.guests else []


def print_items(ctx: KitContext) -> list[PrintItem]:
    people = ordered(ctx)
    guests = sum(1 for p in people if p.guest)
    parts = [f"{len(people) - guests} deelnemers"] if ctx.seating is not None else []
    parts += [f"{guests} {'gast' if guests == 1 else 'gasten'}"] if guests else []
    parts += [f"{blanks(ctx)} blanco als reserve"] if blanks(ctx) else []
    where = "" if ctx.seating is not None else "; zonder deelnemerslijst alleen voor de gasten"
    sheets = len(people) + blanks(ctx)
    return [PrintItem(FILE_NAME, 1, SIMPLEX,
                      f"{sheets} {'vel' if sheets == 1 else 'vellen'}: {', '.join(parts)}{where}; vouw elk vel "
                      "in de lengte dubbel langs de stippellijn, de bedrukte kant naar buiten",
                      "Naambordjes")]


KIND = DocumentKind(
    "naambordjes", render, files, print_items,
    ("Naambordje Naam", "Naambordje Organisatie", "Klein", *(f"Rolband {n}" for n in range(1, ROLE_STYLES + 1))),
    ("Naambordje Rol",), ("Kaartraster",))
