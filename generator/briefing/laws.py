"""National laws, codes and their articles, bills and decrees a cable cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cable, Law
from .catalogue import catalogue
from .sentences import split_sentences

_CODE_KIND = (r"(?:Criminal|Civil|Administrative|Customs|Tax|Labou?r|Penal|Commercial|Land|Family|Budget|"
              r"Electoral|Water|Intellectual\s+Property|Industrial\s+Property|IPR?)")
CODE = (rf"(?:{_CODE_KIND}(?:\s+Procedure|\s+Procedural)?\s+(?:Code|Law)|"
        r"Code\s+of\s+(?:Criminal|Civil|Administrative)\s+(?:Procedure|Offenses|Offences))")
_ADJ = (r"(?:(?:Russian|Kazakhstani?|Chinese|Egyptian|Lebanese|Ukrainian|Bulgarian|(?-i:[A-Z]{2,4})|[A-Z][a-z]+'s|"
        r"its|their|the)\s+)*")
_KEYWORD = (r"(?:Copyright|Patent|Trademark|Trade\s?mark|IPR|Intellectual\s+Property(?:\s+Rights)?|"
            r"Industrial\s+Property|"
            r"Competition|Unfair\s+Competition|Anti-Unfair\s+Competition|Foreign\s+Trade|Advertising|Media|Investment|"
            r"Telecommunications?|Banking|Procurement|Consumer\s+Protection|Customs|Pharmaceutical|Drug|Design|"
            r"Plant\s+Variety|Seed|Internet|E-commerce|Criminal|Civil|Administrative|Trademarks|Patents)")
_TITLE_WORD = r"[A-Z][\w'’-]*"
_NAMED_LAW = r"(?-i:(?!(?:The|This|That|Its|Their|A|An|New|Draft|Spanish|Turkish|Chinese|Russian|Same|Such)\b)" \
             r"[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|on\s+)?[A-Z][\w'’-]*){0,3}\s+Law)"
"""A title-case name ending in Law: "Information Society Law", "Intellectual and Artistic Works Law"."""
_CONNECT = r"(?:and|of|on|the|for|in|to|or|from|with)"
_TITLE_PREFIX = (r"(?:(?-i:(?!(?:The|This|That|Its|Their|A|An|New|Draft|In|Under|On|Of|And|For|To|By|With|As|At|From|"
                 r"Thai|Swiss|French|Dutch|Greek|Israeli|Iraqi|Saudi|Pakistani|Kazakhstani|Kuwaiti|Omani|Uzbek)\b)"
                 r"(?![A-Z][a-z]+(?:ian|ese|ish|ean|can)\b)[A-Z][\w-]*(?![\w'’]))\s+){0,2}")
"""Title words before a keyword law's name (`Optical Media Law`): not a word opening the sentence, a nationality
(`Egyptian IPR Law` is the IPR Law) or a possessive (`Lebanon's Patent Law`)."""
_NUMBER = r"(?:\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+)"
_NO = r"(?:No\.|Nr\.|n\.|Number)"
"""How cables abbreviate a law's number: `Law No. 19`, `Law n. 633` (Italy), `Law Number 14`."""
"""A law's number, with thousands separators as Brazil and others write them: `9,279`, `3.945`, `4370`."""

