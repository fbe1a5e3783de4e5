"""How Russian, Greek, Japanese, Korean, Chinese, Arabic, Hebrew, Hindi and Thai would write a Latin
name, read back in namerec's romanisation of their script.

Russian writes a foreign name as it sounds in its own language, by that language's rules: Italian
"Vezzoli" becomes "Веццоли", Portuguese "Peixoto" "Пейшоту", French "Hervieu" "Эрвье", English
"Wainwright" "Уэйнрайт". namerec reads those back as "vetstsoli", "peyshotu", "erve", "ueynrayt",
which string similarity finds unlike the Latin spellings. Greek does the same with its own letters
("George Bush" is "Τζορτζ Μπους", read back "tzortz mpous"). ``transcriptions`` spells a Latin name
the way such a transcription would read back, once per source language whose rules differ (for
Russian: Italian, Spanish, Portuguese, French, German, Classical Latin, Polish, English; for Greek:
English, French, German, Italian, Spanish), so that one of them can meet the reading of the name
in the other script: "vezzoli" -> "vetstsoli" by the Italian rules. The language of a name is not
known, so every spelling is tried, only between a Latin name and one written in that script:
blocking pairs the two when a spelling is the other's reading exactly (:mod:`namerec.blocking`),
and scoring keeps the best reading (:mod:`namerec.scoring.readings`). Measured on
wikidata_ru_translit (Latin and Cyrillic name parts): three train-split pools of 1,000 entities went
from pairwise F1 0.853/0.883/0.878 to 0.919/0.921/0.918, the test split's 1,000 entities from 0.854
to 0.905. No labelled Greek data was at hand: the Greek rules were checked on written probes only.

The rules are the usual ones of Russian and Greek practical transcription, simplified: no stress,
no exceptions, letters the romanisation writes alike (е and э, и and ы; η, ι and υ) written alike.

Japanese (katakana) and Korean (hangul) write a foreign name the same way, by its sound ("Smith" is
スミス and 스미스, "Christopher" クリストファー and 크리스토퍼), and add a vowel after every consonant
that closes a syllable, which namerec's loanword readings of those scripts drop again ("smis",
"kristofa", "kristopeo"). Their spellings here are of that loanword reading, for English, German,
French, Italian and Spanish names, and are compared with every reading of the written name (the
loanword reading is a variant, not the primary form), both sides folded (``folded``: one letter for l
and r, b for v, p for f in Korean, doubled letters once). Measured on written probes only (no
labelled data in these scripts was at hand): a pool of 61 Latin family names and their katakana forms,
not looked at while the rules were written, went from pairwise F1 0.52 to 0.89; with their hangul
forms from 0.45 to 0.83. Chinese transcription characters are read by their transcription values too
(:mod:`namerec.normalize.han_transcription`: 史密斯 "smis", 克里斯托弗 "kristof"), a reading close to
the Japanese one, so the katakana rules serve for "han" as well: the same 61 names with their Chinese
forms, 0.50 to 0.77. One set serves Chinese alone: English as Chinese writes it, a final -er, -or or
-ar with e (Taylor, 泰勒 tai-le, where Japanese writes テイラー teira).

Arabic and Hebrew also write a foreign name by its sound, with its consonants and the vowels a
writer takes for long. The Russian rules' spellings serve (they spell sounds, consonants intact),
folded to the letters those scripts share (p as b, v and w as f, sh, ch, ts and z as s, kh as h; e
as i, o as u), and compared on ``comparison_key``: the consonants and a word's first and last vowel,
as the two spellings agree on nothing more ("Giovanni", Italian "dzhovanni", and جيوفاني "jiufani"
both "jfni"). Written probes of 60 Latin family names with their Arabic forms and 59 with their Hebrew
forms, not looked at while the rules were written: pool pairwise F1 0.54 to 0.97 and 0.61 to 0.90.
The key is loose: names alike in their consonants meet too (Smith, سميث, and Schmidt, شميت).
Devanagari writes every vowel, but a foreign name's vowels by ear (Jackson, जैक्सन "jaiksan"), so it
is compared the same way with a folding of its own (aspirates as plain stops, w as v, z as j): 57
family names with their Devanagari forms, 0.66 to 0.94 (0.60 before the reading of Hindi's unsaid
vowels was mended, indic.py). Thai likewise (its folding: j, sh, ch and zh as ch, which is one
letter, g as k, v as w, z as s): 57 names with their Thai forms, 0.27 to 0.66, and to 0.91 once the
loanword reading closed syllables with the foreign sounds (thai.py: เดวิส "dewis"). The other
Brahmic scripts of India (Bengali, Tamil, Kannada and the rest, script "indic") are compared as
Devanagari is, with voicing folded too (Tamil has one letter for k and g, t and d, p and b): 20
family names with their Tamil forms, 0.57 to 0.80, with their Bengali forms 0.57 to 0.79.

>>> transcriptions("vezzoli")["italian"]
'vetstsoli'
>>> transcriptions("quiroz")["spanish"], transcriptions("peixoto")["portuguese"]
('kiros', 'peyshotu')
>>> transcriptions("hervieu")["french"], transcriptions("wainwright")["english"]
('erve', 'ueynrayt')
>>> transcriptions("jentsch")["german"]
'yench'
>>> transcriptions("george bush", "greek")["english"], transcriptions("charles de gaulle", "greek")["french"]
('tzortz mpous', 'sarl nte gol')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache, partial

from ..word_cache import WordCache, fill_ahead

__all__ = [
    "KEYED_SCRIPTS", "LANGUAGES", "SYLLABIC_SCRIPTS", "TRANSCRIBED_SCRIPTS", "compared_readings",
    "comparison_key", "folded", "spell_words", "spellings_of", "transcriptions",
]

# Per language, (pattern, replacement) in order, applied to a word. Replacements are written in
# capitals, which no later pattern matches: a letter is transcribed once ("x" -> "SH" must not have
# its "h" dropped by the rule for a silent "h").
# English wr is r where no vowel comes before it (Wright, Wainwright), not in Lawrence (aw, then r).
_WR = r"(?<![aeiou])wr"
_RUSSIAN: dict[str, tuple[tuple[str, str], ...]] = {
    "italian": (
        (r"gli(?=[aeou])", "L"), (r"gli", "LI"), (r"gn", "N"),
        (r"sci(?=[aou])", "SH"), (r"sc(?=[ei])", "SH"),
        (r"cci(?=[aou])", "CH"), (r"cc(?=[ei])", "CH"), (r"ci(?=[aou])", "CH"), (r"c(?=[ei])", "CH"),
        (r"ggi(?=[aou])", "DZH"), (r"gg(?=[ei])", "DZH"), (r"gi(?=[aou])", "DZH"), (r"g(?=[ei])", "DZH"),
        (r"ch", "K"), (r"gh", "G"), (r"qu", "KV"), (r"zz", "TSTS"), (r"z", "TS"), (r"c", "K"),
        (r"h", ""), (r"j", "Y"), (r"x", "KS"), (r"w", "V"), (r"(?<=[aeiou])s(?=[aeiou])", "Z"),
    ),
    "spanish": (
        (r"ll", "LY"), (r"qu", "K"), (r"gu(?=[ei])", "G"), (r"j", "KH"), (r"g(?=[ei])", "KH"),
        (r"z", "S"), (r"c(?=[ei])", "S"), (r"ch", "CH"), (r"c", "K"), (r"h", ""), (r"x", "KH"),
        (r"y$", "I"), (r"LY$", "L"),
    ),
    "portuguese": (
        (r"(?<=[aeiou])s(?=[aeiou])", "Z"), (r"lh", "LY"), (r"nh", "NY"), (r"qu(?=[ei])", "K"),
        (r"qu", "KV"), (r"gu(?=[ei])", "G"), (r"ch", "SH"), (r"x", "SH"), (r"j", "ZH"),
        (r"g(?=[ei])", "ZH"), (r"c(?=[ei])", "S"), (r"c", "K"), (r"h", ""), (r"ao$", "AN"),
        (r"ei", "EY"), (r"o$", "U"), (r"os$", "USH"), (r"[sz]$", "SH"),
    ),
    "french": (
        (r"(?<=[aeiouy])s(?=[aeiouy])", "Z"), (r"eaux?", "O"), (r"aux?$", "O"), (r"au", "O"),
        (r"oin", "UAN"), (r"oi", "UA"), (r"ou", "U"), (r"ieu", "E"), (r"eu", "E"), (r"ai", "E"),
        (r"ei", "E"), (r"ill(?=e)", "Y"), (r"ch", "SH"), (r"gn", "N"), (r"qu", "K"),
        (r"gu(?=[ei])", "G"), (r"g(?=[eiy])", "ZH"), (r"j", "ZH"), (r"c(?=[eiy])", "S"), (r"c", "K"),
        (r"ph", "F"), (r"th", "T"), (r"h", ""), (r"w", "V"), (r"es$", ""), (r"ent$", ""),
        (r"er$", "E"), (r"ez$", "E"), (r"(?<=.)[tdsxz]$", ""), (r"(?<=..)e$", ""),
        (r"(?<![aeiouAEIOU])u(?![aeiouyn])", "YU"), (r"y", "I"),
    ),
    "german": (
        (r"(?<=[aeiou])s(?=[aeiou])", "Z"), (r"^s(?=[aeiou])", "Z"), (r"tsch", "CH"), (r"sch", "SH"),
        (r"^sp", "SHP"), (r"^st", "SHT"), (r"ch", "KH"), (r"ck", "K"), (r"tz", "TS"), (r"z", "TS"),
        (r"ei|ey|ai|ay", "AY"), (r"eu|au(?=e)", "OY"), (r"ie", "I"), (r"ph", "F"), (r"th", "T"),
        (r"qu", "KV"), (r"x", "KS"), (r"^h", "G"), (r"h", ""), (r"j", "Y"), (r"v", "F"), (r"w", "V"),
        (r"y", "I"),
    ),
    "latin": (
        (r"c(?=[eiy]|ae|oe)", "TS"), (r"ius$", "IY"), (r"us$", ""), (r"ae|oe", "E"), (r"qu", "KV"),
        (r"ph", "F"), (r"th", "T"), (r"ch", "KH"), (r"c", "K"), (r"x", "KS"), (r"j", "Y"),
        (r"(?<=[aeiou])s(?=[aeiou])", "Z"), (r"h", ""), (r"y", "I"),
    ),
    "polish": (
        (r"szcz", "SHCH"), (r"rz", "ZH"), (r"sz", "SH"), (r"cz", "CH"), (r"ch", "KH"),
        (r"(?<=[cs])ki$", "KIY"), (r"(?<=[cs])ka$", "KAYA"), (r"ie", "E"), (r"ia", "YA"), (r"io", "YO"),
        (r"iu", "YU"), (r"dz", "DZ"), (r"c", "TS"), (r"w", "V"), (r"j", "Y"), (r"y", "Y"), (r"h", "KH"),
    ),
    "english": (
        (r"^ma?c(?=[^aeiou])", "MAK"), (r"ough", "O"), (r"igh", "AY"), (_WR, "R"), (r"^kn", "N"),
        (r"wood", "VUD"), (r"tch", "CH"), (r"ck", "K"), (r"ph", "F"), (r"th", "T"), (r"sh", "SH"),
        (r"oo", "U"), (r"ee|ea", "I"), (r"air", "ER"), (r"ai|ay|ey$", "EY"), (r"aw", "OU"), (r"ow", "OU"),
        (r"ew", "YU"),
        (r"a(?=[^aeiouy]es?$)", "EY"), (r"i(?=[^aeiouy]es?$)", "AY"), (r"o(?=[^aeiouy]es?$)", "OU"),
        (r"c(?=[eiy])", "S"), (r"(?<=[^aeiouy])le$", "L"), (r"e$", ""), (r"(?<=[^aeiouy])es$", "S"),
        (r"^w", "U"), (r"(?<=[aeiou])w", ""), (r"(?<=[^aeiou])w(?=[aeiou])", "U"), (r"w", "V"),
        (r"j", "DZH"), (r"g(?=[eiy])", "DZH"), (r"ch", "CH"), (r"c", "K"),
        (r"qu", "KV"), (r"x", "KS"),
        (r"^h", "KH"), (r"h", ""), (r"^y(?=[aeiouAEIOU])", "Y"), (r"y", "I"),
    ),
}

# English, in every script: a vowel before one consonant and a final -e or -es is long (Gates, James,
# Miles: Гейтс, ジェームズ), aw is a long o (Shaw, Lawrence, Hawking: Шоу, ローレンス, 호킹), air is said
# as in "there" (Blair, Claire: Блэр, クレア), c before e is soft even where the e is then silent
# (Lawrence, Florence), and wr is r only where no vowel comes before it (Wright, Wainwright; not
# Lawrence). On session 22's lists these took English names beside katakana from pairwise F1 0.919 to
# 0.953 and beside hangul 0.912 to 0.947 (pools of the names and their forms), and a list written
# after them, of names not used to write them, from 0.691 to 0.846 in four scripts at once.
#
# English -all in a word of one syllable (Hall, Ball, Small) is said "ol", and written so by ear; in a
# longer word it is unstressed (Marshall, マーシャル, 마셜).
_ALL = r"(?<=^[^aeiouy])all$|(?<=^[^aeiouy]{2})all$"

# Greek, as namerec reads it back: b is written μπ (mp), d ντ (nt), hard g γκ (g), j and soft g τζ
# (tz), ch and tch τσ (ts), sh σ (s), u ου (ou), a leading h χ (ch); doubled letters once.
_GREEK: dict[str, tuple[tuple[str, str], ...]] = {
    "english": (
        (r"^ma?c(?=[^aeiou])", "MAK"), (r"ough", "O"), (r"igh", "AI"), (_WR, "R"), (r"^kn", "N"),
        (r"tch", "TS"), (r"ck", "K"), (r"ph", "F"), (r"th", "TH"), (r"sh", "S"), (r"ch", "TS"),
        (r"oo", "OU"), (r"ee|ea", "I"), (r"air", "ER"), (r"ai|ay|ey$", "EI"), (r"aw", "O"), (r"ow", "OOU"),
        (r"ew", "IOU"), (_ALL, "OL"), (r"alk", "OK"), (r"alt", "OLT"), (r"(?<=w)a(?=l[^aeiouy])", "O"),
        (r"a(?=[^aeiouy]es?$)", "EI"), (r"i(?=[^aeiouy]es?$)", "AI"), (r"o(?=[^aeiouy]es?$)", "OOU"),
        (r"c(?=[eiy])", "S"), (r"geo", "TZO"), (r"d?ge$", "TZ"), (r"(?<=[^aeiouy])le$", "L"),
        (r"(?<=..)e$", ""), (r"(?<=[^aeiouy])es$", "S"),
        (r"^w(?=i)", "OU"), (r"^w", "GOU"), (r"(?<=[aeiou])w", ""), (r"w", "OU"),
        (r"^y(?=[aeiouAEIOU])", "G"), (r"j", "TZ"), (r"g(?=[eiy])", "TZ"), (r"c", "K"), (r"qu", "KOU"),
        (r"x", "X"), (r"^h", "CH"), (r"h", ""), (r"b", "MP"), (r"d", "NT"), (r"u", "OU"), (r"y", "I"),
    ),
    "french": (
        (r"eaux?", "O"), (r"aux?$", "O"), (r"au", "O"), (r"oi", "OUA"), (r"ou", "OU"), (r"eu", "E"),
        (r"ai|ei", "E"), (r"ill(?=e)", "G"), (r"ch", "S"), (r"gn", "NI"), (r"qu", "K"),
        (r"gu(?=[ei])", "G"), (r"g(?=[eiy])", "Z"), (r"j", "Z"), (r"c(?=[eiy])", "S"), (r"c", "K"),
        (r"ph", "F"), (r"th", "T"), (r"h", ""), (r"w", "V"), (r"es$", ""), (r"ent$", ""),
        (r"er$", "E"), (r"ez$", "E"), (r"(?<=.)[tdsxz]$", ""), (r"(?<=..)e$", ""), (r"b", "MP"),
        (r"d", "NT"), (r"u", "I"), (r"y", "I"),
    ),
    "german": (
        (r"tsch", "TS"), (r"sch", "S"), (r"ch", "CH"), (r"ck", "K"), (r"tz|z", "TS"),
        (r"ei|ey|ai|ay", "AI"), (r"eu|au(?=e)", "OI"), (r"ie", "I"), (r"ph", "F"), (r"th", "T"),
        (r"qu", "KV"), (r"^h", "CH"), (r"h", ""), (r"j", "GI"), (r"v", "F"), (r"w", "V"),
        (r"b", "MP"), (r"d", "NT"), (r"u", "OU"), (r"y", "I"),
    ),
    "italian": (
        (r"(?<=[aeiou])s(?=[aeiou])", "Z"), (r"gli", "LI"), (r"gn", "NI"), (r"sc(?=[ei])", "S"),
        (r"ci(?=[aou])", "TS"), (r"c(?=[ei])", "TS"),
        (r"gi(?=[aou])", "TZ"), (r"g(?=[ei])", "TZ"), (r"ch", "K"), (r"gh", "G"), (r"qu", "KOU"),
        (r"z", "TS"), (r"c", "K"), (r"h", ""), (r"j", "GI"), (r"b", "MP"), (r"d", "NT"), (r"u", "OU"),
    ),
    "spanish": (
        (r"ll", "G"), (r"qu", "K"), (r"gu(?=[ei])", "G"), (r"j|g(?=[ei])", "CH"), (r"ch", "TS"),
        (r"z|c(?=[ei])", "TH"), (r"c", "K"), (r"h", ""), (r"b", "MP"), (r"d", "NT"), (r"u", "OU"),
        (r"y$", "I"),
    ),
}

# Japanese katakana (and Chinese transcription characters, read alike), as namerec's loanword
# reading gives it back (kana.py: the vowels Japanese adds after a closing consonant dropped, long
# vowels written short): English th is s (Smith, sumisu -> smis), a final -er, -or or -ar a (Taylor,
# teira; Miller, mira), r closing an English syllable is silent (Martin, matin), si is shi. A g or c
# before e is soft even where the e is then dropped or written a (George, joji; Roger, roja; Grace,
# greis), so those rules come first; geor is jo, a final -(d)ge ji (Bridge, briji) and a final
# -ugh(es) yu (Hughes, hyuzu). An a before one consonant (not r) and a final -er, -y or -ie is ei
# (Baker, beika; Amy, eimi), a w before oo at the start silent (Wood, udo), and an a before l said o
# is o (Hall, horu; Walker, woka; Walter, woruta). A final -ur is a too (Arthur, asa), a final -ore oa
# and -oor(e) ua (Baltimore, borutimoa; Moore, mua), air ea (Blair, burea), a w between vowels
# stays (Darwin, dawin), ow before a is aw (Howard, hawado), and tew or tu before a vowel is chu
# (Stewart, suchuwato; Stuart). l and r, v and b, z and s are folded afterwards (``_FOLDS``).
_KANA: dict[str, tuple[tuple[str, str], ...]] = {
    "english": (
        (r"^ma?c(?=[^aeiou])", "MAK"), (r"ough", "O"), (r"igh", "AI"), (r"ugh(?=es$|$)", "YU"), (_WR, "R"),
        (r"^kn", "N"), (r"tch", "CH"), (r"ck", "K"), (r"ph", "F"), (r"t?th", "S"), (r"sch", "SH"),
        (r"sh", "SH"), (r"ch(?=r)", "K"), (r"ch", "CH"), (r"^w(?=oo)", ""), (r"oore?$", "UA"), (r"oo", "U"),
        (r"ee|ea", "I"), (r"air", "EA"), (r"ai|ay|ey$", "EI"), (r"aw", "O"), (r"ow(?=a)", "AW"),
        (r"ow", "AU"), (r"tew(?=[aeiou])", "CHUW"), (r"tew|tu(?=[aeiou])", "CHU"), (r"ew", "YU"),
        (_ALL, "OR"), (r"alk", "OK"), (r"alt", "ORT"), (r"(?<=w)a(?=l[^aeiouy])", "O"), (r"ore$", "OA"),
        (r"ds$", "Z"),
        (r"a(?=[^aeiouy]es?$)", "EI"), (r"i(?=[^aeiouy]es?$)", "AI"), (r"o(?=[^aeiouy]es?$)", "O"),
        (r"a(?=[b-df-hj-np-qs-tv-xz](?:er|y|ie)$)", "EI"),
        (r"geor(?=[^aeiouy])", "JO"), (r"d?ge$", "JI"), (r"j", "J"), (r"g(?=[eiy])", "J"),
        (r"c(?=[eiy])", "S"), (r"(?<=[^aeiouy])le$", "R"), (r"(?<=..)e$", ""), (r"[eoau]r$", "A"),
        (r"[eiu]r(?=[^aeiouy])", "A"), (r"(?<=[aeiou])r(?=[^aeiouy])", ""), (r"(?<=[^aeiouy])es$", "S"),
        (r"(?<=[aeiou])w(?![aeiouy])", ""), (r"c", "K"), (r"qu", "KW"), (r"x", "KS"), (r"^h", "H"),
        (r"h", ""), (r"si", "SHI"), (r"zi", "JI"), (r"^y(?=[aeiouAEIOU])", "Y"), (r"y", "I"),
    ),
    "german": (
        (r"tsch", "CH"), (r"sch", "SH"), (r"(?<=[aou])ch", "H"), (r"ch", "HI"), (r"ck", "K"), (r"dt$", "T"),
        (r"tz|z", "TS"), (r"ei|ey|ai|ay", "AI"), (r"eu", "OI"), (r"ie", "I"), (r"ph", "F"), (r"th", "T"),
        (r"qu", "KW"), (r"x", "KS"), (r"er$", "A"), (r"^h", "H"), (r"h", ""), (r"j", "Y"), (r"v", "F"),
        (r"w", "V"), (r"si", "JI"), (r"s(?=[aeiou])", "Z"), (r"y", "YU"),
    ),
    "french": (
        (r"eaux?", "O"), (r"aux?$", "O"), (r"au", "O"), (r"oi", "WA"), (r"ou", "U"), (r"eu", "E"),
        (r"ai|ei", "E"), (r"ill(?=e)", "Y"), (r"ch", "SH"), (r"gn", "NY"), (r"qu", "K"),
        (r"gu(?=[ei])", "G"), (r"g(?=[eiy])", "J"), (r"j", "J"), (r"c(?=[eiy])", "S"), (r"c", "K"),
        (r"ph", "F"), (r"th", "T"), (r"h", ""), (r"w", "V"), (r"es$", ""), (r"ent$", ""),
        (r"er$", "E"), (r"ez$", "E"), (r"(?<=.)[tdsxz]$", ""), (r"(?<=..)e$", ""),
        (r"(?<![aeiouAEIOU])u(?![aeiouyn])", "YU"), (r"si", "SHI"), (r"y", "I"),
    ),
    "italian": (
        (r"gli", "RI"), (r"gn", "NY"), (r"sci(?=[aou])", "SH"), (r"sc(?=[ei])", "SH"),
        (r"cci(?=[aou])|ci(?=[aou])", "CH"), (r"cc(?=[ei])|c(?=[ei])", "CH"),
        (r"ggi(?=[aou])|gi(?=[aou])", "J"), (r"gg(?=[ei])|g(?=[ei])", "J"), (r"ch", "K"), (r"gh", "G"),
        (r"qu", "KW"), (r"zz|z", "TS"), (r"c", "K"), (r"h", ""), (r"j", "Y"), (r"x", "KS"),
        (r"si", "SHI"),
    ),
    "spanish": (
        (r"ll", "Y"), (r"qu", "K"), (r"gu(?=[ei])", "G"), (r"j|g(?=[ei])", "H"), (r"z|c(?=[ei])", "S"),
        (r"ch", "CH"), (r"c", "K"), (r"h", ""), (r"x", "H"), (r"si", "SHI"), (r"y$", "I"),
    ),
}

# Korean hangul, as namerec's loanword reading gives it back (hangul.py: the eu Korean adds to
# consonant clusters dropped): f is p, v b, z and j j, th s, sh sy, an English final -er or -or eo
# (Christopher, keuriseutopeo -> kristopeo); soft g and c, a long a and a silent w as in katakana
# (George, joji; Baker, beikeo; Wood, udeu), a final ts or -tes ch (Roberts, robeocheu; Gates,
# geicheu), and -ur, -ore, -oor(e) and air as in katakana, with eo for a (Arthur, aseo; Moore, mueo;
# Blair, beulleeo). l and r are folded afterwards (``_FOLDS``), and eo and ae read as a
# (``_HANGUL_VOWELS``).
_HANGUL: dict[str, tuple[tuple[str, str], ...]] = {
    "english": (
        (r"^ma?c(?=[^aeiou])", "MAK"), (r"ough", "O"), (r"igh", "AI"), (r"ugh(?=es$|$)", "YU"), (_WR, "R"),
        (r"^kn", "N"), (r"tch", "CH"), (r"ts$", "CH"), (r"ck", "K"), (r"ph", "P"), (r"t?th", "S"),
        (r"sch(?=[^aeiou])", "SYU"), (r"sch", "SY"), (r"sh$", "SI"), (r"sh", "SY"), (r"ch(?=r)", "K"),
        (r"ch", "CH"), (r"^w(?=oo)", ""), (r"oore?$", "UEO"), (r"oo", "U"), (r"ee|ea", "I"), (r"air", "EEO"),
        (r"ai|ay|ey$", "EI"), (r"aw", "O"), (r"ow(?=a)", "AW"), (r"ow", "AU"), (r"ew", "YU"), (_ALL, "OR"),
        (r"alk", "OK"), (r"alt", "ORT"), (r"(?<=w)a(?=l[^aeiouy])", "O"), (r"ore$", "OEO"), (r"ds$", "J"),
        (r"a(?=[^aeiouy]es?$)", "EI"), (r"i(?=[^aeiouy]es?$)", "AI"), (r"o(?=[^aeiouy]es?$)", "O"),
        (r"tes$", "CH"),
        (r"a(?=[b-df-hj-np-qs-tv-xz](?:er|y|ie)$)", "EI"), (r"geor(?=[^aeiouy])", "JO"), (r"d?ge$", "JI"),
        (r"j|g(?=[eiy])", "J"), (r"c(?=[eiy])", "S"),
        (r"(?<=[^aeiouy])le$", "L"), (r"(?<=..)e$", ""), (r"[eoau]r$", "EO"),
        (r"[eiu]r(?=[^aeiouy])", "EO"), (r"(?<=[aeiou])r(?=[^aeiouy])", ""), (r"(?<=[^aeiouy])es$", "S"),
        (r"(?<=[aeiou])w(?![aeiouy])", ""), (r"c", "K"),
        (r"qu", "KW"), (r"x", "KS"), (r"f", "P"), (r"v", "B"), (r"z", "J"), (r"^h", "H"), (r"h", ""),
        (r"^y(?=[aeiouAEIOU])", "Y"), (r"y", "I"),
    ),
    "german": (
        (r"tsch", "CH"), (r"sch(?=[^aeiou])", "SYU"), (r"sch", "SY"), (r"(?<=[aou])ch", "H"),
        (r"ch", "HI"), (r"ck", "K"), (r"dt$", "T"), (r"tz|z", "CH"), (r"ei|ey|ai|ay", "AI"), (r"eu", "OI"),
        (r"ie", "I"), (r"ph|f|v", "P"),
        (r"th", "T"), (r"qu", "KB"), (r"x", "KS"), (r"er$", "EO"), (r"^h", "H"), (r"h", ""), (r"j", "Y"),
        (r"w", "B"), (r"s(?=[aeiou])", "J"), (r"y", "WI"),
    ),
    "french": (
        (r"eaux?", "O"), (r"aux?$", "O"), (r"au", "O"), (r"oi", "WA"), (r"ou", "U"), (r"eu", "EO"),
        (r"ai|ei", "E"), (r"ill(?=e)", "Y"), (r"ch", "SY"), (r"gn", "NY"), (r"qu", "K"),
        (r"gu(?=[ei])", "G"), (r"g(?=[eiy])|j", "J"), (r"c(?=[eiy])", "S"), (r"c", "K"),
        (r"ph|f", "P"), (r"th", "T"), (r"h", ""), (r"w|v", "B"), (r"es$", ""), (r"ent$", ""),
        (r"er$", "E"), (r"ez$", "E"), (r"(?<=.)[tdsxz]$", ""), (r"(?<=..)e$", ""),
        (r"(?<![aeiouAEIOU])u(?![aeiouyn])", "WI"), (r"z", "J"), (r"y", "I"),
    ),
    "italian": (
        (r"gli", "LLI"), (r"gn", "NY"), (r"sci(?=[aou])", "SY"), (r"sc(?=[ei])", "SY"),
        (r"cci(?=[aou])|ci(?=[aou])", "CH"), (r"cc(?=[ei])|c(?=[ei])", "CH"),
        (r"ggi(?=[aou])|gi(?=[aou])", "J"), (r"gg(?=[ei])|g(?=[ei])", "J"), (r"ch", "K"), (r"gh", "G"),
        (r"qu", "KW"), (r"zz|z", "CH"), (r"c", "K"), (r"h", ""), (r"j", "Y"), (r"x", "KS"), (r"v", "B"),
        (r"f", "P"),
    ),
    "spanish": (
        (r"ll", "Y"), (r"qu", "K"), (r"gu(?=[ei])", "G"), (r"j|g(?=[ei])", "H"), (r"z|c(?=[ei])", "S"),
        (r"ch", "CH"), (r"c", "K"), (r"h", ""), (r"x", "H"), (r"v", "B"), (r"f", "P"), (r"y$", "I"),
    ),
}

# Chinese characters are read back much as katakana (the Japanese rules serve), but Chinese writes
# an English final -er, -or or -ar as the consonant before it with e, where Japanese writes a (Taylor
# 泰勒 tai-le, Miller 米勒 mi-le; テイラー teira, ミラー mira), English ay as ai (泰 tai), air as ai-er
# (Blair 布莱尔 bu-lai-er), a final -oor(e) as o-er (Moore 摩尔 mo-er), and tew as tu where Japanese
# writes chu (Stewart 斯图尔特 si-tu-er-te; スチュワート).
# Each replaces the katakana rule of the same pattern (tests check that every one still exists).
_CHINESE_INSTEAD_OF_KANA = {
    r"[eoau]r$": (r"[eoau]r$", "E"), r"ai|ay|ey$": (r"ai|ay", "AI"), r"air": (r"air", "AIER"),
    r"oore?$": (r"oore?$", "OER"), r"ore$": (r"ore$", "O"), r"tew(?=[aeiou])": (r"tew", "TU"),
    r"tew|tu(?=[aeiou])": (r"tu(?=[aeiou])", "TU"),
}
_ENGLISH_IN_CHINESE = tuple(
    _CHINESE_INSTEAD_OF_KANA.get(pattern, (pattern, replacement)) for pattern, replacement in _KANA["english"]
)
_HAN = {**_KANA, "english in chinese": _ENGLISH_IN_CHINESE}

# Russian writes English w as у (Уильям, Уайт); Arabic, Persian, Hebrew, Devanagari and Thai write
# it with their consonant letter for w or v (ویلیام, וויליאם, विलियम, วิลเลียม), which their readings
# give back as w or v: there the English spelling keeps the w (Obama / أوباما, Danville / دنویل,
# Walker / واکر joined). Bengali writes it as a vowel (উইলসন, Wilson), as Russian does: the other
# Brahmic scripts keep the Russian rules.
_W_AS_U = ((r"^w", "U"), (r"(?<=[^aeiou])w(?=[aeiou])", "U"))
_ENGLISH_KEEPING_W = tuple(
    (pattern, "W") if (pattern, replacement) in _W_AS_U else (pattern, replacement)
    for pattern, replacement in _RUSSIAN["english"]
)
_SOUND_SCRIPTS = {**_RUSSIAN, "english": _ENGLISH_KEEPING_W}

_RULES: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "cyrillic": _RUSSIAN, "greek": _GREEK, "kana": _KANA, "hangul": _HANGUL, "han": _HAN,
    "arabic": _SOUND_SCRIPTS, "hebrew": _SOUND_SCRIPTS, "devanagari": _SOUND_SCRIPTS, "indic": _RUSSIAN,
    "thai": _SOUND_SCRIPTS,
}
#: Per script whose transcriptions of Latin names are spelt, the source languages, in the order tried.
LANGUAGES: dict[str, tuple[str, ...]] = {script: tuple(rules) for script, rules in _RULES.items()}
TRANSCRIBED_SCRIPTS: tuple[str, ...] = tuple(_RULES)
_LOOKAROUND = re.compile(r"\(\?<?[=!][^)]*\)|\[[^]]*\]|[a-z]\?|[\^$.]")


def _trigger(pattern: str) -> str:
    """Letters every match of ``pattern`` contains ("" when it has alternatives): a rule whose
    trigger is not in a word cannot change it, and ``in`` is much cheaper than a search."""
    if "|" in pattern:
        return ""
    runs = re.findall(r"[a-z]+", _LOOKAROUND.sub(" ", pattern))
    return max(runs, key=len, default="")


def _rules(pattern: str, replacement: str) -> list[tuple[str, object, str]]:
    """(trigger, pattern, replacement) for each rule a pattern makes: plain alternatives apply one
    after the other ("ee|ea"), which is the same as one alternation as replacements are capitals;
    a pattern of plain letters is kept as a string, for ``str.replace``, which is several times
    faster than a regular expression."""
    if "|" in pattern and "(" not in pattern:
        return [rule for alternative in pattern.split("|") for rule in _rules(alternative, replacement)]
    plain = re.fullmatch(r"[a-z]+", pattern) is not None
    return [(_trigger(pattern), pattern if plain else re.compile(pattern), replacement)]


_COMPILED = {
    script: {language: tuple(compiled for rule in rules for compiled in _rules(*rule))
             for language, rules in languages.items()}
    for script, languages in _RULES.items()
}
_DOUBLED_VOWELS = ("aa", "ee", "ii", "oo", "uu")
# Letters a script writes alike, folded in both the spellings and the written name's readings before
# they are compared: katakana and hangul have one letter for l and r, Japanese writes v as b as
# often as with ヴ, Korean has no f or v; both double consonants where the source has one (ッ, ㄹㄹ).
# Japanese writes an English s sounded z (Jones, jonzu; Edwards) as z: katakana folds z as s.
# Chinese transcription writes p and b, t and d, k and g alike (彼得 bide, Peter; 杜邦 dubang, Dupont;
# 波哥大 bogeda, Bogota): Peter / 彼得 0.02 -> 0.92, Dupont / 杜邦 0.35 -> 0.88, Bogota / 波哥大 (place
# lexicon off) 0.62 -> 0.96; probes and lexicon-place pools did not move.
# (Arabic, Hebrew, the Brahmic scripts and Thai fold sounds rather than letters: ``_SOUNDS``.)
_FOLDS = {
    "kana": str.maketrans("lvz", "rbs"),
    "han": str.maketrans("lvbdg", "rpptk"),
    "hangul": str.maketrans("lfvz", "rpbj"),
}
# The vowels katakana adds that the loanword reading keeps (kana.py drops o after t and d only
# before r, as elsewhere it is as often real): o after t or d before another consonant (ロバートソン
# robatoson, Robertson), and the u of a final tsu (ロバーツ robatsu, Roberts). Dropped on both sides.
_KANA_VOWELS = re.compile(r"(?<=[td])o(?=[bcdfghjkmnpqstvwxz])|(?<=ts)u\b")
_DOUBLE_VOWEL = re.compile(r"([aeiou])\1+")
# Korean writes an English unstressed vowel and a final -er alike as eo (조던 jodeon, Jordan; 에번스
# ebeonseu, Evans; 크리스토퍼 kristopeo): both sides read it as a, as the spellings write most such
# vowels. It writes English short a as ae (잭슨 jaekseun, Jackson): the readings read that as a too,
# but not the spellings, whose ae is the Latin name's own (Michael, 마이클).
_HANGUL_VOWELS = re.compile(r"eo")
_HANGUL_SHORT_A = re.compile(r"ae")
_DOUBLE_LETTER = re.compile(r"([a-z])\1+")


def _spell(word: str, script: str) -> tuple[str, ...]:
    spellings = []
    for rules in _COMPILED[script].values():
        spelt = word
        for trigger, pattern, replacement in rules:
            if trigger in spelt:
                spelt = (spelt.replace(pattern, replacement) if type(pattern) is str
                         else pattern.sub(replacement, spelt))
        spelt = spelt.lower()
        if script in _FOLDED:
            spelt = folded(spelt, script)
        elif script == "greek":  # Greek mostly writes a doubled letter once
            spelt = _DOUBLE_LETTER.sub(r"\1", spelt)
        elif any(doubled in spelt for doubled in _DOUBLED_VOWELS):
            spelt = _DOUBLE_VOWEL.sub(r"\1", spelt)
        spellings.append(spelt)
    return tuple(spellings)


# Per script, the spellings of the words met so far (filled ahead by ``spell_words`` in large pools).
_SPELT: dict[str, WordCache[tuple[str, ...]]] = {
    script: WordCache(partial(_spell, script=script), 1 << 18) for script in _RULES
}


def folded(text: str, script: str) -> str:
    """``text`` (a reading of a name written in ``script``, or a spelling for it) with the letters
    that script writes alike folded and doubled letters written once; other scripts unchanged."""
    if script in _SOUNDS_OF:
        return " ".join(_sounds(word, script) for word in text.split())
    if script in _FOLDS:
        if script == "hangul":
            text = _HANGUL_VOWELS.sub("a", text)
        text = _DOUBLE_LETTER.sub(r"\1", text.translate(_FOLDS[script]))
        return _KANA_VOWELS.sub("", text) if script == "kana" else text
    return text


# Arabic and Hebrew write a foreign name by its sound with its consonants and long vowels; which
# vowels count as long, and which letter stands for p, v, g or ch, varies from one writer to the
# next. Their folding writes the sounds both spellings share alike (p as b, v and w as f, the
# sibilants sh, ch, ts, z as s, kh as h; e as i, o as u), and their ``comparison_key`` keeps only
# what both agree on: the consonants, a vowel at the start (alef) and one at the end of a word.
# Devanagari writes every vowel, but a foreign name's vowels by ear (Jackson जैक्सन jaiksan, Walker
# वॉकर vokar): it is compared the same way, with its own folding (aspirates as plain stops, w as v,
# z as j, which Hindi often writes for it).
# Replacements in capitals (C for the one letter of ch and j) are lowered after every rule has run,
# so that a later rule (c as k) cannot touch them.
_SOUNDS = {
    "abjad": (("dzh", "j"), ("tsh", "s"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "s"),
              ("ts", "s"), ("th", "t"), ("ph", "f"), ("gh", "g"), ("ck", "k"), ("q", "k"),
              ("c", "k"), ("x", "ks"), ("z", "s"), ("p", "b"), ("v", "f"), ("w", "f"),
              ("e", "i"), ("y", "i"), ("o", "u")),
    "indic": (("dzh", "j"), ("zh", "j"), ("chh", "C"), ("ch", "C"), ("kh", "k"), ("gh", "g"),
              ("jh", "j"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("bh", "b"), ("ck", "k"),
              ("q", "k"), ("c", "k"), ("x", "ks"), ("z", "j"), ("w", "v"), ("e", "i"), ("y", "i"),
              ("o", "u")),
    "thai": (("dzh", "C"), ("zh", "C"), ("tsh", "C"), ("sh", "C"), ("ch", "C"), ("j", "C"), ("kh", "k"),
             ("th", "t"), ("ph", "p"), ("g", "k"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"),
             ("z", "s"), ("v", "w"), ("e", "i"), ("y", "i"), ("o", "u")),
}
# The other Brahmic scripts of India are read with the same table as Devanagari; Tamil has one letter
# for k and g, t and d, p and b, so there voicing is folded too, and Bengali writes v as bh (ভ).
_SOUNDS["brahmic"] = (*_SOUNDS["indic"], ("v", "b"), ("b", "p"), ("d", "t"), ("g", "k"))
_SOUNDS_OF = {"arabic": "abjad", "hebrew": "abjad", "devanagari": "indic", "indic": "brahmic", "thai": "thai"}
#: Scripts compared on ``comparison_key`` (consonants and a word's first and last vowel), not whole.
KEYED_SCRIPTS: frozenset[str] = frozenset(_SOUNDS_OF)
#: Scripts that write a foreign name by ear, syllable by syllable, and a place's name of several words
#: as one word (サンルイスオビスポ, San Luis Obispo).
SYLLABIC_SCRIPTS: frozenset[str] = frozenset({"kana", "hangul", "han"})
# Scripts whose spellings and readings are folded before they are compared (``folded``).
_FOLDED = frozenset(_FOLDS) | KEYED_SCRIPTS
_FINAL_VOWEL_LETTER = re.compile(r"(?<=[aiu])h$")  # a final h after a vowel is that vowel's letter
_INNER_VOWELS = re.compile(r"(?<=.)[aiu]+(?=.)")


# Persian (and Arabic, for some names) write a vowel before an initial s and consonant (اسمیت
# "asmit", Smith; استکهلم, Stockholm): it is dropped on both sides.
_PROTHETIC_VOWEL = re.compile(r"^[aiu](?=s[^aiu])")


def _sounds(word: str, script: str) -> str:
    for sound, letter in _SOUNDS[_SOUNDS_OF[script]]:
        word = word.replace(sound, letter)
    word = _DOUBLE_LETTER.sub(r"\1", _FINAL_VOWEL_LETTER.sub("", word.lower()))
    return _PROTHETIC_VOWEL.sub("", word) if _SOUNDS_OF[script] == "abjad" else word


def _skeleton(word: str) -> str:
    if word[:1] in ("a", "i", "u"):
        word = "a" + word[1:]
    return _INNER_VOWELS.sub("", word)


def comparison_key(text: str, script: str) -> str:
    """What of a folded reading or spelling (``folded``) is compared: all of it, but for the
    ``KEYED_SCRIPTS`` (Arabic, Hebrew, the Brahmic scripts, Thai) only the consonants and a word's
    first and last vowel, which both spellings write alike."""
    if script not in KEYED_SCRIPTS:
        return text
    return " ".join(_skeleton(word) for word in text.split())


def _spelt_word(word: str, script: str) -> tuple[str, ...]:
    """The word's spelling by the rules of each language of ``LANGUAGES[script]`` (cached)."""
    return _SPELT[script][word]


