"""Print what the template safety costs a normal render: milliseconds to verify the template
package and build the budgeted environment, and docxtpl's render of a real plan with the
budgeted sandbox against jinja2's plain SandboxedEnvironment (same template, same context)."""

from __future__ import annotations

import io
import statistics
import time

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from drafter.answers import load_plan
from drafter.paths import DEFAULT_TEMPLATE, PRESETS
from drafter.plan.layout import context
from drafter.template.package import read_template
from drafter.template.parts import missing_styles
from drafter.template.sandbox import environment

REPEAT = 10


def median_ms(action) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    data, parts = read_template(DEFAULT_TEMPLATE)
    ctx = context(load_plan(PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml"))
    print(f"kiểm tra gói mẫu + kiểu: {median_ms(lambda: missing_styles(read_template(DEFAULT_TEMPLATE)[1])):.1f} ms")
    print(f"tạo môi trường có giới hạn: {median_ms(environment):.2f} ms")

    def render(env_factory):
        return lambda: DocxTemplate(io.BytesIO(data)).render(ctx, jinja_env=env_factory(), autoescape=True)

    plain = median_ms(render(lambda: SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)))
    budgeted = median_ms(render(environment))
    print(f"docxtpl render, sandbox thường: {plain:.1f} ms; sandbox có giới hạn: {budgeted:.1f} ms "
          f"(trung vị {REPEAT} lần)")


if __name__ == "__main__":
    main()
