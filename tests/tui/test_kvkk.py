"""KVKK on screen: masking by role, the read log on opening a detail, the
logged reveal (F9), and edit forms that never save a masked value back."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (DOWN, ENTER, F, TAB, Console, Failure,  # noqa
                    Workdir, run, tckn)

NUM = tckn(51)
MASKED = NUM[:3] + "******" + NUM[9:]


def prepare():
    w = Workdir()
    w.hane("household", "add", "--tckn", NUM, "--first", "Şükrü",
           "--last", "Yılmaz", "--birth", "04.01.1950", "--mahalle",
           "gundogdu", "--street", "Atatürk Cd.", "--building", "12",
           "--phone", "0532 123 45 67", "--chronic", "Diyabet")
    w.hane("staff", "add", "rapor", "--name", "Rapor Kişi", "--role",
           "reporter")
    w.hane("staff", "add", "gida", "--name", "Gıda Kişi", "--role",
           "caseworker", "--unit", "foodbank")
    w.hane("staff", "add", "hane", "--name", "Hane Kişi", "--role",
           "caseworker", "--unit", "households")
    return w


def sql(w, query):
    r = subprocess.run(["sqlite3", w.db, query], capture_output=True,
                       text=True)
    return r.stdout.strip()


def open_household(c):
    c.wait("Ana Menü")
    c.send(F[3])
    c.type("sukru")
    t = c.wait("Şükrü Yılmaz")
    if NUM in t:
        raise Failure("the search list shows the full number:\n" + t)
    if MASKED not in t:
        raise Failure("the search list lacks the masked number:\n" + t)
    c.send(ENTER)
    return c.wait("Yılmaz hanesi")


def test_masking_by_role_and_read_log():
    w = prepare()
    try:
        # A reporter and a food-bank caseworker see it masked.
        for user in ("rapor", "gida"):
            c = Console(w, 40, 120, ("--user", user))
            try:
                t = open_household(c)
                c.wait(MASKED)
                c.wait("0532 *** ** 67")
                c.wait("Gündoğdu ***")
                t = c.text()
                for secret in (NUM, "Atatürk", "123 45 67"):
                    if secret in t:
                        raise Failure("%s sees %r:\n%s" % (user, secret, t))
                c.send(F[10])
                c.wait_exit()
            finally:
                c.close()
            n = sql(w, "SELECT count(*) FROM audit WHERE action="
                    "'person.view' AND username='%s' AND row_id=1" % user)
            h = sql(w, "SELECT count(*) FROM audit WHERE action="
                    "'household.view' AND username='%s' AND row_id=1" % user)
            if int(n) < 1 or int(h) < 1:
                raise Failure("read log of %s: person %s, household %s" %
                              (user, n, h))
        # The registry's own caseworker sees the number (but the search
        # list stays masked for everyone).
        c = Console(w, 40, 120, ("--user", "hane"))
        try:
            open_household(c)
            c.wait(NUM)
            c.wait("0532 123 45 67")
            c.wait("Atatürk Cd.")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
    finally:
        w.cleanup()


def test_reveal_is_logged_and_refused_to_reporter():
    w = prepare()
    try:
        c = Console(w, 40, 120, ("--user", "gida"))
        try:
            open_household(c)
            c.send(F[9])                          # Göster
            c.wait("Hangi bilgi gösterilsin?")
            c.send(ENTER)                         # TC Kimlik No
            c.wait(NUM)
            c.wait("kayda geçti")
            c.send(ENTER)                         # the person's page
            c.wait("Kronik hastalık: ***")
            c.wait("Telefon: 0532 *** ** 67")
            c.send(F[9])
            c.wait("Hangi bilgi gösterilsin?")
            c.send(DOWN)
            c.send(DOWN)                          # Kronik hastalık
            c.send(ENTER)
            c.wait("Kronik hastalık: Diyabet")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        rows = sql(w, "SELECT changes FROM audit WHERE action="
                   "'person.reveal' AND username='gida' AND row_id=1"
                   " ORDER BY id")
        if '"field":"tckn"' not in rows or \
                '"field":"chronic_illness"' not in rows:
            raise Failure("reveals not logged: %r" % rows)

        c = Console(w, 40, 120, ("--user", "rapor"))
        try:
            open_household(c)
            c.send("\x1b9")                       # Esc 9 = F9
            c.wait("Hangi bilgi gösterilsin?")
            c.send(ENTER)
            c.wait("person.reveal")               # the missing permission
            if NUM in c.text():
                raise Failure("reporter got the number:\n" + c.text())
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        n = sql(w, "SELECT count(*) FROM audit WHERE action="
                "'person.reveal' AND username='rapor'")
        if n != "0":
            raise Failure("a refused reveal was logged as one")
    finally:
        w.cleanup()


def test_edit_keeps_masked_values():
    w = prepare()
    try:
        c = Console(w, 40, 120, ("--user", "gida"))
        try:
            open_household(c)
            c.send(ENTER)                         # the person's page
            c.wait("Kronik hastalık: ***")
            c.send(F[4])
            c.wait("Kişi düzenle")
            t = c.wait(MASKED)                    # shown masked in the form
            if NUM in t:
                raise Failure("edit form shows the number:\n" + t)
            c.send(TAB)                           # to "Ad"
            c.type(" Ali")
            c.send(F[2])
            c.wait("Kaydedildi")
            c.wait("Şükrü Ali Yılmaz")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
        got = sql(w, "SELECT tckn, phone, chronic_illness, first_name"
                  " FROM person WHERE id=1")
        want = "%s|+905321234567|Diyabet|Şükrü Ali" % NUM
        if got != want:
            raise Failure("stored %r, want %r" % (got, want))
    finally:
        w.cleanup()



def test_person_page_at_80x24_shows_the_name_and_numbers():
    """At 80x24 the person's page names the person on its first line with
    the person and household numbers, and the title's breadcrumb is
    shortened in the middle, never cutting the name (#17)."""
    w = prepare()
    try:
        c = Console(w, 24, 80)
        try:
            open_household(c)
            c.send(ENTER)                         # the person's page
            t = c.wait("Kişi No 1 · Hane No 1")
            if "Şükrü Yılmaz · Kişi No 1" not in t:
                raise Failure("no name line:\n" + t)
            title = c.line(0)
            if "Şükrü Yılmaz" not in title:
                raise Failure("the crumb lost the name:\n" + title)
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
    finally:
        w.cleanup()


def test_search_log_written_while_the_console_sits_still():
    """Each keystroke's search is logged (#16) without a write per
    keystroke (#22): the rows wait in memory and are written within about
    a second, here while the console sits idle on the results."""
    w = prepare()
    try:
        c = Console(w, 24, 80, ("--user", "gida"))
        try:
            c.wait("Ana Menü")
            c.send(F[3])
            c.type("sukru")
            c.wait("Şükrü Yılmaz")
            end = time.time() + 10
            while True:                       # no key is pressed meanwhile
                n = sql(w, "SELECT count(*) FROM audit WHERE action="
                        "'person.search' AND username='gida'")
                if n and int(n) >= 5:         # one per typed letter
                    break
                if time.time() > end:
                    raise Failure("search log not written while idle: %s"
                                  " rows" % n)
                c.pump()
            leaked = sql(w, "SELECT count(*) FROM audit WHERE action="
                         "'person.search' AND changes LIKE '%sukru%'")
            if leaked != "0":
                raise Failure("the query is in the log")
            c.send(F[10])
            c.wait_exit()
        finally:
            c.close()
    finally:
        w.cleanup()

if __name__ == "__main__":
    run([test_masking_by_role_and_read_log,
         test_reveal_is_logged_and_refused_to_reporter,
         test_edit_keeps_masked_values,
         test_person_page_at_80x24_shows_the_name_and_numbers,
         test_search_log_written_while_the_console_sits_still])
