"""Where templates live and how a name becomes a file: the built-in templates shipped with
drafter, the user's folder from the config, and any .docx path. `resolve_template` is the one
function every command with `--template NAME|FILE` calls (render, new, batch)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.errors import Location, OutputExistsError, TemplateError, UsageError
from drafter.fileio import write_atomic
from drafter.paths import DEFAULT_TEMPLATE, TEMPLATES
from drafter.template.config import TemplateConfig, config_path, load_config, user_folder
from drafter.template.package import read_template

GUIDE_NAME = "HUONG-DAN.md"


@dataclass(frozen=True)
class Entry:
    name: str
    path: Path
    source: str  # "có sẵn" (built-in) or "của bạn" (user folder)
    default: bool = False


def _folder_entries(folder: Path | None, source: str) -> list[Entry]:
    if folder is None or not folder.is_dir():
        return []
    return [Entry(p.stem, p, source) for p in sorted(folder.glob("*.docx")) if not p.name.startswith("~$")]


def list_templates() -> list[Entry]:
    """User templates first: a user template named like a built-in one is the one used."""
    config = load_config()
    entries = _folder_entries(user_folder(config), "của bạn") + _folder_entries(TEMPLATES, "có sẵn")
    try:
        default = _default_path(config).resolve()
    except TemplateError:  # the configured default is gone: still list what exists
        default = None
    return [Entry(e.name, e.path, e.source, e.path.resolve() == default) for e in entries]


def _looks_like_path(value: str) -> bool:
    return value.lower().endswith((".docx", ".dotx")) or "/" in value or "\\" in value


def _default_path(config: TemplateConfig) -> Path:
    if not config.mau_mac_dinh:
        return DEFAULT_TEMPLATE
    return resolve_template(config.mau_mac_dinh, config=config, option="mau_mac_dinh")  # the config's key


def resolve_template(value: str | Path | None, *, config: TemplateConfig | None = None,
                     option: str = "--template") -> Path:
    """A template name or file → the template file. None → the configured default, else the
    built-in one. Raises TemplateError naming what was asked, by which option, and what exists."""
    config = config or load_config()
    if value is None or str(value) == "":
        return _default_path(config)
    text = str(value)
    path = Path(text).expanduser()
    if path.is_file() or _looks_like_path(text):
        if path.is_dir():
            raise TemplateError("đây là thư mục, cần một tệp mẫu (.docx)", Location(file=path, field=option),
                                hint="xem: drafter template list")
        if not path.is_file():
            raise TemplateError("không tìm thấy tệp mẫu", Location(file=path, field=option))
        return path
    for folder in (user_folder(config), TEMPLATES):
        if folder is not None and (folder / f"{text}.docx").is_file():
            return folder / f"{text}.docx"
    names = ", ".join(sorted({e.name for e in _folder_entries(user_folder(config), "") + _folder_entries(TEMPLATES, "")}))
    raise TemplateError(f"không có mẫu tên «{text}»; các mẫu có: {names}", Location(field=option),
                        hint="xem: drafter template list; hoặc đưa đường dẫn tới tệp .docx")


def guide_text(name: str) -> str:
    return f"""# Mẫu Word «{name}» để sửa

Tệp `{name}.docx` là bản sao của mẫu, để anh/chị sửa bằng Word.

1. Mở `{name}.docx` bằng Word. Sửa **kiểu** (Home → Styles → chuột phải → Modify), không tô
   định dạng trực tiếp: mỗi thành phần của kế hoạch có một kiểu riêng (Nội dung, Mục, Khoản…).
2. Chữ cố định (câu chuẩn, ghi chú) gõ thẳng như văn bản thường.
3. Chỗ lấy dữ liệu từ tệp trả lời viết trong ngoặc nhọn, ví dụ `{{{{ nguoi_ky }}}}`; điều kiện
   `{{% if ... %}} ... {{% endif %}}`. Danh sách biến: `drafter template vars`.
4. Lưu lại (định dạng .docx), rồi kiểm tra: `drafter template check {name}.docx`
5. Dùng: `drafter render ke-hoach.yaml -o ke-hoach.docx --template {name}.docx`

Hướng dẫn đầy đủ: docs/mau-van-ban.md.
"""


def export_template(name: str | None, folder: Path, *, force: bool = False) -> tuple[Path, Path]:
    """Copy a template (default: the configured default) into `folder` with a short guide."""
    source = resolve_template(name)
    data, _ = read_template(source)
    stem = source.stem
    if folder.exists() and not folder.is_dir():
        raise UsageError("đường dẫn ra phải là một thư mục", Location(file=folder))
    for target in (folder / f"{stem}.docx", folder / GUIDE_NAME):
        if target.exists() and not force:  # check both before writing either
            raise OutputExistsError(target)
    docx_path = write_atomic(folder / f"{stem}.docx", data, force=force)
    guide = write_atomic(folder / GUIDE_NAME, guide_text(stem).encode("utf-8"), force=force)
    return docx_path, guide


__all__ = ["Entry", "config_path", "export_template", "list_templates", "resolve_template"]
