"""The one place where user-facing messages about bad input are made: pydantic validation
errors, YAML syntax errors and OS errors become DrafterErrors with a Vietnamese reason and a
location (file, line, column, field path in the answers file's own keys, e.g.
`noi_dung[2].khoan`). No Python type, validator name or English text reaches the user."""

from __future__ import annotations

import errno
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafter.errors import InputError, Location, MultiInputError, UnreadableFileError, UsageError

# pydantic error type → what is expected, in Vietnamese. Types absent here get GENERIC.
_EXPECTED: dict[str, str] = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không được hỗ trợ (có thể gõ sai tên trường)",
    "string_type": "cần một chuỗi chữ",
    "string_unicode": "cần một chuỗi chữ",
    "string_too_short": "không được để trống",
    "string_too_long": "chuỗi quá dài",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên (không có phần thập phân)",
    "int_parsing_size": "số quá lớn",
    "float_parsing": "cần một số",
    "float_type": "cần một số",
    "bool_type": "cần giá trị true hoặc false",
    "bool_parsing": "cần giá trị true hoặc false",
    "list_type": "cần một danh sách (mỗi mục bắt đầu bằng «- »)",
    "tuple_type": "cần một danh sách (mỗi mục bắt đầu bằng «- »)",
    "dict_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "model_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "model_attributes_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "dataclass_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "invalid_key": "tên trường phải là chữ",
    "literal_error": "giá trị không hợp lệ",
    "enum": "giá trị không hợp lệ",
    "greater_than_equal": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "greater_than": "giá trị quá nhỏ",
    "less_than": "giá trị quá lớn",
    "too_short": "danh sách quá ngắn",
    "too_long": "danh sách quá dài",
    "union_tag_invalid": "loại mục không hợp lệ",
    "union_tag_not_found": "không nhận ra loại mục",
    "recursion_loop": "dữ liệu tự tham chiếu đến chính nó",
}
_DATE = "cần một ngày dạng NNNN-TT-NN, ví dụ 2025-10-31"
GENERIC = "giá trị không hợp lệ"
# Custom error types whose message drafter wrote itself (in Vietnamese).
_OWN_MESSAGES = {"node_kind", "table_row"}
# A union branch that failed only because the value has another shape.
_SHAPE = {"string_type", "int_type", "float_type", "bool_type", "list_type", "tuple_type", "dict_type",
          "model_type", "model_attributes_type", "dataclass_type", "date_type", "int_parsing",
          "float_parsing", "bool_parsing"}


def char_code(char: str) -> str:
    return f"U+{ord(char):04X}"


def shown(value: Any, limit: int = 60) -> str:
    """A value as the user wrote it in YAML, safe to print: invisible or unencodable characters
    appear as U+XXXX, long text is cut."""
    if value is None:
        return "(để trống)"
    if value is True or value is False:
        return "true" if value else "false"
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        out.append(f"[{char_code(ch)}]" if category in ("Cc", "Cs", "Cn", "Co") and ch not in "\t" else ch)
    return "".join(out)


# -- pydantic ---------------------------------------------------------------------------------

def _clean_loc(data: Any, loc: tuple[Any, ...], kind: str = "") -> tuple[tuple[Any, ...], int | None]:
    """The user's key path for pydantic's `loc`, and where a union branch label was dropped.

    pydantic inserts steps that are not keys of the file: tags of a tagged union (`muc`, a key
    of the same mapping) and branch labels of a plain union (`function-after[…]`, `list[…]`).
    A step is kept when it leads into the data; a final step that is not there is the name of
    a missing or unknown field."""
    out: list[Any] = []
    union_at: int | None = None
    node = data
    steps = list(loc)
    for i, key in enumerate(steps):
        last = i == len(steps) - 1
        nxt = None if last else steps[i + 1]
        if isinstance(node, dict) and isinstance(key, str) and key in node:
            if isinstance(nxt, str) and nxt in node and not (isinstance(node[key], dict) and nxt in node[key]):
                continue  # a discriminator tag: stay on this mapping
            out.append(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            out.append(key)
            node = node[key]
        elif last and isinstance(node, dict) and kind in ("missing", "extra_forbidden"):
            out.append(key)  # a missing or unknown field
            node = None
        else:
            if union_at is None:
                union_at = len(out)
            # a union branch label (or a step into a value of the wrong shape): not the user's key
    return tuple(out), union_at


def field_path(loc: tuple[Any, ...]) -> str:
    """`noi_dung[1].noi_dung[0].khoan` from a cleaned key path."""
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            text = shown(key, 40)
            out += f".{text}" if out else text
    return out or "(gốc)"


def _position(data: Any, loc: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest node of `loc` that exists in ruamel's tree."""
    line = col = None
    node = data
    for key in loc:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict) and key in node and lc is not None:
                pos = lc.key(key)
            elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node) and lc is not None:
                pos = lc.item(key)
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
        if pos is not None:
            line, col = pos[0] + 1, pos[1] + 1
        node = node[key]
    return line, col


