from decimal import Decimal

import pytest

from ortak.core import turkish


@pytest.mark.parametrize(
    ("text", "expected"),
    [("İSTANBUL", "istanbul"), ("IŞIK", "ışık"), ("ISPARTA", "ısparta"), ("Çağlayan", "çağlayan")],
)
def test_lower_uses_turkish_dotted_and_dotless_i(text, expected):
    assert turkish.lower(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("istanbul", "İSTANBUL"), ("ışık", "IŞIK"), ("izmir", "İZMİR")]
)
def test_upper_uses_turkish_dotted_and_dotless_i(text, expected):
    assert turkish.upper(text) == expected


def test_title_capitalises_dotted_i():
    assert turkish.title("iZMİR ili") == "İzmir İli"


def test_search_key_makes_isparta_spellings_meet():
    keys = {turkish.search_key(t) for t in ["ISPARTA", "Isparta", "ısparta", "İsparta"]}
    assert keys == {"isparta"}
    assert turkish.search_key("ıspart") in turkish.search_key("Isparta")
    assert turkish.search_key("Çevre") == turkish.search_key("çevre")


def test_sort_key_follows_turkish_alphabet():
    names = ["İzmir", "Çankırı", "Zonguldak", "Isparta", "Burdur", "Denizli", "Şanlıurfa", "Sinop"]
    assert sorted(names, key=turkish.sort_key) == [
        "Burdur", "Çankırı", "Denizli", "Isparta", "İzmir", "Sinop", "Şanlıurfa", "Zonguldak",
    ]  # fmt: skip


def test_collation_key_orders_like_sort_key():
    names = [
        "Ağrı",
        "Adana",
        "Çorum",
        "Ceyhan",
        "Iğdır",
        "İstanbul",
        "Uşak",
        "Ünye",
        "Ordu",
        "Ödemiş",
    ]
    assert sorted(names, key=turkish.collation_key) == sorted(names, key=turkish.sort_key)
    assert sorted(names, key=turkish.collation_key)[:4] == ["Adana", "Ağrı", "Ceyhan", "Çorum"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Işık Sokağı", "isik-sokagi"),
        ("Çağlayan", "caglayan"),
        ("Adana Büyükşehir Belediyesi", "adana-buyuksehir-belediyesi"),
        ("  İzmir / Karşıyaka  ", "izmir-karsiyaka"),
        ("ŞİŞLİ", "sisli"),
    ],
)
def test_slugify_transliterates_turkish_letters(text, slug):
    assert turkish.slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1234,5", Decimal("1234.5")),
        ("1.234.567", Decimal("1234567")),
        ("106.781", Decimal("106781")),
        ("-12,5", Decimal("-12.5")),
        ("42", Decimal("42")),
        (" 7 ", Decimal("7")),
        (3.5, Decimal("3.5")),
        (12, Decimal("12")),
    ],
)
def test_parse_number_reads_turkish_formats(text, value):
    assert turkish.parse_number(text) == value


@pytest.mark.parametrize("text", ["", "12.5", "1,2,3", "1.23,4.5", "abc", "1.2345", "12,a"])
def test_parse_number_rejects_bad_text_naming_it(text):
    with pytest.raises(turkish.TurkishNumberError) as excinfo:
        turkish.parse_number(text)
    assert repr(text) in str(excinfo.value)


def test_parse_lira_reads_amounts_with_markers():
    assert turkish.parse_lira("1.234.567 ₺") == Decimal("1234567")
    assert turkish.parse_lira("1.234,56 TL") == Decimal("1234.56")


def test_parse_lira_rejects_three_decimals_as_ambiguous():
    with pytest.raises(turkish.TurkishNumberError) as excinfo:
        turkish.parse_lira("106.781,346 ₺")
    assert "106.781,346 ₺" in str(excinfo.value)


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (Decimal("1234.56"), 2, "1.234,56"),
        (Decimal("1234567"), 0, "1.234.567"),
        (Decimal("0.005"), 2, "0,01"),
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (999, 0, "999"),
        (Decimal("42.5"), 0, "43"),
    ],
)
def test_format_number_uses_turkish_separators_and_half_up(value, decimals, text):
    assert turkish.format_number(value, decimals) == text


def test_format_lira_appends_sign():
    assert turkish.format_lira(1234567) == "1.234.567 ₺"
