"""Verify a cable's own arithmetic: percentage changes, currency conversions, parts against totals."""

from __future__ import annotations

import re

from ..model import Cable, FigureCheck
from .numbers import format_number
from .statistics import Figure, _kind, figures_of

_CHANGE_BEFORE = re.compile(r"\b(increase|decrease|rise|growth|drop|decline|jump|fall|reduction|up|down|gain|"
                            r"increased|decreased|rose|fell|grew|dropped|declined)\s+(?:of\s+|by\s+)?"
                            r"(?:about\s+|approximately\s+|nearly\s+|some\s+|almost\s+|roughly\s+|over\s+)?$", re.I)
_CHANGE_AFTER = re.compile(r"^\s*(increase|decrease|rise|growth|drop|decline|jump|fall|reduction|more|less|"
                           r"higher|lower|up|down)\b", re.I)
_DOWN_WORDS = ("decrease", "drop", "decline", "fall", "fell", "reduction", "down", "less", "lower", "dropped",
               "declined", "decreased")
_FACTOR = re.compile(r"\b(?:(more than|over|nearly|almost|about|roughly)\s+)?(?:a\s+)?"
                     r"(doubled|tripled|quadrupled|(two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]fold)", re.I)
_FACTOR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "doubled": 2, "tripled": 3, "quadrupled": 4}
_RATE = re.compile(r"\(?\s*(\d[\d,]*(?:\.\d+)?)\s*(tenge|rubles?|roubles?|LE|RMB|yuan|euros?|hryvnias?|leva)\s*"
                   r"(?:/|per|to the|to one|=)\s*(?:USD|US\$|\$|U\.S\.\s*dollar|dollar)", re.I)
_RATE_USD_FIRST = re.compile(r"(?:USD|US\$|\$)\s*1\s*(?:=|equals)\s*(\d[\d,]*(?:\.\d+)?)\s*(tenge|rubles?|LE|RMB|yuan|"
                             r"euros?|hryvnias?|leva)", re.I)
_RATE_CODES = {"tenge": "KZT", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "le": "EGP",
               "rmb": "CNY", "yuan": "CNY", "euro": "EUR", "euros": "EUR", "hryvnia": "UAH", "hryvnias": "UAH",
               "leva": "BGN"}


def _fmt(value: float) -> str:
    return format_number(value)


def _year(period: str | None) -> int:
    if not period:
        return -1
    found = re.findall(r"(?:19|20)\d\d", period)
    return int(found[-1]) if found else -1


