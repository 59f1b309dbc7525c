"""Presets: agency catalogues (presets/co-quan/), the legal-basis registry (presets/van-ban.yaml)
and plan kinds (presets/loai-ke-hoach/), and the scaffold that turns five answers into a Plan."""

from drafter.presets.registry import BasisRegistry, list_bases, warnings_for

__all__ = ["BasisRegistry", "list_bases", "list_kinds", "scaffold", "warnings_for"]


def __getattr__(name):  # the scaffold pulls in the unit registry: import it on first use
    if name in ("scaffold", "list_kinds"):
        from drafter.presets import scaffold as module
        return getattr(module, name)
    raise AttributeError(name)
