"""Thai (namerec.normalize.thai)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec
import namerec.normalize.thai
from namerec.normalize import normalize_name
from namerec.normalize.thai import romanize_thai


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("เชียงราย", "chiangrai"),  # leading เ with ี and ย: ia
        ("ขอนแก่น", "khonkaen"),  # อ as the vowel o; แ after its consonant; tone mark dropped
        ("หาดใหญ่", "hatyai"),  # final ด is t; ห silent before ญ
        ("นครปฐม", "nakhonpathom"),  # unwritten vowels: na-khon, pa-thom
        ("สกลนคร", "sakonnakhon"),
        ("สงขลา", "songkhla"),  # ขล a cluster
        ("ลำปาง", "lampang"),  # sara am, which NFKC splits in two
        ("ประเทศไทย", "prathetthai"),  # ปร a cluster; ย after ไ only lengthens it
        ("เพชรบุรี", "phetburi"),  # a final ร after a consonant is silent
        ("อุดรธานี", "udonthani"),  # but not in ดร
        ("นครสวรรค์", "nakhonsawan"),  # ro han; the silenced ค
        ("สมชาย วงศ์สวัสดิ์", "somchai wongsawat"),
        ("ยิ่งลักษณ์", "yinglak"),
        ("ประยุทธ์ จันทร์โอชา", "prayut chanocha"),
        ("๒๕๖๗", "2567"),
    ],
)
def test_romanize_thai(written: str, latin: str) -> None:
    assert romanize_thai(written) == latin


def test_a_loanword_reading_keeps_the_letters_the_thai_reading_silences() -> None:
    assert romanize_thai("ไอร์แลนด์") == romanize_thai("ไอซ์แลนด์") == "ailaen"
    assert romanize_thai("ไอร์แลนด์", loanword=True) == "airlaend"
    assert "airlaend" in normalize_name("ไอร์แลนด์").variants
    assert romanize_thai("ชินวัตร") == "chinwat" and romanize_thai("ชินวัตร", loanword=True) == "chinwatra"


def test_a_loanword_reading_closes_syllables_with_the_foreign_sounds() -> None:
    # ล, ส, ฟ, ช close a syllable as l, s, f, ch in a foreign word, where Thai says n, t, p, t
    assert romanize_thai("เดวิส") == "dewit" and romanize_thai("เดวิส", loanword=True) == "dewis"
    assert romanize_thai("วิลสัน", loanword=True) == "wilsan"
    assert romanize_thai("มิลเลอร์", loanword=True) == "miller"


def test_other_text_is_left_alone() -> None:
    assert romanize_thai("Bangkok กรุงเทพ 12") == "Bangkok krungthep 12"


@pytest.mark.parametrize(
    ("written", "latin"),
    [("ขอนแก่น", "Khon Kaen"), ("หาดใหญ่", "Hat Yai"), ("นครปฐม", "Nakhon Pathom"), ("ลำปาง", "Lampang"),
     ("สมชาย วงศ์สวัสดิ์", "Somchai Wongsawat"), ("ทักษิณ ชินวัตร", "Thaksin Shinawatra")],
)
def test_thai_names_meet_their_latin_spelling(written: str, latin: str) -> None:
    assert namerec.Reconciler().score(written, latin) >= 0.5


@given(st.text(alphabet=[chr(c) for c in range(0x0E00, 0x0E80)] + [" ", "a"], max_size=24))
def test_never_raises_and_leaves_no_thai_letter(text: str) -> None:
    for loanword in (False, True):
        out = romanize_thai(text, loanword=loanword)
        assert isinstance(out, str)
        assert not any(0x0E01 <= ord(c) <= 0x0E5B for c in out) and "\x00" not in out


def test_docstring_examples() -> None:
    assert doctest.testmod(namerec.normalize.thai).failed == 0
