"""Journey (#20): the Dost Eller counter. A caseworker gives a referred
person clothes from her person page (F3, her name, the Dost Eller row),
a second issue the same season is stopped by the category's limit, which
explains itself with the numbers and offers the caseworker no way round;
the supervisor gives it with the override and a reason, which is kept
and audited. Runs with xterm's and PuTTY's keys (HANE_TUI_KEYS); prints
the navigation keys of each part."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, RIGHT, TAB, Console,  # noqa
                    Failure, Workdir, run)

AIM = 12


def prepare():
    w = Workdir()
    w.hane("household", "add", "--tckn", "10000000146", "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    w.hane("household", "add", "--household", "1", "--first", "Elif",
           "--last", "Yılmaz", "--relation", "çocuk")
    w.hane("foodbank", "refer", "1", "--reason", "Muhtar yazısı",
           "--from", "01.06.2026")
    w.hane("clothing", "donate", "--line", "çocuk:20")
    w.hane("staff", "add", "dost.cw", "--name", "Ayşe Kaya", "--role",
           "caseworker", "--unit", "clothing")
    w.hane("staff", "add", "dost.amir", "--name", "Mehmet Amir", "--role",
           "supervisor", "--unit", "clothing")
    return w


def to_issue(c):
    """F3 → Elif → her person page → the Dost Eller row → the form."""
    c.wait("Ana Menü")
    c.send(F[3])
    c.type("elif")
    c.wait("Elif Yılmaz")
    c.send(ENTER)
    c.wait("Hane 360")
    c.send(ENTER)                                 # her person page
    c.wait("uygun: gıda")                         # the store's only row
    c.send(ENTER)
    c.wait("Giyim teslimi")


def child_line(c, size, pieces):
    """Tarih → Kategori (Çocuk giyim) → Beden → Adet."""
    c.send(TAB)
    c.send(RIGHT)
    c.send(RIGHT)                                 # — → Yetişkin → Çocuk
    c.wait("Çocuk giyim")
    c.send(TAB)
    c.type(size)
    c.send(TAB)
    c.type(pieces)


def test_issue_limit_and_override():
    w = prepare()
    try:
        # The caseworker: an issue, then the limit with no way round.
        c = Console(w, args=("--user", "dost.cw"))
        try:
            to_issue(c)
            child_line(c, "8 yaş", "3")
            c.send(F[2])
            c.wait("Teslim #1 kaydedildi")
            n = c.nav_report("clothing issue")
            if n > AIM:
                raise Failure("%d navigation keys, aim %d" % (n, AIM))
            c.wait("son teslim 15.06 · uygun")
            c.send(ENTER)
            c.wait("Giyim teslimi")
            child_line(c, "9 yaş", "2")
            c.send(F[2])
            t = c.wait("Dönem sınırı")
            c.wait("bu dönem 3/4 adet verildi, 2 daha istendi")
            if "Amir onayıyla" in t:
                raise Failure("a caseworker is offered the override:\n" + t)
            c.wait("amirinize")
            c.send(ENTER)
            c.wait_gone("Dönem sınırı")
            c.nav_report("clothing issue + limit (caseworker)")
        finally:
            c.close()
        # The supervisor: the same person, the override with a reason.
        c = Console(w, args=("--user", "dost.amir"))
        try:
            to_issue(c)
            child_line(c, "9 yaş", "2")
            c.send(F[2])
            c.wait("Dönem sınırı")
            c.wait("sonraki dönem 01.09.2026")
            c.send(RIGHT)                         # "Amir onayıyla ver"
            c.send(ENTER)
            c.wait("Gerekçe")
            c.type("Ev yangını")
            c.send(F[2])
            c.wait("amir onayıyla kaydedildi")
            c.nav_report("clothing issue with override (supervisor)")
        finally:
            c.close()
        # The unit from the main menu ('d'): the counter (Teslim: the
        # person's name, Enter, the form, and the search again for the
        # next person), the stock and the last issues.
        c = Console(w, args=("--user", "dost.cw"))
        try:
            c.wait("Ana Menü")
            c.send("d")
            c.wait("Bağış girişi")
            c.send(ENTER)                         # Teslim (kişi ara)
            c.wait("Enter teslim formunu açar")
            c.type("şükrü")
            c.wait("Şükrü Yılmaz")
            c.send(ENTER)
            c.wait("Giyim teslimi")
            child_line(c, "40", "1")
            c.send(F[2])
            c.wait("Teslim #3 kaydedildi")
            n = c.nav_report("clothing issue from the unit's counter")
            if n > AIM:
                raise Failure("%d navigation keys, aim %d" % (n, AIM))
            c.wait("aramak için ad")              # the next person
            c.send(ESC)
            c.wait("Bağış girişi")
            c.type("stok")
            c.send(ENTER)
            t = c.wait("Kalan")
            if "Çocuk giyim" not in t or "14" not in t:
                raise Failure("stock:\n" + t)
            c.send(ESC)
            c.wait("Son teslimler")
            c.type("son")
            c.send(ENTER)
            c.wait("Elif Yılmaz")
            c.wait("Çocuk giyim 2")
        finally:
            c.close()
        out = w.hane("clothing", "list")
        if "amir onayı: Ev yangını" not in out or "#2" not in out:
            raise Failure("override not recorded:\n" + out)
        out = w.hane("audit", "--action", "clothing.override")
        if "clothing_issue" not in out:
            raise Failure("override not audited:\n" + out)
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_issue_limit_and_override])
