"""Presets: agency catalogues (presets/co-quan/), the legal-basis registry (presets/van-ban.yaml)
and plan kinds (presets/loai-ke-hoach/), and the scaffold that turns five answers into a Plan.

Note: `drafter.presets.scaffold` is rebound to the function below; import the module's other
names from `drafter.presets.scaffold` before importing this package's `scaffold` if needed."""

from drafter.presets.registry import BasisRegistry, list_bases, warnings_for
from drafter.presets.scaffold import list_kinds, list_units
from drafter.presets.scaffold import scaffold as scaffold  # noqa: E402  (function)

__all__ = ["BasisRegistry", "list_bases", "list_kinds", "list_units", "scaffold", "warnings_for"]
