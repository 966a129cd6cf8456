"""The briefing: treaties, laws, statistics, figure checks and the recommendation of one cable.

`extract_briefing` is pure and deterministic, never raises on a parsed cable, and produces no Markdown.
"""

from __future__ import annotations

import dataclasses

from ..model import Cable
from .checks import extract_checks
from .country import country_of
from .laws import extract_laws
from .metrics import metric_of
from .recommendation import extract_recommendation
from .statistics import figures_of
from .treaties import extract_treaties

__all__ = ["country_of", "extract_briefing", "recheck_figures"]


def extract_briefing(cable: Cable) -> Cable:
    """The cable with its treaties, laws, statistics, checks and recommendation filled in."""
    country = country_of(cable)
    figures = figures_of(cable)
    return dataclasses.replace(
        cable,
        treaties=extract_treaties(cable, country),
        laws=extract_laws(cable, country),
        statistics=tuple(dataclasses.replace(figure.stat, metric=metric_of(figure.stat)) for figure in figures),
        checks=extract_checks(cable, figures),
        recommendation=extract_recommendation(cable),
    )


def recheck_figures(parsed: Cable, corrected: Cable) -> Cable:
    """The corrected cable with figure checks that agree with the editor's corrections.

    Checks pair figures by where they stand in the text. When a sidecar fixes or adds
    statistics over unchanged paragraph text, the extracted figures still line up one to one
    with the first statistics, so the checks are re-run on the corrected values. When the
    paragraph text or the whole statistics list were replaced, nothing lines up any more: the
    checks are dropped rather than shown for figures the page no longer has.
    """
    same_text = [p.text for p in corrected.paragraphs] == [p.text for p in parsed.paragraphs]
    if corrected.statistics == parsed.statistics and same_text:
        return corrected
    figures = figures_of(corrected)
    replaced = any(edit.field == "statistics" and edit.action == "set" for edit in corrected.edits)
    aligned = same_text and not replaced and len(figures) == len(parsed.statistics) <= len(corrected.statistics)
    if not aligned:
        return dataclasses.replace(corrected, checks=())
    in_place = corrected.statistics[:len(figures)]  # statistics the editor added have no place in the text
    figures = [dataclasses.replace(figure, stat=stat) for figure, stat in zip(figures, in_place, strict=True)]
    return dataclasses.replace(corrected, checks=extract_checks(corrected, figures))
