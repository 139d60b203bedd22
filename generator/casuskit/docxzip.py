"""Writing a .docx package straight to reproducible zip bytes, compressing each part once.

python-docx saves a document as a zip with the current time on every entry; casuskit then had
to unpack and repack it with fixed times (:func:`casuskit.docxio.normalize_zip`). Here the
package's parts are collected as bytes and written once, in the same fixed form: the zip epoch
or the kit's date on every entry, ``[Content_Types].xml`` and ``_rels/.rels`` first and the rest
sorted, Unix attributes 0644, deflate level 9. The result is byte for byte what
``normalize_zip`` made.

Most parts (styles, settings, theme, font table) are identical in every document started from
the same reference, so their compressed form is remembered: a build of a thousand documents
compresses ``styles.xml`` once, not a thousand times.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib

FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
_VERSION = 20                  # "2.0": deflate; what zipfile writes for these entries
_UNIX = 3                      # created on Unix, so the 0644 attributes count
_ATTRIBUTES = 0o644 << 16
_MAX_REMEMBERED = 512          # compressed parts kept; the memo starts over beyond this
_compressed: dict[bytes, tuple[bytes, int]] = {}  # content → (deflated, crc32)


def package_members(document) -> dict[str, bytes] | None:
    """Every zip member of ``document`` as python-docx would save it (name → bytes), or None
    when this python-docx lacks the writer internals used here (then save it the slow way)."""
    try:
        from docx.opc.pkgwriter import PackageWriter
        write_types = PackageWriter._write_content_types_stream
        write_rels = PackageWriter._write_pkg_rels
        write_parts = PackageWriter._write_parts
    except (ImportError, AttributeError):  # pragma: no cover - other python-docx versions
        return None
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    members = _Members()
    write_types(members, parts)
    write_rels(members, package.rels)
    write_parts(members, parts)
    return members.blobs


class _Members:
    """Stands in for python-docx's zip writer: keeps what it is given."""

    def __init__(self):
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob


def ordered(names) -> list[str]:
    """Content types and package relationships first (Word expects them), then by name."""
    names = list(names)
    return [n for n in FIRST_ENTRIES if n in names] + sorted(n for n in names if n not in FIRST_ENTRIES)


def write_zip(members: dict[str, bytes], when: dt.datetime) -> bytes:
    """A zip of ``members`` in :func:`ordered` order, every entry stamped ``when``."""
    dostime = when.hour << 11 | when.minute << 5 | when.second // 2
    dosdate = (when.year - 1980) << 9 | when.month << 5 | when.day
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in ordered(members):
        content = members[name]
        deflated, crc = _deflate(content)
        encoded, flags = _encoded(name)
        header = struct.pack("<4s2B4HL2L2H", b"PK\003\004", _VERSION, 0, flags, 8, dostime,
                             dosdate, crc, len(deflated), len(content), len(encoded), 0)
        central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", _VERSION, _UNIX, _VERSION,
                                   0, flags, 8, dostime, dosdate, crc, len(deflated),
                                   len(content), len(encoded), 0, 0, 0, 0, _ATTRIBUTES, offset)
                       + encoded)
        out += (header, encoded, deflated)
        offset += len(header) + len(encoded) + len(deflated)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(central), len(central),
                      len(directory), offset, 0)
    return b"".join(out) + directory + end


def _encoded(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800  # the "names are UTF-8" flag


def _deflate(content: bytes) -> tuple[bytes, int]:
    found = _compressed.get(content)
    if found is None:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        found = (compressor.compress(content) + compressor.flush(), zlib.crc32(content))
        if len(_compressed) >= _MAX_REMEMBERED:
            _compressed.clear()
        _compressed[content] = found
    return found
