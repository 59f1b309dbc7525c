"""drafter: Kế hoạch của Ủy ban nhân dân đúng thể thức Nghị định 30/2020/NĐ-CP.

The flow is answers → plan → document → check:
  drafter.answers   load and validate an answers (spec) file
  drafter.plan      the plan model and its layout into numbered paragraphs
  drafter.document  render a plan into a DOCX through a Word template
  drafter.check     ND30 compliance checks of any DOCX or text plan
"""

__version__ = "0.1.0"
