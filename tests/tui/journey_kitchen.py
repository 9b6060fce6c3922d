"""Journey (#20): the Aşevi's clerk types a day's tally on the grid (items
down, channels across), saves it with F2, looks at the day before and
back, then sees the day in the month's totals — at 80×24, with xterm's
and PuTTY's keys (HANE_TUI_KEYS); prints the navigation keys. Then a
second clerk who read the same day before the first saved is told who
saved it, and keeps what they typed."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (DOWN, ENTER, ESC, F, LEFT, RIGHT, TAB, UP,  # noqa
                    Console,
                    Failure, Workdir, run, tckn)

PGUP = "\x1b[5~"        # the same in xterm and PuTTY
PGDN = "\x1b[6~"
AIM = 6                 # menu to the grid, the grid to the month


def prepare():
    w = Workdir()
    w.hane("staff", "add", "asci", "--name", "Zeynep Aşçı", "--role",
           "caseworker", "--unit", "kitchen")
    w.hane("staff", "add", "asci2", "--name", "Kemal Aşçı", "--role",
           "caseworker", "--unit", "kitchen")
    return w


def to_kitchen(c):
    """Main menu → Aşevi (its key: a) → Günlük sayım."""
    c.wait("Ana Menü")
    c.send("a")
    c.wait("Günlük sayım")
    c.send(ENTER)
    c.wait("Mobil ikram")
    return c.wait("15.06.2026 Pazartesi")


def test_day_tally_then_month():
    w = prepare()
    try:
        c = Console(w, args=("--user", "asci"))
        try:
            t = to_kitchen(c)
            for word in ("Çorba", "bardak", "Sabah", "ikramı", "Sıcak",
                         "Mahalle", "Aşure", "Toplam", "F2 Kaydet",
                         "PgUp Önceki gün", "Esc Geri"):
                if word not in t:
                    raise Failure("grid lacks %r:\n%s" % (word, t))
            c.type("950")                       # Sabah ikramı × Çorba
            c.wait("[950_]")
            c.send(DOWN)
            c.send(DOWN)
            c.type("480")                       # Sabah ikramı × Kek
            c.send(UP)
            c.send(RIGHT)
            c.type("240")                       # Sıcak yemek × Sıcak yemek
            c.send(ENTER)
            t = c.wait("1.670")                 # the day's total
            if "kaydedilmemiş" not in t:
                raise Failure("unsaved changes not said:\n" + t)
            c.send(F[2])
            t = c.wait("Kaydedildi: 3 hücre")
            if "kaydedilmemiş" in t:
                raise Failure("still unsaved after F2:\n" + t)
            c.send(PGUP)
            c.wait("14.06.2026 Pazar")
            c.send(PGDN)
            t = c.wait("15.06.2026 Pazartesi")
            if "950" not in t or "1.670" not in t:
                raise Failure("the day read back:\n" + t)
            c.send(PGDN)
            c.wait("İleri bir gün için sayım girilmez")
            n = c.nav_report("day tally")
            c.send(ESC)
            c.wait("Aylık özet")
            c.send(DOWN)
            c.send(ENTER)
            t = c.wait("Kanal ve kaleme göre")
            t = c.wait("1.670")
            for word in ("Sabah ikramı", "Çorba", "950", "Kek", "480",
                         "Sıcak yemek", "240", "06.2026"):
                if word not in t:
                    raise Failure("month lacks %r:\n%s" % (word, t))
            n = c.nav_report("day tally + month") - n
            if n > AIM:
                raise Failure("%d keys to the month, aim %d" % (n, AIM))
            c.send(ESC)
            c.wait("Günlük sayım")
            c.send(ESC)
            c.wait("Ana Menü")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        out = w.hane("kitchen", "report", "06.2026")
        if "950" not in out or "Toplam: 1.670" not in out:
            raise Failure("the CLI's month:\n" + out)
    finally:
        w.cleanup()


def test_conflict_keeps_what_was_typed():
    w = prepare()
    try:
        a = Console(w, args=("--user", "asci"))
        b = Console(w, args=("--user", "asci2"))
        try:
            to_kitchen(a)
            to_kitchen(b)
            a.type("950")
            a.send(F[2])
            a.wait("Kaydedildi: 1 hücre")
            b.type("900")
            b.send(F[2])
            t = b.wait("asci")                  # who saved it
            b.send(ENTER)
            t = b.wait("yazdıklarınız (*) duruyor")
            if "[900]" not in t:
                raise Failure("the typed count is lost:\n" + t)
            b.send(F[2])
            b.wait("Kaydedildi: 1 hücre")
        finally:
            a.close()
            b.close()
        out = w.hane("kitchen", "day", "--day", "15.06.2026")
        if "900" not in out:
            raise Failure("the second save:\n" + out)
    finally:
        w.cleanup()


def test_home_meal_roster():
    """The roster of households fed at home, in the console (it was the
    command line's only): F5 puts household #1 on it from today, a second
    open entry for it is refused with the reason, F4 ends it with a date,
    and the list shows the head, the mahalle and both dates."""
    w = prepare()
    w.hane("household", "add", "--tckn", tckn(31), "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    try:
        c = Console(w, args=("--user", "asci"))
        try:
            c.wait("Ana Menü")
            c.send("a")
            c.wait("Günlük sayım")
            c.type("evde")                      # the menu filters
            c.wait("Evde yemek alan haneler")
            c.send(ENTER)
            c.wait("0 hane")
            c.send(F[5])
            t = c.wait("Yeni: Evde yemek kaydı")
            if "15.06.2026" not in t:           # starts today
                raise Failure("start is not today:\n" + t)
            c.type("1")
            c.send(F[2])
            c.wait("Evde yemek kaydı kaydedildi: hane #1 Şükrü Yılmaz")
            t = c.wait("Gündoğdu")
            if "#1" not in t or "Şükrü Yılmaz" not in t:
                raise Failure("roster row:\n" + t)
            c.send(F[5])                        # the same household again
            c.wait("Yeni: Evde yemek kaydı")
            c.type("1")
            c.send(F[2])
            c.wait("zaten evde yemek listesinde")
            c.send(ENTER)
            c.send(ESC)                         # typed: asked first
            c.wait("Vazgeçilsin mi")
            c.send(LEFT)
            c.send(ENTER)
            c.wait("1 hane")
            c.send(F[4])                        # end it
            c.wait("Evde yemek kaydı: hane #1 Şükrü Yılmaz")
            c.send(TAB)
            c.send(TAB)
            c.type("30.06.2026")
            c.send(F[2])
            c.wait("30.06.2026")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        out = w.hane("kitchen", "home", "list")
        if "2026-06-30" not in out and "30.06.2026" not in out:
            raise Failure("the end was not stored:\n" + out)
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_day_tally_then_month, test_conflict_keeps_what_was_typed,
         test_home_meal_roster])
