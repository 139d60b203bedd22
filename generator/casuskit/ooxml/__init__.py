"""Raw OOXML helpers: the only place in casuskit that touches ``w:`` XML.

Every function takes python-docx objects (Document, Section, Table, _Row, _Cell,
Paragraph, a style) and lengths in millimetres, and writes the WordprocessingML
python-docx has no API for. Import from here (``from casuskit import ooxml``);
the submodules only split the layer by scope:

- :mod:`casuskit.ooxml.text`: fields, paragraph borders/shading, list numbering;
- :mod:`casuskit.ooxml.tables`: grids, borders, padding, shading, row rules;
- :mod:`casuskit.ooxml.tablexml`: whole tables described as data and written in one go
  (imported as a module: ``from casuskit.ooxml import tablexml``);
- :mod:`casuskit.ooxml.document`: language, docDefaults, A4 page, text width, app.xml;
- :mod:`casuskit.ooxml.fastdocx`: what python-docx does write, faster: memoised style
  look-ups and paragraphs written directly, for the documents casuskit renders.
"""

from casuskit.ooxml._xml import NO_BORDER, Border, mm_to_emu, mm_to_twips
from casuskit.ooxml.document import (A4_TWIPS, clear_body, set_app_property,
                                     set_default_style, set_doc_defaults, set_language,
                                     set_page_a4, text_width_mm)
from casuskit.ooxml.tables import (set_cant_split, set_cell_borders, set_cell_margins,
                                   set_cell_shading, set_cell_vertical_alignment,
                                   set_repeat_header, set_row_height, set_table_alignment,
                                   set_table_borders, set_table_fixed_layout,
                                   set_table_indent, set_table_style_header)
from casuskit.ooxml.text import (add_abstract_numbering, add_field, add_numbering_instance,
                                 add_text_with_fields, new_list, restart_numbering,
                                 set_character_spacing, set_keep_with_next, set_numbering,
                                 set_outline_level, set_page_break_before,
                                 set_paragraph_borders, set_paragraph_shading)

__all__ = [
    "A4_TWIPS", "NO_BORDER", "Border", "add_abstract_numbering", "add_field",
    "add_numbering_instance", "add_text_with_fields", "clear_body", "mm_to_emu",
    "mm_to_twips", "new_list", "restart_numbering", "set_app_property", "set_cant_split",
    "set_cell_borders", "set_cell_margins", "set_cell_shading",
    "set_cell_vertical_alignment", "set_character_spacing", "set_default_style",
    "set_doc_defaults", "set_keep_with_next", "set_language", "set_numbering",
    "set_outline_level", "set_page_a4", "set_page_break_before", "set_paragraph_borders",
    "set_paragraph_shading", "set_repeat_header", "set_row_height",
    "set_table_alignment", "set_table_borders", "set_table_fixed_layout", "set_table_indent",
    "set_table_style_header", "text_width_mm",
]