_REGULATED = rf"(?:on|for|of)\s+(?:the\s+)?{_TITLE_WORD}(?:\s+(?!and\s+the\b)(?:{_CONNECT}\s+)*{_TITLE_WORD}){{0,8}}"
"""What regulations are on: `on the Protection of Computer Software`, `on IPR Protection`."""

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article", re.compile(
        rf"\b(?P<kind>Articles?|Art\.|Sections?)\s+(?P<nums>\d+(?:\.\d+)?(?:\s+(?:bis|ter|quater))?"
        rf"(?:\s*(?:,|and|or|to)\s*\d+(?:\.\d+)?(?:\s+(?:bis|ter|quater))?)*)\)?\s+(?:of|to)\s+{_ADJ}"
        rf"(?:(?P<year>(?:19|20)\d\d)\s+)?"
        rf"(?P<name>{CODE}|(?:{_TITLE_WORD}\s+){{0,3}}{_KEYWORD}\s+Law|{_NAMED_LAW}|"
        rf"(?-i:Law\s+(?:on|of)\s+(?:the\s+)?{_TITLE_WORD}(?:\s+(?:{_CONNECT}\s+)*{_TITLE_WORD})*))\b", re.I)),
    ("law_article", re.compile(rf"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<name>{_NAMED_LAW}),?\s+in\s+"
                               r"(?P<kind>Articles?|Art\.)\s+(?P<nums>\d+(?:\.\d+)?(?:\s*(?:,|and)\s*\d+(?:\.\d+)?)*)")),
    ("code_article", re.compile(rf"\b(?P<name>{CODE}),?\s+\(?(?P<kind>Articles?|Art\.)\s+"
                                r"(?P<nums>\d+(?:\s*(?:,|and)\s*\d+)*)", re.I)),
    ("part", re.compile(rf"\b(?P<kind>Part|Book|Chapter)\s+(?P<nums>[IVXLC]+|\d+)\s+of\s+{_ADJ}"
                        rf"(?P<name>{CODE}|(?:{_TITLE_WORD}\s+){{0,2}}{_KEYWORD}\s+[Ll]aw)\b")),
    ("numbered_law", re.compile(rf"\b(?P<name>Law)\s+(?:{_NO}\s*)?(?P<num>{_NUMBER}[/-](?:19|20)?\d\d)\b(?![/-]\d)|"
                                rf"(?<!Draft )\b(?P<name2>Law)\s+(?:{_NO}\s*(?P<num2>{_NUMBER})|"
                                rf"(?P<num3>\d{{1,3}}(?:[.,]\d{{3}})+|"
                                r"(?!(?:19|20)\d\d\b)\d{3,6}|(?:19|20)\d\d-\d{1,4}))\b"
                                r"(?![/-]\d)(?:\s+of\s+(?P<numyear>(?:19|20)\d\d)\b)?")),
    ("decree", re.compile(r"\b(?P<name>(?:Royal\s+|Legislative\s+|Presidential\s+|Executive\s+|Supreme\s+|"
                          r"Ministerial\s+|Emergency\s+)?(?:Decree-Law|[Dd]ecree|Provisional\s+Measure))\s+"
                          rf"(?:No\.\s*|#\s*)?(?P<num>\d{{1,3}}(?:,\s?\d{{3}})*-[A-Z]{{1,4}}\b|"
                          rf"{_NUMBER}(?:[/-](?:19|20)?\d\d)?)\b"
                          r"(?:\s+of\s+(?P<numyear>(?:19|20)\d\d)\b)?")),
    ("bill", re.compile(r"\b(?P<name>Bill\s+[A-Z]-\d+)\b")),
    ("canadian_bill", re.compile(r"(?<![\w-])(?P<num>[CS]-\d{1,3})\b(?![-.]\d)")),
    ("parenthesised_numbers", re.compile(
        rf"\b(?P<name>[Ll]aws?|[Dd]ecrees?)\s*\(\s*Nos?\.\s*(?P<nums>{_NUMBER}(?:/\d+)*"
        rf"(?:\s*(?:,|and)\s*{_NUMBER}(?:/\d+)*)*)\s*\)")),
    ("titled_law", re.compile(
        r"\b(?:the\s+|a\s+)?(?:(?:draft\s+)?(?:[Ll]aw|bill|act|decree|regulation|rules)\s+"
        r"(?:called\s+|named\s+|entitled\s+|known\s+as\s+)?"
        r"[\"“](?P<name>[A-Z][^\"”]{2,80}?)[,.]?[\"”]"
        r"|(?:[Nn]icknamed|[Dd]ubbed|[Kk]nown\s+as)\s+[\"“](?P<nick>[A-Z][^\"”]{1,40}?)[,.]?[\"”],?\s+(?:this|the)\s+"
        r"(?:draft\s+)?(?:law|bill)"
        r"|\b(?:law|bill)\s+\((?P<paren>[A-Z][\w-]+(?:\s+[A-Z0-9][\w-]*){0,3})\))")),
    ("acronym_bill", re.compile(r"\b(?!(?:IPR|IP|US|USG|EU|UN|WTO|PRC|UK|GO[A-Z]{1,2})\s)"
                                r"(?P<name>[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*\s+(?:bill|law))\b")),
    ("numbered_bill", re.compile(rf"\b(?P<name>Bill|PL)(?:\s+|(?<=PL))(?:No\.\s*)?"
                                 rf"(?P<num>{_NUMBER}(?:[/-](?:19|20)?\d\d)?)\b")),
    ("directive", re.compile(r"\b(?P<name>(?:(?:EU|EC|European)\s+)?Directive)\s+(?:No\.\s*)?"
                             r"(?P<num>\d{2,4}/\d{1,4}(?:/E[CU])?)\b|\b(?P<named>(?:[A-Z][\w-]*\s+){1,5}[Dd]irective)\b"
                             r"(?:\s+\((?P<acronym>[A-Z]{3,8})\))?|\b(?P<known>IPRED)\b")),
    # The Constitution where an article of it is cited or a country's is named; "the Constitution requires" in an
    # argument is not a citation.
    ("constitution", re.compile(r"\b(?:(?P<kind>Articles?|Art\.)\s+(?P<nums>\d+(?:\s*\([IVXLC]+\))?)\s+of\s+"
                                r"(?:the|its|[A-Z][a-z]+'s)|[A-Z][a-z]+'s)\s+(?:own\s+|new\s+|national\s+)?"
                                r"(?P<name>Constitution)\b")),
    ("resolution", re.compile(r"\b(?P<name>(?:Government\s+|Emergency\s+|Joint\s+)*"
                              r"(?:Resolution|Ordinance|Order|Decision|Regulation|Circular))\s+No\.\s*(?P<num>\d+(?:[/-]\d+)?)\b|"
                              r"\b(?P<name2>(?:Government\s+)?(?:Emergency\s+)?Ordinance|Government\s+Regulation|"
                              r"(?:Joint\s+)?Circular)\s+"
                              r"(?P<num2>\d+/(?:19|20)?\d\d)\b|"
                              r"\b(?P<andean>Andean\s+(?:Community\s+|Pact\s+)?Decision\s+(?P<num3>\d{3}))\b|"
                              r"\b(?P<name4>Decision)\s+(?P<num4>\d{3})\s+of\s+the\s+Andean\b")),
    ("republic_act", re.compile(r"\b(?:Republic\s+Act|(?-i:RA))\s+(?:No\.\s*)?(?P<num>\d{3,5})\b")),
    ("ordinance", re.compile(r"\b(?P<name>(?:[A-Z][\w-]*\s+){1,4}(?:\((?:Amendment)\)\s+)?Ordinance)\b"
                             r"(?:,?\s+(?P<after>(?:19|20)\d\d)\b)?")),
    ("named_regulations", re.compile(
        r"\b(?P<name>(?:(?-i:(?!(?:The|This|That|These|Those|Its|Their|New|Draft|Under|In|Certain|Some|Several|Many|"
        r"Other|Such|All|Any|Both|Existing|Current)\b)[A-Z][\w'’-]*)\s+(?:of\s+|on\s+)?){1,6})"
        r"(?:(?:\([A-Z]{2,6}\)\s+|[\"“][a-z]+[\"”]\s+)[Rr]egulations|Regulations)\b"
        rf"(?P<on>\s+{_REGULATED})?")),
    ("eponymous", re.compile(r"\b(?P<name>(?!(?:Anti|Non|Pro|Co|Inter|Multi|Cross|Post|Pre|Self|Counter)-)"
                             r"[A-Z][a-z]{2,}-[A-Z][a-z]{2,})\s+(?:[Ll]aw|Act)\b")),
    ("legislation", re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]*\s+){2,4}Legislation)\b")),
    ("regulations_on", re.compile(rf"\b(?P<name>Regulations?\s+{_REGULATED})")),
    ("section_act", re.compile(r"\b(?P<kind>Section)\s+(?P<nums>\d+)\s+of\s+the\s+"
                               r"(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:and|of|on)\s+)?){1,5}Act)\b"
                               r"(?:,?\s+(?:of\s+)?(?P<after>(?:19|20)\d\d)\b)?")),
    ("act", re.compile(r"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:and|of|on)\s+)?){1,7}"
                       r"(?:\((?:Amendment|Amendments|Amended)\)\s+)?Act)\b"
                       r"(?:,?\s+(?:of\s+)?(?P<after>(?:19|20)\d\d)\b)?")),
    ("numbered_act", re.compile(r"\b(?P<name>Act)\s+(?:No\.\s*|Number\s+)(?P<num>\d{1,4})\s+of\s+"
                                r"(?P<year>(?:19|20)\d\d)\b")),
    # `Ley` or `Lei` opens a title only before a number, an article or a known word: `Lei Longtong` is a person.
    ("spanish_law", re.compile(
        r"\b(?P<name>(?:Ley|Lei)\s+(?:(?:Federal|Org[aá]nica|General|N[oº°]\.?)\s+)?"
        r"(?:(?:(?:de|del|da|do|dos|das|sobre|para)\s+)(?:(?:la|los|las|el|e|y)\s+)?[A-Z][\w-]*"
        r"|\d{1,3}(?:[.,]\d{3})*(?:/\d{2,4})?)(?:\s+(?:(?:de|del|la|los|las|da|do|dos|das|e|y|sobre|para|el)\s+)*"
        r"[A-Z][\w-]*){0,6})")),
    ("law_on", re.compile(
        rf"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<name>Law\s+(?:of\s+[A-Z]\w+\s+)?(?:on|of|for|concerning|about)\s+"
        rf"(?:the\s+|an?\s+)?"
        rf"{_TITLE_WORD}(?:,\s+{_TITLE_WORD}|\s+(?:{_CONNECT}\s+)*{_TITLE_WORD})*)")),
    ("draft_law_on", re.compile(
        r"\b(?P<draft>draft\s+)?law\s+on\s+(?P<subject>(?:[a-z][\w-]*|TV)(?:\s+(?:and\s+)?(?:[a-z][\w-]*|TV)){0,3}?)"
        r"(?=\s+(?:for|to|that|which|is|was|would|will|in|with|by|as|has|have)\b|[,.;:)]|$)")),
    ("keyword_law", re.compile(
        rf"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<name>{_TITLE_PREFIX}"
        rf"(?:(?:Intellectual Property Rights \(IPR\)|{_KEYWORD})\s+)[Ll]aw)"
        r"(?:\s+(?:No\.\s*)?(?P<num>\d+)\s+of\s+(?P<numyear>(?:19|20)\d\d))?\b"
        r"(?!\s+(?:Treaty|[Ff]irm|[Ee]nforcement|Research|Cent(?:er|re)|Institute|School|Faculty|Department|Office|"
        r"Society|Association|Journal|Review|Clinic|Program(?:me)?|Seminar|Conference|Course|Professor))")),
    ("law_of_year", re.compile(rf"\b(?P<name>(?:Draft\s+)?Law)\s+(?P<num>{_NUMBER})\s+of\s+(?P<year>(?:19|20)\d\d)\b")),
    ("code", re.compile(rf"\b(?P<name>{_CODE_KIND}(?:\s+Procedure)?\s+Code|"
                        r"Code\s+of\s+(?:Criminal|Civil|Administrative)\s+(?:Procedure|Offenses|Offences))\b", re.I)),
    ("named_law", re.compile(rf"(?:\b(?:the|its|their|a|new|draft|amended|proposed|planned|pending|revised)\s+|"
                             rf"\b(?P<year>(?:19|20)\d\d)\s+)"
                             rf"(?P<name>{_NAMED_LAW})\b"
                             r"(?!\s+(?:[Ee]nforcement|[Ff]irm|[Oo]ffice|[Ss]chool|[Ff]aculty|[Ii]nstitute|[Dd]epartment|"
                             r"[Ss]ociety|[Rr]eview|[Aa]ssociation|[Cc]enter|[Cc]entre|[Jj]ournal|[Pp]artners|[Rr]esearch|"
                             r"[Cc]linic|[Pp]rogram|[Ss]eminar|[Cc]onference|[Cc]ourse|[Pp]rofessor))")),
    ("lower_law", re.compile(r"\b(?:the|its|a|their)\s+(?:new\s+|draft\s+|current\s+|existing\s+|amended\s+)?"
                             r"(?P<name>(?:patent|trademark|copyright|customs|intellectual\s+property|industrial\s+property|"
                             r"IPR|biotechnology|telecom(?:munications?)?|"
                             r"biosafety|data\s+protection)\s+(?:law|bill))\b"
                             r"(?!\s+(?:firm|enforcement))")),
    ("judicial", re.compile(r"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?:revised\s+)?"
                            r"(?P<name>[Jj]udicial [Ii]nterpretations?)\b")),
    ("judicial", re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?P<name>JI)\b")),
    ("possessive_law", re.compile(r"\b(?:China|Russia|Egypt|Lebanon|Kazakhstan|Ukraine|Bulgaria|[A-Z][a-z]+)'s\s+"
                                  r"(?P<name>copyright|patent|trademark|criminal|civil|customs|competition|"
                                  r"intellectual\s+property|industrial\s+property)\s+law\b"
                                  r"(?!\s+(?:system|tradition|jurisdictions?|countries|culture|practice))")),
    ("quoted", re.compile(
        r"[\"“](?P<name>(?:[A-Z][\w-]*\s+){0,6}(?:Regulations|Measures|Rules|Provisions|Law|Decree|Interpretation)"
        r"(?:\s+(?:on|of|for|concerning|during)\s+[^\"”]{3,100})?)[\"”]")),
    ("cabinet_decree", re.compile(
        r"\b(?:a|the)\s+(?:(?:existing|current|new|recent|latest)\s+)?(?:(?:19|20)\d\d\s+)?"
        r"(?P<issuer>cabinet\s+|presidential\s+|(?:prime\s+)?ministerial\s+|royal\s+|(?-i:GO[A-Z]{1,2})\s+|"
        r"government(?:al)?\s+|prime minister's\s+)?"
        r"(?P<name>decree(?:-law)?)\b(?!\s+(?:No\.\s*)?\d)"
        r"(?!\s+(?:may|might|could|would)\s+(?:be\s+)?(?:sufficient|enough|suffice)\b)", re.I)),
    ("amendment", re.compile(
        r"\b[Tt]he\s+amendment,?\s+which\s+was\s+(?:approved|adopted|passed|signed|enacted)\s+(?:on\s+)?"
        r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
        r"\s+\d{1,2},?\s+(?P<year>(?:19|20)\d\d))")),
)
TRIGGERS: dict[str, tuple[str, ...]] = {
    "article": ("art", "section"), "law_article": ("law",), "code_article": ("code",),
    "part": ("part", "book", "chapter"),
    "numbered_law": ("law",), "decree": ("decree", "provisional"), "bill": ("bill",), "canadian_bill": ("c-", "s-"),
    "parenthesised_numbers": ("law", "decree"), "titled_law": ("law", "bill", "act", "decree", "regulation", "rules"),
    "acronym_bill": ("bill", "law"), "numbered_bill": ("bill", "pl"), "directive": ("directive", "ipred"),
    "constitution": ("constitution",),
    "resolution": ("resolution", "ordinance", "order", "decision", "regulation", "circular"),
    "republic_act": ("republic", "ra "), "ordinance": ("ordinance",), "regulations_on": ("regulation",),
    "named_regulations": ("regulations",), "eponymous": ("law", "act"), "legislation": ("legislation",),
    "section_act": ("section",), "act": ("act",), "numbered_act": ("act",),
    "spanish_law": ("ley", "lei"), "law_on": ("law",), "draft_law_on": ("law",),
    "keyword_law": ("law",), "law_of_year": ("law",), "code": ("code",), "named_law": ("law",),
    "lower_law": ("law", "bill"), "judicial": ("judicial", "ji"), "possessive_law": ("law",),
    "quoted": ('"', "“"), "cabinet_decree": ("decree",), "amendment": ("amendment",),
}
"""Words (lower case) a sentence must contain for each pattern to be tried: most sentences name no law, and
thirty patterns on every sentence were the larger part of a full generation."""
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_DETERMINED = re.compile(r"\b(?:the|its|a|an|their|this|that|new|draft|current|existing|amended|revised|[A-Z][a-z]+'s)"
                         r"\s+(?:[a-z]+\s+){0,2}$")