def _reason(err: dict[str, Any]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", GENERIC))  # drafter's own validators raise Vietnamese text
    if kind in _OWN_MESSAGES:
        return err["msg"]
    if kind.startswith("date") or kind.startswith("datetime"):
        base = _DATE
    else:
        base = _EXPECTED.get(kind, GENERIC)
    if kind == "literal_error" and "expected" in ctx:
        base += f"; chấp nhận: {str(ctx['expected']).replace(' or ', ' hoặc ')}"
    elif kind in ("greater_than_equal", "greater_than") and ("ge" in ctx or "gt" in ctx):
        base += f" (tối thiểu {ctx.get('ge', ctx.get('gt'))})"
    elif kind in ("less_than_equal", "less_than") and ("le" in ctx or "lt" in ctx):
        base += f" (tối đa {ctx.get('le', ctx.get('lt'))})"
    elif kind == "too_short" and "min_length" in ctx:
        base += f" (cần ít nhất {ctx['min_length']} mục)"
    elif kind == "union_tag_invalid" and "expected_tags" in ctx:
        base += f"; chấp nhận: {ctx['expected_tags']}"
    value = err.get("input")
    if kind not in ("missing", "extra_forbidden") and not isinstance(value, (dict, list)):
        base += f" (đã nhập: «{shown(value)}»)"
    return base


def _shape_word(kind: str) -> str:
    return _EXPECTED.get(kind, GENERIC).removeprefix("cần ")


def validation_error(exc: ValidationError, data: Any, path: Path | str | None) -> InputError:
    """One InputError (or a MultiInputError) for all problems pydantic found in `data`."""
    raw = exc.errors(include_url=False)
    items = []  # (cleaned loc, union point, error)
    for err in raw:
        loc, union_at = _clean_loc(data, tuple(err["loc"]), err["type"])
        items.append((loc, None if union_at is None else loc[:union_at], err))
    # A value that fits no branch of a union: keep the errors of the branch that got furthest;
    # if every branch failed on the value's shape alone, say which shapes are accepted.
    keep: list[tuple[tuple, dict]] = []
    groups: dict[tuple, list] = {}
    for loc, point, err in items:
        if point is None:
            keep.append((loc, err))
        else:
            groups.setdefault(point, []).append((loc, err))
    for point, members in groups.items():
        deeper = [(loc, err) for loc, err in members if loc != point or err["type"] not in _SHAPE]
        if deeper:
            keep.extend(deeper)
            continue
        words = list(dict.fromkeys(_shape_word(err["type"]) for _, err in members))
        merged = dict(members[0][1], type="value_error", ctx={"error": "cần " + " hoặc ".join(words)})
        value = members[0][1].get("input")
        if not isinstance(value, (dict, list)):
            merged["ctx"]["error"] += f" (đã nhập: «{shown(value)}»)"
        keep.append((point, merged))
    errors: list[InputError] = []
    seen: set[tuple[str, str]] = set()
    for loc, err in keep:
        field = field_path(loc)
        message = _reason(err)
        if (field, message) in seen:
            continue
        seen.add((field, message))
        line, col = _position(data, loc)
        errors.append(InputError(message, Location(file=path, line=line, column=col, field=field)))
    if not errors:
        errors.append(InputError(GENERIC, Location(file=path)))
    return errors[0] if len(errors) == 1 else MultiInputError(errors)


# -- YAML -------------------------------------------------------------------------------------

# ruamel's problem text (English) → Vietnamese; matched by substring, first match wins.
_YAML_PROBLEMS = (
    ("duplicate", "khóa bị lặp lại"),
    ("mapping values are not allowed", "dấu «:» không đúng chỗ (giá trị chứa «: » cần đặt trong dấu nháy)"),
    ("found character '\\t'", "có ký tự tab ở chỗ thụt lề (chỉ dùng dấu cách)"),
    ("found character", "có ký tự không được phép ở đây"),
    ("found undefined alias", "dùng một tham chiếu «*» chưa được khai báo «&»"),
    ("unacceptable character", "có ký tự không được phép trong tệp YAML"),
    ("special characters are not allowed", "có ký tự không được phép trong tệp YAML"),
    ("expected escape sequence", "mã «\\x…», «\\u…» trong dấu nháy kép viết sai (viết «\\\\» nếu muốn dấu «\\»)"),
    ("while scanning a quoted scalar", "thiếu dấu nháy đóng"),
    ("while scanning an alias", "sau dấu «*» cần tên một tham chiếu (chữ có «*» ở đầu cần đặt trong dấu nháy)"),
    ("while scanning an anchor", "sau dấu «&» cần tên tham chiếu (chữ có «&» ở đầu cần đặt trong dấu nháy)"),
    ("sequence entries are not allowed", "dấu «- » không đúng chỗ (kiểm tra thụt lề của danh sách)"),
    ("found unknown escape character", "chuỗi trong dấu nháy kép có «\\» không hợp lệ (viết «\\\\» nếu muốn dấu «\\»)"),
    ("expected <block end>", "thụt lề không khớp"),
    ("did not find expected", "thụt lề không khớp hoặc thiếu dấu «-», «:»"),
    ("expected ',' or ']'", "thiếu dấu «]» đóng danh sách"),
    ("expected ',' or '}'", "thiếu dấu «}» đóng nhóm"),
    ("could not find expected ':'", "thiếu dấu «:» sau khóa"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu đóng)"),
    ("found unhashable key", "khóa không hợp lệ"),
    ("tag", "thẻ «!» không được hỗ trợ"),
)


def yaml_error(exc: Exception, path: Path | str | None, text: str | None = None) -> InputError:
    """A ruamel YAML error as an InputError with line and column (`text` locates the errors
    that carry only a character offset, such as a forbidden character)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    english = " ".join(str(getattr(exc, a, "") or "") for a in ("context", "problem")).strip() or str(exc)
    problem = next((vi for en, vi in _YAML_PROBLEMS if en in english), "cú pháp không hợp lệ")
    line = mark.line + 1 if mark is not None and getattr(mark, "line", None) is not None else None
    column = mark.column + 1 if line is not None and getattr(mark, "column", None) is not None else None
    position = getattr(exc, "position", None)
    if line is None and isinstance(position, int) and text is not None:
        before = text[:position]
        line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
    character = getattr(exc, "character", None)
    if isinstance(character, int):
        problem += f": mã {char_code(chr(character))}"
    return InputError(
        f"lỗi cú pháp YAML ({problem})",
        Location(file=path, line=line, column=column),
        hint=None if isinstance(character, int) else "kiểm tra thụt lề (dùng dấu cách, không dùng tab) và dấu «:» sau mỗi khóa",
    )


# -- operating system -------------------------------------------------------------------------

_OS_REASONS = {
    errno.EACCES: "không có quyền {verb} tệp hoặc thư mục này",
    errno.EPERM: "không có quyền {verb}",
    errno.EROFS: "ổ đĩa chỉ cho đọc, không {verb} được",
    errno.ENOSPC: "ổ đĩa đã đầy, không {verb} được",
    errno.EDQUOT: "đã hết dung lượng được cấp trên ổ đĩa, không {verb} được",
    errno.EFBIG: "tệp vượt quá kích thước ổ đĩa cho phép",
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EISDIR: "đây là thư mục, cần một tệp",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.ELOOP: "đường dẫn có liên kết vòng",
    errno.EEXIST: "tệp đã tồn tại",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
    errno.EBUSY: "tệp đang bị chương trình khác dùng",
    errno.ETXTBSY: "tệp đang bị chương trình khác dùng",
    errno.EINVAL: "tên tệp không hợp lệ",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENXIO: "không phải một tệp thường (thiết bị hoặc đường ống)",
}


def os_error(exc: OSError, path: Path | str, *, writing: bool) -> UsageError:
    """An OS error while reading or writing `path` (exit code 2), in Vietnamese."""
    verb = "ghi" if writing else "đọc"
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is None:
        reason = f"không {verb} được tệp (mã lỗi hệ thống {exc.errno})" if exc.errno else f"không {verb} được tệp"
    cls = UsageError if writing else UnreadableFileError
    return cls(reason.format(verb=verb), Location(file=path))
