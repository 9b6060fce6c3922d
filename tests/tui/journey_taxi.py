"""Journey (#17): Engelsiz Taksi, all in the console — a person made a
rider from their page (Haneler › the person › Engelsiz Taksi row) and a
round trip booked from the rider's page; then a second person made a
rider the same way, whose trip on the same vehicle clashes, and the free
slot the clash dialog offers, picked and booked. Runs with xterm's and
PuTTY's keys (HANE_TUI_KEYS); prints the navigation keys (aim: ≤ 20 for
new rider → round trip). Vehicles and the driver are set up with the CLI
(tests/tui/test_taxi_admin.py adds them in the console)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, RIGHT, TAB, Console, Failure,  # noqa
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


def make_rider(c, who, walker=False):
    """From the person search: the household, its head's page, the
    Engelsiz Taksi row, the rider form (a walker and a companion when
    asked), saved: the rider's page opens."""
    c.type(who)
    c.wait("Ara: " + who)
    c.wait(lambda t: "(kayıt yok)" not in t)
    c.send(ENTER)                                 # the household
    c.wait("hanesi")
    c.send(ENTER)                                 # its head's page
    c.wait("yolcu değil · Enter: yolcu yap")
    c.send(ENTER)                                 # the taxi row
    c.wait("Yolcu kaydı")
    if walker:
        c.send(RIGHT)                             # Yok → Yürüteç
        c.send(TAB)
        c.type("e")                               # companion: evet
    c.send(F[2])
    c.wait("Yolcu No")
    c.wait("F5 Randevu")


def book(c, time, vehicle_steps=0):
    """F5 on the rider's page → tomorrow at `time` to the hospital and
    back at 16:30 (the vehicle chosen by → presses) → F2."""
    c.send(F[5])
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
        c.send("1")                               # Haneler: person search
        c.wait("Ara:")
        make_rider(c, "ayşe", walker=True)
        t = c.text()
        if "yürüteç" not in t or "Refakatçi: evet" not in t:
            raise Failure("the rider's page lacks the aid or the"
                          " companion:\n" + t)
        book(c, "14:00")
        c.wait("Randevu #1 kaydedildi")
        t = c.wait("Devlet Hasta")
        if "16.06.2026" not in t:
            raise Failure("the rider's page lacks the trips:\n" + t)
        n = c.nav_report("taxi new rider + round trip")
        if n > AIM:
            raise Failure("%d navigation keys, aim %d" % (n, AIM))
        c.send(F[3])                              # the person search
        c.wait("Ara:")
        make_rider(c, "fatma")
        book(c, "14:15", vehicle_steps=2)
        t = c.wait("Randevu verilemedi")
        if "sefer #1 (Ayşe" not in t:
            raise Failure("the clash does not name the trip:\n" + t)
        c.send(ENTER)                             # the first free slot
        c.wait("Önerilen boş saat")
        c.send(F[2])
        c.wait("Randevu #2 kaydedildi")
        c.nav_report("taxi + second rider + clash + free slot")
        out = w.hane("taxi", "rider", "show", "1")
        if "yürüteç" not in out or "Refakatçi: evet" not in out:
            raise Failure("the rider made in the console is not stored:\n"
                          + out)
        out = w.hane("taxi", "board", "16.06.2026")
        if out.count("Kaya") < 2 or out.count("Şahin") < 2:
            raise Failure("the two round trips are not on the board:\n" +
                          out)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_round_trip_clash_free_slot])
