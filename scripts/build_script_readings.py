"""Build ``namerec/data/script_readings.json``: what the normaliser reads the lexicons' names written in
other scripts as.

    python scripts/build_script_readings.py

``place_scripts.json`` (Германия, ドイツ, 독일 for Germany) and ``given_name_scripts.json`` (Иван,
يوحنا for John) hold names as written; the lexicons are built from what the normaliser reads them as.
Reading the 8,000 or so forms costs most of a second, in every process that builds a lexicon: the
readings are worked out here once and stored. For each place form: its script family, its primary
reading and its other readings (``namerec.equivalents.read_place_form``); for each given-name form:
its one-word readings (``namerec.given_names.read_given_name_form``).

The readings follow the normaliser and the two lexicons: rebuild the file when either changes (a
test compares every stored reading with what the normaliser now makes of its form). A form the file
lacks is read when the lexicon is built, so a stale file is slow, never wrong about a new form.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namerec.equivalents import read_place_form  # noqa: E402
from namerec.given_names import read_given_name_form  # noqa: E402
from namerec.normalize.lexicons import load_data  # noqa: E402

OUT = REPO / "namerec" / "data" / "script_readings.json"


def place_readings() -> dict[str, list]:
    forms = sorted({form for written in load_data("place_scripts.json")["forms"].values()
                    for form in written})
    return {form: list(read_place_form(form)) for form in forms}


def given_name_readings() -> dict[str, list[str]]:
    forms = sorted({form for written in load_data("given_name_scripts.json")["forms"].values()
                    for form in written})
    return {form: read_given_name_form(form) for form in forms}


def main() -> int:
    places, given = place_readings(), given_name_readings()
    OUT.write_text(json.dumps({
        "description": "The normaliser's readings of the names written in other scripts in "
                       "place_scripts.json (script family, primary reading, other readings) and "
                       "given_name_scripts.json (one-word readings); built by "
                       "scripts/build_script_readings.py",
        "places": places,
        "given_names": given,
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(places)} place forms and {len(given)} given-name forms -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
