"""The answer store: one JSON file per student per lesson, written so nothing is lost.

``answers/<student-id>/<lesson>.json`` beside the lessons (the environment
variable ``MEDIALIT_ANSWERS`` moves the folder, e.g. to a home directory on
JupyterHub). Every save

* takes an exclusive lock on ``<lesson>.json.lock`` with ``filelock`` (two
  kernels writing the same file wait for each other, and each re-reads the file
  under the lock, so neither loses the other's answers); after
  ``lock_timeout`` seconds (default 10) it gives up with
  :class:`kit.atomicfile.LockTimeout` naming the file, instead of hanging;
* writes through :func:`kit.atomicfile.write_json_atomic` (a crash or a kill
  leaves either the old or the new file, never half of one).

A file that is not valid JSON is moved aside to ``<lesson>.json.corrupt-<time>``
(never deleted) and reported; the student goes on with an empty record. Answers
of the wrong type or for unknown questions are kept in the file and reported,
never silently dropped. A file written by a newer kit is read but not written.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> store = AnswerStore(student="ada", lesson="L00", folder=folder)
>>> store.save("L00.q01", "b")
>>> AnswerStore(student="ada", lesson="L00", folder=folder).get("L00.q01")
'b'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.text.segment import hyphen_join
from kit import atomicfile, settings
from kit.errors import KitError

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ID_LENGTH = 40
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def sanitise(name: str) -> str:
    """Turn any name into a safe, stable student id usable as a folder name (see :mod:`kit.identity`).

    Lower-case letters and digits (any script) joined by single hyphens, at
    most 40 characters, so a name can never climb out of the answers folder or
    start a spreadsheet formula.

    >>> sanitise("Ada Lovelace"), sanitise("../../etc/passwd")
    ('ada-lovelace', 'etc-passwd')
    """
    result = hyphen_join(unicodedata.normalize("NFC", str(name)).casefold())[:MAX_ID_LENGTH].strip("-")
    if not result or result in _RESERVED:
        digest = hashlib.sha1(str(name).encode("utf-8")).hexdigest()[:8]
        result = f"student-{digest}"
    return result


def answers_folder() -> Path:
    """Where answers are kept: ``$MEDIALIT_ANSWERS`` or ``./answers`` beside the lessons."""
    return settings.answers_dir()


def now() -> str:
    """The current UTC time as ISO 8601 text."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class AnswerFileError(KitError, ValueError):
    """An answers file cannot be used; the message names the file and the problem."""


