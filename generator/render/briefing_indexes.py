"""Archive-wide briefing indexes: treaties, laws by country, statistics by country and metric, recommendations.

Pages are keyed by path relative to docs/, all under `briefing/`; links to cables are relative
(`../cables/<id>/index.md`). Output depends only on the cables given: sorted, no timestamps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..briefing.country import country_of
from ..model import Cable, Statistic
from .briefing import stat_value
from .charts import line_chart
from .text import inline, table_cell

CABLES = "../cables"


def _cable_link(cable: Cable, page: str = "index.md", anchor: int | None = None, text: str | None = None) -> str:
    target = f"{CABLES}/{cable.id}/{page}" + (f"#p{anchor}" if anchor is not None and page == "index.md" else "")
    return f"[{inline(text or cable.id)}]({target})"


def _para(cable: Cable, number: int | None) -> str:
    if number is None:
        return _cable_link(cable)
    return f"{_cable_link(cable)} {_cable_link(cable, anchor=number, text=f'¶{number}')}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _sorted(cables: Sequence[Cable]) -> list[Cable]:
    return sorted(cables, key=lambda c: (c.year, c.id))


def treaties_index(cables: Sequence[Cable]) -> str:
    lines = ["# Treaties", "", "Every international treaty, convention and agreement the cables name, with the cables "
             "that name it and what they say about who is party.", ""]
    by_name: dict[str, list[tuple[Cable, object]]] = {}
    for cable in _sorted(cables):
        for treaty in cable.treaties:
            by_name.setdefault(treaty.name, []).append((cable, treaty))
    if not by_name:
        return "\n".join([*lines, "No treaties were found in the archive.", ""])
    rows = []
    for name in sorted(by_name, key=str.lower):
        entries = by_name[name]
        first = entries[0][1]
        cable_links = ", ".join(_cable_link(c, "treaties.md", text=c.id) for c, _ in entries)
        parties = []
        for cable, treaty in entries:
            status = getattr(treaty, "status", None)
            if status in ("party", "ratified", "joined", "acceded"):
                since = getattr(treaty, "since", None)
                country = country_of(cable) or cable.origin
                parties.append(f"{inline(country)} ({inline(status)}{f', {since}' if since else ''})")
        rows.append([table_cell(name), str(getattr(first, "year", "") or " "),
                     table_cell(getattr(first, "body", None) or "not in the catalogue"), cable_links,
                     "; ".join(sorted(set(parties))) or " "])
    lines += _table(["Treaty", "Year", "Body", "Cables", "Party according to the cables"], rows)
    return "\n".join(lines)


def laws_index(cables: Sequence[Cable]) -> str:
    lines = ["# Laws by country", "", "National laws, codes and their articles, bills and decrees the cables cite.", ""]
    by_country: dict[str, list[tuple[Cable, object]]] = {}
    for cable in _sorted(cables):
        for law in cable.laws:
            country = law.jurisdiction or country_of(cable) or "Unknown"
            by_country.setdefault(country, []).append((cable, law))
    if not by_country:
        return "\n".join([*lines, "No laws were found in the archive.", ""])
    for country in sorted(by_country):
        lines += [f"## {inline(country)}", ""]
        entries = sorted(by_country[country], key=lambda e: (getattr(e[1], "name", "").lower(),
                                                            getattr(e[1], "article", None) or "", e[0].year, e[0].id))
        rows = [[table_cell(law.name), table_cell(law.article or ""),  # type: ignore[attr-defined]
                 str(law.year) if law.year else " ", _para(cable, law.paragraph)]  # type: ignore[attr-defined]
                for cable, law in entries]
        lines += _table(["Law", "Article", "Year", "Cited in"], rows)
    return "\n".join(lines)


def _metric(stat: Statistic) -> str:
    unit = stat.currency or ("%" if stat.unit == "%" else "")
    label = stat.metric or " ".join(stat.label.lower().split())
    return f"{label} ({unit})" if unit else label


def _year_of(period: str | None) -> str | None:
    if period and re.fullmatch(r"(?:19|20)\d\d", period):
        return period
    return None


def _charted(points: list[tuple[Cable, Statistic]]) -> tuple[Cable, Statistic]:
    """The figure a chart shows for one year: where cables disagree, the most recent cable's first."""
    latest = max((cable.year, cable.id) for cable, _ in points)
    return next((cable, stat) for cable, stat in points if (cable.year, cable.id) == latest)


def _chartable(metric: str, points: dict[str, list[tuple[Cable, Statistic]]]) -> bool:
    """A canonical metric, or a label of two words or more: "number" over years says nothing."""
    stat = next(iter(points.values()))[0][1]
    return stat.metric is not None or len(metric.split(" (")[0].split()) > 1


