"""Where each generated page lives, so that every renderer links the same way."""

from __future__ import annotations

import posixpath
import re


def slug(value: str) -> str:
    """A file-name-safe, lower-case slug: `TOP SECRET` -> `top-secret`, `S/NF` -> `s-nf`."""
    text = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return text or "none"


def cable_page(cable_id: str) -> str:
    return f"cables/{cable_id}/index.md"


def post_page(post: str) -> str:
    return f"browse/posts/{slug(post)}.md"


def year_page(year: int) -> str:
    return f"browse/years/{year}.md"


def tag_page(tag: str) -> str:
    return f"browse/tags/{slug(tag)}.md"


def classification_page(classification: str) -> str:
    return f"browse/classification/{slug(classification)}.md"


def relative(from_page: str, to_page: str) -> str:
    """A relative Markdown link between two pages under docs/ (MkDocs validates these)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def cable_json(cable_id: str) -> str:
    """The parsed cable as JSON, copied to the site unchanged by MkDocs."""
    return f"cables/{cable_id}.json"
