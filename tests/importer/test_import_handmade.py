"""A plan typed by hand in Word (tests/importer/handmade.py) imports to the same answers as its
plain-text form, whether Word numbers it automatically or the numbers are typed; the .odt and the
text PDF that LibreOffice makes from it import to the same answers too."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from drafter.answers import dump_plan
from drafter.importer import import_file
from tests.importer import handmade


@pytest.fixture(scope="module")
def from_text(tmp_path_factory):
    path = tmp_path_factory.mktemp("text") / "ke-hoach.txt"
    path.write_text(handmade.text_form(), encoding="utf-8")
    plan, report = import_file(path)
    assert report.of("unplaced") == [] and report.of("corrected") == [], report.text()
    return dump_plan(plan)


@pytest.mark.parametrize("auto_numbers", [True, False], ids=["word-numbering", "typed-numbers"])
def test_word_document_imports_like_its_text(from_text, tmp_path, auto_numbers):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(handmade.build(auto_numbers=auto_numbers))
    plan, report = import_file(path)
    assert report.of("unplaced") == [], report.text()
    assert dump_plan(plan) == from_text


def test_text_form_reads_every_part(from_text):
    for expected in ("so: 125", "ngay: '2026-02-12'", "ten: Khánh Hòa", "chu_tri: Sở Nội vụ.",
                     "y: Chọn 10 đơn vị đại diện.", "luu: VT, NV", "hinh_thuc: ky_thay", "nguoi_ky: Nguyễn Văn An"):
        assert expected in from_text


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) không có trên máy này")
    folder = tmp_path_factory.mktemp("office")
    source = folder / "ke-hoach.docx"
    source.write_bytes(handmade.build(auto_numbers=True))
    profile = (folder / "profile").as_uri()
    for target in ("odt", "pdf"):
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                        "--outdir", str(folder), str(source)], check=True, timeout=180,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


@pytest.mark.timeout(400)
@pytest.mark.parametrize("suffix", ["odt", "pdf"])
def test_office_conversions_import_to_the_same_answers(from_text, converted, suffix):
    plan, report = import_file(converted / f"ke-hoach.{suffix}")
    assert report.of("unplaced") == [], report.text()
    assert dump_plan(plan) == from_text
