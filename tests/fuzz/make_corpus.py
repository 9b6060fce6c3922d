#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/*).

Every file is generated here: the people are invented and their TC Kimlik
numbers are checksum-valid numbers starting with 9 (the range the demo
uses, not real persons). The shapes are the ones staff bring: Excel's
"CSV (noktalı virgülle ayrılmış)" in Windows-1254 with ';' and CRLF, the
UTF-8 form with a BOM, quoted fields with line breaks, tab-separated
exports, blank ";;;;" rows, a last line without its line end, files from
old Macs (CR only), UTF-16 from "Unicode text", and broken ones.

The first byte of each csv/ and import/ file is the targets' option byte:
0 means "detect everything, default rules". Run: python3 make_corpus.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def tckn(n):
    d = [int(c) for c in "9%08d" % (n % 100000000)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7
           - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    return "".join(map(str, d)) + str(d10) + str(d11)


HEAD = ["Hane No", "TC Kimlik No", "Ad", "Soyad", "Doğum Tarihi",
        "Cinsiyet", "Yakınlık", "Engel Oranı", "Kronik Hastalık",
        "Telefon", "Mahalle", "Adres", "Bina No", "Daire No",
        "Aylık Gelir (TL)", "Notlar"]

ROWS = [
    ["1", tckn(11), "Şükrü", "Yılmaz", "04.01.1950", "E", "reis", "40",
     "Şeker", "0532 123 45 67", "Gündoğdu", "Atatürk Cd.", "12", "3",
     "8.250,50 TL", ""],
    ["1", tckn(12), "Ayşe", "Yılmaz", "2.3.1955", "K", "eşi", "", "",
     "", "", "", "", "", "", "Ev hanımı"],
    ["1", tckn(13), "İsmail", "Yılmaz", "1988-07-21", "E", "çocuğu", "",
     "", "+90 542 765 43 21", "", "", "", "", "", ""],
    ["2", tckn(21), "Çiğdem", "Öztürk", "29/02/1964", "K", "Reis", "100",
     "Astım; KOAH", "(262) 318 00 00", "gundogdu", "Cumhuriyet Mah.\n"
     "Şehit Sk.", "4", "", "12.000", "Not: \"acil\" ziyaret"],
    ["3", tckn(31), "IŞIK", "ĞÜLŞEN", "31.12.1999", "", "", "", "", "",
     "SERDAR", "", "", "", "0", "=HYPERLINK(\"http://x\")"],
    ["4", tckn(41), "Oğuz", "Kılıç", "01.01.1930", "e", "", "", "", "",
     "Yenişehir", "", "", "", "-5,00", "+1 veya -1 @ dikkat"],
]


def csv(rows, delim=";", eol="\r\n", quote_all=False):
    out = []
    for r in rows:
        cells = []
        for c in r:
            if quote_all or any(x in c for x in (delim, '"', "\n", "\r")):
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.append(delim.join(cells))
    return eol.join(out) + eol


def write(kind, name, body, opt=0):
    d = os.path.join(HERE, "corpus", kind)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(bytes([opt]) + body)


def files():
    table = [HEAD] + ROWS
    yield "excel-1254-semicolon.csv", csv(table).encode("cp1254")
    yield "excel-utf8-bom.csv", b"\xef\xbb\xbf" + csv(table).encode()
    yield "plain-utf8-comma.csv", csv(table, ",", "\n").encode()
    yield "tabs.tsv", csv(table, "\t", "\n").encode()
    yield "quoted-all.csv", csv(table, ";", "\r\n", True).encode()
    yield "mac-cr.csv", csv(table, ";", "\r").encode("cp1254")
    yield "no-last-eol.csv", csv(table, ",", "\n").encode()[:-1]
    yield "blank-rows.csv", (csv(table) + ";;;;;;;;;;;;;;;\r\n\r\n"
                             + ";;\r\n").encode("cp1254")
    yield "extra-columns.csv", csv(
        [HEAD + ["Renk", "Ad", ""]] + [r + ["mavi", "X", ""] for r in ROWS]
    ).encode()
    yield "full-name.csv", csv(
        [["Adı Soyadı", "T.C. KİMLİK NO", "Cep Tel", "Mahallesi"],
         ["Şükrü Yılmaz", tckn(51), "05321234567", "cedit"],
         ["Ayşe Nur Kaya", tckn(52), "532 123 4567", "Akarca"]]).encode()
    yield "bad-rows.csv", csv(
        [HEAD[:6],
         ["1", "12345678901", "A", "B", "32.13.2020", "X"],
         ["1", tckn(61), "", "", "", ""],
         ["2", tckn(61), "Aynı", "Numara", "01.01.2000", "K"],
         ["3", "", "Yeni", "Doğan", "01.01.2026", "K"],
         ["4", "abc", "x" * 300, "y", "2000", "E"]]).encode()
    yield "header-only.csv", (";".join(HEAD) + "\r\n").encode("cp1254")
    yield "unterminated-quote.csv", (
        "Ad;Soyad;TC Kimlik No\r\n\"Ali;Kaya;" + tckn(71) + "\r\n"
        "Veli;Kaya;" + tckn(72) + "\r\n").encode()
    yield "stray-quote.csv", (
        "Ad,Soyad,TC Kimlik No\nAl\"i,Kaya,%s\n\"Ve\"li\",K,%s\n"
        % (tckn(73), tckn(74))).encode()
    yield "utf16le.csv", "\ufeffAd;Soyad\r\nAli;Kaya\r\n".encode("utf-16-le")
    yield "nul-byte.csv", b"Ad;Soyad\r\nAli\x00;Kaya\r\n"
    yield "mixed-encoding.csv", ("Ad;Soyad\r\n".encode()
                                 + "Şükrü;Yılmaz\r\n".encode()
                                 + "Ayşe;Kılıç\r\n".encode("cp1254"))
    yield "ragged.csv", b"a;b;c\r\n1\r\n1;2;3;4;5\r\n;\r\n\"\"\r\n"
    yield "empty.csv", b""


def fields():
    yield "date-dots", b"04.01.1950"
    yield "date-slash", b"4/1/1950"
    yield "date-iso", b"1950-01-04"
    yield "date-bad", b"31.02.2021"
    yield "money", "8.250,50 TL".encode()
    yield "money-lira", "₺12.000".encode()
    yield "money-neg", b"-12,5"
    yield "money-big", b"92233720368547758,07"
    yield "phone", b"0532 123 45 67"
    yield "phone-intl", b"+90 (262) 318-00-00"
    yield "tckn", tckn(99).encode()
    yield "name", "  İSMAİL   IŞIK-ĞÜLŞEN  ".encode()
    yield "name-1254", "Şükrü Çağlar".encode("cp1254")
    yield "combining", "e\u0301\u4e2d\u6587\U0001f600".encode()
    yield "formula", b"=cmd|' /C calc'!A0"
    yield "excel-id", b'="05321234567"'


def units():
    """(name, option byte, file) for fuzz_units: 0 supply, 1 donations,
    2 inspection requests, 3 taxi appointments. Persons are the five
    households fuzz_units.c makes: tckn(11) … tckn(15)."""
    yield "supply.csv", 0, csv([
        ["Tarih", "Market", "Şube", "Kategori", "Miktar", "Birim",
         "Tutar (TL)"],
        ["01.06.2026", "Market 1 (örnek)", "İzmit", "Sebze", "120", "kg",
         "4.500,00"],
        ["02.06.2026", "market 2", "Gölcük", "Meyve", "80,5", "KG", "3.200"],
        ["31.06.2026", "", "Yok", "Taş", "-1", "ton", "abc"]]).encode("cp1254")
    yield "donations.csv", 1, csv([
        ["Tarih", "Şube", "Bağışçı", "Kategori", "Miktar", "Birim", "Tutar",
         "Not"],
        ["2026-06-01", "İzmit", "Bağışçı 1 (örnek)", "kuru gıda", "25", "kg",
         "1.250,00", ""],
        ["2026-06-02", "", "", "konserve", "48", "adet", "300",
         "gece\nbırakıldı"]], ",", "\n").encode()
    yield "inspection.csv", 2, csv([
        ["TC Kimlik No", "Başvuru Tarihi", "Kanal", "Yönlendiren",
         "Başvuru Nedeni", "Açıklama", "Aciliyet"],
        [tckn(11), "01.06.2026", "telefon", "", "gıda yardımı", "", "acil"],
        [tckn(12), "2026-06-02", "", "Valilik", "kira", "Not; uzun", ""],
        [tckn(11), "01.06.2026", "telefon", "", "gıda yardımı", "", ""],
        ["12345678901", "", "", "", "", "", ""]]).encode()
    yield "taxi.csv", 3, b"\xef\xbb\xbf" + csv([
        ["TC Kimlik No", "Tarih", "Randevu Saati", "Hedef", "Amaç",
         "Dönüş Saati", "Alış Adresi", "Araç", "Not"],
        [tckn(13), "17.06.2026", "09:30", "SEAH Hastanesi", "diyaliz",
         "13:00", "", "", ""],
        [tckn(14), "18.06.2026", "25:00", "", "", "", "", "41 XX 000", ""],
        [tckn(13), "17.06.2026", "09:45", "SEAH Hastanesi", "muayene",
         "", "", "", "çakışma"]]).encode()


def main():
    for name, body in files():
        write("csv", name, body)
        write("import", name, body)
    # The same files under other rules: duplicates updated or failing, dry
    # run, rejects written, encodings forced.
    for name, body in list(files())[:4]:
        write("import", "update-" + name, body, 0x01 | 0x20)
        write("import", "fail-dry-" + name, body, 0x02 | 0x04)
        write("csv", "forced-1254-" + name, body, 0x02)
        write("csv", "forced-comma-" + name, body, 0x04)
    for name, body in fields():
        write("fields", name, body)
    for name, opt, body in units():
        write("units", name, body, opt)
        write("units", "dry-" + name, body, opt | 0x04)
    # Each importer also gets the households shapes: headers it does not
    # know, encodings, broken quoting.
    for name, body in list(files())[:8]:
        for opt in range(4):
            write("units", "%d-%s" % (opt, name), body, opt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
