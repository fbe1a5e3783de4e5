"""Scoring a pair on the best reading of its names (namerec.scoring.readings)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import namerec
from namerec import Config, Reconciler
from namerec.pipeline import features_for_pairs
from namerec.scoring.model import model_for
from namerec.scoring.readings import MIN_PROBABILITY

UKRAINIAN = ("Зеленський", "Zelenskyy")


def _primary_only(a: str, b: str) -> float:
    features, usable, *_ = features_for_pairs([(a, b)], None, Config())
    return float(model_for(None).predict(features)[0]) if usable[0] else 0.0


def test_a_ukrainian_reading_beats_the_russian_one():
    rec = Reconciler()
    assert rec.score(*UKRAINIAN) > _primary_only(*UKRAINIAN)
    assert rec.score(*UKRAINIAN) > 0.9


def test_the_explanation_names_the_reading_used():
    explanation = Reconciler().explain(*UKRAINIAN)
    assert explanation.normalized_a == "zelensky"  # the Ukrainian table's reading, not "zelenskiy"
    assert explanation.probability == round(Reconciler().score(*UKRAINIAN), 4)


def test_names_without_variants_score_as_before():
    pair = ("Max Bergman", "Ingrid Bergman")
    assert Reconciler().score(*pair) == _primary_only(*pair)


cyrillic = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщьюяєії ", min_size=1, max_size=12)
latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü ", min_size=1, max_size=12)
greek = st.text(alphabet="αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ ", min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(a=cyrillic | latin | greek, b=cyrillic | latin | greek)
def test_best_reading_is_symmetric_and_never_below_the_primary_forms(a, b):
    rec = Reconciler()
    forward, backward = rec.score_pairs([(a, b), (b, a)])
    assert np.isclose(forward, backward)
    assert 0.0 <= forward <= 1.0
    assert forward >= _primary_only(a, b) - 1e-12


def test_names_that_differ_only_in_spacing_are_one_spelling():
    rec = Reconciler()
    for a, b in [("SergeiLavrov", "Sergei Lavrov"), ("PolPot", "Pol Pot"),
                 ("vanderbilt corp", "van der bilt corp")]:
        assert rec.score(a, b) > 0.9
        assert rec.score(b, a) == rec.score(a, b)
    result = rec.reconcile(["SergeiLavrov", "Sergei Lavrov", "Pol Pot", "PolPot", "Peter Smith"])
    assert result.labels[0] == result.labels[1]
    assert result.labels[2] == result.labels[3] != result.labels[4]


def test_a_pair_across_scripts_is_re_read_when_its_forms_are_spelt_alike():
    # The Russian reading ("si tszinpin") rules the pair out; the Chinese reading of the Cyrillic
    # ("xi jinping") is the same name.
    assert _primary_only("Си Цзиньпин", "Xi Jinping") < 0.1
    assert Reconciler().score("Си Цзиньпин", "Xi Jinping") > 0.9


def test_strangers_across_scripts_stay_strangers():
    assert Reconciler().score("Си Цзиньпин", "Angela Merkel") < 0.05


def test_names_in_two_other_scripts_are_not_compared_syllable_by_syllable():
    # 彼得 (Peter) read "bi de" would be a part of 데이비드 (David) read "de i bi deu"
    rec = Reconciler()
    assert rec.score("彼得", "데이비드") < 0.5
    assert rec.score("Kim Jong Un", "김정은") > 0.9  # the syllables still meet a Latin name written so


def test_two_forms_of_one_known_place_are_read_as_one_name():
    rec = Reconciler()
    typed = rec.score_pairs([("Deutschland", "Germany"), ("Wien", "Vienna")], types=[("LOC", "LOC")] * 2)
    assert (typed > 0.99).all()
    # Untyped names that are wholly place forms are read as places too; a name that only holds one
    # is not.
    untyped = rec.score_pairs([("Deutschland", "Germany"), ("Canton", "Guangzhou")])
    assert (untyped > 0.99).all()
    assert rec.score("Florence Nightingale", "Firenze") < 0.5
    # Typed as people, the place lexicon does not apply.
    assert rec.score_pairs([("Florence", "Firenze")], types=[("PERSON", "PERSON")])[0] < 0.99


def test_a_name_read_from_an_abjad_script_meets_its_latin_spelling():
    """The Latin name spelt without its short vowels ("sdm hsin") meets the reading ("sdam hsin")."""
    rec = Reconciler()
    pairs = [("صدام حسين", "Saddam Hussein"), ("יוסף כהן", "Yosef Cohen"), ("אהוד ברק", "Ehud Barak")]
    for written, latin in pairs:
        assert rec.score(written, latin) > max(0.8, _primary_only(written, latin))
        assert rec.score(latin, written) == rec.score(written, latin)
    assert rec.score("משה לוי", "Moshe Cohen") < 0.05  # another surname stays another person


def test_two_word_names_in_the_other_order_are_one_name():
    """Family name first (Japanese, Korean, Chinese, Hungarian order) against given name first."""
    rec = Reconciler()
    assert _primary_only("Yuko Sato", "Sato Yuko") < 0.5
    assert rec.score("Yuko Sato", "Sato Yuko") > 0.95
    assert rec.score("Viktor Orbán", "Orbán Viktor") > 0.95
    assert rec.score("Shinzo Abe", "あべ しんぞう") > 0.95  # a kana reading, in family-name-first order
    assert rec.score("Yuko Sato", "Sato Yuki") < rec.score("Yuko Sato", "Sato Yuko")


def test_three_word_names_with_the_family_name_moved_are_one_name():
    """A two-syllable given name written apart or hyphenated (Korean, Chinese, Vietnamese) keeps its
    order when the family name moves from the front to the back."""
    rec = Reconciler()
    assert _primary_only("Park Chung-hee", "Chung-hee Park") < 0.9
    assert rec.score("Park Chung-hee", "Chung-hee Park") > 0.95
    assert rec.score("Lee Kuan Yew", "Kuan Yew Lee") > 0.95
    # Other orders of the words are no rotation: left to the features.
    assert rec.score("Lee Kuan Yew", "Kuan Lee Yew") < rec.score("Lee Kuan Yew", "Kuan Yew Lee")


def test_a_known_place_spelt_as_one_word_is_read_as_one_name():
    # The place key and the spacing key are separate: a known place's spaced form still meets the
    # same letters written together, which the lexicon does not hold.
    rec = Reconciler()
    scores = rec.score_pairs([("Kuala Lumpur", "Kualalumpur"), ("Ho Chi Minh City", "Hochiminh City")],
                             types=[("LOC", "LOC")] * 2)
    assert (scores > 0.99).all(), scores


def test_initials_written_together_are_read_apart_however_unlike_the_primary_forms():
    rec = Reconciler()
    assert _primary_only("JP Sartre", "Jean-Paul Sartre") < MIN_PROBABILITY  # below the re-reading floor
    assert rec.score("JP Sartre", "Jean-Paul Sartre") > 0.7
    assert rec.score("JRR Tolkien", "John Ronald Reuel Tolkien") > 0.7
    assert rec.score("JP Sartre", "JP Morgan") < 0.5
    assert rec.score("JP Sartre", "John Smith") < 0.1
    labels = namerec.reconcile(["JP Sartre", "Jean-Paul Sartre", "JRR Tolkien", "J.R.R. Tolkien"]).labels
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_a_latin_name_meets_its_russian_transcription():
    """Spelt as Russian would write it ("vezzoli" as "vetstsoli"), the Latin name meets the reading
    of its transcription, by the rules of its own language."""
    rec = Reconciler()
    pairs = [("Веццоли", "Vezzoli"), ("Пейшоту", "Peixoto"), ("Уэйнрайт", "Wainwright"), ("Эрвье", "Hervieu")]
    for written, latin in pairs:
        assert rec.score(written, latin) > max(0.9, _primary_only(written, latin))
        assert rec.score(latin, written) == rec.score(written, latin)
    assert _primary_only("Уэйнрайт", "Wainwright") < 0.1
    assert rec.score("Веццоли", "Wainwright") < 0.05  # another name stays another name
    # Greek writes foreign names its own way too ("George Bush" is "Τζορτζ Μπους").
    for written, latin in [("Τζορτζ Μπους", "George Bush"), ("Σαρλ ντε Γκωλ", "Charles de Gaulle")]:
        assert _primary_only(written, latin) < 0.1
        assert rec.score(written, latin) > 0.9
    assert rec.score("Τζορτζ Μπους", "Charles de Gaulle") < 0.05


def test_a_place_of_several_words_meets_its_transcription_written_as_one_word():
    """Katakana, hangul and Chinese characters write a place's name of several words as one word: a
    Latin place's spellings are also compared run together."""
    rec = Reconciler()
    place = ("LOC", "LOC")
    pairs = [("San Luis Obispo", "サンルイスオビスポ"), ("Cleveland Heights", "クリーブランドハイツ"),
             ("San Luis Obispo", "샌루이스오비스포"), ("Santa Rosa", "サンタローザ")]
    for latin, written in pairs:
        assert rec.score(latin, written, types=place) > 0.9
        assert rec.score(written, latin, types=place) == rec.score(latin, written, types=place)
    assert rec.score("San Luis Obispo", "クリーブランドハイツ", types=place) < 0.05


