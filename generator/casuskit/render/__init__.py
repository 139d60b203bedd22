"""Renderers: one module per document kind, each turning a :class:`KitContext` into bytes.

Renderers use named styles from the reference document only and leave raw OOXML to
:mod:`casuskit.ooxml`. They never write files; :mod:`casuskit.build` hands their bytes to the
writer.
"""