_LINK_AFTER = re.compile(r"\b(?:over|from|compared (?:to|with)|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_LINK_BETWEEN = re.compile(r"\b(?:compared (?:to|with)|up from|down from|versus|vs\.?|against|over|from)\b", re.I)


def _same_kind(a: Figure, b: Figure) -> bool:
    return _kind(a.number) == _kind(b.number) and a.stat.currency == b.stat.currency


def _pair(figures: list[Figure], target: Figure) -> tuple[Figure, Figure] | None:
    """(new, old): the two values a stated change explicitly compares, or None when the cable gives only one."""
    usable = [f for f in figures if f.order[0] == target.order[0] and _kind(f.number) != "percent"
              and f.number.high is None]
    same = [f for f in usable if f.sentence == target.sentence]
    before = [f for f in same if f.order < target.order]
    after = [f for f in same if f.order > target.order]
    text = target.sentence_text
    offset = _sentence_offset(target)
    def between(a: Figure, b: Figure) -> str:
        return text[a.order[1] - offset + len(a.number.raw): b.order[1] - offset]
    # "declined by 13 percent, from 39,800 to 33,900"
    if len(after) >= 2 and _same_kind(after[0], after[1]) and re.search(r"\bfrom\b", between(target, after[0])) \
            and re.search(r"\bto\b", between(after[0], after[1])):
        return after[1], after[0]
    # "630,000 ... an increase of 87 percent over the 337,000"
    if after and _LINK_AFTER.search(between(target, after[0])):
        old = after[0]
        if before:
            candidates = [f for f in before if _same_kind(f, old)]
            if candidates:
                return candidates[-1], old
        elif re.match(r"\s*(?:This|That|It)\b", text):
            previous = [f for f in usable if f.sentence == target.sentence - 1 and _same_kind(f, old)]
            if previous:
                return previous[0], old
        return None
    # "218,110 items seized in 2004, compared to 165,423 in 2003 - an increase of 31.8%"
    if len(before) >= 2:
        first, second = before[-2], before[-1]
        if _same_kind(first, second) and _LINK_BETWEEN.search(between(first, second)):
            if _year(first.stat.period) != -1 and _year(second.stat.period) > _year(first.stat.period):
                return second, first
            return first, second
    return None


def _percent_checks(figures: list[Figure]) -> list[FigureCheck]:
    checks: list[FigureCheck] = []
    for figure in figures:
        if not figure.number.percent:
            continue
        text = figure.sentence_text
        start = figure.order[1] - _sentence_offset(figure)
        before = text[:start]
        after = text[start + len(figure.number.raw):]
        word_match = _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after)
        if not word_match:
            continue
        pair = _pair(figures, figure)
        if pair is None:
            continue
        new, old = pair
        if old.stat.value == 0:
            continue
        computed = (new.stat.value - old.stat.value) / old.stat.value * 100
        down = word_match.group(1).lower() in _DOWN_WORDS
        stated = -figure.stat.value if down else figure.stat.value
        tolerance = 10 ** -figure.number.decimals
        if re.search(r"(?:about|approximately|nearly|some|almost|roughly)\s*$", before):
            tolerance = max(tolerance, 1.0)
        ok = abs(computed - stated) <= tolerance + 1e-9
        checks.append(FigureCheck(
            kind="percent_change",
            description=(f"{_fmt(new.stat.value)} against {_fmt(old.stat.value)}"
                         f" ({new.stat.period or 'new'} vs {old.stat.period or 'old'}): stated change"),
            ok=ok, stated=f"{stated:+.{figure.number.decimals}f}%",
            computed=f"{computed:+.{max(1, figure.number.decimals)}f}%", paragraph=figure.stat.paragraph))
    return checks


def _factor_checks(figures: list[Figure]) -> list[FigureCheck]:
    checks: list[FigureCheck] = []
    seen: set[tuple[int, int]] = set()
    for figure in figures:
        key = (figure.order[0], figure.sentence)
        if key in seen:
            continue
        match = _FACTOR.search(figure.sentence_text)
        if not match:
            continue
        seen.add(key)
        word = (match.group(3) or match.group(2)).lower()
        factor = float(_FACTOR_WORDS.get(word, word if word.isdigit() else 0) or 0)
        if not factor:
            continue
        same = [f for f in figures
                if (f.order[0], f.sentence) == key and not f.number.percent and f.number.high is None]
        if len(same) < 2:
            continue
        first, second = same[0], same[1]
        if first.stat.currency != second.stat.currency:
            continue
        new, old = (second, first) if _year(second.stat.period) > _year(first.stat.period) else (first, second)
        if "from" in figure.sentence_text and _year(first.stat.period) == -1 == _year(second.stat.period):
            new, old = second, first
        if old.stat.value == 0:
            continue
        ratio = new.stat.value / old.stat.value
        qualifier = (match.group(1) or "").lower()
        if qualifier in ("more than", "over"):
            ok = ratio >= factor
        elif qualifier in ("nearly", "almost"):
            ok = factor * 0.8 <= ratio <= factor * 1.02
        else:
            ok = factor * 0.9 <= ratio <= factor * 1.1
        checks.append(FigureCheck(
            kind="percent_change",
            description=(f"{_fmt(new.stat.value)} against {_fmt(old.stat.value)}: "
                         f"stated as {' '.join(match.group(0).split())}"),
            ok=ok, stated=f"{(qualifier + ' ') if qualifier else ''}×{factor:g}", computed=f"×{ratio:.2f}",
            paragraph=figure.stat.paragraph))
    return checks


def _sentence_offset(figure: Figure) -> int:
    index = figure.sentence_text.find(figure.number.raw)
    return figure.order[1] - index if index >= 0 else figure.order[1]


