"""Bad input in an answers file: every message is Vietnamese and names line, column, field."""

import pytest

from drafter.answers import dump_plan, load_plan
from drafter.errors import InputError, MultiInputError
from drafter.plan.layout import text_lines

from conftest import MINIMAL


def write(tmp_path, text):
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_spec_loads(minimal_spec):
    plan = load_plan(minimal_spec)
    assert plan.co_quan.place == "Bắc Nha Trang"
    assert plan.trich_yeu == ["Thực hiện dân chủ ở cơ sở năm 2026"]


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    path = write(tmp_path, MINIMAL.replace("ngay: 2025-09-05", "ngay: [2025-09-05"))
    with pytest.raises(InputError) as info:
        load_plan(path)
    message = str(info.value)
    assert "lỗi cú pháp YAML" in message and "dòng" in message and "cột" in message
    assert str(path) in message


def test_duplicate_key_is_a_syntax_error(tmp_path):
    path = write(tmp_path, MINIMAL + "ngay: 2025-09-06\n")
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert "dòng 13" in str(info.value)


def test_unknown_key_is_rejected_with_its_path_and_line(tmp_path):
    path = write(tmp_path, MINIMAL.replace("chu_ky: {nguoi_ky: Nguyễn Văn A}",
                                            "chu_ky: {nguoi_ky: Nguyễn Văn A, nguoi_kyy: B}"))
    with pytest.raises(InputError) as info:
        load_plan(path)
    error = info.value
    assert error.location.field == "chu_ky.nguoi_kyy"
    assert error.location.line == 12
    assert "không được hỗ trợ" in error.message


def test_missing_field_names_the_path(tmp_path):
    path = write(tmp_path, MINIMAL.replace("chu_ky: {nguoi_ky: Nguyễn Văn A}\n", ""))
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert info.value.location.field == "chu_ky"
    assert "thiếu trường bắt buộc" in info.value.message


def test_wrong_body_node_kind_is_explained(tmp_path):
    path = write(tmp_path, MINIMAL.replace("- diem: Nâng cao nhận thức.", "- diemm: Nâng cao nhận thức."))
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert info.value.location.field == "noi_dung[0].noi_dung[0].noi_dung[0]"
    assert info.value.location.line == 9
    assert "muc, khoan, diem" in info.value.message


def test_bad_date_and_level_report_all_problems(tmp_path):
    text = MINIMAL.replace("ngay: 2025-09-05", "ngay: 2025-13-05").replace("loai: phường", "loai: huyện")
    with pytest.raises(MultiInputError) as info:
        load_plan(write(tmp_path, text))
    message = str(info.value)
    assert "ngay" in message and "NNNN-TT-NN" in message
    assert "co_quan" in message and "huyện" in message


def test_district_level_after_the_reform_is_refused(tmp_path):
    text = MINIMAL.replace("{cap: xa, loai: phường, ten: Bắc Nha Trang}", "{cap: huyen, loai: huyện, ten: Cam Lâm}")
    with pytest.raises(InputError) as info:
        load_plan(write(tmp_path, text))
    assert "cấp huyện không còn từ ngày 01/7/2025" in str(info.value)


def test_district_level_before_the_reform_is_fine(tmp_path):
    text = MINIMAL.replace("{cap: xa, loai: phường, ten: Bắc Nha Trang}", "{cap: huyen, loai: huyện, ten: Cam Lâm}")
    plan = load_plan(write(tmp_path, text.replace("ngay: 2025-09-05", "ngay: 2024-09-05")))
    assert plan.co_quan.unit_name == "huyện Cam Lâm"


def test_control_characters_are_refused_not_dropped(tmp_path):
    path = write(tmp_path, MINIMAL.replace("Nâng cao nhận thức.", '"Nâng cao\\x0bnhận thức."'))
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert "U+000B" in str(info.value)


def test_draft_needs_a_year(tmp_path):
    with pytest.raises(InputError) as info:
        load_plan(write(tmp_path, MINIMAL.replace("ngay: 2025-09-05\n", "")))
    assert "«nam»" in str(info.value)


def test_not_utf8_is_explained(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(MINIMAL.encode("cp1258", errors="replace"))
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert "UTF-8" in str(info.value)


def test_dump_replays_to_the_same_plan(tmp_path, example_000):
    # The dump writes every khoản's `tieu_de` explicitly, so the replayed model differs from the
    # original only there: the plan it lays out is the same, and dumping again changes nothing.
    path = write(tmp_path, dump_plan(example_000))
    replayed = load_plan(path)
    assert text_lines(replayed) == text_lines(example_000)
    assert dump_plan(replayed) == dump_plan(example_000)
