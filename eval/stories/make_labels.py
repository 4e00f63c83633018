"""Write eval/stories/labels.jsonl from the story groups below (line numbers in
news-stream-de items.jsonl, August 2025). Every other item gathered in August 2025 is a story
of its own. Rules: docs/stories.md. Run: python eval/stories/make_labels.py ITEMS.jsonl"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chronik.analysis.structure import article_id
from chronik.evaluation.stories import stream_items

HERE = Path(__file__).resolve().parent
SINCE, UNTIL = "2025-08-01", "2025-09-01"

GROUPS = {
    "ukraine-peace-talks-alaska-washington": [
        28,
        33,
        42,
        45,
        72,
        75,
        76,
        80,
        84,
        85,
        95,
        100,
        101,
        104,
        110,
        111,
        112,
        116,
        123,
        124,
        128,
        135,
        136,
        137,
        147,
        148,
        149,
        152,
        156,
        159,
        160,
        161,
        164,
        165,
        168,
        169,
        171,
        172,
        173,
        176,
        182,
        183,
        184,
        188,
        192,
        194,
        195,
        196,
        197,
        198,
        200,
        205,
        214,
        221,
        238,
        275,
    ],
    "gaza-city-offensive": [3, 13, 40, 64, 91, 93, 126, 175, 207, 212, 222, 289],
    "germany-arms-export-stop-israel": [63, 68, 77, 82, 90, 92, 105],
    "buergergeld-ukrainian-refugees": [4, 8],
    "pokrowsk-front": [30, 113, 117],
    "kyjiw-attack-aug28": [273, 274],
    "russian-offensive-warning": [300, 302],
    "eu-us-trade-deal-details": [219, 226],
    "us-court-tariffs-illegal": [295, 298],
    "rentenpaket-cabinet": [31, 32],
    "constitutional-court-judge-election": [43, 44, 65, 83, 94],
    "gender-language-ban": [66, 69],
    "heatwave-germany-aug": [71, 98, 157],
    "wildfires-southern-europe": [127, 163, 179, 187],
    "national-guard-washington": [99, 106, 228],
    "social-insurance-cuts-grimm": [88, 96],
    "merz-100-days": [129, 139, 141],
    "bahn-chief-lutz-dismissed": [138, 140],
    "hezbollah-disarmament": [23, 150],
    "afghans-in-pakistan-admission": [153, 190, 250],
    "israel-general-strike-hostages": [174, 177],
    "gaza-ceasefire-negotiations": [191, 202, 223],
    "magdeburg-attack-indictment": [199, 201],
    "scheuer-indicted": [210, 213],
    "nord-stream-sabotage-arrest": [220, 227, 229, 255, 266],
    "wehrdienst-law": [231, 237, 256, 260],
    "habeck-leaves-bundestag": [233, 236, 264, 271],
    "nasser-hospital-strike": [235, 243, 248],
    "paypal-outage": [258, 272],
    "coalition-retreat": [267, 286],
    "iran-snapback-sanctions": [269, 277],
    "liebich-prison": [284, 297],
    "parubij-shot": [293, 301],
    "merz-welfare-cuts": [291, 307],
}


def main(items: Path) -> None:
    story_of = {line: name for name, lines in GROUPS.items() for line in lines}
    labels: dict[str, str] = {}
    for record in stream_items(items, SINCE, UNTIL):
        key = article_id(record["url"], record["text"] or record["title"] or "")
        labels.setdefault(key, story_of.get(record["line"], f"single-{record['line']}"))
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as out:
        for key, story in labels.items():
            out.write(json.dumps({"id": key, "story": story}) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
