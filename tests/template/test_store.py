"""Where templates live: built-in and user templates, a config set once, export with a guide,
and `--template NAME|FILE` resolved the same way for every command."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import TemplateError
from drafter.paths import DEFAULT_TEMPLATE
from drafter.template import resolve_template
from drafter.template.config import config_path
from drafter.template.store import GUIDE_NAME

runner = CliRunner()


def test_list_shows_built_in_template_config_and_folder(private_config):
    result = runner.invoke(app, ["template", "list"])
    assert result.exit_code == 0
    first = result.output.splitlines()[0].split("\t")
    assert first == ["ke-hoach (mặc định)", "có sẵn", str(DEFAULT_TEMPLATE)]
    assert str(private_config / "cau-hinh.yaml") in result.output


def test_export_writes_a_copy_and_a_guide_and_never_clobbers(tmp_path):
    out = tmp_path / "mau"
    result = runner.invoke(app, ["template", "export", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "ke-hoach.docx").read_bytes() == DEFAULT_TEMPLATE.read_bytes()
    guide = (out / GUIDE_NAME).read_text(encoding="utf-8")
    assert "drafter template check ke-hoach.docx" in guide and "--template ke-hoach.docx" in guide
    (out / GUIDE_NAME).write_text("ghi chú của tôi", encoding="utf-8")
    again = runner.invoke(app, ["template", "export", "ke-hoach", str(out)])
    assert again.exit_code == 2 and "đã tồn tại" in again.output
    assert (out / GUIDE_NAME).read_text(encoding="utf-8") == "ghi chú của tôi"
    assert runner.invoke(app, ["template", "export", "ke-hoach", str(out), "--force"]).exit_code == 0


def test_config_sets_user_folder_and_default_once(tmp_path):
    folder = tmp_path / "mau-tinh"
    assert runner.invoke(app, ["template", "export", str(folder)]).exit_code == 0
    (folder / "ke-hoach.docx").rename(folder / "khanh-hoa.docx")
    result = runner.invoke(app, ["template", "config", "--thu-muc", str(folder), "--mac-dinh", "khanh-hoa"])
    assert result.exit_code == 0, result.output
    assert config_path().is_file()
    assert resolve_template(None) == folder / "khanh-hoa.docx"
    assert resolve_template("khanh-hoa") == folder / "khanh-hoa.docx"
    assert resolve_template("ke-hoach") == DEFAULT_TEMPLATE
    listing = runner.invoke(app, ["template", "list"]).output
    assert f"khanh-hoa (mặc định)\tcủa bạn\t{folder / 'khanh-hoa.docx'}" in listing
    assert f"Thư mục mẫu của bạn: {folder.resolve()}" in listing


def test_config_refuses_unknown_names_and_folders(tmp_path):
    bad = runner.invoke(app, ["template", "config", "--mac-dinh", "khong-co"])
    assert bad.exit_code == 1 and "không có mẫu tên «khong-co»" in bad.output
    assert not config_path().exists()
    missing = runner.invoke(app, ["template", "config", "--thu-muc", str(tmp_path / "khong-co")])
    assert missing.exit_code == 2 and "không có thư mục" in missing.output


def test_a_broken_config_file_is_a_vietnamese_error():
    config_path().parent.mkdir(parents=True)
    config_path().write_text("thu_muc: [\n", encoding="utf-8")
    result = runner.invoke(app, ["template", "list"])
    assert result.exit_code == 1 and "cau-hinh.yaml" in result.output
    assert "Traceback" not in result.output


def test_resolve_names_files_and_errors(tmp_path):
    assert resolve_template(None) == DEFAULT_TEMPLATE
    assert resolve_template(str(DEFAULT_TEMPLATE)) == DEFAULT_TEMPLATE
    with pytest.raises(TemplateError) as info:
        resolve_template(str(tmp_path / "khong-co.docx"))
    assert "không tìm thấy tệp mẫu" in str(info.value)
    with pytest.raises(TemplateError) as info:
        resolve_template("tinh-khac")
    assert "«tinh-khac»" in str(info.value) and "ke-hoach" in str(info.value)


@pytest.mark.timeout(120)
def test_render_takes_a_template_name(tmp_path, minimal_spec):
    out = tmp_path / "ke-hoach.docx"
    ok = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out), "--template", "ke-hoach"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["render", str(minimal_spec), "-o", str(tmp_path / "b.docx"), "--template", "khong-co"])
    assert bad.exit_code == 1 and "không có mẫu tên «khong-co»" in bad.output
    assert not (tmp_path / "b.docx").exists()


def test_list_still_works_when_the_configured_default_is_gone(tmp_path):
    folder = tmp_path / "mau"
    assert runner.invoke(app, ["template", "export", str(folder)]).exit_code == 0
    assert runner.invoke(app, ["template", "config", "--thu-muc", str(folder), "--mac-dinh",
                               str(folder / "ke-hoach.docx")]).exit_code == 0
    (folder / "ke-hoach.docx").unlink()
    listing = runner.invoke(app, ["template", "list"])
    assert listing.exit_code == 0 and "(mặc định)" not in listing.output
    with pytest.raises(TemplateError):
        resolve_template(None)


def test_template_path_that_is_a_folder_or_no_docx_says_so(tmp_path, minimal_spec):
    """A folder was reported as «không tìm thấy»; a non-Word file got the checker's hint about .txt."""
    folder = tmp_path / "mau.docx"
    folder.mkdir()
    with pytest.raises(TemplateError) as info:
        resolve_template(str(folder))
    assert "thư mục" in str(info.value) and "không tìm thấy" not in str(info.value)
    text = tmp_path / "mau-hong.docx"
    text.write_text("không phải Word", encoding="utf-8")
    result = runner.invoke(app, ["render", str(minimal_spec), "-o", str(tmp_path / "kh.docx"), "--template", str(text)])
    assert result.exit_code == 1 and "mau-hong.docx" in result.output
    assert "drafter template export" in result.output and ".txt" not in result.output
    assert not (tmp_path / "kh.docx").exists()


@pytest.mark.timeout(120)
def test_a_finished_plan_given_as_template_is_refused(tmp_path, minimal_spec):
    """A rendered plan has every style but no Jinja: used as a template it gave every answers
    file that plan's text, silently. It is refused by render and by template check."""
    plan = tmp_path / "ke-hoach.docx"
    assert runner.invoke(app, ["render", str(minimal_spec), "-o", str(plan)]).exit_code == 0
    out = tmp_path / "moi.docx"
    result = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out), "--template", str(plan)])
    assert result.exit_code == 1 and "«than»" in result.output and "Traceback" not in result.output
    assert not out.exists()
    checked = runner.invoke(app, ["template", "check", str(plan)])
    assert checked.exit_code == 1 and "«than»" in checked.output


def test_unknown_default_names_the_option_the_user_gave():
    """`template config --mac-dinh X` used to blame «--template», an option the user never typed."""
    bad = runner.invoke(app, ["template", "config", "--mac-dinh", "khong-co"])
    assert bad.exit_code == 1 and "«--mac-dinh»" in bad.output and "--template" not in bad.output
