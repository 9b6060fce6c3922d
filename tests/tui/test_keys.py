"""Keys as the terminals staff really use send them (#17): the F-keys of
xterm, PuTTY's default, Linux and VT100+ modes and the Linux console
whatever TERM says; TERM=putty, putty-256color, vt220, linux, screen start
and take their own keys; Esc acts at once; Alt+digit and Ctrl-F digit are
the F-keys of a terminal without them; a sequence nobody knows is
swallowed whole; a question is answered only by a deliberate Enter, and
"Hayır" is its default, so typed text is never lost."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, ENTER, ESC, KEYSETS, TAB, Console,  # noqa
                    F, Failure, Workdir, run)


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def open_new_household(c, keys):
    """Main menu → Haneler → F5: the new household form, the street typed
    in its second field."""
    c.wait("Ana Menü")
    c.send("1")
    c.wait("Kişi ara")
    c.send(keys["F"][5])
    c.wait("Yeni hane")
    c.send(TAB)
    c.type("Atatürk Cd.")
    c.wait("Atatürk Cd.")


def test_fkeys_of_every_keyset():
    """Each key set, with TERM as that terminal leaves it: F1 opens help,
    Esc comes back, F5 opens a form, F2 saves it (here: says what is
    missing, no question), F10 quits."""
    for name, keys in sorted(KEYSETS.items()):
        w = Workdir()
        c = Console(w, env={"TERM": keys["TERM"]})
        try:
            c.wait("Ana Menü")
            c.send(keys["F"][1])
            c.wait("Bu ekranın tuşları")
            c.send(ESC)
            c.wait("Ana Menü")
            open_new_household(c, keys)
            c.send(keys["F"][2])
            c.wait("Bu alan zorunlu")
            t = c.text()
            if "Vazgeçilsin" in t or "[12~" in t or "[[B" in t:
                raise Failure("%s: F2 was not understood:\n%s" % (name, t))
            if "Atatürk Cd." not in t:
                raise Failure("%s: typed text lost:\n%s" % (name, t))
            c.wait(lambda t: "Ad *" in focused_line(c))
            c.type("Ali")
            c.send(keys["DOWN"])                 # ↓: Ad → Soyad
            c.wait(lambda t: "Soyad" in focused_line(c))
            c.send(keys["F"][10])
            c.wait("çıkılsın mı")
            c.send(keys["LEFT"])                 # onto "Evet"
            c.wait(lambda t: "▶[ Evet ]" in t)
            c.send(ENTER)
            status, sig = c.wait_exit()
            if status != 0:
                raise Failure("%s: exit %r %r" % (name, status, sig))
        except Failure as e:
            raise Failure("key set %s: %s" % (name, e))
        finally:
            c.close()
            w.cleanup()


def tput(term, cap):
    r = subprocess.run(["tput", "-T", term, cap], capture_output=True)
    if r.returncode != 0 or not r.stdout:
        raise Failure("tput -T %s %s: no such terminal or key (is "
                      "ncurses-term installed? scripts/setup)" % (term, cap))
    return r.stdout.decode("ascii")


def test_terms_start_and_take_their_keys():
    """TERM=putty, putty-256color, vt220, linux, screen-256color: the
    console starts, and the F-keys that terminal's terminfo names work."""
    for term in ("putty", "putty-256color", "vt220", "linux",
                 "screen-256color"):
        w = Workdir()
        c = Console(w, env={"TERM": term})
        try:
            c.wait("Ana Menü")
            c.send(tput(term, "kf1"))
            c.wait("Bu ekranın tuşları")
            c.send(ESC)
            c.wait("Ana Menü")
            c.send(tput(term, "kf10"))
            status, sig = c.wait_exit()
            if status != 0:
                raise Failure("exit %r %r" % (status, sig))
        except Failure as e:
            raise Failure("TERM=%s: %s" % (term, e))
        finally:
            c.close()
            w.cleanup()


