"""Real plan structures (issue 9, part A): numbering schemes I / 1 / 1.1 / 1.1.1 / a, the a)
restart, task roles in the user's wording and order, the records note under "Lưu"."""

from __future__ import annotations

import pytest

from drafter.check import check_docx_bytes
from drafter.document.render import render_docx
from drafter.errors import InputError
from drafter.plan.layout import context, text_lines
from drafter.plan.model import Plan
from drafter.plan.numbering import SchemeName
from drafter.rules import rules
from drafter.yamlio import validate

BASE = {
    "co_quan": {"cap": "tinh", "loai": "tỉnh", "ten": "Khánh Hòa"},
    "ngay": "2025-10-05",
    "trich_yeu": ["Chuyển đổi số năm 2026"],
    "noi_nhan": ["Bộ Nội vụ", "Các sở, ban, ngành"],
    "luu": "VT, KGVX",
    "chu_ky": {"hinh_thuc": "ky_thay", "nguoi_ky": "Trần Văn B"},
}

DECIMAL_BODY = [
    {"muc": "Nhiệm vụ", "noi_dung": [
        {"khoan": "Nhận thức số", "noi_dung": [
            {"khoan": "Tuyên truyền", "noi_dung": [
                {"khoan": "Trên báo chí", "noi_dung": [{"diem": "Báo tỉnh."}, {"diem": "Đài tỉnh."}]},
                {"khoan": "Trên mạng xã hội.", "tieu_de": False},
            ]},
            {"khoan": "Tập huấn", "noi_dung": [{"diem": "Cho cán bộ."}]},
        ]},
        {"khoan": "Thể chế số", "noi_dung": [{"khoan": "Rà soát văn bản.", "tieu_de": False}]},
    ]},
]


def plan(**extra) -> Plan:
    return Plan.model_validate({**BASE, **extra})


def body_lines(p: Plan) -> list[tuple[str, str]]:
    return [(line.kieu, line.dong) for line in context(p)["than"]]


def test_scheme_names_are_the_rules_table_schemes():
    assert set(SchemeName.__args__) == set(rules().danh_so.kieu)
    assert rules().danh_so.mac_dinh in rules().danh_so.kieu


def test_decimal_numbering_is_computed_with_a_style_per_level():
    lines = body_lines(plan(danh_so="thap_phan", noi_dung=DECIMAL_BODY))
    assert lines == [
        ("muc", "I. NHIỆM VỤ"),
        ("khoan", "1. Nhận thức số"),
        ("khoan_2", "1.1. Tuyên truyền"),
        ("khoan_3", "1.1.1. Trên báo chí"),
        ("diem", "a) Báo tỉnh."),
        ("diem", "b) Đài tỉnh."),
        ("doan", "1.1.2. Trên mạng xã hội."),
        ("khoan_2", "1.2. Tập huấn"),
        ("diem", "a) Cho cán bộ."),
        ("khoan", "2. Thể chế số"),
        ("doan", "2.1. Rà soát văn bản./."),
    ]


def test_basic_scheme_refuses_nested_khoan_and_names_the_place_and_the_fix():
    with pytest.raises(InputError) as caught:
        validate(Plan, {**BASE, "noi_dung": DECIMAL_BODY})
    message = str(caught.value)
    assert "noi_dung[0].noi_dung[0].noi_dung[0]" in message and "danh_so: thap_phan" in message


def test_scheme_per_muc_and_depth_limit():
    body = [{"muc": "Mục tiêu", "noi_dung": [{"khoan": "Chung"}]},
            {"muc": "Nhiệm vụ", "danh_so": "thap_phan", "noi_dung": DECIMAL_BODY[0]["noi_dung"]}]
    assert ("khoan_3", "1.1.1. Trên báo chí") in body_lines(plan(noi_dung=body))
    too_deep = [{"khoan": "1", "noi_dung": [{"khoan": "2", "noi_dung": [{"khoan": "3", "noi_dung": [{"khoan": "4"}]}]}]}]
    with pytest.raises(ValueError, match="4 cấp"):
        plan(danh_so="thap_phan", noi_dung=too_deep)


def test_points_restart_at_a_only_when_asked():
    body = [{"khoan": "Nội dung", "noi_dung": [
        {"diem": "một."}, {"diem": "hai."}, "Ngoài ra, các địa phương:",
        {"diem": "ba.", "bat_dau_lai": True}, {"diem": "bốn."}, "Đoạn khác.", {"diem": "năm."},
    ]}]
    labels = [d.split(")")[0] for k, d in body_lines(plan(noi_dung=body)) if k == "diem"]
    assert labels == ["a", "b", "a", "b", "c"]


