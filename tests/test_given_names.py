import json
import re
from importlib import resources

from namerec.given_names import are_nicknames, nickname_groups, spelling_groups, spelt_names
from namerec.normalize import normalize_text


def test_english_nicknames():
    assert are_nicknames("bill", "william")
    assert are_nicknames("peggy", "margaret")


def test_short_forms_the_nicknames_package_lacks():
    assert are_nicknames("kat", "katherine")  # Kat Dennings
    assert are_nicknames("laurie", "lawrence")  # Laurie Lee


def test_forms_of_one_name_across_languages():
    assert are_nicknames("ian", "john")
    assert are_nicknames("giovanni", "ivan")
    assert are_nicknames("gwilym", "william")
    assert are_nicknames("yusuf", "joseph")


def test_pet_forms_in_other_languages():
    assert are_nicknames("sasha", "aleksandr")
    assert are_nicknames("pepe", "jose")
    assert are_nicknames("paco", "francisco")
    assert are_nicknames("dima", "dmitri")
    assert are_nicknames("grete", "margarethe")


def test_british_and_welsh_pet_forms():
    for name, pet in [("agnes", "nessie"), ("hugh", "huey"), ("hugh", "huw"), ("richard", "ritchie"),
                      ("edward", "iorwerth"), ("moses", "mo"), ("maurice", "mo"),
                      ("henrietta", "harriet"),  # Harriet is the English form of Henriette
                      ("margaret", "may")]:
        assert are_nicknames(name, pet), (name, pet)
    assert not are_nicknames("harriet", "harry")  # a woman's name, not Henry's pet form
    assert not are_nicknames("margaret", "mary")  # May, a pet form of both, does not join them
    assert not are_nicknames("moses", "maurice")  # one pet form of two names does not make them one


def test_a_short_name_standing_for_several_names_does_not_make_them_one():
    # The package gives bill its own entry listing fred, robert and william: William is not Robert.
    assert not are_nicknames("william", "robert")
    assert not are_nicknames("caroline", "charlotte")  # through "chick"
    assert not are_nicknames("arabella", "isabella")  # through "bella"
    assert are_nicknames("alexander", "sandy")  # a long name's own short forms stay its own


def test_a_compound_of_two_names_of_their_own_does_not_make_them_one() -> None:
    # The package lists Rose and Mary (and Marie) under Rosemary; each is Rosemary's, not the other's.
    assert not are_nicknames("mary", "rose") and not are_nicknames("marie", "rose")
    assert are_nicknames("rose", "rosemary") and are_nicknames("mary", "rosemary")
    assert are_nicknames("rosey", "rosemary")
    # Eliza and Beth list Elizabeth back: they are its nicknames, and so one another's.
    assert are_nicknames("liz", "beth")


def test_names_the_package_lists_but_usage_does_not_are_left_out() -> None:
    # The package lists Bill and Billy under Robert too; they are William's.
    assert not are_nicknames("bill", "robert") and not are_nicknames("bill", "bob")
    assert are_nicknames("bill", "william") and are_nicknames("bob", "robert")


def test_pet_forms_spelt_freely():
    assert are_nicknames("aggie", "agnes")  # the lexicon knows Aggy
    assert are_nicknames("artie", "arthur")  # a pet ending on the short form Art
    assert are_nicknames("bobbi", "robert")  # -i after a doubled letter
    assert are_nicknames("freddie", "alfred")


def test_pet_endings_do_not_make_names_alike():
    assert not are_nicknames("ali", "alfred")  # -i alone is no pet ending
    assert not are_nicknames("murphy", "murray")
    assert nickname_groups("smithy") == ()


def test_a_rarer_spelling_of_a_known_name_has_its_groups():
    """Katharine, unknown to the lexicons, is one letter from Katherine: spelt so, Kate's name too."""
    assert nickname_groups("katharine") == ()  # the lexicons themselves are left as they are
    assert set(spelling_groups("katharine")) & set(nickname_groups("kate"))
    assert spelling_groups("katherine") == nickname_groups("katherine")


def test_spelling_neighbours_need_a_long_word_one_edit_away_with_its_first_letter():
    assert spelling_groups("jonh") == ()  # four letters: too short to tell
    assert spelling_groups("xatherine") == ()  # another first letter
    assert spelling_groups("katharyne") == ()  # two edits from Katherine
    assert spelling_groups("xqzvwk") == ()


