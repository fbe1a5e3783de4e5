"""Place equivalents (namerec.equivalents, data/place_equivalents.json): the lexicon and when it applies."""

from __future__ import annotations

import doctest
import json
import re
from importlib import resources

import pytest

import namerec.equivalents
from namerec.equivalents import (
    PLACE_GROUP_BASE,
    are_nicknames,
    nickname_groups,
    place_forms,
    place_group,
    place_key,
    place_match,
    place_spans,
)
from namerec.normalize import normalize_name

_SHAPE = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def _lexicon() -> dict:
    raw = resources.files("namerec").joinpath("data/place_equivalents.json").read_text("utf-8")
    return json.loads(raw)


def test_the_file_describes_itself_and_its_origin() -> None:
    data = _lexicon()
    assert set(data) == {"description", "groups"}
    assert "namerec" in data["description"] and "public-domain" in data["description"]


def test_groups_are_lists_of_at_least_two_forms() -> None:
    groups = _lexicon()["groups"]
    assert len(groups) >= 400
    for group in groups:
        assert isinstance(group, list) and len(group) >= 2, group
        assert len(set(group)) == len(group), group


def test_every_form_is_already_normalised() -> None:
    """Forms are stored exactly as the normaliser writes a place name, so look-ups need no work."""
    for group in _lexicon()["groups"]:
        for form in group:
            assert _SHAPE.fullmatch(form), form
            assert normalize_name(form, "LOC").text == form, form


def test_no_form_is_in_two_groups() -> None:
    seen: dict[str, int] = {}
    for index, group in enumerate(_lexicon()["groups"]):
        for form in group:
            assert seen.setdefault(form, index) == index, (form, seen[form], index)


@pytest.mark.parametrize(
    "forms",
    [
        ("beijing", "peking", "pekin"),
        ("mumbai", "bombay"),
        ("guangzhou", "canton"),
        ("kolkata", "calcutta"),
        ("chennai", "madras"),
        ("kyiv", "kiev", "kijow"),
        ("lviv", "lvov", "lwow", "lemberg"),
        ("vienna", "wien", "vienne", "viena"),
        ("cologne", "koln", "koeln"),
        ("munich", "munchen", "muenchen", "monaco di baviera"),
        ("prague", "praha", "prag"),
        ("warsaw", "warszawa", "varsovie"),
        ("moscow", "moskva", "moscou", "moskau", "mosca"),
        ("athens", "athina", "athenes", "athen", "atene"),
        ("the hague", "den haag", "s gravenhage", "la haye"),
        ("germany", "deutschland", "allemagne", "alemania", "germania"),
        ("saint petersburg", "sankt peterburg", "leningrad"),
        ("new york city", "new york", "nueva york"),
    ],
)
def test_known_places(forms: tuple[str, ...]) -> None:
    groups = {place_group(form) for form in forms}
    assert len(groups) == 1 and None not in groups, {f: place_group(f) for f in forms}


@pytest.mark.parametrize(
    "name",
    ["Москва", "Київ", "Αθήνα", "北京", "東京", "München", "Köln", "Kraków", "Łódź", "Санкт-Петербург"],
)
def test_names_in_other_scripts_are_found(name: str) -> None:
    assert place_match(normalize_name(name, "LOC"), "LOC").whole is not None


def _scripts() -> dict:
    raw = resources.files("namerec").joinpath("data/place_scripts.json").read_text("utf-8")
    return json.loads(raw)


def test_forms_in_other_scripts_belong_to_known_groups_and_are_not_latin() -> None:
    data = _scripts()
    assert set(data) == {"description", "forms"} and "public-domain" in data["description"]
    first_forms = {group[0] for group in _lexicon()["groups"]}
    for place, forms in data["forms"].items():
        assert place in first_forms, place
        assert len(set(forms)) == len(forms), place
        for form in forms:
            assert form.strip() and not re.search("[A-Za-z]", form), (place, form)


def test_forms_in_other_scripts_are_read_into_their_own_group() -> None:
    """Each written form is matched to its own place (the first of its readings that is a known form
    is one of its own), and its primary reading lands in no other place's group."""
    for place, forms in _scripts()["forms"].items():
        for form in forms:
            name = normalize_name(form, "LOC")
            assert place_match(name, "LOC").whole == place_group(place), (place, form, name.variants)
            assert place_group(name.text) in (place_group(place), None), (place, form, name.text)


def test_a_reading_two_places_share_stands_for_neither() -> None:
    # Accra 阿克拉 and Agra 阿格拉 are both "a ko la" in Wade-Giles; Ireland ไอร์แลนด์ and Iceland
    # ไอซ์แลนด์ both "ailaen" in Thai.
    assert place_group("a ko la") is None and place_group("ailaen") is None
    assert place_group(normalize_name("阿克拉", "LOC").text) == place_group("accra")
    assert place_group(normalize_name("ไอร์แลนด์", "LOC").variants[-1]) == place_group("ireland")


@pytest.mark.parametrize(
    ("written", "place"),
    [("القاهرة", "cairo"), ("بغداد", "baghdad"), ("קהיר", "cairo"), ("Каир", "cairo")],
)
def test_written_forms_reach_their_place(written: str, place: str) -> None:
    assert place_match(normalize_name(written, "LOC"), "LOC").whole == place_group(place)
    assert place_group(place) is not None and place_group(written) is None  # looked up as read


