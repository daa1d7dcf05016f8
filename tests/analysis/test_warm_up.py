"""`kiosk analyze` warms up before the first line: loaded once, then out of the collector's way."""

import json
import subprocess
import sys

PROBE = """
import gc, json, sys
from datetime import UTC, datetime
from kiosk.analysis import pipeline, verdict_model
from kiosk.analysis.turkish_words import _lexicon
from kiosk.feedback import FeedbackItem

frozen_before = gc.get_freeze_count()
alive_before = len(gc.get_objects())
if sys.argv[1] == "warm":
    pipeline.warm_up()
loaded = {"tr lexicon": _lexicon.cache_info().currsize,
          "models": verdict_model._model.cache_info().currsize}
texts = ["Kasadaki Umut Bey'e çok teşekkürler, sorunu hemen çözdü!",
         "Great, another hour in the queue. Just perfect.",
         "Paket 3 gün gecikti ama kurye çok kibardı."]
results = [pipeline.analyze(FeedbackItem("t", str(k), text, datetime.now(UTC))).to_json()
           for k, text in enumerate(texts)]
print(json.dumps({"frozen_before": frozen_before, "alive_before": alive_before,
                  "loaded": loaded,
                  "frozen": gc.get_freeze_count(), "results": results}))
"""


def _probe(mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def test_warm_up_loads_the_models_and_freezes_them_without_changing_a_verdict():
    warm, cold = _probe("warm"), _probe("cold")
    assert warm["frozen_before"] == 0
    assert warm["loaded"] == {"tr lexicon": 1, "models": 2}  # before the first real text
    # lexicons, models and language ID, out of every full pass: more than the process held
    assert warm["frozen"] > 1.5 * warm["alive_before"]
    assert cold["frozen"] == 0
    assert warm["results"] == cold["results"]
    assert [r["label"] for r in warm["results"]] == ["praise", "complaint", "complaint"]
