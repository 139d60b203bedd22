"""Allows ``python -m casuskit``."""

from casuskit.cli import main

main()
