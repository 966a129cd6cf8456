"""Archive-wide pages: the home page and the browse pages by post, year, tag, classification.

Cables are reached from these pages, never from the navigation: Material renders the
whole nav into every page, so listing every cable there would make each page grow
with the archive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from ..model import Cable
from .cable import front_matter
from .crosslinks import glossary
from .links import cable_page, classification_page, post_page, relative, tag_page, year_page
from .text import inline, table_cell

NEWEST_ON_HOME = 10
GLOSSARY_PAGE = "glossary.md"


def archive_pages(cables: Sequence[Cable]) -> dict[str, str]:
    """Every archive-wide page, keyed by path under docs/."""
    ordered = sorted(cables, key=_newest_first)
    pages = {"index.md": home_page(ordered), "browse/index.md": _browse_index(ordered)}
    facets: list[tuple[str, str, Callable[[Cable], list[str]], Callable[[str], str]]] = [
        ("posts", "Cables by post", lambda cable: [cable.origin], post_page),
        ("years", "Cables by year", lambda cable: [str(cable.year)], lambda key: year_page(int(key))),
        ("tags", "Cables by tag", lambda cable: list(cable.tags), tag_page),
        ("classification", "Cables by classification", lambda cable: [cable.classification], classification_page),
    ]
    for folder, title, keys_of, page_of in facets:
        groups: dict[str, list[Cable]] = defaultdict(list)
        for cable in ordered:
            for key in keys_of(cable):
                groups[key].append(cable)
        list_page = f"browse/{folder}.md"
        reverse = folder == "years"
        tags = folder == "tags"
        lines = [f"# {title}", ""]
        if tags:
            lines += [f"What each code means: see the [glossary]({relative(list_page, GLOSSARY_PAGE)}).", ""]
        lines += ["| | Meaning | Cables |", "|---|---|---:|"] if tags else ["| | Cables |", "|---|---:|"]
        for key in sorted(groups, reverse=reverse):
            link = f"[{inline(key)}]({relative(list_page, page_of(key))})"
            meaning = f" {inline(glossary().tag(key) or '')} |" if tags else ""
            lines.append(f"| {link} |{meaning} {len(groups[key])} |")
        pages[list_page] = "\n".join(lines) + "\n"
        for key, members in groups.items():
            page = page_of(key)
            meaning = glossary().tag(key) if tags else None
            heading = f"{title.split(' by ')[0]} — {key}" + (f" ({meaning})" if meaning else "")
            pages[page] = _cable_list_page(heading, page, members,
                                           _tag_explanation(key, page) if tags else [])
    pages[GLOSSARY_PAGE] = glossary_page()
    return dict(sorted(pages.items()))


def home_page(ordered: Sequence[Cable]) -> str:
    posts = sorted({cable.origin for cable in ordered})
    years = sorted({cable.year for cable in ordered})
    here = "index.md"
    lines = ["# Briefing Archive", ""]
    if not ordered:
        lines += ["The archive holds no cables yet: add cable files to `cables/` and run `make site`."]
        return "\n".join(lines) + "\n"
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]} to {years[-1]}"
    lines += [
        f"The archive holds **{len(ordered)}** cables from **{len(posts)}** posts, written {span}.",
        "Search with the box at the top, or browse:",
        "",
        f"- [by post]({relative(here, 'browse/posts.md')}): "
        + ", ".join(f"[{inline(post)}]({relative(here, post_page(post))})" for post in posts),
        f"- [by year]({relative(here, 'browse/years.md')}): "
        + ", ".join(f"[{year}]({relative(here, year_page(year))})" for year in reversed(years)),
        f"- [by tag]({relative(here, 'browse/tags.md')})",
        f"- [by classification]({relative(here, 'browse/classification.md')})",
        f"- [glossary]({relative(here, GLOSSARY_PAGE)}) of tags and acronyms",
        "",
        f"Machine-readable: [catalog.json]({relative(here, 'catalog.json')}) lists every cable; each cable's "
        "parsed data is at `cables/<id>.json`, linked from its page. "
        f"New cables: [Atom feed]({relative(here, 'feed.xml')}).",
        "",
        "## Newest cables",
        "",
    ]
    lines += _cable_table(here, ordered[:NEWEST_ON_HOME])
    return "\n".join(lines) + "\n"


def _browse_index(ordered: Sequence[Cable]) -> str:
    here = "browse/index.md"
    lines = ["# Browse the archive", "", f"All {len(ordered)} cables, newest first.", ""]
    lines += _cable_table(here, ordered)
    return "\n".join(lines) + "\n"


def _tag_explanation(tag: str, here: str) -> list[str]:
    found = glossary().tags.get(tag)
    if found is None:
        return [f"The glossary does not explain the code **{inline(tag)}** (it may be a word the parser took "
                f"from the TAGS line). See the [glossary]({relative(here, GLOSSARY_PAGE)}).", ""]
    kind, meaning = found
    return [f"!!! info \"{kind}\"", "", f"    **{inline(tag)}**: {inline(meaning)}", ""]


def glossary_page() -> str:
    """Every code and acronym the glossary explains: small, fixed size, in the nav."""
    terms = glossary()
    lines = ["# Glossary", "", "What the TAGS codes, paragraph marks and common acronyms of the cables mean. "
             "On a cable page, hover over a tag, a paragraph mark or an underlined acronym to see its meaning.", ""]
    kinds: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, (kind, meaning) in terms.tags.items():
        kinds[kind].append((code, meaning))
    for kind in sorted(kinds):
        lines += [f"## {kind}s", "", "| Code | Meaning |", "|---|---|"]
        lines += [f"| {inline(code)} | {inline(meaning)} |" for code, meaning in sorted(kinds[kind])]
        lines.append("")
    lines += ["## Paragraph classification marks", "", "| Mark | Meaning |", "|---|---|"]
    lines += [f"| ({inline(mark)}) | {inline(meaning)} |" for mark, meaning in sorted(terms.portion_marks.items())]
    lines += ["", "## Acronyms", "", "| Acronym | Meaning |", "|---|---|"]
    seen = set()
    for word, meaning in sorted(terms.acronyms.items(), key=lambda item: item[0].upper()):
        if word.upper() not in seen:
            seen.add(word.upper())
            countries = terms.by_country.get(word, {})
            if countries:
                meaning = "; ".join(f"{text} ({code})" for code, text in countries.items() if code != "default")
            lines.append(f"| {inline(word.upper())} | {inline(meaning)} |")
    return "\n".join(lines) + "\n"


def _cable_list_page(title: str, here: str, cables: Sequence[Cable], intro: Sequence[str] = ()) -> str:
    count = f"{len(cables)} cable{'s' if len(cables) != 1 else ''}, newest first."
    # The title goes through front matter: Material writes it into <title> unescaped.
    lines = [*front_matter(title), f"# {inline(title)}", "", *intro, count, ""]
    lines += _cable_table(here, cables)
    return "\n".join(lines) + "\n"


def _cable_table(here: str, cables: Sequence[Cable]) -> list[str]:
    lines = ["| Cable | Date | Post | Subject |", "|---|---|---|---|"]
    for cable in cables:
        link = f"[{inline(cable.id)}]({relative(here, cable_page(cable.id))})"
        date = cable.date or str(cable.year)
        subject = (cable.subject or "").rstrip(" :;,")
        lines.append(f"| {link} | {date} | {inline(cable.origin)} | {table_cell(subject)} |")
    return lines


def _newest_first(cable: Cable) -> tuple:
    return (-(cable.year), _negated(cable.date or ""), cable.id)


def _negated(date: str) -> str:
    """Sort ISO dates descending inside an ascending sort key."""
    return "".join(chr(255 - ord(ch)) for ch in date)

