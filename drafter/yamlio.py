"""YAML files that users edit (answers files, presets): load with positions, validate with a
pydantic model, and report every problem in Vietnamese with file, line, column and field."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent,
)

from drafter.errors import InputError, Location
from drafter.fileio import read_regular_file
from drafter.limits import MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES
from drafter.messages import field_path, shown, validation_error, yaml_error

__all__ = ["dump_yaml", "field_path", "load_model", "load_yaml", "nfc_tree", "validate", "validation_error"]

M = TypeVar("M", bound=BaseModel)


def nfc_tree(value: Any) -> Any:
    """NFC-normalise every string of a loaded YAML tree, keeping ruamel's position info."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, CommentedMap):
        for key in list(value.keys()):
            value[key] = nfc_tree(value[key])
        return value
    if isinstance(value, CommentedSeq):
        for i, item in enumerate(value):
            value[i] = nfc_tree(item)
        return value
    if isinstance(value, dict):
        return {k: nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_tree(v) for v in value]
    return value


def _timestamp_as_text(constructor, node):
    # Dates stay text so that pydantic validates them and reports the field and line of a bad one.
    return constructor.construct_scalar(node)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    return yaml


def _guard(text: str, path: Path | str | None) -> None:
    """Refuse a YAML text whose tree would be too deep or, once its aliases are expanded, too
    large ("billion laughs"). Counted on the parser's event stream, which is iterative and never
    expands an alias: the cost is linear in the size of the text."""
    depth = 0
    stack: list[list[Any]] = []  # [anchor, expanded size] of each open collection
    sizes: dict[str, int] = {}
    expanded = 0

    def where(event) -> Location:
        mark = event.start_mark
        return Location(file=path, line=mark.line + 1, column=mark.column + 1)

    def add(count: int, event) -> None:
        nonlocal expanded
        expanded += count
        if stack:
            stack[-1][1] += count
        if expanded > MAX_YAML_NODES:
            raise InputError(
                f"tệp quá lớn khi mở rộng các tham chiếu «*» (quá {MAX_YAML_NODES:,} mục)".replace(",", "."),
                where(event), hint="bớt các tham chiếu «&»/«*» lồng nhau; chép thẳng nội dung vào")

    for event in _yaml().parse(io.StringIO(text)):
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise InputError(f"các mục lồng nhau quá sâu (quá {MAX_YAML_DEPTH} cấp)", where(event))
            add(1, event)
            stack.append([event.anchor, 0])
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            depth -= 1
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[anchor] = size + 1
            if stack:
                stack[-1][1] += size
        elif isinstance(event, ScalarEvent):
            add(1, event)
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, AliasEvent):
            if any(frame[0] == event.anchor for frame in stack):
                raise InputError(f"tham chiếu «*{shown(event.anchor, 30)}» trỏ vào chính mục chứa nó (vòng lặp)",
                                 where(event))
            add(sizes.get(event.anchor, 1), event)


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Parse a YAML file within the limits of drafter.limits; a syntax error becomes an
    InputError with line and column, an unreadable file an UnreadableFileError."""
    path = Path(path)
    if text is None:
        raw = read_regular_file(path, MAX_YAML_BYTES)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})", Location(file=path),
                hint="lưu lại tệp với bảng mã UTF-8",
            ) from None
    elif len(text) > MAX_YAML_BYTES:
        raise InputError("nội dung quá lớn", Location(file=path))
    try:
        _guard(text, path)
        data = _yaml().load(io.StringIO(text))
    except YAMLError as exc:
        raise yaml_error(exc, path, text) from None
    except RecursionError:
        raise InputError(f"các mục lồng nhau quá sâu (quá {MAX_YAML_DEPTH} cấp)", Location(file=path)) from None
    return nfc_tree(data)


def validate(model: type[M], data: Any, path: Path | str | None = None) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, data, path) from None
    except RecursionError:  # pydantic's own guard should come first; never a traceback
        raise InputError("dữ liệu lồng nhau quá sâu", Location(file=path)) from None


def load_model(model: type[M], path: Path | str) -> M:
    """Load a YAML file and validate it against `model`, with Vietnamese errors."""
    data = load_yaml(path)
    if data is None:
        raise InputError("tệp rỗng", Location(file=path))
    return validate(model, data, path)


def dump_yaml(data: Any, header: str | None = None) -> str:
    """Serialise plain data as readable YAML (UTF-8, no line folding of long Vietnamese text)."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buf = io.StringIO()
    if header:
        buf.write("".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()))
    yaml.dump(data, buf)
    return buf.getvalue()
