"""Fonts as the paper will show them: found with fontconfig, read with fontTools.

A style names a font family ("Calibri", "Verdana"); Word on the facilitator's computer and
LibreOffice here print it with whatever font file answers to that name. :func:`face` finds that
file — with ``fc-match``, or without fontconfig (Windows, macOS) in the platform's font folders —
and reads from it what text measurement needs: every character's advance width and the height of
one line, both in em. Each (family, bold) is read once per process.

A face is *measurable* when its file is the family itself or a metric-compatible twin
(:data:`TWINS`: Calibri↔Carlito, Arial↔Liberation Sans, …): text measured with it breaks and
stacks exactly as it will in Word and LibreOffice. Any other match is a guess — fontconfig's
nearest font, what LibreOffice here would print with, or casuskit's built-in Carlito widths
when there is no font at all — and the caller says so (:mod:`casuskit.fontcheck`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

EXACT, TWIN, GUESS = "exact", "twin", "guess"
DEFAULT_FAMILY = "Calibri"  # what the shipped reference names; Word's default since 2007
# Metric-compatible pairs: same advance widths and line height, glyph for glyph.
_PAIRS = [("calibri", "carlito"), ("cambria", "caladea"), ("arial", "liberation sans"),
          ("helvetica", "liberation sans"), ("times new roman", "liberation serif"),
          ("times", "liberation serif"), ("courier new", "liberation mono"),
          ("arial narrow", "liberation sans narrow"), ("georgia", "gelasio")]
TWINS: dict[str, set[str]] = {}
for _a, _b in _PAIRS:
    TWINS.setdefault(_a, set()).add(_b)
    TWINS.setdefault(_b, set()).add(_a)
TWINS["liberation sans"].add("helvetica")
# Debian/Ubuntu packages that install a family or its twin (the hint in a warning).
PACKAGES = {"carlito": "fonts-crosextra-carlito", "caladea": "fonts-crosextra-caladea",
            "liberation sans": "fonts-liberation", "liberation serif": "fonts-liberation",
            "liberation mono": "fonts-liberation", "liberation sans narrow": "fonts-liberation",
            "dejavu sans": "fonts-dejavu-core", "dejavu serif": "fonts-dejavu-core",
            "dejavu sans mono": "fonts-dejavu-core", "gelasio": "fonts-gelasio",
            "verdana": "ttf-mscorefonts-installer", "trebuchet ms": "ttf-mscorefonts-installer",
            "comic sans ms": "ttf-mscorefonts-installer", "tahoma": "ttf-mscorefonts-installer",
            "open sans": "fonts-open-sans", "noto sans": "fonts-noto-core",
            "roboto": "fonts-roboto", "lato": "fonts-lato", "source sans pro": "fonts-adobe-sourcesans3"}
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
MISSING_EM = 1.0  # a character the font lacks comes from a fallback font: assume a full em


@dataclass(frozen=True)
class Face:
    """One font as measured: advance widths (codepoint → em) and one line's height in em.

    ``family`` is the family of the file read (``path``; None for the built-in Carlito
    widths); ``kind`` says how it relates to the ``requested`` family: :data:`EXACT`,
    :data:`TWIN` (metric-compatible) or :data:`GUESS`.
    """

    requested: str
    bold: bool
    family: str
    path: str | None
    kind: str
    line_em: float
    advances: dict[int, float] = field(repr=False, compare=False, default_factory=dict)

    @property
    def measurable(self) -> bool:
        return self.kind in (EXACT, TWIN)

    def advance(self, char: str) -> float:
        return self.advances.get(ord(char), MISSING_EM)

    def width_em(self, text: str) -> float:
        get = self.advances.get
        return sum(get(ord(ch), MISSING_EM) for ch in text)

    def described(self) -> str:
        """Dutch: which font was measured, e.g. 'Carlito (maatgelijk aan Calibri)'."""
        if self.kind == EXACT:
            return self.family
        if self.kind == TWIN:
            return f"{self.family} (maatgelijk aan {self.requested})"
        return f"{self.family} (in plaats van {self.requested}, niet maatgelijk)"


def _key(family: str) -> str:
    return " ".join(family.casefold().split())


def relation(requested: str, found_families: list[str]) -> str:
    """How a font file whose names are ``found_families`` stands to the ``requested`` family."""
    wanted, found = _key(requested), {_key(f) for f in found_families}
    if wanted in found:
        return EXACT
    if TWINS.get(wanted, set()) & found:
        return TWIN
    return GUESS


@lru_cache(maxsize=None)
def face(family: str | None, bold: bool = False) -> Face:
    """The face text in ``family`` (None: the default, Calibri) is measured with."""
    family = (family or DEFAULT_FAMILY).strip() or DEFAULT_FAMILY
    found = find(family, bold)
    if found is not None:
        path, families = found
        read = _read(path)
        if read is not None:
            kind = relation(family, families)
            line_em, advances = read
            return Face(family, bold, families[0], path, kind, line_em, advances)
    return _builtin(family, bold)


def _builtin(family: str, bold: bool) -> Face:
    """casuskit's own Carlito widths, for when no font file can be read at all."""
    kind = relation(family, ["Carlito"])
    widths = _builtin_widths()["bold" if bold else "regular"]
    return Face(family, bold, "Carlito", None, kind, _builtin_widths()["line_em"],
                {ord(ch): em for ch, em in widths.items()})


@lru_cache(maxsize=1)
def _builtin_widths() -> dict:
    raw = resources.files("casuskit").joinpath("data", "carlito-breedtes.json").read_text("utf-8")
    return json.loads(raw)


# -- finding the file --------------------------------------------------------------------------

