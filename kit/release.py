"""A student copy of the unit: lessons and datasets, no answer key, feedback off.

The copy is self-contained: its lessons read the question bank and the
datasets shipped beside them (``questions/``, ``datasets/``), and the marker
file ``.medialit-release.json`` tells the kit that there is no key here.

>>> import tempfile
>>> result = release(Path(tempfile.mkdtemp()) / "class-copy")
>>> (result.folder / ".medialit-release.json").exists(), result.has_key_files
(True, False)
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kit import __version__, atomicfile, settings

STUDENT_README = """# Media-literacy lessons (student copy)

Open the lessons in JupyterLab, starting with `00-start-here.ipynb`, and press
**Run All** (Run menu). Answer in the boxes that appear: your answers are saved
as you go in the `answers` folder here. When you finish, run
`medialit submit` in this folder (or ask your teacher how to hand in) and hand
in the file it writes.

This copy has no answer key: your teacher marks your work.
"""


@dataclass
class ReleaseResult:
    folder: Path
    lessons: list[str]

    @property
    def has_key_files(self) -> bool:
        return any(self.folder.rglob("*answer-key*")) or any(self.folder.rglob("model-answers"))

    def summary(self) -> str:
        return (f"Wrote a student copy to {self.folder}: {len(self.lessons)} lesson notebook(s), their questions and the "
                "datasets; no answer key, feedback off. Give students this folder (or put it on your JupyterHub).")


def release(out: Path, *, force: bool = False) -> ReleaseResult:
    """Write the student copy into ``out`` (which must not exist unless ``force``)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not force:
        raise FileExistsError(f"{out} already exists and is not empty; choose a new folder or pass --force")
    lessons_dir, datasets_dir = settings.lessons_dir(), settings.datasets_dir()
    out.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(lessons_dir.glob("*.ipynb"))
    for notebook in notebooks:
        shutil.copy2(notebook, out / notebook.name)
    shutil.copytree(lessons_dir / "questions", out / "questions", dirs_exist_ok=True)
    shutil.copytree(datasets_dir, out / "datasets", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("_incoming", "__pycache__", ".*"))
    (out / "README.md").write_text(STUDENT_README, encoding="utf-8")
    marker = {"kit_version": __version__, "feedback": False, "key": False}
    atomicfile.write_json_atomic(out / settings.RELEASE_MARKER, marker)
    return ReleaseResult(folder=out, lessons=[n.name for n in notebooks])
