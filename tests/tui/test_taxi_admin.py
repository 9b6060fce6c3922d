"""Engelsiz Taksi's own lists in the console (#17 item 1): from the unit's
menu (5), a taxi administrator adds a driver, a vehicle (then gives it
the driver with F4), a destination, and changes a setting; bad input is
refused naming the field; the database holds what was typed. A reporter
gets the same lists without F4/F5; the riders list opens a rider's page.
Vehicles, drivers and the rider here are set up with the CLI only where
the test needs them already there."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, ENTER, ESC, F, RIGHT, TAB,  # noqa: E402
                    Console, Failure, Workdir, run, tckn)

UNUSED = "bu ekranda kullanılmıyor"


def world():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(811), "--first", "Ayşe",
           "--last", "Kaya", "--disability", "80", "--street",
           "Atatürk Cd.")
    w.hane("taxi", "rider", "add", "1", "--aid", "tekerlekli")
    w.hane("staff", "add", "rapor", "--name", "Rapor Bakan", "--role",
           "reporter")
    return w


def open_list(c, word, shows):
    """5, then the menu entry typed (type-ahead) and Enter."""
    c.send("5")
    c.wait("Gün çizelgesi")
    c.type(word)
    c.wait("Ara: " + word)
    c.send(ENTER)
    c.wait(shows)


def status(c):
    return c.line(c.rows - 2)


def test_admin_adds_and_edits():
    w = world()
    c = Console(w)
    try:
        c.wait("Ana Menü")
        # A driver, and a phone that is not one.
        open_list(c, "Şoför", "Ad")
        bar = c.line(c.rows - 1)
        for k in ("F4 Düzenle", "F5 Yeni", "F6 Sırala"):
            if k not in bar:
                raise Failure("the drivers' bar lacks %r: %s" % (k, bar))
        c.send(F[5])
        c.wait("Şoför · Yeni")
        c.type("Hasan Direksiyon")
        c.send(TAB)
        c.type("123")
        c.send(F[2])
        c.wait("✗ Telefon: Geçersiz telefon")   # under the field, named
        for _ in range(3):
            c.send(BACKSPACE)
        c.type("0532 111 22 33")
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait("0532 111 22 33")
        c.send(ESC)
        c.wait("Gün çizelgesi")
        c.send(ESC)
        c.wait_gone("Gün çizelgesi")
        # A vehicle: a bad plate first, then a good one.
        open_list(c, "Araç", "Plaka")
        c.send(F[5])
        c.wait("Araç · Yeni")
        c.type("ABC")
        c.send(F[2])
        c.wait("✗ Plaka geçersiz: 'ABC'")
        for _ in range(3):
            c.send(BACKSPACE)
        c.type("41 xy 99")
        c.send(TAB)
        c.send(BACKSPACE)
        c.type("2")                    # wheelchair places
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait("41 XY 99")
        # F4 on it: the usual driver.
        c.type("xy")
        c.wait(lambda t: "41 ABC" not in t and "1 sonuç" in t)
        c.send(F[4])
        c.wait("Araç · Düzenle")
        c.send(TAB)
        c.send(TAB)
        c.send(TAB)                    # plate → places → seats → driver
        c.send(RIGHT)                  # (yok) → Hasan Direksiyon
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait("Hasan Direksiyon")
        c.send(ESC)
        c.wait("Gün çizelgesi")
        c.send(ESC)
        c.wait_gone("Gün çizelgesi")
        # A destination.
        open_list(c, "Hedef", "Tür")
        c.send(F[5])
        c.wait("Hedef · Yeni")
        c.type("Yahya Kaptan Fizik Tedavi")
        c.send(TAB)
        c.send(RIGHT)                  # hastane → fizik tedavi
        c.send(TAB)
        c.type("Yahya Kaptan Mh.")
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait("Yahya Kaptan Fizik")
        # Removed: F4, Aktif → Hayır; it stays in this list as pasif
        # (and leaves the booking form's), and comes back the same way.
        c.type("yahya")
        c.wait("1 sonuç")
        c.send(F[4])
        c.wait("Hedef · Düzenle")
        c.send(TAB)
        c.send(TAB)
        c.send(TAB)                    # name → kind → address → Aktif
        c.type("h")
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait("pasif")
        if "Yahya" in w.hane("taxi", "destination", "list"):
            raise Failure("a removed destination is still offered")
        c.send(F[4])
        c.wait("Hedef · Düzenle")
        c.send(TAB)
        c.send(TAB)
        c.send(TAB)
        c.type("e")
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait_gone("pasif")
        c.send(ESC)
        c.wait("Gün çizelgesi")
        c.send(ESC)
        c.wait_gone("Gün çizelgesi")
        # A setting: the least engel oranı for a rider, 40 → 50; a word
        # is refused under the field.
        open_list(c, "Ayar", "Değer")
        c.type("engel")
        c.wait("1 sonuç")
        c.send(F[4])
        c.wait("Ayar · Yolcu için en az engel")
        c.send(BACKSPACE)
        c.send(BACKSPACE)
        c.type("çok")
        c.send(F[2])
        c.wait("geçersiz")
        for _ in range(3):
            c.send(BACKSPACE)
        c.type("50")
        c.send(F[2])
        c.wait("Kaydedildi")
        c.wait(lambda t: " 50" in t)
    finally:
        c.close()
    out = w.hane("taxi", "driver", "list")
    if "Hasan Direksiyon" not in out or "0532 111 22 33" not in out:
        raise Failure("the driver is not stored:\n" + out)
    out = w.hane("taxi", "vehicle", "list")
    if "41 XY 99\t♿2" not in out or "Hasan Direksiyon" not in out:
        raise Failure("the vehicle is not stored with its driver:\n" + out)
    out = w.hane("taxi", "destination", "list")
    if "Yahya Kaptan Fizik Tedavi\tphysio\tYahya Kaptan Mh." not in out:
        raise Failure("the destination is not stored:\n" + out)
    out = w.hane("taxi", "setting")
    if "min_disability\t50" not in out:
        raise Failure("the setting is not stored:\n" + out)
    w.cleanup()


def test_reporter_and_riders():
    w = world()
    w.hane("taxi", "vehicle", "add", "41abc123", "--wheelchair", "1")
    c = Console(w, args=("--user", "rapor"))
    try:
        c.wait("Ana Menü")
        open_list(c, "Araç", "41 ABC 123")
        bar = c.line(c.rows - 1)
        if "F4" in bar or "F5" in bar:
            raise Failure("a reporter is offered add/edit:\n" + bar)
        # The unit's own records sort (F6) like every unit's (#18).
        if "F6 Sırala" not in bar or "F7" in bar:
            raise Failure("the vehicles' bar:\n" + bar)
        c.send(F[5])
        c.wait(UNUSED)
        c.send(ESC)
        c.wait("Gün çizelgesi")
        c.type("Yolcu")
        c.wait("Ara: Yolcu")
        c.send(ENTER)
        t = c.wait("Kaya")
        if "tekerlekli" in t.lower():
            raise Failure("a reporter sees the rider's aid:\n" + t)
        if "F4" in c.line(c.rows - 1):
            raise Failure("a reporter is offered the rider's edit")
        c.type("kay")
        c.send(ENTER)
        c.wait("Yolcu No 1")
        if "F5" in c.line(c.rows - 1):
            raise Failure("a reporter is offered booking")
    finally:
        c.close()
    # The taxi unit's own staff (here the administrator) see the aid.
    c = Console(w)
    try:
        c.wait("Ana Menü")
        open_list(c, "Yolcu", "Kaya")
        c.wait("tekerlekli")
        c.send(F[4])
        c.wait("Yolcu · Ayşe Kaya")
    finally:
        c.close()
    w.cleanup()


def person_page(c, who):
    """F3, the name, its household, the head's page."""
    c.send(F[3])
    c.wait("Ara:")
    c.type(who)
    c.wait(lambda t: "(kayıt yok)" not in t and "Ara: " + who in t)
    c.send(ENTER)
    c.wait("hanesi")
    c.send(ENTER)
    c.wait("Bu kişinin hizmetleri")


