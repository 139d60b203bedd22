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
    prints cards)."""

    kit_id: str
    folder: str
    meeting: str
    date_text: str
    werkvorm: str
    organisation: str
    items: list[PrintItem] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> KitPrint:
        items = [PrintItem(**item) for item in data.get("items", [])]
        return cls(**{**data, "items": items})