def stated_rates(cable: Cable) -> dict[str, float]:
    """Exchange rates the cable states, per currency (units per USD); the first one stated wins."""
    rates: dict[str, float] = {}
    for paragraph in cable.paragraphs:
        for pattern in (_RATE, _RATE_USD_FIRST):
            for hit in pattern.finditer(paragraph.text):
                code = _RATE_CODES.get(hit.group(2).lower())
                value = float(hit.group(1).replace(",", ""))
                if code and value > 0:
                    rates.setdefault(code, value)
    return rates


def _currency_checks(cable: Cable, figures: list[Figure]) -> list[FigureCheck]:
    rates = stated_rates(cable)
    checks: list[FigureCheck] = []
    for figure in figures:
        stat = figure.stat
        if stat.currency in (None, "USD") or stat.usd_value is None or stat.currency not in rates:
            continue
        rate = rates[stat.currency]
        computed = stat.value / rate
        ok = abs(computed - stat.usd_value) <= max(0.005 * stat.usd_value, 0.01)
        decimals = 2 if not float(stat.usd_value).is_integer() else 0
        checks.append(FigureCheck(
            kind="currency",
            description=f"{_fmt(stat.value)} {stat.currency} at {_fmt(rate)} {stat.currency}/USD",
            ok=ok, stated=f"${format_number(stat.usd_value, decimals)}",
            computed=f"${format_number(computed, 2)}", paragraph=stat.paragraph))
    return checks


_COMPLETE = re.compile(r"\bcomplete[d]?\b", re.I)
_REFERRED = re.compile(r"\breferred\b|\bsent to (?:the )?courts?\b|\bto court\b", re.I)
_DROPPED = re.compile(r"\bdropped\b|\bterminated\b|\bdismissed\b|\bclosed\b", re.I)
_STATE = re.compile(r"\bcomplete[d]?\b|\bsuspended\b|\bat trial\b|\bpending\b|\bunder investigation\b|\bin court\b|"
                    r"\bongoing\b", re.I)


def _sum_checks(figures: list[Figure]) -> list[FigureCheck]:
    checks: list[FigureCheck] = []
    for index, intro in enumerate(figures):
        if not intro.intro or not intro.stat.group:
            continue
        items = [f for f in figures[index + 1:] if f.stat.group == intro.stat.group and f.order[0] == intro.order[0]
                 and not f.intro]
        if len(items) < 2:
            continue
        complete = next((f for f in items if _COMPLETE.search(f.sentence_text)), None)
        referred = [f for f in items if _REFERRED.search(f.sentence_text)]
        dropped = [f for f in items if _DROPPED.search(f.sentence_text)]
        if complete and referred and dropped:
            parts = referred[:1] + dropped[:1]
            total = sum(f.stat.value for f in parts)
            checks.append(FigureCheck(
                kind="sum",
                description=(f"{intro.stat.label}: {_fmt(parts[0].stat.value)} referred + {_fmt(parts[1].stat.value)}"
                             f" dropped = {_fmt(complete.stat.value)} complete"),
                ok=abs(total - complete.stat.value) < 1e-9, stated=_fmt(complete.stat.value), computed=_fmt(total),
                paragraph=intro.stat.paragraph))
        states = [f for f in items if _STATE.search(f.sentence_text) and f.stat.unit != "people"]
        if len(states) >= 2:
            total = sum(f.stat.value for f in states)
            names = " + ".join(f"{_fmt(f.stat.value)} {_STATE.search(f.sentence_text).group(0).lower()}"  # type: ignore[union-attr]
                               for f in states)
            checks.append(FigureCheck(
                kind="sum", description=f"{intro.stat.label}: {names} = {_fmt(intro.stat.value)} in all",
                ok=abs(total - intro.stat.value) < 1e-9, stated=_fmt(intro.stat.value), computed=_fmt(total),
                paragraph=intro.stat.paragraph))
    return checks


def extract_checks(cable: Cable, figures: list[Figure] | None = None) -> tuple[FigureCheck, ...]:
    figures = figures_of(cable) if figures is None else figures
    checks = (_percent_checks(figures) + _factor_checks(figures) + _currency_checks(cable, figures)
              + _sum_checks(figures))
    checks.sort(key=lambda c: (c.paragraph if c.paragraph is not None else -1))
    return tuple(checks)
