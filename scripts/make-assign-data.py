#!/usr/bin/env python3
"""Synthetic input for timing `panelplan assign` (Benchmarks/README.md).

Usage: scripts/make-assign-data.py PATIENTS OUTDIR [SEED]

Writes OUTDIR/centre.json, OUTDIR/patients.csv and OUTDIR/visits.csv: one
care centre with one doctor FTE per 1,500 listed (Sweden 2023: about 2,039
listed per GP specialist, so the list cannot cover everyone), nurses, and a
year (2024) of visits: about 1.1 doctor visits and 1.5 nurse contacts per
patient, 60% of doctor visits with the patient's fixed doctor where there is
one. Previous fixed doctors for 59% of patients (DOMAIN.md, register data
2023), 2% of them with a doctor who has left (not in the centre file).
"""
import json
import os
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
    os.makedirs(out, exist_ok=True)
    doctors = max(2, round(n / 1500))
    clinicians = []
    for k in range(doctors):
        r = rng.random()
        if r < 0.7:
            c = {"id": f"gp-{k}", "role": "specialist", "fte": rng.choice([0.5, 0.6, 0.8, 0.9, 1.0, 1.0, 1.0])}
        elif r < 0.9:
            c = {"id": f"gp-{k}", "role": "trainee", "fte": 1.0, "trainingProgress": round(rng.random(), 2), "trainingStartYear": 2022}
        else:
            c = {"id": f"gp-{k}", "role": "doctor", "fte": 0.5}
        clinicians.append(c)
    nurses = max(1, doctors // 2)
    clinicians += [{"id": f"rn-{k}", "role": "nurse", "fte": 1.0} for k in range(nurses)]
    centre = {"id": "vc-synth", "name": f"Synthetic centre, {n} listed", "clinicians": clinicians,
              "population": {"groups": [], "patients": []}}
    with open(os.path.join(out, "centre.json"), "w") as f:
        json.dump(centre, f, indent=1)

    fixed = []
    with open(os.path.join(out, "patients.csv"), "w") as f:
        f.write("patient,birth_year,sex,need_weight,nursing_home,home_health_care,long_term_conditions,fixed_doctor,wants_fixed_doctor\n")
        for i in range(n):
            by = 2024 - min(100, int(rng.expovariate(1 / 40)))
            age = 2024 - by
            nh = age >= 75 and rng.random() < 0.08
            hhc = not nh and age >= 65 and rng.random() < 0.1
            ltc = min(6, int(rng.expovariate(1 / (0.3 + age / 60))))
            w = round(min(6.0, rng.lognormvariate(0, 0.5) * (0.6 + age / 80) + (1.5 if nh else 0)), 2)
            fd = ""
            if rng.random() < 0.59:
                fd = f"gp-{doctors + 1}" if rng.random() < 0.02 else f"gp-{rng.randrange(doctors)}"
            fixed.append(fd)
            wants = rng.choice(["", "", "", "", "", "", "", "1", "0"])
            f.write(f"P{i:08d},{by},{rng.choice(['female', 'male'])},{w},{int(nh)},{int(hhc)},{ltc},{fd},{wants}\n")

    start = 19723  # 2024-01-01 as days since 1970-01-01
    import datetime
    epoch = datetime.date(1970, 1, 1)
    days = [(epoch + datetime.timedelta(days=start + d)).isoformat() for d in range(366)]
    rows = 0
    with open(os.path.join(out, "visits.csv"), "w") as f:
        f.write("patient,date,clinician,profession\n")
        buf = []
        for i in range(n):
            pid = f"P{i:08d}"
            for _ in range(poisson(rng, 1.1)):
                fd = fixed[i]
                doc = fd if fd and not fd.endswith(f"-{doctors + 1}") and rng.random() < 0.6 else f"gp-{rng.randrange(doctors)}"
                buf.append(f"{pid},{days[rng.randrange(366)]},{doc},läkare\n")
            for _ in range(poisson(rng, 1.5)):
                buf.append(f"{pid},{days[rng.randrange(366)]},rn-{rng.randrange(nurses)},sjuksköterska\n")
            if len(buf) > 100000:
                rows += len(buf)
                f.write("".join(buf))
                buf = []
        rows += len(buf)
        f.write("".join(buf))
    print(f"{n} patients, {doctors} doctors, {nurses} nurses, {rows} visit rows in {out}")


def poisson(rng, mean):
    # Knuth's method: fine for small means.
    import math
    l, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


if __name__ == "__main__":
    main()
