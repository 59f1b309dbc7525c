"""docxtpl-lint's findings in Vietnamese. docxtpl-lint ships English and Chinese only; the
parameters it stores on each issue fill these sentences. A rule missing here falls back to the
English text, so a newer docxtpl-lint never hides a finding."""

from __future__ import annotations

from typing import Any

from drafter.template.failure import vietnamese_syntax

MESSAGES: dict[str, str] = {
    "DTL001": "thẻ «{open}» không có phần đóng «{close}»",
    "DTL002": "thẻ «{open}» chỉ đóng ở đoạn {end_para}; docxtpl gộp các đoạn này và mất định dạng",
    "DTL003": "đoạn có thay đổi theo dõi (Track Changes) chưa chấp nhận chứa mã mẫu; hãy Accept/Reject "
              "mọi thay đổi trước khi dùng làm mẫu",
    "DTL101": "khối «{{% {kw} %}}» không được đóng: thiếu «{{% end{kw} %}}»",
    "DTL102": "«{raw}» không có thẻ mở tương ứng",
    "DTL104": "bộ lọc «{name}» không có trong drafter (xem: drafter template vars)",
    "DTL105": "phép thử «is {name}» không có",
    "DTL106": "«{name}» chỉ có bên trong vòng lặp for nhưng được dùng sau vòng lặp",
    "DTL201": "thẻ «{prefix}» chứa ký tự % hoặc }}, docxtpl không đọc được; tính giá trị trước bằng {{% set %}}",
    "DTL202": "viết «{{%{prefix} …» liền, không có khoảng trắng sau «{{%»",
    "DTL203": "«{raw}» dùng tiền tố «{prefix}» nhưng không nằm trong ô bảng",
    "DTL204": "«{close_raw}» đóng «{open_raw}» ({open_loc}) nhưng tiền tố khác nhau ({open_prefix} và {close_prefix})",
    "DTL205": "«{open_raw}» ở bảng {t1} nhưng «{close_raw}» ở bảng {t2}; các hàng sẽ mất mà không báo lỗi",
    "DTL206": "«{open_raw}» và «{close_raw}» cùng một hàng (bảng {table}, hàng {row}); đặt chúng ở hai hàng riêng",
    "DTL207": "«{open_raw}» và «{close_raw}» ở khác hàng hoặc khác bảng; bảng dựng ra sẽ hỏng",
    "DTL208": "«{raw}» chỉ dùng được trong ô bảng",
    "DTL209": "thẻ «{raw}» thay cả {unit} bằng thẻ, nên chữ «{rest}» bên cạnh sẽ mất mà không báo lỗi; "
              "chuyển chữ đó sang một đoạn riêng",
    "DTL210": "«{open_raw}» và «{close_raw}» cùng một đoạn; đặt chúng ở hai đoạn riêng",
    "DTL301": "mẫu dùng «{path}», không có trong dữ liệu của drafter (xem: drafter template vars)",
    "DTL303": "vòng lặp for trên «{path}» nhưng «{path}» là {type}, không phải danh sách",
    "DTL306": "«{path}» là {type} nhưng bộ lọc «{filter}» cần một danh sách",
}
_UNITS = {"paragraph": "đoạn", "row": "hàng", "cell": "ô", "run": "đoạn chữ"}


def issue_message(rule: str, params: dict[str, Any], english: str) -> str:
    if rule == "DTL103":
        return f"lỗi cú pháp: {vietnamese_syntax(str(params.get('msg', '')))}"
    template = MESSAGES.get(rule)
    if template is None:
        return english
    values = {k: _UNITS.get(v, v) if k == "unit" else v for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # parameters renamed upstream: keep the finding
        return english
