"""The ``medialit`` command: a thin layer over plain functions.

>>> main(["--help"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
SystemExit: 0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit import __version__


def _lab(args: argparse.Namespace) -> int:
    from kit.lab import launch

    return launch(folder=args.folder, port=args.port, open_browser=not args.no_browser, dry_run=args.dry_run)


def _validate(args: argparse.Namespace) -> int:
    from kit import data

    problems = data.validate(args.datasets)
    if problems:
        print(data.format_problems(problems))
        print(f"\n{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    folder = args.datasets or data.resources.datasets_dir()
    print(f"All datasets are valid ({folder}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medialit",
        description="Media-literacy lessons in JupyterLab: trace claims to their sources.",
    )
    parser.add_argument("--version", action="version", version=f"medialit-kit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    lab = commands.add_parser("lab", help="open JupyterLab on the lessons (works offline)")
    lab.add_argument("--folder", type=Path, help="working folder for the lessons (default: the checkout's lessons/ or ./medialit-lessons)")
    lab.add_argument("--port", type=int, help="port for JupyterLab (default: the first free one from 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    lab.add_argument("--dry-run", action="store_true", help="print what would run, and run nothing")
    lab.set_defaults(handler=_lab)

    validate = commands.add_parser("validate", help="check every dataset; list every problem with file, row and column")
    validate.add_argument("--datasets", type=Path, help="datasets folder to check (default: the kit's own)")
    validate.set_defaults(handler=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    return args.handler(args)
