import datetime as dt

from monitor.checklist import load_checklist


def test_checklist_has_fifty_items_in_ten_categories():
    checklist = load_checklist()
    assert [i.id for i in checklist] == list(range(1, 51))
    assert len(checklist.categories()) == 10
    assert all(i.keywords for i in checklist)


def test_checklist_applicability_for_gaozhi():
    checklist = load_checklist()
    not_for_gaozhi = {i.id for i in checklist if not i.applies_to("高职")}
    assert not_for_gaozhi == {11, 12, 13, 14, 30, 43, 44, 45, 46}
    assert all(i.applies_to("本科") for i in checklist)


def test_checklist_cadences_and_deadlines():
    checklist = load_checklist()
    assert checklist.get(6).deadline == (10, 31) and checklist.get(6).cycle == "academic_year"
    assert checklist.get(7).deadline == (4, 30)
    assert checklist.get(33).deadline == (12, 31)
    assert checklist.get(18).default_max_age == 180
    assert checklist.get(25).default_max_age == 365
    assert checklist.get(1).default_max_age == 400
    assert checklist.get(2).default_max_age is None  # event: must exist, does not go stale


def test_current_deadline_is_the_latest_on_or_before_today():
    item6 = load_checklist().get(6)
    assert item6.current_deadline(dt.date(2026, 10, 30)) == dt.date(2025, 10, 31)
    assert item6.current_deadline(dt.date(2026, 10, 31)) == dt.date(2026, 10, 31)
    assert item6.current_deadline(dt.date(2026, 11, 1)) == dt.date(2026, 10, 31)
    assert item6.next_deadline(dt.date(2026, 11, 1)) == dt.date(2027, 10, 31)