@dataclass
class Notice:
    """Something the student or teacher should know about an answers file."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.message}"


@dataclass
class AnswerStore:
    """The answers of one student for one lesson.

    ``validator`` (optional) returns an error message for a value of the wrong
    shape; such answers are kept in the file under ``invalid`` and reported.
    ``lock_timeout`` is how long a save waits for another kernel's lock.
    """

    student: str
    lesson: str
    folder: Path | None = None
    validator: Any = None
    student_name: str = ""
    lesson_version: str = ""
    notices: list[Notice] = field(default_factory=list)
    read_only: bool = False
    lock_timeout: float = atomicfile.DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        if sanitise(self.student) != self.student:
            raise ValueError(f"student id {self.student!r} is not sanitised (use kit.identity.sanitise)")
        self.folder = Path(self.folder) if self.folder is not None else answers_folder()
        self._answers: dict[str, Any] = {}
        self._load()

    @property
    def path(self) -> Path:
        return Path(self.folder or answers_folder()) / self.student / f"{self.lesson}.json"

    # ----------------------------------------------------------------- reading

    def _load(self) -> None:
        document = self._read_document(report=True)
        answers = document.get("answers", {}) if document else {}
        self._answers = {qid: entry.get("value") for qid, entry in answers.items() if isinstance(entry, dict)}

    def _read_document(self, *, report: bool) -> dict | None:
        """Read the file; move a corrupt one aside. Returns None when there is no usable file."""
        path = self.path
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(f"file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
            document = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(document, dict):
                raise ValueError("the file does not hold a JSON object")
        except FileNotFoundError:  # none yet, or moved away (a name was typed) since we looked
            return None
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            moved = self._move_aside(path)
            self.notices.append(Notice(path, f"could not be read ({_short(error)}); it was moved to {moved.name} and kept. Your new answers start afresh."))
            return None
        version = document.get("schema")
        if not isinstance(version, int):
            self.read_only = True
            if report:
                self.notices.append(Notice(path, "has no schema version; it is left untouched and nothing will be saved to it."))
            return document
        if version > SCHEMA_VERSION:
            self.read_only = True
            if report:
                self.notices.append(
                    Notice(path, f"was written by a newer kit (schema {version}; this kit understands {SCHEMA_VERSION}). "
                                 "Answers are shown but will not be saved until the kit is updated.")
                )
        answers = document.get("answers", {})
        if not isinstance(answers, dict):
            self.read_only = True
            if report:
                self.notices.append(Notice(path, "'answers' is not a mapping; the file is left untouched and nothing will be saved to it."))
            document["answers"] = {}
            return document
        if report:
            self._report_entries(path, answers)
        return document

    def _report_entries(self, path: Path, answers: dict) -> None:
        for qid, entry in list(answers.items()):
            if not isinstance(entry, dict) or "value" not in entry:
                self.notices.append(Notice(path, f"answer {qid} is not of the form {{'value': ...}}; it is kept in the file but not shown."))
                continue
            if self.validator is not None:
                problem = self.validator(qid, entry["value"])
                if problem:
                    self.notices.append(Notice(path, f"answer {qid}: {problem}; it is kept in the file (under 'invalid' when you answer again) but not shown."))

    @staticmethod
    def _move_aside(path: Path) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        os.replace(path, target)
        return target

    def get(self, question_id: str, default: Any = None) -> Any:
        """The saved answer to ``question_id`` (only valid answers are returned)."""
        value = self._answers.get(question_id, default)
        if value is not default and self.validator is not None and self.validator(question_id, value):
            return default
        return value

    def all(self) -> dict[str, Any]:
        """Every saved answer that is valid, by question id."""
        return {qid: v for qid in self._answers if (v := self.get(qid)) is not None}

    # ----------------------------------------------------------------- writing

    def save(self, question_id: str, value: Any) -> None:
        """Save one answer, merging with whatever another kernel saved meanwhile."""
        if self.read_only:
            raise AnswerFileError(f"{self.path}: not saved, the file is read-only for this kit (see the notice above)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with atomicfile.locked(self.path, timeout=self.lock_timeout):
            atomicfile.remove_leftovers(self.path)
            document = self._read_document(report=False)
            if self.read_only:
                raise AnswerFileError(f"{self.path}: not saved, the file was written by a newer kit")
            document = document or self._new_document()
            answers = document.setdefault("answers", {})
            old = answers.get(question_id)
            if isinstance(old, dict) and self.validator is not None and "value" in old and self.validator(question_id, old["value"]):
                document.setdefault("invalid", {}).setdefault(question_id, []).append(old)
            elif old is not None and not isinstance(old, dict):
                document.setdefault("invalid", {}).setdefault(question_id, []).append({"value": old})
            revision = old.get("revision", 0) + 1 if isinstance(old, dict) and isinstance(old.get("revision"), int) else 1
            answers[question_id] = {"value": value, "saved": now(), "revision": revision}
            document["updated"] = now()
            document["kit_version"] = _kit_version()
            if self.student_name:
                document.setdefault("student", {})["name"] = self.student_name
            atomicfile.write_json_atomic(self.path, document)
            self._answers = {qid: e.get("value") for qid, e in answers.items() if isinstance(e, dict)}

    def _new_document(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "kit_version": _kit_version(),
            "lesson": self.lesson,
            "lesson_version": self.lesson_version,
            "student": {"id": self.student, "name": self.student_name},
            "created": now(),
            "updated": now(),
            "answers": {},
        }


def _kit_version() -> str:
    from kit import __version__

    return __version__


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) < 120 else text[:117] + "..."


def load_json_file(path: Path | str, *, what: str = "an answers file"):
    """Parse a JSON file handed in by a student: data only, size-limited, no symbolic links.

    Raises :class:`AnswerFileError` naming the file and the problem.
    """
    path = Path(path)
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            raise AnswerFileError(f"{path}: is a symbolic link; copy the file itself")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise AnswerFileError(f"{path}: is {size // 1024} KB; {what} is at most {MAX_FILE_BYTES // 1024} KB")
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswerFileError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise AnswerFileError(f"{path}: is not UTF-8 text") from None
    except RecursionError:
        raise AnswerFileError(f"{path}: JSON is nested too deeply") from None
    except json.JSONDecodeError as error:
        raise AnswerFileError(f"{path}: is not valid JSON (line {error.lineno}: {error.msg}); was it cut short?") from None


def read_answers_file(path: Path | str) -> dict:
    """Read an answers file for grading: plain JSON, checked for shape; never executes anything.

    Raises :class:`AnswerFileError` naming the file and the problem.
    """
    path = Path(path)
    return checked_answers_document(load_json_file(path), path)


def checked_answers_document(document: Any, path: Path) -> dict:
    """``document`` (parsed from ``path``) if it has the shape of an answers file; else :class:`AnswerFileError`."""
    if not isinstance(document, dict):
        raise AnswerFileError(f"{path}: does not hold a JSON object")
    version = document.get("schema")
    if not isinstance(version, int) or version < 1:
        raise AnswerFileError(f"{path}: has no schema version; is it an answers file?")
    if version > SCHEMA_VERSION:
        raise AnswerFileError(f"{path}: was written by a newer kit (schema {version}); update the kit to grade it")
    if not isinstance(document.get("answers"), dict):
        raise AnswerFileError(f"{path}: 'answers' is missing or not a mapping")
    student = document.get("student")
    if not isinstance(student, dict) or not isinstance(student.get("id"), str) or not student["id"]:
        raise AnswerFileError(f"{path}: the student id is missing")
    if not isinstance(document.get("lesson"), str):
        raise AnswerFileError(f"{path}: the lesson id is missing")
    return document
