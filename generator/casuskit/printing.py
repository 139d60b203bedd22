"""What a kit prints, as plain data that outlives the build: print items and a kit's print plan.

Each document kind says what to print of its files (:class:`PrintItem`); a built kit's
:class:`KitPrint` gathers them with what the build summary, ``printlijst.txt`` and the print pack
show about the kit. The build manifest keeps every kit's plan, so ``--pdf`` makes a print pack
for a kit that did not change without loading or planning anything again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

DUPLEX = {"duplex-lange-zijde": "dubbelzijdig, omslaan over de lange zijde",
          "duplex-korte-zijde": "dubbelzijdig, omslaan over de korte zijde",
          "geen": "enkelzijdig"}
SIMPLEX = DUPLEX["geen"]
DOUBLE = DUPLEX["duplex-lange-zijde"]


@dataclass(frozen=True)
class PrintItem:
    """One file to print: how many copies, how (``sides``), why (``note``), and what people
    call it (``label``, in the draaiboek's checklist). ``spare`` of the copies are reserve, for
    walk-ins (the print list shows them apart)."""

    file: str
    copies: int
    sides: str
    note: str = ""
    label: str = ""
    spare: int = 0

    @property
    def counted(self) -> str:
        """'7 ×', or '7 + 2 ×' with two spare copies."""
        return f"{self.copies - self.spare} + {self.spare} ×" if self.spare else f"{self.copies} ×"


@dataclass
class KitPrint:
    """A built kit as the print step sees it: its output folder, the meeting ("Heerhugowaard
    Noord · ronde 2"), its date and werkvorm, the organisation, what to print, and the .docx
    files that become PDFs (the print items' files, then the calibration page when the kit
    prints cards).

    For ``printlijst.txt`` too: its ``heading`` lines, whether it prints cards (and their
    ``backs``), notes on the card sheets and the fonts measured, the ``pages`` of each
    document (estimated, or ``counted`` in its PDF) and ``pdf_note``, a line on PDFs that were
    removed because they showed an older version.
    """

    kit_id: str
    folder: str
    meeting: str
    date_text: str
    werkvorm: str
    organisation: str
    items: list[PrintItem] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    heading: list[str] = field(default_factory=list)
    cards: bool = False
    backs: bool = False
    notes: list[str] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    counted: bool = False
    pdf_note: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    def share(self, known: dict) -> None:
        """Make what this plan has in common with other kits' plans one object each: ``known``
        maps each text and print item to the one kept. A build holds every kit's plan until it
        ends, and each came from a worker with copies of its own."""
        def one(value):
            return known.setdefault(value, value)
        self.date_text, self.werkvorm, self.organisation = (one(self.date_text), one(self.werkvorm),
                                                           one(self.organisation))
        self.items = [one(item) for item in self.items]  # frozen: sharing one changes nothing
        self.documents = [one(name) for name in self.documents]
        self.heading = [one(line) for line in self.heading]
        self.notes = [one(note) for note in self.notes]
        self.pages = {one(name): pages for name, pages in self.pages.items()}

    @classmethod
    def from_dict(cls, data: dict) -> KitPrint:
        items = [PrintItem(**item) for item in data.get("items", [])]
        return cls(**{**data, "items": items})

    def sheets(self, item: PrintItem) -> int | None:
        """Sheets of A4 for all copies of ``item``; None when its pages are not known."""
        pages = self.pages.get(item.file)
        if pages is None:
            return None
        return item.copies * (pages if item.sides == SIMPLEX else -(-pages // 2))

    def total_sheets(self) -> int | None:
        found = [self.sheets(item) for item in self.items]
        return None if None in found else sum(found)

    def total_pages(self) -> int | None:
        """Printed pages of all copies (blank backs not counted)."""
        found = [self.pages.get(item.file) for item in self.items]
        return None if None in found else sum(item.copies * self.pages[item.file] for item in self.items)