def test_spelt_names_are_the_known_names_an_unknown_word_may_spell():
    assert spelt_names("katharine") == ("katharina", "katherine")
    assert spelt_names("katherine") == ()  # known: it stands for itself
    assert spelt_names("jonh") == spelt_names("xatherine") == ()


def test_different_names_are_not_equivalent():
    assert not are_nicknames("max", "ingrid")
    assert not are_nicknames("john", "mary")
    assert nickname_groups("xqzv") == ()


def test_equivalents_lexicon_is_already_normalised():
    raw = resources.files("namerec").joinpath("data/given_name_equivalents.json").read_text("utf-8")
    for group in json.loads(raw)["groups"]:
        for name in group:
            assert normalize_text(name) == name and " " not in name


def _lexicon(name: str) -> dict:
    return json.loads(resources.files("namerec").joinpath("data", name).read_text("utf-8"))


def test_names_written_in_other_scripts_join_their_groups() -> None:
    assert are_nicknames("mhmd", "muhammad")  # محمد as the normaliser reads it
    assert are_nicknames("yosf", "joseph")  # יוסף
    assert not are_nicknames("mhmd", "yosf")


def test_the_written_forms_file_names_known_groups_and_holds_no_latin_letters() -> None:
    firsts = {group[0] for group in _lexicon("given_name_equivalents.json")["groups"]}
    data = _lexicon("given_name_scripts.json")
    assert set(data) == {"description", "forms"} and "public-domain" in data["description"]
    for first, forms in data["forms"].items():
        assert first in firsts, first
        assert forms and all(form.strip() and not re.search("[A-Za-z]", form) for form in forms), first


def test_abbreviations_of_historical_records_meet_every_form_of_their_name() -> None:
    assert are_nicknames("wm", "william") and are_nicknames("wm", "bill")
    assert are_nicknames("thos", "tom") and are_nicknames("chas", "charlie")
    assert are_nicknames("xtopher", "christopher")
    assert not are_nicknames("wm", "walter")
    assert not are_nicknames("thos", "charles")
    # South Asian registers abbreviate Muhammad as Md (Md. Azharuddin).
    assert are_nicknames("md", "mohammed") and are_nicknames("md", "muhammad")
    assert not are_nicknames("md", "michael")


def test_the_abbreviations_file_abbreviates_known_names_in_normalised_form() -> None:
    data = _lexicon("given_name_abbreviations.json")
    for full, abbreviations in data["abbreviations"].items():
        assert nickname_groups(full), full
        for abbreviation in abbreviations:
            assert normalize_text(abbreviation) == abbreviation and abbreviation != full
            assert abbreviation[0] == full[0] or abbreviation.startswith("x"), abbreviation  # Xtopher


def test_listed_nicknames_are_direct_relations_not_siblings() -> None:
    from namerec.given_names import is_listed_nickname

    assert is_listed_nickname("margaret", "peggy") and is_listed_nickname("peggy", "margaret")
    assert is_listed_nickname("wm", "william")  # an abbreviation joins its full name's groups
    assert is_listed_nickname("ivan", "john")  # forms of one name across languages
    assert not is_listed_nickname("mary", "rose")  # both listed under Rosemary, names of their own
    assert not is_listed_nickname("john", "john")


def test_the_module_examples_hold():
    import doctest

    import namerec.given_names

    assert doctest.testmod(namerec.given_names).failed == 0


def test_given_name_gender_lists_names_borne_nearly_always_by_one_gender():
    from namerec.given_names import given_name_gender

    assert given_name_gender("gabriel") == "m"
    assert given_name_gender("aida") == "f"
    # Names borne by both, and words that are no given name, say nothing.
    assert [given_name_gender(word) for word in ("jean", "andrea", "alex", "smith", "")] == [""] * 5


def test_stored_readings_of_given_names_in_other_scripts_are_what_the_normaliser_reads_now():
    # Stale readings mean the normaliser changed: run scripts/build_script_readings.py.
    from namerec.given_names import _stored_given_name_readings, read_given_name_form
    from namerec.normalize.lexicons import load_data

    forms = {form for written in load_data("given_name_scripts.json")["forms"].values() for form in written}
    stored = _stored_given_name_readings()
    assert set(stored) == forms
    stale = [form for form in sorted(forms) if stored[form] != read_given_name_form(form)]
    assert not stale, f"{len(stale)} stale, e.g. {stale[:5]}: run scripts/build_script_readings.py"
