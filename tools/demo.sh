#!/usr/bin/env bash
# Render every built-in example plan into out/ and check each with `drafter check`.
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
echo "Xong: các kế hoạch mẫu nằm trong thư mục out/"
