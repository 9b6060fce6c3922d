"""The overview in the console: the main menu's "Bugün" panel with the
waiting work and 12-month sparklines, the dashboard (menu row 9), a unit's
bar chart, the annual report screen with a figure's query; Unicode and
ASCII, 80 and 120 columns."""
import os
import sys

import openpyxl  # python3-openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, DOWN, END, ENTER, ESC, F, UP, Console,  # noqa
                    Failure, Workdir, run)

BLOCKS = "▁▂▃▄▅▆▇█"


def with_year(fn, rows=24, cols=80, env=None):
    w = Workdir(demo=True)
    try:
        w.hane("overview", "demo-year", "--year", "2025", "--scale", "0.02",
               "--seed", "4")
        c = Console(w, rows, cols, (), env)
        try:
            fn(c, w)
        finally:
            c.close()
    finally:
        w.cleanup()


def panel_has_blocks(t):
    return any(b in t for b in BLOCKS)


def test_today_panel_and_dashboard():
    def body(c, w):
        t = c.wait("İnceleme, son 12 ay")
        for word in ("Bugün", "Bekleyen inceleme", "Gıda, son 12 ay",
                     "Taksi, son 12 ay", "9 Gösterge Paneli"):
            if word not in t:
                raise Failure("main screen lacks %r:\n%s" % (word, t))
        if not panel_has_blocks(t):
            raise Failure("no sparkline blocks:\n" + t)
        panel_lines_whole(t, ("Kayıtlı kişi", "gecikmiş)",
                              "hane 30+ gün almadı)", "kaçan", "araçsız"))
        c.send("9")
        t = c.wait("Bekleyen işler")
        for word in ("Gösterge Paneli", "Sosyal İnceleme", "Gıda Bankası",
                     "Evde Bakım", "Engelsiz Taksi", "Açık inceleme",
                     "Yıllık rapor", "Mükerrerler", "Enter Aç"):
            if word not in t:
                raise Failure("dashboard lacks %r:\n%s" % (word, t))
        # Enter on the first unit: its bar chart with month labels.
        c.send(ENTER)
        t = c.wait("Son 12 ay")
        t = c.wait("Ara")
        if "Tem" not in t or "█" not in t:
            raise Failure("bar chart:\n" + t)
        c.send(ESC)
        c.wait("Bekleyen işler")
        # The annual report row (next to last, after the units): figures
        # of the generated year.
        c.send(END)
        c.send(UP)
        c.send(ENTER)
        c.wait("Alınan başvuru")
        c.type("2025")
        t = c.wait(lambda t: "192" in t and "İncelenen hane" in t)
        c.send(ENTER)                   # the query behind a figure
        c.wait("SELECT")
        c.send(ENTER)
        c.wait_gone("SELECT")
        out = os.path.join(w.dir, "yillik.xlsx")
        c.send(F[2])                    # the year as a workbook
        c.wait("yillik-faaliyet-2025.xlsx")
        for _ in range(40):
            c.send(BACKSPACE)
        c.type(out)
        c.send(F[2])
        c.wait("Yazıldı: " + out)
        rows = openpyxl.load_workbook(out).worksheets[0].iter_rows(
            values_only=True)
        if not any("İncelenen hane" in str(r) for r in rows):
            raise Failure("annual workbook lacks its figures")
        c.send(ESC)
        c.wait("Bekleyen işler")
        c.send(ESC)
        c.wait("Ana Menü")
        c.send(F[10])
        c.wait_exit()
    with_year(body)


def panel_lines_whole(t, words):
    """At 80 columns "Bugün" keeps every line whole: the menu box is as
    wide as its longest row, so the waiting work's words are not cut to
    an ellipsis."""
    lines = t.splitlines()
    end = next((i for i, ln in enumerate(lines) if ln.startswith("└")),
               len(lines) - 1)
    top = "\n".join(lines[:end + 1])  # the menu box, every unit
    for word in words:
        if word not in top:
            raise Failure("the panel lacks %r:\n%s" % (word, top))
    if "…" in top:
        raise Failure("a line of the panel is cut:\n" + top)


def test_today_panel_english():
    def body(c, w):
        t = c.wait("Inspection, 12 months")
        panel_lines_whole(t, ("Registered persons", "overdue)",
                              "unserved 30+ days)", "missed",
                              "no vehicle", "9 Dashboard"))
    with_year(body, env={"HANE_LANG": "en"})


def test_ascii_fallback():
    def body(c, w):
        t = c.wait("İnceleme, son 12 ay")
        if panel_has_blocks(t):
            raise Failure("HANE_ASCII=1 still draws blocks:\n" + t)
        c.send("9")
        c.wait("Bekleyen işler")
        c.send(ENTER)
        t = c.wait("Ara")
        if "#" not in t or "█" in t:
            raise Failure("ASCII bar chart:\n" + t)
        c.send(ESC)
        c.wait("Bekleyen işler")
    with_year(body, env={"HANE_ASCII": "1"})


def test_wide_terminal():
    def body(c, w):
        c.wait("İnceleme, son 12 ay")
        c.send("9")
        t = c.wait("Bekleyen işler")
        if "Gıda Bankası" not in t:
            raise Failure("dashboard at 120 columns:\n" + t)
    with_year(body, rows=30, cols=120)


def test_duplicates_merge():
    w = Workdir()
    try:
        w.hane("household", "add", "--tckn", "10000000146", "--first",
               "Fatma", "--last", "Demir", "--birth", "02.02.1960",
               "--street", "Test Sk.")
        w.hane("household", "add", "--first", "fatma", "--last", "DEMİR",
               "--birth", "1960-02-02", "--phone", "0532 111 22 33",
               "--street", "Başka Sk.")
        c = Console(w)
        try:
            c.wait("Ana Menü")
            c.send("9")
            c.wait("Bekleyen işler")
            c.send(END)                     # the last row: duplicates
            c.send(ENTER)
            t = c.wait("Fatma Demir")
            if "100******46" not in t:
                raise Failure("pair without the masked number:\n" + t)
            c.send(ENTER)                   # the field-by-field form
            t = c.wait("phone: - ← +905321112233")
            if "tckn: 100******46 ← -" not in t:
                raise Failure("merge form:\n" + t)
            c.send(F[2])
            c.wait("birleştirildi")
            c.wait_gone("Fatma Demir")      # no pair left
            c.send(ESC)
            c.wait("Bekleyen işler")
        finally:
            c.close()
        out = w.hane("duplicates", "log")
        if "phone" not in out:
            raise Failure("merge log: " + out)
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_today_panel_and_dashboard, test_today_panel_english,
         test_ascii_fallback,
         test_wide_terminal, test_duplicates_merge])
