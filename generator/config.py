"""The archive's own settings: `archive.yml` at the archive root, optional.

    publish:                       # what may reach site/ (default: UNCLASSIFIED, not sensitive)
      classifications: [UNCLASSIFIED]
      sensitive: false             # SENSITIVE caveat or SBU portion marks need an explicit yes
      caveats_allowed: [SIPDIS]    # any other caveat (NOFORN, EXDIS, CODEL...) withholds the cable
      withhold: []                 # cable ids never published, whatever their marks
    feed:
      entries: 20                  # newest cables in docs/feed.xml
      site_url: null               # e.g. https://archive.example.org/ for absolute feed links
      title: "Briefing Archive: new cables"
    history: true                  # read added/corrected dates from git

Every key is optional; a missing file means every default. A wrong key or type is a
ConfigError naming `archive.yml:line`. The YAML node helpers here are shared with
the sidecar corrections, which need the same line-numbered validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ConfigError

CONFIG_NAME = "archive.yml"
CLASSIFICATIONS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")


@dataclass(frozen=True)
class PublishPolicy:
    classifications: tuple[str, ...] = ("UNCLASSIFIED",)
    """Banner classifications that may be published."""
    sensitive: bool = False
    """Publish cables marked SENSITIVE (caveat) or with SBU portion marks: needs an explicit yes."""
    caveats_allowed: tuple[str, ...] = ("SIPDIS",)
    """Caveats and captions a published cable may bear; any other withholds it (an allow
    list, so a caveat nobody has looked at is never published by default). SENSITIVE is
    governed by `sensitive` instead."""
    withhold: tuple[str, ...] = ()
    """Cable ids withheld whatever their marks (a take-down list)."""


@dataclass(frozen=True)
class FeedSettings:
    entries: int = 20
    site_url: str | None = None
    title: str = "Briefing Archive: new cables"


@dataclass(frozen=True)
class ArchiveConfig:
    publish: PublishPolicy = field(default_factory=PublishPolicy)
    feed: FeedSettings = field(default_factory=FeedSettings)
    history: bool = True


class NodeError(Exception):
    """A wrong value in a YAML file, with the 1-based line of the offending node."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def compose(text: str) -> Node | None:
    """Parse YAML into nodes (which keep line numbers); NodeError on a syntax error."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise NodeError(mark.line + 1 if mark else None, f"not valid YAML: {problem}") from error


def mapping(node: Node, what: str) -> list[tuple[str, Node, Node]]:
    """(key, key node, value node) of a mapping; NodeError for other nodes or duplicate keys."""
    if not isinstance(node, MappingNode):
        raise NodeError(line_of(node), f"{what}: expected a mapping of `key: value`")
    seen: set[str] = set()
    items = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise NodeError(line_of(key_node), f"{what}: keys must be plain words")
        if key_node.value in seen:
            raise NodeError(line_of(key_node), f"{what}: key {key_node.value!r} given twice")
        seen.add(key_node.value)
        items.append((key_node.value, key_node, value_node))
    return items


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag.endswith(":null")


def string(node: Node, what: str) -> str:
    if not isinstance(node, ScalarNode) or is_null(node) or (node.tag.endswith(":bool") and not node.style):
        raise NodeError(line_of(node), f"{what}: expected text (quote it if it reads as yes/no)")
    return node.value


def optional_string(node: Node, what: str) -> str | None:
    return None if is_null(node) else string(node, what)


def integer(node: Node, what: str) -> int:
    if not isinstance(node, ScalarNode) or not node.tag.endswith(":int") or node.style:
        raise NodeError(line_of(node), f"{what}: expected a whole number")
    return int(yaml.safe_load(node.value))


def number(node: Node, what: str) -> float:
    if not isinstance(node, ScalarNode) or not node.tag.endswith((":int", ":float")) or node.style:
        raise NodeError(line_of(node), f"{what}: expected a number")
    return float(yaml.safe_load(node.value))


def boolean(node: Node, what: str) -> bool:
    if not isinstance(node, ScalarNode) or not node.tag.endswith(":bool") or node.style:
        raise NodeError(line_of(node), f"{what}: expected yes/no (true/false)")
    return bool(yaml.safe_load(node.value))


def strings(node: Node, what: str) -> tuple[str, ...]:
    if not isinstance(node, SequenceNode):
        raise NodeError(line_of(node), f"{what}: expected a list like [A, B]")
    return tuple(string(item, what) for item in node.value)


def load_config(root: Path) -> ArchiveConfig:
    """Read root/archive.yml (every default when absent); ConfigError with file:line when wrong."""
    path = root / CONFIG_NAME
    if not path.exists():
        return ArchiveConfig()
    try:
        return parse_config(path.read_text(encoding="utf-8"))
    except NodeError as error:
        where = f"{CONFIG_NAME}:{error.line}" if error.line else CONFIG_NAME
        raise ConfigError(f"{where}: {error.message}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{CONFIG_NAME}: cannot read: {error}") from error


def parse_config(text: str) -> ArchiveConfig:
    root = compose(text)
    if root is None:
        return ArchiveConfig()
    publish, feed, history = PublishPolicy(), FeedSettings(), True
    for key, key_node, value in mapping(root, "archive.yml"):
        if key == "publish":
            publish = _publish(value)
        elif key == "feed":
            feed = _feed(value)
        elif key == "history":
            history = boolean(value, "history")
        else:
            raise NodeError(line_of(key_node), f"unknown setting {key!r} (known: publish, feed, history)")
    return ArchiveConfig(publish, feed, history)


def _publish(node: Node) -> PublishPolicy:
    values: dict[str, object] = {}
    for key, key_node, value in mapping(node, "publish"):
        what = f"publish.{key}"
        if key == "classifications":
            names = tuple(name.upper() for name in strings(value, what))
            for item, name in zip(value.value, names, strict=True):
                if name not in CLASSIFICATIONS:
                    raise NodeError(line_of(item), f"{what}: {name!r} is not one of {', '.join(CLASSIFICATIONS)}")
            values[key] = names
        elif key == "sensitive":
            values[key] = boolean(value, what)
        elif key in ("caveats_allowed", "withhold"):
            values[key] = tuple(name.upper() for name in strings(value, what))
        else:
            raise NodeError(line_of(key_node), f"unknown setting {what!r} "
                                               "(known: classifications, sensitive, caveats_allowed, withhold)")
    return PublishPolicy(**values)  # type: ignore[arg-type]


def _feed(node: Node) -> FeedSettings:
    values: dict[str, object] = {}
    for key, key_node, value in mapping(node, "feed"):
        what = f"feed.{key}"
        if key == "entries":
            values[key] = integer(value, what)
            if not 1 <= values[key] <= 1000:  # type: ignore[operator]
                raise NodeError(line_of(value), f"{what}: between 1 and 1000")
        elif key == "site_url":
            url = optional_string(value, what)
            if url is not None and not url.startswith(("https://", "http://")):
                raise NodeError(line_of(value), f"{what}: expected an http(s):// address")
            values[key] = url if url is None or url.endswith("/") else url + "/"
        elif key == "title":
            values[key] = string(value, what)
        else:
            raise NodeError(line_of(key_node), f"unknown setting {what!r} (known: entries, site_url, title)")
    return FeedSettings(**values)  # type: ignore[arg-type]
