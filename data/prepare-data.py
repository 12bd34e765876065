#!/usr/bin/env python3
"""Copy and filter the public data the Livsval demo uses into this folder.

Usage: python3 data/prepare-data.py <shared-data-dir>
The shared folder is the project's read-only collection of public data (see data/README.md for each
file's original repository and path). The app and the tests read only the copies made here.
Re-running it reproduces the same bytes; data/README.md lists every file's sha256.
"""
import csv
import hashlib
import io
import os
import shutil
import sys

src = sys.argv[1]
dst = os.path.dirname(os.path.abspath(__file__))


def out(rel):
    path = os.path.join(dst, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def copy(rel_src, rel_dst=None):
    shutil.copyfile(os.path.join(src, rel_src), out(rel_dst or rel_src))


def filter_rows(rel_src, rel_dst, keep):
    """Copy the header and the rows for which keep(row) is true."""
    with open(os.path.join(src, rel_src), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(out(rel_dst), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(rows[0])
        w.writerows(r for r in rows[1:] if keep(r))


# SCB population by age and sex 2019: Helsingborg's rows, plus "Riket" as the sum over all 290
# municipalities (derived here: the source file has no national rows).
with open(os.path.join(src, "scb/population_age_sex_2019.csv"), encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
riket = {}
kept = []
for region, age, sex, n in body:
    key = (age, sex)
    riket[key] = riket.get(key, 0) + int(n)
    if region == "Helsingborg":
        kept.append([region, age, sex, n])
with open(out("scb/population_age_sex_2019_helsingborg_riket.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    w.writerow(header)
    for region, age, sex, n in kept:
        w.writerow([region, age, sex, int(n)])
    for region, age, sex, _ in kept:
        w.writerow(["Riket", age, sex, riket[(age, sex)]])

copy("scb/municipalities_2022.csv")
copy("kolada/municipalities.csv")
copy("kolada/kpi_N00945_values.csv")

# Kolada municipality groups: only those that contain Helsingborg (1283).
filter_rows("kolada/municipality_groups.csv", "kolada/municipality_groups_1283.csv",
            lambda r: '"member_id": "1283"' in r[2])
# Kolada KPI catalogue: only the KPIs whose values are copied here.
filter_rows("kolada/kpi_catalogue.csv", "kolada/kpi_catalogue_subset.csv", lambda r: r[0] == "N00945")
copy("oecd/bli_recent.csv")
# OECD regional well-being 2016: all 429 regions (the seed takes goalposts from their range).
copy("oecd/regional_wellbeing_2016.csv")

for name in ["Sex", "Age_Total", "Age_Young", "Age_Old", "Income", "Education", "Household",
             "Urbanisation", "Time"]:
    rel = f"international/eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_{name}.csv"
    copy(rel, rel.replace("international/", ""))

copy("international/whr2024_ladder_ci.csv", "whr/whr2024_ladder_ci.csv")

# The wINEQ quality-of-life survey (a Polish-Ukrainian border survey, used only as a stand-in
# instrument): a respondent column is added (its row number in the source file) and a group column
# with the project's sex group code derived from Gender; the source columns are unchanged.
with open(os.path.join(src, "survey/qol_survey_wineq.csv"), encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
with open(out("survey/qol_survey_wineq.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["respondent", "group"] + rows[0])
    sex = {"Female": "sex_f", "Male": "sex_m"}
    for i, r in enumerate(rows[1:], start=1):
        w.writerow([f"W{i:04d}", sex[r[1]]] + r)

for root, _, files in os.walk(dst):
    for name in sorted(files):
        if name.endswith(".csv"):
            p = os.path.join(root, name)
            print(hashlib.sha256(open(p, "rb").read()).hexdigest(), os.path.relpath(p, dst))