"""`the new IPR law`, `a comprehensive IPR law`: a determiner (and up to two adjectives) names one law."""
_PAREN_YEAR = re.compile(r"^\s*\((?:of\s+)?((?:19|20)\d\d)\)")
_ENACTED = re.compile(r"\b(?:enacted|adopted|passed|approved|went into effect|entered into force|took effect|"
                      r"came into force|promulgated|in force since|effective)\b", re.I)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass
class _Found:
    name: str
    year: int | None
    article: str | None
    paragraph: int | None
    order: tuple[int, int]
    foreign: str | None = None
    """The jurisdiction when the text makes it another country's law (`United States`)."""
    text: str | None = None


US_ACTS = ("Tariff Act", "Trade Act", "Lanham Act", "Digital Millennium Copyright Act", "Omnibus Trade and "
           "Competitiveness Act", "Trade Act of 1974", "Copyright Act of 1976", "Hatch-Waxman Act", "Bayh-Dole Act",
           "Sarbanes-Oxley Act", "Helms-Burton Act", "Leahy-Smith Act")
_US_BEFORE = re.compile(r"(?:\bU\.S\.|\bUS\b|\bUnited States\b|\bAmerican\b)[^.;,]{0,30}$")


def _title(text: str) -> str:
    words = " ".join(text.split())
    return words[:1].upper() + words[1:]


