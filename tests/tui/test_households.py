"""Household screens: create a household with two members using only the
keyboard, field validation (TC Kimlik No refused at the field), the
duplicate warning while typing, search-as-you-type with Turkish letters,
move a person, mark a household passive."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (LEFT, BACKSPACE, ENTER, ESC, F, TAB, Console, Failure,  # noqa
                    Workdir, bad_tckn, run, tckn)


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def test_create_household_with_two_members():
    w = Workdir()
    c = Console(w, 24, 80)
    try:
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Kişi ara")
        c.send(F[5])                              # new household
        c.wait("Yeni hane")
        c.send(ENTER)                             # mahalle: choose
        c.wait("Seçenek")
        c.type("gundogdu")
        c.wait("Gündoğdu")
        c.send(ENTER)
        c.wait(lambda t: "Gündoğdu" in focused_line(c))
        c.send(TAB)
        c.type("Atatürk Cd.")
        c.send(TAB)
        c.type("12")
        c.send(TAB)
        c.type("3")
        c.send(TAB)
        c.type("0532 111 22 33")
        c.send(TAB)
        c.type("8.250,50")
        c.send(TAB)
        c.send(TAB)                               # notes: empty
        c.wait(lambda t: "TC Kimlik No" in focused_line(c))
        # A wrong check digit is refused at the field: the message shows
        # under it, the cursor stays, and the text typed is kept.
        bad = bad_tckn(11)
        c.type(bad)
        c.send(TAB)
        c.wait("Kontrol hanesi tutmuyor")
        line = focused_line(c)
        if "TC Kimlik No" not in line or bad not in line:
            raise Failure("invalid TC Kimlik No not kept at the field:\n" +
                          c.text())
        # The name typed on, without looking, into the full field: said,
        # not lost without a word.
        c.type("Ş")
        c.wait("TC Kimlik No: alan dolu (en çok 11 karakter)")
        c.send(BACKSPACE)
        c.type(tckn(11)[-1])
        c.wait_gone("Kontrol hanesi tutmuyor")
        c.send(TAB)
        c.wait(lambda t: "Ad *" in focused_line(c))
        c.type("Şükrü")
        c.send(TAB)
        c.type("Yılmaz")
        c.send(TAB)
        c.type("4.1.1950")
        c.send(TAB)
        c.wait("04.01.1950")                      # understood and shown
        c.send(F[2])                              # save
        c.wait("Yılmaz hanesi")
        c.wait("Şükrü Yılmaz")
        c.wait("1 kişi")
        c.wait("Gündoğdu")

        c.send(F[5])                              # add a member
        c.wait("Yeni üye")
        c.type(tckn(11))                          # Şükrü's number again
        c.wait("zaten kayıtlı")                   # warned while typing
        for _ in range(11):
            c.send(BACKSPACE)
        c.wait_gone("zaten kayıtlı")
        c.type(tckn(12))
        c.send(TAB)
        c.type("Ayşe")
        c.send(TAB)
        c.type("Yılmaz")
        c.send(TAB)
        c.type("02.03.1955")
        c.send(F[2])
        c.wait("Ayşe Yılmaz")
        c.wait("2 kişi")
        c.wait("eşi")
        out = w.hane("household", "show", "1")
        if "Ayşe" not in out or "Şükrü" not in out:
            raise Failure("household show lacks the members:\n" + out)
        c.send(ESC)
        c.wait("Kişi ara")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_search_as_you_type_120x40():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(21), "--first", "Şükrü",
           "--last", "Yılmaz", "--birth", "04.01.1950")
    w.hane("household", "add", "--tckn", tckn(22), "--first", "Ayşe",
           "--last", "Kaya", "--birth", "1960-05-06")
    w.hane("household", "add", "--tckn", tckn(23), "--first", "İsmail",
           "--last", "Işık", "--household", "2", "--relation", "child")
    c = Console(w, 40, 120)
    try:
        c.wait("Ana Menü")
        c.send(F[3])                              # search from anywhere
        c.wait("Ara:")
        # Nothing typed: the list says what to type, not "(kayıt yok)",
        # which read as if the registry were empty.
        t = c.wait("(aramak için ad, TC Kimlik No ya da telefon yazın)")
        if "(kayıt yok)" in t:
            raise Failure("the empty search says no records:\n" + t)
        c.type("zzzq")                            # typed, no match
        c.wait("(kayıt yok)")
        for _ in range(4):
            c.send(BACKSPACE)
        c.wait("(aramak için ad")
        c.type("sukru")
        t = c.wait("Şükrü Yılmaz")
        if "Ayşe Kaya" in t:
            raise Failure("'sukru' also shows Ayşe:\n" + t)
        for _ in range(5):
            c.send(BACKSPACE)
        c.type("ışık")                            # Turkish letters typed
        c.wait("İsmail Işık")
        c.wait_gone("Şükrü Yılmaz")
        c.send(BACKSPACE)                         # one character each
        c.wait(lambda t: "Ara: ışı " in t or "Ara: ışı\n" in t
               or c.line(1).rstrip().endswith("ışı") or "ışı " in c.line(1))
        for _ in range(3):
            c.send(BACKSPACE)
        c.type(tckn(22)[:9])                      # TC Kimlik No prefix
        c.wait("Ayşe Kaya")
        c.send(ENTER)                             # open the household
        c.wait("Kaya hanesi")
        c.wait("İsmail Işık")
        c.send(F[3])                              # F3 from the household
        c.wait(lambda t: "Kaya hanesi › Kişi ara" in c.line(0))
        c.send(ESC)
        c.wait(lambda t: c.line(0).rstrip().endswith("root")
               and "Kaya hanesi" in c.line(0)
               and "Kişi ara" not in c.line(0).split("Kaya hanesi")[1])
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_move_person_and_mark_passive():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(31), "--first", "Fatma",
           "--last", "Demir")
    w.hane("household", "add", "--tckn", tckn(32), "--first", "Ali",
           "--last", "Demir", "--household", "1", "--relation", "child")
    w.hane("household", "add", "--tckn", tckn(33), "--first", "Zeynep",
           "--last", "Çelik")
    c = Console(w, 24, 80)
    try:
        c.wait("Ana Menü")
        c.send(F[3])
        c.type("ali dem")
        c.wait("Ali Demir")
        c.send(ENTER)
        c.wait("Demir hanesi")
        c.send("\x1bOB")                          # down to Ali
        c.wait(lambda t: "▶Ali Demir" in t)
        c.send(F[6])                              # move
        c.wait("Taşınacak hane")
        c.type("zeynep")
        c.wait("Zeynep Çelik")
        c.send(ENTER)
        c.wait("taşınsın mı")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)                             # Evet
        c.wait("Kişi taşındı")
        c.wait_gone("Ali Demir")
        c.send(F[7])                              # passive
        c.wait("pasif yapılsın mı")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait("PASİF")
        out = w.hane("household", "show", "2")
        if "Ali" not in out:
            raise Failure("Ali not in household 2:\n" + out)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_member_disability_right_aligned():
    """The members' Engel column holds numbers (%40, %100): right-aligned
    as every number column, so their digits line up (#18; it was the one
    number column drawn from the left)."""
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(41), "--first", "Hasan",
           "--last", "Tekin", "--disability", "40")
    w.hane("household", "add", "--tckn", tckn(42), "--first", "Elif",
           "--last", "Tekin", "--household", "1", "--relation", "child",
           "--disability", "100")
    c = Console(w, 24, 80)
    try:
        c.wait("Ana Menü")
        c.send(F[3])
        c.type("hasan")
        c.wait("Hasan Tekin")
        c.send(ENTER)
        c.wait("Tekin hanesi")
        t = c.wait("Elif Tekin")
        a = next(ln for ln in c.screen.display if "Hasan Tekin" in ln)
        b = next(ln for ln in c.screen.display if "Elif Tekin" in ln)
        if "%40" not in a or "%100" not in b or \
                a.index("%40") + 3 != b.index("%100") + 4:
            raise Failure("%40 and %100 not right-aligned:\n" + t)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_household_opens_on_the_person_found():
    """A person found by search opens their household with the cursor on
    them, not on the head: Enter then opens the person who walked in
    (#18: found "sukru", the cursor was on his father)."""
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(51), "--first", "Ercan",
           "--last", "Bayram")
    w.hane("household", "add", "--tckn", tckn(52), "--first", "Şükrü",
           "--last", "Bayram", "--household", "1", "--relation", "child")
    c = Console(w, 24, 80)
    try:
        c.wait("Ana Menü")
        c.send(F[3])
        c.type("sukru")
        c.wait("Şükrü Bayram")
        c.send(ENTER)
        c.wait("Bayram hanesi")
        t = c.wait("Ercan Bayram")
        if "Şükrü Bayram" not in focused_line(c):
            raise Failure("the cursor is not on Şükrü:\n" + t)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


run([test_create_household_with_two_members, test_search_as_you_type_120x40,
     test_move_person_and_mark_passive, test_member_disability_right_aligned,
     test_household_opens_on_the_person_found])
