from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.paths import PRESETS

EXAMPLES = sorted((PRESETS / "examples").glob("*.yaml"))
SHARED = Path(__file__).resolve().parents[2] / "shared"


def render_to_document(plan):
    return docx.Document(io.BytesIO(render_docx(plan)))


@pytest.fixture(scope="session")
def example_000():
    return load_plan(PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml")


MINIMAL = """\
co_quan: {cap: xa, loai: phường, ten: Bắc Nha Trang}
ngay: 2025-09-05
trich_yeu: Thực hiện dân chủ ở cơ sở năm 2026
noi_dung:
  - muc: Mục đích, yêu cầu
    noi_dung:
      - khoan: Mục đích
        noi_dung:
          - diem: Nâng cao nhận thức.
noi_nhan: [UBND tỉnh]
luu: VT, VP
chu_ky: {nguoi_ky: Nguyễn Văn A}
"""


@pytest.fixture
def minimal_spec(tmp_path) -> Path:
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path
