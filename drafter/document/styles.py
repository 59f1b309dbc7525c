"""The named Word styles of a plan, and which ND30 element each one carries.

Templates format every element through these styles, so that restyling in Word is one edit;
the renderer and the checker find elements by these names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StyleSpec:
    name: str  # the style's name in Word
    element: str | None  # key in the rules table's `thanh_phan`, or None
    base: str | None = None  # style it is based on
    body: bool = False  # justified, first-line indent, spacing after (doan_van rules)
    centred: bool = False
    keep_with_next: bool = False


BODY = "Nội dung"

STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("Cơ quan ban hành", "co_quan_ban_hanh", centred=True),
    StyleSpec("Quốc hiệu", "quoc_hieu", centred=True),
    StyleSpec("Tiêu ngữ", "tieu_ngu", centred=True),
    StyleSpec("Số ký hiệu", "so_ky_hieu", centred=True),
    StyleSpec("Địa danh ngày tháng", "dia_danh_ngay", centred=True),
    StyleSpec("Tên loại", "ten_loai", centred=True, keep_with_next=True),
    StyleSpec("Trích yếu", "trich_yeu", centred=True, keep_with_next=True),
    StyleSpec(BODY, "noi_dung", body=True),
    StyleSpec("Căn cứ", "can_cu", base=BODY, body=True),
    StyleSpec("Mục", "muc", base=BODY, body=True, keep_with_next=True),
    StyleSpec("Khoản", "khoan", base=BODY, body=True, keep_with_next=True),
    StyleSpec("Khoản cấp 2", "khoan_cap_2", base=BODY, body=True, keep_with_next=True),
    StyleSpec("Khoản cấp 3", "khoan_cap_3", base=BODY, body=True, keep_with_next=True),
    StyleSpec("Tiêu đề điểm", "khoan", base=BODY, body=True, keep_with_next=True),
    StyleSpec("Điểm", "noi_dung", base=BODY, body=True),
    StyleSpec("Ý", "noi_dung", base=BODY, body=True),
    StyleSpec("Nhiệm vụ", "noi_dung", base=BODY, body=True),
    StyleSpec("Nơi nhận", "noi_nhan_nhan"),
    StyleSpec("Nơi nhận mục", "noi_nhan_muc"),
    StyleSpec("Thẩm quyền ký", "tham_quyen_ky", centred=True),
    StyleSpec("Người ký", "nguoi_ky", centred=True),
)

# Appendices and tables: (style name, rules-table path of the element, centred, bold override).
APPENDIX_HEADING = "Phụ lục"
APPENDIX_TITLE = "Tên phụ lục"
APPENDIX_REFERENCE = "Kèm theo"
RULE_APPENDIX = "Đường kẻ phụ lục"
TABLE_STYLE = "Bảng"
TABLE_CAPTION = "Tên bảng"
TABLE_HEADER = "Tiêu đề cột"
TABLE_CELL = "Ô bảng"
TABLE_GROUP = "Nhóm bảng"
TABLE_SPACER = "Đường kẻ"  # the small empty paragraph after a table (the base of the rule styles)
EXTRA_STYLES: tuple[tuple[str, str, bool, bool | None], ...] = (
    (APPENDIX_HEADING, "phu_luc.tieu_de", True, None),
    (APPENDIX_TITLE, "phu_luc.ten", True, None),
    (APPENDIX_REFERENCE, "phu_luc.kem_theo", True, None),
    (TABLE_CAPTION, "bang.ten_bang", True, None),
    (TABLE_HEADER, "bang.tieu_de_cot", True, None),
    (TABLE_CELL, "bang.o", False, None),
    (TABLE_GROUP, "bang.o", False, True),
)

# Empty paragraphs whose bottom border draws a rule under an element (sized at render time).
RULE_ISSUER = "Đường kẻ cơ quan"
RULE_MOTTO = "Đường kẻ tiêu ngữ"
RULE_SUBJECT = "Đường kẻ trích yếu"
RULE_STYLES = (RULE_ISSUER, RULE_MOTTO, RULE_SUBJECT, RULE_APPENDIX)

PAGE_NUMBER = "Số trang"

# Template branch (Line.kieu of the layout) → style name.
LINE_STYLES: dict[str, str] = {
    "muc": "Mục",
    "khoan": "Khoản",
    "khoan_2": "Khoản cấp 2",
    "khoan_3": "Khoản cấp 3",
    "tieu_de_diem": "Tiêu đề điểm",
    "diem": "Điểm",
    "y": "Ý",
    "nhiem_vu": "Nhiệm vụ",
    "doan": BODY,
    "dan_nhap": BODY,
    "can_cu": "Căn cứ",
}
