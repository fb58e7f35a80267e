"""A lesson in a notebook: its questions, the student's answers, feedback and progress.

The first code cell of every lesson is::

    import kit
    lesson = kit.lesson.start("L02")
    lesson

which shows who is working (or a name box), where answers are saved, whether
feedback is on, and a progress bar. Each question is then one cell::

    lesson.ask("q05")

>>> import tempfile
>>> lesson = start("L00", answers_folder=tempfile.mkdtemp())
>>> lesson.student.id
'anonymous'
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from kit import answers as answer_store
from kit import hub, identity, settings
from kit.answers import AnswerStore
from kit.errors import InputError
from kit.grading import LessonAnswers, LessonResult, StudentResult, assessment_share, forms, grade_lesson
from kit.metrics import Discernment
from kit.model import Bank, BankError, Key, Question
from kit.questions import check_value, is_complete, lesson_ids, load_bank, load_key
from kit.widgets import LessonProgress, NameEntry, QuestionWidget, make_widget
from kit.widgets.display import TextEquivalent
from kit.widgets.form_view import FormView
from kit.widgets.handin import HandIn


def answer_validator(bank: Bank):
    """A check for saved answers: why a value is not a valid answer to a question of ``bank`` (None if it is)."""

    def check(question_id: str, value: Any) -> str | None:
        if question_id not in bank.questions:
            return f"{question_id} is not a question of lesson {bank.lesson}"
        return check_value(bank.questions[question_id], value)

    return check


class Lesson(TextEquivalent):
    """Questions, answers and widgets of one lesson for the current student."""

    def __init__(
        self,
        lesson_id: str,
        *,
        answers_folder: Path | str | None = None,
        feedback: bool | None = None,
        questions_folder: Path | str | None = None,
        key_folder: Path | str | None = None,
    ):
        """``questions_folder`` and ``key_folder`` serve lessons made with ``medialit new-lesson``
        (relative paths are relative to the notebook's folder)."""
        self.id = lesson_id
        self.key_problem = ""
        self.folder = Path(answers_folder) if answers_folder is not None else answer_store.answers_folder()
        self.questions_folder = Path(questions_folder) if questions_folder else None
        self.key_folder = Path(key_folder) if key_folder else None
        self.bank: Bank = load_bank(lesson_id, self.questions_folder)
        try:
            self.key = load_key(lesson_id, self.key_folder)
        except BankError as error:
            self.key = None
            self.key_problem = str(error)
        if feedback is None:
            feedback = settings.feedback_enabled()
        self.feedback = feedback and self.key is not None
        current = identity.current_student(self.folder)
        self.student = current or identity.Student(name="", id=identity.ANONYMOUS)
        self.store = self._open_store()
        self.widgets: dict[str, QuestionWidget] = {}
        self.form_views: list[FormView] = []
        self.progress = LessonProgress(lesson_id, len(self.bank))
        self._refresh_progress()

    def _open_store(self) -> AnswerStore:
        return AnswerStore(
            student=self.student.id, lesson=self.id, folder=self.folder,
            validator=answer_validator(self.bank), student_name=self.student.name,
        )

    # ------------------------------------------------------------ questions

    def ask(self, question_id: str) -> QuestionWidget:
        """The widget for a question (``"q05"`` or ``"L02.q05"``), restored from saved answers."""
        qid = self.bank.qualify(question_id)
        if qid not in self.bank.questions:
            raise KeyError(f"lesson {self.id} has no question {qid} (it has {', '.join(self.bank.questions)})")
        widget = make_widget(
            self.bank.questions[qid], store=self.store, key=(self.key or {}).get(qid),
            show_feedback=self.feedback, on_save=lambda _: self._refresh_progress(),
        )
        self.widgets[qid] = widget
        return widget

    def form(self, phase: str) -> str:
        """The pre/post form (``"A"`` or ``"B"``) this student takes in ``phase``: half the class takes A first,
        by a stable hash of the student id (see :mod:`kit.grading.forms`), unless the teacher put a
        ``forms.csv`` (``student_id,pre_form``) beside the lessons, the file ``medialit grade --forms`` reads."""
        return forms.form_for(self.student.id, phase, self._form_overrides())

    def _form_overrides(self) -> dict[str, str] | None:
        assigned = settings.lessons_dir() / forms.OVERRIDES_FILE
        return forms.read_overrides(assigned) if assigned.is_file() else None

    def ask_form(self, phase: str) -> FormView:
        """This student's form for ``phase`` (``"pre"`` in lesson 00, ``"post"`` in lesson 07), as one box that
        shows the right form again when the student types their name."""
        def widgets(form: str) -> list[QuestionWidget]:
            return [self.ask(q.id) for q in forms.form_questions(self.bank, form, phase)]

        view = FormView(phase, form=lambda: self.form(phase), widgets=widgets)
        self.form_views.append(view)
        return view

    def answers(self) -> dict[str, Any]:
        """Every saved answer of this lesson."""
        return self.store.all()

    def graded(self, lesson_id: str | None = None) -> LessonResult | None:
        """This student's answers to ``lesson_id`` (default: this lesson) scored by :func:`kit.grading.grade_lesson`,
        the function ``medialit grade`` uses; None when there is no key."""
        bank, key, store = self._lesson_parts(lesson_id or self.id)
        if key is None:
            return None
        saved = store.all()
        record = LessonAnswers(path=store.path, student_id=self.student.id, student_name=self.student.name,
                               lesson=bank.lesson, answers={qid: {"value": value} for qid, value in saved.items()},
                               updated="")
        result, _ = grade_lesson(record, bank, key, forms=self._form_overrides())
        return result

    def score(self) -> tuple[float, float, int]:
        """Points so far, points possible (auto-marked questions), and written answers awaiting a teacher.

        Needs the answer key (self-study copies); raises :class:`kit.errors.InputError` in a student copy.
        """
        result = self.graded()
        if result is None:
            raise InputError("there is no answer key in this copy: your teacher marks your answers")
        return result.marked()

    def discernment(self, lessons: tuple[str, ...] | None = None, *, assessment: str | None = None) -> Discernment | None:
        """d', c and Brier score of this student's credibility judgements.

        ``lessons`` (default: this lesson) names the lessons whose rating
        questions count; ``assessment="pre"`` or ``"post"`` keeps only the
        pre- or post-assessment items. None when there is no key or no
        judgement yet.
        """
        student = StudentResult(id=self.student.id, name=self.student.name)
        for lesson_id in lessons or (self.id,):
            result = self.graded(lesson_id)
            if result is None:
                return None
            student.lessons[lesson_id] = result
        measured = student.discernment(assessment=assessment)
        return measured if measured.n else None

    def assessment_share(self, phase: str) -> tuple[int, int] | None:
        """(correct, answered) on the ``pre`` or ``post`` assessment items, across all lessons."""
        correct = answered = 0
        for lesson_id in lesson_ids(self.questions_folder) if self.questions_folder else lesson_ids():
            result = self.graded(lesson_id)
            if result is None:
                return None
            right, done, _ = assessment_share(result.questions, phase)
            correct, answered = correct + right, answered + done
        return correct, answered

    def _lesson_parts(self, lesson_id: str) -> tuple[Bank, Key | None, AnswerStore]:
        """Bank, key and answer store of a lesson, from this lesson's own folders where it has them."""
        if lesson_id == self.id:
            return self.bank, self.key, self.store
        own = self.questions_folder is not None and (self.questions_folder / f"{lesson_id}.json").exists()
        bank = load_bank(lesson_id, self.questions_folder if own else None)
        try:
            key = load_key(lesson_id, self.key_folder if own else None)
        except BankError:
            key = None
        store = AnswerStore(student=self.student.id, lesson=lesson_id, folder=self.folder, validator=answer_validator(bank))
        return bank, key, store

    def questions(self) -> list[Question]:
        """The questions this student answers: the whole bank but the other pre/post form's items."""
        overrides = self._form_overrides()
        return [q for q in self.bank if forms.takes(q, self.student.id, overrides)]

    def _refresh_progress(self) -> None:
        saved = self.store.all()
        mine = self.questions()
        done = sum(1 for q in mine if is_complete(q, saved.get(q.id)))
        self.progress.update(done, total=len(mine))

    def switch_student(self, student: identity.Student) -> None:
        """Carry on as ``student`` (after a name is entered)."""
        self.student = student
        self.store = self._open_store()
        for widget in self.widgets.values():
            widget.store = self.store
            if widget.value is not None:
                widget.save()
        for view in self.form_views:
            view.refresh()
        self._refresh_progress()

    # ------------------------------------------------------------ display

    def view(self) -> w.Widget:
        return self.header()

    def header(self) -> w.Widget:
        parts: list[w.Widget] = [w.HTML(f"<h3>Lesson {html.escape(self.id)}: {html.escape(self.bank.title)}</h3>")]
        entry = NameEntry(folder=self.folder, on_saved=self.switch_student)
        parts.append(entry.box)
        parts.append(w.HTML(f"<p>{html.escape(hub.how_to_start())} {html.escape(self.where_text())}</p>"))
        parts.append(HandIn(student=lambda: self.student.name, answers_folder=self.folder).box)
        for notice in self.store.notices:
            parts.append(w.HTML(f'<p role="alert"><strong>Note:</strong> {html.escape(str(notice))}</p>'))
        parts.append(self.progress.box)
        return w.VBox(parts)

    def where_text(self) -> str:
        practice_only = self.key is not None and any(q.graded and q.id not in self.key for q in self.bank)
        if not self.feedback:
            feedback = "Feedback is off in this copy: your teacher will mark your answers."
        elif practice_only:
            feedback = ("Feedback is on for practice questions: press Check under one to see the explanation and the sources. "
                        "Graded questions say so; your teacher marks them.")
        else:
            feedback = "Feedback is on: press Check under a question to see the explanation and the sources."
        return f"Your answers are saved as you go, in {self.store.path.parent.name}/{self.store.path.name} inside the answers folder. {feedback}"

    def text(self) -> str:
        who = f"Working as {self.student.name}." if self.student.name else "No name entered yet: type it in the box below the title."
        notices = "".join(f"\nNote: {n}" for n in self.store.notices)
        return f"Lesson {self.id}: {self.bank.title}\n{who}\n{self.where_text()}{notices}\n{self.progress.text()}"



def start(lesson_id: str, **options) -> Lesson:
    """Open lesson ``lesson_id`` for the current student (see :class:`Lesson`)."""
    return Lesson(lesson_id, **options)