def statistics_index(cables: Sequence[Cable]) -> str:
    lines = ["# Statistics by country", "",
             "Figures the cables give for a single year, by country and metric. Cables that measure the same "
             "thing under different words are filed under one metric (`generator/data/metrics.yml`). Where a "
             "metric has more than one year, a chart shows it; where cables disagree about a year, the chart "
             "shows the most recent cable's figure and the table lists them all.", ""]
    table: dict[str, dict[str, dict[str, list[tuple[Cable, Statistic]]]]] = {}
    for cable in _sorted(cables):
        country = country_of(cable) or "Unknown"
        for stat in cable.statistics:
            year = _year_of(stat.period)
            if year is None or stat.high is not None:
                continue
            metrics = table.setdefault(country, {})
            metrics.setdefault(_metric(stat), {}).setdefault(year, []).append((cable, stat))
    if not table:
        return "\n".join([*lines, "No yearly statistics were found in the archive.", ""])
    for country in sorted(table):
        lines += [f"## {inline(country)}", ""]
        rows = []
        for metric in sorted(table[country]):
            points = table[country][metric]
            years = sorted(points)
            if len(years) > 1 and _chartable(metric, points):
                shown = [(year, _charted(points[year])[1]) for year in years]
                first = shown[0][1]
                chart = line_chart(f"{country}: {metric}", [(year, stat.value) for year, stat in shown],
                                   first.currency or ("%" if first.unit == "%" else first.unit or ""))
                lines += [f"### {inline(metric)}", "", chart, ""]
            rows += [[table_cell(metric), year, stat_value(stat), _para(cable, stat.paragraph)]
                     for year in years for cable, stat in points[year]]
        charted = any(len(v) > 1 and _chartable(m, v) for m, v in table[country].items())
        lines += ["### All yearly figures", ""] if charted else []
        lines += _table(["Metric", "Year", "Value", "Source"], rows)
    return "\n".join(lines)


def recommendations_index(cables: Sequence[Cable]) -> str:
    lines = ["# Recommendations", "", "What each post recommended, with the Special 301 list move where there is one.",
             ""]
    rows = []
    for cable in sorted(cables, key=lambda c: (country_of(c) or "", c.year, c.id)):
        rec = cable.recommendation
        if rec is None:
            continue
        special = rec.special_301
        move = (f"{inline(special.current or 'not stated')} → {inline(special.recommended or 'not stated')}"
                if special else " ")
        rows.append([table_cell(country_of(cable) or "Unknown"), str(cable.year), table_cell(cable.origin), move,
                     table_cell(rec.action), _cable_link(cable, "recommendation.md", text=cable.id)])
    if not rows:
        return "\n".join([*lines, "No recommendations were found in the archive.", ""])
    lines += _table(["Country", "Year", "Post", "Current → recommended", "Action", "Cable"], rows)
    return "\n".join(lines)


def overview(cables: Sequence[Cable]) -> str:
    treaties = len({t.name for c in cables for t in c.treaties})
    laws = sum(len(c.laws) for c in cables)
    stats = sum(len(c.statistics) for c in cables)
    recs = sum(1 for c in cables if c.recommendation)
    failed = sum(1 for c in cables for check in c.checks if not check.ok)
    lines = ["# Briefing", "", "What the cables say about treaties, laws, figures and recommendations, across the "
             "archive.", "",
             f"- [Treaties](treaties.md): {treaties} distinct treaties, conventions and agreements",
             f"- [Laws](laws.md): {laws} citations of national laws, codes, bills and decrees",
             f"- [Statistics](statistics.md): {stats} figures",
             f"- [Recommendations](recommendations.md): {recs} cables with a recommendation by the post", ""]
    if failed:
        lines += [f'!!! warning "{failed} figure check{"s" if failed > 1 else ""} failed"', "",
                  "    The cables listed below state figures that do not agree with each other; see their "
                  "statistics pages.", ""]
        bad = sorted({c.id for c in cables for check in c.checks if not check.ok})
        lines += [f"- {_cable_link(next(c for c in cables if c.id == i), 'statistics.md', text=i)}" for i in bad]
        lines.append("")
    return "\n".join(lines)


def briefing_index_pages(cables: Sequence[Cable]) -> dict[str, str]:
    """The archive-wide briefing pages, keyed by path relative to docs/."""
    return {
        "briefing/index.md": overview(cables),
        "briefing/treaties.md": treaties_index(cables),
        "briefing/laws.md": laws_index(cables),
        "briefing/statistics.md": statistics_index(cables),
        "briefing/recommendations.md": recommendations_index(cables),
    }
