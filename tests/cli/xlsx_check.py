#!/usr/bin/python3
"""Reads back a workbook hane wrote and checks it as Excel would see it.

xlsx_check.py --batch LIST: each line of LIST is "LABEL FILE OPTIONS…"
(shell-quoted); prints "ok LABEL" or "FAIL LABEL: what" per line, so
one python start checks every workbook of a test.
xlsx_check.py FILE [--sheet NAME] [--text TITLE]… [--date TITLE]…
              [--money TITLE]… [--number TITLE]… [--has VALUE]…
              [--lacks VALUE]… [--rows N]

Every TITLE is a header cell of row 1; each non-empty cell below it must be
of that kind: --text a text cell (TC Kimlik No, phones), --date a date cell
shown dd.mm.yyyy, --money a number shown #,##0.00, --number a number.
Always checked: row 1 bold and frozen, an autofilter over the header and
every row, no column narrower than its header. --has/--lacks look for a
cell whose text is VALUE. Prints what is wrong and exits 1.
"""
import datetime
import shlex
import sys

import openpyxl

def check(args):
    path = args.pop(0)
    want = {"text": [], "date": [], "money": [], "number": [], "has": [],
            "lacks": []}
    sheet = rows = None
    while args:
        opt = args.pop(0)[2:]
        val = args.pop(0)
        if opt == "sheet":
            sheet = val
        elif opt == "rows":
            rows = int(val)
        else:
            want[opt].append(val)

    errors = []
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    if sheet is not None and ws.title != sheet:
        errors.append("sheet is %r, want %r" % (ws.title, sheet))
    header = [c.value for c in ws[1]]
    if ws.freeze_panes != "A2":
        errors.append("header not frozen (%r)" % ws.freeze_panes)
    for c in ws[1]:
        if c.value is not None and not c.font.b:
            errors.append("header %r not bold" % c.value)
    ref = ws.auto_filter.ref
    if not ref or not ref.startswith("A1:") or \
            int("".join(ch for ch in ref.split(":")[1] if ch.isdigit())) != ws.max_row:
        errors.append("autofilter %r does not cover rows 1..%d" % (ref, ws.max_row))
    for i, title in enumerate(header):
        if title is None:
            continue
        letter = openpyxl.utils.get_column_letter(i + 1)
        dim = ws.column_dimensions.get(letter)
        if dim is None or not dim.width or dim.width < len(str(title)):
            errors.append("column %s (%r) narrower than its title" % (letter, title))
    if rows is not None and ws.max_row - 1 != rows:
        errors.append("%d data rows, want %d" % (ws.max_row - 1, rows))


    def column(title):
        if title not in header:
            errors.append("no column %r (have %r)" % (title, header))
            return []
        i = header.index(title)
        return [r[i] for r in ws.iter_rows(min_row=2) if r[i].value is not None]


    for title in want["text"]:
        cells = column(title)
        if not cells:
            errors.append("column %r is empty" % title)
        for c in cells:
            if c.data_type != "s":
                errors.append("%s (%r) is %s, not text" % (c.coordinate, c.value, c.data_type))
    for title in want["date"]:
        cells = column(title)
        if not cells:
            errors.append("column %r is empty" % title)
        for c in cells:
            if not c.is_date or not isinstance(c.value, datetime.datetime) or \
                    not c.number_format.startswith("dd.mm.yyyy"):
                errors.append("%s (%r, %s) is not a date shown dd.mm.yyyy" %
                              (c.coordinate, c.value, c.number_format))
    for title in want["money"]:
        cells = column(title)
        if not cells:
            errors.append("column %r is empty" % title)
        for c in cells:
            if c.data_type != "n" or c.number_format != "#,##0.00":
                errors.append("%s (%r, %s) is not money" % (c.coordinate, c.value, c.number_format))
    for title in want["number"]:
        cells = column(title)
        if not cells:
            errors.append("column %r is empty" % title)
        for c in cells:
            if c.data_type != "n" or isinstance(c.value, datetime.datetime):
                errors.append("%s (%r) is not a number" % (c.coordinate, c.value))
    texts = {str(c.value) for r in ws.iter_rows() for c in r if c.value is not None}
    for v in want["has"]:
        if v not in texts:
            errors.append("no cell %r" % v)
    for v in want["lacks"]:
        if v in texts:
            errors.append("a cell is %r" % v)
    return errors


if sys.argv[1] == "--batch":
    bad = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            words = shlex.split(line)
            if not words:
                continue
            try:
                errors = check(words[1:])
            except Exception as e:  # a file that does not open as a workbook
                errors = ["%s: %s" % (type(e).__name__, e)]
            if errors:
                bad += 1
                print("FAIL %s: %s" % (words[0], "; ".join(errors)))
            else:
                print("ok %s" % words[0])
    sys.exit(1 if bad else 0)
errors = check(sys.argv[1:])
for e in errors:
    print("xlsx_check: %s" % e)
sys.exit(1 if errors else 0)
