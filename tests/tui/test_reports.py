"""Raporlar screens: the list of reports in the current language, the
parameter form (this month offered, a malformed month refused at the
field), households-monthly for a month with known data shown as a table
with its totals row, another month empty, and the table exported to CSV
(plain and Excel)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (LEFT, BACKSPACE, ENTER, ESC, F, RIGHT, TAB,  # noqa
                    Console, Failure, Workdir, run, tckn)


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def open_console(w, env=None):
    """The console working in the work folder, where exports go."""
    old = os.getcwd()
    os.chdir(w.dir)
    try:
        return Console(w, 24, 80, env=env)
    finally:
        os.chdir(old)


def registry(w):
    """June 2026 (HANE_NOW): two households in Gündoğdu with three
    persons, one in Serdar with one."""
    path = os.path.join(w.dir, "giris.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Hane No;TC Kimlik No;Ad;Soyad;Mahalle\n"
                "1;%s;Zeynep;Aksoy;Gündoğdu\n" % tckn(201) +
                "1;%s;Mehmet;Aksoy;Gündoğdu\n" % tckn(202) +
                "2;%s;Ali;Kaya;Gündoğdu\n" % tckn(203) +
                "3;%s;Deniz;Kara;Serdar\n" % tckn(204))
    w.hane("import", "households", path)


def row_with(c, word):
    for line in c.screen.display:
        if word in line:
            return line.split()
    raise Failure("no row with %r:\n%s" % (word, c.text()))


def open_monthly(c):
    c.wait("Ana Menü")
    c.send("6")
    c.wait("Aylık yeni hane ve kişi kayıtları")
    c.type("aylık yeni hane")
    c.wait(lambda t: "Aylık yeni hane" in focused_line(c))
    c.send(ENTER)
    c.wait("Ay (YYYY-AA")
    c.wait("F2: raporu çalıştır")


def test_monthly_report_and_export():
    w = Workdir()
    registry(w)
    c = open_console(w)
    try:
        open_monthly(c)
        if "2026-06" not in focused_line(c):
            raise Failure("this month not offered:\n" + c.text())
        c.send(F[2])
        c.wait("Yeni hane")
        c.wait("Toplam")
        if row_with(c, "Gündoğdu")[-2:] != ["2", "3"]:
            raise Failure("Gündoğdu row:\n" + c.text())
        if row_with(c, "Serdar")[-2:] != ["1", "1"]:
            raise Failure("Serdar row:\n" + c.text())
        if row_with(c, "Toplam")[-2:] != ["3", "4"]:
            raise Failure("totals row:\n" + c.text())
        c.wait("2 satır")
        # Export: the path offered is named after the report and month.
        # An Excel workbook is offered first (#21).
        c.send(F[2])
        c.wait("households-monthly-2026-06.xlsx")
        c.send(F[2])
        c.wait("3 satır yazıldı")
        c.send(ENTER)
        c.wait("Toplam")
        c.send(F[2])
        c.wait("Biçim")
        c.send(TAB)
        c.send(RIGHT)                             # CSV for Excel
        c.wait(lambda t: "Excel" in focused_line(c))
        c.wait("households-monthly-2026-06.csv")  # the name follows
        c.send(F[2])
        c.wait("3 satır yazıldı")
        c.send(ENTER)
        c.wait("Toplam")
        # The workbook again: asked before it is overwritten.
        c.send(F[2])
        c.wait("households-monthly-2026-06.xlsx")
        c.send(F[2])
        c.wait("Üzerine yazılsın mı")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)                             # Evet
        c.wait("3 satır yazıldı")
        c.send(ENTER)
        # Back to the parameters: May has nothing.
        c.send(ESC)
        c.wait("F2: raporu çalıştır")
        c.wait(lambda t: "2026-06" in focused_line(c))
        c.send(BACKSPACE)
        c.type("5")
        c.send(F[2])
        c.wait("0 satır")
        if "Gündoğdu" in c.text():
            raise Failure("May shows June's rows:\n" + c.text())
        c.send(ESC)
        c.wait("F2: raporu çalıştır")
        c.send(ESC)
        c.wait("Tüm raporlar")
        c.close()
        with open(os.path.join(w.dir, "households-monthly-2026-06.xlsx"),
                  "rb") as f:
            if f.read(2) != b"PK":
                raise Failure("the .xlsx is not a workbook")
        with open(os.path.join(w.dir, "households-monthly-2026-06.csv"),
                  "rb") as f:
            data = f.read()
        if not data.startswith(b"\xef\xbb\xbf"):
            raise Failure("Excel export lacks the BOM")
        lines = data.decode("utf-8-sig").split("\r\n")
        if lines[0] != "Mahalle;Yeni hane;Yeni kişi":
            raise Failure("header: %r" % lines[0])
        if "Gündoğdu;2;3" not in lines or "Serdar;1;1" not in lines:
            raise Failure("rows: %r" % lines)
    finally:
        c.close()
        w.cleanup()


def test_export_to_a_path_under_home():
    """A path typed as "~/x.csv" goes to the home folder (the report's
    export and the household export share the one path rule)."""
    w = Workdir()
    registry(w)
    home = os.path.join(w.dir, "ev")
    os.mkdir(home)
    c = open_console(w, env={"HOME": home})
    try:
        open_monthly(c)
        c.send(F[2])
        c.wait("2 satır")
        c.send(F[2])
        # The field shows the end of the long path offered.
        offered = os.path.join(w.dir, "households-monthly-2026-06.xlsx")
        c.wait("households-monthly-2026-06.xlsx")
        for _ in offered:
            c.send(BACKSPACE)
        c.wait_gone("households-monthly")
        c.type("~/aylik.xlsx")
        c.wait("~/aylik.xlsx")
        c.send(F[2])
        c.wait("3 satır yazıldı")
        c.send(ENTER)
        c.close()
        with open(os.path.join(home, "aylik.xlsx"), "rb") as f:
            if f.read(2) != b"PK":
                raise Failure("~/aylik.xlsx is not a workbook")
        if os.path.exists(os.path.join(w.dir, "~")):
            raise Failure("'~' was taken as a folder's name")
    finally:
        c.close()
        w.cleanup()


def test_bad_month_refused_at_the_field():
    w = Workdir()
    c = open_console(w)
    try:
        open_monthly(c)
        for _ in range(7):
            c.send(BACKSPACE)
        c.type("2026-13")
        c.send(F[2])
        c.wait("YYYY-AA biçiminde olmalı")
        c.wait(lambda t: "2026-13" in focused_line(c))
        c.send(ESC)
        c.wait("Evet")                            # typed text: asked
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait("Tüm raporlar")
        c.close()
    finally:
        c.close()
        w.cleanup()


def test_titles_in_english():
    w = Workdir()
    c = open_console(w, env={"HANE_LANG": "en"})
    try:
        c.wait("Main")
        c.send("6")
        c.wait("Households and persons registered in the month")
        c.close()
    finally:
        c.close()
        w.cleanup()


def test_month_as_the_office_writes_it():
    """The month may be typed as offices write it, 06.2026 (or 6.2026),
    not only 2026-06 (#18: "11.2026" was refused); the report runs for
    that month and the export is named by it as always."""
    w = Workdir()
    registry(w)
    c = open_console(w)
    try:
        open_monthly(c)
        for _ in range(7):
            c.send(BACKSPACE)
        c.type("6.2026")
        c.send(F[2])
        c.wait("Toplam")
        if row_with(c, "Toplam")[-2:] != ["3", "4"]:
            raise Failure("totals row:\n" + c.text())
        c.send(F[2])
        c.wait("households-monthly-2026-06.xlsx")
    finally:
        c.close()
        w.cleanup()


def test_typing_filters_the_list():
    """Typing in the list of reports shows only the reports that hold the
    text, and the count says how many (it said "11 sonuç" while only the
    cursor moved); Backspace brings them all back."""
    w = Workdir()
    c = open_console(w)
    try:
        c.wait("Ana Menü")
        c.send("6")
        t = c.wait("Tüm raporlar")
        total = [ln for ln in t.splitlines() if "Ara:" in ln][0].split()[-2]
        c.type("gida")
        t = c.wait(" 1 sonuç")
        if "Gıda Bankası aylık özet" not in t or "aid-active" in t:
            raise Failure("the list is not filtered:\n" + t)
        c.send(ENTER)                             # the one shown opens
        c.wait("Ay (YYYY-AA")
        c.send(ESC)
        c.wait("Tüm raporlar")
        for _ in range(4):
            c.send(BACKSPACE)
        c.wait(" %s sonuç" % total)
        c.wait("aid-active")
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_monthly_report_and_export, test_export_to_a_path_under_home,
         test_bad_month_refused_at_the_field, test_titles_in_english,
         test_month_as_the_office_writes_it, test_typing_filters_the_list])
