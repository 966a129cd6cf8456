"""Treaties, conventions and agreements a cable names, from lists and from prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cable, Treaty
from .catalogue import Entry, catalogue
from .sentences import split_sentences

YEAR = re.compile(r"\b(1[89]\d\d|20[0-3]\d)\b")
_YEAR_BEFORE = re.compile(r"\b(1[89]\d\d|20[0-3]\d)(?:'s)?\s+(?:the\s+)?$")
_PARTNER_AGREEMENT = re.compile(r"\b(?:the\s+)?(?:U\.S\.|US|American)\s+(?:free\s+trade\s+)?agreement\s+with\s+"
                                r"(?P<partner>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
"""`the U.S. agreement with Chile`: a US agreement with a third country, named by its partner."""
_PARTNERS = re.compile(r"(?:U\.S\.|US|EU|[A-Z][a-z]+|[A-Z]+)[-–][A-Z][\w.]*")
"""`U.S.-Vietnam`, `US-VIETNAM`: the partners that name a bilateral BTA, TPA or TIFA."""
_ACRONYM_ACCORD = re.compile(r"\b(?P<name>[A-Z]{2,6}\s+accord)\b")
"""`the Argentinian MAC accord`: an accord named by its acronym, in lower case."""
_GENERIC = re.compile(
    r"(?<![\w-])((?:[A-Z][\w.'’-]*\s+(?:(?:and|of|on|for)\s+)?){1,6})"
    r"(Agreement|Convention|Treaty|Protocol|Accord|FTA|BTA|TPA|TIFA)(?![\w-])"
    r"|(?<![\w-])(Agreement|Convention|Treaty|Protocol)\s+(?:on|of|for|Regarding|Concerning|Relating to|Between)"
    r"\s+(?=[A-Z])"
)
_TAIL = re.compile(r"(?:\s+(?:on|of|for|regarding|concerning|relating to|between|with|in|the|and|to|a|an|"
                   r"[A-Z][\w'’-]*)(?=\W|$))+")
_HEAD_DROP = {"The", "This", "That", "These", "Those", "A", "An", "Its", "Their", "Our", "Under", "In", "And", "As",
              "Both", "Such", "Any", "Each", "New", "Draft", "Current", "Proposed", "Separate", "SUMMARY",
              "Summary", "Comment", "COMMENT", "While", "With", "On", "For", "Of", "If", "When", "Since"}
_UNIT_WORDS = {"Department", "Ministry", "Office", "Bureau", "Division", "Directorate", "Director", "Section"}
"""A head naming an office ("Department of Treaty and Law") is not a treaty."""
_TECHNICAL_WORDS = {"Internet", "Transfer", "Transmission", "Network", "Communication", "Communications", "Routing",
                    "Control", "Access", "Application", "Security", "Session", "Voice"}
_PRIVATE_WORDS = {"Settlement", "License", "Licence", "Licensing", "Purchase", "Lease", "Loan", "Sales", "Sale",
                  "Distribution", "Franchise", "Employment", "Confidentiality", "Nondisclosure", "Non-Disclosure",
                  "Services", "Supply", "Purchasing", "Merger"}
_ORG_WORDS = {"WTO", "IPR", "EU", "U.S.", "US", "GOK", "GOE", "GOL", "GOR", "MFA", "MOFCOM", "USTR"}

STATUS_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("not party", re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:acceded|joined|become a party|a party|a member)\b",
                             re.I)),
    ("not ratified", re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?ratified\b"
                                r"|\b(?:cannot|can't|could not|yet to)\s+be\s+ratified\b", re.I)),
    ("urged", re.compile(r"\burg(?:ed|es|ing|e)\b[^.;]*\bto\s+(?:ratify|join|accede|sign|implement|adopt)\b", re.I)),
    ("pending ratification", re.compile(
        r"\bawait\w*\s+(?:\w+\s+)?ratification|\bpending\s+ratification|\bsent\s+to\s+(?:the\s+)?parliament\b", re.I)),
    ("ratified", re.compile(r"\bratifi(?:ed|cation of)\b", re.I)),
    ("acceded", re.compile(r"\bacced(?:ed|es)\b", re.I)),
    ("joining", re.compile(r"\baccession\s+to\b|\b(?:announce\w*|plan\w*|decision|efforts?|intends?|intention|"
                           r"seek\w*)\s+to\s+join\b", re.I)),
    ("joined", re.compile(r"\bjoin(?:ed|ing|s)\b", re.I)),
    ("party", re.compile(r"\b(?:is|are|was|became|become|as)\s+(?:a\s+)?(?:party|parties|member|signator(?:y|ies))\b"
                         r"|\bparty\s+to\b", re.I)),
    ("signed", re.compile(r"\bsign(?:ed|s)\b", re.I)),
)
STATUS_RANK = {"ratified": 9, "acceded": 9, "party": 8, "joined": 8, "signed": 6, "pending ratification": 5,
               "joining": 4, "urged": 3, "not ratified": 2, "not party": 2}
_FILLER = re.compile(r"^[\s,;()\[\]]*(?:(?:and|or|the|as well as|\([A-Z]{2,6}\))[\s,;()]*)*$", re.I)


@dataclass
class _Mention:
    name: str
    entry: Entry | None
    as_written: str
    year: int | None
    status: str | None
    since: int | None
    paragraph: int | None
    order: tuple[int, int]


def status_of(context: str) -> str | None:
    """The status words say about a treaty (`ratified`, `party`, `urged`...), or None."""
    for status, pattern in STATUS_RULES:
        if pattern.search(context):
            return status
    return None


def _extend(text: str, end: int, is_agreement: bool = False) -> int:
    tail = _TAIL.match(text, end)
    if not tail:
        return end
    chunk = tail.group(0)
    # Do not run into the next sentence part or a trailing connector.
    trimmed = re.sub(r"(?:\s+(?:on|of|for|regarding|concerning|relating to|between|in|the|and|to|a|an))+$", "", chunk)
    if not re.match(r"\s+(?:on|of|for|regarding|concerning|relating to|between)\b", trimmed):
        # "Free Trade Agreement with South Korea": the partner is part of the name.
        partner = re.match(r"\s+with\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}", trimmed)
        return end + len(partner.group(0)) if partner and is_agreement else end
    return end + len(trimmed)


def _generic_matches(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for hit in _GENERIC.finditer(text):
        start, end = hit.span()
        if hit.group(3):  # "Agreement on ..." with no head
            end = _extend(text, hit.start() + len(hit.group(3)))
            if end == hit.start() + len(hit.group(3)):
                continue
        else:
            head = hit.group(1).split()
            while head and (head[0] in _HEAD_DROP or head[0].lower() in ("and", "of", "on", "for")):
                start += len(hit.group(1)[:hit.group(1).index(head[0])]) + len(head[0])
                start += len(text[start:]) - len(text[start:].lstrip())
                head = head[1:]
                if head:
                    continue
            if not head or all(word in _ORG_WORDS for word in head) or head[0] in _UNIT_WORDS:
                continue
            if hit.group(2) == "Protocol" and head[-1] in _TECHNICAL_WORDS:
                continue  # "Internet Protocol addresses": a network protocol, not a treaty
            if len(head) == 1 and re.fullmatch(r"[A-Z][\w.]*['’]s", head[0]):
                continue  # "The EU's FTA": whose agreement, not which one
            if hit.group(2) == "Agreement" and head[-1] in _PRIVATE_WORDS:
                continue  # "its Revised Settlement Agreement": a contract between parties, not a treaty
            if hit.group(2) in ("BTA", "TPA", "TIFA"):
                if not _PARTNERS.fullmatch(head[-1]):
                    continue  # "the BTA" alone, or words of a text in capitals before it
                start = hit.start(2) - len(head[-1]) - 1
            end = _extend(text, end, hit.group(2) == "Agreement")
        if any(not (end <= a or start >= b) for a, b in taken):
            continue
        written = text[start:end].strip()
        if len(written.split()) < 2:
            continue
        if found and re.fullmatch(r"\s*\(\s*", text[found[-1][1]:start]) and text[end:end + 1] == ")":
            continue  # "the U.S.-Korea Free Trade Agreement (KORUS FTA)": its short name, not a second agreement
        found.append((start, end, written))
        taken.append((start, end))
    for pattern in (_PARTNER_AGREEMENT, _ACRONYM_ACCORD):
        for hit in pattern.finditer(text):
            start, end = hit.span()
            if any(not (end <= a or start >= b) for a, b in taken):
                continue
            written = (f"US–{hit.group('partner')} agreement" if pattern is _PARTNER_AGREEMENT
                       else hit.group("name"))
            found.append((start, end, written))
            taken.append((start, end))
    return found


def extract_treaties(cable: Cable, country: str | None) -> tuple[Treaty, ...]:
    mentions: list[_Mention] = []
    cat = catalogue()
    for p_index, paragraph in enumerate(cable.paragraphs):
        text = paragraph.text
        sentences = split_sentences(text)
        intro_status: str | None = None
        intro_block = -1
        for s_index, sentence in enumerate(sentences):
            stext = sentence.text
            first_in_block = s_index == 0 or sentences[s_index - 1].block != sentence.block
            listed = sentence.item or (first_in_block and sentence.block > intro_block)
            if listed and intro_status is not None and sentence.block >= intro_block:
                inherited = intro_status
            else:
                inherited = None
                if not listed:
                    intro_status = None
            hits: list[tuple[int, int, tuple[Entry, ...] | None, str]] = []
            matches = cat.find(stext)
            for match in matches:
                end = _extend(stext, match.end) if len(match.entries) == 1 else match.end
                hits.append((match.start, end, match.entries, stext[match.start:end]))
            taken = [(h[0], h[1]) for h in hits]
            for start, end, written in _generic_matches(stext, taken):
                hits.append((start, end, None, written))
            hits.sort(key=lambda h: h[0])
            colon = stext.find(":")
            previous_end = 0
            previous_context = ""
            previous_count = 0
            for start, end, entries, written in hits:
                between = stext[previous_end:start]
                if previous_end and _FILLER.match(between):
                    context = previous_context
                else:
                    context = between if previous_end else stext[:start]
                    if 0 <= colon < start and previous_end:
                        context = stext[:colon] + " " + between
                status = status_of(context) or inherited
                if status is None and not previous_end:
                    status = status_of(stext[end:])
                stated = _YEAR_BEFORE.search(stext[:start])
                stated_year = int(stated.group(1)) if stated else None
                years = [int(y) for y in YEAR.findall(context) if not stated or int(y) != stated_year]
                after = re.match(r"[\s)(A-Z]*(?:in|since)\s+(?:[A-Z][a-z]+\s+)?(1[89]\d\d|20[0-3]\d)\b",
                                 stext[end:])
                if after and status:
                    years.append(int(after.group(1)))
                entry_years = {e.year for e in entries or ()}
                years = [y for y in years if y not in entry_years]
                since = years[0] if years and status in STATUS_RANK else None
                written_clean = " ".join(written.split())
                if previous_end and context is previous_context and since is not None:
                    for earlier in mentions[-previous_count:]:
                        if earlier.since is None and earlier.status == status:
                            earlier.since = since
                before_count = len(mentions)
                if entries is None:
                    mentions.append(_Mention(written_clean, None, written_clean, stated_year, status, since,
                                             paragraph.number, (p_index, sentence.start + start)))
                else:
                    for entry in entries:
                        mentions.append(_Mention(entry.named(country), entry, written_clean, stated_year or entry.year,
                                                 status, since, paragraph.number, (p_index, sentence.start + start)))
                previous_end = end
                previous_context = context
                previous_count = len(mentions) - before_count
            if stext.rstrip().endswith(":"):
                intro_status = status_of(stext)
                intro_block = sentence.block
    return _merge(mentions, country)


def _merge(mentions: list[_Mention], country: str | None) -> tuple[Treaty, ...]:
    by_name: dict[str, list[_Mention]] = {}
    for mention in mentions:
        key = mention.name.lower() if mention.entry is None else mention.name
        by_name.setdefault(key, []).append(mention)
    treaties: list[tuple[tuple[int, int], Treaty]] = []
    for group in by_name.values():
        best = max(group, key=lambda m: (STATUS_RANK.get(m.status or "", 0), m.since is not None, -m.order[0],
                                         -m.order[1]))
        first = min(group, key=lambda m: m.order)
        chosen = best if best.status else first
        year = next((m.year for m in group if m.year is not None and m.entry is None), None)
        if chosen.entry is not None:
            stated = [m.year for m in group if m.year is not None]
            year = stated[0] if stated else chosen.entry.year
        paragraphs = tuple(sorted({m.paragraph for m in group if m.paragraph is not None}))
        entry = chosen.entry
        treaties.append((chosen.order, Treaty(
            name=chosen.name, as_written=chosen.as_written, year=year, status=chosen.status,
            paragraph=chosen.paragraph, title=entry.titled(country) if entry else None,
            body=entry.body if entry else None, since=chosen.since, mentions=paragraphs)))
    treaties.sort(key=lambda item: item[0])
    return tuple(treaty for _, treaty in treaties)
