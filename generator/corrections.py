"""Editorial corrections: a sidecar `cables/<id>.yml` applied over what the parser extracted.

    note: The date is from the State Department index; the cable text omits it.
    date: 2005-03-04                     # set a field
    signer: Ordway
    add_treaties:                        # append items to a list field
      - {name: Berne Convention, year: 1886, status: party, paragraph: 22}
    fix_statistics:                      # change the items that match `where`
      - where: {label: inspections, period: "2004"}
        set: {value: 1365}
    recommendation:                      # a mapping merges over the parser's value
      action: keep on the Watch List

Keys are the fields of the `parse` JSON (types checked against the model), `add_<list
field>`, `fix_<list field>` and `note`. Identity fields (id, origin, number, year,
source) cannot be corrected: rename the file instead. Every applied correction is
recorded in `Cable.edits` so pages can mark what is edited and show the parser's value.
A correction to statistics or paragraphs re-runs the figure checks (`recheck_figures`).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import types
import typing
from pathlib import Path
from typing import Any

from yaml.nodes import Node, SequenceNode

from .briefing import recheck_figures
from .config import (
    CLASSIFICATIONS,
    NodeError,
    boolean,
    compose,
    integer,
    is_null,
    line_of,
    mapping,
    number,
    string,
)
from .errors import Problem
from .model import Cable, Edit, _plain

IDENTITY = frozenset({"id", "origin", "number", "year", "source"})
FIXED = IDENTITY | {"warnings", "checks", "edits", "editor_note", "history"}
"""Fields a sidecar may not touch: identity (rename the file instead) and computed fields."""
SIDECAR_SUFFIX = ".yml"


def correctable_fields() -> dict[str, Any]:
    hints = typing.get_type_hints(Cable)
    return {item.name: hints[item.name] for item in dataclasses.fields(Cable) if item.name not in FIXED}


def find_sidecars(folder: Path) -> set[Path]:
    """Every sidecar under cables/ (one directory walk instead of two stats per cable)."""
    return {path for path in folder.rglob("*" + SIDECAR_SUFFIX) if not path.name.startswith(".") and path.is_file()}


def sidecar_for(cable_path: Path, cable_id: str, existing: set[Path] | None = None) -> Path | None:
    """`cables/<file stem>.yml`, else `cables/<id>.yml` next to the cable, if one exists."""
    for candidate in (cable_path.with_suffix(SIDECAR_SUFFIX), cable_path.with_name(cable_id + SIDECAR_SUFFIX)):
        if candidate in existing if existing is not None else candidate.is_file():
            return candidate
    return None


def apply_sidecar(cable: Cable, path: Path, shown: str) -> Cable:
    """The cable with the sidecar's corrections applied; CorrectionError(Problem) when it is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CorrectionError(Problem(shown, None, f"cannot read corrections: {error}")) from error
    try:
        return apply_corrections(cable, text)
    except NodeError as error:
        raise CorrectionError(Problem(shown, error.line, error.message)) from error


class CorrectionError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def apply_corrections(cable: Cable, text: str) -> Cable:
    """Apply sidecar YAML `text` to `cable`; NodeError (with line) for anything wrong."""
    root = compose(text)
    if root is None or is_null(root):
        return cable
    fields = correctable_fields()
    changes: dict[str, Any] = {}
    edits: list[Edit] = []
    note: str | None = None
    for key, key_node, value in mapping(root, "corrections"):
        if key == "note":
            note = string(value, "note").strip() or None
            continue
        action, name = "set", key
        if key.startswith(("add_", "fix_")) and key[4:] in fields:
            action, name = key[:3], key[4:]
            if typing.get_origin(fields[name]) is not tuple:
                raise NodeError(line_of(key_node), f"{key}: {name} is not a list field; use `{name}:` to set it")
        elif key not in fields:
            if key in IDENTITY:
                raise NodeError(line_of(key_node), f"{key!r} cannot be corrected: it is the cable's identity "
                                                   "(taken from the banner); rename or fix the cable file instead")
            if key in FIXED:
                raise NodeError(line_of(key_node), f"{key!r} cannot be corrected: the generator computes it")
            raise NodeError(line_of(key_node), f"unknown key {key!r}; correctable: note, "
                                               + ", ".join(sorted(fields)) + " (and add_/fix_ for lists)")
        hint = fields[name]
        current = changes.get(name, getattr(cable, name))
        if action == "set":
            new = convert(value, hint, name, current)
            _validate(name, new, value)
            before, after = current, new
        elif action == "add":
            new = current + convert(value, hint, key)
            before, after = None, new[len(current):]
        else:
            new, positions = _fix(current, value, typing.get_args(hint)[0], key)
            # Only the items changed, so the page can show "as the parser read it" briefly.
            before = tuple(current[index] for index in positions)
            after = tuple(new[index] for index in positions)
        changes[name] = new
        edits.append(Edit(name, action, _json(before), _json(after) or "null", line_of(key_node)))
    if not changes and note is None:
        return cable
    corrected = dataclasses.replace(cable, **changes, edits=cable.edits + tuple(edits),
                                    editor_note=note if note is not None else cable.editor_note)
    return recheck_figures(cable, corrected)


