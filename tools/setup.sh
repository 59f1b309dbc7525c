#!/usr/bin/env bash
# Install everything drafter needs on a fresh Debian machine: LibreOffice (for PDF previews and
# layout tests), Poppler, tmux (terminal tests of the wizard), Liberation fonts (metric-compatible
# with Times New Roman), and a virtual environment .venv with drafter and its test tools.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || need_apt+=(fonts-liberation)
# Liberation 2 has every Vietnamese glyph; with 1.x alone LibreOffice borrows some from another font
# and the page layout (what `drafter check --trang` measures) drifts.
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need_apt+=(fonts-liberation2)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