def _norm_code(name: str) -> str:
    """`criminal code` and `PENAL CODE` -> `Criminal Code`, `Penal Code`; an abbreviation stays (`IP Code`)."""
    words = name.split()
    shouting = all(word.isupper() for word in words)
    kept = [(word.isupper() and len(word) > 1 and not shouting) or (word in ("of", "on", "the") and index > 0)
            for index, word in enumerate(words)]
    return " ".join(word if keep else word.capitalize() for word, keep in zip(words, kept, strict=True))


def extract_laws(cable: Cable, country: str | None) -> tuple[Law, ...]:
    found: list[_Found] = []
    cat = catalogue()
    last_law: str | None = None
    for p_index, paragraph in enumerate(cable.paragraphs):
        for sentence in split_sentences(paragraph.text):
            text = sentence.text
            taken = [(m.start, m.end) for m in cat.find(text)]
            hits: list[tuple[int, int, str, re.Match[str]]] = []
            lowered = text.lower()
            for kind, pattern in PATTERNS:
                if not any(word in lowered for word in TRIGGERS[kind]):
                    continue
                if kind == "canadian_bill" and country != "Canada":
                    continue  # `C-60` alone names a bill of Canada's Parliament; elsewhere it may be an aircraft
                for hit in pattern.finditer(text):
                    span = hit.span()
                    if any(not (span[1] <= a or span[0] >= b) for a, b in taken) and kind != "acronym_bill":
                        continue  # a treaty's name is not a law, but "the CAFTA-DR bill" implementing it is
                    hits.append((span[0], span[1], kind, hit))
                    taken.append(span)
            hits = [hit for hit in hits if not _in_publication_title(text, hit[0])]
            hits.sort(key=lambda h: h[0])
            enacted_year = None
            years = _YEAR.findall(text)
            if _ENACTED.search(text) and len(set(years)) == 1:
                enacted_year = int(years[0])
            merged_hits: list[tuple[int, int, str, re.Match[str]]] = []
            for item in hits:
                if (merged_hits and item[2] in ("numbered_law", "decree")
                        and re.fullmatch(r"\s*\(\s*", text[merged_hits[-1][1]:item[0]])
                        and merged_hits[-1][2] in ("keyword_law", "law_on", "act")):
                    previous = merged_hits.pop()
                    number = _interpret(item[2], item[3], text, item[1], last_law)
                    named = _interpret(previous[2], previous[3], text, previous[1], last_law)
                    if number and named:
                        found.append(_Found(f"{named[0][0]} ({number[0][0]})", number[0][1] or named[0][1], None,
                                            paragraph.number, (p_index, sentence.start + previous[0]), None, text))
                        last_law = named[0][0]
                        continue
                    merged_hits.append(previous)
                merged_hits.append(item)
            for start, end, kind, hit in merged_hits:
                order = (p_index, sentence.start + start)
                results = _interpret(kind, hit, text, end, last_law)
                foreign = ("United States" if _US_BEFORE.search(text[:start]) or
                           any(results and results[0][0].startswith(act) for act in US_ACTS) else None)
                for name, year, article in results:
                    if year is None and len(merged_hits) == 1:
                        year = enacted_year
                    found.append(_Found(name, year, article, paragraph.number, order, foreign, text))
                    if kind not in ("amendment", "cabinet_decree", "judicial", "quoted"):
                        last_law = name
    return _merge(found, country)


