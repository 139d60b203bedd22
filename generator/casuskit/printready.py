"""``casuskit build --pdf`` / ``--voorbeeld``: after the .docx build, make the kits print-ready.

All documents of the kits that need it are converted in one go (:mod:`casuskit.pdf`: a few
LibreOffice runs, never one per document). Every sheet document (cards, calibration, name tents)
is then verified on its PDF: each box must hold every word written in it
(:mod:`casuskit.pdfcheck`); a kit with a clipped box gets no PDFs at all and the build fails,
naming the card and its words. Then, per kit: each PDF next to its .docx, the print pack
``printpakket.pdf`` (:mod:`casuskit.printpack`), with ``--voorbeeld`` the contact sheet
``voorbeeld.png`` (:mod:`casuskit.preview`), and ``printlijst.txt`` again with the pages
counted in the PDFs. Everything goes through one :class:`~casuskit.writer.Output`, with the
build manifest, which records the PDFs as the kit's prints (:mod:`casuskit.printrecord`).

The .docx build skips kits that did not change; so does this step: the pack and the contact
sheet record a hash of the documents they were made from, and a kit whose pack (and sheet)
match its documents as they are now is left alone. A build without ``--pdf`` that changes a
kit's documents removes its PDFs and has :func:`refresh` make them again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from casuskit import incremental, pdf, pdfcheck, printpack, printrecord
from casuskit.errors import Diagnostic
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
    problems: list[Diagnostic] = field(default_factory=list)  # boxes clipped on paper


def kits_of(out_root: Path, build_result, only: set[str] | None = None) -> list[KitPrint]:
    """Every kit of the build: those built now, and those the build found up to date (as the
    manifest records them: nothing is loaded or planned again); with ``only``, those kits."""
    found = {kit.printing.kit_id: kit.printing for kit in build_result.kits}
    unchanged = getattr(build_result, "unchanged", [])
    if unchanged:
        records = incremental.Manifest.load(out_root).kits
        found.update((kit_id, records[kit_id].printing) for kit_id in unchanged
                     if kit_id in records and records[kit_id].printing is not None)
    return [found[kit_id] for kit_id in sorted(found) if only is None or kit_id in only]


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
                     force: bool = False, progress: Callable[[str], None] | None = None,
                     only: set[str] | None = None) -> PrintReadyResult:
    """PDFs, print pack (and contact sheet) for every kit of ``build_result`` (or ``only``
    those kits); what was clipped on paper is in the result's ``problems``."""
    from casuskit import preview as contact
    sheets = preview and contact.available()  # without poppler: PDFs and pack, then the error
    result = PrintReadyResult()
    todo = []
    for kit in kits_of(out_root, build_result, only):
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
    manifest = incremental.Manifest.load(out_root)
    with Output(out_root) as output:
        for kit, digest in todo:
            pdfs = per_kit.get(kit.folder, {})
            record = manifest.kits.get(kit.kit_id)
            clips = [clip for name in kit.documents for clip in pdfcheck.clipped(
                printpack.pdf_name(name), (out_root / kit.folder / name).read_bytes(),
                pdfs[printpack.pdf_name(name)])]
            if clips:  # nothing half-verified is printed: no PDFs of this kit at all
                result.problems += clipped_problems(root, kit, clips)
                for name in printrecord.print_files(out_root, kit, record):
                    output.remove(name)
                if record is not None:
                    record.prints = {}
                continue
            files = dict(pdfs)
            pack, entries = printpack.build_pack(kit, pdfs, digest)
            files[printpack.PACK_NAME] = pack
            result.pack_pages[kit.folder] = entries[-1].last if entries else 0
            result.warnings += [f"{kit.folder}/{text}" for text in printpack.over_budget(pdfs)]
            if sheets:
                title = joined(kit.meeting, kit.werkvorm)  # a session may be named after its werkvorm
                order = [printpack.pdf_name(name) for name in kit.documents]
                files[contact.FILE_NAME] = contact.contact_sheet(
                    title, [(name, pdfs[name]) for name in order], digest)
            kit.pages = {name: printpack.page_count(pdfs[printpack.pdf_name(name)])
                         for name in kit.documents}
            kit.counted, kit.pdf_note = True, ""
            listing = printrecord.list_bytes(kit)
            for name, data in {**files, printrecord.LIST_NAME: listing}.items():
                output.add(f"{kit.folder}/{name}", data)
            if record is not None:
                record.printing = kit
                record.prints = incremental.content_record(list(files.items()), kit.folder,
                                                           output.stats)
                record.outputs.update(incremental.content_record(
                    [(printrecord.LIST_NAME, listing)], kit.folder, output.stats))
            result.kits += 1
            if progress:
                progress(kit.kit_id)
        if todo and manifest.checked is not None:  # the build's own manifest: keep it current
            output.add_manifest(incremental.MANIFEST_NAME, manifest.to_bytes())
        result.written = [path for path in output.commit() if path.name != incremental.MANIFEST_NAME]
    if preview and not sheets:
        raise contact.missing_poppler()
    return result


