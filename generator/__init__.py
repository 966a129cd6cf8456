"""Briefing Archive: turn a folder of diplomatic cables into a searchable MkDocs site."""

__version__ = "0.1.0"
