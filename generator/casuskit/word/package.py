"""The package as bytes: a reproducible zip, and the few package-level edits casuskit makes.

Every document is written the same way: the zip epoch (or the kit's date) on every entry,
``[Content_Types].xml`` and ``_rels/.rels`` first and the rest sorted, Unix attributes 0644,
deflate level 9. Same input, same bytes. Parts that are the same in many documents (styles,
settings, theme, font table: the caller names them) are compressed once and their deflated
bytes reused; a document's own parts are not remembered, so the memo stays small.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import struct
import zlib

FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
EXTENDED_PROPERTIES = f"{_RELS}/extended-properties"
IMAGE = f"{_RELS}/image"
_VERSION = 20                  # "2.0": deflate; what zipfile writes for these entries
_UNIX = 3                      # created on Unix, so the 0644 attributes count
_ATTRIBUTES = 0o644 << 16
_MAX_REMEMBERED = 512          # compressed parts kept; the memo starts over beyond this
_compressed: dict[bytes, tuple[bytes, int]] = {}  # content → (deflated, crc32)


def as_datetime(date: dt.date | dt.datetime) -> dt.datetime:
    """A naive UTC datetime; a plain date means noon that day (same day everywhere)."""
    if isinstance(date, dt.datetime):
        if date.tzinfo is not None:
            date = date.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return date
    return dt.datetime(date.year, date.month, date.day, 12, 0, 0)


def zip_timestamp(date: dt.date | dt.datetime | None = None) -> dt.datetime:
    """The time stamped on every zip entry: ``date`` if given, else ``$SOURCE_DATE_EPOCH``,
    else 1980-01-01; never before 1980."""
    if date is not None:
        when = as_datetime(date)
    elif os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        seconds = int(os.environ["SOURCE_DATE_EPOCH"].strip())
        when = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)
    else:
        when = ZIP_EPOCH
    return max(when, ZIP_EPOCH)


def ordered(names) -> list[str]:
    """Content types and package relationships first (Word expects them), then by name."""
    names = list(names)
    return [n for n in FIRST_ENTRIES if n in names] + sorted(n for n in names if n not in FIRST_ENTRIES)


def write_zip(members: dict[str, bytes], when: dt.datetime, shared: dict[str, bytes] | None = None) -> bytes:
    """A zip of ``members`` in :func:`ordered` order, every entry stamped ``when``. A member
    that is the very object ``shared`` holds under its name is compressed once per process."""
    shared = shared or {}
    dostime = when.hour << 11 | when.minute << 5 | when.second // 2
    dosdate = (when.year - 1980) << 9 | when.month << 5 | when.day
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in ordered(members):
        content = members[name]
        deflated, crc = _deflate(content) if shared.get(name) is content else _compress(content)
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


def _compress(content: bytes) -> tuple[bytes, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush(), zlib.crc32(content)


def _deflate(content: bytes) -> tuple[bytes, int]:
    found = _compressed.get(content)
    if found is None:
        found = _compress(content)
        if len(_compressed) >= _MAX_REMEMBERED:
            _compressed.clear()
        _compressed[content] = found
    return found


# -- package-level edits ----------------------------------------------------------------------

def package_target(members: dict[str, bytes], reltype: str) -> str:
    """The zip member a package relationship of ``reltype`` points at."""
    rels = members["_rels/.rels"].decode("utf-8")
    for match in re.finditer(r"<Relationship\b[^>]*/>", rels):
        tag = match.group(0)
        if f'Type="{reltype}"' in tag:
            return re.search(r'Target="([^"]*)"', tag).group(1).lstrip("/")
    raise KeyError(reltype)


def add_override(types: bytes, partname: str, content_type: str) -> bytes:
    """[Content_Types].xml with an Override for ``partname``, kept sorted as python-docx does."""
    return _insert_sorted(types, "Override", "PartName", partname,
                          f'<Override PartName="{partname}" ContentType="{content_type}"/>')


def add_default(types: bytes, extension: str, content_type: str) -> bytes:
    """[Content_Types].xml with a Default for ``extension`` (if it has none yet)."""
    if f'Extension="{extension}"' in types.decode("utf-8"):
        return types
    return _insert_sorted(types, "Default", "Extension", extension,
                          f'<Default Extension="{extension}" ContentType="{content_type}"/>')


def _insert_sorted(types: bytes, tag: str, key: str, value: str, element: str) -> bytes:
    text = types.decode("utf-8")
    found = list(re.finditer(rf'<{tag} {key}="([^"]*)"[^>]*/>', text))
    later = [match.start() for match in found if match.group(1) > value]
    if later:
        place = later[0]
    elif found:
        place = found[-1].end()
    else:  # the first of its kind: Defaults come before the Overrides
        override = text.find("<Override") if tag == "Default" else -1
        place = override if override >= 0 else text.rindex("</Types>")
    return (text[:place] + element + text[place:]).encode("utf-8")


def add_relationship(rels: bytes, reltype: str, target: str) -> tuple[bytes, str]:
    """A relationships part with one more relationship; returns it and the new rId (the first
    free ``rIdN``, as python-docx numbers them)."""
    text = rels.decode("utf-8")
    used = set(re.findall(r'Id="(rId\d+)"', text))
    number = next(n for n in range(1, len(used) + 2) if f"rId{n}" not in used)
    rel_id = f"rId{number}"
    element = f'<Relationship Id="{rel_id}" Type="{reltype}" Target="{target}"/>'
    closing = text.rindex("</Relationships>")
    return (text[:closing] + element + text[closing:]).encode("utf-8"), rel_id
