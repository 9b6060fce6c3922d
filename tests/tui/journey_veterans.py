"""Journey (#20): Şehit Yakınları ve Gazi — a veteran's visit recorded in
the console with a gift set: the roster opened from the main menu (key s)
and searched, the household's page, F5 a visit with who was present and
a gift set, the stock going down on the page and the visit heading the
household's history (a visit of 2024 under it); a second gift the stock
no longer holds is refused under the gift field and nothing is kept.
The household, its roster row and the gift stock are set up with the
CLI. Runs with xterm's and PuTTY's keys (HANE_TUI_KEYS)."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, TAB, Console, Failure, Workdir,  # noqa
                    run, tckn)


def test_visit_with_a_gift():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(201), "--first", "Hasan",
           "--last", "Gazioğlu", "--mahalle", "Gebze")
    w.hane("veterans", "add", "--household", "1", "--category", "kıbrıs",
           "--name", "Hasan Gazioğlu", "--since", "01.01.2020")
    w.hane("veterans", "gift", "in", "hediye", "--quantity", "1",
           "--day", "01.06.2026")
    w.hane("veterans", "visit", "1", "--date", "18.03.2024", "--staff",
           "Ali Veli")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.wait("Şehit ve Gazi")
        c.send("s")                               # the unit
        c.wait("Hediye stoğu: Hediye seti 1")
        c.type("gazioglu")                        # folded search
        c.wait("Gebze (ilçe)")
        c.send(ENTER)                             # the roster row's page
        c.wait("Kıbrıs gazisi · Hasan Gazioğlu")
        c.wait("18.03.2024")                      # the history so far
        c.send(F[5])                              # a new visit
        c.wait("Yeni ziyaret · Hasan Gazioğlu")
        c.wait("15.06.2026")                      # today
        c.send(TAB)                               # Ziyaret eden (the user)
        c.send(TAB)                               # Evde bulunan
        c.type("eşi ve kızı")
        c.send(F[2])                              # one gift set (default)
        c.wait("kalan stok 0")
        c.wait("Hediye stoğu: Hediye seti 0")     # the page again
        c.wait("1 × Hediye seti")
        text = c.text()
        if text.find("15.06.2026") > text.find("18.03.2024"):
            raise Failure("the new visit is not first:\n" + text)
        c.send(F[5])                              # another, no stock left
        c.wait("Yeni ziyaret")
        c.send(F[2])
        c.wait("stok 0")                          # under Hediye seti
        c.send(ESC)
        c.wait("Hanenin ziyaretleri")
        c.nav_report("menu → roster → page → visit with a gift")
        db = sqlite3.connect(w.db)
        visits = db.execute("SELECT date, present, gifts FROM veteran_visit"
                            " ORDER BY id").fetchall()
        stock = db.execute("SELECT sum(quantity) FROM veteran_gift_move"
                           ).fetchone()[0]
        db.close()
        if visits != [("2024-03-18", None, 0),
                      ("2026-06-15", "eşi ve kızı", 1)]:
            raise Failure("visits: %r" % visits)
        if stock != 0:
            raise Failure("stock: %r" % stock)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_visit_with_a_gift])
