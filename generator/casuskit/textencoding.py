"""Recognising the text encodings a writer's editor may have saved a file in.

casuskit reads UTF-8 only. Notepad's "Unicode" is UTF-16 (little-endian, with a byte order
mark), and some tools write UTF-16 or UTF-32 without one. Such a file is full of NUL bytes, so
it used to be taken for a binary file ("a Word or PDF file?"). :func:`wide_encoding` tells
those apart from real binary data, so that the writer hears which encoding it is and how to
save it as UTF-8; :func:`readable` decodes any of them for showing the writer's own lines.
"""

from __future__ import annotations

from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class WideEncoding:
    codec: str   # Python codec that decodes the bytes (the BOM, if any, included)
    label: str   # how editors name it, e.g. "UTF-16 LE"
    bom: bool


# longest first: a UTF-32 LE BOM starts with the UTF-16 LE one
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32", "UTF-32 LE"), (b"\x00\x00\xfe\xff", "utf-32", "UTF-32 BE"),
         (b"\xff\xfe", "utf-16", "UTF-16 LE"), (b"\xfe\xff", "utf-16", "UTF-16 BE"))
# without a BOM: (codec, label, width, offsets of the NUL bytes of an ASCII character)
_PATTERNS = (("utf-32-le", "UTF-32 LE", 4, (1, 2, 3)), ("utf-32-be", "UTF-32 BE", 4, (0, 1, 2)),
             ("utf-16-le", "UTF-16 LE", 2, (1,)), ("utf-16-be", "UTF-16 BE", 2, (0,)))
_SAMPLE = 512


def wide_encoding(raw: bytes) -> WideEncoding | None:
    """The UTF-16 or UTF-32 encoding ``raw`` is in, or None (UTF-8, another 8-bit encoding, or
    binary data). Without a byte order mark, text of mostly Latin letters is recognised by
    its NUL bytes standing at the same place in every character."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom) and _decodes(raw, codec):
            return WideEncoding(codec, label, True)
    sample = raw[:_SAMPLE - _SAMPLE % 4]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for codec, label, width, zeros in _PATTERNS:
        chars = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        ascii_like = sum(1 for c in chars if all(c[z] == 0 for z in zeros)
                         and any(c[i] != 0 for i in range(width) if i not in zeros))
        if ascii_like >= 0.9 * len(chars) and _decodes(raw, codec):
            return WideEncoding(codec, label, False)
    return None


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


def readable(raw: bytes) -> str:
    """The text of a file as well as it can be shown: UTF-8, UTF-16/32, else Windows-1252.
    Line ends become ``\\n``; a BOM is dropped."""
    wide = wide_encoding(raw)
    if wide is not None:
        text = raw.decode(wide.codec)
    else:
        raw = raw[len(UTF8_BOM):] if raw.startswith(UTF8_BOM) else raw
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
