"""The generated lists of people with typos (small pair files written on the fly)."""

import random

from benchmarks.typo_lists import _typo, typo_list

_GIVEN = "anna berta carla dora emma frida greta hanna irma julia karl ludwig martin otto paul".split()
_SURNAMES = "adler becker fischer graf huber jung keller lang meyer neumann richter schmidt vogel".split()


def _pair_files(directory):
    for stem, names in (("ancestry_givennames_pairs", _GIVEN), ("ancestry_surnames_pairs", _SURNAMES)):
        lines = ["name1,name2,is_match,nickname_flag"]
        lines += [f"{a},{b},False,False" for a, b in zip(names, names[1:])]
        (directory / f"{stem}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def test_a_typo_list_is_seeded_and_holds_every_person(tmp_path):
    data = _pair_files(tmp_path)
    rows = typo_list(5, 50, data_dir=data)
    assert rows == typo_list(5, 50, data_dir=data)
    assert rows != typo_list(6, 50, data_dir=data)
    people = {entity for _, entity, _ in rows}
    assert len(people) == 50 and all(kind == "PERSON" for _, _, kind in rows)
    assert 50 < len(rows) <= 6 * 50  # each person written up to 6 ways, some alike


def test_a_typo_changes_a_word_by_little():
    rnd = random.Random(0)
    for word in ("margaret", "johnson", "elizabeth"):
        for _ in range(50):
            assert abs(len(_typo(word, rnd)) - len(word)) <= 1
