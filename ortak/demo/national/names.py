"""Turkish word banks for synthetic names: places, people and organizations.

District, town and neighbourhood names are made the way many real ones are: a head and a tail
("Kara" + "ağaç", "Yeşil" + "ova"). People get common Turkish first names and surnames.
"""

from __future__ import annotations

import random

PLACE_HEADS = (
    "Ak", "Kara", "Kızıl", "Sarı", "Yeşil", "Gök", "Demir", "Taş", "Çam", "Kavak", "Çınar",
    "Pınar", "Dere", "Göl", "Yayla", "Bağ", "Bahçe", "Alaca", "Ilıca", "Orta", "Yeni", "Eski",
    "Büyük", "Küçük", "Aşağı", "Yukarı", "Dağ", "Ova", "Kaya", "Tepe", "Kuyu", "Köprü",
    "Değirmen", "Çeşme", "Hisar", "Kale", "Saray", "Han", "Pazar", "Elma", "Ceviz", "Meşe",
    "Söğüt", "Kiraz", "Gül", "Şeker", "Bal", "Kuş", "Ayaz", "Güney", "Doğan", "Ören",
)  # fmt: skip
PLACE_TAILS = (
    "köy", "pınar", "dere", "ova", "yurt", "kent", "tepe", "yayla", "bağ", "hisar", "kale",
    "su", "çam", "göl", "kaya", "yazı", "ören", "bük", "alan", "pazar", "şehir", "ağaç",
    "dağ", "belen", "çayır", "oba", "eli", "veren", "yaka", "burun",
)  # fmt: skip

FIRST_NAMES = (
    "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra", "Sultan",
    "Hanife", "Merve", "Havva", "Zeliha", "Esra", "Fadime", "Özlem", "Hülya", "Yasemin", "Büşra",
    "Ebru", "Derya", "Gülşen", "Sevgi", "Dilek", "Melek", "Songül", "Tuğba", "Kübra", "İrem",
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman",
    "Yusuf", "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Recep",
    "Salih", "Fatih", "Kadir", "Emre", "Hakan", "Burak", "Serkan", "Onur", "Cem", "Barış",
    "Deniz", "Umut", "Can", "Eren", "Volkan", "Levent", "Tolga", "Uğur", "Gökhan", "Çağlar",
)  # fmt: skip
LAST_NAMES = (
    "Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Polat", "Korkmaz", "Karataş", "Erdoğan", "Aktaş", "Güneş", "Bulut", "Keskin",
    "Tekin", "Ünal", "Gül", "Turan", "Işık", "Acar", "Uçar", "Karaca", "Çakır", "Özer",
    "Kaplan", "Avcı", "Tunç", "Sarı", "Bozkurt", "Coşkun", "Akın", "Güler", "Ateş", "Taş",
)  # fmt: skip


def place_names(rng: random.Random, count: int, taken: set[str] | None = None) -> list[str]:
    """``count`` distinct place names ("Karaağaç", "Yeşilova"), none of them in ``taken``."""
    taken = set(taken or ())
    pool = [
        head + tail
        for head in PLACE_HEADS
        for tail in PLACE_TAILS
        if head.lower() != tail and head + tail not in taken
    ]
    if count > len(pool):
        raise ValueError(f"only {len(pool)} place names are left, {count} asked")
    return rng.sample(pool, count)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
