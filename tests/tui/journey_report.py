"""Journey (#17, #21): the monthly report of new households and persons,
written to an Excel workbook (.xlsx, what the export dialog offers
first) and read back with openpyxl: the sheet, the bold frozen header,
the rows as numbers. Runs with xterm's and PuTTY's keys
(HANE_TUI_KEYS); prints the navigation keys."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, RIGHT, TAB, Console, Failure,  # noqa
                    Workdir, run, tckn)
import openpyxl  # noqa: E402 (python3-openpyxl)

AIM = 10


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def test_monthly_report_to_excel():
    w = Workdir()
    path = os.path.join(w.dir, "giris.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Hane No;TC Kimlik No;Ad;Soyad;Mahalle\n"
                "1;%s;Zeynep;Aksoy;Gündoğdu\n" % tckn(201) +
                "1;%s;Mehmet;Aksoy;Gündoğdu\n" % tckn(202) +
                "2;%s;Deniz;Kara;Serdar\n" % tckn(204))
    w.hane("import", "households", path)
    old = os.getcwd()
    os.chdir(w.dir)                               # exports go here
    try:
        c = Console(w)
    finally:
        os.chdir(old)
    try:
        c.wait("Ana Menü")
        c.send("6")                               # Raporlar
        c.wait("Tüm raporlar")
        c.type("aylık yeni hane")
        c.wait(lambda t: "Aylık yeni hane" in focused_line(c))
        c.send(ENTER)
        c.wait("Ay (YYYY-AA")
        c.send(F[2])                              # run (this month)
        c.wait("Toplam")
        c.send(F[2])                              # export
        c.wait("households-monthly-2026-06.xlsx")
        c.wait("Excel çalışma kitabı (.xlsx)")    # offered first
        c.send(F[2])
        c.wait("satır yazıldı")
        c.send(ENTER)
        c.wait("Toplam")
        n = c.nav_report("monthly report to Excel")
        out = os.path.join(w.dir, "households-monthly-2026-06.xlsx")
        wb = openpyxl.load_workbook(out)
        ws = wb.worksheets[0]
        rows = [[c_.value for c_ in r] for r in ws.iter_rows()]
        if rows[0] != ["Mahalle", "Yeni hane", "Yeni kişi"]:
            raise Failure("header: %r" % rows)
        if ["Gündoğdu", 1, 2] not in rows or ["Serdar", 1, 1] not in rows:
            raise Failure("rows: %r" % rows)
        if not ws.cell(1, 1).font.b or ws.freeze_panes != "A2":
            raise Failure("header not bold and frozen")
        if n > AIM:
            raise Failure("%d navigation keys, aim %d" % (n, AIM))
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_monthly_report_to_excel])
