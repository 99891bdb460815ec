"""The same computations as `fardplan compare` and `fardplan report`, done with pandas over the
long CSV export, for benches/compare.rs to time beside the Rust binary (never run in CI).

    python3 compare_pandas.py EXPORT.csv QUESTIONNAIRE.json country|county|report [CC]

EXPORT.csv is `fardplan export --format csv`; QUESTIONNAIRE.json is
`fardplan questionnaire show --format json` (levels, weights, thresholds). Writes CSV to stdout.
Rules as in docs/scoring.md: level per answer, score = 25 x weighted mean level of the answered
scored questions, coverage = answered weight / visible weight, index = mean of the sub-goal
scores; the last interview per municipality and round counts; ranks are competition ranks in
the county, best first; change is against the greatest earlier round. No scored question of
the shipped questionnaire has a condition, so every scored question counts as visible.
"""

import json
import sys

import pandas as pd

GOALS = ["kompetens", "trygghet", "innovation", "ledning", "infrastruktur"]


def load(csv_path, q_path):
    answers = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    with open(q_path, encoding="utf-8") as f:
        questions = json.load(f)["questions"]
    return answers, questions


def level_table(questions):
    """(question_id, value) -> level for choice answers; thresholds for number questions."""
    rows, thresholds, weights = [], {}, []
    for q in questions:
        if not q.get("subgoal"):
            continue
        weights.append((q["id"], q["subgoal"], q["weight"]))
        if q["kind"] == "number":
            thresholds[q["id"]] = q["thresholds"]
        for o in q.get("options", []):
            rows.append((q["id"], o["id"], o["level"] if o["level"] is not None else 0))
    levels = pd.DataFrame(rows, columns=["question_id", "option", "level"])
    weights = pd.DataFrame(weights, columns=["question_id", "subgoal", "weight"])
    return levels, thresholds, weights


def scores(answers, questions):
    levels, thresholds, weights = level_table(questions)
    scored = answers.merge(weights, on="question_id")
    scored = scored[~scored["value"].isin(["vet-ej", "ej-tillampligt", ""])]
    # Choice answers: one row per chosen option; a multi answer gives its highest level.
    choice = scored[~scored["question_id"].isin(thresholds)].copy()
    choice["option"] = choice["value"].str.split(",")
    choice = choice.explode("option").merge(levels, on=["question_id", "option"])
    choice = choice.groupby(["interview_id", "question_id"], as_index=False).agg(
        level=("level", "max"), subgoal=("subgoal", "first"), weight=("weight", "first")
    )
    number = scored[scored["question_id"].isin(thresholds)].copy()
    number["n"] = pd.to_numeric(number["value"], errors="coerce")
    number = number.dropna(subset=["n"])
    number["level"] = [
        max([t["level"] for t in thresholds[q] if t["at_least"] <= n], default=0)
        for q, n in zip(number["question_id"], number["n"])
    ]
    per_q = pd.concat([choice, number[["interview_id", "question_id", "level", "subgoal", "weight"]]])
    per_q["wl"] = per_q["weight"] * per_q["level"]
    g = per_q.groupby(["interview_id", "subgoal"]).agg(wl=("wl", "sum"), w=("weight", "sum"))
    g["score"] = 25 * g["wl"] / g["w"]
    visible = weights.groupby("subgoal")["weight"].sum()
    g["coverage"] = g["w"] / g.index.get_level_values("subgoal").map(visible)
    wide = g["score"].unstack("subgoal").reindex(columns=GOALS)
    cov = g["coverage"].unstack("subgoal").reindex(columns=GOALS).fillna(0)
    wide.columns = [f"{c}_score" for c in wide.columns]
    cov.columns = [f"{c}_coverage" for c in cov.columns]
    out = wide.join(cov)
    out["index_score"] = wide.mean(axis=1)
    ids = answers.drop_duplicates("interview_id")[["interview_id", "municipality_code", "municipality", "round"]]
    out = ids.merge(out, left_on="interview_id", right_index=True, how="left")
    # The last interview of a municipality and round counts (the export lists them in start order).
    return out.drop_duplicates(["municipality_code", "round"], keep="last")


def compare(answers, questions, county=None):
    if county:
        answers = answers[answers["municipality_code"].str[:2] == county]
    s = scores(answers, questions)
    s["county_code"] = s["municipality_code"].str[:2]
    latest = s["round"].max()
    cur = s[s["round"] == latest].copy()
    metrics = GOALS + ["index"]
    for m in metrics:
        col = f"{m}_score"
        cur[f"{m}_rank"] = cur.groupby("county_code")[col].rank(method="min", ascending=False)
        cur[f"{m}_county_median"] = cur.groupby("county_code")[col].transform("median")
    earlier = s[s["round"] < latest].sort_values("round").drop_duplicates("municipality_code", keep="last")
    prev = earlier.set_index("municipality_code")
    for m in metrics:
        col = f"{m}_score"
        cur[f"{m}_change"] = cur[col] - cur["municipality_code"].map(prev[col])
    cur = cur.sort_values("municipality_code")
    return cur.round(4)


def report(answers, questions, county):
    answers = answers[answers["municipality_code"].str[:2] == county]
    latest = answers["round"].max()
    a = answers[answers["round"] == latest]
    a = a[a["interview_id"].isin(a.drop_duplicates(["municipality_code"], keep="last")["interview_id"])]
    denominator = a["municipality_code"].nunique()
    rows = []
    for q in questions:
        if q["kind"] not in ("single", "multi", "yesno"):
            continue
        qa = a[a["question_id"] == q["id"]]
        chosen = qa["value"].str.split(",").explode()
        counts = chosen.value_counts()
        for o in q["options"]:
            n = int(counts.get(o["id"], 0))
            rows.append(("distribution", q["id"], o["id"], o["label"], n, n / denominator, denominator, "", ""))
        for special in ("vet-ej", "ej-tillampligt"):
            n = int((qa["value"] == special).sum())
            rows.append(("distribution", q["id"], special, special, n, n / denominator, denominator, "", ""))
    text_ids = {q["id"] for q in questions if q["kind"] == "text"}
    free = a[(a["question_id"].isin(text_ids) & (a["value"] != "")) | (a["note"] != "")]
    for r in free.itertuples():
        rows.append(("free_text", r.question_id, "", "", "", "", "", r.municipality, r.value + " " + r.note))
    for code, name in a.drop_duplicates("municipality_code")[["municipality_code", "municipality"]].values:
        rows.append(("visited", "", "", "", "", "", "", name, code))
    cols = ["part", "question_id", "option_id", "option", "count", "share", "denominator", "municipality", "text"]
    return pd.DataFrame(rows, columns=cols)


def main():
    csv_path, q_path, mode = sys.argv[1:4]
    county = sys.argv[4] if len(sys.argv) > 4 else None
    answers, questions = load(csv_path, q_path)
    if mode == "report":
        out = report(answers, questions, county)
    else:
        out = compare(answers, questions, county if mode == "county" else None)
    out.to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    main()
