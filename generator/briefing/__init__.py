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

__all__ = ["country_of", "extract_briefing"]


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
