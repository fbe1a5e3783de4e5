"""How Russian, Greek, Japanese and Korean would write a Latin name (namerec.normalize.transcription)."""

from __future__ import annotations

import doctest
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from namerec.normalize import normalize_name, transcription
from namerec.normalize.transcription import LANGUAGES, TRANSCRIBED_SCRIPTS, spell_words, transcriptions
from namerec.word_cache import WordCache


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
        ("english", "Lawrence", "Лоуренс"),  # aw as ou, soft c before a silent e, no wr after a vowel
        ("english", "Gates", "Гейтс"),  # a vowel before one consonant and -es is long
        ("english", "Blair", "Блэр"),  # air as in "there"
        ("english", "Yates", "Йейтс"),  # an initial y before a vowel is a consonant
    ],
)
def test_a_spelling_meets_the_reading_of_the_russian_transcription(language, latin, cyrillic):
    spelt = transcriptions(normalize_name(latin).text)
    assert spelt[language] == normalize_name(cyrillic).text


@pytest.mark.parametrize(
    ("language", "latin", "greek"),
    [
        ("english", "George Bush", "Τζορτζ Μπους"),  # soft g, b as μπ, u as ου
        ("english", "Winston", "Ουίνστον"),  # w as ου
        ("english", "Hall", "Χολ"),  # -all in one syllable said ol
        ("english", "Hawking", "Χόκινγκ"),  # aw as o
        ("english", "Florence", "Φλόρενς"),  # soft c before a silent e
        ("english", "Yates", "Γέιτς"),  # an initial y written γ; a before one consonant and -es long
        ("english", "Walsh", "Γουόλς"),  # an initial w written γου, wal said wol
        ("english", "William", "Ουίλιαμ"),  # but before i ου
        ("french", "Charles de Gaulle", "Σαρλ ντε Γκωλ"),  # ch as σ, d as ντ, silent endings
        ("german", "Freud", "Φρόιντ"),  # eu as οι
        ("german", "Mozart", "Μότσαρτ"),  # z as τσ
        ("italian", "Giuseppe Verdi", "Τζουζέπε Βέρντι"),  # soft g, doubled letters once
    ],
)
def test_a_spelling_meets_the_reading_of_the_greek_transcription(language, latin, greek):
    assert transcriptions(normalize_name(latin).text, "greek")[language] == normalize_name(greek).text


@pytest.mark.parametrize(
    ("language", "latin", "kana"),
    [
        ("english", "Smith", "スミス"),  # th as s, the added vowels dropped
        ("english", "Taylor", "テイラー"),  # ay as ei, final -or as a
        ("english", "Brown", "ブラウン"),  # ow as au
        ("english", "Christopher", "クリストファー"),  # chr as kr, ph as f, final -er as a
        ("english", "George", "ジョージ"),  # geor as jo, a final -ge as ji
        ("english", "Roger", "ロジャー"),  # g before e is soft, though the e is then written a
        ("english", "Grace", "グレイス"),  # c before a silent final e is soft
        ("english", "Bridge", "ブリッジ"),  # a final -dge as ji
        ("english", "Baker", "ベイカー"),  # a before one consonant and a final -er as ei
        ("english", "Amy", "エイミー"),  # and before a final -y
        ("english", "Wood", "ウッド"),  # w before oo silent
        ("english", "Jones", "ジョーンズ"),  # an s sounded z written z: folded as s
        ("english", "Hall", "ホール"),  # -all in one syllable said ol
        ("english", "Walker", "ウォーカー"),  # alk said ok
        ("english", "Marshall", "マーシャル"),  # -all unstressed: a
        ("english", "Hughes", "ヒューズ"),  # a final -ughes said yuz
        ("english", "Arthur", "アーサー"),  # a final -ur as a
        ("english", "Gates", "ゲイツ"),  # a before one consonant and -es as ei
        ("english", "Blair", "ブレア"),  # air as ea
        ("english", "Baltimore", "ボルティモア"),  # a final -ore as oa
        ("english", "Darwin", "ダーウィン"),  # w kept between vowels
        ("english", "Hawking", "ホーキング"),  # aw as o
        ("english", "Lawrence", "ローレンス"),  # aw, then r: not wr
        ("english", "Yates", "イェイツ"),  # an initial y before a vowel
        ("english", "Edwards", "エドワーズ"),  # a final -ds as z
        ("english", "Howard", "ハワード"),  # ow before a as aw
        ("french", "Jacques", "ジャック"),  # silent endings, a doubled k
        ("german", "Gustav", "グスタフ"),  # v as f
        ("italian", "Giovanni", "ジョヴァンニ"),  # gio as jo, v and b folded
    ],
)
def test_a_spelling_meets_the_loanword_reading_of_the_katakana(language, latin, kana):
    readings = transcription.compared_readings(normalize_name(kana), "kana")
    assert transcriptions(normalize_name(latin).text, "kana")[language] in readings


