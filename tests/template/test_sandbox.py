"""A hostile template is refused fast, small and in Vietnamese: each attack of issue H is
rendered in a child process with an address-space limit; the child reports the seconds each
refusal took and its peak memory."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.errors import TemplateError
from drafter.paths import DEFAULT_TEMPLATE
from drafter.plan.layout import context

HOSTILE = Path(__file__).with_name("hostile.py")

# (name, where the tag goes, template text, words the message must contain)
ATTACKS = [
    ("repeat", "body", "{{ 'A' * 10**9 }}", "giới hạn"),
    ("power", "body", "{{ 9**(9**8) }}", "số nguyên quá lớn"),
    ("nested-range", "body", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
     "giới hạn"),
    ("nested-loops", "body", "{% for i in range(9000) %}{% for j in range(9000) %}{{ i }}{% endfor %}{% endfor %}",
     "vòng lặp trong mẫu chạy quá"),
    ("lipsum", "body", "{{ lipsum(200000) }}", "giới hạn"),
    ("mro", "body", "{{ ''.__class__.__mro__ }}", "không được phép"),
    ("globals", "cell", "{{ cycler.__init__.__globals__ }}", "không được phép"),
    ("lipsum-globals", "header", "{{ lipsum.__globals__ }}", "không được phép"),
    ("include", "body", "{% include '/etc/passwd' %}", "{% include %}"),
    ("import", "body", "{% import 'x' as y %}", "{% import %}"),
    ("extends", "body", "{% extends 'base.docx' %}", "{% extends %}"),
    ("center", "body", "{{ 'a'.center(10**9) }}", "số quá lớn"),
    ("undocumented-filter", "body", "{{ 'a'|center(10**9) }}", "bộ lọc «center» không có"),
    ("format-width", "body", "{{ '{:>999999999}'.format(1) }}", "độ rộng"),
    ("doubling", "body", "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
                         "{% endfor %}{{ ns.s }}", "quá 1.000.000"),
    ("macro-bomb", "body", "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}",
     "gọi hàm hoặc macro quá"),
    ("list-amplify", "body", "{% set s = 'x' * 999999 %}{{ ([s] * 10000)|join }}", "quá 1.000.000"),
    ("overflow", "body", "{{ 2.0 ** 100000 }}", "phép tính trong mẫu không thực hiện được"),
    ("recursion", "body", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "đệ quy"),
    ("raw-xml", "body", "{{ 'x'|safe }}", "bộ lọc «safe»"),
]
# Where each attack's paragraph is, as the message must name it.
PLACES = {"body": "thân văn bản (word/document.xml), đoạn", "cell": "bảng 2 hàng 1 ô 1",
          "header": "đầu trang (word/header"}


def _template(path: Path, where: str, text: str) -> Path:
    document = docx.Document(str(DEFAULT_TEMPLATE))
    if where == "body":
        document.add_paragraph(text)
    elif where == "cell":
        document.tables[1].cell(0, 0).add_paragraph(text)
    else:
        document.sections[0].header.add_paragraph(text)
    document.save(path)
    return path


def _with_part(tmp_path: Path, name: str, part: str, data: bytes | None = None, chunks: int = 0) -> Path:
    """The default template plus (or with a replaced) part; `chunks` MiB of zeros stream in."""
    out = tmp_path / name
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                   compresslevel=1) as dst:
        for item in src.infolist():
            if item.filename != part:
                dst.writestr(item, src.read(item))
        with dst.open(part, "w", force_zip64=True) as handle:
            if data is not None:
                handle.write(data)
            for _ in range(chunks):
                handle.write(bytes(1 << 20))
    return out


def _header_with_doctype(tmp_path: Path) -> Path:
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as src:
        header = next(n for n in src.namelist() if n.startswith("word/header"))
        xml = src.read(header)
    bomb = b'<!DOCTYPE w:hdr [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    head, rest = xml.split(b"?>", 1)
    return _with_part(tmp_path, "doctype.docx", header, head + b"?>" + bomb + rest)


@pytest.mark.timeout(120)
def test_every_attack_is_refused_within_2s_and_300mb(tmp_path):
    cases = {name: (_template(tmp_path / f"{name}.docx", where, text), where, words)
             for name, where, text, words in ATTACKS}
    cases["gib-part"] = (_with_part(tmp_path, "gib.docx", "word/media/big.bin", chunks=1024), None, "bom nén")
    cases["doctype-header"] = (_header_with_doctype(tmp_path), None, "DOCTYPE/ENTITY")

    def limit() -> None:  # a failed budget must not take the machine down with it
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    run = subprocess.run([sys.executable, str(HOSTILE), *(str(c[0]) for c in cases.values())],
                         capture_output=True, text=True, timeout=100, preexec_fn=limit,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    assert "Traceback" not in run.stderr, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    *results, peak = lines
    assert len(results) == len(cases)
    for (name, (path, where, words)), result in zip(cases.items(), results):
        assert not result["ok"], name
        assert result["exit"] == 1, name
        assert result["seconds"] < 2, (name, result["seconds"])
        message = result["message"]
        assert path.name in message and words in message, (name, message)
        if where:
            assert PLACES[where] in message, (name, message)
        assert "Traceback" not in message and "Error" not in message, (name, message)
    assert peak["peak_mb"] < 300, peak


def test_text_that_looks_like_jinja_in_answers_is_printed_literally(minimal_spec):
    typed = "Kết quả {{ 7*7 }} và {% if 1 %}x{% endif %} {{ ''.__class__ }}."
    spec = minimal_spec.read_text(encoding="utf-8").replace("Nâng cao nhận thức.", json.dumps(typed, ensure_ascii=False))
    minimal_spec.write_text(spec, encoding="utf-8")
    text = [p.text for p in docx.Document(io.BytesIO(render_docx(load_plan(minimal_spec)))).paragraphs]
    assert f"a) {typed[:-1]}./." in text


def test_ordinary_arithmetic_and_loops_still_work(tmp_path, example_000):
    ok = _template(tmp_path / "ok.docx", "body",
                   "{{ 7*7 }}-{{ 2**10 }}-{% for i in range(3) %}{{ i }}{% endfor %}-{{ 'ab' * 3 }}-{{ 'x'.center(5) }}|{{ than|selectattr('kieu', 'equalto', 'muc')|list|length }}")
    text = [p.text for p in docx.Document(io.BytesIO(render_docx(example_000, ok))).paragraphs]
    muc = sum(1 for line in context(example_000)["than"] if line.kieu == "muc")
    assert f"49-1024-012-ababab-  x  |{muc}" in text


def test_a_missing_template_names_the_file(tmp_path, example_000):
    with pytest.raises(TemplateError) as info:
        render_docx(example_000, tmp_path / "khong-co.docx")
    assert "khong-co.docx" in str(info.value) and "không tìm thấy" in str(info.value)


def test_a_template_package_with_too_many_parts_is_refused(tmp_path, example_000):
    path = tmp_path / "nhieu-phan.docx"
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        for n in range(5001):
            dst.writestr(f"word/media/p{n}.bin", b"")
    with pytest.raises(TemplateError) as info:
        render_docx(example_000, path)
    assert "nhieu-phan.docx" in str(info.value) and "quá nhiều thành phần" in str(info.value)
