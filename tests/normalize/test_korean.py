"""Korean personal names across romanisations (namerec.normalize.korean)."""

import doctest

from hypothesis import given
from hypothesis import strategies as st

from namerec import Reconciler
from namerec.normalize import normalize_name
from namerec.normalize.korean import korean_given_name_joined, korean_given_syllables, korean_reading


def test_romanisations_of_one_korean_name_read_alike():
    readings = {korean_reading(t) for t in ("park chunghee", "pak chonghui", "bak jeonghui")}
    assert readings == {"pak jonghi"}
    assert korean_reading("lee myungbak") == korean_reading("yi myeongbak") == korean_reading("rhee myungbak")
    assert korean_reading("chunghee park") == "jonghi pak"  # the family name last


def test_with_a_family_name_at_both_ends_the_more_common_is_the_family_name():
    # Sung (성) is a family name too: Sung-min Lee is of the family Lee, in either order.
    assert korean_given_name_joined(("sung", "min", "lee")) == ("sungmin", "lee")
    assert korean_given_name_joined(("lee", "sung", "min")) == ("lee", "sungmin")
    assert korean_reading("sungmin lee") == korean_reading("seongmin rhee") == korean_reading("sungmin yi")
    assert normalize_name("Seong-min Bak").text == "seongmin bak"
    assert Reconciler().score("Sung-min Lee", "Sungmin Yi") > 0.5


def test_names_without_a_korean_family_name_or_syllables_have_no_reading():
    assert korean_reading("john kim") is None  # john is no Korean syllable
    assert korean_reading("robert lee") is None
    assert korean_reading("ho chi minh") is None  # no Korean family name at either end
    assert korean_reading("kim") is None  # one word


def test_a_korean_given_name_is_one_word():
    assert korean_given_name_joined(("park", "chung", "hee")) == ("park", "chunghee")
    assert korean_given_name_joined(("chung", "hee", "park")) == ("chunghee", "park")
    assert korean_given_name_joined(("kim", "jongun")) is None  # one word already
    assert normalize_name("Park Chung-hee", "PERSON").text == "park chunghee"
    assert normalize_name("Park Chung-hee").text == "park chunghee"  # untyped
    assert normalize_name("Gang Guo Jin", "LOC").text == "gang guo jin"  # a place's words stay apart


def test_romanisations_of_one_person_match_and_relatives_do_not():
    rec = Reconciler()
    assert rec.score("Park Chung-hee", "Bak Jeong-hui") > 0.9
    assert rec.score("Roh Moo-hyun", "No Mu-hyeon") > 0.9
    assert rec.score("Park Chung-hee", "Park Geun-hye") < 0.5  # father and daughter
    assert rec.score("Kim Il-sung", "Kim Jong-il") < 0.5  # father and son


@given(st.text(alphabet="abcdeghijklmnoprstuwy ", max_size=30))
def test_the_reading_is_total_and_keeps_the_word_count(text):
    read = korean_reading(" ".join(text.split()))
    assert read is None or len(read.split()) == len(text.split())


def test_the_module_examples_hold():
    import namerec.normalize.korean

    assert doctest.testmod(namerec.normalize.korean).failed == 0


def test_the_given_syllables_of_one_name_fold_alike_across_romanisations():
    spellings = {
        ("kim", "jong", "on"): ["kim jong un", "gim jeong eun", "jong un kim"],
        ("no", "tae", "o"): ["roh tae woo", "no tae u", "noh tae woo"],  # the press writes 우 woo
        ("kim", "yong", "sam"): ["kim young sam", "kim yong sam", "gim yeong sam"],  # and 영 young
        ("pak", "jong", "hi"): ["park chung hee", "pak chong hui", "bak jeong hui"],
        ("choe", "kyo", "ha"): ["choi kyu hah", "choe gyu ha"],
    }
    for expected, texts in spellings.items():
        for text in texts:
            assert korean_given_syllables(text) == expected, text


def test_only_three_word_korean_names_with_one_syllable_words_have_given_syllables():
    for text in ("kim jongun", "kim jong un il", "john lee park", "lee ann kim", "smith jong un"):
        assert korean_given_syllables(text) is None, text


def test_less_common_family_names_read_alike_across_their_spellings():
    rec = Reconciler()
    assert rec.score("Koo Bon-moo", "Gu Bon-mu") > 0.9
    assert rec.score("Choo Kyung-ho", "Chu Gyeong-ho") > 0.9
    # A family name that often opens a given name too is left out: this is Park Ji-sung.
    assert korean_reading("ji sung park").split()[-1] == "pak"


def test_a_place_gets_no_korean_personal_reading():
    # Jung-gu, a district, reads as a Korean person's name when untyped, not when typed as a place.
    reading = korean_reading("jung gu")
    assert reading is not None
    assert reading in normalize_name("Jung Gu", "").variants
    assert reading not in normalize_name("Jung Gu", "LOC").variants
