"""`drafter batch run`: one tailored, checked plan per commune of Khánh Hòa (65 since 1/7/2025)."""

import csv
import io
import re
import zipfile

import docx
import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.document.text import paragraph_texts
from drafter.units import UnitRegistry

runner = CliRunner()
PROVINCE = "Khánh Hòa"


@pytest.fixture(scope="module")
def khanh_hoa(tmp_path_factory):
    out = tmp_path_factory.mktemp("khanh-hoa")
    result = runner.invoke(app, ["batch", "run", "--kind", "trien-khai-nghi-quyet", "--province", PROVINCE,
                                 "--year", "2026", "--out", str(out)])
    return out, result


def _texts(path):
    return paragraph_texts(docx.Document(str(path)))


@pytest.mark.timeout(240)
def test_every_commune_gets_a_clean_plan_naming_only_itself(khanh_hoa):
    out, result = khanh_hoa
    assert result.exit_code == 0, result.output
    registry = UnitRegistry.load()
    communes = registry.communes(registry.find(PROVINCE, level="tinh"))
    assert len(communes) == 65
    assert len(list(out.glob("*.docx"))) == 65 and len(list(out.glob("*.yaml"))) == 65
    summary = (out / "tong-hop.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(summary) == 66
    for line in summary[1:]:
        code, name, file, status, errors, warnings, _ = next(csv.reader([line]))
        assert status == "đã ghi" and errors == "0", line
    for unit in communes:
        stem = f"{unit.code}-"
        (path,) = [p for p in out.glob(f"{stem}*.docx")]
        texts = _texts(path)
        whole = "\n".join(texts)
        assert texts[1] == f"{unit.type_word.upper()} {unit.name.upper()}"  # issuer, under ỦY BAN NHÂN DÂN
        assert any(t.startswith(f"{unit.name}, ngày") for t in texts)  # date line
        assert f"trên địa bàn {unit.full_name}" in whole  # subject and opening paragraph
        assert f"Thường trực Đảng ủy {unit.type_word};" in whole  # Nơi nhận
        rest = whole.replace(unit.full_name, "#")  # "xã Bác Ái Tây" holds "xã Bác Ái"
        for other in communes:
            if other.code != unit.code:
                assert not re.search(re.escape(other.full_name) + r"(?!\w)", rest), (unit, other)


@pytest.mark.timeout(240)
def test_a_phuong_and_a_xa_differ_where_their_type_says(khanh_hoa):
    # Real 2025 practice: phường Thanh Xuân (Hà Nội) after 1/7/2025 has «tổ dân phố» and the offices
    # «Văn hóa - Xã hội; Kinh tế, Hạ tầng và Đô thị; Văn phòng HĐND và UBND» (Thông tin tuyên truyền
    # phường Thanh Xuân, số đặc biệt tháng 10/2025, tr. 24, sachdientu.nxbhanoi.com.vn).
    out, _ = khanh_hoa
    phuong = _texts(next(out.glob("22333-phuong-bac-nha-trang.docx")))
    xa = _texts(next(out.glob("*-xa-cam-lam.docx")))
    fields = {
        "issuer": (phuong[1], xa[1]),
        "date line": (next(t for t in phuong if ", ngày" in t).split(",")[0],
                      next(t for t in xa if ", ngày" in t).split(",")[0]),
        "lower level": ("- Các tổ dân phố;" in phuong, "- Các thôn, tổ dân phố;" in xa),
        "economic office": ("- Phòng Kinh tế, Hạ tầng và Đô thị;" in phuong, "- Phòng Kinh tế;" in xa),
        "police": ("- Công an phường;" in phuong, "- Công an xã;" in xa),
        "signature": (phuong[-1], xa[-1]),
    }
    assert fields["issuer"] == ("PHƯỜNG BẮC NHA TRANG", "XÃ CAM LÂM")
    assert fields["date line"] == ("Bắc Nha Trang", "Cam Lâm")
    assert fields["lower level"] == (True, True) and "- Các thôn, tổ dân phố;" not in phuong
    assert fields["economic office"] == (True, True)
    assert fields["police"] == (True, True)
    assert "TM. ỦY BAN NHÂN DÂN" in phuong and "TM. ỦY BAN NHÂN DÂN" in xa
    assert "CHỦ TỊCH" in phuong and "CHỦ TỊCH" in xa


@pytest.mark.timeout(240)
def test_batch_document_xml_equals_drafter_render_of_its_answers(khanh_hoa, tmp_path):
    out, _ = khanh_hoa
    answers = next(out.glob("22333-*.yaml"))
    rendered = tmp_path / "render.docx"
    result = runner.invoke(app, ["render", str(answers), "-o", str(rendered)])
    assert result.exit_code == 0, result.output

    def document_xml(path):
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml")

    assert document_xml(rendered) == document_xml(answers.with_suffix(".docx"))


@pytest.mark.timeout(240)
def test_rerun_skips_up_to_date_and_spares_hand_edits(khanh_hoa):
    out, _ = khanh_hoa
    edited = next(out.glob("22333-*.docx"))
    document = docx.Document(str(edited))
    document.add_paragraph("Ghi chú của văn phòng.")
    document.save(str(edited))
    args = ["batch", "run", "--kind", "trien-khai-nghi-quyet", "--province", PROVINCE, "--year", "2026",
            "--out", str(out)]
    again = runner.invoke(app, args)
    assert again.exit_code == 1
    rows = (out / "tong-hop.csv").read_text(encoding="utf-8-sig")
    assert rows.count("không đổi") == 64
    assert "22333" in again.output and "đã tồn tại" in rows
    assert "Ghi chú của văn phòng." in "\n".join(_texts(edited))  # the hand edit survives
    forced = runner.invoke(app, args + ["--force"])
    assert forced.exit_code == 0, forced.output
    assert "Ghi chú của văn phòng." not in "\n".join(_texts(edited))
    assert not list(out.glob(".*.tmp"))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("args,message", [
    (["--province", PROVINCE], "--kind"),
    (["--kind", "trien-khai-nghi-quyet"], "--province"),
    (["--kind", "trien-khai-nghi-quyet", "--province", PROVINCE, "--ca-nuoc"], "--ca-nuoc"),
    (["--kind", "trien-khai-nghi-quyet", "--province", "Khánh Hoà Xyz"], "không tìm thấy"),
    (["--kind", "khong-co", "--province", PROVINCE], "không có loại kế hoạch"),
    (["--kind", "trien-khai-nghi-quyet", "--province", PROVINCE, "--year", "2024"], "01/7/2025"),
])
def test_wrong_calls_get_a_message(tmp_path, args, message):
    result = runner.invoke(app, ["batch", "run", *args, "--out", str(tmp_path / "ra")])
    assert result.exit_code in (1, 2)
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "ra").exists() or not list((tmp_path / "ra").glob("*.docx"))


