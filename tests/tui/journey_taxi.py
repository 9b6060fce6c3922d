"""Journey (#17): Engelsiz Taksi — a round trip for a rider, then a second
rider's trip on the same vehicle that clashes, and the free slot the
clash dialog offers, picked and booked. Runs with xterm's and PuTTY's
keys (HANE_TUI_KEYS); prints the navigation keys (aim: ≤ 20 for the round
trip). The riders are made with the CLI: making a person a rider from
the console is helper "console"'s part of #17."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, RIGHT, TAB, Console, Failure,  # noqa
                    Workdir, run, tckn)

AIM = 20


def setup(w):
    w.hane("household", "add", "--tckn", tckn(701), "--first", "Ayşe",
           "--last", "Kaya", "--disability", "80", "--street", "Atatürk Cd.",
           "--building", "12")
    w.hane("household", "add", "--tckn", tckn(702), "--first", "Fatma",
           "--last", "Şahin", "--disability", "60", "--street", "İnönü Cd.")
    w.hane("taxi", "driver", "add", "Kemal Sürücü")
    w.hane("taxi", "vehicle", "add", "41abc123", "--wheelchair", "1",
           "--seats", "3", "--driver", "1")
    w.hane("taxi", "vehicle", "add", "41def456", "--wheelchair", "0",
           "--seats", "4")
    w.hane("taxi", "rider", "add", "1", "--aid", "yürüteç",
           "--companion", "evet")
    w.hane("taxi", "rider", "add", "2")


def book(c, who, time, vehicle_steps=0):
    """F5 → the rider → the board's day at `time` to the hospital and
    back at 16:30 (the vehicle chosen by → presses) → F2."""
    c.send(F[5])
    c.wait("Yolcu seçin")
    c.type(who)
    c.wait(who)
    c.send(ENTER)
    c.wait("Randevu saati")
    c.send(TAB)
    c.type(time)
    c.send(TAB)
    c.send(TAB)                                   # past the list
    c.type("Devlet Hastanesi")
    c.send(TAB)
    c.send(TAB)                                   # purpose → return
    c.type("e")
    c.send(TAB)
    c.type("16:30")
    if vehicle_steps:
        c.send(TAB)
        c.send(TAB)                               # pickup → vehicle
        for _ in range(vehicle_steps):
            c.send(RIGHT)
    c.send(F[2])


def test_round_trip_clash_free_slot():
    w = Workdir()
    setup(w)
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("5")                               # Engelsiz Taksi
        c.wait("41 ABC 123")
        c.send(RIGHT)
        c.send(RIGHT)                             # Wednesday: bookable
        c.wait("17.06.2026 Çarşamba")
        book(c, "Ayşe", "14:00")
        c.wait("Randevu #1 kaydedildi")
        t = c.wait("Kaya ← Devlet")
        if "Kaya → Devlet" not in t:
            raise Failure("board lacks the round trip:\n" + t)
        n = c.nav_report("taxi round trip")
        if n > AIM:
            raise Failure("%d navigation keys, aim %d" % (n, AIM))
        book(c, "Fatma", "14:15", vehicle_steps=2)
        t = c.wait("Randevu verilemedi")
        if "sefer #1 (Ayşe" not in t:
            raise Failure("the clash does not name the trip:\n" + t)
        c.send(ENTER)                             # the first free slot
        c.wait("Önerilen boş saat")
        c.send(F[2])
        c.wait("Randevu #2 kaydedildi")
        c.wait("Şahin → Devlet")
        c.nav_report("taxi round trip + clash + free slot")
        out = w.hane("taxi", "board", "17.06.2026")
        if out.count("Kaya") < 2 or out.count("Şahin") < 2:
            raise Failure("the two round trips are not on the board:\n" +
                          out)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_round_trip_clash_free_slot])
