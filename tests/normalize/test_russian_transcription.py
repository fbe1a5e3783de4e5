"""How Russian would write a Latin name (namerec.normalize.russian_transcription)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namerec.normalize import normalize_name
from namerec.normalize import russian_transcription as transcription
from namerec.normalize.russian_transcription import LANGUAGES, russian_spellings, spell_words


@pytest.mark.parametrize(
    ("language", "latin", "cyrillic"),
    [
        ("italian", "Mezzogiorno", "Меццоджорно"),  # zz, gio
        ("italian", "Giuseppe", "Джузеппе"),  # gi before a vowel, s between vowels
        ("italian", "Cheli", "Кели"),  # ch is k
        ("spanish", "Quiroz", "Кирос"),  # qu, final z
        ("spanish", "Carbajo", "Карбахо"),  # j
        ("portuguese", "Peixoto", "Пейшоту"),  # x, final o
        ("french", "Gaudry", "Годри"),  # au
        ("french", "Roberge", "Роберж"),  # ge, final e
        ("german", "Jentsch", "Йенч"),  # j, tsch
        ("german", "Hertzog", "Герцог"),  # initial h, tz
        ("english", "Wainwright", "Уэйнрайт"),  # w, ai, wr, igh
        ("english", "McStay", "Макстей"),
    ],
)
def test_a_spelling_meets_the_reading_of_the_russian_transcription(language, latin, cyrillic):
    spelt = russian_spellings(normalize_name(latin).text)
    assert spelt[language] == normalize_name(cyrillic).text


def test_the_languages_spell_differently():
    # Italian zz is ts, German z is ts, Spanish z is s; Portuguese x is sh.
    assert russian_spellings("vezzoli")["italian"] == "vetstsoli"
    assert russian_spellings("vezzoli")["spanish"] == "vessoli"
    assert russian_spellings("xavier")["portuguese"].startswith("sh")


def test_words_are_spelt_one_by_one():
    spelt = russian_spellings("woody wainwright")
    assert spelt["english"] == "vudi ueynrayt"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=40))
def test_every_ascii_name_gets_one_lower_case_spelling_per_language(text):
    spelt = russian_spellings(text)
    assert tuple(spelt) == LANGUAGES
    for spelling in spelt.values():
        assert spelling == spelling.lower()
        assert len(spelling.split()) <= len(text.split())


def test_words_spelt_ahead_are_the_words_spelt_on_demand(monkeypatch):
    monkeypatch.setattr(transcription, "_SPELT", {})
    words = ["vezzoli", "wainwright", "jentsch"]
    on_demand = [russian_spellings(word) for word in words]
    transcription._SPELT.clear()
    spell_words(words, workers=2)
    assert set(transcription._SPELT) == set(words)
    assert [russian_spellings(word) for word in words] == on_demand
