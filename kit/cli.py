"""The ``medialit`` command: a thin layer over plain functions.

>>> main(["--help"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
SystemExit: 0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit import __version__, settings
from kit.errors import InputError, KitError


def _lab(args: argparse.Namespace) -> int:
    from kit.lab import launch

    return launch(folder=args.folder, port=args.port, open_browser=not args.no_browser, dry_run=args.dry_run)


def _validate(args: argparse.Namespace) -> int:
    from kit import datacheck
    from kit.lessoncheck import validate_lessons

    problems = datacheck.validate(args.datasets) + (validate_lessons() if args.datasets is None else [])
    if problems:
        print(datacheck.format_problems(problems))
        print(f"\n{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    folder = args.datasets or settings.datasets_dir()
    checked = "datasets" if args.datasets else "datasets, question banks and answer keys"
    print(f"All {checked} are valid ({folder}).")
    return 0


def _new_lesson(args: argparse.Namespace) -> int:
    from kit.scaffold import new_lesson

    result = new_lesson(args.article, out=args.out, lesson_id=args.lesson_id, force=args.force)
    print(result.summary())
    return 0


def _submit(args: argparse.Namespace) -> int:
    from kit.submit import bundle

    result = bundle(student=args.student, answers_folder=args.answers, out=args.out)
    print(result.summary())
    return 0


def _collect(args: argparse.Namespace) -> int:
    from kit.grading.gather import gather

    result = gather(args.folders, out=args.out)
    print(result.summary())
    return 0 if result.written else 1


def _grade(args: argparse.Namespace) -> int:
    from kit.grading import RubricMarks, grade
    from kit.reports.summary import ProgressBar, summary
    from kit.reports.write import write_reports

    lms = _lms_options(args)
    marks_path = args.marks or args.out / "rubric-marks.json"
    marks = RubricMarks(marks_path)
    lessons = [x.strip() for x in args.lessons.split(",")] if args.lessons else None
    from kit.grading.forms import read_overrides

    result = grade(args.submissions, lessons=lessons, key_folder=args.key, questions_folder=args.questions,
                   marks=marks, progress=ProgressBar(total=0) if not args.quiet else None,
                   forms=read_overrides(args.forms) if args.forms else None)
    written = write_reports(result, args.out, analytics=not args.no_analytics, lms=lms)
    print(summary(result, written))
    matching = args.out / "roster-matching.txt"
    if lms is not None and matching in written.values():
        print(matching.read_text(encoding="utf-8"), end="")
    return result.exit_status


def _lms_options(args: argparse.Namespace):
    if args.lms is None:
        if args.roster or args.assignment:
            raise InputError("--roster and --assignment need --lms canvas, moodle or classroom")
        return None
    from kit.reports.lms import LmsOptions, parse_assignments

    return LmsOptions(system=args.lms, roster=args.roster, assignments=parse_assignments(args.assignment),
                      identifier=args.moodle_id, maximum=args.max).check()


def _handouts(args: argparse.Namespace) -> int:
    from kit.handouts import write_handouts

    lessons = [x.strip() for x in args.lessons.split(",")] if args.lessons else None
    written = write_handouts(args.out, lessons=lessons, html_only=args.html_only)
    for path in written:
        print(path)
    return 0


def _key_notebooks(args: argparse.Namespace) -> int:
    from kit import settings
    from kit.grading import notebooks
    from kit.model_answers import write_model_answers
    from kit.questions import lesson_ids

    folder = settings.answer_key_dir()
    if folder is None:
        print("medialit key-notebooks: no answer-key folder (is MEDIALIT_KEY=none?)", file=sys.stderr)
        return 2
    lessons = [x.strip() for x in args.lessons.split(",")] if args.lessons else lesson_ids()
    for lesson in lessons:
        answers = write_model_answers(lesson, folder / "model-answers")
        path = notebooks.write(lesson, folder)
        print(f"{lesson}: model answers {answers.name}, notebook {path.name}")
    guide = settings.instructor_guide_dir() / "lessons.md"
    if guide.exists():
        from kit.answer_summary import update_guide

        print(f"answer tables updated in {guide.name}: {', '.join(update_guide(guide))}")
    return 0


def _release(args: argparse.Namespace) -> int:
    from kit.release import release

    result = release(args.out, force=args.force)
    print(result.summary())
    return 0


def _lesson_stats(args: argparse.Namespace) -> int:
    from kit import lessonstats

    if args.update_guide and (args.notebooks or not args.no_run):
        print("medialit lesson-stats: --update-guide writes the guide's table of every committed lesson: "
              "use it with --no-run and no notebook names", file=sys.stderr)
        return 2
    paths = args.notebooks or lessonstats.lesson_notebooks()
    stats = lessonstats.measure_all(paths, run=not args.no_run)
    print(lessonstats.as_json(stats) if args.json else lessonstats.table(stats))
    if args.update_guide:
        guide = settings.instructor_guide_dir() / "overview.md"
        if not lessonstats.update_guide(guide, stats):
            print(f"medialit lesson-stats: no <!-- lesson-stats --> table in {guide}", file=sys.stderr)
            return 2
        print(f"lesson-stats table updated in {guide.name}")
    return 0


def _refresh_lesson(args: argparse.Namespace) -> int:
    from kit.notebooks import refresh

    status = 0
    for path in args.notebooks:
        errors = refresh(path)
        for error in errors:
            print(f"{path}: {error}", file=sys.stderr)
        print(f"{path}: {'refreshed' if not errors else 'has errors (see above)'}")
        status = status or (1 if errors else 0)
    return status


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

    submit = commands.add_parser("submit", help="bundle your answers to every lesson into one file to hand in")
    submit.add_argument("--student", help="your name or id (default: the name you entered in lesson 00)")
    submit.add_argument("--answers", type=Path, help="the answers folder (default: $MEDIALIT_ANSWERS or ./answers)")
    submit.add_argument("--out", type=Path, help="file to write (default: ./<your-id>.medialit-submission.json)")
    submit.set_defaults(handler=_submit)

    collect = commands.add_parser("collect", help="(instructors, on a hub) copy every student's answers from home folders or an answers root into one folder")
    collect.add_argument("folders", nargs="+", type=Path, help="the hub's home folders (e.g. /home) or answers root (e.g. /srv/answers)")
    collect.add_argument("--out", type=Path, default=Path("submissions"), help="folder to copy them into (default: ./submissions)")
    collect.set_defaults(handler=_collect)

    grade = commands.add_parser("grade", help="grade answers files, bundles or folders; write gradebook, feedback and analytics")
    grade.add_argument("submissions", nargs="+", type=Path, help="answers files, medialit submit bundles, or folders of them")
    grade.add_argument("--out", type=Path, default=Path("grading"), help="folder for the results (default: ./grading)")
    grade.add_argument("--lessons", help="comma-separated lessons to grade (default: every lesson)")
    grade.add_argument("--forms", type=Path, help="CSV student_id,pre_form: the pre/post form (A or B) of students you assigned by hand")
    grade.add_argument("--key", type=Path, help="answer-key folder (default: the kit's instructor-guide/answer-key)")
    grade.add_argument("--questions", type=Path, help="question-bank folder (for lessons made with new-lesson)")
    grade.add_argument("--marks", type=Path, help="rubric marks file (default: OUT/rubric-marks.json)")
    grade.add_argument("--no-analytics", action="store_true", help="skip the class plots")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.add_argument("--lms", choices=["canvas", "moodle", "classroom"],
                       help="also write an import file for this LMS (classroom: a sheet to type from; it has no import)")
    grade.add_argument("--roster", type=Path, help="the roster you exported from the LMS (Canvas: its gradebook CSV; Moodle: a grade export)")
    grade.add_argument("--assignment", action="append", metavar="LESSON=COLUMN",
                       help='(Canvas) the roster column a lesson fills, e.g. L02="Lesson 2 (12345)"; repeat per lesson')
    grade.add_argument("--moodle-id", choices=["email", "username", "idnumber"], default="email",
                       help="(Moodle) the identifier column to match users on (default: email)")
    grade.add_argument("--max", type=float, default=100.0, help="(Moodle) the total is scaled to this maximum (default: 100)")
    grade.set_defaults(handler=_grade)

    rel = commands.add_parser("release", help="(instructors) write a student copy: lessons, datasets (graded answers blanked) and the practice questions' key")
    rel.add_argument("out", type=Path, help="folder to create")
    rel.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    rel.set_defaults(handler=_release)

    keys = commands.add_parser("key-notebooks", help="(instructors) rebuild the model answers and the nbval answer-key notebooks from the key")
    keys.add_argument("--lessons", help="comma-separated lessons (default: every lesson)")
    keys.set_defaults(handler=_key_notebooks)

    stats = commands.add_parser("lesson-stats", help="(authors) words to read, responses and modelled minutes per lesson, against one period")
    stats.add_argument("notebooks", nargs="*", type=Path, help="lesson notebooks (default: every lesson)")
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stats.add_argument("--no-run", action="store_true", help="count stored outputs only (do not run the notebooks)")
    stats.add_argument("--update-guide", action="store_true",
                       help="also write the table into instructor-guide/overview.md (use with --no-run and every lesson)")
    stats.set_defaults(handler=_lesson_stats)

    hand = commands.add_parser("handouts", help="(instructors) printable PDF handouts: one per lesson and one with all (needs Chromium)")
    hand.add_argument("out", type=Path, help="folder to write the PDFs into")
    hand.add_argument("--lessons", help="comma-separated lessons (default: every lesson)")
    hand.add_argument("--html-only", action="store_true", help="write the HTML pages only (no browser needed)")
    hand.set_defaults(handler=_handouts)

    refresh = commands.add_parser("refresh-lesson", help="(authors) run notebooks and keep outputs only in nbval-checked cells")
    refresh.add_argument("notebooks", nargs="+", type=Path, help="lesson or answer-key notebooks")
    refresh.set_defaults(handler=_refresh_lesson)

    new = commands.add_parser("new-lesson", help="scaffold a claim-breakdown lesson for any article (Markdown or text)")
    new.add_argument("article", type=Path, help="the article: a .md or .txt file, with optional front matter")
    new.add_argument("--out", type=Path, default=Path("."), help="folder to write the lesson into (default: here)")
    new.add_argument("--lesson-id", help="id for the lesson's questions (default: made from the file name)")
    new.add_argument("--force", action="store_true", help="overwrite an earlier scaffold of the same lesson")
    new.set_defaults(handler=_new_lesson)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return args.handler(args)
    except (KitError, FileExistsError) as error:  # the one place errors become messages
        print(f"medialit {args.command}: {error}", file=sys.stderr)
        return 2
