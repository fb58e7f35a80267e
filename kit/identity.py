"""Who the student is: entered once (lesson 00), remembered for every lesson.

The name is kept in ``answers/student.json``; the id derived from it names the
student's answers folder. Ids are sanitised strictly: lower-case letters and
digits (any script) joined by single hyphens, at most 40 characters, so a
name can never climb out of the answers folder or start a spreadsheet formula.

Layering: this module sits above the answer store (:mod:`kit.answers`, which
defines :func:`sanitise` because it builds the paths; it is re-exported here)
and imports it; the store imports nothing from here. Moving the answers typed
before a name was given into the student's folder happens under the store's
own file locks, so a save by another kernel is never lost in the move.

>>> sanitise("Ada Lovelace")
'ada-lovelace'
>>> sanitise("../../etc/passwd")
'etc-passwd'
>>> sanitise("=HYPERLINK(\\"http://x\\")")
'hyperlink-http-x'
>>> sanitise("José Núñez")
'josé-núñez'
>>> sanitise("   ")[:8]
'student-'
>>> import tempfile
>>> from kit.answers import AnswerStore
>>> folder = Path(tempfile.mkdtemp())
>>> AnswerStore(student=ANONYMOUS, lesson="L00", folder=folder).save("L00.q01", "b")
>>> set_student("Ada Lovelace", folder)
Student(name='Ada Lovelace', id='ada-lovelace')
>>> AnswerStore(student="ada-lovelace", lesson="L00", folder=folder).get("L00.q01")
'b'
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from kit import atomicfile, hub
from kit.answers import answers_folder, sanitise
from kit.errors import InputError

ANONYMOUS = "anonymous"
IDENTITY_FILE = "student.json"
__all__ = ["ANONYMOUS", "IDENTITY_FILE", "Student", "current_student", "sanitise", "set_student"]


@dataclass(frozen=True)
class Student:
    """A student: the name as typed and the sanitised id that names the answers folder."""

    name: str
    id: str


def current_student(folder: Path | None = None) -> Student | None:
    """The remembered student; else the JupyterHub user (:func:`kit.hub.hub_user`); else None."""
    path = (folder or answers_folder()) / IDENTITY_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        name = str(record["name"]).strip()
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        name = ""
    name = name or hub.hub_user() or ""
    return Student(name=name, id=sanitise(name)) if name else None


def set_student(name: str, folder: Path | None = None) -> Student:
    """Remember ``name`` as the student; move any answers saved before a name was given.

    Answers recorded as ``anonymous`` are moved into the new student's folder
    (a lesson already answered under the name is kept, and the anonymous file
    stays where it is so nothing is lost). Raises
    :class:`kit.atomicfile.LockTimeout` if another kernel keeps an answers file
    locked; the name is remembered and the files not yet moved stay in
    ``anonymous/`` until the name is saved again.
    """
    name = " ".join(str(name).split())
    if not name:
        raise InputError("please type your name (or the id your teacher gave you)")
    if len(name) > 200:
        raise InputError("that name is too long (200 characters at most)")
    folder = folder or answers_folder()
    folder.mkdir(parents=True, exist_ok=True)
    student = Student(name=name, id=sanitise(name))
    atomicfile.write_json_atomic(folder / IDENTITY_FILE, {"name": name, "id": student.id})
    if student.id != ANONYMOUS:
        _move_anonymous_answers(student, folder)
    return student


def _move_anonymous_answers(student: Student, folder: Path) -> None:
    """Move ``anonymous/<lesson>.json`` to the student's folder, each under both files' store locks.

    A kernel saving to the anonymous file meanwhile waits for the move and then
    starts a new anonymous file: its answer is kept, never overwritten.
    """
    source_folder = folder / ANONYMOUS
    if not source_folder.is_dir():
        return
    target_folder = folder / student.id
    target_folder.mkdir(exist_ok=True)
    for source in sorted(source_folder.glob("*.json")):
        destination = target_folder / source.name
        with atomicfile.locked(source), atomicfile.locked(destination):
            if destination.exists() or not source.exists():
                continue
            atomicfile.remove_leftovers(source)
            try:
                document = json.loads(source.read_text(encoding="utf-8"))
                document["student"] = {"id": student.id, "name": student.name}
            except (ValueError, TypeError):
                os.replace(source, destination)  # unreadable: move it as it is
                atomicfile.fsync_folder(source_folder)
                continue
            atomicfile.write_json_atomic(destination, document)
            source.unlink()
