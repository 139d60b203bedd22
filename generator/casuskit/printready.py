"""``casuskit build --pdf`` / ``--voorbeeld``: after the .docx build, make the kits print-ready.

All documents of the kits that need it are converted in one go (:mod:`casuskit.pdf`: a few
LibreOffice runs, never one per document). Then, per kit: each PDF next to its .docx, the
print pack ``printpakket.pdf`` (:mod:`casuskit.printpack`) and with ``--voorbeeld`` the contact
sheet ``voorbeeld.png`` (:mod:`casuskit.preview`). Everything goes through one
:class:`~casuskit.writer.Output`, so it is written all at once or not at all.

The .docx build skips kits that did not change; so does this step: the pack and the contact
sheet record a hash of the documents they were made from, and a kit whose pack (and sheet)
match its documents as they are now is left alone. The .docx files and
``printlijst.txt`` are never rewritten here, so the build's own bookkeeping stays valid.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from casuskit import incremental, pdf, printpack
from casuskit.printing import KitPrint
from casuskit.dutch import joined
from casuskit.writer import Output


@dataclass
class PrintReadyResult:
    written: list[Path] = field(default_factory=list)
    documents: int = 0
    workers: int = 0
    seconds: float = 0.0
    kits: int = 0
    up_to_date: int = 0
    pack_pages: dict[str, int] = field(default_factory=dict)  # kit folder → pages in its pack
    warnings: list[str] = field(default_factory=list)


def kits_of(out_root: Path, build_result) -> list[KitPrint]:
    """Every kit of the build: those built now, and those the build found up to date (as the
    manifest records them: nothing is loaded or planned again)."""
    found = {kit.printing.kit_id: kit.printing for kit in build_result.kits}
    unchanged = getattr(build_result, "unchanged", [])
    if unchanged:
        records = incremental.Manifest.load(out_root).kits
        found.update((kit_id, records[kit_id].printing) for kit_id in unchanged
                     if kit_id in records and records[kit_id].printing is not None)
    return [found[kit_id] for kit_id in sorted(found)]


def source_digest(folder: Path, kit: KitPrint) -> str:
    """What the pack is made from: the documents' bytes and the print items (copies, sides)."""
    digest = hashlib.sha256(repr(kit.items).encode("utf-8"))
    for name in kit.documents:
        digest.update(name.encode("utf-8") + b"\0" + (folder / name).read_bytes())
    return digest.hexdigest()


def is_fresh(folder: Path, names: list[str], digest: str, preview: bool) -> bool:
    """The kit's PDFs, pack (and contact sheet) exist and were made from these documents."""
    if not all((folder / printpack.pdf_name(name)).is_file() for name in names):
        return False
    if printpack.made_from(folder / printpack.PACK_NAME) != digest:
        return False
    if preview:
        from casuskit import preview as contact
        return contact.made_from(folder / contact.FILE_NAME) == digest
    return True


def make_print_ready(root: Path, build_result, out_root: Path, preview: bool = False,
                     force: bool = False,
                     progress: Callable[[str], None] | None = None) -> PrintReadyResult:
    """PDFs, print pack (and contact sheet) for every kit of ``build_result``."""
    from casuskit import preview as contact
    sheets = preview and contact.available()  # without poppler: PDFs and pack, then the error
    result = PrintReadyResult()
    todo = []
    for kit in kits_of(out_root, build_result):
        digest = source_digest(out_root / kit.folder, kit)
        if not force and is_fresh(out_root / kit.folder, kit.documents, digest, preview):
            result.up_to_date += 1
        else:
            todo.append((kit, digest))
    sources = {out_root / kit.folder / name: (kit.folder, printpack.pdf_name(name))
               for kit, _ in todo for name in kit.documents}
    conversion = pdf.convert(list(sources))
    result.documents, result.workers, result.seconds = \
        len(sources), conversion.workers, conversion.seconds
    per_kit: dict[str, dict[str, bytes]] = {}
    for source, data in conversion.pdfs.items():
        folder, name = sources[source]
        per_kit.setdefault(folder, {})[name] = data
    with Output(out_root) as output:
        for kit, digest in todo:
            pdfs = per_kit.get(kit.folder, {})
            for name, data in pdfs.items():
                output.add(f"{kit.folder}/{name}", data)
            pack, entries = printpack.build_pack(kit, pdfs, digest)
            output.add(f"{kit.folder}/{printpack.PACK_NAME}", pack)
            result.pack_pages[kit.folder] = entries[-1].last if entries else 0
            result.warnings += [f"{kit.folder}/{text}" for text in printpack.over_budget(pdfs)]
            if sheets:
                title = joined(kit.meeting, kit.werkvorm)  # a session may be named after its werkvorm
                order = [printpack.pdf_name(name) for name in kit.documents]
                output.add(f"{kit.folder}/{contact.FILE_NAME}",
                           contact.contact_sheet(title, [(name, pdfs[name]) for name in order], digest))
            result.kits += 1
            if progress:
                progress(kit.kit_id)
        result.written = output.commit()
    if preview and not sheets:
        raise contact.missing_poppler()
    return result


def stale_packs(out_root: Path, build_result) -> list[str]:
    """Kit folders (re)built without --pdf whose print pack shows an older version."""
    stale = []
    for built in build_result.kits:
        kit, folder = built.printing, out_root / built.printing.folder
        if (folder / printpack.PACK_NAME).is_file():
            if all((folder / name).is_file() for name in kit.documents) and \
                    printpack.made_from(folder / printpack.PACK_NAME) != source_digest(folder, kit):
                stale.append(kit.folder)
    return stale


def summary(result: PrintReadyResult, preview: bool) -> str:
    """What --pdf made, in Dutch, for under the build summary."""
    made = "printpakket.pdf en voorbeeld.png" if preview else "printpakket.pdf"
    lines = []
    if result.kits:
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        lines.append(f"PDF's: {result.documents} documenten van {result.kits} "
                     f"{'kit' if result.kits == 1 else 'kits'} omgezet in {seconds} s "
                     f"({result.workers} × LibreOffice); per kit ook {made}.")
    if result.up_to_date:
        lines.append(f"PDF's van {result.up_to_date} {'kit' if result.up_to_date == 1 else 'kits'} "
                     "waren al actueel; gebruik --opnieuw om ze toch opnieuw te maken.")
    lines.append("Print per kit printpakket.pdf in één keer: " + printpack.PACK_SETTINGS + ".")
    lines += [f"Let op: {warning}" for warning in result.warnings]
    return "\n".join(lines)
