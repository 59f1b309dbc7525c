"""Regenerate templates/README.md from drafter/template/variables.py (see drafter/template/readme.py)."""

from drafter.paths import TEMPLATES
from drafter.template.readme import readme_markdown

if __name__ == "__main__":
    (TEMPLATES / "README.md").write_text(readme_markdown(), encoding="utf-8")
    print(f"Đã ghi {TEMPLATES / 'README.md'}")
