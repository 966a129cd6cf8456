"""The treaty catalogue (generator/data/treaties.yml): aliases -> canonical treaty entries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Entry:
    name: str
    """Canonical name; may contain `{country}` for bilateral agreements."""
    title: str
    year: int | None
    body: str | None

    def named(self, country: str | None) -> str:
        return _fill(self.name, country)

    def titled(self, country: str | None) -> str:
        return _fill(self.title, country)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]
    """One entry, or several for a group phrase ("the WIPO Internet Treaties")."""
    text: str


def _fill(template: str, country: str | None) -> str:
    if "{country}" not in template:
        return template
    return template.replace("{country}", country or "partner country")


def _alias_pattern(alias: str) -> str:
    return alias.replace(" ", r"\s+")


GROUP = re.compile(r"\((?:[^()\\]|\\.)*\)[?*+]?")
"""An innermost parenthesised group with its quantifier: `(?:WTO\\s+)?`, `(?<![\\w-])`."""
LITERAL_WORD = re.compile(r"(?<![\\\[])\b[A-Za-z]{3,}\b(?![?*+{\]])")
"""A plain word in a regex's source, not an escape (`\\s`), class member or quantified: `Berne`."""


def required_words(source: str) -> tuple[str, ...]:
    """Words every match of the alias pattern must contain (lower case); none if unsure.

    Groups (optional or alternative) are removed first, so what remains is required.
    """
    while True:
        stripped = GROUP.sub(" ", source)
        if stripped == source:
            break
        source = stripped
    if "|" in source or "(" in source:
        return ()
    return tuple(sorted({word.lower() for word in LITERAL_WORD.findall(source)}))


LIST_AFTER = re.compile(r"\b(?:treaties|conventions|agreements)\b\s*(?:\(|:|,?\s+(?:namely|including|such as)\s+)"
                        r"(?P<list>[^.;()]{1,150})", re.IGNORECASE)
"""`both of the treaties (Budapest and UPOV)`, `the conventions: Berne, Rome`: a list after the noun."""
LIST_BEFORE = re.compile(r"(?P<list>(?:[A-Z][\w-]*(?:\s*,\s*(?:and\s+)?|\s+and\s+)){1,8}[A-Z][\w-]*)\s+"
                         r"(?:[Tt]reaties|[Cc]onventions|[Aa]greements)\b")
"""`the Budapest and UPOV treaties`, `Berne, Rome and Paris Conventions`: a list before the noun."""


@dataclass(frozen=True, eq=False)
class Catalogue:
    """Compared and hashed by identity: `_find` is memoised per (catalogue, text), and hashing the whole
    catalogue on every call cost more than the lookups it saved."""

    entries: tuple[Entry, ...]
    patterns: tuple[tuple[re.Pattern[str], tuple[Entry, ...]], ...]
    short_names: tuple[tuple[re.Pattern[str], Entry], ...] = ()
    """Bare names (`Budapest`, `Nice`) that name a treaty only inside a list of treaties."""

    def by_name(self, name: str, country: str | None = None) -> Entry | None:
        for entry in self.entries:
            if entry.name == name or entry.named(country) == name:
                return entry
        return None

    def find(self, text: str) -> list[Match]:
        """Non-overlapping catalogue matches in `text`, longest first where they overlap, in text order.

        Memoised: the treaty and the law extractors look up the same sentences.
        """
        return list(_find(self, text))

    def _scan(self, text: str) -> list[Match]:
        found: list[Match] = []
        folded = text.lower()
        for pattern, entries in self.patterns:
            if not all(word in folded for word in required_words(pattern.pattern)):
                continue
            for hit in pattern.finditer(text):
                if hit.end() > hit.start():
                    found.append(Match(hit.start(), hit.end(), entries, hit.group(0)))
        found.extend(self._in_lists(text))
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[Match] = []
        for match in found:
            if all(match.end <= other.start or match.start >= other.end for other in taken):
                taken.append(match)
        taken.sort(key=lambda m: m.start)
        return taken


    def _in_lists(self, text: str) -> list[Match]:
        """Short names inside a list of treaties: "Budapest" alone is a city, "the treaties (Budapest and UPOV)"
        is a treaty."""
        if not self.short_names or not any(noun in text.lower() for noun in ("treat", "convention", "agreement")):
            return []
        found = []
        for context in (LIST_AFTER, LIST_BEFORE):
            for listed in context.finditer(text):
                start, end = listed.span("list")
                for pattern, entry in self.short_names:
                    for hit in pattern.finditer(text, start, end):
                        found.append(Match(hit.start(), hit.end(), (entry,), hit.group(0)))
        return found


def load_catalogue(text: str) -> Catalogue:
    """Build a catalogue from YAML text (the package file, or a test's own)."""
    data = yaml.safe_load(text) or {}
    entries: list[Entry] = []
    patterns: list[tuple[re.Pattern[str], tuple[Entry, ...]]] = []
    short_names: list[tuple[re.Pattern[str], Entry]] = []
    for item in data.get("treaties") or []:
        year = item.get("year")
        entry = Entry(str(item["name"]), str(item.get("title") or item["name"]),
                      int(year) if year is not None else None, item.get("body"))
        entries.append(entry)
        for alias in item.get("aliases") or []:
            patterns.append((re.compile(rf"(?<![\w-]){_alias_pattern(str(alias))}(?![\w])", re.IGNORECASE), (entry,)))
        for acronym in item.get("acronyms") or []:
            patterns.append((re.compile(rf"(?<![\w]){re.escape(str(acronym))}(?![A-Za-z])"), (entry,)))
        for short in item.get("short") or []:
            short_names.append((re.compile(rf"(?<![\w-]){re.escape(str(short))}(?![\w-])"), entry))
    by_name = {entry.name: entry for entry in entries}
    for group in data.get("groups") or []:
        members = tuple(by_name[name] for name in group["treaties"])
        for alias in group.get("aliases") or []:
            patterns.append((re.compile(rf"(?<![\w-]){_alias_pattern(str(alias))}(?![\w])", re.IGNORECASE), members))
    return Catalogue(tuple(entries), tuple(patterns), tuple(short_names))


required_words = cache(required_words)


@lru_cache(maxsize=8192)
def _find(catalogue: Catalogue, text: str) -> tuple[Match, ...]:
    return tuple(catalogue._scan(text))


@cache
def catalogue() -> Catalogue:
    """The package catalogue, loaded once."""
    text = resources.files("generator.data").joinpath("treaties.yml").read_text(encoding="utf-8")
    return load_catalogue(text)
