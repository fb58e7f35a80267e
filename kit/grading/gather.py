"""``medialit collect``: gather every student's answers from a hub into one folder to grade.

On a JupyterHub the answers are spread over the students' home folders
(``/home/<user>/<class-copy>/answers/...``) or over one answers root
(``/srv/answers/<user>/...`` when ``MEDIALIT_ANSWERS`` is set per user).
:func:`gather` walks such a folder and copies every answers file and hand-in
bundle it finds into ``OUT/<student-id>/<lesson>.json``, which
``medialit grade OUT`` reads.

Reading is data only, as in grading: JSON is parsed and its shape checked,
nothing is executed. Symbolic links (files or folders) are never followed:
a student could point one at another student's folder or at a system file.
Everything left out is named with its reason; other JSON files (question
banks, settings) are counted, not copied. When a student's lesson turns up
twice (the answers file and a hand-in bundle), the newer one is kept.

>>> import tempfile
>>> from kit.answers import AnswerStore
>>> homes = Path(tempfile.mkdtemp())
>>> AnswerStore(student="ada", lesson="L00", folder=homes / "ada" / "answers").save("L00.q01", "b")
>>> (homes / "eve").mkdir()
>>> (homes / "eve" / "answers").symlink_to(homes / "ada" / "answers")
>>> result = gather([homes], out=homes.parent / (homes.name + "-collected"))
>>> [str(p.relative_to(result.out)) for p in result.written]
['ada/L00.json']
>>> [r.reason for r in result.skipped]
['is a symbolic link; not followed']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kit.answers import AnswerFileError, load_json_file
from kit.atomicfile import write_json_atomic
from kit.grading.collect import LessonAnswers, Rejected, read_submission
from kit.submit import BUNDLE_FORMAT

MAX_FILES = 200_000
LESSON_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
LINK = "is a symbolic link; not followed"


@dataclass
class Gathered:
    """What :func:`gather` copied, and what it left out and why."""

    out: Path
    written: list[Path] = field(default_factory=list)
    skipped: list[Rejected] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    other_json: int = 0

    @property
    def students(self) -> list[str]:
        return sorted({path.parent.name for path in self.written})

    def summary(self) -> str:
        lines = [f"Collected {len(self.written)} answers file(s) of {len(self.students)} student(s) into {self.out}."]
        if self.written:
            lines.append(f"Grade them with: medialit grade {self.out}")
        lines += [f"Skipped {item}" for item in self.skipped]
        lines += [f"Twice: {note}" for note in self.duplicates]
        if self.other_json:
            lines.append(f"Ignored {self.other_json} other JSON file(s) that are not answers (question banks, settings).")
        return "\n".join(lines)


def _candidates(root: Path, out: Path, skipped: list[Rejected]) -> Iterator[Path]:
    """JSON files under ``root``; links and hidden folders are not entered (links are named)."""
    if root.is_symlink():
        skipped.append(Rejected(root, LINK))
        return
    if not root.is_dir():
        skipped.append(Rejected(root, "no such folder"))
        return
    resolved_out = out.resolve()
    for folder, subfolders, names in os.walk(root, followlinks=False):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            path = here / name
            if path.is_symlink():
                skipped.append(Rejected(path, LINK))
            elif not name.startswith(".") and name != "__pycache__" and path.resolve() != resolved_out:
                kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            path = here / name
            if not name.lower().endswith(".json") or name == "student.json" or ".corrupt-" in name:
                continue
            if path.is_symlink():
                skipped.append(Rejected(path, LINK))
            else:
                yield path


def _lesson_documents(path: Path) -> list[tuple[LessonAnswers, dict]] | None:
    """The lessons in one file with their documents; None when the file is not answers at all."""
    document = load_json_file(path, what="an answers file")
    if not isinstance(document, dict) or not ("answers" in document or document.get("format") == BUNDLE_FORMAT):
        return None
    records = read_submission(path)
    if document.get("format") == BUNDLE_FORMAT:
        return [(record, document["lessons"][record.lesson]) for record in records]
    return [(records[0], document)]


def gather(roots: Iterable[Path | str], *, out: Path | str) -> Gathered:
    """Copy every answers file and bundle under ``roots`` into ``out/<student-id>/<lesson>.json``."""
    out = Path(out)
    result = Gathered(out=out)
    newest: dict[tuple[str, str], tuple[LessonAnswers, dict]] = {}
    count = 0
    for root in roots:
        for path in _candidates(Path(root), out, result.skipped):
            count += 1
            if count > MAX_FILES:
                result.skipped.append(Rejected(Path(root), f"more than {MAX_FILES} JSON files; collect fewer folders at once"))
                break
            try:
                found = _lesson_documents(path)
            except AnswerFileError as error:
                reason = str(error)
                result.skipped.append(Rejected(path, reason.removeprefix(f"{path}: ")))
                continue
            except OSError as error:
                result.skipped.append(Rejected(path, f"cannot be read ({error.strerror or error})"))
                continue
            if found is None:
                result.other_json += 1
                continue
            for record, document in found:
                if not LESSON_NAME.match(record.lesson):
                    result.skipped.append(Rejected(path, f"the lesson id {record.lesson!r} cannot name a file"))
                    continue
                slot = (record.student_id, record.lesson)
                if slot in newest:
                    kept, dropped = sorted([newest[slot], (record, document)], key=lambda item: (item[0].updated, str(item[0].path)),
                                           reverse=True)
                    result.duplicates.append(f"{record.student_id} {record.lesson}: kept {kept[0].path}, not {dropped[0].path}")
                    newest[slot] = kept
                else:
                    newest[slot] = (record, document)
    for (student_id, lesson), (_, document) in sorted(newest.items()):
        target = out / student_id / f"{lesson}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        write_json_atomic(target, document)
        result.written.append(target)
    return result
