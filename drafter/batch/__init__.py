"""`drafter batch`: a tailored plan for every commune of a province, from a plan kind or the
province's own model, with per-commune values from an Excel roster.

    roster.py    the roster file (write pre-filled, read with per-row problems)
    model.py     what the plans are made from (kind or province model) and its own placeholders
    run.py       one plan per commune: scaffold, roster values, render, write, check
    outputs.py   the output folder: atomic writes, up-to-date skips, no clobbering of edited files
    summary.py   tong-hop.csv / .xlsx and the terminal table
    progress.py  the progress bar
    cli.py       the `drafter batch` commands
"""