def test_a_place_romanised_syllable_by_syllable_meets_its_own_spelling():
    rec = Reconciler()
    place = ("LOC", "LOC")
    assert rec.score("ma la wei", "Malawi", types=place) > 0.9
    assert rec.score("sai en de", "Sehnde", types=place) > 0.9
    assert rec.score("sai en de", "Malawi", types=place) < 0.05


def test_chunks_re_read_through_one_pool_state_score_as_all_at_once():
    # Forms made for one chunk of pairs are kept for the next (UnitReadings.forms): every pair must
    # score as it does when all pairs are re-read together, whatever the order of the chunks.
    from namerec.normalize import normalize_name
    from namerec.records import NameRecords
    from namerec.scoring.features import pair_features
    from namerec.scoring.readings import UnitReadings, best_readings

    names = ["Зеленський", "Zelenskyy", "Zelensky", "Müller", "Mueller", "Muller", "Приск", "Priscus",
             "Джентилески", "Gentileschi", "SergeiLavrov", "Sergei Lavrov", "Сергей Лавров", "Jürgen Klopp",
             "Juergen Klopp", "テイラー", "Taylor"]
    records = NameRecords.build([normalize_name(n, "") for n in names], [""] * len(names))
    left, right = (np.asarray(side, dtype=np.int64) for side in np.triu_indices(len(names), k=1))
    model = model_for(None)

    def re_read(chunks, units):
        probability = np.zeros(len(left))
        for rows in chunks:
            features = pair_features(records, left[rows], right[rows])
            chunk = model.predict(features)
            best_readings(records, left[rows], right[rows], features, chunk, model, units)
            probability[rows] = chunk
        return probability

    everything = re_read([np.arange(len(left))], UnitReadings(records))
    chunks = np.array_split(np.arange(len(left)), 5)
    shared = UnitReadings(records)
    assert np.array_equal(re_read(chunks, shared), everything)
    assert len(shared.forms) > len(records)  # forms were made and kept
    assert np.array_equal(re_read(chunks[::-1], UnitReadings(records)), everything)
