"""The parser's catalogues, loaded once from generator/data/*.yml."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


def _load(name: str) -> dict[str, Any]:
    text = resources.files("generator.data").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"generator/data/{name}: expected a mapping at the top level")
    return data


@cache
def post_aliases() -> dict[str, str]:
    """`USUN NEW YORK` -> `USUNNEWYORK`: post names as cables write them -> canonical post."""
    return {" ".join(key.upper().split()): value for key, value in _load("posts.yml")["aliases"].items()}


@cache
def captions() -> dict[str, str]:
    """Every written form of a handling caption (folded, upper case) -> the caption reported."""
    data = _load("captions.yml")
    forms = {caption: caption for caption in data["captions"]}
    forms.update({" ".join(key.upper().split()): value for key, value in data["spellings"].items()})
    return forms
