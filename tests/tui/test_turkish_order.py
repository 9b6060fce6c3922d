"""Turkish alphabetical order (#17): c < ç, g < ğ, ı < i, o < ö, s < ş,
u < ü in every sorted list. Canan, Çağla, Çağrı, Çetin and Cem come out
as Canan, Cem, Çağla, Çağrı, Çetin in the console's person search and in
`hane household search`; the mahalle list (`hane mahalle list`, and the
reports by mahalle) puts Cedit and Cumhuriyet before Çavuşoğlu."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import ENTER, ESC, F, Console, Failure, Workdir, run, tckn  # noqa

NAMES = ["Çetin", "Canan", "Çağrı", "Cem", "Çağla"]
WANT = ["Canan", "Cem", "Çağla", "Çağrı", "Çetin"]
MAHALLE = {"Çetin": "Çayırköy", "Canan": "Cumhuriyet", "Çağrı": "Cedit",
           "Cem": "Çepni", "Çağla": "Cedit"}


def order_in(text, names):
    found = sorted((text.index(n + " "), n) for n in names
                   if n + " " in text)
    return [n for _, n in found]


def prepare():
    w = Workdir()
    for i, n in enumerate(NAMES):
        w.hane("household", "add", "--tckn", tckn(300 + i), "--first", n,
               "--last", "Demir", "--mahalle", MAHALLE[n])
    return w


def test_person_search_in_turkish_order():
    w = prepare()
    try:
        out = w.hane("household", "search", "c")
        if order_in(out, NAMES) != WANT:
            raise Failure("CLI order %r:\n%s" % (order_in(out, NAMES), out))
        out = w.hane("household", "search", "demir")
        if order_in(out, NAMES) != WANT:
            raise Failure("CLI order %r:\n%s" % (order_in(out, NAMES), out))
        c = Console(w)
        try:
            c.wait("Ana Menü")
            c.send(F[3])
            c.wait("Ara:")
            c.type("c")
            t = c.wait(lambda t: all(n + " " in t for n in NAMES))
            if order_in(t, NAMES) != WANT:
                raise Failure("console order %r:\n%s" %
                              (order_in(t, NAMES), t))
            c.send(ESC)
            c.wait("Ana Menü")
        finally:
            c.close()
    finally:
        w.cleanup()


def test_mahalle_list_and_report_in_turkish_order():
    w = prepare()
    try:
        out = w.hane("mahalle", "list")
        want = ["Cedit", "Cumhuriyet", "Çavuşoğlu", "Çayırköy", "Çepni"]
        got = [l.split("\t")[0] for l in out.splitlines()
               if l.split("\t")[0] in want]
        if got != ["Cedit", "Cumhuriyet", "Çavuşoğlu", "Çayırköy", "Çepni"]:
            raise Failure("mahalle list order %r:\n%s" % (got, out))
        out = w.hane("report", "households-by-mahalle")
        got = [m for _, m in sorted((out.index(m), m) for m in
                                    ("Cedit", "Cumhuriyet", "Çayırköy",
                                     "Çepni") if m in out)]
        if got != ["Cedit", "Cumhuriyet", "Çayırköy", "Çepni"]:
            raise Failure("report order %r:\n%s" % (got, out))
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_person_search_in_turkish_order,
         test_mahalle_list_and_report_in_turkish_order])
