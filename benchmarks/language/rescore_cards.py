"""Re-score the shipped model cards after a rule change; the model files themselves are
unchanged (their SHA-256 in the card still holds).

    .venv/bin/python benchmarks/language/rescore_cards.py
"""

import json

from carefor.language import model as m
from carefor.language.agenda_model import (
    CARD_FILE,
    MODEL_FILE,
    evaluate,
)
from carefor.language.agenda_model import (
    load_examples as agenda_examples,
)

card = json.loads(m.CARD_FILE.read_text())
test = [e for e in m.load_examples() if e.split == "test"]
shipped = [v.label for v in m.verdicts(m.load_model(), [e.sentence for e in test])]
card["shipped_test_scores"] = m.scores([e.label for e in test], shipped)
m.CARD_FILE.write_text(json.dumps(card, indent=2) + "\n")
print("sentences", card["shipped_test_scores"])
a = json.loads(CARD_FILE.read_text())
a["test_scores"] = evaluate(
    [x for x in agenda_examples() if x.split == "test"], model_path=MODEL_FILE
)
CARD_FILE.write_text(json.dumps(a, indent=2) + "\n")
print("outreach", a["test_scores"]["macro_f1"], a["test_scores"]["false_flag_rate"])