def clipped_problems(root: Path, kit: KitPrint, clips: list) -> list[Diagnostic]:
    """The errors for what was clipped in ``kit``'s PDFs, located at the YAML of each card
    (the kit is planned again for that: it happens only when something went wrong)."""
    cards, locate = {}, lambda card, path: None
    try:
        from casuskit.check import check_workspace
        from casuskit.plan import plan_kit
        from casuskit.render.registry import prepare, printed_cards
        from casuskit.textrender import Texts
        from casuskit.verify import reference_for
        ws = check_workspace(root).workspace
        entry = ws.get("kit", kit.kit_id)
        ctx = prepare(plan_kit(ws, entry, Texts(root), reference_for(root, ws.get("project", entry.project))))
        cards = {card.id: card for found, _ in printed_cards(ctx) for card in found}
        locate = lambda card, path: ctx.locate(card.casus_id, path)  # noqa: E731
    except Exception:  # the files changed meanwhile: name the cards without their lines
        pass
    return pdfcheck.problems(kit.kit_id, clips, cards, locate)


def refresh(root: Path, build_result, out_root: Path, show: Callable[[str], None]) -> list[Diagnostic]:
    """After a build without ``--pdf``: make the PDFs again of the kits whose PDFs it removed
    (their documents changed), with LibreOffice; without it, say they are gone."""
    removed = getattr(build_result, "removed_prints", {})
    if not removed:
        return []
    folders = {kit.printing.kit_id: kit.printing.folder for kit in build_result.kits}
    if pdf.find_office() is None:
        for kit_id in sorted(removed):
            show(f"Let op: de PDF's en het printpakket in {folders[kit_id]}/ zijn verwijderd: ze "
                 "hoorden bij de vorige versie. Maak nieuwe met `casuskit build --pdf` "
                 "(daarvoor is LibreOffice nodig).")
        return []
    preview = any(printrecord.PREVIEW_NAME in names for names in removed.values())
    ready = make_print_ready(root, build_result, out_root, preview, only=set(removed))
    if ready.kits:
        show(f"PDF's bijgewerkt: de documenten van {ready.kits} "
             f"{'kit waren' if ready.kits == 1 else 'kits waren'} veranderd, dus ook hun PDF's en "
             f"printpakket ({ready.documents} documenten in {_seconds(ready.seconds)} s).")
    return ready.problems


def _seconds(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",")


def summary(result: PrintReadyResult, preview: bool) -> str:
    """What --pdf made, in Dutch, for under the build summary."""
    made = "printpakket.pdf en voorbeeld.png" if preview else "printpakket.pdf"
    lines = []
    if result.kits:
        lines.append(f"PDF's: {result.documents} documenten van {result.kits} "
                     f"{'kit' if result.kits == 1 else 'kits'} omgezet in {_seconds(result.seconds)} s "
                     f"({result.workers} × LibreOffice); per kit ook {made}.")
        for folder, pages in sorted(result.pack_pages.items()):
            lines.append(f"  {folder}/{printpack.PACK_NAME}: {pages} pagina's op {pages // 2} vellen "
                         "A4 (geteld)")
    if result.up_to_date:
        lines.append(f"PDF's van {result.up_to_date} {'kit' if result.up_to_date == 1 else 'kits'} "
                     "waren al actueel; gebruik --opnieuw om ze toch opnieuw te maken.")
    lines.append("Print per kit printpakket.pdf in één keer: " + printpack.PACK_SETTINGS + ".")
    lines += [f"Let op: {warning}" for warning in result.warnings]
    return "\n".join(lines)
