"""Hypothesis strategies for cases: mostly plausible answers, mixed with hostile strings."""

from __future__ import annotations

from hypothesis import strategies as st

from cip_core.messages import LANGUAGES
from cip_core.questions import BENEFITS, TRAINEE_REGIONS, WORKPLACE_REGIONS

HOSTILE = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "NaN",
    "Infinity",
    "-0",
    "1e308",
    "9" * 400,
    "-1",
    "٣",  # Arabic-Indic digit three
    "１２",  # full-width digits
    "2026-02-29",
    "0000-00-00",
    "\u202e2026-01-05",
    "yes\x00",
    "🙂",
    "%00",
    "1,5,5",
]

booleans = st.sampled_from(["yes", "no", "oui", "non", "ja", "nee", "true", "false"])
numbers = st.one_of(
    st.integers(min_value=-5, max_value=200).map(str),
    st.decimals(min_value=0, max_value=3000, places=2, allow_nan=False).map(str),
)
dates = st.dates().map(lambda d: d.isoformat())
noise = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))

PLAUSIBLE = {
    "start_date": st.one_of(st.sampled_from(["2021-10-01", "2026-01-05", "2026-06-01"]), dates),
    "duration_months": st.one_of(st.sampled_from(["0.5", "1", "3", "6", "9", "12", "13"]), numbers),
    "weekly_hours": st.one_of(st.sampled_from(["10", "19", "20", "38"]), numbers),
    "full_time_hours": st.one_of(st.sampled_from(["36", "38", "40"]), numbers),
    "age": st.one_of(st.integers(min_value=10, max_value=110).map(str)),
    "trainee_region": st.sampled_from(TRAINEE_REGIONS),
    "workplace_region": st.sampled_from(WORKPLACE_REGIONS),
    "employer_seat_brussels": booleans,
    "language": st.sampled_from(["fr", "nl"]),
    "employment_contract": booleans,
    "short_study_internship": booleans,
    "diploma_curriculum": booleans,
    "regulated_profession": booleans,
    "monthly_allowance": numbers,
    "jobseeker": booleans,
    "benefits": st.sampled_from(BENEFITS),
    "non_eea": booleans,
}


def field_value(name: str) -> st.SearchStrategy[object]:
    single = st.one_of(PLAUSIBLE[name], PLAUSIBLE[name], PLAUSIBLE[name], noise)
    # Repeated URL keys arrive as lists.
    return st.one_of(single, single, single, st.lists(single, min_size=1, max_size=3))


raw_cases = st.fixed_dictionaries({}, optional={name: field_value(name) for name in PLAUSIBLE})
languages = st.sampled_from(LANGUAGES)
