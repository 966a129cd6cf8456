"""The post's own recommendation, with the Special 301 list move where there is one."""

from __future__ import annotations

import re
from functools import cache

from ..model import Cable, Recommendation, Special301
from .country import country_names, country_of
from .sentences import split_sentences

LISTS = (
    ("Priority Foreign Country", r"Priority\s+Foreign\s+Country|\bPFC\b"),
    ("Priority Watch List", r"Priority\s+Watch\s*List|\bPWL\b"),
    ("Watch List", r"Watch\s*List|\bWL\b"),
    ("Out-of-cycle review", r"Out[- ]of[- ]Cycle\s+Review|\bOCR\b"),
)
LADDER = ("Not listed", "Watch List", "Priority Watch List", "Priority Foreign Country")
NOT_LISTED = "Not listed"
_LIST = "|".join(f"(?:{pattern})" for _, pattern in LISTS)
_LIST_RE = re.compile(_LIST, re.I)
_RECOMMEND = re.compile(r"\brecommend(?:s|ing|ation|ations)?\b|\brecommended\b", re.I)
_REQUEST = re.compile(r"\b(?:requests?|urges?|asks?|supports?|favou?rs?|endorses?|proposes?)\b|"
                      r"\b(?:believes?|thinks?)\b(?=[^.;]*\b(?:should|merits?|deserves?|warrants?|premature)\b)", re.I)
"""A post asking for, supporting or believing in a list action recommends it, but only when the sentence names a
list or an OCR ("Post believes Ukraine should remain on the Watch List", "Embassy supports keeping ...")."""
_LABEL = re.compile(r"^\s*(?:(?:the\s+)?(?:post|embassy|mission|consulate)(?:'s)?\s+)?recommendations?\s*:", re.I)
"""A `RECOMMENDATION:` label opening a sentence introduces the post's own recommendation."""
_NEGATED = re.compile(r"\b(?:not|n't)(?:/not)?\s+(?:\w+\s+)?$", re.I)
_NO_CHANGE = re.compile(r"\bno\s+change\b|\bstatus\s+quo\b|\b(?:maintain|keep|retain)\w*\s+(?:\w+\s+){0,3}?"
                        r"(?:current|present|existing)\s+(?:status|ranking|listing|designation|placement)", re.I)
"""'Embassy recommends no change in Kazakhstan's status': the current list, stated elsewhere, is kept."""
_LABELLED_LIST = re.compile(r"recommendations?\s*(?::|is\s+(?:that\s+)?)\s*(?:the\s+)?(?:Special\s+301\s+)?"
                            r"(?P<recommended>" + "|".join(f"(?:{pattern})" for _, pattern in LISTS) + r")\s*\.?$",
                            re.I)
_POST = re.compile(r"\b(?:we|embassy|post|mission|consulate|consulate general|the mission's|our|usoffice|(?-i:AIT))\b",
                   re.I)
"""Who speaks for the post: `Embassy`, `Mission`, `we`, and the American Institute in Taiwan (`AIT`)."""
_PAST = re.compile(r"\b(?:had|last year|previous(?:ly)?)\b", re.I)
_MOVE = re.compile(rf"\b(?:move|moving|moved|shift\w*|downgrad\w*|upgrad\w*|elevat\w*|return\w*)\b[^.;]*?\bfrom\s+"
                   rf"(?:the\s+)?(?:Special\s+301\s+)?(?P<current>{_LIST})\b[^.;]*?\bto\s+(?:the\s+)?"
                   rf"(?:Special\s+301\s+)?(?P<recommended>{_LIST})", re.I)
_REMOVE = re.compile(rf"\b(?:remov\w*|delist\w*|drop\w*|tak\w+)\b[^.;]*?\b(?:from|off)\s+(?:the\s+)?"
                     rf"(?:Special\s+301\s+)?(?P<current>{_LIST})", re.I)