@pytest.mark.parametrize(
    ("latin", "han"),
    [
        ("Taylor", "泰勒"),  # ay as ai, a final -or as the consonant with e (tai-le), not a (teira)
        ("Miller", "米勒"),
        ("Carter", "卡特"),
        ("Moore", "摩尔"),  # a final -oore as o-er, where Japanese writes ua (ムーア)
    ],
)
def test_chinese_writes_an_english_final_er_with_e(latin, han):
    readings = transcription.compared_readings(normalize_name(han), "han")
    spelt = transcriptions(normalize_name(latin).text, "han")
    assert spelt["english in chinese"] in readings
    assert spelt["english"] not in readings  # the Japanese reading of the same name differs


def test_every_chinese_rule_replaces_a_katakana_rule_that_exists():
    # Rewriting a katakana pattern must not silently drop its Chinese counterpart.
    kana_patterns = {pattern for pattern, _ in transcription._KANA["english"]}
    assert set(transcription._CHINESE_INSTEAD_OF_KANA) <= kana_patterns


def test_chinese_readings_and_spellings_fold_voicing():
    # Chinese transcription writes p and b, t and d, k and g with one letter each (彼得 Peter is
    # "bide", 杜邦 Dupont "dubang"): both sides are folded to the voiceless ones, as l is to r.
    assert transcription.folded("bide", "han") == transcription.folded("pite", "han") == "pite"
    assert transcription.folded("dubon", "han") == transcription.folded("dupont", "han")[:5]
    assert transcription.folded("bide", "kana") == "bide"  # Japanese writes voicing


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Robertson", "ロバートソン"),  # the o katakana adds after t before a consonant
        ("Roberts", "ロバーツ"),  # the u of a final tsu
    ],
)
def test_vowels_katakana_adds_are_folded_away_on_both_sides(latin, kana):
    readings = transcription.compared_readings(normalize_name(kana), "kana")
    spelt = transcriptions(normalize_name(latin).text, "kana")["english"]
    assert transcription.folded(spelt, "kana") in readings


@pytest.mark.parametrize(
    ("language", "latin", "hangul"),
    [
        ("english", "Smith", "스미스"),  # th as s, the eu Korean adds dropped
        ("english", "Brown", "브라운"),
        ("english", "Christopher", "크리스토퍼"),  # ph as p, final -er as eo
        ("english", "George", "조지"),  # geor as jo, a final -ge as ji
        ("english", "Roger", "로저"),  # g before e is soft, though the e is then written eo
        ("english", "Jordan", "조던"),  # an unstressed vowel written eo: read as a
        ("english", "Evans", "에번스"),
        ("english", "Baker", "베이커"),  # a before one consonant and a final -er as ei
        ("english", "Wood", "우드"),  # w before oo silent
        ("english", "Adams", "애덤스"),  # short a written ae and the unstressed a eo: both read as a
        ("english", "Roberts", "로버츠"),  # a final ts written ch
        ("english", "Gates", "게이츠"),  # a final -tes written ch
        ("english", "Walsh", "월시"),  # wal said wol, a final sh written si
        ("english", "Hawking", "호킹"),  # aw as o
        ("english", "Baltimore", "볼티모어"),  # a final -ore as oeo
        ("french", "Pierre", "피에르"),
        ("german", "Schmidt", "슈미트"),  # sch as sy, dt as t
    ],
)
def test_a_spelling_meets_the_loanword_reading_of_the_hangul(language, latin, hangul):
    readings = transcription.compared_readings(normalize_name(hangul), "hangul")
    assert transcriptions(normalize_name(latin).text, "hangul")[language] in readings


