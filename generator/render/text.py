"""Make untrusted cable text safe inside generated Markdown.

Cable text must never become HTML, script or Markdown structure on the site: every
string taken from a cable goes through `inline` before it reaches a page.
"""

from __future__ import annotations

import html
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""Python-Markdown's backslash-escapable characters plus the tables extension's `|`.

Only these may be escaped: a backslash before any other character shows on the page.
The site enables no extension with syntax beyond these (no emoji, mark, arithmatex)."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters: never cable text, and Python-Markdown uses \\x02/\\x03 as placeholders."""


def inline(text: str) -> str:
    """Cable text -> Markdown that renders as exactly that text, on one line.

    HTML-special characters become entities (so `<script>` shows as text) and Markdown
    punctuation is backslash-escaped (so `[x](javascript:...)` or `# heading` stays text).
    """
    folded = " ".join(CONTROL.sub("", text).split())
    escaped = html.escape(folded, quote=False)
    # Escape Markdown punctuation outside the entities html.escape produced.
    parts = re.split(r"(&(?:amp|lt|gt);)", escaped)
    return "".join(part if part.startswith("&") and part.endswith(";") else MARKDOWN_SPECIAL.sub(r"\\\1", part)
                   for part in parts)


def table_cell(text: str) -> str:
    """Like `inline`, for a table cell (pipes are already escaped by `inline`)."""
    return inline(text) or " "
