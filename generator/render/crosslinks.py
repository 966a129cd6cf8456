"""Links between cables and inside one cable, and the glossary behind the hover texts.

- `ArchiveIndex`: which ids the archive holds, who cites whom ("cited by"), and each
  cable's neighbours from the same post (previous / next).
- `link_text`: cable text -> safe Markdown in which "paragraph 2, above",
  "paragraphs 5-7 above", "Reftel B", "ref A" become links. Every piece of cable text
  still goes through `text.inline`; only the link syntax around it is ours.
- `glossary`: the code and acronym explanations from `generator/data/glossary.yml`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from ..model import Cable
from .text import inline

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "data" / "glossary.yml"
TAG_KINDS = {"subject": "Subject tag", "program": "Program tag", "geographic": "Geographic code",
             "organisation": "Organisation tag"}


@dataclass(frozen=True)
class Glossary:
    tags: Mapping[str, tuple[str, str]]
    """tag -> (kind label, meaning)."""
    acronyms: Mapping[str, str]
    """word -> meaning (for a country-dependent word, its `default` meaning)."""
    portion_marks: Mapping[str, str]
    by_country: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """word -> geographic tag -> meaning, for words like GOK (Kazakhstan, Kuwait, Kenya)."""

    def acronym(self, word: str, tags: Iterable[str] = ()) -> str | None:
        countries = self.by_country.get(word)
        if countries:
            for tag in tags:
                if tag in countries and tag != "default":
                    return countries[tag]
        return self.acronyms.get(word)

    def tag(self, code: str) -> str | None:
        found = self.tags.get(code)
        return found[1] if found else None


@cache
def glossary() -> Glossary:
    data = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8")) or {}
    tags: dict[str, tuple[str, str]] = {}
    for kind, entries in (data.get("tags") or {}).items():
        for code, meaning in (entries or {}).items():
            tags.setdefault(str(code), (TAG_KINDS.get(kind, kind), str(meaning)))
    acronyms: dict[str, str] = {}
    by_country: dict[str, dict[str, str]] = {}
    for key, value in (data.get("acronyms") or {}).items():
        if isinstance(value, dict):
            by_country[str(key)] = {str(code): str(meaning) for code, meaning in value.items()}
            acronyms[str(key)] = by_country[str(key)].get("default", "")
        else:
            acronyms[str(key)] = str(value)
    marks = {str(key): str(value) for key, value in (data.get("portion_marks") or {}).items()}
    return Glossary(tags, acronyms, marks, by_country)


def title_attribute(text: str) -> str:
    """Text safe inside a Markdown link title `"..."` (our glossary or a reference, never HTML)."""
    return inline(text).replace('"', "&quot;")


@dataclass(frozen=True)
class ArchiveIndex:
    ids: frozenset[str]
    subjects: Mapping[str, str | None] = field(default_factory=dict)
    cited_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    post_order: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """post -> ids of its cables, oldest first."""

    @classmethod
    def of(cls, cables: Sequence[Cable]) -> ArchiveIndex:
        ids = frozenset(cable.id for cable in cables)
        citing: dict[str, set[str]] = defaultdict(set)
        posts: dict[str, list[Cable]] = defaultdict(list)
        for cable in cables:
            posts[cable.origin].append(cable)
            for reference in cable.references:
                if reference.id and reference.id in ids and reference.id != cable.id:
                    citing[reference.id].add(cable.id)
        return cls(
            ids=ids,
            subjects={cable.id: cable.subject for cable in cables},
            cited_by={key: tuple(sorted(value)) for key, value in citing.items()},
            post_order={post: tuple(cable.id for cable in sorted(members, key=_chronological))
                        for post, members in posts.items()},
        )

    @classmethod
    def from_ids(cls, ids: Iterable[str]) -> ArchiveIndex:
        return cls(ids=frozenset(ids))

    def dependencies(self, cable: Cable) -> tuple:
        """Everything beyond the cable itself that its overview page depends on: which of
        its references the archive holds, who cites it, and its previous / next cable
        from the same post. A page cache must key on this (with the glossary file)."""
        held = tuple(sorted({ref.id for ref in cable.references if ref.id and ref.id in self.ids}))
        return held, tuple(self.cited_by.get(cable.id, ())), self.neighbours(cable)

    def neighbours(self, cable: Cable) -> tuple[str | None, str | None]:
        order = self.post_order.get(cable.origin, ())
        if cable.id not in order:
            return None, None
        at = order.index(cable.id)
        return (order[at - 1] if at > 0 else None), (order[at + 1] if at + 1 < len(order) else None)


def _chronological(cable: Cable) -> tuple:
    return (cable.year, cable.date or "", cable.number, cable.id)


PARAGRAPH_REF = re.compile(
    r"\b(?:paragraphs?|paras?\.?)\s+(?P<first>\d{1,3})"
    r"(?:\s*(?:-|–|to|and|through)\s*(?P<last>\d{1,3}))?,?\s+(?:above|below)\b",
    re.IGNORECASE,
)
"""`paragraph 2, above`, `paragraphs 5-7 above`, `para 3 below`, `paragraphs 3 and 4, above`."""
REFERENCE_REF = re.compile(r"\b(?:ref(?:tel)?s?)\s+(?P<label>[A-H])\b(?![.\w]\w)", re.IGNORECASE)
"""`Reftel B`, `ref A`, `Refs A` (the first letter of `Refs A and B`)."""
LONE_REFTEL = re.compile(r"\breftels?\b(?!\s+[A-H]\b)", re.IGNORECASE)


def reference_anchor(label: str | None) -> str:
    """`ref-a` for reference A: only letters and digits, since it goes into raw HTML."""
    safe = re.sub(r"[^a-z0-9]+", "", (label or "").lower())
    return f"ref-{safe}" if safe else "ref"


def link_text(text: str, cable: Cable) -> str:
    """One block of cable text -> Markdown with in-text references as links (same page)."""
    numbers = {paragraph.number for paragraph in cable.paragraphs if paragraph.number is not None}
    labels = {reference.label.upper(): reference for reference in cable.references if reference.label}
    single = cable.references[0] if len(cable.references) == 1 and not cable.references[0].label else None
    links: list[tuple[int, int, str, str]] = []
    for match in PARAGRAPH_REF.finditer(text):
        first = int(match["first"])
        if first in numbers:
            links.append((match.start(), match.end(), f"#p{first}", f"Paragraph {first} of this cable"))
    for match in REFERENCE_REF.finditer(text):
        reference = labels.get(match["label"].upper())
        if reference is not None:
            links.append((match.start(), match.end(), f"#{reference_anchor(reference.label)}",
                          f"Reference {reference.label}: {reference.text}"))
    if single is not None:
        for match in LONE_REFTEL.finditer(text):
            links.append((match.start(), match.end(), "#ref", f"Reference: {single.text}"))
    out: list[str] = []
    at = 0
    for start, end, target, title in sorted(links):
        if start < at:
            continue  # overlapping matches: the first wins
        out.append(_piece(text[at:start]))
        out.append(f'[{inline(text[start:end])}]({target} "{title_attribute(title)}"){{ .text-ref }}')
        at = end
    out.append(_piece(text[at:]))
    return "".join(out).strip()


def _piece(text: str) -> str:
    """`inline` for a fragment of already folded text, keeping one space at either edge."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inline(text) + (" " if text[-1].isspace() else "")


def abbreviations(texts: Iterable[str], tags: Iterable[str] = ()) -> list[str]:
    """`*[GOK]: ...` definitions (Markdown abbr extension) for glossary words the texts use;
    `tags` (the cable's TAGS) choose the meaning of country-dependent words."""
    terms = glossary()
    tags = tuple(tags)
    found: set[str] = set()
    for text in texts:
        found.update(word for word in re.findall(r"[A-Za-z][A-Za-z/]*[A-Za-z]", text) if word in terms.acronyms)
    definitions = []
    for word in sorted(found):
        meaning = " ".join((terms.acronym(word, tags) or "").split())
        if meaning:
            definitions.append(f"*[{word}]: {meaning}")
    return definitions
