"""Briefing extraction: treaties, laws, statistics, checks and the recommendation."""

from __future__ import annotations

from ..model import Cable


def extract_briefing(cable: Cable) -> Cable:
    """Return the cable with its briefing fields filled (extraction lands with issue 4)."""
    return cable
