"""The floor: what writing a build's exact .docx files costs, with no rendering at all.

    python benchmarks/floor.py OUTPUT [--dest DIR] [--json]

Reads every .docx under OUTPUT (a built output folder) and keeps its parts in memory, untimed.
Then, in this one process and timed, writes every document again into DEST as fast as plain
Python can:

- the parts that change from document to document — ``word/document.xml``, headers, footers,
  ``docProps/core.xml``, and any other part whose content no other document shares (such as a
  ``numbering.xml`` that differs) — are held as XML text and, per document, encoded, checksummed
  and deflated (level 9, as casuskit writes them);
- the parts that are identical across documents (styles, theme, settings …) are deflated once
  on first use and their compressed bytes and CRC reused;
- each zip is laid out exactly as the original (same entry order, times, flags and attributes)
  and written to its file.

So the floor pays for text to bytes, compression, the zip and the file system, and nothing a
renderer does. Afterwards (untimed) every written file is compared with the original: the
floor wrote exactly these documents when all are identical.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import struct
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

CHANGING = re.compile(r"word/(document|header\d*|footer\d*)\.xml|docProps/core\.xml")
TEXT_SUFFIXES = (".xml", ".rels")


@dataclass
class Part:
    name: bytes            # as stored in the zip
    info: zipfile.ZipInfo
    text: str | None       # changing XML: written from text every time
    raw: bytes | None      # changing part that is not text (e.g. an image of one document)
    shared: int = -1       # index of identical content compressed once, or -1


@dataclass
class Document:
    path: str              # relative to the output folder
    parts: list[Part]


def prepare(folder: Path) -> tuple[list[Document], list[bytes]]:
    """Every document's parts, and the contents several documents share (each once)."""
    read: list[tuple[str, list[tuple[zipfile.ZipInfo, bytes]]]] = []
    users: dict[bytes, set[int]] = {}
    for number, path in enumerate(sorted(folder.rglob("*.docx"))):
        with zipfile.ZipFile(path) as package:
            entries = [(info, package.read(info)) for info in package.infolist()]
        read.append((str(path.relative_to(folder)), entries))
        for _, content in entries:
            users.setdefault(content, set()).add(number)
    shared: dict[bytes, int] = {}
    documents = []
    for number, (path, entries) in enumerate(read):
        parts = []
        for info, content in entries:
            name = info.filename.encode("utf-8" if info.flag_bits & 0x800 else "ascii")
            if CHANGING.fullmatch(info.filename) or len(users[content]) == 1:
                textual = info.filename.endswith(TEXT_SUFFIXES)
                parts.append(Part(name, info, content.decode("utf-8") if textual else None,
                                  None if textual else content))
            else:
                parts.append(Part(name, info, None, None, shared.setdefault(content, len(shared))))
        documents.append(Document(path, parts))
    return documents, list(shared)


def write_all(documents: list[Document], shared: list[bytes], dest: Path) -> None:
    """Write every document into ``dest``: the timed part."""
    compressed: list[tuple[bytes, int, int] | None] = [None] * len(shared)
    folders: set[str] = set()
    for document in documents:
        out: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        for part in document.parts:
            info = part.info
            if part.shared >= 0:
                found = compressed[part.shared]
                if found is None:
                    content = shared[part.shared]
                    found = compressed[part.shared] = (_pack(content, info), zlib.crc32(content), len(content))
                data, crc, size = found
            else:
                content = part.raw if part.raw is not None else part.text.encode("utf-8")
                data, crc, size = _pack(content, info), zlib.crc32(content), len(content)
            dostime = info.date_time[3] << 11 | info.date_time[4] << 5 | info.date_time[5] // 2
            dosdate = (info.date_time[0] - 1980) << 9 | info.date_time[1] << 5 | info.date_time[2]
            header = struct.pack("<4s2B4HL2L2H", b"PK\003\004", info.extract_version, 0, info.flag_bits,
                                 info.compress_type, dostime, dosdate, crc, len(data), size, len(part.name), 0)
            central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", info.create_version, info.create_system,
                                       info.extract_version, 0, info.flag_bits, info.compress_type, dostime,
                                       dosdate, crc, len(data), size, len(part.name), 0, 0, 0, 0,
                                       info.external_attr, offset) + part.name)
            out += (header, part.name, data)
            offset += len(header) + len(part.name) + len(data)
        directory = b"".join(central)
        out += (directory, struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(central), len(central),
                                       len(directory), offset, 0))
        folder = os.path.dirname(document.path)
        if folder not in folders:
            os.makedirs(dest / folder, exist_ok=True)
            folders.add(folder)
        with open(dest / document.path, "wb") as file:
            file.write(b"".join(out))


def _pack(content: bytes, info: zipfile.ZipInfo) -> bytes:
    if info.compress_type == zipfile.ZIP_STORED:
        return content
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()


def measure(folder: Path, dest: Path) -> dict:
    """Prepare, then time one pass of :func:`write_all`; the figures as a dict."""
    documents, shared = prepare(folder)
    if dest.exists():
        shutil.rmtree(dest)
    gc.collect()
    gc.freeze()  # the prepared parts are not garbage: keep the collector off them while timing
    start, cpu = time.perf_counter(), time.process_time()
    write_all(documents, shared, dest)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    identical = sum((folder / d.path).read_bytes() == (dest / d.path).read_bytes() for d in documents)
    text = [p for d in documents for p in d.parts if p.shared < 0]
    return {"seconds": seconds, "cpu_seconds": cpu, "documents": len(documents), "identical": identical,
            "bytes": sum((dest / d.path).stat().st_size for d in documents),
            "changing_parts": len(text), "changing_mib": sum(len(p.text or p.raw) for p in text) / 2**20,
            "shared_parts": sum(len(d.parts) for d in documents) - len(text), "distinct_shared": len(shared)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="a built output folder")
    parser.add_argument("--dest", type=Path, help="where to write (default: a temporary folder, removed)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="casuskit-floor-") as scratch:
        figures = measure(args.output.resolve(), (args.dest or Path(scratch) / "floor").resolve())
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{figures['documents']} .docx written in {figures['seconds']:.3f} s "
          f"({figures['seconds'] * 1000 / max(figures['documents'], 1):.2f} ms each); "
          f"{figures['identical']} identical to the originals; {figures['changing_parts']} changing parts "
          f"({figures['changing_mib']:.1f} MiB of text), {figures['shared_parts']} shared "
          f"({figures['distinct_shared']} distinct, each compressed once)")


if __name__ == "__main__":
    main()
