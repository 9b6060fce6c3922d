"""Journey (#17): a caseworker registers a household with its head, then
adds the spouse — from the main menu, with only the keyboard. Runs once
with xterm's keys and once with PuTTY's (HANE_TUI_KEYS); prints the
navigation keys (every key but the data typed). Aim: ≤ 25."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, TAB, Console, Failure, Workdir,  # noqa
                    run, tckn)

AIM = 25


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def test_household_and_spouse():
    w = Workdir()
    w.hane("staff", "add", "ayse.k", "--name", "Ayşe Kaya", "--role",
           "caseworker", "--unit", "households")
    c = Console(w, args=("--user", "ayse.k"))
    try:
        c.wait("Ana Menü")
        c.send("1")                               # Haneler
        c.wait("Kişi ara")
        c.send(F[5])                              # new household
        c.wait("Yeni hane")
        c.send(ENTER)                             # Mahalle: the list
        c.wait("Seçenek")
        c.type("gundogdu")
        c.wait("Gündoğdu")
        c.send(ENTER)
        c.wait(lambda t: "Gündoğdu" in focused_line(c))
        for label, text in (("Cadde/Sokak", "Atatürk Cd."),
                            ("Bina No", "12"), ("Daire No", "3"),
                            ("Telefon", "0532 111 22 33"),
                            ("Aylık gelir", "8.250,50"), ("Notlar", ""),
                            ("TC Kimlik No", tckn(31)), ("Ad", "Şükrü"),
                            ("Soyad", "Yılmaz"),
                            ("Doğum tarihi", "4.1.1950")):
            c.send(TAB)
            c.wait(lambda t: label in focused_line(c))
            c.type(text)
        c.send(F[2])                              # save
        c.wait("Yılmaz hanesi")
        c.wait("1 kişi")
        c.send(F[5])                              # the spouse
        c.wait("Yeni üye")
        c.type(tckn(32))
        for text in ("Ayşe", "Yılmaz", "02.03.1955"):
            c.send(TAB)
            c.type(text)
        c.send(F[2])
        c.wait("Ayşe Yılmaz")
        c.wait("2 kişi")
        c.wait("eşi")
        n = c.nav_report("household + spouse")
        out = w.hane("household", "show", "1")
        if "Ayşe" not in out or "Şükrü" not in out or "eşi" not in out:
            raise Failure("household show lacks the members:\n" + out)
        if n > AIM:
            raise Failure("%d navigation keys, aim %d" % (n, AIM))
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_household_and_spouse])
