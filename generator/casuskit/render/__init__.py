"""Renderers: one module per document kind, each turning a :class:`~casuskit.plan.KitContext`
into files.

A renderer describes its document with the blocks of :mod:`casuskit.word` and names styles of
the reference document only; it never touches XML, python-docx or the disk. Each module
declares its kind once (``KIND``, see :mod:`casuskit.render.kinds`); the registry
(:mod:`casuskit.render.registry`) lists them, and the build hands their bytes to the writer.
"""