def timed(c, key, what):
    start = time.time()
    c.send(key)
    c.wait(what)
    return time.time() - start


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def test_esc_is_at_once():
    """Esc leaves a form as soon as curses' escape delay (50 ms) has
    passed; it used to wait a second for a digit. Measured against F5,
    whose sequence needs no wait, on the same screens."""
    keys = KEYSETS["xterm"]
    w = Workdir()
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        esc, f5 = [], []
        for _ in range(5):
            f5.append(timed(c, keys["F"][5], "Yeni hane"))
            esc.append(timed(c, ESC, lambda t: "Yeni hane" not in t))
        print("Esc %.0f ms, F5 %.0f ms (medians of 5; Esc %s)" %
              (median(esc) * 1000, median(f5) * 1000,
               " ".join("%.0f" % (x * 1000) for x in esc)))
        if median(esc) - median(f5) > 0.1:
            raise Failure("Esc takes %.0f ms more than F5" %
                          ((median(esc) - median(f5)) * 1000))
    finally:
        c.close()
        w.cleanup()


def test_fallback_alt_digit_and_ctrl_f():
    """Esc and a digit arriving together (Alt+5, tmux "Escape 5") is F5;
    Ctrl-F then a digit is too; a lone Esc is Esc and the digit typed
    after it is just a digit."""
    keys = KEYSETS["xterm"]
    w = Workdir()
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        c.send("\x1b5")                          # Alt+5
        c.wait("Yeni hane")
        c.send(ESC + ESC)                        # Esc Esc in one read:
        c.wait("Ana Menü")                       # form, then list, left
        c.send("1")
        c.wait("Kişi ara")
        c.send("\x06")                           # Ctrl-F
        c.wait("F tuşu: rakamı yazın")
        c.send("5")
        c.wait("Yeni hane")
        c.send(TAB)
        c.type("Atatürk Cd.")
        c.send(ESC)                              # Esc alone: asks at once
        c.wait("Vazgeçilsin mi")
        c.send("1")                              # a digit answers nothing
        c.send(ENTER)                            # default: Hayır
        c.wait_gone("Vazgeçilsin mi")
        if "Atatürk Cd." not in c.text():
            raise Failure("typed text lost:\n" + c.text())
        c.send(keys["F"][10])
        c.wait("çıkılsın mı")
        c.send(keys["LEFT"])
        c.send(ENTER)
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_unknown_sequences_are_swallowed():
    """Keys no table knows (F13 as a VT220 sends it, an unknown CSI, an
    SS3 key, Alt+letter) change nothing typed and raise no question; the
    status line names the key."""
    keys = KEYSETS["putty"]
    w = Workdir()
    c = Console(w, env={"TERM": "xterm"})
    try:
        open_new_household(c, keys)
        for seq in ("\x1b[25~", "\x1b[99;3~", "\x1bOz", "\x1bx"):
            c.send(seq)
            c.wait("Bu tuş tanınmadı")
            t = c.text()
            if "Vazgeçilsin" in t:
                raise Failure("%r raised a question:\n%s" % (seq, t))
            line = focused_line(c)
            if "Atatürk Cd." not in line or "~" in line:
                raise Failure("%r changed the field: %r" % (seq, line))
            c.type("x")                          # the next key clears it
            c.wait_gone("Bu tuş tanınmadı")
            c.send(BACKSPACE)
            c.wait(lambda t: "Atatürk Cd.x" not in t)
    finally:
        c.close()
        w.cleanup()


