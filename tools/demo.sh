#!/usr/bin/env bash
# Render every built-in example plan into out/ (DOCX and PDF) and check each with `drafter check`,
# then page by page with `drafter check --trang`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
mkdir -p out
for spec in presets/examples/*.yaml; do
  .venv/bin/drafter render "$spec" -o "out/$(basename "${spec%.yaml}").docx" --force
done
if .venv/bin/drafter --help | grep -q " check "; then
  .venv/bin/drafter check out/
fi
# PDFs of all examples in one LibreOffice run, then the page-level layout check on them.
.venv/bin/drafter pdf out/ --force
.venv/bin/drafter check --trang out/
echo "Xong: các kế hoạch mẫu nằm trong thư mục out/"
