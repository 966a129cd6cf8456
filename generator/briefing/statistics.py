"""The figures a reader would put in a table: counts, money, percentages, capacities."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Cable, Statistic
from .numbers import SCALES, WORD_NUMBERS, Number, find_numbers
from .sentences import Sentence, split_sentences

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_CABLE_REF = r"(?:\(\w{1,2}\)\s*|\bRefs?:?\s*|^|,\s*)\d{2}\s+(?:[A-Z]{3,}|[A-Z][a-z]+)\s+\d{1,6}\b"
_SKIP_SPANS = (
    re.compile(r"\b(?:Articles?|Art\.|Sections?|Chapters?|Book|Parts?|paragraphs?|paras?\.?|Laws?(?:\s+No\.)?|No\.|"
               r"Decrees?|Provisional Measures?|Resolutions?|Bills?|Rules?|Reftels?|Refs?|Title|Annex|Appendix|E\.O\.|"
               r"Executive Order|Special|Public Law|Item|Case No\.|Route|Highway|Room|Flight|page|Tel\.?|Fax|ext\.?|"
               r"Recommendations?|Questions?|Tab|Table|Figure|Conventions?|Number)"
               r"\s+(?:No\.\s*|#\s*)?\d[\d/.]*(?:,\d{3})*(?:\s*(?:,\s*(?:and|or)?|and|or|-|–|to)\s*\d[\d/.]*)*", re.I),
    re.compile(rf"\b{MONTH}\.?\s+\d{{1,2}}(?:\s*(?:[-–]|to|and)\s*\d{{1,2}})?(?:st|nd|rd|th)?(?:,?\s*¶?\d{{4}})?"),
    # Ages: "the early retirement age of 55", "aged 34", "a 20-year-old man".
    re.compile(r"\b(?:age(?:d|s)?(?:\s+of)?|at\s+the\s+age\s+of)\s+\d{1,3}\b|\b\d{1,3}[- ]years?[- ]old\b", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b(?:,?\s+\d{{4}})?"),
    re.compile(r"\b301\b[\"”']?(?=\s+(?:submission|process|report|review|list|watch|initiative|action|monitoring|IPR|"
               r"update|recommendation|decision|cases?\s+against|issues?|investigations?|concerns?|programs?))", re.I),
    # "REF: A) Brasilia 599", "REFTEL 09 STATE 1234": a cited cable, with or without its year.
    re.compile(r"\bREF(?:TEL)?S?:?\s+(?:\(?[A-Z][.)]\s*)?(?:\d{2}\s+)?[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,3}\s+\d{1,7}\b"),
    # "Several court challenges of 9-2003": a decree's number-year, not a range.
    re.compile(r"(?<![\d,.])\b\d{1,3}-(?:19|20)\d\d\b(?![\d,])"),
    # "in the next 45 to 55 days": a span of time, not two figures.
    re.compile(r"\b\d+\s*(?:to|-|–|and)\s*\d+\s+(?:days?|weeks?|months?|years?|hours?)\b"
               r"(?!['’]?\s*(?:in\s+(?:prison|jail)|of\s+(?:imprisonment|prison|jail|incarceration)|imprisonment|prison|"
               r"jail|deprivation))", re.I),
    # "No.12.279 and 12.294": numbers written right after No. identify a law.
    re.compile(r"\bNos?\.\s*\d[\d/.]*(?:,\d{3})*(?:\s*(?:,\s*(?:and|or)?|and|or)\s*\d[\d/.]*)*"),
    # "GOOD PRACTICES MANUAL 13 (U) Another ...": a paragraph number and portion mark run into the text.
    re.compile(r"\b\d{1,3}\.?\s*\((?:U|C|S|SBU|S/NF|C/NF|S//NF|C//NF)\)"),
    # "challenge Hadopi 2 in front of", "Hadopi 1 and 2": a small number that is part of a name.
    # Not a currency code (`RMB 18 million`) nor a table row (`Closed Web Pages 14 Closed ...`).
    re.compile(r"(?:(?<=[a-z,;:])\s+|[\"“(])[A-Z][a-z][A-Za-z-]*[a-rt-z]\s+\d{1,2}(?:\s*(?:,|and|or)\s*\d{1,2})*\b"
               r"(?!\s*(?:%|percent|million|billion|thousand|\d|[,.]\d|[A-Z]))"),
    re.compile(r"\b\d+(?:\.\d+)?\s+OF\s+\d+\b"),
    re.compile(r"(?:\+?\b\d{1,3}[\s-])?\b\d{3}-\d{4}\b"),
    re.compile(r"\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}"),  # international phone numbers: +90 312 455 5555
    re.compile(r"\(\s*\d{1,2}\s*\)|(?:^|(?<=\s))\d{1,2}\)"),
    re.compile(r"\b\d{1,2}:\d\d\b"),
    # Cable references ("06 ANKARA 5335"), dotted dates ("01.01.05"), ranked lists ("Fortune 500"), names in quotes
    # ("the "3 Monkeys" campaign") and prices in minor units ("30 kurus", "18 U.S. cents").
    re.compile(_CABLE_REF),
    re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"),
    re.compile(r"\b(?:Fortune|Global|Forbes|S&P|FTSE|Inc\.?)\s+\d+\b"),
    re.compile(r"\b(?:ranked|ranks?|ranking|top)\s+(?:No\.\s*|number\s+|at\s+)?\d+\b"
               r"|\bamong\s+the\s+(?:top\s+)?\d+\b(?=[^.;]{0,60}\b(?:highest|lowest|largest|worst|best|biggest|most|"
               r"least)\b)", re.I),
    re.compile(r"[\"“]\d[\d,.]*\s+[A-Z]"),
    re.compile(r"\b\d[\d,.]*\s+(?:U\.S\.\s+|US\s+)?(?:cents?|kurus|kuruş|kopecks?|kopeks?|piast(?:er|re)s?|fils|fen|"
               r"jiao)\b", re.I),
    re.compile(r"\(\s*\d[\d,.]*\s*[A-Za-z]+\s*/\s*(?:USD|US\$|\$|dollar)\s*\)", re.I),
    re.compile(r"\b\d[\d,.]*\s*(?:tenge|rubles?|LE|RMB|yuan|euros?)\s*(?:/|per|to the|to one)\s*(?:USD|US\$|\$|dollar)",
               re.I),
)
_YEAR_PREPOSITION = re.compile(r"\b(?:in|for|during|since|by|from|through|of|until|before|after|the)\s+$", re.I)
"""A year after a preposition or an article ("statistics for 2007 police activity", "among the 2009 cases") is a
period, not a count (a count of 2,009 would be written with its comma)."""
_IDIOM_100 = re.compile(r"\s+(?!of\b|in\b|on\b|at\b|by\b|for\b|from\b|to\b|increase|rise|growth|jump|more\b|higher\b|"
                        r"and\b|or\b)[a-z]")
"""'A 100 percent judicial process': 100 percent before an adjective or noun is a manner of speaking."""
_THRESHOLD = re.compile(r"(?:\b(?:higher|greater|larger|bigger|lower|smaller)\s+than|"
                        r"\bwith\s+(?:more|fewer|less)\s+than|\bwith\s+over)\s+$", re.I)
"""A bound in a rule ("offices with more than 500 cases", "damages higher than RMB 10 million"), not a count."""
_FORECAST = re.compile(r"\b(?:can|could|will|would|may|might)\s+(?:be\s+)?(?:\w+\s+)?(?:brought|reduced|cut|lowered|"
                       r"raised|increased)\s+(?:down\s+|up\s+)?to\s+$", re.I)
"""A target or forecast ("it can be brought down to 36%"), not a figure."""
_ATTEND = re.compile(r"\b(?:attend\w*|participat\w*)\b", re.I)
_ATTENDEES = {"officials", "judges", "prosecutors", "students", "companies", "people", "persons", "participants",
              "attendees", "members", "lawyers", "police", "officers", "investigators", "inspectors", "staff",
              "countries", "representatives", "delegates", "delegations", "guests", "speakers"}
"""Who attended an event ("100 officials attended", "attended by 17 U.S. companies") is logistics, not a figure."""
_DURATION = re.compile(r"^\W{0,2}(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|times|fold)\b"
                       r"(?!\s+(?:of\s+)?(?:labou?r|salary))", re.I)
_PRISON_AFTER = re.compile(r"^\W{0,2}(years?|months?)['’]?\s*(?:in\s+(?:prison|jail)|of\s+(?:imprisonment|prison|jail|"
                           r"incarceration)|imprisonment|prison|jail|deprivation of (?:liberty|freedom)|"
                           r"(?:prison|jail) (?:terms?|sentences?))\b", re.I)
_PRISON_BEFORE = re.compile(r"(?:(?:prison|jail|custodial)\s+(?:terms?|sentences?)\s+(?:of\s+)?|"
                            r"imprisonment\s+(?:of|for)\s+|(?:jailed|imprisoned|incarcerated)\s+for\s+|sentenced\s+to\s+)"
                            r"(?:up to\s+|between\s+|from\s+|at least\s+)?$", re.I)
_TIMES = re.compile(r"^\W{0,2}times\b", re.I)
_TERM_BOUND = re.compile(r"\b(?:less|fewer|more|longer|shorter)\s+than\s+$|\bunder\s+$|\bover\s+$", re.I)
_TERM_UNIT = re.compile(r"^\W{0,2}(years?|months?)\b", re.I)
"""A prison term ("up to 6 years in prison") is a figure, unlike other durations ("for 18 months")."""
COUNT_NOUNS = (
    "inspections", "raids", "seizures", "cases", "convictions", "people", "persons", "judges", "prosecutors",
    "officers",
    "officials", "companies", "websites", "sites", "shops", "applications", "patents", "trademarks", "discs", "cds",
    "dvds", "copies", "products", "items", "notifications", "investigations", "arrests", "complaints", "lawsuits",
    "participants", "members", "employees", "plants", "lines", "titles", "operators", "injunctions", "inspectors",
    "distributors", "stores", "outlets", "users", "subscribers", "advertisements", "offices", "seminars", "goods",
    "units", "indicators", "students", "attendees", "filings", "registrations", "licenses", "violations", "infringers",
    "suspects", "defendants", "verdicts", "rulings", "decisions", "actions", "checks", "searches", "copycats",
    "presses", "prosecutions", "factories", "courts",
    "counterfeits", "packages", "pieces", "cartons", "containers", "tons", "kilograms", "hours", "staff", "police",
    "investigators", "lawyers", "sellers", "vendors", "markets", "servers", "channels", "stations", "countries",
    "seats", "votes", "mandates",
)
_AUX = re.compile(r"\b(?:may|might|can|could|should|must|"
                  r"were|was|are|is|have been|has been|had been|been|be|being|have|has|had|will|would|could|"
                  r"reportedly|also|only|now|currently|actually|some|over|more than|about|approximately|around|"
                  r"nearly|roughly|at least|almost|better than|less than|fewer than|up to|as many as|as much as|"
                  r"than|just|"
                  r"estimated|an estimated|a total of|total of|total)\b", re.I)
_TIME = rf"(?:(?:19|20)\d\d|the (?:first|last|past|same|previous|entire|whole)|{MONTH}|\w+ (?:19|20)\d\d|fiscal|FY)"
_STOP_AFTER = re.compile(rf"\s(?:in|during|for|since|from|by|through|as of)\s+{_TIME}|"
                         r"\s(?:compared|up from|down from|versus|vs\.?|against|while|whereas|which|that|but|"
                         r"an increase|a decrease|according)\b|[,;:()\[\]]|(?<!\bU)(?<!\bU\.S)\.|\s-\s|\s–\s|$", re.I)
_SUBJECT_CUT = re.compile(r".*\b(?:that|which|whereas|estimates?|estimated|said|reported|believed|noted|says|notes|"
                          r"though|although|shows?|showed|indicates?|indicated)\s+", re.I)
_PREDICATE = re.compile(r"(?<=\w)\s+(?:is|was|are|were|stood|reached|to be|of|at|amounted|totall?ed|rose|fell|dropped|"
                        r"increased|decreased|grew|topped|doubled|tripled|more than doubled|from|totall?ing|"
                        r"amounting|exceeded|hit)\b.*$", re.I)
_HEADING = re.compile(r"^\s*(?:-{1,2}\s*)?([A-Z][A-Za-z /&'-]{2,40}):\s")
_PERIOD = re.compile(r"\b(?:in|during|for|of|since|by|through|from|as of|year)\s+"
                     r"((?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)\b", re.I)
_BARE_PERIOD = re.compile(r"\b((?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d|(?:19|20)\d\d)\b")
_RATE_PERIOD = re.compile(r"\b(?:per|a|each|every)\s+(year|month|week|day)\b|\b(annually|monthly)\b(?!\s+[a-z])", re.I)
_COMPARE = re.compile(r"\bcompared\b|\bup from\b|\bdown from\b|\bfrom\b[^;]*\bto\b|\bversus\b|\bvs\.?|"
                      r"\bincrease\b|\bdecrease\b|\bover the\b|\brose\b|\bfell\b|\bdropped\b|\bdeclined\b", re.I)
_USD_PAREN = re.compile(r"^\s*,?\s*(?:or\s*)?(?:\([^)]*\)\s*)?\(?\s*(?:approximately|about|roughly|some|or|around|"
                        r"equivalent to|~)?\s*$", re.I)


@dataclass(frozen=True)
class Figure:
    """A statistic with where it stands, for the figure checks."""

    stat: Statistic
    number: Number
    sentence: int
    """Index of the sentence in the paragraph."""
    order: tuple[int, int]
    """(paragraph index, offset in the paragraph text)."""
    block: int
    item: bool
    sentence_text: str
    intro: bool
    """True when the sentence ends with a colon and introduces a list of parts."""


def _kind(number: Number) -> str:
    if number.percent:
        return "percent"
    return "money" if number.currency else "count"


_LABEL_EDGE_WORDS = frozenset({
    "and", "the", "a", "an", "of", "to", "in", "at", "for", "by", "with", "on", "or", "which", "that", "its", "their",
    "these", "this", "there", "it", "they", "we", "he", "she", "while", "also", "further", "another", "additionally",
    "including", "include", "includes", "than", "his", "her", "our", "as", "due", "through", "from", "under", "into",
})
"""Words a label neither opens nor ends with: `the`, `due to`, `working their way through the`."""
_LABEL_WORDS = 10
_LABEL_BREAKS = frozenset({
    "who", "which", "that", "whose", "where", "because", "according", "under", "through", "due", "by", "for", "from",
    "in", "on", "to", "with", "as", "into", "after", "before", "since", "during",
})
"""Where a label longer than `_LABEL_WORDS` is cut: the first clause or phrase after its head
(`convictions of crimes | under the IP section of the criminal`), never inside its first three words."""


def _clean(label: str) -> str:
    label = re.sub(r"\([^)]*\)?", " ", label)
    label = re.sub(r"\bin the amount of\b|\bworth of\b|\bworth\b|\bvalued at\b|\btotal(?:l?ing)?\b|\bof\b$", " ", label,
                   flags=re.I)
    label = _AUX.sub(" ", label)
    words = [w.strip("\"'“”‘’,;:") for w in label.split()]
    words = [w for w in words if w and not re.fullmatch(r"[,.%$]+|[\d,.]+%", w)]
    while words and words[0].lower() in _LABEL_EDGE_WORDS:
        words.pop(0)
    if len(words) > _LABEL_WORDS:
        cut = next((index for index, word in enumerate(words) if index >= 3 and word.lower() in _LABEL_BREAKS), None)
        words = words[:cut] if cut is not None else words[:_LABEL_WORDS]
    while words and words[-1].lower() in _LABEL_EDGE_WORDS | _LABEL_BREAKS:
        words.pop()
    return " ".join(words)


def _unit(after: str) -> str | None:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", after[:60])[:4]
    for word in words:
        if word.lower() in COUNT_NOUNS:
            return word.lower()
    return None


_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bThe\s)(?<!\bThese\s)"
    rf"(?P<word>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|"
    rf"eight|nine))|{'|'.join(sorted(WORD_NUMBERS, key=len, reverse=True))})"
    rf"(?:(?P<pct>\s+percent\b)|(?=\s+(?:[a-z]+\s+)?(?:{'|'.join(COUNT_NOUNS)})\b))", re.I)


_UNITS = {"one": 1}


_WORD_SCALE = re.compile(rf"(?<![\w-])(?P<word>{'|'.join(sorted(WORD_NUMBERS, key=len, reverse=True))})\s+"
                         r"(?P<scale>thousand|million|billion)\b", re.I)
"""`nearly two million tourists`, `three billion dollars`: a word number with a scale word is a figure (not "one",
which is as often an article: "a one million euro campaign")."""


def _word_numbers(text: str) -> list[Number]:
    """Numbers written as words ("seven inspections", "five percent"): only before a count noun or `percent`, or
    with a scale word ("two million")."""
    found = []
    for hit in _WORD_NUMBER.finditer(text):
        value = float(sum(WORD_NUMBERS.get(part, _UNITS.get(part, 0)) for part in hit.group("word").lower().split("-")))
        found.append(Number(hit.start(), hit.end(), value, None, None, bool(hit.group("pct")), 0, hit.group(0)))
    if "illion" in text or "thousand" in text:
        for hit in _WORD_SCALE.finditer(text):
            if any(number.start <= hit.start() < number.end for number in found):
                continue
            value = WORD_NUMBERS[hit.group("word").lower()] * SCALES[hit.group("scale").lower()]
            found.append(Number(hit.start(), hit.end(), float(value), None, None, False, 0, hit.group(0), scaled=True))
    return found


_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_WORD_TERM = re.compile(rf"(?<![\w-])(?P<word>{_WORDS}|one)(?:\s*(?:to|-|–)\s*(?P<high>{_WORDS}))?"
                        rf"(?=\s+(?:years?|months?)\b)", re.I)


def _prison_term(text: str, start: int, end: int) -> bool:
    """True when the duration written at text[start:end] is a prison term, by the words right around it."""
    return bool(_PRISON_AFTER.match(text[end:]) or _PRISON_BEFORE.search(text[max(0, start - 40): start]))


def _word_terms(text: str) -> list[Number]:
    """Prison terms written as words ("two to five years in prison"); other durations in words are not figures."""
    found = []
    for hit in _WORD_TERM.finditer(text):
        if not _prison_term(text, hit.start(), hit.end()):
            continue
        value = float(WORD_NUMBERS.get(hit.group("word").lower(), 1))
        high = float(WORD_NUMBERS[hit.group("high").lower()]) if hit.group("high") else None
        found.append(Number(hit.start(), hit.end(), value, high, None, False, 0, hit.group(0)))
    return found


_SKIP_TRIGGERS: tuple[tuple[str, ...] | None, ...] = (
    None, None, ("age", "old"), None, ("301",), ("ref",), ("-19", "-20"), ("day", "week", "month", "year", "hour"),
    ("no.", "nos."), ("(",), None, (" of ",), ("-",), ("+",), (")",), (":",), None, (".",),
    ("fortune", "global", "forbes", "s&p", "ftse", "inc"), ("rank", "top", "among"), ('"', "“"),
    ("cent", "kurus", "kuruş", "kopeck", "kopek", "piast", "fils", "fen", "jiao"), ("/",),
    ("/", "per", "to the", "to one"),
)
"""For each of _SKIP_SPANS, in order: words (lower case) a sentence must hold for the pattern to be tried, or
None to try it always. Most sentences hold few of them, and the patterns ran on every sentence."""
if len(_SKIP_TRIGGERS) != len(_SKIP_SPANS):
    raise RuntimeError("_SKIP_TRIGGERS must have one entry for each of _SKIP_SPANS")


def _skip_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for pattern, triggers in zip(_SKIP_SPANS, _SKIP_TRIGGERS, strict=True):
        if triggers is not None and not any(word in lowered for word in triggers):
            continue
        spans.extend(hit.span() for hit in pattern.finditer(text))
    return spans


def _period(after: str, before: str) -> str | None:
    rate = _RATE_PERIOD.search(after[:40])
    if rate:
        return f"per {rate.group(1).lower()}" if rate.group(1) else rate.group(2).lower()
    hit = _PERIOD.search(after[:50])
    if hit:
        return re.sub(r"\s*[-–]\s*", "-", hit.group(1))
    bare = _BARE_PERIOD.search(after[:30])
    if bare:
        return re.sub(r"\s*[-–]\s*", "-", bare.group(1))
    previous = list(_PERIOD.finditer(before))
    if previous:
        return re.sub(r"\s*[-–]\s*", "-", previous[-1].group(1))
    leading = re.match(r"\s*((?:19|20)\d\d)\b", before)
    return leading.group(1) if leading else None


def figures_of(cable: Cable) -> list[Figure]:
    """Every statistic of the cable with its position, in order."""
    figures: list[Figure] = []
    for p_index, paragraph in enumerate(cable.paragraphs):
        sentences = split_sentences(paragraph.text)
        heading_by_block: dict[int, str] = {}
        for s_index, sentence in enumerate(sentences):
            before = sentences[s_index - 1].text if s_index else ""
            figures.extend(_sentence_figures(p_index, paragraph.number, s_index, sentence, heading_by_block, before))
    return _group(figures)


def _row_label(text: str) -> str:
    """The row name before a run of table cells: the words after the last number ("Unreg. DVDs")."""
    tail = re.split(r"\d[\d,.]*(?:\s?(?:million|thousand|billion))?", text)[-1]
    return _clean(re.sub(r"[.:]+(?=\s|$)", " ", tail))


def _sentence_figures(p_index: int, number: int | None, s_index: int, sentence: Sentence,
                      heading_by_block: dict[int, str], before_sentence: str = "") -> list[Figure]:
    text = sentence.text
    if len(re.findall(_CABLE_REF, text)) >= 2:
        return []  # a reference list: "(E) 06 ANKARA 5335, (F) 06 ANKARA 1898"
    heading_match = _HEADING.match(text)
    heading = heading_match.group(1).strip() if heading_match else None
    if heading and heading.lower() in ("note", "comment", "summary", "end note"):
        heading = None
    skip = _skip_spans(text)
    numbers = [n for n in sorted(find_numbers(text) + _word_numbers(text) + _word_terms(text), key=lambda n: n.start)
               if not any(a <= n.start < b for a, b in skip)
               and not (n.is_year_like and not re.match(r"\s+(?:[a-z]+\s+)?(?:{})\b".format("|".join(COUNT_NOUNS)),
                                                         text[n.end:]))
               and not (n.high is not None and 1900 <= n.value <= 2039 and 1900 <= n.high <= 2039)
               and not (n.is_year_like and _YEAR_PREPOSITION.search(text[max(0, n.start - 40): n.start]))
               and not (n.high is not None and n.high < n.value and not n.percent)
               and not (n.percent and n.value == 100 and _IDIOM_100.match(text[n.end:]))]
    result: list[Figure] = []
    previous: Figure | None = None
    intro = text.rstrip().endswith(":")
    skipped_end: int | None = None
    for index, num in enumerate(numbers):
        after_text = text[num.end:]
        before_text = text[: num.start]
        if re.match(r"[-–]?[A-Za-z]", after_text) and not num.percent and not num.currency:
            continue
        term_unit = None
        if not num.percent and not num.currency and _DURATION.match(after_text) and not (
                num.value >= 1000 and _TIMES.match(after_text)):  # "visited over 21,000,000 times" is a count
            term = _TERM_UNIT.match(after_text)
            if not (term and _prison_term(text, num.start, num.end)) or _TERM_BOUND.search(before_text[-30:]):
                continue  # not a prison term, or a bound in a rule ("sentenced to less than three years")
            term_unit = term.group(1).lower().rstrip("s") + "s"
        if re.search(r"[A-Za-z]-$", before_text):
            continue
        recent = before_text[-80:]
        if _THRESHOLD.search(recent) or (num.percent and _FORECAST.search(recent)):
            skipped_end = num.end
            continue
        if (skipped_end is not None and num.currency == "USD"
                and _USD_PAREN.match(text[skipped_end:num.start])):
            continue  # the USD equivalent of a skipped bound
        if (not num.percent and not num.currency and _unit(after_text) in _ATTENDEES
                and _ATTEND.search(text)):
            continue
        # A USD value given in brackets after an amount in another currency.
        if (previous is not None and num.currency == "USD" and previous.number.currency not in (None, "USD")
                and previous.stat.usd_value is None and _USD_PAREN.match(text[previous.number.end:num.start])):
            following = numbers[index + 1].start if index + 1 < len(numbers) else len(text)
            period = previous.stat.period or _period(text[num.end:following], "")
            result[-1] = replace(previous, stat=replace(previous.stat, usd_value=num.value, period=period))
            previous = result[-1]
            continue
        next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(text)
        after_clause = after_text[: max(0, next_start - num.end)]
        stop = _STOP_AFTER.search(after_clause)
        after_label = _clean(after_clause[: stop.start()] if stop else after_clause)
        previous_end = numbers[index - 1].end if index else 0
        before_clause = re.split(r"[,;:()]", text[previous_end: num.start])[-1]
        before_clause = _PREDICATE.sub("", _SUBJECT_CUT.sub("", before_clause).strip())
        unit = "%" if num.percent else (None if num.currency else term_unit or _unit(after_text))
        kind = _kind(num)
        label = "prison term" if term_unit else heading or ""
        inherited = False
        # Table cells: numbers with only spaces or a dash between them ("Unreg. DVDs 59,346 316,954 401,611").
        cell_after = index + 1 < len(numbers) and text[num.end:numbers[index + 1].start].strip(" -–") == ""
        cell_before = bool(index) and text[numbers[index - 1].end:num.start].strip(" -–") == ""
        if not label and cell_before and previous is not None and _kind(previous.number) == kind:
            label, unit, inherited = previous.stat.label, previous.stat.unit, True
        elif not label and cell_after and not cell_before:
            label = _row_label(text[previous_end:num.start]) or _row_label(before_sentence)
        if not label:
            label = after_label if kind == "count" and after_label else ""
        if not label and previous is not None and _kind(previous.number) == kind and not after_label:
            label, unit, inherited = previous.stat.label, previous.stat.unit, True
        if not label:
            label = _clean(before_clause) or after_label
        if not label and index:
            earlier = re.split(r"[,;:()]", text[: numbers[index - 1].start])[-1]
            label = _clean(_PREDICATE.sub("", _SUBJECT_CUT.sub("", earlier)))
        if not label:
            if kind == "count":
                continue  # a bare number with nothing to say what it counts
            label = {"percent": "share", "money": "amount"}[kind]
        period = _period(after_clause, "" if result else before_text)
        group = previous.stat.label.lower() if inherited and previous is not None else None
        stat = Statistic(label=label, value=num.value, unit=unit, currency=num.currency, period=period,
                         paragraph=number, text=text, usd_value=None, group=group, high=num.high)
        figure = Figure(stat, num, s_index, (p_index, sentence.start + num.start), sentence.block, sentence.item, text,
                        intro)
        if inherited and previous is not None and previous.stat.group is None:
            result[-1] = replace(previous, stat=replace(previous.stat, group=group))
        result.append(figure)
        previous = figure
    if heading:
        heading_by_block[sentence.block] = heading
    return result


def _group(figures: list[Figure]) -> list[Figure]:
    """Group comparisons: same label and kind in one paragraph; list breakdowns under their introduction."""
    out = list(figures)
    by_key: dict[tuple[int, str, str], list[int]] = {}
    for index, figure in enumerate(out):
        key = (figure.order[0], figure.stat.label.lower(), _kind(figure.number))
        by_key.setdefault(key, []).append(index)
    for (_, label, _), indexes in by_key.items():
        periods = {out[i].stat.period for i in indexes}
        if len(indexes) > 1 and len(periods) > 1:
            for i in indexes:
                if out[i].stat.group is None:
                    out[i] = replace(out[i], stat=replace(out[i].stat, group=label))
    # Breakdowns: an introducing count ("35 criminal cases under Article 184 ...:") and the list after it.
    for index, figure in enumerate(out):
        if not figure.intro or _kind(figure.number) != "count":
            continue
        group = figure.stat.label.lower()
        members = [index]
        for later in range(index + 1, len(out)):
            other = out[later]
            if other.order[0] != figure.order[0] or other.intro:
                break
            if _kind(other.number) != "count" or (other.block == figure.block and not other.item):
                continue
            if not re.match(r"\s*[-–•]?\s*\d", other.sentence_text):
                break
            members.append(later)
        if len(members) > 2:
            for i in members:
                out[i] = replace(out[i], stat=replace(out[i].stat, group=group))
    return out


def extract_statistics(cable: Cable) -> tuple[Statistic, ...]:
    return tuple(figure.stat for figure in figures_of(cable))
