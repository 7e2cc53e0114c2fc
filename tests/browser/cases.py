"""The cases the browser tests open through the URL: every verdict, every body, under 18,
part-time, the Brussels derogation, the seed's own date, and bad input."""

from __future__ import annotations

CLEAN = {  # a stage that is not excluded by any rule of the sheet
    "employment_contract": "no",
    "short_study_internship": "no",
    "diploma_curriculum": "no",
    "regulated_profession": "no",
}
BRUSSELS = {
    "workplace_region": "brussels",
    "language": "fr",
    "start_date": "2026-01-05",
    "duration_months": "3",
    "weekly_hours": "38",
    "age": "25",
    "monthly_allowance": "1200",
    **CLEAN,
}

CASES: dict[str, dict[str, str]] = {
    "eligible_bruxelles_formation": BRUSSELS,
    "eligible_vdab_brussels_dutch": {**BRUSSELS, "language": "nl"},
    "seed_date_2021": {**BRUSSELS, "start_date": "2021-09-01", "monthly_allowance": "829.10"},
    "under_18_part_time": {
        **BRUSSELS,
        "age": "16",
        "weekly_hours": "22,5",
        "monthly_allowance": "400",
    },
    "derogation_ten_months": {
        **BRUSSELS,
        "duration_months": "10",
        "trainee_region": "wallonia",
        "jobseeker": "yes",
        "benefits": "unemployment",
    },
    "too_long": {**BRUSSELS, "duration_months": "14"},
    "too_short_and_below_half_time": {**BRUSSELS, "duration_months": "0.5", "weekly_hours": "10"},
    "allowance_below_minimum": {**BRUSSELS, "monthly_allowance": "500"},
    "excluded_employment_contract": {**BRUSSELS, "employment_contract": "yes"},
    "employer_seat_only_permit_cpas": {
        **CLEAN,
        "workplace_region": "flanders",
        "trainee_region": "flanders",
        "employer_seat_brussels": "yes",
        "language": "nl",
        "non_eea": "oui",
        "benefits": "cpas",
        "duration_months": "6",
        "weekly_hours": "30",
        "full_time_hours": "40",
        "age": "30",
        "start_date": "2026-03-02",
    },
    "refer_flanders_vdab": {
        "workplace_region": "flanders",
        "trainee_region": "flanders",
        "employer_seat_brussels": "no",
    },
    "refer_wallonia_forem": {
        "workplace_region": "wallonia",
        "trainee_region": "wallonia",
        "employer_seat_brussels": "no",
        "language": "fr",
    },
    "refer_german_community_adg": {
        "workplace_region": "german_community",
        "trainee_region": "abroad",
        "employer_seat_brussels": "no",
    },
    "incomplete_only_place": {"workplace_region": "brussels"},
    "future_date_outdated_rmmg": {**BRUSSELS, "start_date": "2027-06-01"},
    "input_error_impossible_date": {
        **BRUSSELS,
        "start_date": "2021-02-30",
        "monthly_allowance": "-5",
    },
}
