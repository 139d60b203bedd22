"""The print pack (``printpakket.pdf``): a kit in one PDF, printed in one go.

Every document of the kit's print items (:class:`~casuskit.printing.KitPrint`) in their
order, as many times as it is printed. The whole pack is printed the same way: A4, double-sided,
flipped on the long edge, at 100 %. So that every document still comes out right:

- a double-sided document with an odd page count gets a blank page after each copy, so the
  next copy starts on a fresh sheet;
- a single-sided document (cards without backs) gets a blank back after every page;
- a document meant to be flipped on the short edge gets its backs turned upside down
  (``/Rotate 180``), which is the same thing on a sheet flipped on the long edge.

Each document gets a bookmark with its pages, so a part can be reprinted; ``printlijst.txt``
says how to print the pack (see :data:`PACK_SETTINGS`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from casuskit.printing import DUPLEX, KitPrint
from casuskit.render.printlist import PACK_NAME, PACK_SETTINGS

__all__ = ["PACK_NAME", "PACK_SETTINGS", "Entry", "build_pack", "made_from", "over_budget",
           "pdf_name"]
# How many pages a document may take; a hand-out is one A4 a participant can take home.
PAGE_BUDGET = {"hand-out-": 1}
PAGES = "pagina's"
SOURCE_KEY = "/CasuskitBron"


@dataclass(frozen=True)
class Entry:
    """One document in the pack: pages per copy, blank pages added per copy, page range."""

    file: str
    copies: int
    pages: int
    blanks: int
    first: int
    last: int
    how: str  # simplex / duplex / duplex short edge, as the print list says


def page_count(data: bytes) -> int:
    """The number of pages of a PDF."""
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(data)).pages)


def _pages(count: int) -> str:
    return f"{count} pagina" if count == 1 else f"{count} {PAGES}"


def pdf_name(docx_name: str) -> str:
    return docx_name.removesuffix(".docx") + ".pdf"


def build_pack(kit: KitPrint, pdfs: dict[str, bytes], source: str = "") -> tuple[bytes, list[Entry]]:
    """The pack for ``kit`` from its documents' PDFs ({"draaiboek.pdf": bytes, …}); ``source``
    (a hash of what it is made from) is kept in its metadata for :func:`made_from`."""
    from pypdf import PdfReader, PdfWriter

    writer, entries = PdfWriter(), []
    writer.page_mode = "/UseOutlines"  # viewers open with the bookmarks showing
    for item in kit.items:
        name = pdf_name(item.file)
        pages = PdfReader(io.BytesIO(pdfs[name])).pages
        simplex = item.sides == DUPLEX["geen"]
        short_edge = item.sides == DUPLEX["duplex-korte-zijde"]
        first = len(writer.pages) + 1
        for _ in range(item.copies):
            for number, page in enumerate(pages):
                added = writer.add_page(page)
                if short_edge and number % 2 == 1:
                    added.rotate(180)
                if simplex:
                    writer.add_blank_page(float(page.mediabox.width), float(page.mediabox.height))
            if not simplex and len(pages) % 2:
                last = pages[-1]
                writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
        blanks = len(pages) if simplex else len(pages) % 2
        entries.append(Entry(name, item.copies, len(pages), blanks, first, len(writer.pages),
                             item.sides))
        sheets = (len(writer.pages) - first + 1) // 2  # the pack is printed double-sided
        writer.add_outline_item(title=f"{name} · {item.copies} × · pagina {first}–{len(writer.pages)}"
                                      f" · {sheets} {'vel' if sheets == 1 else 'vellen'}",
                                page_number=first - 1)
    writer.add_metadata({"/Title": f"Printpakket · {kit.meeting}",
                         "/Subject": f"{len(writer.pages)} pagina's op {len(writer.pages) // 2} "
                                     "vellen A4, dubbelzijdig",
                         "/Author": kit.organisation, "/Creator": "casuskit",
                         SOURCE_KEY: source})
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue(), entries


def made_from(path) -> str | None:
    """The source hash a pack was made from; None when there is no (readable) pack."""
    from pypdf import PdfReader
    try:
        info = PdfReader(path).metadata
    except Exception:  # missing, half-written or not a PDF: make it again
        return None
    return str(info.get(SOURCE_KEY)) if info and SOURCE_KEY in info else None


def over_budget(pdfs: dict[str, bytes]) -> list[str]:
    """A Dutch warning for each document longer than its page budget."""
    from pypdf import PdfReader
    problems = []
    for name, data in sorted(pdfs.items()):
        for prefix, budget in PAGE_BUDGET.items():
            pages = len(PdfReader(io.BytesIO(data)).pages) if name.startswith(prefix) else 0
            if pages > budget:
                problems.append(f"{name} telt {_pages(pages)}; een hand-out hoort op "
                                f"{_pages(budget)} te passen. Kort de "
                                "situatie of de vragen in de casus in.")
    return problems