def test_task_roles_in_user_wording_and_order_as_dashes_or_letters():
    block = {"thoi_gian": "Quý I năm 2026.", "vai_tro": [{"nhan": "Sản phẩm", "noi_dung": "Báo cáo kết quả."}],
             "chu_tri": "Sở Khoa học và Công nghệ.", "nhan": {"thoi_gian": "Thời gian hoàn thành"}}
    body = [{"khoan": "Nhiệm vụ", "noi_dung": [{"nhiem_vu": block}]},
            {"khoan": "Khác", "noi_dung": [{"nhiem_vu": {**block, "trinh_bay": "diem", "phoi_hop": ["Sở A;", "Sở B."]}}]}]
    lines = [d for _, d in body_lines(plan(noi_dung=body))]
    assert lines[1:4] == ["- Thời gian hoàn thành: Quý I năm 2026.", "- Sản phẩm: Báo cáo kết quả.",
                          "- Cơ quan chủ trì: Sở Khoa học và Công nghệ."]
    assert lines[5:] == ["a) Thời gian hoàn thành: Quý I năm 2026.", "b) Sản phẩm: Báo cáo kết quả.",
                         "c) Cơ quan chủ trì: Sở Khoa học và Công nghệ.", "d) Cơ quan phối hợp:",
                         "- Sở A;", "- Sở B./."]
    lettered_plan = plan(trinh_bay_nhiem_vu="diem", noi_dung=body[:1])
    assert [d for _, d in body_lines(lettered_plan)][1].startswith("a) Thời gian hoàn thành")


def test_task_block_roles_api_resolves_labels_in_order():
    p = plan(nhan_nhiem_vu={"chu_tri": "Chủ trì tham mưu"},
             noi_dung=[{"nhiem_vu": {"chu_tri": "Phòng Văn hóa - Xã hội", "vai_tro": [{"nhan": "Kinh phí", "noi_dung": "Ngân sách xã"}]}}])
    block = p.noi_dung[0].nhiem_vu
    assert block.roles(p.nhan_nhiem_vu) == [("Chủ trì tham mưu", "Phòng Văn hóa - Xã hội"), ("Kinh phí", "Ngân sách xã")]
    assert block.roles() == [("Cơ quan chủ trì", "Phòng Văn hóa - Xã hội"), ("Kinh phí", "Ngân sách xã")]


def test_records_note_is_printed_under_luu():
    lines = text_lines(plan(noi_dung=["Nội dung."], ghi_chu_luu="08 KH"))
    at = lines.index("- Lưu: VT, KGVX.")
    assert lines[at + 1] == "08 KH"


@pytest.mark.parametrize("extra", [
    {"danh_so": "thap_phan", "noi_dung": DECIMAL_BODY, "ghi_chu_luu": "08 KH"},
    {"trinh_bay_nhiem_vu": "diem", "noi_dung": [{"muc": "Tổ chức thực hiện", "noi_dung": [
        {"khoan": "Sở Nội vụ", "noi_dung": [{"nhiem_vu": {"chu_tri": "Sở Nội vụ.", "thoi_gian": "Năm 2026."}}]},
        {"khoan": "Sở Tài chính", "noi_dung": [{"diem": "Bố trí kinh phí."}, "Ngoài ra:", {"diem": "Hướng dẫn.", "bat_dau_lai": True}]},
    ]}]},
])
def test_drafters_own_output_of_every_new_construct_has_zero_check_findings(extra):
    findings = check_docx_bytes(render_docx(plan(**extra)))
    assert [(f.rule, f.where, f.message) for f in findings] == []


def test_inline_emphasis_becomes_runs_and_special_characters_survive():
    import io

    import docx

    body = [{"khoan": "Nhiệm vụ", "noi_dung": [
        {"diem": "**Tuyên truyền:** in *không* quá 5 \\* 3 bản & <giữ> \"nguyên\" {{ ngoặc }}."},
        {"diem": "Dòng một\nDòng hai **đậm**."},
    ]}]
    p = plan(noi_dung=body)
    assert body_lines(p)[1][1] == 'a) Tuyên truyền: in không quá 5 * 3 bản & <giữ> "nguyên" {{ ngoặc }}.'
    data = render_docx(p)
    document = docx.Document(io.BytesIO(data))
    [para] = [x for x in document.paragraphs if x.text.startswith("a) ")]
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs] == [
        ("a) ", False, False), ("Tuyên truyền:", True, False), (" in ", False, False), ("không", False, True),
        (' quá 5 * 3 bản & <giữ> "nguyên" {{ ngoặc }}.', False, False)]
    texts = [x.text for x in document.paragraphs]
    assert "b) Dòng một" in texts and "Dòng hai đậm./." in texts
    assert [f.rule for f in check_docx_bytes(data)] == []


