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

from casuskit import pdf, printpack
from casuskit.render import calibration, printlist
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


def documents_of(ctx) -> list[str]:
    """The .docx files of a kit that become PDFs: the print list, then the calibration page."""
    names = [item.file for item in printlist.print_items(ctx)]
    return names + ([calibration.FILE_NAME] if calibration.card_sizes(ctx) else [])


def contexts(root: Path, build_result) -> list:
    """Every kit of the build: those built now, and those the build found up to date."""
    found = [kit.context for kit in build_result.kits]
    unchanged = getattr(build_result, "unchanged", [])
    if unchanged:
        from casuskit.build import reference_for
        from casuskit.check import check_workspace
        from casuskit.render.context import plan_kit
        from casuskit.textrender import Texts
        ws = check_workspace(root).workspace
        texts = Texts(root)
        for kit_id in unchanged:
            kit = ws.get("kit", kit_id)
            found.append(plan_kit(ws, kit, texts, reference_for(root, ws.get("project", kit.project))))
    return sorted(found, key=lambda ctx: ctx.kit.id)


def source_digest(folder: Path, names: list[str], ctx) -> str:
    """What the pack is made from: the documents' bytes and the print list (copies, sides)."""
    digest = hashlib.sha256(repr(printlist.print_items(ctx)).encode("utf-8"))
    for name in names:
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
    for ctx in contexts(root, build_result):
        names = documents_of(ctx)
        digest = source_digest(out_root / ctx.folder, names, ctx)
        if not force and is_fresh(out_root / ctx.folder, names, digest, preview):
            result.up_to_date += 1
        else:
            todo.append((ctx, names, digest))
    sources = {out_root / ctx.folder / name: (ctx.folder, printpack.pdf_name(name))
               for ctx, names, _ in todo for name in names}
    conversion = pdf.convert(list(sources))
    result.documents, result.workers, result.seconds = \
        len(sources), conversion.workers, conversion.seconds
    per_kit: dict[str, dict[str, bytes]] = {}
    for source, data in conversion.pdfs.items():
        folder, name = sources[source]
        per_kit.setdefault(folder, {})[name] = data
    output = Output(out_root)
    for ctx, names, digest in todo:
        pdfs = per_kit.get(ctx.folder, {})
        for name, data in pdfs.items():
            output.add(f"{ctx.folder}/{name}", data)
        pack, entries = printpack.build_pack(ctx, pdfs, digest)
        output.add(f"{ctx.folder}/{printpack.PACK_NAME}", pack)
        result.pack_pages[ctx.folder] = entries[-1].last if entries else 0
        result.warnings += [f"{ctx.folder}/{text}" for text in printpack.over_budget(pdfs)]
        if sheets:
            title = f"{ctx.buurt.name} · {ctx.kit.round_label} · {ctx.werkvorm.name}"
            order = [printpack.pdf_name(name) for name in names]
            output.add(f"{ctx.folder}/{contact.FILE_NAME}",
                       contact.contact_sheet(title, [(name, pdfs[name]) for name in order], digest))
        result.kits += 1
        if progress:
            progress(ctx.kit.id)
    result.written = output.commit()
    if preview and not sheets:
        raise contact.missing_poppler()
    return result


def stale_packs(out_root: Path, build_result) -> list[str]:
    """Kit folders (re)built without --pdf whose print pack shows an older version."""
    stale = []
    for kit in build_result.kits:
        ctx, folder = kit.context, out_root / kit.context.folder
        if (folder / printpack.PACK_NAME).is_file():
            names = documents_of(ctx)
            if all((folder / name).is_file() for name in names) and \
                    printpack.made_from(folder / printpack.PACK_NAME) != source_digest(folder, names, ctx):
                stale.append(ctx.folder)
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
