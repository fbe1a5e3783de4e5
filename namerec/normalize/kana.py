"""Japanese kana to Latin by modified Hepburn.

anyascii reads kana one character at a time (ギリシャ -> "girishiya", スウェーデン -> "suueden"), so
katakana and hiragana runs are read here instead: yōon (キャ kya, シャ sha, ジュ ju), the extended
katakana of foreign words (ファ fa, ウェ we, ヴォ vo, ティ ti, トゥ tu, シェ she), sokuon ッ doubling
the next consonant (ッチ tch), ン n, ヲ o. The long-vowel mark ー is dropped, as romanised names usually
drop the length (Tōkyō, Tokyo). The name separators ・ and ＝ become spaces. Other characters are left
alone: kanji in 東京タワー stay for the steps that follow.

Japanese writes a foreign name with a vowel after each consonant that closes a syllable
(Basra, バスラ basura). ``loanword=True`` gives the reading the name most likely had, by this rule,
word by word:

* the vowel of su, zu, ku, gu, bu, pu, fu, mu, ru is dropped before a syllable that starts with a
  consonant other than y, and at the end of the word (バスラ basra, ダマスカス damaskas);
* the vowel of to, do only before an r syllable (tr, dr: マドリード madrid) and at the end of the word:
  elsewhere the o is as often real (クリストファー kristofa, ロンドン rondon);
* in the first syllable of a word, only where the two consonants can begin a word: before r or w
  (kr, br, sw, and kl, bl as r stands for l), and for su also before k, t, p, m, n (sk, st, sp, sm, sn):
  ムガベ stays mugabe, スウェーデン gives sweden;
* never before ン, ッ or ー, which close a syllable whose vowel is real (ロンドン, プーチン);
* a word that would lose all its vowels is left as it is (ス su, ドル doru);
* words with hiragana in them are native words, read as they are.

* ン before b, p or m is m (トランプ tramp), as traditional Hepburn writes it.

r is as often an l (ビル Bill, ベルリン Berlin): :func:`with_l` gives the reading with l for r.

>>> romanize_kana("ギリシャ"), romanize_kana("スウェーデン"), romanize_kana("東京タワー")
('girisha', 'suweden', '東京tawa')
>>> romanize_kana("ウラジーミル・プーチン"), romanize_kana("ウラジーミル・プーチン", loanword=True)
('urajimiru puchin', 'urajimir puchin')
>>> romanize_kana("ノヴォシビルスク", loanword=True), romanize_kana("スウェーデン", loanword=True)
('novoshibirsk', 'sweden')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KANA", "romanize_kana", "with_l", "without_long_vowels"]

_KANA_CHARS = "\u3041-\u3096\u3099-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff65-\uff9f"
#: Any kana character: hiragana, katakana, small Ainu katakana, half-width katakana.
KANA = re.compile(f"[{_KANA_CHARS}]")
# A run of kana, possibly joined by ＝ (ジャン＝ポール): ＝ elsewhere is not a name separator.
_RUN = re.compile(f"[{_KANA_CHARS}]+(?:\uff1d+[{_KANA_CHARS}]+)*")

_SINGLE = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o",
    "ヴ": "vu", "ヷ": "va", "ヸ": "vi", "ヹ": "ve", "ヺ": "vo",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
    "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa", "ヵ": "ka",
    "ヶ": "ga",  # as in place names: 関ヶ原 Sekigahara, 霞ヶ関 Kasumigaseki
    # Small katakana for Ainu: a bare consonant closing a syllable.
    "ㇰ": "k", "ㇱ": "sh", "ㇲ": "s", "ㇳ": "t", "ㇴ": "n", "ㇵ": "h", "ㇶ": "h", "ㇷ": "h",
    "ㇸ": "h", "ㇹ": "h", "ㇺ": "m", "ㇻ": "r", "ㇼ": "r", "ㇽ": "r", "ㇾ": "r", "ㇿ": "r",
}  # fmt: skip

# Yōon: an i-row kana and a small ya, yu, yo (or e) make one syllable.
_YOON = {
    "キ": "ky", "ギ": "gy", "シ": "sh", "ジ": "j", "チ": "ch", "ヂ": "j", "ニ": "ny", "ヒ": "hy",
    "ビ": "by", "ピ": "py", "ミ": "my", "リ": "ry", "ヴ": "vy",
}  # fmt: skip
# The extended katakana of foreign words.
_EXTENDED = {
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "ウァ": "wa", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "イェ": "ye",
    "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
    "ティ": "ti", "ディ": "di", "テュ": "tyu", "デュ": "dyu", "トゥ": "tu", "ドゥ": "du",
    "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso",
    "クァ": "kwa", "クィ": "kwi", "クェ": "kwe", "クォ": "kwo", "クヮ": "kwa",
    "グァ": "gwa", "グィ": "gwi", "グェ": "gwe", "グォ": "gwo", "グヮ": "gwa",
    "スィ": "si", "ズィ": "zi", "ホゥ": "hu",
}  # fmt: skip

_DOUBLE: dict[str, str] = dict(_EXTENDED)
for _kana, _onset in _YOON.items():
    for _small, _vowel in (("ャ", "a"), ("ュ", "u"), ("ョ", "o"), ("ェ", "e")):
        _DOUBLE.setdefault(_kana + _small, _onset + _vowel)  # キャ kya, シャ sha, シェ she, ニェ nye
del _kana, _onset, _small, _vowel

_SEPARATORS = frozenset("・゠=")  # after NFKC: ･ is ・ and ＝ is =
_VOWELS = frozenset("aeiou")
# Syllables whose vowel Japanese adds after a consonant, and the onsets before which it goes.
_U_SYLLABLES = frozenset({"su", "zu", "ku", "gu", "bu", "pu", "fu", "vu", "mu", "ru"})
_O_SYLLABLES = frozenset({"to", "do"})


def _tokens(run: str) -> list[tuple[str, bool]]:
    """Cut a kana run into syllables, ン, ッ, ー and spaces (for separators), each with a flag: hiragana?"""
    # ゛ and ゜ are the spacing forms of the voicing marks: NFKC would put a space before them.
    run = unicodedata.normalize("NFKC", run.replace("\u309b", "\u3099").replace("\u309c", "\u309a"))
    # Hiragana to katakana: the two blocks are parallel.
    hiragana = ["\u3041" <= c <= "\u309f" for c in run]
    chars = [chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "ゝゞ" else c for c in run]
    tokens: list[tuple[str, bool]] = []
    last = ""  # the last kana letter, for the iteration marks ヽ and ヾ
    i = 0
    while i < len(chars):
        char = chars[i]
        if char in "ヽヾ":
            char = unicodedata.normalize("NFC", last + "\u3099") if char == "ヾ" and last else last
            if not char:
                i += 1
                continue
        pair = char + chars[i + 1] if i + 1 < len(chars) else ""
        if pair in _DOUBLE:
            tokens.append((_DOUBLE[pair], hiragana[i]))
            last = char
            i += 2
            continue
        if char in _SINGLE:
            tokens.append((_SINGLE[char], hiragana[i]))
            last = char
        elif char in "ッンー":
            tokens.append((char, hiragana[i]))
        elif char in _SEPARATORS:
            tokens.append((" ", False))
        # Anything else (a lone voicing mark, ヿ's parts are handled by NFKC) is dropped.
        i += 1
    return tokens


def _drops_vowel(word: list[str], i: int) -> bool:
    """Whether the syllable ``word[i]`` is a consonant plus an epenthetic vowel (loanword mode)."""
    syllable = word[i]
    if syllable not in _U_SYLLABLES and syllable not in _O_SYLLABLES:
        return False
    if i + 1 == len(word):
        return True
    following = word[i + 1]
    if following in ("ッ", "ン", "ー") or following[0] in _VOWELS or following[0] == "y":
        return False
    if syllable in _O_SYLLABLES:
        return following[0] == "r"
    if i == 0:
        return following[0] in ("rwktpmn" if syllable == "su" else "rw")
    return True


def _write(word: list[str], loanword: bool) -> str:
    out: list[str] = []
    doubled = False
    for i, token in enumerate(word):
        if token == "ッ":
            doubled = True
            continue
        if token == "ー":
            doubled = False
            continue
        piece = "n" if token == "ン" else token
        if loanword and token == "ン" and i + 1 < len(word) and word[i + 1][0] in "bpm":
            piece = "m"  # トランプ tramp: the m of a foreign name, as traditional Hepburn writes it
        if loanword and _drops_vowel(word, i):
            piece = piece[:-1]
        if doubled and token != "ン" and piece[0] not in _VOWELS:
            piece = ("t" if piece.startswith("ch") else piece[0]) + piece
        doubled = False
        out.append(piece)
    return "".join(out)


def _romanize_run(run: str, loanword: bool) -> str:
    out: list[str] = []
    word: list[str] = []
    native = False  # a word with hiragana in it: loanwords are written in katakana
    for token, hiragana in [*_tokens(run), (" ", False)]:
        if token != " ":
            word.append(token)
            native = native or hiragana
            continue
        if word:
            plain = _write(word, loanword=False)
            reading = _write(word, loanword=True) if loanword and not native else plain
            # A word left with no vowel is not a likely reading (ス su, ドル doru).
            out.append(reading if _VOWELS.intersection(reading) or not _VOWELS.intersection(plain) else plain)
            word, native = [], False
        out.append(token)
    return "".join(out)[:-1]


_LONG_VOWEL = re.compile("ou|oo|uu")


def without_long_vowels(reading: str) -> str:
    """A kana reading with its long o and u written once, as romanised Japanese names write them
    (しんぞう shinzou -> shinzo, ゆうこ yuuko -> yuko: Shinzō, Yūko).

    >>> without_long_vowels(romanize_kana("あべ しんぞう"))
    'abe shinzo'
    """
    return _LONG_VOWEL.sub(lambda match: match.group()[0], reading)


def with_l(reading: str) -> str:
    """A loanword reading with l for every r: Japanese writes both with its one r (ビル・クリントン
    bir krinton, Bill Clinton).

    >>> with_l(romanize_kana("ビル・クリントン", loanword=True))
    'bil klinton'
    """
    return reading.replace("r", "l")


def romanize_kana(text: str, loanword: bool = False) -> str:
    """Replace the katakana and hiragana of ``text`` by modified Hepburn; other characters stay.

    ``loanword``: drop the vowels Japanese adds after the consonants of foreign names (see above).
    """
    return _RUN.sub(lambda match: _romanize_run(match.group(), loanword), text)
