"""Canonical metrics: file each statistic under one name so cables line up in the index.

The rules are data (`generator/data/metrics.yml`); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..model import Statistic

KINDS = ("count", "percent", "money")


@dataclass(frozen=True)
class MetricRule:
    metric: str
    kind: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None


def load_rules(text: str) -> tuple[MetricRule, ...]:
    """Rules from YAML text (the package file, or a test's own); a malformed rule is a ValueError."""
    rules = []
    for number, item in enumerate((yaml.safe_load(text) or {}).get("metrics") or [], start=1):
        if not isinstance(item, dict) or item.get("kind") not in KINDS or not item.get("metric"):
            raise ValueError(f"metric rule {number}: needs `metric`, `pattern` and a `kind` among {', '.join(KINDS)}")
        unless = item.get("unless")
        rules.append(MetricRule(str(item["metric"]), item["kind"], re.compile(str(item["pattern"]), re.IGNORECASE),
                                re.compile(str(unless), re.IGNORECASE) if unless else None))
    return tuple(rules)


@cache
def package_rules() -> tuple[MetricRule, ...]:
    return load_rules(resources.files("generator.data").joinpath("metrics.yml").read_text(encoding="utf-8"))


def kind_of(stat: Statistic) -> str:
    if stat.currency:
        return "money"
    return "percent" if stat.unit == "%" else "count"


def metric_of(stat: Statistic, rules: tuple[MetricRule, ...] | None = None) -> str | None:
    """The canonical metric the statistic measures, or None when no rule fits it."""
    kind = kind_of(stat)
    for rule in package_rules() if rules is None else rules:
        if rule.kind != kind or not rule.pattern.search(stat.label):
            continue
        if rule.unless is not None and rule.unless.search(stat.label):
            continue
        return rule.metric
    return None
