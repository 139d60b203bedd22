"""PDFs in the incremental record: a kit's PDFs never show an older version of its documents.

``--pdf`` puts a PDF next to every .docx of a kit, and the print pack (and contact sheet) beside
them; the build manifest records them as the kit's ``prints``. When a later build (or a round
of ``watch``) renders the kit again, :func:`settle` decides before anything is written: if the
documents and what is printed of them are byte for byte the same, the PDFs still hold and stay
(with the pages counted in them); otherwise the writer removes them in the same commit, before
it puts the new documents in place, and ``printlijst.txt`` says so. The caller then makes them again where LibreOffice is available
(:func:`casuskit.printready.refresh`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from casuskit.incremental import KitRecord, files_intact
from casuskit.printing import KitPrint
from casuskit.render import printlist

PREVIEW_NAME = "voorbeeld.png"  # casuskit.preview.FILE_NAME (that module loads Pillow)
LIST_NAME = printlist.FILE_NAME
REMOVED = ("PDF's: de PDF's en het printpakket van de vorige versie zijn verwijderd, want de "
           "documenten zijn veranderd. Maak nieuwe met `casuskit build --pdf`.")


def pdf_name(docx_name: str) -> str:
    return docx_name.removesuffix(".docx") + ".pdf"


def print_files(out: Path, kit: KitPrint, old: KitRecord | None) -> list[str]:
    """Output-relative paths of the kit's PDFs, pack and contact sheet that exist now."""
    documents = set(kit.documents) | set(old.printing.documents if old and old.printing else ())
    names = {f"{kit.folder}/{pdf_name(name)}" for name in documents}
    names |= {f"{kit.folder}/{printlist.PACK_NAME}", f"{kit.folder}/{PREVIEW_NAME}"}
    names |= set(old.prints) if old else set()
    return sorted(name for name in names if (out / name).is_file())


def settle(out: Path, old: KitRecord | None, record: KitRecord,
           files: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The kit's files to write (``printlijst.txt`` written again when the PDFs matter to it)
    and the print files (output-relative) to remove, for a kit rendered again. ``record`` is
    the new record: its ``printing`` and ``prints`` are set here; its outputs follow from the
    files."""
    kit = record.printing
    existing = print_files(out, kit, old)
    if not existing:
        return files, []
    written = {f"{kit.folder}/{name}": (len(data), hashlib.sha256(data).hexdigest())
               for name, data in files if name in kit.documents}
    unchanged = (old is not None and old.printing is not None
                 and old.printing.documents == kit.documents and old.printing.items == kit.items
                 and all(tuple(old.outputs.get(name, ())[:2]) == digest
                         for name, digest in written.items())
                 and files_intact(out, old.prints) and set(existing) <= set(old.prints))
    if unchanged:  # same documents, same copies: the PDFs and their counted pages still hold
        record.prints = dict(old.prints)
        kit.pages, kit.counted = dict(old.printing.pages), old.printing.counted
        return _with_list(files, kit), []
    kit.pdf_note = REMOVED
    return _with_list(files, kit), existing


def list_bytes(kit: KitPrint) -> bytes:
    """``printlijst.txt`` of ``kit`` as it stands now."""
    return printlist.text(kit).encode("utf-8")


def _with_list(files: list[tuple[str, bytes]], kit: KitPrint) -> list[tuple[str, bytes]]:
    """``files`` with ``printlijst.txt`` made again from ``kit``."""
    return [(name, list_bytes(kit) if name == LIST_NAME else content) for name, content in files]