def _json(value: Any) -> str | None:
    if value is None or value == ():
        return None
    plain = _plain(dataclasses.asdict(value)) if dataclasses.is_dataclass(value) else _plain(
        [dataclasses.asdict(item) if dataclasses.is_dataclass(item) else item for item in value]
        if isinstance(value, tuple) else value)
    return json.dumps(plain, ensure_ascii=False, separators=(", ", ": "))


def _validate(name: str, value: Any, node: Node) -> None:
    if name == "date" and value is not None:
        try:
            datetime.date.fromisoformat(value)
            ok = len(value) == 10
        except ValueError:
            ok = False
        if not ok:
            raise NodeError(line_of(node), f"date: expected YYYY-MM-DD, got {value!r}")
    if name == "classification" and value not in CLASSIFICATIONS:
        raise NodeError(line_of(node), f"classification: expected one of {', '.join(CLASSIFICATIONS)}")


def convert(node: Node, hint: Any, what: str, base: Any = None) -> Any:
    """Check a YAML node against a model type hint and build the value."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if is_null(node):
            return None
        inner = next(arg for arg in args if arg is not type(None))
        return convert(node, inner, what, base)
    if origin is tuple:
        if not isinstance(node, SequenceNode):
            raise NodeError(line_of(node), f"{what}: expected a list")
        return tuple(convert(item, args[0], what) for item in node.value)
    if dataclasses.is_dataclass(hint):
        return _dataclass(node, hint, what, base)
    if hint is str:
        return string(node, what)
    if hint is bool:
        return boolean(node, what)
    if hint is int:
        return integer(node, what)
    if hint is float:
        return number(node, what)
    raise NodeError(line_of(node), f"{what}: this field cannot be corrected from a sidecar")


def _dataclass(node: Node, cls: Any, what: str, base: Any = None) -> Any:
    hints = typing.get_type_hints(cls)
    known = {item.name: item for item in dataclasses.fields(cls)}
    given: dict[str, Any] = {}
    for key, key_node, value in mapping(node, what):
        if key not in known:
            raise NodeError(line_of(key_node), f"{what}: unknown key {key!r} (known: {', '.join(known)})")
        given[key] = convert(value, hints[key], f"{what}.{key}")
    if base is not None:
        return dataclasses.replace(base, **given)
    for name, item in known.items():
        if name in given or item.default is not dataclasses.MISSING or item.default_factory is not dataclasses.MISSING:
            continue
        hint = hints[name]
        if typing.get_origin(hint) is tuple:
            given[name] = ()
        elif type(None) in typing.get_args(hint):
            given[name] = None
        else:
            raise NodeError(line_of(node), f"{what}: missing key {name!r}")
    return cls(**given)


def _fix(items: tuple, node: Node, cls: Any, what: str) -> tuple[tuple, list[int]]:
    """(the items with every `where` match changed by its `set`, the changed positions)."""
    if not isinstance(node, SequenceNode):
        raise NodeError(line_of(node), f"{what}: expected a list of `- where: {{...}}` / `set: {{...}}`")
    result = list(items)
    changed: list[int] = []
    hints = typing.get_type_hints(cls)
    for entry in node.value:
        parts = {key: (key_node, value) for key, key_node, value in mapping(entry, what)}
        for key, (key_node, _) in parts.items():
            if key not in ("where", "set"):
                raise NodeError(line_of(key_node), f"{what}: unknown key {key!r} (known: where, set)")
        if "where" not in parts or "set" not in parts:
            raise NodeError(line_of(entry), f"{what}: each item needs `where:` and `set:`")
        where_node = parts["where"][1]
        wanted = {}
        for key, key_node, value in mapping(where_node, f"{what}.where"):
            if key not in hints:
                raise NodeError(line_of(key_node), f"{what}.where: unknown key {key!r} (known: {', '.join(hints)})")
            wanted[key] = convert(value, hints[key], f"{what}.where.{key}")
        matches = [index for index, item in enumerate(result)
                   if all(getattr(item, key) == value for key, value in wanted.items())]
        if not matches:
            raise NodeError(line_of(where_node), f"{what}: no item matches where {wanted}")
        for index in matches:
            result[index] = _dataclass(parts["set"][1], cls, f"{what}.set", result[index])
        changed += [index for index in matches if index not in changed]
    return tuple(result), sorted(changed)


def orphan_sidecars(existing: set[Path], used: set[Path]) -> list[Path]:
    """Sidecars that belong to no cable (a typo in the name, a removed cable)."""
    return sorted(existing - used)