def test_different_places_are_different_groups() -> None:
    for a, b in [("vienna", "venice"), ("austria", "australia"), ("paris", "berlin"), ("georgia", "armenia"),
                 ("sweden", "switzerland"), ("slovakia", "slovenia")]:
        assert place_group(a) is not None and place_group(b) is not None
        assert place_group(a) != place_group(b), (a, b)
    assert place_group("george") is None
    assert place_group("london bridge") is None


def test_group_ids_and_keys() -> None:
    group = place_group("moskva")
    assert group is not None and group >= PLACE_GROUP_BASE
    assert place_forms(group)[0] == "moscow"
    key = place_key(group)
    assert len(key) == 12 and key.isupper() and key == place_key(place_group("moscou"))
    assert key != place_key(place_group("vienna"))


def test_spans_are_longest_first() -> None:
    spans = place_spans(("new", "york", "city", "hall"))
    assert [(start, stop) for start, stop, _ in spans] == [(0, 3)]
    assert place_spans(("moskva", "oblast"))[0][:2] == (0, 1)
    assert place_spans(("oblast",)) == ()


def test_when_place_equivalence_applies() -> None:
    def groups(name: str, entity_type: str) -> tuple[int, ...]:
        return place_match(normalize_name(name, entity_type), entity_type).groups

    florence = place_group("florence")
    assert groups("Firenze", "LOC") == (florence,)
    assert groups("Firenze", "") == (florence,)  # untyped, wholly a known form
    assert groups("Florence", "PERSON") == ()
    assert groups("Florence", "ORG") == ()
    assert groups("Florence", "VESSEL") == ()
    assert groups("Florence Nightingale", "") == ()  # untyped: only a whole name counts
    assert groups("Florence Nightingale", "PERSON") == ()
    assert groups("Moskva Oblast", "LOC") == (place_group("moscow"),)  # typed: runs of words count
    assert groups("Moskva Oblast", "") == ()
    assert groups("Dr. Jordan", "") == ()  # read as a person
    match = place_match(normalize_name("Den Haag", "LOC"), "LOC")
    assert match.whole == place_group("the hague") and match.token_groups == (match.whole,) * 2


def test_the_place_lexicon_can_be_switched_off_for_a_block() -> None:
    from namerec.equivalents import place_lexicon_off

    firenze = normalize_name("Firenze", "LOC")
    with place_lexicon_off():
        assert place_match(firenze, "LOC").groups == ()
        assert place_match(normalize_name("Moskva Oblast", "LOC"), "LOC").groups == ()
    assert place_match(firenze, "LOC").groups == (place_group("florence"),)
    with pytest.raises(RuntimeError), place_lexicon_off():
        raise RuntimeError
    assert place_match(firenze, "LOC").groups == (place_group("florence"),)  # on again after an error


def test_given_names_still_work_through_both_modules() -> None:
    assert are_nicknames("bill", "william")
    assert nickname_groups("xqzv") == ()


def test_docstring_examples() -> None:
    assert doctest.testmod(namerec.equivalents).failed == 0


@pytest.mark.parametrize(
    ("written", "place"),
    [("仙台", "sendai"), ("北海道", "hokkaido"), ("鹿児島", "kagoshima"), ("富士山", "mount fuji"),
     # The Chinese forms are not stored: they read as the Japanese forms do (沖縄 and 冲绳, chongsheng).
     ("冲绳", "okinawa"), ("福冈", "fukuoka"), ("金泽", "kanazawa")],
)
def test_japanese_places_in_kanji_reach_their_place(written: str, place: str) -> None:
    assert place_match(normalize_name(written, "LOC"), "LOC").whole == place_group(place)


def test_demonyms_name_known_places_and_are_normalised() -> None:
    data = json.loads(resources.files("namerec").joinpath("data/place_demonyms.json").read_text("utf-8"))
    assert set(data) == {"description", "demonyms"} and "namerec" in data["description"]
    for adjective, place in data["demonyms"].items():
        assert normalize_name(adjective, "ORG").text == adjective, adjective
        assert place_group(place) is not None, place


def test_organisations_of_two_places_stay_apart() -> None:
    scores = namerec.Reconciler().score_pairs(
        [("American Broadcasting Company", "Australian Broadcasting Corporation"),
         ("Banco Santander México S.A.", "Banco Santander Chile S.A.")], types=[("ORG", "ORG")] * 2)
    assert (scores < 0.2).all(), scores


def test_chinese_forms_of_places_are_not_read_by_their_transcription_values() -> None:
    # 伦敦 (London) and 捷克 (Czechia) read "lendon" and "jek" that way: short readings that spell
    # other words (джек, Jack), and the pinyin reading already meets the characters in the input.
    assert place_group(normalize_name("伦敦", "LOC").text) == place_group("london")
    assert place_group(normalize_name("捷克", "LOC").text) == place_group("czechia")
    assert place_group("lendon") is None and place_group("jek") is None


def test_stored_readings_of_place_forms_are_what_the_normaliser_reads_now():
    # Stale readings mean the normaliser changed: run scripts/build_script_readings.py.
    from namerec.equivalents import _stored_place_readings, read_place_form
    from namerec.normalize.lexicons import load_data

    forms = {form for written in load_data("place_scripts.json")["forms"].values() for form in written}
    stored = _stored_place_readings()
    assert set(stored) == forms
    stale = [form for form in sorted(forms) if tuple(stored[form][:2]) + (tuple(stored[form][2]),)
             != read_place_form(form)]
    assert not stale, f"{len(stale)} stale, e.g. {stale[:5]}: run scripts/build_script_readings.py"
