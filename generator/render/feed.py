"""An Atom feed of the cables newest to the archive: docs/feed.xml, copied to site/feed.xml.

Deterministic: every date comes from git history or the cable itself, never the clock;
entries are ordered by (added, date, id). Every string is XML-escaped and stripped of
characters XML 1.0 cannot hold. Only published cables are ever passed in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from ..config import FeedSettings
from ..model import Cable
from .links import cable_page

FEED_PAGE = "feed.xml"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EPOCH = "1970-01-01"


def _text(value: str) -> str:
    return escape(" ".join(NOT_XML.sub("", value).split()), quote=False)


def _attr(value: str) -> str:
    return '"' + escape(NOT_XML.sub("", value), quote=True) + '"'



def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def added_date(cable: Cable) -> str:
    """When the cable joined the archive; its own date (or year) when git cannot tell."""
    if cable.history and cable.history.added:
        return cable.history.added
    return cable.date or f"{cable.year:04d}-01-01"


def updated_date(cable: Cable) -> str:
    history = cable.history
    return max(date for date in (added_date(cable), history.corrected if history else None) if date)


def feed_pages(cables: Sequence[Cable], settings: FeedSettings) -> dict[str, str]:
    newest = sorted(cables, key=lambda cable: (added_date(cable), cable.date or "", cable.id), reverse=True)
    newest = newest[: settings.entries]
    base = settings.site_url or ""
    updated = max((updated_date(cable) for cable in newest), default=EPOCH)
    feed_id = f"{base}{FEED_PAGE}" if base else "urn:briefing-archive:feed"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{_text(settings.title)}</title>",
        f"  <id>{_text(feed_id)}</id>",
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <link rel=\"self\" href={_attr(base + FEED_PAGE)}/>",
        f"  <link rel=\"alternate\" href={_attr(base or './')}/>",
        "  <author><name>Briefing Archive</name></author>",
        "  <generator>Briefing Archive generator</generator>",
    ]
    for cable in newest:
        title = f"{cable.id} — {cable.subject}" if cable.subject else cable.id
        link = base + cable_page(cable.id).removesuffix("index.md")
        entry_id = link if base else f"urn:briefing-archive:cable:{cable.id}"
        lines += [
            "  <entry>",
            f"    <title>{_text(title)}</title>",
            f"    <id>{_text(entry_id)}</id>",
            f"    <link rel=\"alternate\" href={_attr(link)}/>",
            f"    <published>{_stamp(added_date(cable))}</published>",
            f"    <updated>{_stamp(updated_date(cable))}</updated>",
        ]
        lines += [f"    <category term={_attr(tag)}/>" for tag in cable.tags]
        summary = cable.summary or (cable.paragraphs[0].text if cable.paragraphs else "")
        if summary:
            lines.append(f"    <summary>{_text(summary)}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return {FEED_PAGE: "\n".join(lines) + "\n"}