_REMOVE_REPORT = re.compile(r"\bremov\w*\b[^.;]*?\bfrom\s+the\s+Special\s+301\s+(?:report|list)", re.I)
_NOT_PLACE = re.compile(rf"\b(?:not\s+(?:be\s+)?(?:plac\w+|put|list\w*|add\w*|designat\w+)|"
                        rf"against\s+(?:plac|list|add)\w*)\b[^.;]*?(?P<recommended>{_LIST}|Special\s+301\s+list)",
                        re.I)
_NOT_RAISE = re.compile(rf"\bnot\s+(?:be\s+)?(?:elevat|mov|upgrad|rais|bump)\w*\b[^.;]*?\bto\s+(?:the\s+)?"
                        rf"(?:Special\s+301\s+)?(?P<list>{_LIST})", re.I)
"""'Recommends that Canada not be elevated to the Priority Watch List': it stays one rung below."""
_TO = re.compile(rf"\b(?P<verb>mov\w*|downgrad\w*|lower\w*|upgrad\w*|elevat\w*|rais\w*|return\w*)\b[^.;]*?\bto\s+"
                 rf"(?:the\s+|a\s+)?(?:Special\s+301\s+)?(?P<recommended>{_LIST})", re.I)
_PREMATURE = re.compile(rf"\b(?:premature|too\s+early)\s+to\s+(?:reconsider|revisit|change|alter|revise|remove|delist|"
                        rf"downgrade|lower|move|upgrade|elevate)\b[^.;]*?(?P<current>{_LIST})", re.I)
"""'AIT believes it is premature to reconsider the recent decision to place Taiwan on the Watch List': it stays."""
_OCR = re.compile(r"\bout[- ]of[- ]cycle\s+review\b|\bOCR\b", re.I)
_CURRENT = re.compile(rf"\b(?:is|are|remains?|remained|was|were|been|currently|now|stays?)\s+"
                      rf"(?:currently\s+|still\s+|already\s+|placed\s+|put\s+)?"
                      rf"(?:on|in|a)\s+(?:the\s+)?(?:Special\s+301\s+)?(?P<current>{_LIST})", re.I)
_KEEP = re.compile(rf"\b(?:maintain\w*|keep\w*|kept|retain\w*|remain\w*|continu\w*|stay\w*|once again|"
                   rf"no change)\b[^.;]*?"
                   rf"(?P<current>{_LIST})", re.I)
_PLACE = re.compile(rf"\b(?:plac\w+|put|designat\w+|nam\w+|list\w*|add\w*|elevat\w+)\b[^.;]*?\b(?:on|to|as|in)\s+"
                    rf"(?:the\s+|a\s+)?(?:Special\s+301\s+)?(?P<recommended>{_LIST})", re.I)
_CONDITION = re.compile(r"\bcondition\w*\s+(?:\w+\s+){0,3}?(?:on|upon)\s+(?P<what>[^.;]+)|"
                        r"\bprovided\s+that\s+(?P<what2>[^.;]+)|\bwith\s+(?P<what3>Section\s+306\s+monitoring)", re.I)


_PLACEMENT = re.compile(rf"\b(?:placement|plac(?:e|ed|ing)\s+\w+|put(?:ting)?\s+\w+)\s+on\s+(?:the\s+)?"
                        rf"(?:Special\s+301\s+)?(?P<list>{_LIST})", re.I)
"""Talk of placing the country on a list ("may qualify for placement on the Watch List") means it is below it."""


def _canonical(found: str) -> str:
    for name, pattern in LISTS:
        if re.fullmatch(pattern, found.strip(), re.I):
            return name
    return found


def _is_post_recommending(sentence: str) -> bool:
    if _LABEL.search(sentence):
        return True
    hits = list(_RECOMMEND.finditer(sentence))
    if _LIST_RE.search(sentence) and _special_301(sentence)[0] is not None:
        hits += list(_REQUEST.finditer(sentence))
    for hit in hits:
        clause = re.split(r"[,;:(]", sentence[: hit.start()])[-1]
        if not _POST.search(clause):
            continue
        if _PAST.search(clause) or (hit.group(0).lower() == "recommended" and not re.search(r"\bhas\s*$", clause)):
            continue
        if re.search(r"\blast year\b", sentence[hit.end():], re.I):
            continue
        return True
    return False


