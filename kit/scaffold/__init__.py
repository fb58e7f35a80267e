"""``medialit new-lesson``: a claim-breakdown lesson for any article a teacher chooses.

:func:`new_lesson` reads a Markdown or plain-text file (front matter optional)
and writes, into ``out/``:

* ``<ID>.ipynb`` — a clean notebook (no outputs) that runs with Run All: the
  article's details, its text, its rhetoric profile (table and plot), what it
  cites, the question widgets and a reflection. Its cells come from the
  template ``kit/templates/new-lesson/notebook.md.j2``;
* ``articles/<ID>.md`` — a copy of the article, which the notebook reads;
* ``questions/<ID>.json`` — the question bank: a claim-type table of the
  article's sentences, a source card on the publisher, a technique question
  on its most marked sentence, and a written reflection;
* ``answer-key/<ID>.json`` — a **draft** key for the teacher to review, its
  claim types suggested by the rule in :mod:`kit.scaffold.claims`.

Answers entered in the lesson are stored and graded like the built-in lessons'.
One module per step: :mod:`~kit.scaffold.ids` (lesson ids),
:mod:`~kit.scaffold.claims` (what to ask about), :mod:`~kit.scaffold.bank`
(the bank and draft key), :mod:`~kit.scaffold.notebook` (the notebook) and
:mod:`~kit.scaffold.files` (reading and writing).

>>> from kit.scaffold import lesson_id_for, suggest_claim_type
>>> lesson_id_for("My article (draft 2).md"), suggest_claim_type({}, "Prices will rise.")
('MY-ARTICLE-DRAFT-2', 'prediction')
"""

from __future__ import annotations

from kit.scaffold.claims import MAX_TAG_ROWS, suggest_claim_type
from kit.scaffold.files import ScaffoldResult, new_lesson
from kit.scaffold.ids import check_lesson_id, lesson_id_for

__all__ = ["MAX_TAG_ROWS", "ScaffoldResult", "check_lesson_id", "lesson_id_for", "new_lesson", "suggest_claim_type"]
