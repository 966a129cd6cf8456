"""Which country a cable is about: its post, or failing that its first geographic TAG."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..model import Cable


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    text = resources.files("generator.data").joinpath("countries.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    posts = {str(key).upper(): str(value) for key, value in (data.get("posts") or {}).items()}
    tags = {str(key).upper(): str(value) for key, value in (data.get("tags") or {}).items()}
    return posts, tags


def country_of_post(post: str | None) -> str | None:
    """The country of a post (`ALMATY` -> `Kazakhstan`), or None for posts not in one country."""
    if not post:
        return None
    return _tables()[0].get(post.upper().replace(" ", ""))


def country_of_tag(tag: str | None) -> str | None:
    """The country of a geographic TAG (`KZ` -> `Kazakhstan`)."""
    if not tag:
        return None
    return _tables()[1].get(tag.upper().strip())


def country_of(cable: Cable) -> str | None:
    """The country a cable reports on: the post's country, else the first geographic TAG's."""
    found = country_of_post(cable.origin)
    if found:
        return found
    for tag in cable.tags:
        found = country_of_tag(tag)
        if found:
            return found
    return None


@cache
def country_names() -> frozenset[str]:
    """Every country the tables know."""
    posts, tags = _tables()
    return frozenset(posts.values()) | frozenset(tags.values())