def spell_words(words: Iterable[str], script: str, workers: int) -> None:
    """Spell ``words`` for ``script`` over ``workers`` processes ahead of use, into the cache every
    later call reads (as :func:`namerec.phonetic.code_words` does for phonetic codes)."""
    fill_ahead([_SPELT[script]], words, workers)


def transcriptions(text: str, script: str = "cyrillic") -> dict[str, str]:
    """Per source language, how a transcription of ``text`` (a normalised Latin name: lower-case
    ASCII words) into ``script`` ("cyrillic", as Russian writes it, or "greek") reads back in
    namerec's romanisation of that script."""
    return dict(zip(LANGUAGES[script], spellings_of(text, script)))


@lru_cache(maxsize=1 << 17)
def spellings_of(text: str, script: str) -> tuple[str, ...]:
    """``transcriptions(text, script)``'s values, in the order of ``LANGUAGES[script]`` (cached: the
    pipeline asks for a name's spellings once per pair it is in)."""
    words = text.split()
    if len(words) <= 1:
        return _spelt_word(words[0], script) if words else ("",) * len(LANGUAGES[script])
    return tuple(map(" ".join, zip(*(_spelt_word(word, script) for word in words))))


def compared_readings(name, script: str, forms: int = 4) -> list[str]:
    """The readings of ``name`` (a NormalizedName written in ``script``) that the spellings of a
    Latin name are compared with: its primary form for Cyrillic and Greek, whose romanisation the
    spellings are written for; for kana and hangul its first ``forms`` forms (the loanword reading is
    a variant), folded as the spellings are, padded with "" to ``forms``."""
    if script not in _FOLDED:
        return [name.text]
    texts = (name.text, *name.variants[: forms - 1])
    if script == "hangul":
        texts = tuple(_HANGUL_SHORT_A.sub("a", text) for text in texts)
    readings = list(dict.fromkeys(folded(text, script) for text in texts))
    return readings + [""] * (forms - len(readings))
