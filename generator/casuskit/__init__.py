"""casuskit: turns casus definitions written in YAML into printable workshop kits.

The public entry points are :func:`casuskit.check.check_workspace` and
:func:`casuskit.build.build`; the command line lives in :mod:`casuskit.cli`.
"""

__version__ = "0.1.0"