def test_person_page_rider_rules_and_edit():
    """Under the engel oranı limit the row says so and Enter explains
    instead of opening a form; a rider's F4 edits the aid, companion and
    notes, stored as typed."""
    w = world()
    w.hane("household", "add", "--tckn", tckn(812), "--first", "Veli",
           "--last", "Ölçer", "--disability", "30", "--street", "İnönü Cd.")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        person_page(c, "veli")
        c.wait("yolcu olamaz: engel oranı %30")
        c.send(ENTER)
        c.wait("%40 gerekir")             # the dialog says why
        c.send(ENTER)
        c.wait_gone("%40 gerekir")
        if "Yolcu kaydı" in c.text():
            raise Failure("a form opened for someone who cannot ride")
        person_page(c, "ayşe")
        c.wait("yolcu · tekerlekli sandalye")
        c.send(ENTER)
        c.wait("Yolcu No 1")
        c.send(F[4])
        c.wait("Yolcu · Ayşe Kaya")
        c.send(RIGHT)                  # tekerlekli → (wraps to) yok
        c.send(TAB)
        c.type("e")                    # companion
        c.send(TAB)
        c.type("Kapı zili bozuk, arayın")
        c.send(F[2])
        c.wait("Yolcu #1 kaydedildi")
        c.wait("Kapı zili bozuk")
    finally:
        c.close()
    out = w.hane("taxi", "rider", "show", "1")
    if "Refakatçi: evet" not in out or "Kapı zili bozuk" not in out:
        raise Failure("the edit is not stored:\n" + out)
    out = w.hane("taxi", "rider", "list")
    if "Ölçer" in out:
        raise Failure("a person under the limit became a rider:\n" + out)
    w.cleanup()


if __name__ == "__main__":
    run([test_admin_adds_and_edits, test_reporter_and_riders,
         test_person_page_rider_rules_and_edit])
