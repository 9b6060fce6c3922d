"""Type-ahead in choice lists (#17): on a real form (a request's
assignment, whose inspector field lists the staff), letters jump to the
first inspector whose name starts with them, Turkish- and ASCII-folded
("cag" finds Çağla, "ıs" and "is" find Işıl, "in" İnci); Backspace
shortens what was typed; a move (← →) starts again; the list that Enter
opens jumps the same way. The inspectors are listed in Turkish
alphabetical order (Canan, Cem, Çağla, Çağrı, Çetin)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, DOWN, ENTER, ESC, F, RIGHT, Console,  # noqa
                    Failure, Workdir, run)

INSPECTORS = [("cetin", "Çetin Kara"), ("canan", "Canan Ak"),
              ("cagri", "Çağrı Su"), ("cem", "Cem Öz"),
              ("cagla", "Çağla Ay"), ("isil", "Işıl Er"),
              ("inci", "İnci Uz")]


def prepare():
    w = Workdir()
    for user, name in INSPECTORS:
        w.hane("staff", "add", user, "--name", name, "--role",
               "caseworker", "--unit", "inspection")
    w.hane("household", "add", "--tckn", "10000000146", "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu", "--street",
           "Atatürk Cd.", "--building", "12", "--door", "3")
    w.hane("inspection", "request", "--household", "1", "--reason", "food")
    return w


def field(c):
    """The inspector field's line."""
    for line in c.text().split("\n"):
        if "İnceleme personeli" in line:
            return line
    raise Failure("no inspector field:\n" + c.text())


def wait_field(c, name):
    c.wait(lambda t: name in field(c))


def test_typeahead_on_assign_form():
    w = prepare()
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("2")
        c.wait("Son tarih")
        c.send(ENTER)
        c.wait("Başvuru #1")
        c.send(F[7])
        c.wait("Atama")
        # Turkish order: the first inspector is Canan, not Çağla.
        wait_field(c, "Canan Ak")
        c.wait("Baş harflerini yazın")
        c.type("cag")
        wait_field(c, "Çağla Ay")
        c.wait("Yazılan: cag")
        c.type("r")
        wait_field(c, "Çağrı Su")
        c.send(BACKSPACE)
        wait_field(c, "Çağla Ay")
        c.wait("Yazılan: cag ")
        # A move forgets what was typed: "e" then starts a new word.
        c.send(RIGHT)
        wait_field(c, "Çağrı Su")
        c.type("ce")
        wait_field(c, "Cem Öz")
        c.send(RIGHT)
        c.type("ıs")
        wait_field(c, "Işıl Er")
        c.send(RIGHT)
        c.type("is")
        wait_field(c, "Işıl Er")
        c.send(RIGHT)
        c.type("İn")
        wait_field(c, "İnci Uz")
        c.send(RIGHT)
        c.type("in")
        wait_field(c, "İnci Uz")
        # A letter no name starts with is not kept, and says so.
        c.type("x")
        c.wait('"inx" ile başlayan seçenek yok')
        wait_field(c, "İnci Uz")
        # The list Enter opens: Turkish order, and typing jumps.
        c.send(RIGHT)
        c.send(ENTER)
        t = c.wait("Çetin Kara")
        order = [n for _, n in sorted(
            ((t.index(n), n) for _, n in INSPECTORS if n in t))]
        want = ["Canan Ak", "Cem Öz", "Çağla Ay", "Çağrı Su", "Çetin Kara",
                "Işıl Er", "İnci Uz"]
        if order != want:
            raise Failure("order %r, want %r:\n%s" % (order, want, t))
        c.type("cagr")
        c.wait("▶Çağrı Su")
        c.send(ENTER)
        wait_field(c, "Çağrı Su")
        c.send(F[2])
        c.wait("İnceleme personeli: Çağrı Su")
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_typeahead_on_assign_form])