@pytest.mark.parametrize(
    ("latin", "written"),
    [
        ("Johnson", "جونسون"),  # English j, long vowels written, short ones not
        ("Giovanni", "جيوفاني"),  # Italian gio, v written f
        ("Pierre", "بيير"),  # p written b, French silent ending
        ("Charlotte", "شارلوت"),
        ("Christopher", "כריסטופר"),
        ("Jacques", "ז'אק"),
        ("Jackson", "जैक्सन"),  # Devanagari: vowels by ear (jaiksan)
        ("Peterson", "पीटरसन"),
        ("Smith", "اسمیت"),  # Persian writes a vowel before an initial s and consonant
        ("Elizabeth", "الیزابت"),
    ],
)
def test_a_spelling_meets_an_arabic_hebrew_or_devanagari_transcription_on_shared_letters(latin, written):
    # equal keys: blocking pairs the two names
    name = normalize_name(written)
    readings = {transcription.comparison_key(r, name.script)
                for r in transcription.compared_readings(name, name.script) if r}
    spelt = transcriptions(normalize_name(latin).text, name.script).values()
    assert readings & {transcription.comparison_key(s, name.script) for s in spelt}


def test_a_spelling_close_to_the_key_is_enough_for_scoring():
    # Walker, वॉकर "vokar": no spelling drops the l, but the Italian one comes 0.86 close (0.8 is needed)
    name = normalize_name("वॉकर")
    keys = [transcription.comparison_key(r, name.script)
            for r in transcription.compared_readings(name, name.script) if r]
    spelt = [transcription.comparison_key(s, name.script)
             for s in transcriptions("walker", name.script).values()]
    assert max(Indel.normalized_similarity(k, s) for k in keys for s in spelt) >= 0.8


def test_the_abjad_key_keeps_consonants_and_the_vowels_at_the_ends():
    assert transcription.folded("dzhovanni", "arabic") == "jufani"  # dzh, o, v, doubled n
    assert transcription.comparison_key("jufani", "arabic") == "jfni"
    assert transcription.comparison_key("ilizabit", "hebrew") == "alzbt"  # a word's first vowel is alef
    assert transcription.comparison_key("ilizabit", "kana") == "ilizabit"


def test_kana_and_hangul_readings_are_folded_and_padded():
    # one letter for l and r, v written as b, a consonant doubled by ッ written once
    assert transcription.folded("shallott", "kana") == "sharot"
    assert transcription.folded("vincent", "hangul") == "bincent"
    assert transcription.folded("vincent", "cyrillic") == "vincent"
    readings = transcription.compared_readings(normalize_name("シャルロット"), "kana")
    assert len(readings) == 4 and "sharot" in readings
    assert transcription.compared_readings(normalize_name("Шарлотта"), "cyrillic") == ["sharlotta"]


def test_the_languages_spell_differently():
    # Italian zz is ts, German z is ts, Spanish z is s; Portuguese x is sh.
    assert transcriptions("vezzoli")["italian"] == "vetstsoli"
    assert transcriptions("vezzoli")["spanish"] == "vessoli"
    assert transcriptions("xavier")["portuguese"].startswith("sh")


def test_words_are_spelt_one_by_one():
    spelt = transcriptions("woody wainwright")
    assert spelt["english"] == "vudi ueynrayt"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=40))
def test_every_ascii_name_gets_one_lower_case_spelling_per_language(text):
    for script in TRANSCRIBED_SCRIPTS:
        spelt = transcriptions(text, script)
        assert tuple(spelt) == LANGUAGES[script]
        for spelling in spelt.values():
            assert spelling == spelling.lower()
            assert len(spelling.split()) <= len(text.split())


def test_words_spelt_ahead_are_the_words_spelt_on_demand(monkeypatch):
    fresh = {script: WordCache(partial(transcription._spell, script=script), 100)
             for script in TRANSCRIBED_SCRIPTS}
    monkeypatch.setattr(transcription, "_SPELT", fresh)
    words = ["vezzoli", "wainwright", "jentsch"]
    on_demand = [transcription._spell(word, "greek") for word in words]
    spell_words(words, "greek", workers=2)
    assert set(transcription._SPELT["greek"]) == set(words)
    assert [transcription._spelt_word(word, "greek") for word in words] == on_demand


def test_the_module_examples_hold():
    assert doctest.testmod(transcription).failed == 0
