"""How the outreach judgement's thresholds were chosen: on the TRAIN splits only, own
writing and real first contacts, never a test split.

For each setting of GENUINE_VETO (a rules-pitch the model reads as genuine this surely
becomes "not sure") and RECIPROCITY_ALONE (the model's strings attached without a rule),
the macro F1 and the genuine messages wrongly flagged, on the project's own train split
and on the real train sets (benchmarks/language/real/outreach*, split == train). The
shipped values are the best real-train macro F1 that flags no genuine message.

    .venv/bin/python benchmarks/language/outreach_thresholds.py
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from carefor.language import agenda_model
from carefor.language.agenda_model import as_items, classify, load_examples, scores

REAL = Path(__file__).resolve().parent / "real"


def _real_train() -> tuple[list[tuple[str, str, bool]], list[str]]:
    items, truth = [], []
    for folder in ("outreach", "outreach2"):
        path = REAL / folder / "messages.tsv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["split"] == "train":
                    body = row["body"].replace("\\n", "\n")
                    items.append((row["subject"], body, row["first_contact"] == "1"))
                    truth.append(row["label"])
    return items, truth


def main() -> None:
    own = [m for m in load_examples() if m.split == "train"]
    own_items, own_truth = as_items(own), [m.label for m in own]
    real_items, real_truth = _real_train()
    print("veto  recip_alone | own macro  own false flags | real macro  real false flags")
    for veto, alone in itertools.product((0.5, 0.65, 0.8, 0.95), (0.6, 0.75, 0.9)):
        agenda_model.GENUINE_VETO, agenda_model.RECIPROCITY_ALONE = veto, alone
        mine = scores(own_truth, [t.verdict for t in classify(own_items)])
        real = scores(real_truth, [t.verdict for t in classify(real_items)])
        print(
            f"{veto:<5} {alone:<11} | {mine['macro_f1']:.4f}     {mine['false_flags']:<15} | "
            f"{real['macro_f1']:.4f}      {real['false_flags']}"
        )


if __name__ == "__main__":
    main()
