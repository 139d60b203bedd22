"""A project house style for the synthetic benchmark project: a real custom reference document.

Written the way a facilitator makes one: ``casuskit huisstijl PAD`` writes the default, then the
Normal style gets another font and colour (what a facilitator changes first in Word). Here that
edit is made in ``word/styles.xml`` inside the zip, every other entry copied as it was, so the
file is the same on every run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

FONT = "Arial"
COLOUR = "1F3864"
_AFTER_COLOUR = ("<w:spacing", "<w:w ", "<w:kern", "<w:position", "<w:sz", "<w:highlight", "<w:u ",
                 "<w:shd", "<w:vertAlign", "<w:rtl", "<w:lang")
_NORMAL = re.compile(r'<w:style\b[^>]*w:styleId="Normal"[^>]*>.*?</w:style>', re.S)


def write(path: Path, generator: Path) -> None:
    """The default house style from ``generator``'s casuskit, restyled, at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(generator), "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "casuskit", "huisstijl", str(path)], env=env, check=True,
                   cwd=path.parent, stdout=subprocess.DEVNULL)
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, content in entries:
            if info.filename == "word/styles.xml":
                content = restyle(content.decode("utf-8")).encode("utf-8")
            target.writestr(info, content)


def restyle(styles: str) -> str:
    """``styles.xml`` with the Normal paragraph style in :data:`FONT` and :data:`COLOUR`."""
    found = _NORMAL.search(styles)
    if found is None:
        raise ValueError("styles.xml has no Normal style")
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    colour = f'<w:color w:val="{COLOUR}"/>'
    style = found.group(0)
    if "<w:rPr>" not in style:
        style = style.replace("</w:style>", "<w:rPr></w:rPr></w:style>")
    head, _, rest = style.partition("<w:rPr>")
    properties, _, tail = rest.partition("</w:rPr>")
    properties = re.sub(r"<w:(rFonts|color)\b[^>]*/>", "", properties)
    # schema order inside w:rPr: rFonts first, color before spacing … sz … lang
    cut = min((properties.find(tag) for tag in _AFTER_COLOUR if tag in properties), default=len(properties))
    properties = fonts + properties[:cut] + colour + properties[cut:]
    return styles[:found.start()] + head + "<w:rPr>" + properties + "</w:rPr>" + tail + styles[found.end():]
