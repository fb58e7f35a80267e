"""Bundle a student's answers into one file to hand in.

The bundle is plain JSON: every lesson's answers file, unchanged, under
``lessons``. Grading reads bundles and single answers files alike.

>>> import tempfile
>>> from kit.answers import AnswerStore
>>> folder = Path(tempfile.mkdtemp())
>>> AnswerStore(student="ada", lesson="L00", folder=folder).save("L00.q01", "b")
>>> result = bundle(student="ada", answers_folder=folder, out=folder / "ada.json")
>>> sorted(result.lessons), result.skipped
(['L00'], [])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import InputError
from kit import answers, atomicfile, identity

BUNDLE_FORMAT = "medialit-submission"
BUNDLE_SUFFIX = ".medialit-submission.json"


@dataclass
class BundleResult:
    path: Path
    student: str
    lessons: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"Wrote {self.path} with answers for {len(self.lessons)} lesson(s): {', '.join(self.lessons) or 'none'}."]
        lines += [f"Not included: {reason}" for reason in self.skipped]
        lines.append("Hand this file in to your teacher.")
        return "\n".join(lines)


def bundle(*, student: str | None = None, answers_folder: Path | None = None, out: Path | None = None) -> BundleResult:
    """Write one submission file with every lesson's answers of ``student``.

    ``student`` is a name or id (default: the name entered in lesson 00).
    Raises ValueError when there is no student or no answers to hand in.
    """
    folder = Path(answers_folder) if answers_folder else answers.answers_folder()
    if student is None:
        current = identity.current_student(folder)
        if current is None:
            raise InputError(f"no name has been entered in {folder} yet; run lesson 00 or pass --student NAME")
        student_id, name = current.id, current.name
    else:
        student_id, name = identity.sanitise(student), student
    source = folder / student_id
    files = sorted(source.glob("*.json"))
    if not files:
        raise InputError(f"no answers found for {student_id!r} in {source}")
    lessons, skipped = {}, []
    for path in files:
        try:
            document = answers.read_answers_file(path)
        except answers.AnswerFileError as error:
            skipped.append(str(error))
            continue
        lessons[document["lesson"]] = document
    if not lessons:
        raise InputError(f"none of the answers files in {source} could be read: " + "; ".join(skipped))
    target = Path(out) if out else Path.cwd() / f"{student_id}{BUNDLE_SUFFIX}"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomicfile.write_json_atomic(target, {
        "format": BUNDLE_FORMAT,
        "schema": answers.SCHEMA_VERSION,
        "kit_version": answers._kit_version(),
        "student": {"id": student_id, "name": name},
        "created": answers.now(),
        "lessons": lessons,
    })
    return BundleResult(path=target, student=student_id, lessons=sorted(lessons), skipped=skipped)
