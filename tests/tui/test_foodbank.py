"""Food bank screens: one distribution given, a second one blocked by the
frequency limit (the dialog names the rule and the last package), then
given through a supervisor's override with a reason, which is audited.

Needs the food bank plugged into the main menu (src/ui/units.def and the
include of hane/foodbank_ui.h in src/ui/shell.c); until then the menu
entry is greyed and the test says so and passes without running."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, RIGHT, Console, Failure,  # noqa
                    Workdir, run)


def prepare():
    w = Workdir()
    w.hane("household", "add", "--tckn", "10000000146", "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    w.hane("household", "add", "--household", "1", "--first", "Ayşe",
           "--last", "Yılmaz", "--relation", "eşi")
    w.hane("foodbank", "refer", "1", "--reason", "Muhtar yazısı",
           "--from", "01.06.2026")
    w.hane("foodbank", "donate", "--branch", "izmit", "--item", "kuru:50",
           "--item", "konserve:40", "--item", "yağ:20")
    return w


def plugged(c):
    c.wait("Ana Menü")
    c.send("3")
    try:
        c.wait("Bağış girişi", timeout=3)
        return True
    except Failure:
        return False


def give(c, name):
    """From the food bank menu: Dağıtım, search, open the form, F2."""
    c.wait("Bağış girişi")
    c.send(ENTER)                                  # Dağıtım
    c.wait("Gıda durumu")                          # the search list
    c.type(name)
    c.wait("Şükrü Yılmaz")
    c.send(ENTER)                                  # choose the household
    c.wait("Gıda dağıtımı")
    c.send(F[2])


def test_limit_then_override():
    w = prepare()
    c = Console(w, 24, 80)
    try:
        if not plugged(c):
            print("skip: the food bank is not on the main menu yet")
            c.send(F[10])
            return
        give(c, "sukru")
        c.wait("Dağıtım #1 kaydedildi")
        c.wait("Gıda durumu")                      # back at the search
        c.wait("son 15.06.2026")                   # last visit at a glance
        c.send(ENTER)
        c.wait("Gıda dağıtımı")
        c.wait("son 15.06.2026 Standart paket")
        c.send(F[2])
        c.wait("Sıklık sınırı")                    # blocked: the rule
        c.wait("30 günde bir")
        c.wait("15.06.2026")                       # and when the last was
        c.send(RIGHT)                              # "Amir onayıyla ver"
        c.send(ENTER)
        c.wait("Gerekçe")                         # the reason form
        c.type("Ev yangını")
        c.send(F[2])
        c.wait("amir onayıyla kaydedildi")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    out = w.hane("foodbank", "list", "distributions")
    if "amir onayı: Ev yangını" not in out or "#2" not in out:
        raise Failure("override not recorded:\n" + out)
    db = sqlite3.connect(w.db)
    n = db.execute("SELECT count(*) FROM audit"
                   " WHERE action = 'foodbank.override'").fetchone()[0]
    db.close()
    if n != 1:
        raise Failure("override not audited (%d events)" % n)
    w.cleanup()


run([test_limit_then_override])
