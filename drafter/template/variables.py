"""What a Word template may use: every variable of the render context, every filter and global
of the sandbox, each with its type, a Vietnamese description and an example. This one table
feeds `drafter template vars`, `templates/README.md` (tools/make_template_readme.py), the
sample data of `drafter template check` and the sandbox's filter list; tests compare it with
the context of a real render, so it cannot drift.

Adding a context key (drafter/plan/layout.py) is one `Var(...)` entry below."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Var:
    name: str
    type: str  # in the words legal staff use
    description: str
    example: Any
    fields: tuple[Var, ...] = field(default_factory=tuple)  # attributes of each list item


# Attributes of one line of `mo_dau` / `than` (drafter.plan.layout.Line).
LINE_FIELDS = (
    Var("kieu", "chữ", "loại đoạn: muc, khoan, tieu_de_diem, diem, y, nhiem_vu, doan, can_cu, dan_nhap", "khoan"),
    Var("so", "chữ", "số hoặc ký hiệu đầu đoạn do drafter tính: I., 1., a), -, +", "1."),
    Var("nhan", "chữ", "nhãn của dòng nhiệm vụ, ví dụ «Cơ quan chủ trì» (rỗng nếu không phải nhiệm vụ)", ""),
    Var("noi_dung", "chữ", "nội dung đoạn, chưa có số", "Mục đích"),
    Var("tiep", "chữ", "phần dẫn nhập viết liền sau căn cứ cuối, chữ đứng (rỗng nếu không có)", ""),
    Var("dong", "chữ", "cả đoạn như in ra: số, nhãn và nội dung (bỏ dấu ** và * của chữ đậm, nghiêng)",
        "1. Mục đích"),
    Var("dau", "chữ", "phần đứng trước nội dung: số và nhãn nhiệm vụ", "a) Cơ quan chủ trì: "),
    Var("doan_chu", "danh sách đoạn chữ", "cả đoạn chia theo chữ đậm, nghiêng; in bằng {{r d|dinh_dang }}", []),
    Var("bang", "bảng", "với kieu = bang: bảng Word; đặt {{p d.bang }} một mình trong một đoạn", None),
)

# Attributes of one appendix of `phu_luc` (drafter.plan.appendix_layout.AppendixView).
APPENDIX_FIELDS = (
    Var("so", "chữ", "«Phụ lục», hoặc «Phụ lục I», «Phụ lục II»… khi có từ hai phụ lục", "Phụ lục I"),
    Var("ten", "chữ", "tên phụ lục, viết hoa (có thể rỗng)", "PHÂN CÔNG NHIỆM VỤ"),
    Var("kem_theo", "chữ", "dòng «(Kèm theo Kế hoạch số …)» dựng từ phần đầu kế hoạch",
        "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 9 năm 2025 của Ủy ban nhân dân phường Bắc Nha Trang)"),
    Var("ngang", "đúng/sai", "phụ lục in trên trang nằm ngang", True),
    Var("than", "danh sách đoạn", "nội dung phụ lục, các đoạn như của «than»",
        [{"kieu": "doan", "so": "", "nhan": "", "noi_dung": "Nội dung phụ lục", "tiep": "",
          "dong": "Nội dung phụ lục", "dau": "", "doan_chu": [], "bang": None}]),
)

VARIABLES: tuple[Var, ...] = (
    Var("co_quan", "danh sách dòng", "tên cơ quan ban hành, mỗi phần tử một dòng, đã viết hoa",
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẮC NHA TRANG"]),
    Var("so_ky_hieu", "chữ", "số và ký hiệu văn bản", "Số: 05/KH-UBND"),
    Var("dia_danh_ngay", "chữ", "địa danh và ngày tháng năm ban hành", "Bắc Nha Trang, ngày 05 tháng 9 năm 2025"),
    Var("ten_loai", "chữ", "tên loại văn bản, viết hoa", "KẾ HOẠCH"),
    Var("trich_yeu", "danh sách dòng", "trích yếu nội dung, mỗi phần tử một dòng", ["Thực hiện dân chủ ở cơ sở năm 2026"]),
    Var("mo_dau", "danh sách đoạn", "phần mở đầu: các căn cứ (kieu = can_cu) và đoạn dẫn nhập (kieu = dan_nhap)",
        [{"kieu": "can_cu", "so": "", "nhan": "", "noi_dung": "Căn cứ Luật Tổ chức chính quyền địa phương;",
          "tiep": "", "dong": "Căn cứ Luật Tổ chức chính quyền địa phương;"}], LINE_FIELDS),
    Var("than", "danh sách đoạn", "phần nội dung theo thứ tự đọc; mỗi đoạn có kieu để chọn kiểu Word",
        [{"kieu": "muc", "so": "I.", "nhan": "", "noi_dung": "MỤC ĐÍCH, YÊU CẦU", "tiep": "",
          "dong": "I. MỤC ĐÍCH, YÊU CẦU"}], LINE_FIELDS),
    Var("nhan_noi_nhan", "chữ", "nhãn «Nơi nhận:»", "Nơi nhận:"),
    Var("noi_nhan", "danh sách dòng", "các dòng nơi nhận, đã có gạch đầu dòng và dấu; dòng cuối là «Lưu»",
        ["- UBND tỉnh;", "- Lưu: VT."]),
    Var("chu_ky", "danh sách dòng", "quyền hạn và chức vụ người ký, đã viết hoa",
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    Var("nguoi_ky", "chữ", "họ tên người ký", "Nguyễn Văn A"),
    Var("phu_luc", "danh sách phụ lục", "các phụ lục sau chữ ký; drafter đặt mỗi phụ lục thành một phần (section) "
        "riêng, sang trang mới", [], APPENDIX_FIELDS),
)

# Filters: `{{ bien|bo_loc }}`. Only these are installed in the sandbox (fewer tools, fewer
# ways to hurt); the example is what the filter gives on the value shown.
FILTERS: tuple[Var, ...] = (
    Var("dinh_dang", "bộ lọc", "in cả đoạn kèm chữ đậm, nghiêng (**đậm**, *nghiêng*); trong Word viết "
        "{{r d|dinh_dang }} (thẻ {{r … }} của docxtpl)", "{{ than[0]|dinh_dang }}"),
    Var("upper", "bộ lọc", "viết hoa toàn bộ", "{{ nguoi_ky|upper }} → NGUYỄN VĂN A"),
    Var("lower", "bộ lọc", "viết thường toàn bộ", "{{ ten_loai|lower }} → kế hoạch"),
    Var("capitalize", "bộ lọc", "viết hoa chữ đầu, còn lại viết thường", "{{ ten_loai|capitalize }} → Kế hoạch"),
    Var("title", "bộ lọc", "viết hoa chữ đầu mỗi từ", "{{ 'phường bắc nha trang'|title }} → Phường Bắc Nha Trang"),
    Var("trim", "bộ lọc", "bỏ khoảng trắng ở hai đầu", "{{ ' a '|trim }} → a"),
    Var("replace", "bộ lọc", "thay một đoạn chữ bằng đoạn khác", "{{ so_ky_hieu|replace('Số: ', '') }} → 05/KH-UBND"),
    Var("truncate", "bộ lọc", "cắt ngắn còn khoảng n ký tự, không cắt giữa từ", "{{ dia_danh_ngay|truncate(20) }} → Bắc Nha Trang,..."),
    Var("wordcount", "bộ lọc", "đếm số từ", "{{ nguoi_ky|wordcount }} → 3"),
    Var("join", "bộ lọc", "nối các dòng của danh sách bằng một chuỗi", "{{ co_quan|join(' ') }} → ỦY BAN NHÂN DÂN PHƯỜNG …"),
    Var("length", "bộ lọc", "số phần tử của danh sách (hoặc số ký tự)", "{{ noi_nhan|length }} → 2"),
    Var("first", "bộ lọc", "phần tử đầu", "{{ co_quan|first }} → ỦY BAN NHÂN DÂN"),
    Var("last", "bộ lọc", "phần tử cuối", "{{ noi_nhan|last }} → - Lưu: VT."),
    Var("default", "bộ lọc", "giá trị thay thế khi giá trị rỗng (với true)", "{{ than[0].nhan|default('—', true) }} → —"),
    Var("selectattr", "bộ lọc", "chọn các đoạn có thuộc tính thỏa điều kiện",
        "{{ than|selectattr('kieu', 'equalto', 'muc')|list|length }} → số mục"),
    Var("rejectattr", "bộ lọc", "bỏ các đoạn có thuộc tính thỏa điều kiện", "{% for d in than|rejectattr('kieu', 'equalto', 'y') %}"),
    Var("map", "bộ lọc", "lấy một thuộc tính của từng đoạn", "{{ than|map(attribute='dong')|first }} → I. MỤC ĐÍCH, YÊU CẦU"),
    Var("list", "bộ lọc", "biến kết quả của bộ lọc khác thành danh sách", "{{ (than|selectattr('kieu', 'equalto', 'muc'))|list }}"),
    Var("int", "bộ lọc", "đổi thành số nguyên", "{{ '5'|int }} → 5"),
    Var("string", "bộ lọc", "đổi thành chữ", "{{ 5|string }} → 5"),
)

# Globals: names usable without a context value (`loop` exists inside {% for %} only).
# Budgets in drafter/template/sandbox.py.
GLOBALS: tuple[Var, ...] = (
    Var("range", "hàm", "dãy số để lặp, tối đa 10.000 số", "{% for i in range(3) %}{{ i }}{% endfor %} → 012"),
    Var("namespace", "hàm", "chỗ chứa giá trị đổi được trong vòng lặp", "{% set dem = namespace(n=0) %}"),
    Var("lipsum", "hàm", "đoạn chữ giả để thử mẫu, tối đa 20 đoạn", "{{ lipsum(1) }}"),
    Var("cycler", "hàm", "luân phiên các giá trị qua mỗi lần gọi", "{% set c = cycler('a', 'b') %}{{ c.next() }} → a"),
    Var("joiner", "hàm", "chèn dấu phân cách từ lần gọi thứ hai", "{% set phay = joiner(', ') %}"),
    Var("dict", "hàm", "tạo một bảng tra nhỏ", "{% set ten = dict(a='Ấp') %}"),
    Var("loop", "biến vòng lặp", "trong {% for %}: loop.index (1, 2, …), loop.first, loop.last", "{{ loop.index }} → 1"),
)


def sample_context() -> dict[str, Any]:
    """Context of examples, as docxtpl-lint's data checks want it (plain dicts and lists)."""
    return {var.name: _sample(var) for var in VARIABLES}


def _sample(var: Var) -> Any:
    """A list of items has one sample item holding every documented attribute."""
    if not var.fields:
        return var.example
    first = var.example[0] if var.example else {}
    return [{**{f.name: f.example for f in var.fields}, **first}]


def rows() -> list[tuple[str, str, str, str]]:
    """(name, type, description, example) for every variable, item attribute, filter and global."""
    out: list[tuple[str, str, str, str]] = []
    for var in VARIABLES:
        out.append((var.name, var.type, var.description, _show(var.example)))
        out.extend((f"{var.name}[].{f.name}", f.type, f.description, _show(f.example)) for f in var.fields)
    out.extend((f"|{f.name}", f.type, f.description, f.example) for f in FILTERS)
    out.extend((g.name, g.type, g.description, g.example) for g in GLOBALS)
    return out


def _show(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "[{" + ", ".join(f"{k}: «{v}»" for k, v in value[0].items() if v) + "}, …]"
    if isinstance(value, list):
        return "[" + ", ".join(f"«{v}»" for v in value) + "]"
    return f"«{value}»" if value else "«»"