_QUOTED = re.compile(r"[\"“](?P<inside>[^\"”]{3,200})[\"”]")
_PUBLICATION = re.compile(r"\b(?:papers?|books?|study|studies|reports?|articles?|publications?|op-eds?|editorials?|"
                          r"titled|entitled|chapters?)\b[^.;]{0,80}$", re.I)
"""`a collection of papers ... ("In the Public Interest The Future of Canadian Copyright Law" available at ...)`: a
law's name inside the quoted title of a publication is the publication, not a law the cable cites."""


def _in_publication_title(text: str, start: int) -> bool:
    if '"' not in text and "“" not in text:
        return False
    for quoted in _QUOTED.finditer(text):
        if quoted.start("inside") <= start < quoted.end("inside"):
            return bool(_PUBLICATION.search(text[max(0, quoted.start() - 120):quoted.start()]))
    return False


_LEADING_WORDS = frozenset({"The", "This", "That", "Its", "Under", "In", "A", "An", "New", "Draft"})


def _without_leading_words(words: list[str]) -> list[str]:
    """`The Copyright Act` -> `Copyright Act`: capitalised words that open a sentence, not a title."""
    start = 0
    while start < len(words) and words[start] in _LEADING_WORDS:
        start += 1
    return words[start:]


def _year_of_number(num: str) -> int | None:
    """`9279/1996` -> 1996, `1787/96` -> 1996, `22/03` -> 2003: the year a law's number ends with."""
    year_match = re.search(r"[/-]((?:19|20)?\d\d)$", num)
    if not year_match:
        return None
    digits = year_match.group(1)
    return int(digits) if len(digits) == 4 else (2000 + int(digits) if int(digits) < 40 else 1900 + int(digits))


