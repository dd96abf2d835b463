"""The per-patient continuity indices of `panelplan continuity --per-patient`
computed with polars, as the side-by-side peer in scripts/compare-polars.sh.

usage: python3 continuity_polars.py VISITS.csv PER_PATIENT_OUT.csv

Same definitions as PanelPlan (DOMAIN.md): per patient and scope (doctor
contacts; all contacts): N visits, k providers, COC = (sum n_j^2 - N) /
(N (N - 1)), UPC = max n_j / N, SECON = same-provider consecutive pairs /
(N - 1) in date order, Herfindahl = sum n_j^2 / N^2, MMCI = (1 - k / (N +
0.1)) / (1 - 1 / (N + 0.1)), fixed-doctor share = visits with the fixed
doctor / N (the fixed doctor: the patient's last non-empty fixed_doctor).
Work: read, sort by patient and date, group, write one row per patient.
Numbers are polars' own formatting, so the file is not byte-identical to
PanelPlan's; the work done is the same.
"""
import sys
import polars as pl

DOCTOR = ["läkare", "lakare", "läk", "doctor", "physician", "gp", "dr"]


def scope(v: pl.LazyFrame, suffix: str) -> pl.LazyFrame:
    pairs = v.group_by("patient", "clinician").agg(
        pl.len().alias("n"), (pl.col("clinician") == pl.col("fd")).first().alias("isfd"))
    stats = pairs.group_by("patient").agg(
        pl.col("n").sum().alias("N"), pl.len().alias("k"), (pl.col("n") ** 2).sum().alias("s"),
        pl.col("n").max().alias("mx"), pl.col("n").filter(pl.col("isfd")).sum().alias("f"),
        pl.col("isfd").any().alias("anyfd"))
    seq = v.group_by("patient", maintain_order=True).agg(
        (pl.col("clinician") == pl.col("clinician").shift(1)).sum().alias("p"))
    N = pl.col("N").cast(pl.Float64)
    m = N + 0.1
    return stats.join(seq, on="patient").select(
        "patient",
        pl.col("N").alias("visits" + suffix), pl.col("k").alias("providers" + suffix),
        pl.when(N >= 2).then((pl.col("s") - N) / (N * (N - 1))).alias("coc" + suffix),
        (pl.col("mx") / N).alias("upc" + suffix),
        pl.when(N >= 2).then(pl.col("p") / (N - 1)).alias("secon" + suffix),
        (pl.col("s") / (N * N)).alias("herfindahl" + suffix),
        ((1 - pl.col("k") / m) / (1 - 1 / m)).alias("mmci" + suffix),
        (pl.col("f") / N).alias("fd_share" + suffix))


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    v = pl.scan_csv(src, schema_overrides={"patient": pl.Utf8, "clinician": pl.Utf8}).select(
        "patient", pl.col("date").str.to_date("%Y-%m-%d"), "clinician",
        pl.col("profession").str.to_lowercase().is_in(DOCTOR).alias("doctor"), "fixed_doctor")
    v = v.with_row_index("row").sort("patient", "date", "row")
    fd = v.group_by("patient").agg(pl.col("fixed_doctor").drop_nulls().last().alias("fd"))
    v = v.join(fd, on="patient", how="left", maintain_order="left")
    doc = scope(v.filter(pl.col("doctor")), "_doctor")
    allc = scope(v, "_all")
    res = allc.join(doc, on="patient", how="left").sort("patient")
    res.collect().write_csv(out)


if __name__ == "__main__":
    main()
