"""casuskit.word: the only package that writes WordprocessingML.

Renderers describe content as plain data and hand it to a :class:`Document`; this package
turns it into a .docx. One way to do each thing:

- :mod:`~casuskit.word.blocks`: the data (Paragraph, Run, Field, PageBreak, Table, Row, Cell,
  Border, Picture);
- :mod:`~casuskit.word.emit`: the one emitter that spells them as XML, for body, cells, headers
  and footers;
- :mod:`~casuskit.word.styles`: the style sheet of a reference (name → id, built once; resolved
  looks for measuring text);
- :mod:`~casuskit.word.reference`: a reference document read once and prepared as a package;
  :mod:`~casuskit.word.refcache` keeps what that produced between builds;
- :mod:`~casuskit.word.document`: the builder renderers use (``paragraph``, ``heading``,
  ``lead``, ``bullets``, ``numbered``, ``note_lines``, ``page_break``, ``add`` for tables and
  pictures, ``header``/``footer``, ``to_bytes``);
- :mod:`~casuskit.word.package`: the reproducible zip;
- :mod:`~casuskit.word.reference_build`: builds the shipped reference document from its
  skeleton parts (data files) and the style definitions.
"""

from casuskit.word.blocks import (NO_BORDER, Border, Cell, Field, PageBreak, Paragraph, Picture,
                                  Row, Run, Table, edges, sides)
from casuskit.word.document import PAGE_NUMBERS, Document
from casuskit.word.reference import (PageLayout, Reference, default_reference_bytes,
                                     open_reference)
from casuskit.word.styles import Look, StyleSheet
from casuskit.word.units import PT_TO_MM, mm_to_twips

A4_TWIPS = (11906, 16838)

__all__ = ["A4_TWIPS", "NO_BORDER", "PAGE_NUMBERS", "PT_TO_MM", "Border", "Cell", "Document",
           "Field", "Look", "PageBreak", "PageLayout", "Paragraph", "Picture", "Reference", "Row",
           "Run", "StyleSheet", "Table", "default_reference_bytes", "edges", "mm_to_twips",
           "open_reference", "sides"]
