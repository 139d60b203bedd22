"""Allows ``python -m casuskit``."""

from casuskit.cli import run

run()
