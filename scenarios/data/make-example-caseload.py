#!/usr/bin/env python3
"""Writes caseload-la-example.csv: a SYNTHETIC caseload for scenarios/baseline-la.yaml. No real child's data.

How many children sit in each stage is the baseline's own steady state (the mean number in stage, stages.csv
`in_stage_mean` of `./pace run scenarios/baseline-la.yaml -r 20`, rounded); the days already spent in the stage are
exponential with the stage's mean time in stage, and the days since accommodation add a rough time to reach the
stage. Attributes are drawn so that each child's plan fits the stage (children before the permanence
recommendation have none). Run it again with a different seed for another synthetic caseload.
"""
import csv, random, sys

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 20261122)

# stage: (children in stage, mean days in stage, rough days from accommodation to entering, plans possible)
STAGES = {
    "emergency_review":   (1, 3, 0, None),
    "first_lar":          (16, 38, 0, None),
    "initial_hearing":    (1, 40, 0, None),
    "reunification":      (33, 236, 40, None),
    "looked_after":       (141, 1047, 250, None),
    "cso_short":          (25, 297, 0, None),
    "cso_two_years":      (49, 728, 0, None),
    "review_24m":         (11, 164, 700, None),
    "cso_continues":      (15, 545, 850, None),
    "legal_referral":     (1, 10, 45, None),
    "second_lar":         (8, 90, 45, None),
    "legal_advice":       (3, 25, 60, None),
    "permanence_lar":     (1, 7, 150, None),
    "lar_rescheduled":    (4, 49, 160, None),
    "ppm":                (2, 18, 330, ("adoption", "po")),
    "kinship_assessment": (8, 212, 330, ("kinship",)),
    "kinship_court":      (5, 124, 540, ("kinship",)),
    "ratifying_lar":      (5, 53, 350, ("adoption", "po")),
    "form_e_part1":       (3, 35, 400, ("adoption", "po")),
    "form_e_part2":       (8, 98, 435, ("adoption", "po")),
    "panel":              (3, 29, 530, ("adoption", "po")),
    "adm":                (1, 13, 560, ("adoption", "po")),
    "po_report":          (2, 57, 575, ("po",)),
    "poa_reports":        (1, 56, 575, ("adoption",)),
    "lodging":            (1, 29, 630, ("adoption", "po")),
    "court_unopposed":    (4, 156, 660, ("adoption", "po")),
    "court_opposed":      (6, 350, 660, ("adoption", "po")),
    "advice_hearing":     (1, 32, 660, ("adoption", "po")),
    "matching":           (9, 182, 700, ("adoption",)),
    "placement":          (3, 66, 880, ("adoption",)),
    "adoption_petition":  (5, 114, 950, ("adoption",)),
    "adoption_court":     (5, 103, 1060, ("adoption",)),
}
AGE = {"under1": 0.11, "age1to4": 0.22, "age5to11": 0.33, "age12plus": 0.34}
AT_HOME = {"cso_short", "cso_two_years", "review_24m", "cso_continues"}
AFTER_RECOMMENDATION = 150  # rough days from accommodation to the permanence recommendation

def pick(weights):
    return random.choices(list(weights), weights=list(weights.values()))[0]

rows = []
n = 0
for stage, (count, mean, before, plans) in STAGES.items():
    for _ in range(count):
        n += 1
        in_stage = round(random.expovariate(1 / mean))
        since = in_stage + round(before * random.uniform(0.6, 1.4))
        entry = "planned" if stage in AT_HOME else "emergency" if stage == "emergency_review" \
            else pick({"emergency": 0.5, "planned": 0.5})
        age = pick(AGE)
        if stage == "initial_hearing":
            entry, age = "pre_birth", "under1"
        plan = random.choice(plans) if plans else "none"
        recommended = ""
        if plans:
            recommended = str(max(in_stage, since - round(AFTER_RECOMMENDATION * random.uniform(0.6, 1.4))))
        rows.append([f"S{n:04d}", stage, in_stage, since, age, entry, plan, recommended])

with open("caseload-la-example.csv", "w", newline="") as f:
    f.write("# SYNTHETIC example caseload for baseline-la.yaml, made by make-example-caseload.py. Not real children.\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["child", "stage", "days_in_stage", "days_since_accommodation", "age_band", "entry", "plan",
                "days_since_permanence_recommended"])
    w.writerows(rows)
print(f"wrote {len(rows)} synthetic children")
