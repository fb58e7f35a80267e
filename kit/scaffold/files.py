"""``new_lesson``: read the article, build the lesson, write its four files (each one atomically).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "questions" / "X.json", '{"lesson": "X"}\\n')
>>> (folder / "questions" / "X.json").read_text(encoding="utf-8")
'{"lesson": "X"}\\n'
>>> sorted(p.name for p in (folder / "questions").iterdir())  # no temporary file is left behind
['X.json']
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from kit.articles import Article, from_file, read_text
from kit.errors import InputError
from kit.scaffold.bank import POINTS, build_questions
from kit.scaffold.ids import check_lesson_id, lesson_id_for
from kit.scaffold.notebook import build_notebook

#: Articles longer than this (in characters) are refused: a lesson is read in class.
MAX_CHARS = 300_000


@dataclass
class ScaffoldResult:
    """What :func:`new_lesson` wrote, and what the teacher should know."""

    lesson_id: str
    article: Article
    out: Path
    notebook: Path
    article_copy: Path
    questions: Path
    key: Path
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The files written and the next steps, as the command prints them."""
        main = self.article.main_sentences()
        words = self.article.word_count
        lines = [
            f"Made lesson {self.lesson_id} from {self.article.path.name if self.article.path else 'the article'} "
            f"({words:,} word{'s' if words != 1 else ''}, {len(main)} sentence{'s' if len(main) != 1 else ''}).",
            "Wrote:",
            f"  {self.notebook}  the lesson notebook",
            f"  {self.article_copy}  a copy of the article, which the notebook reads",
            f"  {self.questions}  the questions ({len(POINTS)})",
            f"  {self.key}  a DRAFT answer key: review it before use",
        ]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  - {note}" for note in self.notes]
        folder = self.out
        lines += [
            "Next steps:",
            f"  1. Review {self.key.relative_to(folder)}: the claim types were suggested by a simple rule "
            "(attribution -> quotation, will/would -> prediction, should/must -> opinion, "
            "hedge/certainty/loaded -> interpretive, else factual); "
            "fill in the source card and check the technique answer.",
            f"  2. Open the lesson: medialit lab --folder {folder}  (then {self.notebook.name}, Run All).",
            f"  3. Check that it runs: pytest --nbval-lax {self.notebook}",
            f"  4. Students without feedback: hand out the folder without {self.key.parent.name}/. "
            f"Grade: medialit grade ANSWERS --lessons {self.lesson_id} --key {self.key.parent} --questions {self.questions.parent}",
        ]
        return "\n".join(lines)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so a crash leaves the old file or the new one, never part of one.

    The text goes to a temporary file in the same folder, is flushed to disk,
    then replaces ``path`` in one step (``os.replace``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None


def _json(document: dict) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _refuse_long(path: Path, article: Article) -> None:
    if len(article.body) > MAX_CHARS:
        approx = len(article.body.split())
        raise InputError(
            f"{path}: is {len(article.body):,} characters (about {approx:,} words); new-lesson makes lessons from "
            f"articles of up to {MAX_CHARS:,} characters (about 50,000 words). Scaffold a part of it instead."
        )


def new_lesson(article_path: Path | str, *, out: Path | str = Path("."), lesson_id: str | None = None,
               force: bool = False, lexicons=None) -> ScaffoldResult:
    """Scaffold a claim-breakdown lesson for the article at ``article_path`` into ``out``.

    ``lexicons`` (default: the kit's four lists) drive the draft key's
    suggestions; the notebook itself always measures with the kit's lists.

    Raises :class:`~kit.articles.DocumentError` for a file that cannot be read
    as text, ``FileExistsError`` (naming the file) when a file would be
    overwritten without ``force``, and :class:`~kit.errors.InputError` (a
    ``ValueError``) for anything else the teacher can fix (a bad lesson id, an
    article that is too long, a folder that cannot be written).
    """
    import nbformat

    from kit.text import rhetoric

    path = Path(article_path)
    out = Path(out)
    article = from_file(path)
    _refuse_long(path, article)
    lesson_id = check_lesson_id(lesson_id) if lesson_id else lesson_id_for(path)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; --out must be a folder")
    targets = {
        "notebook": out / f"{lesson_id}.ipynb",
        "article": out / "articles" / f"{lesson_id}.md",
        "questions": out / "questions" / f"{lesson_id}.json",
        "key": out / "answer-key" / f"{lesson_id}.json",
    }
    if not force:
        for target in targets.values():
            if target.exists():
                raise FileExistsError(f"{target} already exists; use --force to overwrite it")
    profile = rhetoric(article, lexicons=lexicons)
    bank, key, notes = build_questions(lesson_id, article, profile)
    notebook = build_notebook(lesson_id, article, f"articles/{lesson_id}.md", notes)

    _write(targets["article"], read_text(path))
    _write(targets["questions"], _json(bank))
    _write(targets["key"], _json(key))
    _write(targets["notebook"], nbformat.writes(notebook) + "\n")
    return ScaffoldResult(
        lesson_id=lesson_id, article=article, out=out, notebook=targets["notebook"], article_copy=targets["article"],
        questions=targets["questions"], key=targets["key"], notes=notes,
    )