def find(family: str, bold: bool) -> tuple[str, list[str]] | None:
    """(path, the file's family names) of the font that prints ``family`` here."""
    if shutil.which("fc-match"):
        return _fc_match(family, bold)
    return _scan(family, bold)


def _fc_escape(family: str) -> str:
    return "".join("\\" + ch if ch in "\\-:," else ch for ch in family)


def _fc_match(family: str, bold: bool) -> tuple[str, list[str]] | None:
    pattern = _fc_escape(family) + (":weight=bold" if bold else ":weight=regular")
    try:
        done = subprocess.run(["fc-match", "-f", "%{file}\n%{family}\n", pattern],
                              capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 2 or not lines[0]:
        return None
    return lines[0], [name.strip() for name in lines[1].split(",") if name.strip()]


def font_folders() -> list[Path]:
    """Where fonts live on this platform (used without fontconfig)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts", home / ".fonts"]


def _scan(family: str, bold: bool) -> tuple[str, list[str]] | None:
    """The family (or its twin) in the font folders, the bold or regular file as asked;
    None when neither is installed (then there is nothing better to guess with either)."""
    index = _index(tuple(str(folder) for folder in font_folders()))
    for name in [_key(family), *sorted(TWINS.get(_key(family), ()))]:
        styles = index.get(name)
        if styles:
            path, families = styles.get(bold) or styles.get(not bold)
            return path, families
    return None


@lru_cache(maxsize=4)
def _index(folders: tuple[str, ...]) -> dict[str, dict[bool, tuple[str, list[str]]]]:
    """family → {bold: (path, names)} of every upright font file in ``folders``."""
    from fontTools.ttLib import TTFont
    quiet()
    index: dict[str, dict[bool, tuple[str, list[str]]]] = {}
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")) if Path(folder).is_dir() else []:
            if path.suffix.lower() not in FONT_SUFFIXES:
                continue
            try:
                font = TTFont(str(path), lazy=True, fontNumber=0)
                names = font["name"]
                family = names.getDebugName(16) or names.getDebugName(1)
                os2 = font["OS/2"]
                italic, bold = bool(os2.fsSelection & 1), bool(os2.fsSelection & 32) or os2.usWeightClass >= 600
                font.close()
            except Exception:  # a broken or unsupported file: not ours to judge
                continue
            if family and not italic:
                index.setdefault(_key(family), {}).setdefault(bold, (str(path), [family]))
    return index


# -- reading the file ----------------------------------------------------------------------------

def quiet() -> None:
    """fontTools logs harmless complaints (odd timestamps) about many real fonts."""
    logging.getLogger("fontTools").setLevel(logging.ERROR)


CACHE_FOLDER = "lettertypen"


@lru_cache(maxsize=None)
def _read(path: str) -> tuple[float, dict[int, float]] | None:
    """(line height in em, advances) of the font file at ``path``; None if unreadable. Kept
    in casuskit's cache (:mod:`casuskit.cachedir`) by the file's path, size and time, so that
    a build need not load fontTools for a font it measured before."""
    kept = _kept(path)
    if kept is not None:
        return kept
    found = _parse(path)
    if found is not None:
        _keep(path, found)
    return found


def _cache_file(path: str) -> Path | None:
    from casuskit import cachedir
    folder = cachedir.folder(CACHE_FOLDER)
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if folder is None:
        return None
    key = hashlib.sha256(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode("utf-8")).hexdigest()
    return folder / f"{key[:32]}.json"


def _kept(path: str) -> tuple[float, dict[int, float]] | None:
    cache = _cache_file(path)
    try:
        data = json.loads(cache.read_text(encoding="utf-8")) if cache is not None else None
        return (float(data["line_em"]), {int(code): float(em) for code, em in data["advances"].items()}) \
            if data else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _keep(path: str, found: tuple[float, dict[int, float]]) -> None:
    from casuskit import cachedir
    cache = _cache_file(path)
    if cache is None:
        return
    cachedir.keep(cache, json.dumps({"line_em": found[0], "advances": found[1]}).encode("utf-8"))


def _parse(path: str) -> tuple[float, dict[int, float]] | None:
    """Read the font file with fontTools."""
    try:
        from fontTools.ttLib import TTFont
        quiet()
        font = TTFont(path, lazy=True, fontNumber=0)
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        advances = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()
                    if glyph in metrics}
        line = line_units(font) / units
        font.close()
    except Exception:  # not a font fontTools can read: treated as no font at all
        return None
    return line, advances


def line_units(font) -> int:
    """The height of one single-spaced line in font units, the larger of Word's and
    LibreOffice's rule, so text measured with it fits in both.

    Word (GDI): usWinAscent + usWinDescent, plus whatever the hhea line gap adds beyond that.
    LibreOffice: the hhea ascender, descender and line gap; the OS/2 typo values instead when
    the font sets USE_TYPO_METRICS; the win values when hhea has none. It adds the line gap as
    "external leading" for Word documents.
    """
    hhea = font["hhea"] if "hhea" in font else None
    os2 = font["OS/2"] if "OS/2" in font else None
    hhea_height = (hhea.ascent - hhea.descent) if hhea is not None else 0
    hhea_gap = hhea.lineGap if hhea is not None else 0
    candidates = []
    if os2 is not None and (os2.usWinAscent or os2.usWinDescent):
        win = os2.usWinAscent + os2.usWinDescent
        candidates.append(win + max(0, hhea_gap - (win - hhea_height)))
    if hhea_height:
        office = hhea_height + hhea_gap
    elif os2 is not None:
        office = os2.usWinAscent + os2.usWinDescent
    else:
        office = 0
    if os2 is not None and os2.fsSelection & (1 << 7) and os2.sTypoAscender:
        office = os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap
    candidates.append(office)
    return max(candidates) or font["head"].unitsPerEm
