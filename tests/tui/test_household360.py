"""Household 360 in the console: from a household's detail, F2 opens
every unit's history in time order; typing a unit's name filters; F2
writes a workbook (.xlsx, offered first) or CSV for a case review."""
import os
import sqlite3

import openpyxl  # python3-openpyxl
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, ENTER, ESC, F, LEFT, Console,  # noqa
                    Failure, Workdir, run)


def test_household_360():
    w = Workdir(demo=True)
    try:
        w.hane("overview", "demo-year", "--year", "2025", "--scale", "0.02",
               "--seed", "4")
        db = sqlite3.connect(w.db)
        hh, tckn = db.execute(
            "SELECT h.id, p.tckn FROM household h JOIN person p"
            " ON p.id = h.head_id WHERE h.id = (SELECT min(household_id)"
            " FROM inspection_request)").fetchone()
        db.close()
        out = os.path.join(w.dir, "vaka.xlsx")
        c = Console(w, 24, 100, env={"HOME": w.dir})
        try:
            c.wait("Ana Menü")
            c.send("1")
            c.wait("Kişi ara")
            c.type(tckn)                      # the head, by number
            c.wait(lambda t: "1 sonuç" in t or "1 result" in t)
            c.send(ENTER)                     # the household detail
            c.wait("Üyeler")
            c.send(F[2])                      # Household 360
            t = c.wait(lambda t: "Ne oldu" in t and "Karar:" in t)
            for word in ("Başvuru:", "İnceleme ziyareti:", "Sosyal İnceleme"):
                if word not in t:
                    raise Failure("360 lacks %r:\n%s" % (word, t))
            c.type("gıda")                    # only the food bank's
            c.wait_gone("Karar:")
            for _ in range(4):
                c.send(BACKSPACE)
            c.wait("Karar:")
            c.send(F[2])                      # export
            c.wait("Biçim")
            c.wait("Excel çalışma kitabı")    # offered first (#21)
            for _ in range(40):
                c.send(BACKSPACE)
            c.type(out)
            c.send(F[2])
            c.wait("Yazıldı")
            ws = openpyxl.load_workbook(out).worksheets[0]
            text = "\n".join(" ".join(str(v) for v in r if v is not None)
                             for r in ws.iter_rows(values_only=True))
            if "Sosyal İnceleme" not in text or "Başvuru" not in text:
                raise Failure("workbook:\n" + text[:500])
            # The export dialogs' one rule (hane_ui_export_create): "~/"
            # is the home folder, an existing file is replaced only
            # after Evet.
            os.remove(out)
            c.send(F[2])
            c.wait("Biçim")
            for _ in range(40):
                c.send(BACKSPACE)
            c.type("~/vaka.xlsx")
            c.send(F[2])
            c.wait("Yazıldı: " + out)
            c.send(F[2])
            c.wait("Biçim")
            for _ in range(40):
                c.send(BACKSPACE)
            c.type("~/vaka.xlsx")
            c.send(F[2])
            # The question names the whole path, which wraps where the
            # build folder is deep (CI's /check/...).
            c.wait_flowing("vaka.xlsx zaten var. Üzerine yazılsın mı?")
            c.send(LEFT + ENTER)             # Evet
            c.wait("Yazıldı: " + out)
            openpyxl.load_workbook(out)
            c.send(ESC)
            c.wait("Üyeler")
        finally:
            c.close()
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_household_360])
