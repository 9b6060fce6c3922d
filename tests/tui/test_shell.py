"""The shell: main menu, function keys and their Esc-digit fallbacks,
resize below 80x24 and back, English, monochrome, terminal restore."""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, Console, Failure, Workdir, run)  # noqa: E402


def with_console(fn, rows=24, cols=80, args=(), env=None):
    w = Workdir()
    c = Console(w, rows, cols, args, env)
    try:
        fn(c, w)
    finally:
        c.close()
        w.cleanup()


def test_main_menu():
    def body(c, w):
        t = c.wait("Ana Menü")
        for word in ("1 Haneler", "Sosyal İnceleme", "Gıda Bankası",
                     "Evde Bakım", "Engelsiz Taksi", "Raporlar",
                     "İçe/Dışa Aktar", "Yönetim"):
            if word not in t:
                raise Failure("menu lacks %r:\n%s" % (word, t))
        # The hint says how a unit opens: by the key before it (a digit,
        # or a letter for the units added after the first nine).
        if "Birimi önündeki tuşla açın" not in t:
            raise Failure("menu hint:\n%s" % t)
        # Every unit is built now: none is greyed out as "yakında".
        if "yakında" in t:
            raise Failure("a unit is still 'yakında':\n%s" % t)
        # Title line: program, database, user; bottom line: the keys.
        if "hane" not in c.line(0) or "test.db" not in c.line(0):
            raise Failure("title line: %r" % c.line(0))
        if "F1 Yardım" not in c.line(23) or "F10 Çıkış" not in c.line(23):
            raise Failure("key bar: %r" % c.line(23))
        # A digit opens its unit straight away (5: the taxi unit's menu,
        # the day board first).
        c.send("5")
        c.wait("Gün çizelgesi")
        c.send(ENTER)
        c.wait("araç · 0 sefer")
        c.send(F[10])
        c.wait_exit()
    with_console(body)


def test_fkeys_and_esc_digits():
    def body(c, w):
        c.wait("Ana Menü")
        c.send(F[1])                      # F1 help
        c.wait("Bu ekranın tuşları")
        c.send(ESC)                       # Esc closes help (after the wait)
        c.wait("Ana Menü")
        c.send(ESC + "1")                 # Esc 1 = F1
        c.wait("Bu ekranın tuşları")
        c.send(ESC)
        c.wait_gone("Bu ekranın tuşları")
        c.send(F[3])                      # F3 opens the person search
        c.wait("Ara:")
        c.wait("Kişi ara")
        c.send(ESC)                       # plain Esc: back
        c.wait("Ana Menü")
        c.send(ESC + "3")                 # Esc 3 = F3
        c.wait("Kişi ara")
        c.send(ESC)
        c.wait("Ana Menü")
        c.send(ESC + "0")                 # Esc 0 = F10: quit
        status, sig = c.wait_exit()
        if status != 0:
            raise Failure("exit status %r signal %r" % (status, sig))
    with_console(body)


def test_f10_quits_from_a_screen():
    def body(c, w):
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        c.send(F[10])
        status, _ = c.wait_exit()
        if status != 0:
            raise Failure("exit status %r" % status)
        # The terminal was given back: alternate screen left.
        if b"\x1b[?1049l" not in c.raw:
            raise Failure("terminal not restored")
    with_console(body)


def test_resize_small_and_back():
    def body(c, w):
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        c.resize(20, 60)
        c.wait("Terminal çok küçük")
        c.wait("80×24")
        c.resize(24, 80)
        c.wait("Kişi ara")
        c.wait_gone("Terminal çok küçük")
        c.resize(40, 120)
        c.wait(lambda t: "F10 Çıkış" in c.line(39))
        c.send(F[10])
        c.wait_exit()
    with_console(body)


def test_english():
    def body(c, w):
        t = c.wait("Main Menu")
        for word in ("Households", "Accessible Taxi", "Reports",
                     "F1 Help", "F10 Quit"):
            if word not in t:
                raise Failure("English screen lacks %r:\n%s" % (word, t))
        c.send(F[1])
        c.wait("Keys of this screen")
        c.send(F[10])
        c.wait_exit()
    with_console(body, args=("--lang", "en"))


def test_no_color():
    def body(c, w):
        c.wait("Ana Menü")
        # Monochrome: the selection is still marked without colour.
        if "▶1 Haneler" not in c.text():
            raise Failure("no selection marker:\n" + c.text())
        if b"\x1b[3" in c.raw and b"\x1b[38;5" in c.raw:
            raise Failure("colours sent with NO_COLOR")
        c.send(F[10])
        c.wait_exit()
    with_console(body, env={"NO_COLOR": "1"})


def test_c_locale_falls_back_to_utf8():
    def body(c, w):
        # No UTF-8 locale in the environment: Turkish still renders.
        c.wait("Gıda Bankası")
        c.wait("İçe/Dışa Aktar")
        c.send(F[10])
        c.wait_exit()
    with_console(body, env={"LANG": "C", "LC_ALL": "C"})


def test_sigterm_restores_terminal():
    def body(c, w):
        c.wait("Ana Menü")
        c.child.kill(signal.SIGTERM)
        status, sig = c.wait_exit()
        if sig != signal.SIGTERM:
            raise Failure("want death by SIGTERM, got %r %r" % (status, sig))
        if b"\x1b[?1049l" not in c.raw:
            raise Failure("terminal not restored on SIGTERM")
    with_console(body)


run([test_main_menu, test_fkeys_and_esc_digits, test_f10_quits_from_a_screen,
     test_resize_small_and_back, test_english, test_no_color,
     test_c_locale_falls_back_to_utf8, test_sigterm_restores_terminal])
