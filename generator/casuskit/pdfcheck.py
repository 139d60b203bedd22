"""Verify on paper: every fixed box of a rendered PDF holds all the words written in it.

Cards, the calibration page and name tents are measured before they are written
(:mod:`casuskit.cardfit`, :mod:`casuskit.tentfit`), but only the rendered page shows what the
printer will get. :func:`clipped` reads back where each box of a sheet document lies and what
was written in it (:func:`casuskit.word.inspect.fixed_cells`), extracts the words inside that
rectangle of the PDF page (pdfium) and compares: a word that is not there was clipped. A sheet
document with more pages than sheets has one that ran over. :func:`problems` turns what was
found into build errors that name the kit, the card, its YAML field and the missing words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from casuskit.errors import Diagnostic, error
from casuskit.word.inspect import fixed_cells

MM_TO_PT = 72 / 25.4
CARD_ID = re.compile(r"^\S+ · \S+ · \d\d$")
SHOWN_WORDS = 12


@dataclass(frozen=True)
class Clipped:
    """Words of one box that are not on the PDF page, or (no box) pages too many."""

    document: str
    page: int          # 1-based; 0 for the document as a whole
    text: str          # the box's text as written
    missing: tuple[str, ...]
    pages: tuple[int, int] = (0, 0)  # (sheets written, pages printed) when they differ


def clipped(name: str, docx: bytes, pdf: bytes) -> list[Clipped]:
    """What of ``docx``'s fixed boxes is missing from its rendering ``pdf``."""
    sheets = fixed_cells(docx)
    if sheets is None:
        return []
    import pypdfium2
    document = pypdfium2.PdfDocument(pdf)
    try:
        found: list[Clipped] = []
        if len(document) != sheets.pages:
            found.append(Clipped(name, 0, "", (), (sheets.pages, len(document))))
        pages: dict[int, tuple] = {}
        for cell in sheets.cells:
            if cell.page >= len(document):
                found.append(Clipped(name, cell.page + 1, cell.text, tuple(cell.text.split())))
                continue
            if cell.page not in pages:
                page = document[cell.page]
                pages[cell.page] = (page.get_textpage(), page.get_size()[1])
            text_page, height = pages[cell.page]
            on_paper = text_page.get_text_bounded(
                left=cell.left * MM_TO_PT, bottom=height - cell.bottom * MM_TO_PT,
                right=cell.right * MM_TO_PT, top=height - cell.top * MM_TO_PT)
            missing = missing_words(cell.text, on_paper)
            if missing:
                found.append(Clipped(name, cell.page + 1, cell.text, tuple(missing)))
        return found
    finally:
        document.close()


def _plain(text: str) -> str:
    """Text as compared: pdfium marks a hyphen where a line breaks as U+0002."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\x02", "-")
    return text.replace("\u2010", "-").replace("\u2011", "-").casefold()


def missing_words(written: str, on_paper: str) -> list[str]:
    """The words of ``written`` that are not on paper, in order. Spaces and line breaks do not
    count (a word broken at a hyphen or a space moved to the next line is still there); caps
    styles print upper case."""
    stream = "".join(_plain(on_paper).split())
    missing, at = [], 0
    for word in written.split():
        found = stream.find(_plain(word), at)
        if found < 0:
            missing.append(word)
        else:
            at = found + len(_plain(word))
    return missing


def problems(kit_id: str, clips: list[Clipped], cards: dict, locate) -> list[Diagnostic]:
    """Build errors for what was clipped in kit ``kit_id``. ``cards`` maps a card id to its
    :class:`~casuskit.cardset.Card`; ``locate(card, path)`` gives the YAML location."""
    found = []
    for clip in clips:
        if clip.page == 0:
            written, printed = clip.pages
            found.append(error(
                "vel-loopt-over", f"{clip.document} van kit {kit_id} telt {printed} pagina's in "
                f"plaats van {written}: een vel loopt over op een volgende pagina", None,
                "Meld dit aan de beheerder van casuskit, met de huisstijl van het project."))
            continue
        lines = clip.text.split("\n")
        card_id = next((line for line in (lines[0], lines[-1]) if CARD_ID.match(line)), None)
        card = cards.get(card_id)
        shown = " ".join(clip.missing[:SHOWN_WORDS]) + (" …" if len(clip.missing) > SHOWN_WORDS else "")
        count = f"{len(clip.missing)} {'woord ontbreekt' if len(clip.missing) == 1 else 'woorden ontbreken'}"
        if card is None:
            what = "naambordje" if clip.document.startswith("naambordjes") else "vak"
            found.append(error(
                "pdf-afgekapt", f"{what} '{lines[0]}' op pagina {clip.page} van {clip.document} "
                f"(kit {kit_id}) is op papier afgekapt: {count}", None,
                "Kort de tekst in, of kies in de huisstijl een smaller of kleiner lettertype.",
                notes=(f"ontbreekt op papier: {shown}",)))
            continue
        front = lines[0] == card_id
        path = card.source_path if front else ("titel",)
        field = " → ".join(f"nr. {p + 1}" if isinstance(p, int) else p for p in path)
        side = "" if front else " (achterkant)"
        found.append(error(
            "kaart-afgekapt", f"kaart {card.id} ({card.label}){side} is in {clip.document} op "
            f"papier afgekapt: {count}", locate(card, path),
            "casuskit had deze kaart gemeten en passend bevonden; op papier meet het lettertype "
            "anders. Kort de tekst in, of kies in de kit een groter kaartformaat.",
            notes=(f"kit {kit_id}, pagina {clip.page}; veld: {field}",
                   f"ontbreekt op papier: {shown}")))
    return found