def test_question_needs_a_deliberate_enter():
    """"Vazgeçilsin mi?" opens on Hayır; stray bytes (a PuTTY key's tail,
    digits, letters, space) answer nothing; Enter keeps the form and its
    text; ← Enter leaves it."""
    keys = KEYSETS["putty"]
    w = Workdir()
    c = Console(w, env={"TERM": "xterm"})
    try:
        open_new_household(c, keys)
        c.send(ESC)
        c.wait("Vazgeçilsin mi")
        if "▶[ Hayır ]" not in c.text():
            raise Failure("question does not open on Hayır:\n" + c.text())
        for b in "[12~1e ":
            c.send(b)
        c.send("\x1b[12~")                       # F2 means nothing here
        # Keys are read in order: once ← shows, the bytes before it were
        # read, and the question is still there.
        c.send(keys["LEFT"])
        c.wait(lambda t: "▶[ Evet ]" in t and "Vazgeçilsin mi" in t)
        c.send(keys["RIGHT"])
        c.wait(lambda t: "▶[ Hayır ]" in t)
        c.send(ENTER)
        c.wait_gone("Vazgeçilsin mi")
        line = focused_line(c)
        if "[Atatürk Cd.  " not in line or "~" in line:
            raise Failure("typed text lost or changed: %r" % line)
        c.send(ESC)
        c.wait("Vazgeçilsin mi")
        c.send(keys["LEFT"])
        c.wait(lambda t: "▶[ Evet ]" in t)
        c.send(ENTER)
        c.wait("Kişi ara")
    finally:
        c.close()
        w.cleanup()


def test_esc_esc_then_fkey_in_one_read():
    """Esc, Esc and F10 arriving in one read (quick presses, a slow
    link): two "back"s — the first opens "Vazgeçilsin mi?", the second
    answers it no — then F10 quits the form, which asks, as typed text is
    there. The second Esc was taken with F10 for an Alt chord and lost,
    so F10 reached the form instead of the question."""
    keys = KEYSETS["xterm"]
    w = Workdir()
    c = Console(w, env={"TERM": "xterm-256color"})
    try:
        open_new_household(c, keys)
        c.child.send(b"\x1b\x1b\x1b" + keys["F"][10].encode()[1:])
        c.wait("Yine de çıkılsın mı")
        c.send(keys["LEFT"])
        c.wait(lambda t: "▶[ Evet ]" in t)
        c.send(ENTER)
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_esc_then_fkey_in_one_read():
    """Esc and an F-key arriving together are Esc, then the F-key: from
    the person search, Esc goes back to the main menu and F5 is then the
    main menu's (unused there) — not F5 on the search (a new household
    form) with the Esc lost."""
    keys = KEYSETS["xterm"]
    w = Workdir()
    c = Console(w, env={"TERM": "xterm-256color"})
    try:
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        c.child.send(b"\x1b" + keys["F"][5].encode())
        c.wait("F5 bu ekranda kullanılmıyor")
        if "Yeni hane" in c.text():
            raise Failure("the Esc was lost:\n" + c.text())
    finally:
        c.close()
        w.cleanup()


def test_ctrl_u_and_ctrl_w_edit_text():
    """Ctrl-W deletes the word before the cursor and Ctrl-U all that
    stands before it, as in a shell: in the person search (the list
    follows) and in a form field."""
    w = Workdir()
    w.hane("household", "add", "--tckn", "10000000146", "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        c.type("şükrü xyz")
        c.wait("Ara: şükrü xyz")
        c.wait("0 sonuç")
        c.send("\x17")                         # Ctrl-W: "xyz" goes
        c.wait(lambda t: "Ara: şükrü " in t and "xyz" not in t)
        c.wait("Şükrü Yılmaz")                  # and the list follows
        c.send("\x15")                         # Ctrl-U: the rest goes
        c.wait(lambda t: "Ara: şükrü" not in t and "Şükrü Yılmaz" not in t)
        c.send(F[5])
        c.wait("Yeni hane")
        c.send(TAB)
        c.type("Atatürk Cd. No")
        c.wait("[Atatürk Cd. No ")
        c.send("\x17")
        c.wait("[Atatürk Cd.  ")
        c.send("\x15")
        c.wait(lambda t: "Atatürk" not in t)
        c.type("İnönü Cd.")
        c.wait("[İnönü Cd. ")
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_fkeys_of_every_keyset, test_terms_start_and_take_their_keys,
         test_esc_is_at_once, test_fallback_alt_digit_and_ctrl_f,
         test_unknown_sequences_are_swallowed,
         test_question_needs_a_deliberate_enter,
         test_ctrl_u_and_ctrl_w_edit_text,
         test_esc_esc_then_fkey_in_one_read,
         test_esc_then_fkey_in_one_read])
