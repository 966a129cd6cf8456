"""`python -m generator` (also `briefing`): generate, build, serve, check, parse.

Exit codes: 0 success; 1 errors in the cables (or a failed mkdocs build); 2 usage or
setup errors. Every problem prints as `path:line: severity: message`, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .build import Archive, Settings, generate, load_archive, load_cable, mkdocs
from .config import CONFIG_NAME
from .corrections import CorrectionError, apply_sidecar, sidecar_for
from .errors import ArchiveError, CableError
from .model import cable_to_json
from .policy import leftover_pages
from .report import coverage_report


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ArchiveError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the archive folder holding mkdocs.yml, cables/ and docs/ (default: .)")
    verbs = parser.add_subparsers(dest="verb", required=True)
    for name, run, text in (
        ("generate", _generate, "write Markdown pages for every cable into docs/"),
        ("build", _build, "generate, then run mkdocs build into site/"),
        ("serve", _serve, "generate, then mkdocs serve; regenerate when a cable changes"),
        ("check", _check, "validate every cable; exit 1 if any has errors"),
    ):
        verb = verbs.add_parser(name, help=text, description=text)
        verb.add_argument("--strict", action="store_true", help="treat warnings as errors")
        verb.add_argument("--no-cache", action="store_true",
                          help="ignore .cache/ (parsed cables, rendered pages): slower, same output")
        verb.set_defaults(run=run)
    verbs.choices["check"].add_argument("--report", action="store_true",
                                        help="also print per-field coverage over the archive")
    verbs.choices["serve"].add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    parse = verbs.add_parser("parse", help="print as JSON everything the generator knows about each cable")
    parse.add_argument("files", nargs="+", type=Path)
    parse.set_defaults(run=_parse)
    return parser


def _print_problems(archive: Archive, strict: bool, warnings: bool = True) -> bool:
    """Print errors (and warnings, unless only counted); return True when the run must fail."""
    for problem in archive.problems:
        if warnings or problem.severity == "error":
            print(problem, file=sys.stderr)
    hidden = len(archive.problems) - len(archive.errors)
    if not warnings and hidden:
        print(f"{hidden} warnings: run `python -m generator check` to list them", file=sys.stderr)
    failing = archive.errors or (strict and archive.problems)
    return bool(failing)


def _generate(args: argparse.Namespace) -> int:
    settings = Settings(args.root)
    archive, report = generate(settings, cache=not args.no_cache)
    failed = _print_problems(archive, args.strict, warnings=args.strict)
    for refusal in report.refused:
        print(f"warning: {refusal}", file=sys.stderr)
    withheld = f" ({len(archive.withheld)} withheld)" if archive.withheld else ""
    print(f"{len(archive.cables)} cables{withheld}: {report.summary()}")
    leftovers = leftover_pages(settings.docs, archive.withheld)
    for path in leftovers:
        print(f"{path.relative_to(settings.root).as_posix()}: error: file of a cable the publish policy "
              "withholds (kept: edited by hand, or not written by the generator); delete it, or it will be "
              "published", file=sys.stderr)
    if leftovers:
        return 1
    return 1 if (args.strict and (failed or report.refused)) else 0


def _build(args: argparse.Namespace) -> int:
    status = _generate(args)
    if status:
        return status
    options = ["--strict"] if args.strict else []
    return 1 if mkdocs(Settings(args.root), "build", *options) else 0


def _serve(args: argparse.Namespace) -> int:
    settings = Settings(args.root)
    _generate(args)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(settings.config),
                               "--dev-addr", args.dev_addr], cwd=settings.root)
    snapshot = _snapshot(settings.cables, settings.root / CONFIG_NAME)
    try:
        while server.poll() is None:
            time.sleep(1)
            current = _snapshot(settings.cables, settings.root / CONFIG_NAME)
            if current != snapshot:
                snapshot = current
                try:
                    _generate(args)
                except ArchiveError as error:  # a broken archive.yml mid-session: say so, keep serving
                    print(f"error: {error}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait()
    return server.returncode or 0


def _snapshot(folder: Path, *files: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under folder (cables, sidecars) and of `files`."""
    snapshot: dict[str, tuple[int, int]] = {}
    for path in [*sorted(folder.rglob("*")), *files]:
        try:
            status = path.stat()
        except OSError:  # removed while we looked
            continue
        if path.is_file():
            snapshot[str(path)] = (status.st_mtime_ns, status.st_size)
    return snapshot


def _check(args: argparse.Namespace) -> int:
    archive = load_archive(Settings(args.root), cache=not args.no_cache)
    failed = _print_problems(archive, args.strict)
    errors = len(archive.errors)
    warnings = len(archive.problems) - errors
    for cable, reason in archive.withheld:
        print(f"withheld: {cable.id} (cables/{cable.source}): {reason}")
    if args.report:
        print(coverage_report([*archive.cables, *(cable for cable, _ in archive.withheld)]))
    read = len(archive.cables) + len(archive.withheld)
    print(f"{read} cables read: {errors} errors, {warnings} warnings; "
          f"{len(archive.cables)} published, {len(archive.withheld)} withheld by the publish policy")
    return 1 if failed else 0


def _parse(args: argparse.Namespace) -> int:
    results = []
    failed = False
    for path in args.files:
        try:
            cable = load_cable(path, str(path))
        except CableError as error:
            print(error.problem, file=sys.stderr)
            failed = True
            continue
        sidecar = sidecar_for(path, cable.id)
        if sidecar is not None:
            try:
                cable = apply_sidecar(cable, sidecar, str(sidecar))
            except CorrectionError as error:
                print(error.problem, file=sys.stderr)
                failed = True
        results.append(cable_to_json(cable))
    if results:
        output = results[0] if len(args.files) == 1 else results
        print(json.dumps(output, indent=2, ensure_ascii=False))
    return 1 if failed else 0