def _interpret(kind: str, hit: re.Match[str], text: str, end: int,
               last_law: str | None) -> list[tuple[str, int | None, str | None]]:
    paren = _PAREN_YEAR.match(text[end:])
    paren_year = int(paren.group(1)) if paren else None
    if kind in ("article", "code_article"):
        name = _norm_code(hit.group("name"))
        nums = re.findall(r"\d+(?:\.\d+)?(?:\s+(?:bis|ter|quater)\b)?", hit.group("nums"))
        stated = hit.groupdict().get("year")
        year = int(stated) if stated else paren_year
        unit = "Section" if hit.group("kind").lower().startswith("section") else "Article"
        if len(nums) == 2 and re.search(r"\d\s+to\s+\d", hit.group("nums")):
            return [(name, year, f"{unit}s {nums[0]}-{nums[1]}")]  # `sections 351 to 353`: one provision
        return [(name, year, f"{unit} {num}") for num in nums]
    if kind == "part":
        name = re.sub(r"\s+", " ", hit.group("name"))
        name = _norm_code(name) if name.lower().endswith("code") else name[:-3] + "Law"
        return [(name, paren_year, f"{hit.group('kind')} {hit.group('nums')}")]
    if kind in ("numbered_law", "decree"):
        if kind == "numbered_law" and (hit.group("num2") or hit.group("num3")):
            year = int(hit.group("numyear")) if hit.group("numyear") else paren_year
            return [(f"Law No. {hit.group('num2') or hit.group('num3')}", year, None)]
        num = hit.group("num")
        name = hit.group('name')
        stated = hit.groupdict().get("numyear")
        return [(f"{name[:1].upper()}{name[1:]} {num}", int(stated) if stated else _year_of_number(num), None)]
    if kind == "resolution":
        if hit.group("andean") or hit.group("name4"):
            return [(f"Andean Decision {hit.group('num3') or hit.group('num4')}", paren_year, None)]
        if hit.group("name2"):
            name, num = " ".join(hit.group("name2").split()), hit.group("num2")
            return [(f"{name} {num}", _year_of_number(num), None)]
        num = hit.group("num")
        return [(f"{' '.join(hit.group('name').split())} No. {num}", _year_of_number(num) or paren_year, None)]
    if kind == "republic_act":
        return [(f"Republic Act {hit.group('num')}", paren_year, None)]
    if kind == "ordinance":
        words = _without_leading_words(hit.group("name").split())
        if len(words) < 2:
            return []
        year = hit.group("after")
        return [(" ".join(words), int(year) if year else paren_year, None)]
    if kind == "named_regulations":
        words = _without_leading_words(hit.group("name").split())
        on = " ".join(hit.group("on").split()) if hit.group("on") else ""
        if len(words) < 2 - bool(on) or (words and words[0].islower()):
            return []
        return [(" ".join([*words, "Regulations", *([on] if on else [])]), paren_year, None)]
    if kind == "eponymous":
        return [(f"{hit.group('name')} Act", paren_year, None)]
    if kind == "legislation":
        words = _without_leading_words(hit.group("name").split())
        return [(" ".join(words), paren_year, None)] if len(words) >= 2 else []
    if kind == "regulations_on":
        return [(" ".join(hit.group("name").split()), paren_year, None)]
    if kind == "section_act":
        year = hit.group("after")
        return [(" ".join(hit.group("name").split()), int(year) if year else paren_year,
                 f"Section {hit.group('nums')}")]
    if kind == "act":
        words = _without_leading_words(hit.group("name").split())
        if len(words) < 2:
            return []
        year = hit.group("year") or hit.group("after")
        return [(" ".join(words), int(year) if year else paren_year, None)]
    if kind == "numbered_act":
        return [(f"Act No. {hit.group('num')} of {hit.group('year')}", int(hit.group("year")), None)]
    if kind == "spanish_law":
        return [(" ".join(hit.group("name").split()), paren_year, None)]
    if kind == "bill":
        return [(hit.group("name"), paren_year, None)]
    if kind == "canadian_bill":
        return [(f"Bill {hit.group('num')}", paren_year, None)]
    if kind == "parenthesised_numbers":
        base = "Decree" if hit.group("name").lower().startswith("decree") else "Law"
        nums = re.findall(rf"{_NUMBER}(?:/\d+)*", hit.group("nums"))
        return [(f"{base} No. {num}", paren_year, None) for num in nums]
    if kind == "law_of_year":
        return [(f"{hit.group('name')} {hit.group('num')}", int(hit.group("year")), None)]
    if kind == "titled_law":
        name = " ".join((hit.group("name") or hit.group("nick") or hit.group("paren")).split())
        if name.startswith("On "):
            name = f'Law "{name}"'  # `the Law "On Medical Drugs"`: a title as Ukraine and Russia write them
        return [(name, paren_year, None)]
    if kind == "acronym_bill":
        return [(" ".join(hit.group("name").split()), paren_year, None)]
    if kind == "law_article":
        year = int(hit.group("year")) if hit.group("year") else paren_year
        nums = re.findall(r"\d+(?:\.\d+)?", hit.group("nums"))
        return [(" ".join(hit.group("name").split()), year, f"Article {num}") for num in nums]
    if kind == "numbered_bill":
        return _interpret("decree", hit, text, end, last_law)
    if kind == "directive":
        if hit.group("known"):
            return [("Intellectual Property Rights Enforcement Directive (IPRED)", 2004, None)]
        if hit.group("named"):
            words = _without_leading_words(hit.group("named").split())
            if len(words) < 2:
                return []
            acronym = f" ({hit.group('acronym')})" if hit.group("acronym") else ""
            return [(" ".join(words) + acronym, paren_year, None)]
        return [(f"{hit.group('name')} {hit.group('num')}", paren_year, None)]
    if kind == "constitution":
        article = f"Article {' '.join(hit.group('nums').split())}" if hit.group("nums") else None
        return [("Constitution", paren_year, article)]
    if kind == "law_on":
        name = re.sub(r",$", "", " ".join(hit.group("name").split()))
        year = int(hit.group("year")) if hit.group("year") else paren_year
        return [(name, year, None)]
    if kind == "draft_law_on":
        prefix = "Draft law on " if hit.group("draft") else "Law on "
        return [(prefix + " ".join(hit.group("subject").split()), paren_year, None)]
    if kind == "keyword_law":
        name = " ".join(hit.group("name").split())
        if name.endswith(" law") and not hit.group("year") and not _DETERMINED.search(text[max(0, hit.start() - 30):
                                                                                           hit.start()]):
            return []  # "applying IPR law": the law in general, not a law the cable names
        name = re.sub(r"^Intellectual Property Rights \(IPR\)", "IPR", name)
        name = name[:-3] + "Law"
        year = int(hit.group("year")) if hit.group("year") else paren_year
        if hit.group("num"):
            name = f"{name} No. {hit.group('num')}"
            year = int(hit.group("numyear"))
        return [(name, year, None)]
    if kind == "code":
        return [(_norm_code(hit.group("name")), paren_year, None)]
    if kind == "named_law":
        year = int(hit.group("year")) if hit.group("year") else paren_year
        return [(" ".join(hit.group("name").split()), year, None)]
    if kind == "lower_law":
        name = re.sub(r"^IPR\b", "Intellectual Property", " ".join(hit.group("name").split()))
        return [(_norm_code(name), paren_year, None)]
    if kind == "judicial":
        return [("Judicial Interpretation", int(hit.group("year")) if hit.group("year") else None, None)]
    if kind == "quoted":
        return [(" ".join(hit.group("name").split()).rstrip(".,;"), paren_year, None)]
    if kind == "possessive_law":
        return [(" ".join(hit.group("name").split()).capitalize() + " Law", paren_year, None)]
    if kind == "cabinet_decree":
        issuer = (hit.group("issuer") or "").strip()
        if not issuer and not re.search(
                r"\bissued\s+a\s+decree|\bdecree\s+(?:was|has been)\s+(?:issued|drafted|adopted)", text, re.I):
            return []
        years = _YEAR.findall(text)
        name = hit.group("name").lower()
        return [(_title(f"{issuer} {name}" if issuer else name), int(years[0]) if years else None, None)]
    if kind == "amendment":
        month, day = hit.group("date").split()[:2]
        date = f"{day.strip(',')} {month} {hit.group('year')}"
        base = f"{last_law} amendment" if last_law else "Amendment"
        return [(f"{base} of {date}", int(hit.group("year")), None)]
    return []


