"""Step 3: Cyrillic tables and language guessing, Greek, anyascii, and script detection."""

from __future__ import annotations

import pytest

from namerec.normalize import normalize_name, normalize_text
from namerec.normalize.cyrillic import guess_language, readings, romanize
from namerec.normalize.greek import romanize_greek
from namerec.normalize.palladius import looks_chinese, pinyin
from namerec.normalize.translit import dominant_script, transliterate


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Зеленский", "ru"),  # nothing decides: Russian
        ("Володимир Зеленський", "uk"),  # -ський
        ("Київ", "uk"),  # ї
        ("Ґонґадзе", "uk"),  # ґ
        ("Лукашэнка", "ru"),  # э without і: read as Russian
        ("Беларусі Лукашэнка", "be"),  # і with э
        ("Аляксандр Лукашэнка Ўладзіміравіч", "be"),  # ў
        ("Ђоковић", "sr"),
        ("Љубиша", "sr"),
        ("Ѓорѓе Ќосе", "mk"),
        ("Ъглен", "ru"),  # ъ only counts inside a word
        ("Пъстър", "bg"),
        ("Съединение", "bg"),
        ("Объект Ёлкин", "ru"),  # ё is Russian; it wins over ъ
    ],
)
def test_guess_language(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("text", "language", "latin"),
    [
        ("Щерба", "ru", "Shcherba"),
        ("Щерба", "bg", "Shterba"),
        ("Щерба", "uk", "Shcherba"),
        ("Зеленский", "ru", "Zelenskiy"),
        ("Зеленський", "uk", "Zelenskyi"),
        ("Володимир", "uk", "Volodymyr"),
        ("Юрій Єхануров", "uk", "Yurii Yekhanurov"),  # initial є ю, final й
        ("Згурський", "uk", "Zghurskyi"),  # зг -> zgh
        ("Мар'яна", "uk", "Mar'iana"),  # я after an apostrophe is not word-initial
        ("Хрущёв", "ru", "Khrushchev"),
        ("Горбачёв", "press", "Gorbachyov"),
        ("Ельцин", "press", "Yeltsin"),
        ("Достоевский", "press", "Dostoevsky"),
        ("България", "bg", "Balgaria"),  # ъ -> a, final -ия -> ia
        ("Христо Стоичков", "bg", "Hristo Stoichkov"),
        ("Ђоковић", "sr", "Djokovic"),
        ("Љубиша Њеш", "sr", "Ljubisa Njes"),
        ("Џуџевић", "sr", "Dzudzevic"),
        ("Ѓорѓе Ќосе", "mk", "Gjorgje Kjose"),
        ("Џеват", "mk", "Dzhevat"),
        ("Аляксандр Лукашэнка", "be", "Alyaksandr Lukashenka"),
        ("Ўладзімір", "be", "Uladzimir"),
        ("ЩЕРБА", "ru", "ShchERBA"),  # case kept per letter; step 4 folds it
    ],
)
def test_romanize_tables(text: str, language: str, latin: str) -> None:
    assert romanize(text, language) == latin


def test_every_table_reads_every_alphabet() -> None:
    """A letter from another alphabet still becomes Latin (no Cyrillic survives any table)."""
    letters = "абвгґдђѓеёєжзѕиіїйјклљмнњопрстћќуўфхцчџшщъыьэюя"
    for language in ("ru", "uk", "bg", "sr", "mk", "be", "press", "foreign"):
        latin = romanize(letters + letters.upper(), language)
        assert latin.isascii(), (language, latin)


def test_readings_offer_other_tables_as_alternatives() -> None:
    assert readings("Зеленский") == ("Zelenskiy", "Zelenski", "Zelenskyi", "Zelensky")
    assert readings("Щерба", "bg") == ("Shterba", "Shcherba")
    # With evidence of Ukrainian only the Russian habit and the press spelling remain.
    assert readings("Зеленський") == ("Zelenskyi", "Zelenskiy", "Zelensky")


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Джонстон", "Jonston"),  # дж -> j
        ("Уильямс", "Wiliams"),  # у before a vowel at the start -> w
        ("Рейнхарт", "Reinhart"),
        ("Александр", "Alexandr"),  # кс -> x
        ("Сильвия", "Silvia"),
        ("Вишневский", "Vishnevski"),  # -ий -> -i, the Polish and English habit
        # Words made only of Japanese syllables are read back from Polivanov to Hepburn.
        ("Нисидзи", "Nishiji"),
        ("Тюбати", "Chubachi"),
        ("Сёдзю", "Shoju"),
        ("Цутому", "Tsutomu"),
        ("Йоккаити", "Yokkaichi"),  # a doubled consonant is a geminate; йо at the start is yo
        ("Хаттори", "Hattori"),
    ],
)
def test_foreign_reading_undoes_russian_transcription(cyrillic: str, latin: str) -> None:
    assert romanize(cyrillic, "foreign") == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Си Цзиньпин", "Xi Jinping"),
        ("Мао Цзэдун", "Mao Zedong"),
        ("Дэн Сяопин", "Deng Xiaoping"),  # one syllable alone is read as Chinese
        ("Чжан", "Zhang"),
        ("Сюй", "Xu"),
        ("Шанхай", "Shanghai"),
        ("Иван Петров", "Ivan Petrov"),  # not Chinese syllables: the Western reading
    ],
)
def test_foreign_reading_reads_palladius_as_pinyin(cyrillic: str, latin: str) -> None:
    assert romanize(cyrillic, "foreign") == latin


def test_palladius_syllables() -> None:
    assert pinyin("Цзиньтао") == "Jintao"
    assert pinyin("Гуанчжоу") == "Guangzhou"
    assert pinyin("Иванов") is None
    assert looks_chinese("Чжоу") and looks_chinese("Ли")
    assert not looks_chinese("Анна")  # parses (ан-на) but nothing Chinese about it


