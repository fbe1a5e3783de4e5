"""namerec.link: entities linked to a reference list, members inheriting the link, NIL when none fits.

The reference entries below are invented; they exercise the same situations as the seed article
(decoys, acronyms, garbled organisation names, names in other scripts) without its names.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

import namerec
from namerec import Link, ReferenceIndex
from namerec.errors import InputError
from namerec.io import ReferenceEntry
from namerec.link import SUBSTITUTION_LIKELIHOOD_RATIO

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE = SHARED / "data" / "article"
CHECK = SHARED / "tools" / "article_check.py"
NAMEREC = Path(sys.executable).with_name("namerec")

REFERENCE = [
    {"id": "P-tomasz", "name": "Tomasz Wrzesniewski", "type": "PERSON"},
    {"id": "P-anna", "name": "Anna Wrzesniewski", "type": "PERSON"},  # decoy: same surname
    {"id": "P-halina", "name": "Halina Brzezicka", "type": "PERSON", "aliases": ["H. Brzezicka"]},
    {"id": "P-myroslava", "name": "Мирослава Дзюбенко", "type": "PERSON"},  # Cyrillic only
    {"id": "P-grigoriy", "name": "Grigoriy Sokolovskiy", "type": "PERSON",
     "aliases": ["Григорий Соколовский"]},
    {"id": "O-bank", "name": "Центральный банк Российской Федерации", "type": "ORG",
     "aliases": ["Банк России"]},
    {"id": "O-bimr", "name": "Baltic Institute for Marine Research", "type": "ORG"},
    {"id": "O-ktrc", "name": "KTRC", "type": "ORG"},
    {"id": "O-ibap", "name": "Institute for Baltic and Arctic Policy", "type": "ORG", "aliases": ["IBAP"]},
    {"id": "O-stanhope", "name": "Stanhope Institute", "type": "ORG"},  # decoy for a garbled name
    {"id": "O-marine-agri", "name": "Institute for Marine Agriculture", "type": "ORG"},
    {"id": "O-halvorsen", "name": "Halvorsen", "type": "ORG"},
]


def link_one(name, type_=None, reference=REFERENCE) -> Link:
    return namerec.link([name], reference, types=None if type_ is None else [type_])[0]


# ---------------------------------------------------------------------------------------------
# the article (acceptance)


needs_article = pytest.mark.skipif(not CHECK.exists() or not ARTICLE.exists(),
                                   reason="../shared (the article data and tools) is not available")


@needs_article
def test_article_check_link_passes():
    done = subprocess.run(
        [sys.executable, str(CHECK), "link", "--namerec", str(NAMEREC)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@needs_article
def test_article_links_in_process_typed_and_untyped():
    gold = json.loads((ARTICLE / "gold.json").read_text(encoding="utf-8"))["entities"]
    expected = json.loads((ARTICLE / "expected_links.json").read_text(encoding="utf-8"))["expected"]
    forms = [(form, entity["type"]) for entity in gold for form in entity["forms"]]
    names = [f for f, _ in forms]
    reference = ARTICLE / "reference.json"
    for types in ([t for _, t in forms], None):
        links = namerec.link(names, reference, types=types)
        assert {x.name: x.ref_id for x in links} == expected
    by_name = {x.name: x for x in namerec.link(names, reference, types=[t for _, t in forms])}
    # canonical = the reference's spelling; the decoys are at most lower alternatives
    assert by_name["Bergman"].ref_name == "Max Bergmann"
    assert all(a.score < by_name["Bergman"].confidence for a in by_name["Bergman"].alternatives)
    garbled = by_name["Stewart Center for Strategic and International Studies"]
    assert garbled.ref_name == "Center for Strategic and International Studies"
    assert all(a.score < 0.1 for a in garbled.alternatives if a.ref_id == "Q-stimson")


# ---------------------------------------------------------------------------------------------
# invented examples


def test_latin_mentions_link_to_cyrillic_entries_and_aliases():
    assert link_one("Myroslava Dziubenko").ref_id == "P-myroslava"
    assert link_one("Miroslava Dzyubenko", "PERSON").ref_id == "P-myroslava"
    assert link_one("Bank Rossii").ref_id == "O-bank"  # through the Cyrillic alias
    found = link_one("Grigory Sokolovsky")
    assert found.ref_id == "P-grigoriy" and found.ref_name == "Grigoriy Sokolovskiy"


def test_cyrillic_mention_links_to_latin_entry():
    assert link_one("Соколовский").ref_id == "P-grigoriy"


def test_acronym_mention_links_to_full_reference_name():
    found = link_one("BIMR")
    assert found.ref_id == "O-bimr"
    assert found.ref_name == "Baltic Institute for Marine Research"


def test_full_mention_links_to_acronym_entry():
    assert link_one("Kessler Tidal Research Consortium", "ORG").ref_id == "O-ktrc"
    assert link_one("Kessler Tidal Research Consortium").ref_id == "O-ktrc"


def test_acronym_alias_and_its_full_name_are_one_entry():
    assert link_one("IBAP").ref_id == "O-ibap"
    assert link_one("Institute for Baltic and Arctic Policy").ref_id == "O-ibap"


def test_nil_for_names_with_no_entry():
    for name in ("Theodora Quillfeather", "Nordic Council of Bakers", "Oskar Lindqvist"):
        found = link_one(name)
        assert found.ref_id is None and found.ref_name is None, name
        assert 0.5 <= found.confidence <= 1.0


def test_a_substituted_distinctive_word_lowers_the_pair_model_probability():
    # "Lunar" for "Marine": each name has a distinctive word the other lacks
    mention, entry = "Institute for Lunar Agriculture", "Institute for Marine Agriculture"
    core = float(namerec.Reconciler().score_pairs([(mention, entry)], types=[("ORG", "ORG")])[0])
    found = namerec.link([mention], [{"id": "O", "name": entry, "type": "ORG"}], types=["ORG"])[0]
    linked = found.confidence if found.ref_id == "O" else found.alternatives[0].score
    odds = core / (1 - core) * SUBSTITUTION_LIKELIHOOD_RATIO
    # one candidate: the link probability is the corrected pair probability (Bayes on the odds)
    assert linked == pytest.approx(odds / (1 + odds), abs=2e-4)
    assert linked < core


def test_garbled_organisation_name_links_with_the_decoy_lower():
    found = link_one("Stanton Institute for Baltic and Arctic Policy")
    assert found.ref_id == "O-ibap"
    assert all(a.score < found.confidence for a in found.alternatives)


def test_members_inherit_the_entity_link():
    names = ["Halina Brzezicka", "Brzezicka", "H. Brzezicka", "Theodora Quillfeather"]
    links = namerec.link(names, REFERENCE)
    assert [x.ref_id for x in links] == ["P-halina", "P-halina", "P-halina", None]
    assert links[0].confidence == links[1].confidence == links[2].confidence


def test_decoy_namesake_does_not_win_for_a_partial_member():
    links = namerec.link(["Tomasz Wrzesniewski", "Wrzesniewski"], REFERENCE)
    assert [x.ref_id for x in links] == ["P-tomasz", "P-tomasz"]
    assert "P-anna" in [a.ref_id for a in links[1].alternatives]


def test_a_bare_surname_shared_by_two_entries_is_not_forced():
    found = link_one("Wrzesniewski")
    assert found.ref_id is None
    assert {a.ref_id for a in found.alternatives} >= {"P-tomasz", "P-anna"}
    assert found.confidence == pytest.approx(1 - max(a.score for a in found.alternatives), abs=1e-4)


def test_types_must_agree_when_both_are_known():
    assert link_one("Halvorsen", "PERSON").ref_id is None
    assert link_one("Halvorsen", "ORG").ref_id == "O-halvorsen"
    assert link_one("Halvorsen").ref_id == "O-halvorsen"  # unknown type: compatible
    assert link_one("Tomasz Wrzesniewski", "ORG").ref_id is None


def test_blank_and_missing_names_are_nil():
    links = namerec.link(["", None, "   ", "🙂"], REFERENCE)
    assert [(x.name, x.ref_id, x.confidence, x.alternatives) for x in links] == [
        ("", None, 1.0, []), ("", None, 1.0, []), ("   ", None, 1.0, []), ("🙂", None, 1.0, []),
    ]


def test_result_shape():
    names = ["Tomasz Wrzesniewski", "Wrzesniewski", "BIMR", "Theodora Quillfeather"]
    links = namerec.link(names, REFERENCE)
    assert [x.name for x in links] == names
    for found in links:
        assert isinstance(found, Link)
        assert 0.0 <= found.confidence <= 1.0
        assert len(found.alternatives) <= 3
        scores = [a.score for a in found.alternatives]
        assert scores == sorted(scores, reverse=True)
        assert found.ref_id not in [a.ref_id for a in found.alternatives]
        assert all(0.0 < s <= 1.0 for s in scores)
        if found.ref_id is not None:
            assert found.confidence >= 0.5


def test_reference_forms_are_interchangeable(tmp_path):
    names = ["Tomasz Wrzesniewski", "Wrzesniewski", "BIMR", "Bank Rossii", "Theodora Quillfeather"]
    expected = namerec.link(names, REFERENCE)
    path = tmp_path / "ref.jsonl"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in REFERENCE), encoding="utf-8")
    entries = [ReferenceEntry(**{"aliases": [], **e}) for e in REFERENCE]
    assert namerec.link(names, path) == expected
    assert namerec.link(names, str(path)) == expected
    assert namerec.link(names, entries) == expected
    assert namerec.link(names, ReferenceIndex.build(REFERENCE)) == expected
    assert namerec.link(names, {"entities": REFERENCE}) == expected


def test_result_does_not_depend_on_input_order():
    names = ["Tomasz Wrzesniewski", "Wrzesniewski", "Halina Brzezicka", "Brzezicka", "BIMR",
             "Stanton Institute for Baltic and Arctic Policy", "Theodora Quillfeather", "Bank Rossii"]
    by_name = {x.name: x for x in namerec.link(names, REFERENCE)}
    shuffled = names[:]
    random.Random(4).shuffle(shuffled)
    assert {x.name: x for x in namerec.link(shuffled, REFERENCE)} == by_name


def test_threshold_comes_from_the_config():
    strict = namerec.Config(match_threshold=0.95)
    assert link_one("BIMR").ref_id == "O-bimr"  # an acronym alone is linked at the default 0.5 ...
    found = namerec.link(["BIMR"], REFERENCE, config=strict)[0]
    assert found.ref_id is None  # ... but not when links must be 95% sure
    assert found.alternatives[0].ref_id == "O-bimr"


def test_input_errors():
    with pytest.raises(InputError):
        namerec.link("Tomasz", REFERENCE)
    with pytest.raises(InputError):
        namerec.link(["Tomasz", "Anna"], REFERENCE, types=["PERSON"])
    with pytest.raises(InputError):
        namerec.link([3], REFERENCE)
    with pytest.raises(InputError):
        namerec.link(["Tomasz"], [{"id": "X"}])


def test_empty_inputs():
    assert namerec.link([], REFERENCE) == []
    assert namerec.link(["Tomasz Wrzesniewski"], [])[0].ref_id is None


def test_places_link_across_languages_and_scripts_by_their_place():
    reference = [
        {"id": "de", "name": "Germany", "type": "LOC"},
        {"id": "muc", "name": "Munich", "type": "LOC"},
        {"id": "bdg", "name": "Bydgoszcz", "type": "LOC"},
        {"id": "fn", "name": "Florence Nightingale", "type": "PERSON"},
    ]
    names = ["Allemagne", "ጀርመን", "Мюнхен", "Bromberg", "Firenze", "Florence"]
    types = ["LOC", "LOC", "LOC", "LOC", "LOC", "PERSON"]
    found = [link.ref_id for link in namerec.link(names, reference, types=types)]
    assert found == ["de", "de", "muc", "bdg", None, None]
    index = ReferenceIndex.build(reference)
    assert [a.ref_id for a in index.query("Deutschland")][:1] == ["de"]  # untyped: the lexicon
    assert [a.ref_id for a in index.query("Bromberg")] == []  # untyped: no gazetteer, no letter shared


def test_a_name_of_another_generation_never_links_to_an_entry(tmp_path):
    reference = tmp_path / "ref.json"
    entries = [{"id": "Q1", "name": "John Smith Jr.", "type": "PERSON"},
               {"id": "Q3", "name": "Ken Griffey Jr.", "type": "PERSON"}]
    reference.write_text(json.dumps(entries), encoding="utf-8")
    links = namerec.link(["John Smith Jr.", "John Smith Sr.", "Ken Griffey", "Ken Griffey Sr."], reference)
    assert [link.ref_id for link in links] == ["Q1", None, None, None]