_Found301 = tuple[Special301 | None, str | None, re.Pattern[str] | None]


def _keep(name: str) -> _Found301:
    """The country stays on the list it is on."""
    return Special301(name, name), f"keep on the {name}", None


def _keep_off(name: str) -> _Found301 | None:
    """The country is not to be raised to `name`: it stays one rung below (None for the bottom rung)."""
    if name not in LADDER or LADDER.index(name) == 0:
        return None
    below = LADDER[LADDER.index(name) - 1]
    return Special301(below, below), f"keep off the {name}", None


def _negated_move(text: str) -> _Found301 | None:
    """'Embassy does not recommend elevating Egypt to the PWL': the country stays where it is, one rung below,
    unless the rest of the sentence says where it should stay."""
    for hit in _RECOMMEND.finditer(text):
        if not _NEGATED.search(text[:hit.start()]):
            continue
        negated, *rest = re.split(r"[;:]", text[hit.end():], maxsplit=1)
        kept = _KEEP.search(rest[0]) if rest else None
        if kept:
            return _keep(_canonical(kept.group("current")))
        moved = _TO.search(negated)
        below = _keep_off(_canonical(moved.group("recommended"))) if moved else None
        if below:
            return below
        removed = _REMOVE.search(negated)
        if removed:
            return _keep(_canonical(removed.group("current")))
    return None


def _special_301(text: str) -> _Found301:
    premature = _PREMATURE.search(text)
    if premature:
        return _keep(_canonical(premature.group("current")))
    negated = _negated_move(text)
    if negated:
        return negated
    move = _MOVE.search(text)
    if move:
        current, recommended = _canonical(move.group("current")), _canonical(move.group("recommended"))
        verb = re.compile(rf"\bmov\w*\s+(?:\w+\s+){{0,2}}from\s+the\s+(?:Special\s+301\s+)?{re.escape(current)}"
                          rf"[^.;]*?\bto\s+the\s+{re.escape(recommended)}", re.I)
        return Special301(current, recommended), f"move from the {current} to the {recommended}", verb
    remove = _REMOVE.search(text)
    if remove:
        current = _canonical(remove.group("current"))
        verb = re.compile(rf"\bremov\w*\s+(?:\w+\s+){{0,2}}from\s+the\s+(?:Special\s+301\s+)?{re.escape(current)}",
                          re.I)
        return Special301(current, NOT_LISTED), f"remove from the {current}", verb
    if _REMOVE_REPORT.search(text):
        return Special301(None, NOT_LISTED), "remove from the Special 301 report", None
    not_place = _NOT_PLACE.search(text)
    if not_place:
        return Special301(None, NOT_LISTED), f"do not place on the {_canonical(not_place.group('recommended'))}", None
    not_raise = _NOT_RAISE.search(text)
    below = _keep_off(_canonical(not_raise.group("list"))) if not_raise else None
    if below:
        return below
    to = _TO.search(text)
    if to:
        recommended = _canonical(to.group("recommended"))
        verb = to.group("verb").lower()
        current = None
        if recommended in LADDER:
            step = LADDER.index(recommended)
            if verb.startswith(("downgrad", "lower")) and step + 1 < len(LADDER):
                current = LADDER[step + 1]
            elif verb.startswith(("upgrad", "elevat", "rais")) and step > 0:
                current = LADDER[step - 1]
        return Special301(current, recommended), f"move to the {recommended}", None
    keep = _KEEP.search(text)
    if keep:
        return _keep(_canonical(keep.group("current")))
    place = _PLACE.search(text)
    if place:
        recommended = _canonical(place.group("recommended"))
        return Special301(None, recommended), f"place on the {recommended}", None
    if _OCR.search(text):
        return Special301(None, "Out-of-cycle review"), "conduct an out-of-cycle review", None
    labelled = _LABELLED_LIST.search(text)
    if labelled:
        recommended = _canonical(labelled.group("recommended"))
        return Special301(None, recommended), f"list on the {recommended}", None
    return None, None, None


