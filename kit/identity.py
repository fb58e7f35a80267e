"""Who the student is: entered once (lesson 00), remembered for every lesson.

The name is kept in ``answers/student.json``; the id derived from it names the
student's answers folder. Ids are sanitised strictly: lower-case letters and
digits (any script) joined by single hyphens, at most 40 characters, so a
name can never climb out of the answers folder or start a spreadsheet formula.

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
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kit import hub
from kit.errors import InputError
from kit.answers import answers_folder, write_json_atomic

MAX_ID_LENGTH = 40
ANONYMOUS = "anonymous"
IDENTITY_FILE = "student.json"
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def sanitise(name: str) -> str:
    """Turn any name into a safe, stable id usable as a file name."""
    text = unicodedata.normalize("NFC", str(name)).casefold()
    pieces, current = [], []
    for char in text:
        if char.isalnum():
            current.append(char)
        elif current:
            pieces.append("".join(current))
            current = []
    if current:
        pieces.append("".join(current))
    result = "-".join(pieces)[:MAX_ID_LENGTH].strip("-")
    if not result or result in _RESERVED:
        digest = hashlib.sha1(str(name).encode("utf-8")).hexdigest()[:8]
        result = f"student-{digest}"
    return result


@dataclass(frozen=True)
class Student:
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
    stays where it is so nothing is lost).
    """
    name = " ".join(str(name).split())
    if not name:
        raise InputError("please type your name (or the id your teacher gave you)")
    if len(name) > 200:
        raise InputError("that name is too long (200 characters at most)")
    folder = folder or answers_folder()
    folder.mkdir(parents=True, exist_ok=True)
    student = Student(name=name, id=sanitise(name))
    write_json_atomic(folder / IDENTITY_FILE, {"name": name, "id": student.id})
    anonymous = folder / ANONYMOUS
    if student.id != ANONYMOUS and anonymous.is_dir():
        target = folder / student.id
        target.mkdir(exist_ok=True)
        for path in sorted(anonymous.glob("*.json")):
            destination = target / path.name
            if destination.exists():
                continue
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
                document["student"] = {"id": student.id, "name": name}
            except (ValueError, TypeError):
                os.replace(path, destination)  # unreadable: move it as it is
                continue
            write_json_atomic(destination, document)
            path.unlink()
    return student