def _key(name: str, article: str | None) -> tuple[str, str]:
    base = re.sub(r"^(?:the|draft)\s+", "", name.lower())
    base = re.sub(r"^law (?:on|for|of) (?:the |an? )?(.+)$", r"\1 law", base)  # "Law for a X" is "X Law"
    base = re.sub(r"^ipr\b", "intellectual property", base)  # "the IPR law" is "the intellectual property law"
    base = re.sub(r"\s*\([a-z]{2,8}\)$", "", base)  # "... Directive (IPRED)" is "... Directive"
    return (base, (article or "").lower())


def _merge(found: list[_Found], country: str | None) -> tuple[Law, ...]:
    merged: dict[tuple[str, str], _Found] = {}
    for item in found:
        key = _key(item.name, item.article)
        if key in merged:
            if merged[key].year is None and item.year is not None:
                merged[key].year = item.year
            if merged[key].name.startswith("IPR ") and not item.name.startswith("IPR "):
                merged[key].name = item.name  # the name spelled out reads better than the abbreviation
            continue
        merged[key] = item
    # "IPR Law" is the same law as "IPR Law No. 82" in the same cable.
    numbered = {key[0].split(" no. ")[0]: item for key, item in merged.items() if " no. " in key[0] and not key[1]}
    for key in list(merged):
        if not key[1] and key[0] in numbered:
            target = numbered[key[0]]
            if target.year is None:
                target.year = merged[key].year
            if merged[key].order < target.order:
                target.order, target.paragraph = merged[key].order, merged[key].paragraph
            del merged[key]
    with_articles = {key[0] for key in merged if key[1]}
    for key in list(merged):
        if not key[1] and key[0] in with_articles:
            del merged[key]
    items = sorted(merged.values(), key=lambda item: item.order)
    return tuple(Law(item.name, item.year, item.foreign or country, item.article, item.paragraph, item.text)
                 for item in items)
