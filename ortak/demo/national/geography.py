"""Numbers per province that shape the municipalities: districts and population.

``DISTRICTS``: the number of districts (ilçe) of each province, by plate code (2024). In the 30
metropolitan provinces every district has a metropolitan district municipality (519 in all); in
the other 51 the central district is served by the provincial municipality and every other one
has a district municipality (about 400). Towns (belde, about 390, only outside metropolitan
provinces since Law 6360) are spread over the 51 provinces in proportion to their districts.

``POPULATION``: rounded province populations in thousands (ADNKS 2024, approximate). They only
steer the synthetic populations of generated municipalities (which decide ``plan_required``);
the reference municipalities keep their own figures.
"""

from __future__ import annotations

TOWNS = 389

DISTRICTS: dict[int, int] = {
    1: 15, 2: 9, 3: 18, 4: 8, 5: 7, 6: 25, 7: 19, 8: 8, 9: 17, 10: 20,
    11: 8, 12: 8, 13: 7, 14: 9, 15: 11, 16: 17, 17: 12, 18: 12, 19: 14, 20: 19,
    21: 17, 22: 9, 23: 11, 24: 9, 25: 20, 26: 14, 27: 9, 28: 16, 29: 6, 30: 5,
    31: 15, 32: 13, 33: 13, 34: 39, 35: 30, 36: 8, 37: 20, 38: 16, 39: 8, 40: 7,
    41: 12, 42: 31, 43: 13, 44: 13, 45: 17, 46: 11, 47: 10, 48: 13, 49: 6, 50: 8,
    51: 6, 52: 19, 53: 12, 54: 16, 55: 17, 56: 7, 57: 9, 58: 17, 59: 11, 60: 12,
    61: 18, 62: 8, 63: 13, 64: 6, 65: 13, 66: 14, 67: 8, 68: 8, 69: 3, 70: 6,
    71: 9, 72: 6, 73: 7, 74: 4, 75: 6, 76: 4, 77: 6, 78: 6, 79: 4, 80: 7,
    81: 8,
}  # fmt: skip

POPULATION: dict[int, int] = {
    1: 2270, 2: 610, 3: 750, 4: 500, 5: 335, 6: 5860, 7: 2700, 8: 170, 9: 1160, 10: 1275,
    11: 230, 12: 280, 13: 360, 14: 320, 15: 275, 16: 3210, 17: 560, 18: 200, 19: 525, 20: 1060,
    21: 1820, 22: 415, 23: 600, 24: 240, 25: 750, 26: 915, 27: 2190, 28: 450, 29: 145, 30: 280,
    31: 1540, 32: 445, 33: 1920, 34: 15700, 35: 4490, 36: 275, 37: 380, 38: 1450, 39: 370, 40: 245,
    41: 2100, 42: 2320, 43: 580, 44: 740, 45: 1470, 46: 1120, 47: 880, 48: 1050, 49: 400, 50: 310,
    51: 370, 52: 770, 53: 345, 54: 1110, 55: 1380, 56: 330, 57: 225, 58: 640, 59: 1170, 60: 600,
    61: 820, 62: 90, 63: 2210, 64: 375, 65: 1120, 66: 420, 67: 590, 68: 435, 69: 85, 70: 260,
    71: 280, 72: 640, 73: 570, 74: 205, 75: 90, 76: 205, 77: 305, 78: 250, 79: 155, 80: 560,
    81: 410,
}  # fmt: skip

POPULATION_YEAR = 2024