@cache
def _names_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b")


def _subject_country(cable: Cable, texts: list[str]) -> str | None:
    """The country the recommendation names, else the cable's country."""
    pattern = _names_pattern(country_names())
    for text in texts:
        hit = pattern.search(text) if pattern else None
        if hit:
            return hit.group(0)
    return country_of(cable)


def _current_from(cable: Cable, chosen: list[str]) -> str | None:
    """The list the cable says the country is on now, from sentences other than the recommendation.

    A sentence about another country ("Italy is already on the Watch List") does not count. Failing a statement,
    talk of placing the country on a list ("may qualify for placement on the Watch List") puts it one rung below.
    """
    skip = set(chosen)
    others = _names_pattern(country_names() - {_subject_country(cable, chosen)})
    below: list[int] = []
    for paragraph in cable.paragraphs:
        for sentence in split_sentences(paragraph.text):
            if sentence.text in skip:
                continue
            hit = _CURRENT.search(sentence.text)
            if hit and not (others and others.search(sentence.text[max(0, hit.start() - 60): hit.start()])):
                return _canonical(hit.group("current"))
            for place in _PLACEMENT.finditer(sentence.text):
                name = _canonical(place.group("list"))
                if name in LADDER and LADDER.index(name) > 0:
                    below.append(LADDER.index(name) - 1)
    return LADDER[min(below)] if below else None


def extract_recommendation(cable: Cable) -> Recommendation | None:
    chosen: list[tuple[int | None, str]] = []
    for paragraph in cable.paragraphs:
        for sentence in split_sentences(paragraph.text):
            if _is_post_recommending(sentence.text):
                chosen.append((paragraph.number, sentence.text))
    if not chosen:
        return None
    special: Special301 | None = None
    action: str | None = None
    support: re.Pattern[str] | None = None
    for _, text in chosen:
        if _LIST_RE.search(text) or "301" in text:
            special, action, support = _special_301(text)
            if special:
                break
    if special is None and any(_NO_CHANGE.search(text) for _, text in chosen):
        current = _current_from(cable, [text for _, text in chosen])
        if current:
            special, action, _ = _keep(current)
    if special is not None and special.current is None:
        current = _current_from(cable, [text for _, text in chosen])
        if current:
            special = Special301(current, special.recommended)
    if action is None:
        first = chosen[0][1]
        hit = _RECOMMEND.search(first)
        rest = first[hit.end():] if hit else first
        rest = re.split(r"(?<=[a-z)])\.\s", re.sub(r"^\s*(?:that\s+)?", "", rest))[0].rstrip(" .")
        action = "recommend " + (rest[:157] + "…" if len(rest) > 160 else rest)
    conditions: list[str] = []
    texts: list[str] = []
    paragraphs: list[int] = []
    rec_paragraphs = {number for number, _ in chosen}
    for paragraph in cable.paragraphs:
        for sentence in split_sentences(paragraph.text):
            is_rec = (paragraph.number, sentence.text) in chosen
            condition = _CONDITION.search(sentence.text) if (is_rec or paragraph.number in rec_paragraphs) else None
            supports = bool(support and support.search(sentence.text))
            if condition:
                raw = condition.group("what") or condition.group("what2") or condition.group("what3")
                what = " ".join(raw.split())
                if what not in conditions:
                    conditions.append(what)
            if (is_rec or (condition and special)) and sentence.text not in texts:
                texts.append(sentence.text)
            relevant = is_rec or supports or condition
            if relevant and paragraph.number is not None and paragraph.number not in paragraphs:
                paragraphs.append(paragraph.number)
    return Recommendation(text=" ".join(texts), action=action, special_301=special, conditions=tuple(conditions),
                          paragraphs=tuple(sorted(paragraphs)))
