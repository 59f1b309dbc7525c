"""The user's template settings, set once: a folder of their own templates and the template
used when none is named. A YAML file in the user's config directory (platformdirs), edited by
`drafter template config` or by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import platformdirs
from pydantic import BaseModel, ConfigDict

from drafter.fileio import write_atomic
from drafter.yamlio import dump_yaml, load_yaml, validate

CONFIG_NAME = "cau-hinh.yaml"


class TemplateConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    thu_muc_mau: Optional[str] = None  # folder of user templates (*.docx)
    mau_mac_dinh: Optional[str] = None  # template name or file used when --template is not given


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("drafter", appauthor=False)) / CONFIG_NAME


def load_config() -> TemplateConfig:
    path = config_path()
    if not path.is_file():
        return TemplateConfig()
    data = load_yaml(path)
    return TemplateConfig() if data is None else validate(TemplateConfig, data, path)


def save_config(config: TemplateConfig) -> Path:
    data = {k: v for k, v in config.model_dump().items() if v is not None}
    header = "Cấu hình mẫu Word của drafter (sửa bằng: drafter template config)"
    return write_atomic(config_path(), dump_yaml(data, header).encode("utf-8"), force=True)


def user_folder(config: TemplateConfig | None = None) -> Path | None:
    folder = (config or load_config()).thu_muc_mau
    return Path(folder).expanduser() if folder else None
