"""Safety limits on what drafter reads. They are not ND30 numbers (those live in
presets/nd30.yaml): they bound the time and memory a hostile or broken file can cost, and each
leaves a wide margin above the largest real plan (a long KH-UBND is about 50 kB of YAML, a few
hundred nodes, 6 levels of body)."""

from __future__ import annotations

# Answers files and presets (YAML).
MAX_YAML_BYTES = 4 * 1024 * 1024
MAX_YAML_DEPTH = 64  # nested mappings and lists; the body uses two per level
MAX_YAML_NODES = 200_000  # scalars and collections after every alias is expanded

# The body tree of a plan, however it was built (YAML, wizard, import, code).
MAX_BODY_DEPTH = 16  # Mục > khoản > 1.1 > 1.1.1 > điểm > "-" > "+" is 7
MAX_BODY_NODES = 50_000

# A DOCX drafter has just rendered is read back for its self-check without the zip bomb limits
# for foreign files (drafter.check.safety); this only bounds memory.
MAX_OWN_OUTPUT_BYTES = 1024 * 1024 * 1024
