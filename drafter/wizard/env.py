"""Registries the steps share, loaded once per wizard run (and only when a step needs them)."""

from __future__ import annotations

import datetime as dt
import functools


class Env:
    def __init__(self, today: dt.date | None = None):
        self.today = today or dt.date.today()

    @functools.cached_property
    def units(self):
        from drafter.units import UnitRegistry

        return UnitRegistry.load()

    @functools.cached_property
    def bases(self):
        from drafter.presets.registry import BasisRegistry

        return BasisRegistry.load()