def test_foreign_reading_is_offered_for_russian_spellings() -> None:
    assert "Jonston" in readings("Джонстон")
    assert "Zelenski" not in readings("Зеленський")  # Ukrainian evidence: no foreign reading


def test_cyrillic_names_through_the_whole_normaliser() -> None:
    n = normalize_name("Зеленский")
    assert n.text == "zelenskiy"
    assert n.script == "cyrillic"
    assert "zelenskyi" in n.variants and "zelensky" in n.variants
    assert normalize_text("Володимир Зеленський") == "volodymyr zelenskyi"
    assert normalize_text("Щерба", cyrillic_language="bg") == "shterba"
    assert normalize_text("Щерба") == "shcherba"
    assert "shterba" in normalize_name("Щерба").variants
    bg = normalize_name("Щерба", cyrillic_language="bg")
    assert (bg.text, bg.variants) == ("shterba", ("shcherba",))


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Αλέξης Τσίπρας", "Alexis Tsipras"),
        ("Κυριάκος Μητσοτάκης", "Kyriakos Mitsotakis"),
        ("Γιάννης Αντετοκούνμπο", "Giannis Antetokounmpo"),
        ("Ευάγγελος", "Evangelos"),
        ("Ψυχάρης", "Psycharis"),
        ("ΘΕΟΔΩΡΑΚΗΣ", "ThEODORAKIS"),
    ],
)
def test_greek(greek: str, latin: str) -> None:
    assert romanize_greek(greek) == latin


def test_greek_keeps_latin_diacritics_for_step5() -> None:
    assert romanize_greek("Zoë Αλέξης") == "Zoë Alexis"


def test_other_scripts_go_through_anyascii() -> None:
    assert normalize_text("محمد") == "mhmd"  # own table (no vowel letters to keep here)
    assert normalize_text("東京") == "dongjing"
    assert normalize_text("김정은") == "gimjeongeun"
    assert normalize_text("नरेन्द्र मोदी") == "narendra modi"  # own reader: inherent vowels, schwa deletion
    assert normalize_text("בנימין נתניהו") == "bnimin ntniho"  # own table: vowel letters kept
    assert normalize_text("ひらがな") == "hiragana"
    assert normalize_text("٣") == "3"  # Arabic-Indic digit


def test_chinese_name_gets_a_surname_split_variant() -> None:
    assert transliterate("习近平") == ("XiJinPing", "Xi JinPing")
    n = normalize_name("习近平")
    assert (n.text, n.variants) == ("xijinping", ("xi jinping",))


def test_greek_japanese_and_korean_foreign_names_get_their_original_consonants_as_variants() -> None:
    assert normalize_name("Ταμπρίζ").variants == ("tabriz",)  # μπ read as b
    assert normalize_name("バスラ").variants == ("basra", "basla")  # the u after s is the script's; r or l
    assert normalize_name("스웨덴").variants[0] == "sweden"  # and eu after s in hangul


def test_a_short_korean_name_is_read_as_surname_and_given_name() -> None:
    n = normalize_name("김정은")
    assert n.text == "gimjeongeun" and "kim jeongeun" in n.variants
    assert "kim jongun" in n.variants  # the given name's eo and eu as older spellings write them
    assert "lee myungbak" in normalize_name("이명박").variants
    # First among the variants, which are all the readings step tries: the press's spelling with the
    # given name's syllables apart, as a hyphenated Latin spelling normalises (Kim Jong-un).
    assert n.variants[:3] == ("kim jung eun", "kim jeong eun", "kim jong un")


def test_latin_text_is_left_for_step5() -> None:
    assert transliterate("Bērziņa") == ("Bērziņa",)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("John Smith", "latin"),
        ("Kristīne Bērziņa", "latin"),
        ("Владимир Putin", "cyrillic"),
        ("Αλέξης", "greek"),
        ("محمد", "arabic"),
        ("בנימין", "hebrew"),
        ("习近平", "han"),
        ("ひらがな", "kana"),
        ("김정은", "hangul"),
        ("नरेन्द्र", "devanagari"),
        ("เชียงราย", "thai"),
        ("கமல் ஹாசன்", "indic"),  # the Brahmic scripts of India besides Devanagari
        ("রবীন্দ্রনাথ", "indic"),
        ("ግዕዝ", "other"),  # Ethiopic
        ("123 !!", "none"),
        ("", "none"),
        ("ab вг", "latin"),  # a tie goes to the script listed first
    ],
)
def test_dominant_script(text: str, script: str) -> None:
    assert dominant_script(text) == script


def test_georgian_names_get_a_reading_without_the_nominative_ending() -> None:
    # Georgian adds -i to a name ending in a consonant: სმიტი is Smith, ჯონსონი Johnson
    assert transliterate("სმიტი") == ("smit'i", "smit'")  # ' marks the ejective t, dropped later
    assert "jonson" in transliterate("ჯონსონი")
    assert len(transliterate("ნინო")) == 1  # no ending, no second reading


def test_a_chinese_family_name_in_han_is_read_as_a_family_name() -> None:
    # anyascii reads 曾 "ceng" and 薄 "bao"; as family names they are Zeng and Bo.
    from namerec.normalize import normalize_name
    from namerec.normalize.translit import han_surname_reading

    assert "zeng guofan" in normalize_name("曾国藩", "PERSON").variants
    assert "bo yibo" in normalize_name("薄一波").variants
    assert han_surname_reading("曾") == "zeng" and han_surname_reading("李") == "li"
    # A place's first character is no family name.
    assert "dan xian" in normalize_name("单县", "LOC").variants
