"""Turkish text and numbers done right.

Python's ``str.lower()`` maps "I" to "i" and ``str.upper()`` maps "i" to "I", which is wrong in
Turkish (I ↔ ı, İ ↔ i). Sorting by code point puts "Çankırı" after "Zonguldak". Number formats use
"." for thousands and "," for decimals. Every place in Ortak that folds, sorts, slugs, parses or
formats Turkish text goes through this module.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "TurkishNumberError",
    "casefold",
    "collation_key",
    "format_lira",
    "format_number",
    "lower",
    "parse_lira",
    "parse_number",
    "search_key",
    "slugify",
    "sort_key",
    "title",
    "upper",
]

_LOWER_MAP = str.maketrans({"I": "ı", "İ": "i"})
_UPPER_MAP = str.maketrans({"i": "İ", "ı": "I"})

# Turkish alphabet order: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z.
_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Letters outside the Turkish alphabet (q, w, x, accented loans) sort after their base letter.
_EXTRA = {"q": "p", "w": "v", "x": "v", "â": "a", "î": "i", "û": "u", "é": "e"}

_ASCII_MAP = str.maketrans(
    {
        "ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g", "ı": "i", "I": "i", "İ": "i",
        "ö": "o", "Ö": "o", "ş": "s", "Ş": "s", "ü": "u", "Ü": "u",
        "â": "a", "Â": "a", "î": "i", "Î": "i", "û": "u", "Û": "u",
    }
)  # fmt: skip


def lower(text: str) -> str:
    """Lower-case with Turkish rules: "İSTANBUL" → "istanbul", "IŞIK" → "ışık"."""
    return unicodedata.normalize("NFC", text).translate(_LOWER_MAP).lower()


def upper(text: str) -> str:
    """Upper-case with Turkish rules: "istanbul" → "İSTANBUL", "ışık" → "IŞIK"."""
    return unicodedata.normalize("NFC", text).translate(_UPPER_MAP).upper()


def title(text: str) -> str:
    """Title-case each word with Turkish rules: "iZMİR ili" → "İzmir İli"."""
    return " ".join(upper(word[:1]) + lower(word[1:]) for word in text.split(" "))


def casefold(text: str) -> str:
    """Fold case for comparison: Turkish lower-casing, then collapse white space."""
    return " ".join(lower(text).split())


def search_key(text: str) -> str:
    """A key under which "ISPARTA", "ıspart" and "Isparta" meet.

    Users type without Turkish letters on foreign keyboards, and "I" is ambiguous between
    "ı" and "i"; search therefore folds everything to lower-case ASCII.
    """
    folded = casefold(text).translate(_ASCII_MAP)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sort_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key following the Turkish alphabet: "Burdur" < "Çankırı" < "Denizli", "Isparta" < "İzmir"."""
    key: list[tuple[int, int, str]] = []
    for ch in casefold(text):
        if ch in _RANK:
            key.append((0, _RANK[ch] * 2, ch))
        elif ch in _EXTRA:
            key.append((0, _RANK[_EXTRA[ch]] * 2 + 1, ch))
        elif ch.isdigit():
            key.append((-1, int(ch), ch))
        elif ch == " ":
            key.append((-2, 0, ch))
        else:
            key.append((1, ord(ch), ch))
    return tuple(key)


def collation_key(text: str) -> str:
    """A plain string whose code-point order is the Turkish alphabetical order.

    Stored in a model column (``name_sort``) so that the database can sort and paginate
    Turkish names correctly on SQLite and PostgreSQL alike, whatever their collation.
    """
    out = []
    for kind, rank, ch in sort_key(text):
        if kind == -2:
            out.append("\u0020")
        elif kind == -1:
            out.append(chr(0x30 + rank))
        elif kind == 0:
            out.append(chr(0x41 + rank))
        else:
            out.append(chr(0x100 + min(ord(ch), 0xD000)))
    return "".join(out)


def slugify(text: str, max_length: int = 80) -> str:
    """URL slug: "Işık Sokağı" → "isik-sokagi", "Çağlayan" → "caglayan"."""
    ascii_text = search_key(text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


class TurkishNumberError(ValueError):
    """A text could not be read as a number; the message names the text."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"{text!r}: {reason}")


_LIRA_MARKERS = ("₺", "TL", "TRY")
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


def parse_number(text: str | int | float | Decimal) -> Decimal:
    """Read a Turkish-formatted number: "1.234,56" → Decimal("1234.56").

    Accepted: plain digits ("1234"), a decimal comma ("1234,5"), dot-grouped thousands
    ("1.234.567"), both ("1.234,56"), a leading minus, and numbers that are already numeric
    (spreadsheet cells). A single dot followed by exactly three digits ("106.781") is read as a
    thousands separator, as Turkish documents write it; a dot that cannot be a thousands
    separator ("12.5") is rejected as ambiguous, as is more than one comma.
    """
    if isinstance(text, bool):
        raise TurkishNumberError(str(text), "not a number")
    if isinstance(text, int | Decimal):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    raw = text
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise TurkishNumberError(raw, "empty")
    negative = cleaned.startswith(("-", "−"))
    if negative or cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if cleaned.count(",") > 1:
        raise TurkishNumberError(raw, "more than one decimal comma")
    integer_part, _, fraction = cleaned.partition(",")
    if "." in fraction:
        raise TurkishNumberError(raw, "a dot after the decimal comma")
    if _GROUPED.match(integer_part):
        integer_part = integer_part.replace(".", "")
    elif not _PLAIN.match(integer_part):
        raise TurkishNumberError(
            raw, "ambiguous or invalid: use a comma for decimals and dots for thousands"
        )
    if fraction and not fraction.isdigit():
        raise TurkishNumberError(raw, "invalid decimal part")
    try:
        value = Decimal(f"{integer_part}.{fraction}" if fraction else integer_part)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude this
        raise TurkishNumberError(raw, "invalid") from exc
    return -value if negative else value


def parse_lira(text: str | int | float | Decimal) -> Decimal:
    """Read a lira amount: "1.234.567 ₺", "1.234,56 TL" → Decimal; at most two decimals (kuruş).

    "106.781,346 ₺" is rejected: a lira amount has at most two decimals, so the text is
    ambiguous (a typo for 106.781,35 or for 106.781.346?).
    """
    if isinstance(text, str):
        stripped = text.strip()
        for marker in _LIRA_MARKERS:
            stripped = stripped.replace(marker, "")
        value = parse_number(stripped)
    else:
        value = parse_number(text)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise TurkishNumberError(str(text), "a lira amount has at most two decimals (kuruş)")
    return value


def format_number(value: Decimal | int | float | None, decimals: int = 0) -> str:
    """Format with Turkish separators: 1234.56 → "1.234,56" (half-up rounding)."""
    if value is None:
        return "–"
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    quantum = Decimal(1).scaleb(-decimals)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    integer, _, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = ".".join(groups)
    if decimals > 0:
        text = f"{text},{fraction.ljust(decimals, '0')}"
    return sign + text


def format_lira(value: Decimal | int | float | None, decimals: int = 0) -> str:
    """Format a lira amount: 1234567 → "1.234.567 ₺"."""
    if value is None:
        return "–"
    return f"{format_number(value, decimals)} ₺"
