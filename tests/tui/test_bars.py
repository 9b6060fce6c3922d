"""The bar tells the truth (#17): on every screen, every F-key the bar or
F1 shows does something, and every F-key it does not show says so
("… bu ekranda kullanılmıyor") instead of acting; every key on the bar is
in F1; Esc and F10 are on every bar. Then what the findings named: the
taxi board's F6/F7/F8 and its F1, the dashboard's F3, Hane 360 on the
household's bar, a report's "F2 Çalıştır"."""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (DEADLINE, DOWN, ENTER, ESC, F, Console,  # noqa
                    Failure, Workdir, run)

UNUSED = "bu ekranda kullanılmıyor"
KEYNAME = re.compile(r"(F\d+|Esc|Enter|Tab|Shift-Tab|Backspace|←|→)$")


def world():
    """A database with a small demo year: households, inspections, food
    parcels, care visits and taxi trips today (15.06.2026)."""
    w = Workdir()
    os.remove(w.db)                               # a demo database
    w.hane("init", "--demo")
    w.hane("overview", "demo-year", "--year", "2026", "--scale", "0.01",
           "--seed", "1")
    return w


def bar_keys(c):
    """The keys on the bar (last row): "F2" of " F2 Kaydet"."""
    bar = c.line(c.rows - 1)
    keys = []
    for tok in bar.split():
        if KEYNAME.match(tok):
            keys.append(tok)
    return keys


def help_keys(c):
    """Opens F1, reads the keys it lists (column 2), closes it."""
    c.send(F[1])
    t = c.wait("Bu ekranın tuşları")
    keys = []
    for line in t.split("\n")[2:c.rows - 2]:
        k = line[2:14].strip()
        if not k and line[14:].strip():
            continue                # a long help line's continuation
        if not k:
            break
        keys.append(k)
        if line.rstrip().endswith("…"):
            raise Failure("a help line is cut:\n" + t)
    if "F3 her ekrandan kişi arar" not in t:
        raise Failure("F1 does not say F3 searches from anywhere:\n" + t)
    c.send(ESC)
    c.wait_gone("Bu ekranın tuşları")
    return keys, t


def state(c):
    """How deep the screen is (breadcrumbs) and its bar: a key that
    opened a screen or a dialog changed one of them; a key that changed
    the view in place (the inspection list's F7) changed neither."""
    title = c.line(0)
    # A title cut short ("Engelsiz Taks…") hides the depth: the bar says.
    # The bar's keys, not its labels: a view toggled in place may rename
    # a key (home care's F7 Hafta / Gün).
    depth = title.count("›") if "…" not in title else None
    return depth, tuple(bar_keys(c))


def same(a, b):
    return a[1] == b[1] and (a[0] is None or b[0] is None or a[0] == b[0])


MAIN_BAR = ("F1", "F3", "Enter", "F10")


class Left(Exception):
    """The key closed the screen (F2 saved a form already valid)."""


def back_to(c, where):
    """Esc until the depth and the bar are the screen's again; Left when
    the key took the console above the screen."""
    for _ in range(5):
        if same(state(c), where):
            return
        now = state(c)[0]
        if where[0] is not None and now is not None and now < where[0]:
            raise Left()
        if state(c)[1] == MAIN_BAR and where[1] != MAIN_BAR:
            raise Left()                          # Esc went past it
        before = c.text()
        c.send(ESC)
        c.wait(lambda t: t != before)
    if not same(state(c), where):
        raise Failure("could not come back:\n" + c.text())


def status(c):
    return c.line(c.rows - 2).strip()


def body(c):
    return [ln for i, ln in enumerate(c.screen.display) if i != c.rows - 2]


def walk(c, name, extra_checks=None, reopen=None):
    """The checks on the screen now open. reopen() opens it again in a
    new console when a key closed it (a form saved with F2)."""
    where = state(c)
    bar = bar_keys(c)
    shown, help_text = help_keys(c)
    problems = []
    for k in bar:
        if k not in shown:
            problems.append("%s on the bar but not in F1" % k)
    if "F10" not in bar:
        problems.append("F10 not on the bar")
    if "Esc" not in bar and "Ana Menü" not in c.text():
        problems.append("Esc not on the bar")
    for n in range(2, 10):
        k = "F%d" % n
        # A key nobody knows puts a word in the status line; any key
        # after it changes that line (its own word, or none), so the
        # screen always changes and there is no need to wait and see.
        c.send("\x1bx")
        c.wait(lambda t: "tanınmadı" in status(c))
        before, primer = body(c), status(c)
        c.send(F[n])
        c.wait(lambda t: status(c) != primer)
        now = status(c)
        unused = UNUSED in now and same(state(c), where)
        acted = not unused and (body(c) != before or now != "")
        if k in shown and not acted:
            problems.append("%s shown but %s" %
                            (k, "unused" if unused else "does nothing"))
        elif k not in shown and k != "F3" and not unused:
            problems.append("%s %s but is not shown" %
                            (k, "acts" if acted else "does nothing"))
        try:
            back_to(c, where)
        except Left:
            if not reopen:
                raise Failure("%s: %s left the screen" % (name, k))
            c.close()
            c = reopen()
    if extra_checks:
        extra_checks(c, bar, help_text, problems)
    print("%-24s bar: %s" % (name, " ".join(bar)))
    if problems:
        raise Failure("%s: %s\n%s" % (name, "; ".join(problems), c.text()))


