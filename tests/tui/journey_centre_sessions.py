"""Journeys (#19, Merkezler): book a Kısa Mola session for a member (the
week's sessions → Enter → F5, type the name → Enter), then mark the
booking attended (F6); and record a Down Kafe placement (İstihdam → F5,
the form, F2), then end it with F4 (an end date and a reason) — at 80×24
with xterm's and PuTTY's keys (HANE_TUI_KEYS); the navigation keys are
counted. The clock: Monday 15.06.2026 12:04 (tuilib)."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, TAB, Console, Failure,  # noqa
                    Workdir, run, tckn)

AIM_BOOK = 8            # menu → booked and marked attended
AIM_PLACE = 14          # menu → a placement saved (the form's fields)


def member(w, person_tckn, site):
    """A running membership (the centres model admits members; the
    journey needs only the row)."""
    db = sqlite3.connect(w.db)
    try:
        db.execute(
            "INSERT INTO centre_member (programme_id, site_id, person_id,"
            " start, created_at, updated_at) SELECT s.programme_id, s.id,"
            " p.id, '2026-01-01', '2026-01-01', '2026-01-01' FROM"
            " centre_site s, person p WHERE s.code = ? AND p.tckn = ?",
            (site, person_tckn))
        db.commit()
    finally:
        db.close()


def prepare():
    w = Workdir()
    w.hane("staff", "add", "molaci", "--name", "Ece Merkez", "--role",
           "caseworker", "--unit", "centres")
    w.hane("centre", "staff", "add", "molaci", "kisa_mola")
    w.hane("centre", "staff", "add", "molaci", "down_kafe")
    w.hane("household", "add", "--tckn", tckn(41), "--first", "Ali",
           "--last", "Molacı", "--mahalle", "gundogdu")
    w.hane("household", "add", "--tckn", tckn(42), "--first", "Deniz",
           "--last", "Kafeci", "--mahalle", "serdar")
    member(w, tckn(41), "kisa_mola_cumhuriyet")
    member(w, tckn(42), "down_kafe")
    w.hane("centre", "session", "add", "kisa_mola_cumhuriyet", "--date",
           "15.06.2026", "--start", "13:00", "--end", "16:00", "--cap", "8")
    return w


def to_screen(c, word, wait):
    """Main menu → Merkezler (its key: m) → the screen typed."""
    c.wait("Ana Menü")
    c.send("m")
    c.wait("Yerler ve programlar")
    c.type(word)                        # the menu filters
    c.send(ENTER)
    return c.wait(wait)


def test_book_then_attend():
    w = prepare()
    try:
        c = Console(w, args=("--user", "molaci"))
        try:
            t = to_screen(c, "oturum", "15.06.2026 – 21.06.2026")
            for word in ("15.06 Pzt", "13:00-16:00", "Kısa Mola Cumhu",
                         "0/8", "1 oturum · 0/8 kayıtlı", "F5 Yeni",
                         "Enter Aç", "← Önceki", "Esc Geri"):
                if word not in t:
                    raise Failure("week lacks %r:\n%s" % (word, t))
            c.send(ENTER)
            t = c.wait("Oturum #1")
            if "kayıtlı 0/8" not in t or "F5 Üye kaydet" not in t:
                raise Failure("session page:\n" + t)
            c.send(F[5])
            c.wait("Üye seç")
            c.type("ali")
            c.wait("Ali Molacı")
            c.send(ENTER)
            t = c.wait("Ali Molacı kaydedildi (1/8)")
            if "kayıtlı 1/8" not in t:
                raise Failure("booked count:\n" + t)
            c.send(F[6])
            t = c.wait("Ali Molacı: katıldı")
            n = c.nav_report("book and attend")
            if n > AIM_BOOK:
                raise Failure("%d keys to book and mark, aim %d"
                              % (n, AIM_BOOK))
            c.send(F[5])                    # twice: said by the model
            c.wait("Üye seç")
            c.type("ali")
            c.wait("Ali Molacı")
            c.send(ENTER)
            c.wait("zaten kayıtlı")
            c.send(ENTER)
            c.send(ESC)
            t = c.wait("1/8")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        out = w.hane("centre", "session", "show", "1")
        if "Ali Molacı\tkatıldı" not in out:
            raise Failure("the CLI's session:\n" + out)
    finally:
        w.cleanup()


def test_record_placement():
    w = prepare()
    try:
        c = Console(w, args=("--user", "molaci"))
        try:
            to_screen(c, "istihdam", "0 süren kayıt")
            c.send(F[5])
            t = c.wait("Yeni istihdam kaydı")
            if "15.06.2026" not in t:       # starts today
                raise Failure("start is not today:\n" + t)
            c.type(tckn(42))
            c.send(TAB)                     # the site: Down Kafe, first
            c.send(TAB)
            c.type("Servis")
            c.send(TAB)                     # hours: 20
            c.send(TAB)                     # paid: yes
            c.send(TAB)                     # insured: yes
            c.send(TAB)
            c.type("Selin Koç")
            c.send(F[2])
            c.wait("İstihdam kaydedildi: #1 Deniz Kafeci")
            t = c.wait("1 süren kayıt")
            for word in ("Deniz Kafeci", "Down Kafe", "Servis", "20",
                         "Selin Koç", "F4 Değiştir/Bitir", "F5 Yeni"):
                if word not in t:
                    raise Failure("list lacks %r:\n%s" % (word, t))
            n = c.nav_report("record a placement")
            if n > AIM_PLACE:
                raise Failure("%d keys to a placement, aim %d"
                              % (n, AIM_PLACE))
            c.send(F[4])                    # end it
            c.wait("İstihdam #1 Deniz Kafeci")
            for _ in range(7):
                c.send(TAB)
            c.type("15.06.2026")
            c.send(TAB)
            c.type("Sözleşme bitti")
            c.send(F[2])
            c.wait("İstihdam bitti: #1 Deniz Kafeci")
            c.wait("0 süren kayıt")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        out = w.hane("centre", "placements", "--ended")
        if "Sözleşme bitti" not in out or "Selin Koç" not in out:
            raise Failure("the CLI's placements:\n" + out)
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_book_then_attend, test_record_placement])
