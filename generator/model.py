"""The typed model between parsing and rendering.

Every stage after `parse` works on these frozen dataclasses only: rendering never
re-reads the raw cable text. `cable_to_json` is the public contract of
`python -m generator parse`: keys may be added, never renamed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reference:
    """One entry of a cable's REF block."""

    label: str | None
    """The author's letter for it (`A`, `B`), or None for a single reference."""
    id: str | None
    """Canonical id of the cited cable (`05STATE23950`), or None for a non-cable reference."""
    text: str
    """The reference as written, whitespace folded."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body, numbered as the author intended."""

    number: int | None
    """The author's paragraph number (repaired where transmission damaged it); None if unnumbered."""
    classification: str | None
    """The portion mark without parentheses (`C`, `SBU`, `S/NF`), or None."""
    section: str | None
    """The heading the paragraph stands under, or None."""
    text: str
    """The paragraph text without its number and portion mark, whitespace folded."""
    line: int
    """1-based line in the source file where the paragraph starts."""


@dataclass(frozen=True)
class Treaty:
    """An international treaty, convention or agreement the cable names."""

    name: str
    """Canonical name from the catalogue, or the name as written when not catalogued."""
    as_written: str
    year: int | None
    """Year of the instrument, where the cable or the catalogue states it."""
    status: str | None
    """What the cable says of it (`party`, `ratified`, `joined`, `urged`), where it says."""
    paragraph: int | None
    title: str | None = None
    """Official title from the catalogue, None when not catalogued."""
    body: str | None = None
    """Administering body from the catalogue (`WIPO`, `WTO`, `CIS`)."""
    since: int | None = None
    """Year the cable says the country joined, ratified or signed, where it says."""
    mentions: tuple[int, ...] = ()
    """Every paragraph that names it."""


@dataclass(frozen=True)
class Law:
    """A national law, code, article, bill or decree the cable cites."""

    name: str
    year: int | None
    jurisdiction: str | None
    article: str | None
    paragraph: int | None
    text: str | None = None
    """The sentence that cites it."""


@dataclass(frozen=True)
class Statistic:
    """One figure a reader would put in a table."""

    label: str
    value: float
    unit: str | None
    """What is counted (`inspections`, `items`, `%`), or None for money."""
    currency: str | None
    """ISO-like currency code for money (`USD`, `KZT`), else None."""
    period: str | None
    """The period the figure covers (`2004`, `2001-2003`), where stated."""
    paragraph: int | None
    text: str
    """The sentence or clause the figure comes from."""
    usd_value: float | None = None
    """The USD value the cable gives alongside, where it does."""
    group: str | None = None
    """Figures compared with each other share a group key (`inspections`)."""
    high: float | None = None
    """Upper end where the cable gives a range (`500-700`)."""
    metric: str | None = None
    """The canonical metric (`items seized`, `fines`) from `data/metrics.yml`, so that figures from
    different cables line up in the statistics index; None when no rule fits the label."""


@dataclass(frozen=True)
class FigureCheck:
    """A verification of the cable's own arithmetic."""

    kind: str
    """`percent_change`, `currency`, or `sum`."""
    description: str
    ok: bool
    stated: str
    computed: str
    paragraph: int | None


@dataclass(frozen=True)
class Special301:
    current: str | None
    """Current list: `Priority Foreign Country`, `Priority Watch List`, `Watch List`, ..."""
    recommended: str | None


@dataclass(frozen=True)
class Recommendation:
    text: str
    """The recommending sentences, as written."""
    action: str
    """A short normalised statement (`remove from the Watch List`)."""
    special_301: Special301 | None
    conditions: tuple[str, ...]
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class Edit:
    """One editorial correction applied over what the parser extracted (from cables/<id>.yml)."""

    field: str
    """The corrected field (`date`, `statistics`, `recommendation`)."""
    action: str
    """`set` (replaced), `add` (items appended) or `fix` (matching items changed)."""
    before: str | None
    """The parser's value as compact JSON, or None when nothing was there."""
    after: str
    """The corrected value as compact JSON."""
    line: int
    """Line in the sidecar file."""


@dataclass(frozen=True)
class History:
    """When the cable entered the archive and was last corrected, from git; None where unknown."""

    added: str | None
    """ISO date of the commit that added the cable file."""
    corrected: str | None
    """ISO date of the latest later commit changing the cable or its sidecar."""


@dataclass(frozen=True)
class Cable:
    id: str
    """Canonical reference id: two-digit year (four before 1990 where sources use it),
    post without spaces, number without leading zeros (`05ALMATY753`)."""
    origin: str
    """The post, upper case without spaces (`ALMATY`, `USUNNEWYORK`)."""
    number: int
    year: int
    date: str | None
    """ISO `YYYY-MM-DD` where the cable states it."""
    classification: str
    """`UNCLASSIFIED`, `CONFIDENTIAL`, `SECRET` or `TOP SECRET`."""
    caveats: tuple[str, ...]
    """Handling captions and caveats in order of appearance (`SIPDIS`, `SENSITIVE`, `NOFORN`)."""
    partial: bool
    """True when the source is a partial extract of the original cable."""
    tags: tuple[str, ...]
    subject: str | None
    references: tuple[Reference, ...]
    summary: str | None
    signer: str | None
    paragraphs: tuple[Paragraph, ...]
    source: str
    """File name of the source in `cables/`."""
    treaties: tuple[Treaty, ...] = ()
    laws: tuple[Law, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    checks: tuple[FigureCheck, ...] = ()
    recommendation: Recommendation | None = None
    warnings: tuple[str, ...] = field(default=())
    """`line: message` notes on what the parser repaired or could not find."""
    edits: tuple[Edit, ...] = ()
    """Editorial corrections applied from the sidecar `cables/<id>.yml`, in its order."""
    editor_note: str | None = None
    """The editor's note from the sidecar, shown on the page."""
    history: History | None = None
    """Added/corrected dates from git, when the archive is a git repository."""


def cable_to_json(cable: Cable) -> dict[str, Any]:
    """The `parse` JSON contract: plain lists and dicts, keys in model order."""
    return _plain(asdict(cable))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