def open_console(w, keys):
    """Starts hane and walks to a screen: each key must open a screen or
    a dialog, except those marked with a leading "=", typed as data, and
    "~", a move within the screen."""
    c = Console(w)
    c.wait("Ana Menü")
    for k in keys:
        before = state(c)
        if k.startswith("="):
            c.type(k[1:])
            c.wait(lambda t: "(kayıt yok)" not in t and
                   "Ara: " + k[1:] in t)
            continue
        if k.startswith("~"):                     # a move: same screen
            before = c.text()
            c.send(k[1:])
            c.wait(lambda t: t != before)
            continue
        c.send(k)
        # A screen or dialog opened: deeper, or another bar (drawn last).
        c.wait(lambda t: state(c) != before)
    return c


def taxi_checks(c, bar, help_text, problems):
    line = c.line(c.rows - 1)
    for want in ("F6 Araç", "F7 Sonuç", "F8 İptal", "Esc Geri",
                 "F10 Çıkış"):
        if want not in line:
            problems.append("taxi bar lacks %r" % want)
    if "hane" in help_text.lower().replace("hane ›", "").replace(
            "test.db", ""):
        problems.append("taxi F1 speaks of households")
    for want in ("araç atar", "yapıldı ya da gelmedi", "iptal eder"):
        if want not in help_text:
            problems.append("taxi F1 lacks %r" % want)


def household_checks(c, bar, help_text, problems):
    if "F2 Hane 360" not in c.line(c.rows - 1):
        problems.append("Hane 360 not on the household's bar")
    if "Dışa aktar" in help_text:
        problems.append("household F1 calls F2 'Dışa aktar'")


def report_checks(c, bar, help_text, problems):
    if "F2 Çalıştır" not in c.line(c.rows - 1):
        problems.append("report parameters: F2 is not 'Çalıştır'")


