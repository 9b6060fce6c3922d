"""Two consoles edit the same person; the second to save sees who changed
it and when, and chooses to reload or overwrite."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, RIGHT, TAB, Console, Failure, Workdir,  # noqa
                    run, tckn)


def open_edit(c):
    c.wait("Ana Menü")
    c.send(F[3])
    c.type("sukru")
    c.wait("Şükrü Yılmaz")
    c.send(F[4])
    c.wait("Kişi düzenle")
    c.send(TAB)                                   # to "Ad"


def prepare():
    w = Workdir()
    w.hane("staff", "add", "ayse.k", "--name", "Ayşe Kara", "--role",
           "caseworker")
    w.hane("household", "add", "--tckn", tckn(41), "--first", "Şükrü",
           "--last", "Yılmaz", "--birth", "04.01.1950")
    return w


def test_conflict_overwrite():
    w = prepare()
    a = Console(w, 24, 80, ("--user", "ayse.k"))
    b = Console(w, 24, 80)
    try:
        open_edit(a)
        open_edit(b)
        a.type(" Ali")
        a.send(F[2])
        a.wait("Kaydedildi")
        b.type(" Can")
        b.send(F[2])
        t = b.wait("tarafından değiştirildi")
        if "12:04'te ayse.k" not in t:
            raise Failure("conflict dialog lacks who/when:\n" + t)
        b.wait("Yeniden yükle")
        b.wait("Üzerine yaz")
        b.send(RIGHT)                             # Üzerine yaz
        b.send(ENTER)
        b.wait("Kaydedildi")
        b.wait("Şükrü Can Yılmaz")
        out = w.hane("household", "search", "sukru")
        if "Şükrü Can" not in out:
            raise Failure("overwrite not saved:\n" + out)
    finally:
        a.close()
        b.close()
        w.cleanup()


def test_conflict_reload():
    w = prepare()
    a = Console(w, 40, 120, ("--user", "ayse.k"))
    b = Console(w, 40, 120)
    try:
        open_edit(a)
        open_edit(b)
        a.type(" Ali")
        a.send(F[2])
        a.wait("Kaydedildi")
        b.type(" Can")
        b.send(F[2])
        b.wait("Yeniden yükle")
        b.send(ENTER)                             # reload
        b.wait("Kaydın son hâli yüklendi")
        b.wait("Şükrü Ali")                       # their text in the form
        b.send(F[2])                              # nothing to overwrite now
        b.wait("Kaydedildi")
        out = w.hane("household", "search", "sukru")
        if "Şükrü Ali" not in out or "Can" in out:
            raise Failure("reload lost the other's change:\n" + out)
    finally:
        a.close()
        b.close()
        w.cleanup()


run([test_conflict_overwrite, test_conflict_reload])
