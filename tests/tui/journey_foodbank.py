"""Journey (#17): the food bank counter. A caseworker gives a household
its package (aim: ≤ 8 navigation keys), a second one the same day is
stopped by the frequency limit, which a caseworker cannot override (no
override button); the supervisor gives it with the override and a
reason. Runs with xterm's and PuTTY's keys (HANE_TUI_KEYS); prints the
navigation keys of each part."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, RIGHT, Console, Failure,  # noqa
                    Workdir, run)

AIM = 8


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
    w.hane("staff", "add", "ayse.k", "--name", "Ayşe Kaya", "--role",
           "caseworker", "--unit", "foodbank")
    w.hane("staff", "add", "amir", "--name", "Mehmet Amir", "--role",
           "supervisor", "--unit", "foodbank")
    return w


def to_package(c):
    """Main menu → Gıda Bankası → Dağıtım → the household → the form."""
    c.wait("Ana Menü")
    c.send("3")
    c.wait("Bağış girişi")
    c.send(ENTER)                                 # Dağıtım
    c.wait("Gıda durumu")
    c.type("sukru")
    c.wait("Şükrü Yılmaz")
    c.send(ENTER)
    c.wait("Gıda dağıtımı")


def test_package_limit_and_override():
    w = prepare()
    try:
        # The caseworker: the package, then the limit with no way round.
        c = Console(w, args=("--user", "ayse.k"))
        try:
            to_package(c)
            c.send(F[2])
            c.wait("Dağıtım #1 kaydedildi")
            n = c.nav_report("food package")
            if n > AIM:
                raise Failure("%d navigation keys, aim %d" % (n, AIM))
            c.wait("son 15.06.2026")
            c.send(ENTER)
            c.wait("Gıda dağıtımı")
            c.send(F[2])
            t = c.wait("Sıklık sınırı")
            if "Amir onayıyla" in t:
                raise Failure("a caseworker is offered the override:\n" + t)
            c.send(ENTER)
            c.wait_gone("Sıklık sınırı")
            c.nav_report("food package + limit (caseworker)")
        finally:
            c.close()
        # The supervisor: the same household, the override with a reason.
        c = Console(w, args=("--user", "amir"))
        try:
            to_package(c)
            c.send(F[2])
            c.wait("Sıklık sınırı")
            c.wait("30 günde bir")
            c.send(RIGHT)                         # "Amir onayıyla ver"
            c.send(ENTER)
            c.wait("Gerekçe")
            c.type("Ev yangını")
            c.send(F[2])
            c.wait("amir onayıyla kaydedildi")
            c.nav_report("food package with override (supervisor)")
        finally:
            c.close()
        out = w.hane("foodbank", "list", "distributions")
        if "amir onayı: Ev yangını" not in out or "#2" not in out:
            raise Failure("override not recorded:\n" + out)
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_package_limit_and_override])
