"""The plan: a validated model of a KH-UBND (`model`, `body`, `citation`) and its layout
into numbered paragraphs (`layout`)."""

from drafter.plan.model import Plan

__all__ = ["Plan"]