def test_interrupted_run_leaves_whole_files_and_resumes(tmp_path, monkeypatch):
    from drafter.batch.model import load_model
    from drafter.batch.outputs import OutputFolder
    from drafter.batch.run import run_batch

    registry = UnitRegistry.load()
    communes = registry.communes(registry.find(PROVINCE, level="tinh"))[:6]
    model = load_model("trien-khai-nghi-quyet", None, year=2026, registry=registry)
    done = []

    def stop_after_three(outcome):
        done.append(outcome)
        if len(done) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(model, communes, OutputFolder(tmp_path), year=2026, registry=registry, advance=stop_after_three)
    assert len(list(tmp_path.glob("*.docx"))) == 3 and not list(tmp_path.glob(".*.tmp"))
    for path in tmp_path.glob("*.docx"):
        assert zipfile.ZipFile(io.BytesIO(path.read_bytes())).testzip() is None
    result = run_batch(model, communes, OutputFolder(tmp_path), year=2026, registry=registry)
    assert [o.status for o in result.outcomes] == ["không đổi"] * 3 + ["đã ghi"] * 3
    assert len(result.documents) == 6


@pytest.mark.timeout(120)
def test_a_killed_run_leaves_no_half_written_file(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "ra"
    process = subprocess.Popen([sys.executable, "-c", "from drafter.cli import main; main()", "batch", "run", "--kind", "trien-khai-nghi-quyet",
                                "--province", PROVINCE, "--year", "2026", "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2, stderr.decode()
    assert "Đã dừng" in stderr.decode()
    written = list(out.glob("*.docx"))
    assert 3 <= len(written) < 65 and not list(out.glob(".*.tmp"))
    for path in written:
        assert zipfile.ZipFile(path).testzip() is None


def test_batch_renders_with_a_legal_staffs_template(tmp_path):
    """`--template FILE` (or a name from `drafter template list`) reaches every commune's plan."""
    import shutil

    import docx
    from docx.shared import Pt
    from typer.testing import CliRunner

    from drafter.cli import app
    from drafter.paths import DEFAULT_TEMPLATE

    template = tmp_path / "mau-tinh.docx"
    shutil.copy(DEFAULT_TEMPLATE, template)
    edited = docx.Document(str(template))
    edited.styles["Nội dung"].font.size = Pt(13)
    edited.save(str(template))
    out = tmp_path / "ke-hoach"
    result = CliRunner().invoke(app, ["batch", "run", "--kind", "hang-nam", "--province", "Khánh Hòa",
                                      "--year", "2026", "--out", str(out), "--template", str(template)])
    assert result.exit_code == 0, result.output
    written = sorted(out.glob("*.docx"))
    assert len(written) == 65
    assert all(docx.Document(str(p)).styles["Nội dung"].font.size == Pt(13) for p in written[::16])
    missing = CliRunner().invoke(app, ["batch", "run", "--kind", "hang-nam", "--province", "Khánh Hòa",
                                       "--out", str(tmp_path / "x"), "--template", "khong-co-mau-nay"])
    assert missing.exit_code in (1, 2) and "Traceback" not in missing.output
