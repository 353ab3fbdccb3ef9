import datetime as dt

import pytest

from monitor.checklist import load_checklist
from monitor.evaluate import edition_matches

D = dt.date


@pytest.mark.parametrize(
    ("title", "published", "today", "expected"),
    [
        ("2025-2026学年信息公开年度报告", D(2026, 10, 28), D(2026, 11, 23), True),
        ("2025—2026学年信息公开年度报告", D(2026, 10, 28), D(2026, 11, 23), True),
        ("2025至2026学年信息公开工作年度报告", D(2026, 10, 28), D(2026, 11, 23), True),
        ("2024-2025学年信息公开年度报告", D(2025, 10, 28), D(2026, 11, 23), False),
        # on Oct 30 the current cycle is still last year's: the 2024-2025 report is the one due
        ("2024-2025学年信息公开年度报告", D(2025, 10, 28), D(2026, 10, 30), True),
        ("2024-2025学年信息公开年度报告", D(2025, 10, 28), D(2026, 10, 31), False),
        ("2024-2025学年信息公开年度报告", D(2025, 10, 28), D(2026, 11, 1), False),
        ("学校信息公开年度报告", D(2026, 10, 20), D(2026, 11, 23), True),  # no year: by date
        ("学校信息公开年度报告", D(2025, 10, 20), D(2026, 11, 23), False),
        ("2025年度信息公开工作报告", D(2026, 10, 25), D(2026, 11, 23), True),
        ("2025年度信息公开工作报告", D(2025, 10, 25), D(2026, 11, 23), False),
    ],
)
def test_edition_matches_annual_report_cycles(title, published, today, expected):
    assert edition_matches(load_checklist().get(6), title, published, today) is expected


@pytest.mark.parametrize(
    ("title", "published", "expected"),
    [
        # an edition's years as titles write them, undated on its list: before, each was the current edition or
        # not by the date alone (none), so the current report was 'overdue'
        ("二〇二五—二〇二六学年信息公开工作年度报告", None, True),
        ("二〇二六年学校信息公开年度报告", None, True),
        ("２０２５－２０２６学年信息公开年度报告", None, True),
        ("2025-26学年信息公开年度报告", None, True),
        ("2025—26学年信息公开年度报告", None, True),
        # and last cycle's, published late (after last year's deadline): before, taken for the current one
        ("二〇二四—二〇二五学年信息公开工作年度报告", D(2025, 11, 5), False),
        ("2024-25学年信息公开年度报告", D(2025, 11, 5), False),
    ],
)
def test_an_editions_years_are_read_in_chinese_numerals_full_width_or_short(title, published, expected):
    assert edition_matches(load_checklist().get(6), title, published, D(2026, 11, 23)) is expected


@pytest.mark.parametrize(
    ("title", "today", "expected"),
    [
        ("2025届毕业生就业质量年度报告", D(2026, 12, 30), True),  # current cycle: deadline 2025-12-31
        ("2025届毕业生就业质量年度报告", D(2026, 12, 31), False),  # now the 2026 report is due
        ("2026届毕业生就业质量年度报告", D(2026, 12, 31), True),
        ("2026届毕业生就业质量年度报告", D(2027, 1, 1), True),
    ],
)
def test_edition_matches_employment_report_at_year_end(title, today, expected):
    assert edition_matches(load_checklist().get(33), title, D(2026, 12, 20), today) is expected
