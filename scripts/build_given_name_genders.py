"""Build ``namerec/data/given_name_genders.json``: given names that are nearly always a man's or nearly
always a woman's, from the name-gender data of the nomquamgender package.

    pip download --no-deps nomquamgender==0.1.4 && unzip nomquamgender-0.1.4-py3-none-any.whl
    python scripts/build_given_name_genders.py nomquamgender/name_data.json

nomquamgender 0.1.4 (MIT License, (c) 2022 Ian Van Buskirk) ships, per name, how many sources and
how many people its estimate rests on and the share of them that were women. Each name is written
as namerec's normaliser writes a given name (``normalize_name(name, "PERSON").text``: José and Jose
are one entry), the counts of the names that fold together are added up, and a name is kept when
at least ``MIN_PEOPLE`` people bear it and at most ``MAX_SHARE`` of them (or at least 1 -
``MAX_SHARE``) are women. Names used by both (Jean, Andrea, Kim, Alex) are left out: only a name
that says which it is can tell a man from a woman. The package's licence goes with the file
(``given_name_genders.LICENSE.txt``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "namerec" / "data" / "given_name_genders.json"
MIN_PEOPLE = 500
MAX_SHARE = 0.05


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    from namerec.normalize import normalize_name

    source = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    people: dict[str, float] = defaultdict(float)
    women: dict[str, float] = defaultdict(float)
    for name, (_, count, share_women, *_) in source.items():
        if count < MIN_PEOPLE / 10 or not name.replace("-", "").isalpha():
            continue  # too rare to count towards any entry; or markup, digits, punctuation
        text = normalize_name(name, "PERSON").text
        if not text or " " in text:
            continue
        people[text] += count
        women[text] += count * share_women
    male, female = [], []
    for text in sorted(people):
        if people[text] < MIN_PEOPLE:
            continue
        share = women[text] / people[text]
        if share <= MAX_SHARE:
            male.append(text)
        elif share >= 1 - MAX_SHARE:
            female.append(text)
    OUT.write_text(json.dumps({
        "description": "Given names nearly always borne by men or by women, as namerec normalises them; "
                       "derived from the name data of nomquamgender 0.1.4 (MIT License, (c) 2022 Ian Van "
                       "Buskirk: see given_name_genders.LICENSE.txt); built by "
                       "scripts/build_given_name_genders.py",
        "min_people": MIN_PEOPLE,
        "max_share_of_the_other_gender": MAX_SHARE,
        "male": male,
        "female": female,
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(male)} men's and {len(female)} women's given names -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
