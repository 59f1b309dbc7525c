"""Numbering, bullets, labels and punctuation are computed from the tree, never typed."""

from drafter.plan.layout import context, text_lines
from drafter.plan.model import Plan

BASE = {
    "co_quan": {"cap": "tinh", "loai": "tỉnh", "ten": "Khánh Hòa"},
    "ngay": "2025-10-05",
    "trich_yeu": ["Thực hiện dân chủ ở cơ sở năm 2026"],
    "noi_nhan": ["Bộ Nội vụ;", "Thường trực Tỉnh ủy,", "Các sở, ban, ngành"],
    "luu": "VT, NC.",
    "chu_ky": {"hinh_thuc": "ky_thay", "nguoi_ky": "Trần Văn B"},
}


def plan(**extra) -> Plan:
    return Plan.model_validate({**BASE, **extra})


def lines_of(p: Plan) -> list[str]:
    return [line.dong for line in context(p)["than"]]


def test_numbering_restarts_under_each_parent_and_uses_vietnamese_letters():
    body = [
        {"muc": "mục đích", "noi_dung": [{"khoan": "A", "noi_dung": ["x"]}, {"khoan": "B", "noi_dung": ["y"]}]},
        {"muc": "nội dung", "noi_dung": [
            {"khoan": "C", "noi_dung": [{"diem": f"d{i}"} for i in range(7)]},
        ]},
    ]
    lines = lines_of(plan(noi_dung=body))
    assert lines[0] == "I. MỤC ĐÍCH"
    assert lines[1] == "1. A" and lines[3] == "2. B"
    assert lines[5] == "II. NỘI DUNG" and lines[6] == "1. C"
    assert [line.split(")")[0] for line in lines[7:]] == ["a", "b", "c", "d", "đ", "e", "g"]


def test_items_nest_with_plus_and_tasks_use_labels():
    body = [{"khoan": "Tuyên truyền", "noi_dung": [
        {"y": "ý một", "noi_dung": [{"y": "ý con"}]},
        {"nhiem_vu": {"chu_tri": ["Sở Nội vụ;", "Sở Tư pháp."], "phoi_hop": "Các sở", "thoi_gian": "Quý I",
                      "nhan": {"thoi_gian": "Thời gian hoàn thành"}}},
    ]}]
    lines = lines_of(plan(noi_dung=body, nhan_nhiem_vu={"phoi_hop": "Phối hợp"}))
    assert lines == [
        "1. Tuyên truyền", "- ý một", "+ ý con", "- Cơ quan chủ trì:", "+ Sở Nội vụ;", "+ Sở Tư pháp.",
        "- Phối hợp: Các sở", "- Thời gian hoàn thành: Quý I./.",
    ]


def test_khoan_is_a_heading_only_with_children():
    kinds = [line.kieu for line in context(plan(noi_dung=[{"khoan": "có con", "noi_dung": ["x"]}, {"khoan": "đoạn"}]))["than"]]
    assert kinds == ["khoan", "doan", "doan"]


def test_closing_mark_is_added_once():
    for closing in ("xem xét, quyết định", "xem xét, quyết định.", "xem xét, quyết định./.", "xem xét, quyết định;"):
        assert lines_of(plan(noi_dung=["Nội dung."], ket_luan=closing))[-1] == "xem xét, quyết định./."


def test_recipients_get_their_punctuation_and_the_records_line():
    ctx = context(plan(noi_dung=["x"]))
    assert ctx["noi_nhan"] == ["- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;", "- Lưu: VT, NC."]


def test_signature_forms():
    assert context(plan(noi_dung=["x"]))["chu_ky"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    chairman = plan(noi_dung=["x"], chu_ky={"nguoi_ky": "A"})
    assert context(chairman)["chu_ky"] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    acting = plan(noi_dung=["x"], chu_ky={"hinh_thuc": "quyen", "thay_mat": False, "nguoi_ky": "A"})
    assert context(acting)["chu_ky"] == ["Q. CHỦ TỊCH"]


def test_preamble_citation_forms_and_lead_in():
    bases = [
        {"can_cu": {"loai": "Luật", "ten": "Thực hiện dân chủ ở cơ sở", "ngay": "2022-11-10"}},
        {"can_cu": {"loai": "Nghị định", "so": "59/2023/NĐ-CP", "ngay": "2023-08-14", "co_quan": "Chính phủ",
                    "trich_yeu": "quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở"}},
        {"thuc_hien": "Căn cứ nhầm tiền tố;"},
        {"theo_de_nghi": "Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 01/10/2025"},
    ]
    p = plan(noi_dung=["x"], can_cu=bases, dan_nhap="Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
             dan_nhap_noi_tiep=";")
    texts = [line.dong for line in context(p)["mo_dau"]]
    assert texts == [
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
        "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;",
        "Thực hiện Căn cứ nhầm tiền tố;",
        "Theo đề nghị của Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 01/10/2025; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    ]


def test_header_lines():
    lines = text_lines(plan(noi_dung=["x"], so=7))
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA", "Số: 07/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Khánh Hòa, ngày 05 tháng 10 năm 2025"]


def test_numbered_unit_keeps_its_type_word_as_place():
    p = Plan.model_validate({**BASE, "ngay": "2024-03-01", "co_quan": {"cap": "xa", "loai": "phường", "ten": "3"},
                             "noi_dung": ["x"]})
    assert context(p)["dia_danh_ngay"] == "Phường 3, ngày 01 tháng 3 năm 2024"
    assert context(p)["co_quan"] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG 3"]
