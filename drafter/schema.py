"""The answers format as a contract: a JSON Schema generated from the pydantic models of the plan,
with Vietnamese descriptions for editors (VS Code's YAML extension reads the
`# yaml-language-server: $schema=…` line that drafter writes at the top of every answers file).

`presets/ke-hoach.schema.json` is this schema, committed (a test keeps it equal); `drafter schema`
prints it. docs/tep-tra-loi.md documents every field of it, and a test keeps the two in step."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from drafter.paths import PRESETS

SCHEMA_FILE = PRESETS / "ke-hoach.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
NODE_DEFS = ("Muc", "Khoan", "Diem", "Item", "Para", "Task", "Table")
OLD_NAMES = {"dan_nhap_noi_tiep": "dan_nhap_sau_can_cu_cuoi"}  # still read; editors show them as deprecated

# Vietnamese description of each object ($defs name, "Plan" for the root) and of its fields.
DOCS: dict[str, dict[str, str]] = {
    "Plan": {
        "": "Tệp trả lời của drafter: mô tả đầy đủ một Kế hoạch của Ủy ban nhân dân.",
        "phien_ban": "Phiên bản định dạng tệp trả lời (hiện là 1).",
        "co_quan": "Ủy ban nhân dân ban hành kế hoạch.",
        "so": "Số văn bản (bỏ trống khi là dự thảo).",
        "ky_hieu": "Ký hiệu văn bản, mặc định KH-UBND.",
        "ngay": "Ngày ban hành, dạng NNNN-TT-NN.",
        "thang": "Dự thảo: tháng ban hành khi chưa có ngày.",
        "nam": "Dự thảo: năm ban hành khi chưa có ngày.",
        "ten_loai": "Tên loại văn bản, mặc định KẾ HOẠCH.",
        "trich_yeu": "Trích yếu nội dung: một dòng hoặc danh sách dòng.",
        "can_cu": "Các căn cứ, dòng «Thực hiện…», «Theo đề nghị của…».",
        "dan_nhap": "Câu dẫn nhập sau căn cứ, thường kết thúc bằng dấu «:».",
        "dan_nhap_sau_can_cu_cuoi": "Viết câu dẫn nhập liền sau căn cứ cuối, cách bằng dấu này («;» hoặc «,») thay vì thành đoạn riêng.",
        "nhan_nhiem_vu": "Cách gọi các vai trò nhiệm vụ cho cả kế hoạch (ví dụ chu_tri: Chủ trì tham mưu).",
        "trinh_bay_nhiem_vu": "Dòng nhiệm vụ in bằng gạch đầu dòng (gach_dau_dong, mặc định) hay bằng điểm a), b) (diem).",
        "danh_so": "Kiểu đánh số: co_ban (I, 1, a) hoặc thap_phan (I, 1, 1.1, 1.1.1, a).",
        "noi_dung": "Phần nội dung: danh sách mục, khoản, điểm, ý, đoạn văn, nhiệm vụ.",
        "ket_luan": "Đoạn kết thúc (drafter tự thêm «./.»).",
        "noi_nhan": "Danh sách nơi nhận (drafter tự thêm «- » và «;»).",
        "luu": "Nơi lưu, mặc định VT; ví dụ «VT, KGVX».",
        "ghi_chu_luu": "Ghi chú in dưới dòng «Lưu»: số bản, ký hiệu người soạn (ví dụ «08 KH»).",
        "chu_ky": "Thẩm quyền ký và người ký.",
        "phu_luc": "Phụ lục sau chữ ký: một phụ lục hoặc danh sách phụ lục (mỗi phụ lục sang trang mới).",
    },
    "Appendix": {
        "": "Một phụ lục: «Phụ lục I, II…» (đánh số khi có từ hai phụ lục), tên, dòng «Kèm theo Kế hoạch số …».",
        "ten": "Tên phụ lục (in hoa).",
        "ngang": "true: trang nằm ngang (mặc định với bảng phân công).",
        "bang_phan_cong": "true: bảng phân công nhiệm vụ dựng từ các khối nhiệm vụ của kế hoạch.",
        "noi_dung": "Nội dung phụ lục: đoạn văn, bảng…",
    },
    "Table": {"": "Bảng Word trong nội dung hoặc phụ lục.", "bang": "Cột, hàng và dòng tổng của bảng."},
    "TableSpec": {
        "": "Một bảng: dòng tiêu đề lặp lại ở mỗi trang, hàng không bị ngắt giữa hai trang.",
        "ten": "Tên bảng, in phía trên bảng.",
        "cot": "Các cột, theo thứ tự.",
        "hang": "Các hàng: danh sách ô, hoặc {nhom: …} cho một hàng tiêu đề nhóm trải hết bề ngang.",
        "tong": "Tên dòng tổng cộng (cộng các cột số).",
    },
    "Column": {
        "": "Một cột của bảng.",
        "ten": "Tiêu đề cột.",
        "rong": "Độ rộng: «3cm» hoặc «25%»; các cột để trống chia phần còn lại.",
        "can": "Căn lề các ô: trai, giua, phai, deu (cột số mặc định căn phải).",
        "so": "true: cột số, viết 1.250.000 và được cộng ở dòng tổng.",
        "cong": "false: cột số không cộng ở dòng tổng.",
        "nhom": "Tên nhóm: các cột liền nhau cùng nhóm có chung một ô tiêu đề gộp.",
    },
    "GroupRow": {"": "Hàng tiêu đề nhóm trải hết bề ngang bảng.", "nhom": "Nội dung hàng, ví dụ «I. CẤP TỈNH»."},
    "Issuer": {
        "": "Ủy ban nhân dân ban hành.",
        "cap": "Cấp: tinh, huyen (trước 01/7/2025) hoặc xa.",
        "loai": "Loại đơn vị: tỉnh, thành phố, xã, phường, đặc khu…",
        "ten": "Tên đơn vị, không có chữ chỉ loại.",
        "ma": "Mã đơn vị hành chính.",
        "ten_co_quan": "Tên cơ quan, mặc định Ủy ban nhân dân.",
        "dia_danh": "Địa danh ở dòng ngày tháng (mặc định theo tên đơn vị).",
    },
    "Basis": {
        "": "Một dòng căn cứ: đúng một trong ba khóa.",
        "can_cu": "«Căn cứ …»: chữ hoặc văn bản có cấu trúc.",
        "thuc_hien": "«Thực hiện …».",
        "theo_de_nghi": "«Theo đề nghị của …».",
    },
    "Citation": {
        "": "Một văn bản được dẫn, drafter tự viết đúng thể thức.",
        "loai": "Loại văn bản: Luật, Nghị định, Quyết định…",
        "ten": "Tên luật (với Luật).",
        "so": "Số, ký hiệu (không ghi với Luật).",
        "ngay": "Ngày ban hành, dạng NNNN-TT-NN.",
        "kieu_ngay": "Cách viết ngày: chu (ngày 10 tháng 11 năm 2022) hoặc so (10/11/2022).",
        "co_quan": "Cơ quan ban hành.",
        "trich_yeu": "Trích yếu của văn bản được dẫn.",
    },
    "Signature": {
        "": "Thẩm quyền ký (Điều 13 Nghị định 30/2020/NĐ-CP).",
        "thay_mat": "In dòng «TM. ỦY BAN NHÂN DÂN».",
        "hinh_thuc": "chu_tich (Chủ tịch ký), ky_thay (KT. Chủ tịch) hoặc quyen (Q. Chủ tịch).",
        "chuc_vu": "Chức vụ người ký thay cho mặc định.",
        "nguoi_ky": "Họ tên người ký.",
    },
    "Muc": {"": "Mục I, II…: tiêu đề in hoa, đậm.", "muc": "Tên mục.",
            "danh_so": "Kiểu đánh số riêng của mục này.", "noi_dung": "Các phần bên trong."},
    "Khoan": {"": "Khoản 1, 2… (1.1, 1.1.1 với danh_so: thap_phan).", "khoan": "Tiêu đề hoặc nội dung khoản.",
              "tieu_de": "true: tiêu đề đậm; false: đoạn văn có số. Mặc định: tiêu đề khi có phần bên trong.",
              "noi_dung": "Các phần bên trong."},
    "Diem": {"": "Điểm a), b), c), d), đ)…", "diem": "Nội dung điểm.", "tieu_de": "true: in như tiêu đề đậm.",
             "bat_dau_lai": "true: đánh lại từ a) (ví dụ sau một đoạn văn).", "noi_dung": "Các phần bên trong."},
    "Item": {"": "Ý «- » (ý lồng bên trong: «+ »).", "y": "Nội dung ý.", "noi_dung": "Các ý con."},
    "Para": {"": "Đoạn văn không đánh số.", "doan": "Nội dung đoạn."},
    "Task": {"": "Khối giao nhiệm vụ.", "nhiem_vu": "Các vai trò của nhiệm vụ."},
    "TaskBlock": {
        "": "Ai chủ trì, ai phối hợp, hình thức, thời gian…: in theo đúng thứ tự đã viết.",
        "chu_tri": "Cơ quan chủ trì.", "thuc_hien": "Cơ quan thực hiện.", "phoi_hop": "Cơ quan phối hợp.",
        "hinh_thuc": "Hình thức.", "thoi_gian": "Thời gian thực hiện.",
        "vai_tro": "Vai trò khác, tự đặt tên (Sản phẩm, Kinh phí, Nội dung…).",
        "nhan": "Cách gọi các vai trò trong khối này.",
        "trinh_bay": "gach_dau_dong hoặc diem (a), b)) cho khối này.",
    },
    "TaskRole": {"": "Một vai trò tự đặt tên.", "nhan": "Tên vai trò, ví dụ Sản phẩm.",
                 "noi_dung": "Nội dung: chữ hoặc danh sách dòng."},
    "TaskLabels": {"": "Cách gọi các vai trò nhiệm vụ.", "chu_tri": "Thay «Cơ quan chủ trì».",
                   "thuc_hien": "Thay «Cơ quan thực hiện».", "phoi_hop": "Thay «Cơ quan phối hợp».",
                   "hinh_thuc": "Thay «Hình thức».", "thoi_gian": "Thay «Thời gian thực hiện»."},
}


def _describe(obj: dict[str, Any], docs: dict[str, str]) -> None:
    obj.pop("description", None)  # the models' docstrings are for programmers, in English
    if "" in docs:
        obj["description"] = docs[""]
    for name, prop in obj.get("properties", {}).items():
        prop.pop("title", None)
        if name in docs:
            prop["description"] = docs[name]


def _accept_bare_strings(value: Any) -> None:
    """A node list also takes a bare string (a paragraph), as the loader does."""
    if isinstance(value, dict):
        refs = [item.get("$ref", "") for item in value.get("oneOf", [])]
        if refs and all(ref.rsplit("/", 1)[-1] in NODE_DEFS for ref in refs):
            value["oneOf"].append({"type": "string", "description": DOCS["Para"][""]})
        for child in value.values():
            _accept_bare_strings(child)
    elif isinstance(value, list):
        for child in value:
            _accept_bare_strings(child)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    from drafter.plan.model import Plan

    schema = Plan.model_json_schema()
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, DOCS.get(name, {}))
    _describe(schema, DOCS["Plan"])
    props = schema["properties"]
    props["trich_yeu"] = {"anyOf": [{"type": "string"}, {k: v for k, v in props["trich_yeu"].items() if k != "description"}],
                          "description": DOCS["Plan"]["trich_yeu"]}
    for old, new in OLD_NAMES.items():
        props[old] = {**props[new], "deprecated": True, "description": f"Tên cũ của «{new}»."}
    _accept_bare_strings(schema)
    schema["title"] = "Tệp trả lời drafter (Kế hoạch)"
    return {"$schema": DIALECT, **schema}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of an answers file (a fresh copy)."""
    return copy.deepcopy(_schema())


def schema_text() -> str:
    return json.dumps(_schema(), ensure_ascii=False, indent=2) + "\n"


def modeline() -> str:
    """The comment line that points editors to the schema file."""
    return f"yaml-language-server: $schema={SCHEMA_FILE.resolve().as_uri()}"
