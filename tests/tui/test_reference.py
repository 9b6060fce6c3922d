"""Yönetim → Mahalleler, Tatiller and İlçeler at 80x24 (administrators): add a
mahalle and an alias, rename one, and the next import accepts it; a year's
holidays, fixed and entered, F5 adds one, F8 removes an entered day and
refuses a fixed one; the bar shows only the keys the screen handles; the
main screen's Bugün panel warns when the next 120 days reach a year whose
religious holidays are not entered."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, DOWN, ENTER, ESC, F, LEFT, RIGHT, TAB,  # noqa
                    Console, Failure, Workdir, run, tckn)


def sql(w, query):
    r = subprocess.run(["sqlite3", w.db, query], capture_output=True,
                       text=True)
    return r.stdout.strip()


def bar(c):
    return c.line(c.rows - 1)


def open_task(c, n, title):
    c.wait("Ana Menü")
    c.send("8")
    c.wait("Güvenlik ayarları")
    for _ in range(n):
        c.send(DOWN)
    c.send(ENTER)
    c.wait(title)


def test_mahalle_screen():
    w = Workdir()
    c = Console(w, 24, 80)
    try:
        open_task(c, 3, "96 mahalle")
        b = bar(c)
        for key in ("F4", "F5", "F6 Diğer ad", "Esc"):
            if key not in b:
                raise Failure("bar lacks %r: %r" % (key, b))
        for key in ("F7", "F8", "F9"):
            if key in b:
                raise Failure("bar shows unhandled %r: %r" % (key, b))
        c.send(F[5])
        c.wait("Yeni mahalle")
        c.type("Kulmahmut")
        c.send(F[2])
        c.wait("Mahalle eklendi: Kulmahmut")
        c.wait("97 mahalle")
        c.type("kulm")                    # the list's own search
        c.wait(lambda t: "▶Kulmahmut" in t or "> Kulmahmut" in t
               or "Kulmahmut" in t)
        c.send(F[6])
        c.wait("Kulmahmut: diğer ad ek")
        c.type("Kul Mahmut")
        c.send(F[2])
        c.wait("'Kul Mahmut' artık Kulmahmut demek")
        c.send(F[4])
        c.wait("Kulmahmut: yeniden ad")
        for _ in range(len("Kulmahmut")):
            c.send(BACKSPACE)
        c.type("Serdar")                  # another mahalle's name
        c.send(F[2])
        c.wait("zaten listede")
        for _ in range(len("Serdar")):
            c.send(BACKSPACE)
        c.type("Kulmahmut Yeni")
        c.send(F[2])
        c.wait("Kulmahmut Yeni: 0 hane")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    got = sql(w, "SELECT alias FROM mahalle_alias a JOIN mahalle m"
              " ON m.id = a.mahalle_id WHERE m.name = 'Kulmahmut Yeni'"
              " ORDER BY alias")
    if got != "Kul Mahmut\nKulmahmut":
        raise Failure("aliases %r" % got)
    # The next import accepts the old name.
    path = os.path.join(w.dir, "k.csv")
    with open(path, "w") as f:
        f.write("TC Kimlik No;Ad;Soyad;Mahalle\n%s;Deniz;Kul;Kulmahmut\n"
                % tckn(71))
    w.hane("import", "households", path)
    if sql(w, "SELECT mahalle FROM household") != "Kulmahmut Yeni":
        raise Failure("import did not take the added mahalle")
    if int(sql(w, "SELECT count(*) FROM audit WHERE tbl IN"
                  " ('mahalle', 'mahalle_alias')")) < 3:
        raise Failure("changes not audited")
    w.cleanup()


def test_holiday_screen():
    w = Workdir()
    c = Console(w, 24, 80)
    try:
        open_task(c, 4, "2026 · ")
        c.wait("Kurban Bayramı arifesi")
        c.wait("girilen")
        b = bar(c)
        for key in ("F5", "F8", "Esc"):
            if key not in b:
                raise Failure("bar lacks %r: %r" % (key, b))
        if "F4" in b or "F6" in b:
            raise Failure("bar shows unhandled keys: %r" % b)
        c.send(RIGHT)
        c.send(RIGHT)
        c.wait("2028 · 8 gün")
        c.wait("2028 dinî bayramları girilmedi")
        c.wait("19.05.2028")
        c.send(F[5])
        c.wait("Yeni tatil günü")
        for _ in range(10):
            c.send(BACKSPACE)
        c.type("26.02.2028")
        c.send(TAB)
        c.type("Ramazan Bayramı 1. gün")
        c.send(F[2])
        c.wait("2028 · 9 gün")
        c.wait("26.02.2028")
        if sql(w, "SELECT name FROM holiday WHERE day='2028-02-26'") != \
                "Ramazan Bayramı 1. gün":
            raise Failure("holiday not saved")
        c.send(ESC)                        # back to Yönetim and in again
        c.wait("Güvenlik ayarları")
        c.send(ENTER)
        c.wait("2026 · ")
        c.send(RIGHT)
        c.send(RIGHT)
        c.wait("2028 · 9 gün")
        c.send(DOWN)                       # 01.01 → 26.02
        c.send(F[8])
        c.wait("silinsin mi")
        c.send(LEFT)                       # questions open on Hayır
        c.send(ENTER)
        c.wait("2028 · 8 gün")
        c.send(F[8])                       # 01.01.2028: fixed
        c.wait("silinemez")
        c.send(ENTER)
        c.wait_gone("silinemez")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    if sql(w, "SELECT count(*) FROM holiday WHERE day LIKE '2028%'") != "0":
        raise Failure("entered day not removed")
    w.cleanup()


def test_district_screen():
    """Yönetim → İlçeler (#21): the districts outside İzmit in Turkish
    order with their households; F5 adds one (the household form then
    takes it), F4 renames one and its households follow; a name already a
    mahalle is refused; the bar shows only F4, F5 (and F1, Esc, F10)."""
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(81), "--first", "Deniz",
           "--last", "Kul", "--mahalle", "Kartepe")
    c = Console(w, 24, 80)
    try:
        open_task(c, 5, "11 ilçe")
        b = bar(c)
        for key in ("F4", "F5", "Esc", "F10"):
            if key not in b:
                raise Failure("bar lacks %r: %r" % (key, b))
        for key in ("F6", "F7", "F8", "F9"):
            if key in b:
                raise Failure("bar shows unhandled %r: %r" % (key, b))
        # F1 describes this screen's F4 and F5, not the household's.
        c.send(F[1])
        t = c.wait("orada kayıtlı haneler")
        if "hane reisi" in t or "kişiyi" in t:
            raise Failure("F1 describes another screen:\n" + t)
        c.send(ESC)
        c.wait_gone("Bu ekranın tuşları")
        t = c.text()
        want = ["Başiskele", "Çayırova", "Darıca", "Derince", "Dilovası",
                "Gebze", "Gölcük", "Kandıra", "Karamürsel", "Kartepe",
                "Körfez"]
        got = [n for _, n in sorted((t.index(n), n) for n in want)]
        if got != want:
            raise Failure("order %r:\n%s" % (got, t))
        line = [l for l in t.splitlines() if "Kartepe" in l][0]
        if not line.rstrip().endswith("1"):
            raise Failure("Kartepe's household not counted: %r" % line)
        c.send(F[5])
        c.wait("Yeni ilçe")
        c.type("Serdar")                  # a mahalle of İzmit
        c.send(F[2])
        c.wait("zaten listede")
        for _ in range(len("Serdar")):
            c.send(BACKSPACE)
        c.type("Çınarlı")
        c.send(F[2])
        c.wait("İlçe eklendi: Çınarlı")
        c.wait("12 ilçe")
        t = c.text()
        if not t.index("Çayırova") < t.index("Çınarlı") < t.index("Darıca"):
            raise Failure("Çınarlı out of order:\n" + t)
        c.type("karte")                   # the list's own search
        c.send(F[4])
        c.wait("Kartepe: yeniden ad")
        for _ in range(len("Kartepe")):
            c.send(BACKSPACE)
        c.type("Kartepe İlçesi")
        c.send(F[2])
        c.wait("Kartepe → Kartepe İlçesi: 1 hane güncellendi")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    if sql(w, "SELECT mahalle FROM household") != "Kartepe İlçesi":
        raise Failure("the household did not follow the rename")
    if int(sql(w, "SELECT count(*) FROM audit WHERE tbl = 'district'")) < 2:
        raise Failure("district changes not audited")
    w.hane("household", "add", "--tckn", tckn(82), "--first", "Ece",
           "--last", "Kul", "--mahalle", "Çınarlı")
    if "Çınarlı" not in sql(w, "SELECT group_concat(mahalle) FROM household"):
        raise Failure("the added district is not taken")
    w.cleanup()


def test_dashboard_warns():
    w = Workdir()
    c = Console(w, 24, 80, env={"HANE_NOW": "2027-10-01 10:00:00"})
    try:
        c.wait("Ana Menü")
        c.wait("2028 dinî bayramları girilmedi")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    c = Console(w, 24, 80)                 # 2026: the year is entered
    try:
        t = c.wait("Ana Menü")
        c.wait("Taksi")
        if "dinî bayram" in c.text():
            raise Failure("warned without cause:\n" + t)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    w.cleanup()


if __name__ == "__main__":
    run([test_mahalle_screen, test_holiday_screen, test_district_screen,
         test_dashboard_warns])
