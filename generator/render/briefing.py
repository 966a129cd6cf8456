"""The four per-cable briefing pages: treaties, laws, statistics, recommendation.

Every string that comes from a cable goes through `inline`/`table_cell`; every figure links its paragraph
(`[¶5](index.md#p5)`) on the cable's overview page next to these pages.
"""

from __future__ import annotations

from ..briefing.numbers import format_number
from ..model import Cable, Statistic
from .text import inline, table_cell

PAGES = ("treaties.md", "laws.md", "statistics.md", "recommendation.md")


def para_link(number: int | None) -> str:
    return f"[¶{number}](index.md#p{number})" if number is not None else "—"


def stat_value(stat: Statistic) -> str:
    """A statistic's value as shown on pages (fixed formatting, no float noise)."""
    value = format_number(stat.value)
    if stat.high is not None:
        value = f"{value}–{format_number(stat.high)}"
    if stat.unit == "%":
        return f"{value}%"
    if stat.currency:
        return f"${value}" if stat.currency == "USD" else f"{value} {stat.currency}"
    return value


def _head(cable: Cable, title: str) -> list[str]:
    return [f"# {inline(cable.id)} — {title}", "", "[Back to the cable](index.md)", ""]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _quotes(cable: Cable, items: list[tuple[int | None, str]]) -> list[str]:
    seen: list[tuple[int | None, str]] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    if not seen:
        return []
    lines = ["## Sources", ""]
    for number, text in seen:
        lines += [f"> {inline(text)}", ">", f"> — {para_link(number)}", ""]
    return lines


def treaties_page(cable: Cable) -> str:
    lines = _head(cable, "Treaties")
    if not cable.treaties:
        lines += ["No international treaty, convention or agreement is named in this cable.", ""]
        return "\n".join(lines)
    lines += [("1 international treaty, convention or agreement is" if len(cable.treaties) == 1 else
               f"{len(cable.treaties)} international treaties, conventions and agreements are")
              + " named in this cable.", ""]
    rows = []
    for treaty in cable.treaties:
        mentions = ", ".join(para_link(n) for n in treaty.mentions) or para_link(treaty.paragraph)
        rows.append([
            table_cell(treaty.name), table_cell(treaty.as_written),
            str(treaty.year) if treaty.year is not None else " ",
            table_cell(treaty.status or ""), str(treaty.since) if treaty.since is not None else " ",
            table_cell(treaty.body or "not in the catalogue"), para_link(treaty.paragraph), mentions,
        ])
    lines += _table(["Treaty", "As written", "Year", "Status", "Since", "Body", "Source", "Mentioned in"], rows)
    titled = [t for t in cable.treaties if t.title and t.title != t.name]
    if titled:
        lines += ["## Official titles", ""]
        lines += [f"- **{inline(t.name)}**: {inline(t.title or '')}" for t in titled]
        lines.append("")
    return "\n".join(lines)


def laws_page(cable: Cable) -> str:
    lines = _head(cable, "Laws")
    if not cable.laws:
        lines += ["No national law, code, bill or decree is cited in this cable.", ""]
        return "\n".join(lines)
    lines += [("1 national law, code, article, bill or decree is" if len(cable.laws) == 1 else
               f"{len(cable.laws)} national laws, codes, articles, bills and decrees are")
              + " cited in this cable.", ""]
    rows = [[table_cell(law.name), table_cell(law.article or ""), str(law.year) if law.year is not None else " ",
             table_cell(law.jurisdiction or ""), para_link(law.paragraph)] for law in cable.laws]
    lines += _table(["Law", "Article", "Year", "Jurisdiction", "Source"], rows)
    lines += _quotes(cable, [(law.paragraph, law.text) for law in cable.laws if law.text])
    return "\n".join(lines)


def statistics_page(cable: Cable) -> str:
    lines = _head(cable, "Statistics")
    if not cable.statistics and not cable.checks:
        lines += ["No statistics were found in this cable.", ""]
        return "\n".join(lines)
    groups: dict[str, list[Statistic]] = {}
    singles: list[Statistic] = []
    for stat in cable.statistics:
        if stat.group:
            groups.setdefault(stat.group, []).append(stat)
        else:
            singles.append(stat)
    failed = [check for check in cable.checks if not check.ok]
    if failed:
        lines += [f'!!! warning "{len(failed)} figure check{"s" if len(failed) > 1 else ""} failed"', ""]
        for check in failed:
            lines.append(f"    - {inline(check.description)}: the cable states {inline(check.stated)}, "
                         f"the figures give {inline(check.computed)} ({para_link(check.paragraph)})")
        lines.append("")
    if groups:
        lines += ["## Comparisons", ""]
        for group, stats in groups.items():
            lines += [f"### {inline(group[:1].upper() + group[1:])}", ""]
            rows = [[table_cell(s.label), table_cell(s.period or ""), stat_value(s),
                     f"${format_number(s.usd_value)}" if s.usd_value is not None else " ", para_link(s.paragraph)]
                    for s in stats]
            lines += _table(["Figure", "Period", "Value", "USD", "Source"], rows)
    if singles:
        lines += ["## Figures", ""]
        rows = [[table_cell(s.label), stat_value(s), table_cell(s.unit if s.unit and s.unit != "%" else ""),
                 table_cell(s.period or ""), f"${format_number(s.usd_value)}" if s.usd_value is not None else " ",
                 para_link(s.paragraph)] for s in singles]
        lines += _table(["Figure", "Value", "Unit", "Period", "USD", "Source"], rows)
    lines += ["## Figure checks", ""]
    if cable.checks:
        rows = [[table_cell(c.kind.replace("_", " ")), table_cell(c.description), table_cell(c.stated),
                 table_cell(c.computed), "✓" if c.ok else "✗ **discrepancy**", para_link(c.paragraph)]
                for c in cable.checks]
        lines += _table(["Check", "What", "Stated", "Computed", "Result", "Source"], rows)
    else:
        lines += ["The cable does not give enough to check its own figures.", ""]
    lines += _quotes(cable, [(s.paragraph, s.text) for s in cable.statistics])
    return "\n".join(lines)


def recommendation_page(cable: Cable) -> str:
    lines = _head(cable, "Recommendation")
    rec = cable.recommendation
    if rec is None:
        lines += ["No recommendation by the post was found in this cable.", ""]
        return "\n".join(lines)
    lines += [f"**Action:** {inline(rec.action)}", ""]
    if rec.special_301:
        lines += ["## Special 301", ""]
        lines += _table(["Current list", "Recommended list"],
                        [[table_cell(rec.special_301.current or "not stated"),
                          table_cell(rec.special_301.recommended or "not stated")]])
    lines += ["## Conditions", ""]
    lines += [f"- {inline(condition)}" for condition in rec.conditions] or ["None stated."]
    lines += ["", "## Paragraphs", ""]
    lines += [" · ".join(para_link(n) for n in rec.paragraphs) or "—", ""]
    lines += ["## In the post's words", "", f"> {inline(rec.text)}", ""]
    return "\n".join(lines)


def briefing_pages(cable: Cable) -> dict[str, str]:
    """Markdown for the four briefing pages of one (extracted) cable."""
    return {
        "treaties.md": treaties_page(cable),
        "laws.md": laws_page(cable),
        "statistics.md": statistics_page(cable),
        "recommendation.md": recommendation_page(cable),
    }
