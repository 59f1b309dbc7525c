"""`drafter template vars`, templates/README.md and the sandbox come from one table, and that
table is exactly what a real render hands to the template."""

from __future__ import annotations

import dataclasses

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from drafter.answers import load_plan
from drafter.cli import app
from drafter.document.render import render_docx
from drafter.paths import TEMPLATES
from drafter.plan.layout import Line
from drafter.document.prepared import PreparedTemplate
from drafter.template.parts import required_styles
from drafter.template.readme import STYLE_GROUPS, readme_markdown
from drafter.template.sandbox import environment
from drafter.template.variables import FILTERS, GLOBALS, VARIABLES, rows, sample_context


def _real_contexts(monkeypatch) -> list[dict]:
    seen: list[dict] = []
    original = PreparedTemplate.render_context

    def spy(self, context):
        seen.append(context)
        return original(self, context)

    monkeypatch.setattr(PreparedTemplate, "render_context", spy)
    for example in EXAMPLES:
        render_docx(load_plan(example))
    return seen


def test_vars_lists_exactly_the_context_of_a_real_render(monkeypatch):
    contexts = _real_contexts(monkeypatch)
    assert contexts
    documented = {v.name for v in VARIABLES}
    for ctx in contexts:
        assert set(ctx) == documented
        for var in VARIABLES:
            if var.fields:  # lists of lines or appendices: every attribute an item has, no more
                for item in ctx[var.name]:
                    attrs = {f.name for f in dataclasses.fields(item)} | {
                        name for name, value in vars(type(item)).items() if isinstance(value, property)}
                    assert attrs == {f.name for f in var.fields}


def test_line_attributes_are_documented():
    attrs = {f.name for f in dataclasses.fields(Line)} | {
        name for name, value in vars(Line).items() if isinstance(value, property)}
    for var in VARIABLES:
        if var.fields and var.name != "phu_luc":
            assert {f.name for f in var.fields} == attrs


def test_cli_vars_prints_every_entry():
    result = CliRunner().invoke(app, ["template", "vars"])
    assert result.exit_code == 0
    names = [line.split("\t")[0] for line in result.output.splitlines()]
    assert names == [row[0] for row in rows()]
    for var in VARIABLES:
        assert var.name in names


def test_sandbox_offers_exactly_the_documented_filters_and_globals():
    env = environment()
    public = {name for name in env.filters if not name.startswith("_")}
    assert public == {f.name for f in FILTERS}
    assert set(env.globals) == {g.name for g in GLOBALS if g.name != "loop"}


def test_readme_is_generated_from_the_same_table():
    committed = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    assert committed == readme_markdown(), "run: python tools/make_template_readme.py"


def test_readme_style_groups_name_every_style_once():
    grouped = [name for names, _ in STYLE_GROUPS for name in names]
    assert sorted(grouped) == sorted(required_styles())


@pytest.mark.parametrize("entry", FILTERS, ids=lambda f: f.name)
def test_each_filter_example_renders(entry):
    """The documented examples are real: each one renders in the sandbox with sample data."""

    source = entry.example.split(" → ")[0]
    if "{% for" in source:
        source += "{% endfor %}"
    rendered = environment().from_string(source).render(sample_context())
    if " → " in entry.example and "…" not in entry.example and "số" not in entry.example.split(" → ")[1]:
        assert rendered == entry.example.split(" → ")[1]
