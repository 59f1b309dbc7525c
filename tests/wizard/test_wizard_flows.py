"""The wizard end to end through pipe input: each test sends every key up front and asserts
the files written, so a prompt that is missing or extra fails (or times out) the test."""

import datetime as dt

import pytest
from wizardhelp import CTRL_C, CTRL_U, DOWN, ENTER, SPACE, UP, docx_text, drive

from drafter.answers import load_plan
from drafter.check import check_file
from drafter.document.render import render_docx
from drafter.wizard import state as resume

PROVINCE_DEFAULTS = (
    ENTER + ENTER  # kind (the first, hằng năm), year 2026
    + ENTER + "khanh hoa" + ENTER  # level tỉnh, province typed without diacritics
    + ENTER + ENTER  # number blank, date blank
    + ENTER + ENTER + ENTER + ENTER  # bases as ticked, no other, no «Thực hiện», no «Theo đề nghị»
    + ENTER  # tasks: done
    + ENTER + ENTER  # chairman signs, no name yet
    + ENTER + ENTER  # Nơi nhận as ticked, nothing added
)


def _errors(path):
    return [f for f in check_file(path) if f.is_error]


def _same_as_render(answers, docx):
    assert docx_text(docx) == docx_text(render_docx(load_plan(answers)))


@pytest.mark.timeout(30)
def test_province_plan_taking_defaults(in_tmp):
    run = drive(PROVINCE_DEFAULTS + ENTER)  # review: write
    assert run.code == 0, run.screen
    answers = in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026.yaml"
    docx = answers.with_suffix(".docx")
    plan = load_plan(answers)
    assert plan.co_quan.unit_name == "tỉnh Khánh Hòa" and plan.nam == 2026 and plan.so is None
    assert "Bước 8" not in run.screen and "TỔNG HỢP KẾ HOẠCH" in run.screen
    assert _errors(docx) == []
    _same_as_render(answers, docx)


@pytest.mark.timeout(45)
def test_ward_plan_custom_basis_added_task_removed_recipient(in_tmp):
    keys = (
        DOWN + ENTER + ENTER  # kind: triển khai thi hành Luật; year 2026
        + DOWN + ENTER + "khanh hoa" + ENTER + "bac nha trang" + ENTER  # a ward of Khánh Hòa
        + "12" + ENTER + "31/02/2026" + ENTER + CTRL_U + "15/03/2026" + ENTER  # 31/02 refused, then a real date
        + ENTER  # the kind's bases as ticked
        + UP + ENTER  # add another basis: yes
        + ENTER + DOWN * 3 + ENTER  # «Căn cứ», Quyết định
        + "1234/QĐ-UBND" + ENTER + "31/13/2025" + ENTER + CTRL_U + "20/10/2025" + ENTER
        + "Ủy ban nhân dân tỉnh Khánh Hòa" + ENTER
        + "ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2026 trên địa bàn tỉnh" + ENTER
        + ENTER  # no more bases
        + ENTER + "Ủy ban nhân dân tỉnh Khánh Hòa" + ENTER  # no «Thực hiện»; «Theo đề nghị của …»
        + DOWN + ENTER  # tasks: add one
        + "Tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân" + ENTER + ENTER
        + "Công an phường" + ENTER + "Ủy ban Mặt trận Tổ quốc Việt Nam phường" + ENTER + ENTER
        + "Quý II năm 2026." + ENTER
        + ENTER  # tasks: done
        + DOWN + ENTER + "Trần Thị B" + ENTER  # a vice-chairman signs
        + SPACE + ENTER + ENTER  # Nơi nhận: untick the first line, add nothing
        + ENTER  # review: write
    )
    run = drive(keys)
    assert run.code == 0, run.screen
    # 31/02/2026 and 31/13/2025 were refused: had either been taken, the keys after it would
    # have gone to the next prompts and the plan below would not hold these values.
    answers = in_tmp / "kh-trien-khai-luat-phuong-bac-nha-trang-2026.yaml"
    plan = load_plan(answers)
    assert plan.so == 12 and plan.ngay == dt.date(2026, 3, 15)
    custom = [b for b in plan.can_cu if b.citation and b.citation.so == "1234/QĐ-UBND"]
    assert custom and custom[0].citation.ngay == dt.date(2025, 10, 20)
    assert plan.can_cu[-1].kind == "theo_de_nghi"
    text = "\n".join(docx_text(answers.with_suffix(".docx")))
    assert "Tổ chức đối thoại giữa Chủ tịch" in text and "Công an phường" in text
    assert plan.chu_ky.hinh_thuc == "ky_thay" and plan.chu_ky.nguoi_ky == "Trần Thị B"
    assert not any(line.startswith("UBND tỉnh") for line in plan.noi_nhan)  # the unticked superior
    assert "Công an phường" in plan.noi_nhan  # the newly tasked agency, ticked by the derivation
    assert _errors(answers.with_suffix(".docx")) == []


