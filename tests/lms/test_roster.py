"""Joining graded students to roster rows: by login, e-mail or name, case- and accent-blind, never by guess."""

from types import SimpleNamespace

from kit.reports.roster import Person, Roster, match


def student(id, name):
    return SimpleNamespace(id=id, name=name)


def roster(*people):
    return Roster(path="r.csv", header=[], people=[Person(row=i + 2, name=n, cells={}, logins=tuple(l), emails=tuple(e))
                                                    for i, (n, l, e) in enumerate(people)])


def test_login_email_and_name_in_either_order_match():
    r = roster(("Lovelace, Ada", ["ada.lovelace"], []), ("Núñez, José", [], ["jn@school.example"]),
               ("Hopper, Grace", ["S1003"], []))
    found = match([student("ada-lovelace", "Ada"), student("jn", "J"), student("grace-hopper", "GRACE HOPPER")], r)
    assert {p.name: s.id for p, s in found.pairs} == {"Lovelace, Ada": "ada-lovelace", "Núñez, José": "jn",
                                                      "Hopper, Grace": "grace-hopper"}
    assert not found.unmatched_students and not found.unmatched_people


def test_accents_are_ignored_but_a_shared_name_matches_nobody():
    r = roster(("Kim, Lee", [], []), ("Kim, Lee", [], []), ("Müller, Jürgen", [], []))
    found = match([student("lee-kim", "Lee Kim"), student("jurgen-muller", "Jurgen Muller")], r)
    assert [(p.name, s.id) for p, s in found.pairs] == [("Müller, Jürgen", "jurgen-muller")]
    assert [(s.id, "several" in why) for s, why in found.unmatched_students] == [("lee-kim", True)]
    assert [p.row for p in found.unmatched_people] == [2, 3]


def test_a_student_typing_another_name_is_not_matched():
    found = match([student("ada", "Ada")], roster(("Lovelace, Ada", ["alovelace"], [])))
    assert not found.pairs and found.unmatched_people
