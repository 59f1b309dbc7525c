"""`drafter fix IN.docx -o OUT.docx`: repair the layout of a plan without touching a word.

Safety design: the input is read once and never opened for writing; the repairs run on a copy
in memory; each repair is planned on the document as read and applied only if the value it
found is still there; the words of the result (numbers by value) must equal the input's, or
nothing is written; the result is checked again; the output is written atomically and never
over an existing file without --force; every change is listed (rule, where, before → after).
Signed documents, tracked changes, macros and embedded objects are refused.

Findings that need a person (a wrong or abolished name, a numbering jump, a missing signer, an
expired legal basis, capitals and spelling — anything that changes words) are listed, not guessed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import docx

from drafter.check import check_docx_bytes
from drafter.check.docx_checks import DocView
from drafter.check.finding import Finding
from drafter.check.package import Package
from drafter.check.safety import read_bytes, verify_docx_bytes
from drafter.errors import DrafterError, Location
from drafter.fix import layout, page, text
from drafter.fix.change import Change, Plan
from drafter.fix.guard import RefusedError, refuse_untouchable
from drafter.fix.words import word_differences

__all__ = ["FixResult", "fix_bytes", "run_fix", "REPAIRABLE", "RefusedError"]

# Rules whose findings `fix` repairs (formatting, punctuation, spacing, padding). Any other
# finding needs a person. Some repairable findings can still be left (a rule drawn as a shape,
# a paragraph with tabs before the text): they are reported as not repaired.
REPAIRABLE = frozenset({
    "ND30-P1", "ND30-P2", "ND30-P3", "ND30-P4", "ND30-P5", "ND30-F1", "ND30-F2", "ND30-F3",
    "ND30-D1", "ND30-D2", "ND30-D3", "ND30-D4", "ND30-D5",
    "ND30-H1", "ND30-H3", "ND30-H4", "ND30-H5", "ND30-H7", "ND30-H9", "ND30-S1", "ND30-S3", "ND30-N1", "ND30-N2",
    "ND30-T1", "ND30-T2", "ND30-T3", "ND30-T5", "ND30-C1", "ND30-C2", "ND30-M4", "ND30-M5", "ND30-E1",
    "ND30-K3", "ND30-K4", "ND30-R1", "ND30-R2", "ND30-R4", "ND30-R5", "ND30-B1", "ND30-B2", "ND30-G1", "ND30-G2",
})
MAX_ROUNDS = 12  # each round re-reads the document; edits of one paragraph land one per round


class WordsChangedError(DrafterError):
    """A repair would have changed words: a bug; nothing is written."""


@dataclass
class FixResult:
    before: list[Finding]
    after: list[Finding]
    changes: list[Change] = field(default_factory=list)
    data: bytes | None = None  # the repaired document, None when nothing changed

    @property
    def needs_person(self) -> list[Finding]:
        return [f for f in self.after if f.rule not in REPAIRABLE]

    @property
    def not_repaired(self) -> list[Finding]:
        return [f for f in self.after if f.rule in REPAIRABLE]

    @property
    def errors_left(self) -> int:
        return sum(1 for f in self.after if f.is_error)


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plan_round(document, findings: list[Finding]) -> Plan:
    view = DocView(Package.from_document(document))
    fired = {f.rule for f in findings}
    plan = Plan()
    page.plan_page(view, document, plan, fired)
    page.plan_page_numbers(view, document, plan, fired)
    for step in (layout.plan_fonts_and_colour, layout.plan_elements, layout.plan_tables, layout.plan_rule_lengths,
                 text.plan_bases, text.plan_recipients, text.plan_ending, text.plan_subject_stop, text.plan_date,
                 text.plan_spacing):
        step(view, plan, fired)
    layout.plan_body(view, plan, findings)  # by the paragraphs each finding names
    text.plan_number(view, plan, findings)  # the "Số:" line the finding spells out
    return plan


def fix_bytes(data: bytes, path: Path | str = "<bộ nhớ>") -> FixResult:
    parts = verify_docx_bytes(data, path)
    refuse_untouchable(data, parts, path)
    before = check_docx_bytes(data, path)
    if not any(f.rule in REPAIRABLE for f in before):
        return FixResult(before, before)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds (with English messages) on a broken package
        raise RefusedError("không mở được tệp Word để sửa (tệp bị hỏng hoặc không phải văn bản Word)",
                           Location(file=path)) from None
    changes: list[Change] = []
    findings = before
    for _ in range(MAX_ROUNDS):
        applied = _plan_round(document, findings).apply()
        if not applied:
            break
        changes.extend(applied)
        findings = check_docx_bytes(_save(document), path)
        if not any(f.rule in REPAIRABLE for f in findings):
            break
    if not changes:
        return FixResult(before, before)
    out = _save(document)
    differences = word_differences(data, out)
    if differences:
        raise WordsChangedError("bản sửa làm đổi chữ của văn bản nên không ghi: " + "; ".join(differences),
                                Location(file=path), hint="hãy báo lỗi này cho người phát triển drafter")
    return FixResult(before, check_docx_bytes(out, path), changes, out)


def run_fix(source: Path, output: Path, fmt: str = "text", force: bool = False) -> int:
    from drafter.fix.report import run

    return run(source, output, fmt, force)


def read_source(path: Path) -> bytes:
    """The input, read once (never opened for writing)."""
    return read_bytes(Path(path))
