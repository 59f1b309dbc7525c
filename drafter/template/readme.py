"""`templates/README.md`, generated from the same table as `drafter template vars`
(drafter/template/variables.py) and the style list (drafter/document/styles.py).
Regenerate with `python tools/make_template_readme.py`; a test fails when they differ."""

from __future__ import annotations

from drafter.document.styles import PAGE_NUMBER, RULE_STYLES
from drafter.template.variables import FILTERS, GLOBALS, VARIABLES, Var, _show

# Style groups as a person meets them in the document, top to bottom.
STYLE_GROUPS = (
    (("Cơ quan ban hành", "Quốc hiệu", "Tiêu ngữ", "Số ký hiệu", "Địa danh ngày tháng"), "bảng tiêu đề"),
    (RULE_STYLES, "đoạn trống có viền dưới; drafter tự tính độ dài theo bảng quy tắc"),
    (("Tên loại", "Trích yếu"), "«KẾ HOẠCH» và trích yếu"),
    (("Căn cứ",), "các dòng căn cứ (nghiêng)"),
    (("Nội dung", "Mục", "Khoản", "Khoản cấp 2", "Khoản cấp 3", "Tiêu đề điểm", "Điểm", "Ý", "Nhiệm vụ"),
     "phần nội dung (khoản cấp 2, 3: 1.1., 1.1.1. khi đánh số thập phân)"),
    (("Nơi nhận", "Nơi nhận mục", "Thẩm quyền ký", "Người ký"), "bảng chữ ký"),
    ((PAGE_NUMBER,), "số trang ở đầu trang, từ trang 2"),
)

INTRO = """\
# Mẫu Word của drafter

<!-- Tệp này sinh tự động từ drafter/template/variables.py: python tools/make_template_readme.py -->

`ke-hoach.docx` là mẫu docxtpl (cú pháp Jinja trong Word). Có thể mở bằng Word để sửa định dạng:
mỗi thành phần có một **kiểu** riêng, sửa kiểu là sửa mọi chỗ dùng kiểu đó. Hướng dẫn cho cán bộ
pháp chế: [docs/mau-van-ban.md](../docs/mau-van-ban.md).

Mẫu chạy trong môi trường Jinja an toàn (sandbox) có giới hạn (độ dài văn bản, số vòng lặp, cỡ số);
giá trị tự thoát ký tự đặc biệt; dùng một biến không có là lỗi; không dùng được `{% include %}`,
`{% import %}`, `{% extends %}`. Kiểm tra một mẫu: `drafter template check TỆP.docx`.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _var_rows(var: Var, prefix: str = "") -> list[str]:
    rows = [f"| `{prefix}{var.name}` | {var.type} | {_cell(var.description)} | {_cell(_show(var.example))} |"]
    for item in var.fields:
        rows += _var_rows(item, f"{var.name}[].")
    return rows


def readme_markdown() -> str:
    lines = [INTRO, "## Kiểu", "", "| Kiểu | Thành phần |", "|---|---|"]
    lines += [f"| {', '.join(names)} | {what} |" for names, what in STYLE_GROUPS]
    lines += ["", "## Biến dùng được", "",
              "`x[].y` là thuộc tính `y` của từng phần tử trong danh sách `x`, ví dụ "
              "`{% for d in than %}{{ d.dong }}{% endfor %}`.", "",
              "| Biến | Kiểu | Ý nghĩa | Ví dụ |", "|---|---|---|---|"]
    for var in VARIABLES:
        lines += _var_rows(var)
    lines += ["", "## Bộ lọc", "", "| Bộ lọc | Ý nghĩa | Ví dụ |", "|---|---|---|"]
    lines += [f"| `{f.name}` | {_cell(f.description)} | `{_cell(f.example)}` |" for f in FILTERS]
    lines += ["", "## Hàm và biến sẵn có", "", "| Tên | Loại | Ý nghĩa | Ví dụ |", "|---|---|---|---|"]
    lines += [f"| `{g.name}` | {g.type} | {_cell(g.description)} | `{_cell(g.example)}` |" for g in GLOBALS]
    return "\n".join(lines) + "\n"
