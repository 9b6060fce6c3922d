"""Journeys (#19): Merkezler in the console, opened from the main menu
(key m). The issue's "done when": an application (the person from the
search, the eligibility said under the programme before saving), its
decision (Doğrudan kabul) and the new member's check-in at the desk
(Bugün: the name typed, Enter); a second check-in refused with the
model's reason; check-out. Then the waiting list: a second applicant
waits, the first member's membership ends, the dialog names who is next
and admits them at once; a check-in of the ended member is refused with
its reason. The persons are set up with the CLI; everything of the unit
goes through the console. Runs with xterm's and PuTTY's keys
(HANE_TUI_KEYS)."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, TAB, Console, Failure, Workdir,  # noqa
                    run, tckn)


def person(w, n, first, last, birth, mahalle="Gündoğdu"):
    w.hane("household", "add", "--tckn", tckn(n), "--first", first,
           "--last", last, "--birth", birth, "--mahalle", mahalle)


def menu(c, item):
    """From the Merkezler menu: the item typed (the menu filters) and
    Enter."""
    c.wait("Yerler ve programlar")
    c.type(item)
    c.send(ENTER)


def apply(c, who, shown, decision=None):
    """On Başvurular: F5, the person searched and chosen, the form saved
    as it opens (Asırlık Çınar Gündoğdu, today); then F7 and the decision
    typed in the choice list, when given."""
    c.send(F[5])
    c.wait("Başvuran kişiyi arayın")
    c.type(who)
    c.wait(shown)
    c.send(ENTER)
    c.wait("Yeni başvuru")
    c.wait("Başvuruya uygun")
    c.send(F[2])
    c.wait("kaydedildi")
    if decision:
        c.send(F[7])
        c.wait("Doğrudan kabul")
        c.type(decision)
        c.send(ENTER)


def desk(c, site="gündoğdu"):
    """Bugün at a site chosen by typing its name."""
    menu(c, "bugün")
    c.wait("Yer seçin")
    c.type(site)
    c.send(ENTER)
    c.wait("içeride")


def test_apply_admit_check_in():
    w = Workdir()
    person(w, 301, "Ayşe", "Çınaroğlu", "01.01.1950")
    person(w, 302, "Mehmet", "Gençoğlu", "01.01.1986")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.wait("Merkezler")
        c.send("m")
        menu(c, "başvurular")
        c.wait("Başvurular")
        # Too young: the rule's sentence under the programme, before
        # anything is saved, and saving is refused there.
        c.send(F[5])
        c.wait("Başvuran kişiyi arayın")
        c.type("gencoglu")
        c.wait("Mehmet Gençoğlu")
        c.send(ENTER)
        c.wait("Yeni başvuru")
        c.wait("60")
        c.wait("40")                              # his age, named
        c.send(F[2])
        c.wait("Yeni başvuru")
        c.send(ESC)
        c.wait_gone("Yeni başvuru")
        # Eligible: saved, admitted directly.
        apply(c, "cinaroglu", "Ayşe Çınaroğlu", "doğrudan")
        c.wait("Kabul edildi: Ayşe Çınaroğlu, Asırlık Çınar Gündoğdu")
        c.send(ESC)
        desk(c)                                   # the desk of the site
        c.wait("bugün henüz giriş yok")
        c.type("ayse")
        c.wait("Ayşe Çınaroğlu")
        c.send(ENTER)                             # checked in
        c.wait("Ayşe Çınaroğlu giriş yaptı")
        c.wait("içeride 1/150")
        c.wait("12:04")
        # Again while in: refused with the model's reason.
        c.type("ayse")
        c.wait(lambda t: "Ara: ayse" in t and "Ayşe Çınaroğlu" in t)
        c.send(ENTER)
        c.wait("Giriş yapılamadı")
        c.wait("içeride")
        c.send(ENTER)
        c.wait_gone("Giriş yapılamadı")
        c.send(F[7])                              # check-out
        c.wait("Ayşe Çınaroğlu ayrıldı")
        c.wait("içeride 0/150")
        keys = c.nav_report("apply → admit → check in → out")
        if keys > 30:
            raise Failure("the journey took %d keys" % keys)
        # The person page's row and the household's services panel.
        c.send(F[3])
        c.type("cinaroglu")
        c.wait("Ayşe Çınaroğlu")
        c.send(ENTER)                             # the household
        c.wait("Çınaroğlu hanesi")
        c.wait("Merkez    Ayşe")
        c.send(ENTER)                             # Ayşe's page
        c.wait("Bu kişinin hizmetleri")
        c.wait("üye 15.06.2026 · Asırlık Çınar")
        db = sqlite3.connect(w.db)
        apps = db.execute("SELECT person_id, status FROM centre_application"
                          " ORDER BY id").fetchall()
        visits = db.execute("SELECT date, time_in, time_out FROM"
                            " centre_visit").fetchall()
        db.close()
        if apps != [(1, "direct")]:
            raise Failure("applications: %r" % apps)
        if visits != [("2026-06-15", "12:04", "12:04")]:
            raise Failure("visits: %r" % visits)
    finally:
        c.close()
        w.cleanup()


def test_waiting_list_names_the_next():
    w = Workdir()
    person(w, 311, "Hatice", "Birinci", "01.01.1945")
    person(w, 312, "Zeynep", "İkinci", "01.01.1948")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("m")
        menu(c, "başvurular")
        apply(c, "birinci", "Hatice Birinci", "doğrudan")
        c.wait("Kabul edildi")
        apply(c, "ikinci", "Zeynep İkinci", "bekleme")
        c.wait("Bekleme listesinde: Zeynep İkinci, Asırlık Çınar Gündoğdu,"
               " 1. sırada")
        c.send(ESC)
        desk(c)                                   # Hatice comes in
        c.type("hatice")
        c.wait("Hatice Birinci")
        c.send(ENTER)
        c.wait("giriş yaptı")
        c.send(ESC)
        menu(c, "bekleme")                        # the list, in order
        c.wait("Yer seçin")
        c.type("gündoğdu")
        c.send(ENTER)
        c.wait("Zeynep İkinci")
        c.wait("sıradaki")
        c.send(ESC)
        menu(c, "üyeler")                         # Hatice's ends
        c.type("hatice")
        c.wait("devam ediyor")
        c.send(ENTER)                             # her person page
        c.wait("Bu kişinin hizmetleri")
        c.wait("Hatice Birinci · Kişi No 1")
        c.send(ESC)
        c.wait("devam ediyor")
        c.send(F[8])
        c.wait("Üyeliği bitir · Hatice Birinci")
        c.send(F[2])                              # no reason yet
        c.wait("Bir bitiş nedeni seçin")
        c.type("vefat")                           # the reason field
        c.send(F[2])                              # today
        c.wait("Üyelik bitti")
        c.wait_flowing("Bekleme listesinde sıradaki: Zeynep İkinci")
        c.send(ENTER)                             # Tamam
        c.wait("vefat")
        c.send(ESC)
        # Her check-in of today is still on the desk: another is refused,
        # the membership's end said.
        menu(c, "bugün")
        c.wait("Hatice Birinci")
        c.send(ENTER)
        c.wait("Giriş yapılamadı")
        c.wait("bitti")
        c.send(ENTER)
        c.send(ESC)
        menu(c, "bekleme")                        # Zeynep is admitted
        c.wait("Zeynep İkinci")
        c.send(F[7])
        c.wait("Doğrudan kabul")
        c.send(ENTER)
        c.wait("Kabul edildi: Zeynep İkinci")
        c.wait("kimse yok")
        c.nav_report("wait → end → next admitted")
        db = sqlite3.connect(w.db)
        members = db.execute("SELECT person_id, end_reason FROM centre_member"
                             " ORDER BY id").fetchall()
        db.close()
        if members != [(1, "death"), (2, None)]:
            raise Failure("members: %r" % members)
    finally:
        c.close()
        w.cleanup()


def test_full_site_offers_the_waiting_list():
    """A site at capacity (one place, taken, set up with the CLI): the
    admission is refused with the model's words and the waiting list is
    offered in the same dialog."""
    w = Workdir()
    person(w, 321, "Fatma", "Önce", "01.01.1944")
    person(w, 322, "Emine", "Sonra", "01.01.1947")
    w.hane("centre", "site", "edit", "cinar_gundogdu", "--capacity", "1")
    w.hane("centre", "apply", "1", "cinar_gundogdu")
    w.hane("centre", "decide", "1", "direct")
    w.hane("centre", "apply", "2", "cinar_gundogdu")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("m")
        menu(c, "başvurular")
        c.wait("Emine Sonra")                     # the newest, selected
        c.send(F[7])
        c.wait("Doğrudan kabul")
        c.send(ENTER)
        c.wait("Yer dolu")
        c.wait("Bekleme listesine al")
        c.send("2")                               # the second button
        c.wait("Bekleme listesinde: Emine Sonra, Asırlık Çınar Gündoğdu,"
               " 1. sırada")
        db = sqlite3.connect(w.db)
        apps = db.execute("SELECT status FROM centre_application"
                          " ORDER BY id").fetchall()
        members = db.execute("SELECT count(*) FROM centre_member"
                             ).fetchone()[0]
        db.close()
        if apps != [("direct",), ("waiting",)] or members != 1:
            raise Failure("applications %r, members %r" % (apps, members))
    finally:
        c.close()
        w.cleanup()


def test_fifth_branch_is_data():
    """Yerler ve programlar: an administrator adds the fifth Asırlık Çınar
    branch (Gültepe-Fatih, 50 and over) with F5; the desk offers it."""
    w = Workdir()
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("m")
        menu(c, "yerler")
        c.wait("Mobil ikram aracı")
        c.send(F[5])
        c.wait("Yeni: Yer")
        c.wait("Asırlık Çınar Evleri")            # the first programme
        for text in ("cinar_gultepe", "Asırlık Çınar Gültepe-Fatih",
                     "Gültepe Mah., İzmit", "pzt,sal,çar,per,cum",
                     "09:00-17:00", "120", "50"):
            c.send(TAB)
            c.type(text)
        c.send(F[2])
        c.wait("Asırlık Çınar Gültepe-Fatih kaydedildi")
        c.send(ESC)
        menu(c, "bugün")                          # the desk offers it
        c.wait("Asırlık Çınar Gültepe-Fatih · içeride 0/120")
        db = sqlite3.connect(w.db)
        site = db.execute("SELECT p.code, s.capacity, s.min_age FROM"
                          " centre_site s JOIN centre_programme p ON"
                          " p.id = s.programme_id WHERE s.code ="
                          " 'cinar_gultepe'").fetchall()
        db.close()
        if site != [("cinar", 120, 50)]:
            raise Failure("site: %r" % site)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_apply_admit_check_in, test_waiting_list_names_the_next,
         test_full_site_offers_the_waiting_list, test_fifth_branch_is_data])
