"""Word templates that legal staff own: where they live (`store`), the budgeted sandbox that
renders them (`sandbox`, `run`), what they may use (`variables`), and `drafter template check`
(`lint`). Commands with `--template NAME|FILE` call `resolve_template`."""

from drafter.template.store import resolve_template

__all__ = ["resolve_template"]