SCREENS = [
    ("main menu", [], None),
    ("person search", ["1", "=a"], None),
    ("household", ["1", "=a", ENTER], household_checks),
    ("person", ["1", "=a", ENTER, ENTER], None),
    ("household 360", ["1", "=a", ENTER, F[2]], None),
    ("new household form", ["1", F[5]], None),
    ("inspection", ["2"], None),
    ("inspection request form", ["2", F[5]], None),
    ("food bank", ["3"], None),
    ("food bank distribution", ["3", ENTER], None),
    ("food bank branches", ["3", "=günleri", ENTER], None),
    ("food bank new branch form", ["3", "=günleri", ENTER, F[5]], None),
    ("food bank markets", ["3", "=marketler", ENTER], None),
    ("food bank new market form", ["3", "=marketler", ENTER, F[5]], None),
    ("food bank package types", ["3", "=paket tür", ENTER], None),
    ("food bank new package form", ["3", "=paket tür", ENTER, F[5]],
     None),
    ("food bank package form", ["3", "=paket tür", ENTER, F[4]], None),
    ("home care day", ["4", ENTER], None),
    ("home care clients", ["4", "=danış", ENTER], None),
    ("home care client", ["4", "=danış", ENTER, ENTER], None),
    ("care client form", ["4", "=danış", ENTER, ENTER, F[4]], None),
    ("care plan form", ["4", "=danış", ENTER, ENTER, F[5]], None),
    ("home care workers", ["4", "=personel", ENTER], None),
    ("caregiver form", ["4", "=personel", ENTER, F[5]], None),
    ("home care settings", ["4", "=ayar", ENTER], None),
    ("kitchen menu", ["a"], None),
    ("kitchen day grid", ["a", ENTER], None),
    ("kitchen month", ["a", "=Aylık", ENTER], None),
    ("taxi menu", ["5"], None),
    ("taxi board", ["5", ENTER], taxi_checks),
    ("taxi booking form", ["5", ENTER, F[5]], None),
    ("taxi riders", ["5", "=Yolcu", ENTER], None),
    ("taxi rider page", ["5", "=Yolcu", ENTER, ENTER], None),
    ("taxi rider booking form", ["5", "=Yolcu", ENTER, ENTER, F[5]], None),
    ("taxi vehicles", ["5", "=Araç", ENTER], None),
    ("taxi new vehicle form", ["5", "=Araç", ENTER, F[5]], None),
    ("taxi drivers", ["5", "=Şoför", ENTER], None),
    ("taxi new driver form", ["5", "=Şoför", ENTER, F[5]], None),
    ("taxi destinations", ["5", "=Hedef", ENTER], None),
    ("taxi new destination form", ["5", "=Hedef", ENTER, F[5]], None),
    ("taxi settings", ["5", "=Ayar", ENTER], None),
    # Edit forms: F2 saves what is there and leaves; the walk reopens.
    ("taxi rider form", ["5", "=Yolcu", ENTER, F[4]], None),
    ("taxi vehicle form", ["5", "=Araç", ENTER, F[4]], None),
    ("taxi driver form", ["5", "=Şoför", ENTER, F[4]], None),
    ("taxi destination form", ["5", "=Hedef", ENTER, F[4]], None),
    ("taxi setting form", ["5", "=Ayar", ENTER, F[4]], None),
    # The person page's Engelsiz Taksi row: the rider form (not a rider
    # yet) or the rider's page.
    ("person: taxi row", ["1", "=a", ENTER, ENTER, ENTER], None),
    # Its Evde Bakım row, under the taxi's: the client form (not a
    # client yet) or the client's page.
    ("person: home care row", ["1", "=a", ENTER, ENTER, "~" + DOWN, ENTER],
     None),
    # Merkezler (#19): the desk opens on the first site chosen.
    ("centres menu", ["m"], None),
    ("centres today", ["m", ENTER, ENTER], None),
    ("centres members", ["m", "=Üyeler", ENTER], None),
    ("centres applications", ["m", "=Başvurular", ENTER], None),
    ("centres applicant search", ["m", "=Başvurular", ENTER, F[5]], None),
    ("centres application form",
     ["m", "=Başvurular", ENTER, F[5], "=a", ENTER], None),
    ("centres waiting list", ["m", "=Bekleme", ENTER, ENTER], None),
    ("centres sites", ["m", "=Yerler", ENTER], None),
    ("centres new site form", ["m", "=Yerler", ENTER, F[5]], None),
    ("centres site form", ["m", "=Yerler", ENTER, F[4]], None),
    ("centres sessions", ["m", "=Oturum", ENTER], None),
    ("centres new session form", ["m", "=Oturum", ENTER, F[5]], None),
    ("centres placements", ["m", "=İstihdam", ENTER], None),
    ("centres new placement form", ["m", "=İstihdam", ENTER, F[5]], None),
    ("reports", ["6"], None),
    ("report parameters", ["6", ENTER], report_checks),
    ("report table", ["6", ENTER, F[2]], None),
    ("import file picker", ["7", ENTER], None),
    ("staff", ["8", ENTER], None),
    ("audit", ["8", "=3", ENTER], None),
    ("districts", ["8", "=6", ENTER], None),
    ("dashboard", ["9"], None),
]


def shard(screens):
    """CTest runs the walk as several tests (tests/CMakeLists.txt), each
    with HANE_BARS_SHARD=K/N: the K-th of every N screens."""
    k, _, n = os.environ.get("HANE_BARS_SHARD", "1/1").partition("/")
    k, n = int(k), int(n)
    if not 1 <= k <= n:
        raise Failure("HANE_BARS_SHARD=%d/%d" % (k, n))
    return screens[k - 1::n]


def test_every_screen():
    w = world()
    failures = []
    try:
        only = os.environ.get("HANE_BARS_ONLY", "")  # while developing
        for name, keys, checks in shard(SCREENS):
            if only and only not in name:
                continue
            cur = [open_console(w, keys)]

            def reopen(keys=keys, cur=cur):
                cur[0] = open_console(w, keys)
                return cur[0]
            try:
                walk(cur[0], name, checks, reopen)
            except Failure as e:
                failures.append("%s: %s" % (name, e))
            finally:
                cur[0].close()
    finally:
        w.cleanup()
    if failures:
        raise Failure("\n\n".join(failures))


if __name__ == "__main__":
    run([test_every_screen])