def test_ending_mark_goes_after_a_closing_emphasis_marker():
    p = plan(noi_dung=[{"doan": "Kế hoạch này **có hiệu lực từ ngày ký.**"}])
    assert body_lines(p)[-1][1] == "Kế hoạch này có hiệu lực từ ngày ký./."


def test_emphasis_filter_takes_plain_values_in_a_custom_template():
    from drafter.document.runs import rich_text

    assert rich_text("Lưu ý **x** & y").xml.count("<w:b/>") == 1 and "&amp;" in rich_text("& y").xml
    assert rich_text(None).xml == "" and "12" in rich_text(12).xml


def test_point_sequences_a_reader_cannot_follow_are_refused():
    with pytest.raises(ValueError, match="bat_dau_lai"):
        plan(noi_dung=[{"khoan": "K", "noi_dung": [{"diem": "một."}, {"diem": "hai.", "bat_dau_lai": True}]}])
    with pytest.raises(ValueError, match=r"noi_dung\[0\].noi_dung\[1\]: điểm đứng sau một khoản"):
        plan(noi_dung=[{"muc": "M", "noi_dung": [{"khoan": "K", "noi_dung": ["x"]}, {"diem": "lạc chỗ."}]}])
    with pytest.raises(ValueError, match="điểm đứng sau một khoản"):
        plan(trinh_bay_nhiem_vu="diem", noi_dung=[{"khoan": "K.", "tieu_de": False}, {"nhiem_vu": {"chu_tri": "A"}}])
    plan(noi_dung=[{"khoan": "K.", "tieu_de": False}, {"nhiem_vu": {"chu_tri": "A"}}])  # dashes: fine


# -- drafter's own output never flags, whatever the tree (property test) ----------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from drafter.check import check_text  # noqa: E402

_WORDS = st.sampled_from(["Tuyên truyền", "Tập huấn cán bộ", "Kinh phí", "Kiểm tra, đôn đốc", "Báo cáo kết quả"])
_TASK = st.fixed_dictionaries({"chu_tri": _WORDS}, optional={
    "thoi_gian": _WORDS, "phoi_hop": st.lists(_WORDS, min_size=1, max_size=2),
    "vai_tro": st.lists(st.fixed_dictionaries({"nhan": _WORDS, "noi_dung": _WORDS}), max_size=2),
    "trinh_bay": st.sampled_from(["diem", "gach_dau_dong"])}).map(lambda block: {"nhiem_vu": block})


def _children(draw, depth: int, khoan_depth: int) -> list:
    out: list = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        after_khoan = any("khoan" in node for node in out if isinstance(node, dict))
        kinds = (["y", "doan"] if after_khoan else ["diem", "y", "doan", "task"]) + (["khoan"] if khoan_depth < 3 else [])
        kind = draw(st.sampled_from(kinds))
        if kind == "khoan":
            inner = _children(draw, depth + 1, khoan_depth + 1)
            node = {"khoan": draw(_WORDS), "noi_dung": inner} if inner else {"khoan": draw(_WORDS) + ".", "tieu_de": False}
        elif kind == "diem":
            node = {"diem": draw(_WORDS) + ".", "noi_dung": [draw(_TASK)] if draw(st.booleans()) else []}
            if out and "doan" in out[-1] and draw(st.booleans()):
                node["bat_dau_lai"] = True
        elif kind == "y":
            node = {"y": draw(_WORDS) + "."}
        elif kind == "doan":
            node = {"doan": draw(_WORDS) + ":"}
        else:
            node = draw(_TASK)
        out.append(node)
    return out


@st.composite
def _bodies(draw):
    return [{"muc": draw(_WORDS), "noi_dung": _children(draw, 0, 0) or ["x"]} for _ in range(draw(st.integers(1, 3)))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_bodies(), lettered=st.booleans())
def test_any_tree_drafter_lays_out_passes_the_numbering_checks(body, lettered):
    p = plan(danh_so="thap_phan", noi_dung=body, trinh_bay_nhiem_vu="diem" if lettered else None)
    findings = [(f.rule, f.found) for f in check_text(text_lines(p)) if f.rule in ("ND30-M1", "ND30-M2", "ND30-M3")]
    assert findings == []


@pytest.mark.parametrize("typed", ["Số: ____/KH-UBND", "a\\-b", "C:\\tai-lieu\\ke-hoach", "x_y_z", "1. # <b> & {{ x }}"])
def test_text_without_asterisks_is_printed_exactly_as_typed(typed):
    from drafter.plan.emphasis import plain, spans

    assert plain(typed) == typed and all(not (s.bold or s.italic) for s in spans(typed))
