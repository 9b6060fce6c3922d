"""Console forms get the model's control-character check (#16): a bidi
override typed into a household's street is refused with the field and
the character named, and nothing is saved; a name stored with ESC before
the rule does not reach the terminal raw."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import ENTER, ESC, F, TAB, Console, Failure, Workdir, run, tckn  # noqa

RLO = "\u202e"


def test_form_refuses_bidi_override():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(41), "--first", "Fatma",
           "--last", "Demir", "--street", "Eski Sk.")
    c = Console(w, 24, 80)
    try:
        c.wait("Ana Menü")
        c.send(F[3])
        c.type("fatma")
        c.wait("Fatma Demir")
        c.send(ENTER)
        c.wait("Demir hanesi")
        c.send(F[4])                              # edit the household
        c.wait(lambda t: "Eski Sk." in t and "Kaydet" in t)
        c.send(TAB)                               # mahalle → street
        c.type("A" + RLO + "B")
        c.send(F[2])
        c.wait("U+202E")
        if "denetim karakteri" not in c.text():
            raise Failure("the refusal does not say why:\n" + c.text())
        out = w.hane("household", "show", "1")
        if "Eski Sk." not in out or "A" + RLO in out:
            raise Failure("saved anyway:\n" + out)
        c.send(ESC)
        c.send(ESC)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


run([test_form_refuses_bidi_override])
