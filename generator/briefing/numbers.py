"""Numbers as cables write them: `1,365`, `8 million`, `$4,467.75.`, `31.8%`, `500-700`, `6,659,341 tenge`."""

from __future__ import annotations

import re
from dataclasses import dataclass

CURRENCY_WORDS: dict[str, str] = {
    "tenge": "KZT", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "euro": "EUR", "euros": "EUR", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY",
    "le": "EGP", "egyptian pounds": "EGP", "egyptian pound": "EGP", "lebanese pounds": "LBP", "lbp": "LBP",
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnya": "UAH", "uah": "UAH", "leva": "BGN", "lev": "BGN",
    "rupees": "INR", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "dinars": "KWD", "riyals": "SAR",
    "reais": "BRL", "lira": "TRY", "liras": "TRY", "new turkish lira": "TRY", "ytl": "TRY", "yen": "JPY",
    "shekels": "ILS", "nis": "ILS", "dong": "VND", "zloty": "PLN", "zlotys": "PLN",
    "usd": "USD", "kzt": "KZT", "rub": "RUB", "egp": "EGP", "cny": "CNY", "eur": "EUR",
}
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "le": "EGP", "egp": "EGP",
    "rmb": "CNY", "kzt": "KZT", "rub": "RUB", "£": "GBP", "lbp": "LBP", "uah": "UAH", "r$": "BRL", "rs": "INR",
    "rs.": "INR", "nt$": "TWD", "hk$": "HKD",
}
WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
"""Numbers written as words that may be statistics ("seven inspections"); "one" is too often not a count."""
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
"""`lakh` and `crore` are how Indian figures are written (`Rs 1.2 crore` is 12 million rupees)."""

_PREFIX = (r"(?:US\$\s?|U\.S\.\s?\$|USD\s?|R\$\s?|NT\$\s?|HK\$\s?|\$|€|£|LE\s?|EGP\s?|RMB\s?|KZT\s?|RUB\s?|LBP\s?|"
           r"UAH\s?|(?-i:Rs)\.?\s?)")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SUFFIX_WORDS = sorted((word for word in CURRENCY_WORDS if word not in ("usd", "kzt", "rub", "egp", "cny", "eur")),
                       key=len, reverse=True)
NUMBER = re.compile(
    rf"(?<![\w.,/$€£-])(?P<pre>{_PREFIX})?(?P<num>{_DIGITS})"
    rf"(?:\s?[-–]\s?(?P<pre2>{_PREFIX})?(?P<num2>{_DIGITS}))?"
    r"(?P<scale>\s?(?:thousand|million|mln|billion|bln|bn|trillion|lakhs?|crores?)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    rf"(?P<suf>[\s-](?:{'|'.join(re.escape(word) for word in _SUFFIX_WORDS)})\b)?"
    r"(?![\w/])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """One number found in text."""

    start: int
    end: int
    value: float
    high: float | None
    """Upper end of a range (`500-700`), else None."""
    currency: str | None
    percent: bool
    decimals: int
    """Digits after the decimal point as written (for rounding-aware checks)."""
    raw: str
    scaled: bool = False
    """True when written with a scale word (`8 million`)."""

    @property
    def is_year_like(self) -> bool:
        return (self.high is None and not self.percent and self.currency is None and not self.scaled
                and self.decimals == 0 and "," not in self.raw and 1900 <= self.value <= 2039)


def _digits(text: str) -> float:
    return float(text.replace(",", ""))


def _currency(pre: str | None, suf: str | None) -> str | None:
    if pre:
        code = CURRENCY_PREFIXES.get(pre.strip().lower().replace(" ", ""))
        if code:
            return code
    if suf:
        return CURRENCY_WORDS.get(" ".join(suf.lstrip("-").split()).lower())
    return None


FRACTION_OF_SCALE = re.compile(r"(?<![\w-])(?:(?:a|one)\s+)?(?P<part>quarter|half)\s+(?:of\s+)?(?:a\s+)?"
                               r"(?P<scale>million|billion)\b", re.IGNORECASE)
"""`a quarter of a million`, `half a million`: a number written as a fraction of a scale word."""
FRACTIONS = {"quarter": 0.25, "half": 0.5}
PERCENT_RANGE = re.compile(r"\s+(?:to|and)\s+")
"""`10 to 15 percent`, `between 10 and 20 percent`: one range, with the percent sign written once."""


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, in order, with its scale, range, currency and percent sign."""
    found = _written_numbers(text)
    for hit in FRACTION_OF_SCALE.finditer(text) if ("quarter" in text or "half" in text) else ():
        value = FRACTIONS[hit.group("part").lower()] * SCALES[hit.group("scale").lower()]
        found.append(Number(hit.start(), hit.end(), value, None, None, False, 0, hit.group(0), scaled=True))
    found.sort(key=lambda number: number.start)
    return _percent_ranges(text, found)


def _percent_ranges(text: str, found: list[Number]) -> list[Number]:
    """`10 to 15 percent` is one range (10-15%), unless it is a change: `from 10 to 15 percent`."""
    merged: list[Number] = []
    for number in found:
        previous = merged[-1] if merged else None
        if (previous is not None and number.percent and not previous.percent and previous.high is None
                and previous.currency is None and number.high is None and not previous.is_year_like
                and previous.value < number.value
                and PERCENT_RANGE.fullmatch(text[previous.end:number.start])):
            before = text[max(0, previous.start - 12):previous.start]
            joined_by_and = "and" in text[previous.end:number.start]
            if (re.search(r"\bbetween\s+$", before) if joined_by_and else not re.search(r"\bfrom\s+$", before)):
                merged[-1] = Number(previous.start, number.end, previous.value, number.value, None, True,
                                    previous.decimals, text[previous.start:number.end])
                continue
        merged.append(number)
    return merged


def _written_numbers(text: str) -> list[Number]:
    found: list[Number] = []
    for hit in NUMBER.finditer(text):
        num = hit.group("num")
        if len(num) > 1 and num.startswith("0") and "." not in num:
            continue  # page markers and serial numbers (00002103, 002 OF 023)
        num2 = hit.group("num2")
        scale = SCALES[hit.group("scale").strip().lower()] if hit.group("scale") else 1.0
        value = round(_digits(num) * scale, 6)
        high = round(_digits(num2) * scale, 6) if num2 else None
        pre = hit.group("pre") or hit.group("pre2")
        suf = hit.group("suf")
        currency = _currency(pre, suf)
        if suf and currency is None:
            suf = None
        decimals = len(num.split(".", 1)[1]) if "." in num else 0
        found.append(Number(hit.start(), hit.end(), value, high, currency, bool(hit.group("pct")),
                            decimals, hit.group(0), scaled=scale != 1.0))
    return found


def parse_number(text: str) -> Number | None:
    """The single number `text` is (surrounding punctuation allowed), or None.

    >>> parse_number("1,365").value
    1365.0
    """
    stripped = text.strip().rstrip(".;,)").lstrip("(")
    numbers = find_numbers(stripped)
    if len(numbers) != 1:
        return None
    number = numbers[0]
    rest = (stripped[: number.start] + stripped[number.end:]).strip()
    return number if not rest else None


def format_number(value: float, decimals: int | None = None) -> str:
    """Fixed formatting for pages: thousands separators, no float noise (`51,225`, `4,467.75`, `31.8`)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
        if decimals and round(value, 1) == round(value, 2):
            decimals = 1
    return f"{value:,.{decimals}f}"
