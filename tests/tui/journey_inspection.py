"""Journey (#17): a social inspection from the request to the food-aid
decision — the request (household found by search), assignment, the
visit with a 1,500-character Turkish note typed into the case note's text
area, and the decision. Runs with xterm's and PuTTY's keys
(HANE_TUI_KEYS); prints the navigation keys (aim: ≤ 30; see README for
the count today)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, RIGHT, TAB, Console, Failure,  # noqa
                    Workdir, run)

# 1,500 characters of generated Turkish text.
NOTE = ("Hanede yaşlı anne ile üç çocuk yaşıyor; ısınma sobayla, kömür "
        "yardımı gerekiyor. Çocuklar okula düzenli gidiyor. İŞ ARAYAN "
        "baba günlük işlerde çalışıyor. ")
NOTE = (NOTE * 20)[:1500].strip()


def tabs(c, n):
    for _ in range(n):
        c.send(TAB)


def test_request_visit_decision():
    w = Workdir()
    w.hane("staff", "add", "mehmet", "--name", "Mehmet Demir", "--role",
           "caseworker", "--unit", "inspection")
    w.hane("household", "add", "--tckn", "10000000146", "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu", "--street",
           "Atatürk Cd.", "--building", "12", "--door", "3")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("2")                               # Sosyal İnceleme
        c.wait("Son tarih")
        c.send(F[5])                              # new request
        c.wait("Başvuran hane")
        c.type("sukru")
        c.wait("Şükrü Yılmaz")
        c.send(ENTER)
        c.wait("Yeni başvuru")
        tabs(c, 3)                                # → reason
        c.send(RIGHT)                             # genel → gıda
        c.send(F[2])
        c.wait("Başvuru #1 kaydedildi")
        c.send(ENTER)                             # open it
        c.wait("(atanmadı)")
        c.send(F[7])                              # assign
        c.wait("Mehmet Demir")
        c.send(F[2])
        c.wait("İnceleme personeli: Mehmet Demir")
        c.send(F[7])                              # the visit
        c.wait("Ziyaret tarihi")
        c.send(TAB)
        c.type("hane reisi, eşi ve üç çocuk")
        c.send(TAB)
        c.send(RIGHT)
        c.send(RIGHT)                             # kiracı
        c.send(TAB)
        c.type("4500")
        c.send(TAB)
        c.type("3")
        c.send(TAB)
        c.send(RIGHT)                             # soba
        tabs(c, 7)                                # → the case note
        c.wait("otomatik")
        c.child.send(NOTE.encode("utf-8"))        # typed (pasted) data
        c.wait("elle yazıldı")
        c.send(F[2])
        c.wait("ziyaret edildi")
        c.send(F[7])                              # the decision
        c.wait("Karar tarihi")
        tabs(c, 3)                                # → kind
        c.send(RIGHT)
        c.send(RIGHT)                             # - → nakdi → gıda
        tabs(c, 5)                                # → the reason
        c.type("Gelir yetersiz, kış için gıda")
        c.send(F[2])
        c.wait("karar verildi")
        c.nav_report("inspection request → visit → decision")
        out = w.hane("inspection", "show", "1")
        for want in ("karar verildi", "kiracı", "4.500,00 TL",
                     NOTE[:200], NOTE[-100:]):
            if want not in out:
                raise Failure("show lacks %r:\n%s" % (want, out))
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_request_visit_decision])