@pytest.mark.timeout(30)
def test_reopen_a_step_from_the_review(in_tmp):
    reopen_signer = DOWN * 7 + ENTER  # review: «Sửa bước 6. Người ký»
    keys = PROVINCE_DEFAULTS + reopen_signer + DOWN + ENTER + "Lê Văn C" + ENTER + ENTER
    run = drive(keys)
    assert run.code == 0, run.screen
    assert run.screen.count("TỔNG HỢP KẾ HOẠCH") == 2
    plan = load_plan(in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026.yaml")
    assert plan.chu_ky.hinh_thuc == "ky_thay" and plan.chu_ky.nguoi_ky == "Lê Văn C"


@pytest.mark.timeout(30)
def test_ctrl_c_saves_then_resume_continues(in_tmp):
    first = ENTER + ENTER + ENTER + "khanh hoa" + ENTER + "7" + ENTER + ENTER + CTRL_C + ENTER
    run = drive(first)
    assert run.code == 2
    saved = in_tmp / ("kh-hang-nam-tinh-khanh-hoa-2026" + resume.RESUME_SUFFIX)
    assert saved.exists(), run.screen
    assert f"drafter new --resume {saved.name}" in run.screen
    state = resume.load(saved)
    assert state.buoc == 4 and state.so == 7
    rest = ENTER * 4 + ENTER + ENTER + "Phạm Văn D" + ENTER + ENTER + ENTER + ENTER
    again = drive(rest, resume.load(saved), resume_file=saved)
    assert again.code == 0, again.screen
    assert "Bước 1/7" not in again.screen and "Bước 4/7" in again.screen
    plan = load_plan(in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026.yaml")
    assert plan.so == 7 and plan.chu_ky.nguoi_ky == "Phạm Văn D"
    assert not saved.exists()  # the answers file replaces the scratch file


@pytest.mark.timeout(30)
def test_ctrl_c_twice_saves_nothing(in_tmp):
    run = drive(ENTER + CTRL_C + CTRL_C)
    assert run.code == 2
    assert list(in_tmp.iterdir()) == []


@pytest.mark.timeout(30)
def test_existing_output_is_not_overwritten_without_confirmation(in_tmp):
    target = in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026.yaml"
    target.write_text("# của người dùng\n", encoding="utf-8")
    run = drive(PROVINCE_DEFAULTS + ENTER + ENTER + ENTER)  # write; overwrite? no; new name: suggested
    assert run.code == 0, run.screen
    assert target.read_text(encoding="utf-8") == "# của người dùng\n"
    assert load_plan(in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026-2.yaml").nam == 2026


@pytest.mark.timeout(30)
def test_a_kind_that_does_not_fit_the_year_goes_back_to_the_first_step(in_tmp):
    # «Triển khai thi hành Luật» exists from 2023: a 2022 plan is refused at build time, the
    # wizard says why and asks the kind and year again instead of stopping.
    keys = (DOWN + ENTER + CTRL_U + "2022" + ENTER + ENTER + "khanh hoa" + ENTER + ENTER + ENTER
            + UP + ENTER + CTRL_U + "2026" + ENTER  # back at step 1: hằng năm, 2026
            + ENTER + CTRL_U + "khanh hoa" + ENTER + ENTER + ENTER
            + ENTER * 4 + ENTER + ENTER * 2 + ENTER * 2 + ENTER)
    run = drive(keys)
    assert run.code == 0, run.screen
    assert "chỉ dùng từ năm 2023" in run.screen
    assert load_plan(in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026.yaml").nam == 2026


@pytest.mark.timeout(30)
def test_answers_given_on_the_command_line_are_not_asked(in_tmp):
    keys = ENTER * 2 + ENTER * 4 + ENTER + ENTER + ENTER * 2 + ENTER  # number, date … review
    run = drive(keys, kind="hang-nam", unit="bac nha trang", year=2026, signer="Nguyễn Văn A",
                output=in_tmp / "kh.yaml")
    assert run.code == 0, run.screen
    assert "Loại kế hoạch" not in run.screen and "Tỉnh, thành phố:" not in run.screen and "Bước 1/7" not in run.screen
    assert "Họ và tên người ký" not in run.screen
    plan = load_plan(in_tmp / "kh.yaml")
    assert plan.co_quan.unit_name == "phường Bắc Nha Trang" and plan.chu_ky.nguoi_ky == "Nguyễn Văn A"
    assert (in_tmp / "kh.docx").exists()


@pytest.mark.timeout(30)
def test_output_name_can_be_changed_at_the_review(in_tmp):
    rename = DOWN * 9 + ENTER + CTRL_U + "ke-hoach-cua-toi.yaml" + ENTER  # review: «Đổi tên tệp ghi ra»
    run = drive(PROVINCE_DEFAULTS + rename + ENTER)
    assert run.code == 0, run.screen
    assert load_plan(in_tmp / "ke-hoach-cua-toi.yaml").nam == 2026
    assert (in_tmp / "ke-hoach-cua-toi.docx").exists()


@pytest.mark.timeout(30)
def test_a_unit_given_for_another_era_is_asked_again(in_tmp):
    # --unit found among the 2025 units, but the user then says 2023 at the year prompt (not
    # given): the plan cannot be built, and every step is asked again instead of looping.
    keys = (ENTER + CTRL_U + "2023" + ENTER + ENTER + ENTER  # kind, year 2023, number, date → refused
            + ENTER + CTRL_U + "2026" + ENTER  # step 1 again: kind, year 2026
            + ENTER + ENTER + ENTER  # step 2 asked now, pre-filled: level xã, Khánh Hòa, Bắc Nha Trang
            + ENTER + ENTER + ENTER * 4 + ENTER + ENTER * 2 + ENTER * 2 + ENTER)
    run = drive(keys, unit="bac nha trang")
    assert run.code == 0, run.screen
    assert "chọn lại năm và đơn vị" in run.screen
    assert load_plan(in_tmp / "kh-hang-nam-phuong-bac-nha-trang-2026.yaml").co_quan.ten == "Bắc Nha Trang"


@pytest.mark.timeout(30)
def test_ctrl_c_twice_says_nothing_was_saved(in_tmp):
    run = drive(ENTER + CTRL_C + CTRL_C)
    assert run.code == 2
    assert "Không lưu gì" in run.screen
    assert list(in_tmp.iterdir()) == []
