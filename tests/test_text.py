"""namerec.reconcile_text with the built-in extractor: spans, rules, in-document resolution."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import namerec
from namerec import InputError, MissingExtraError, TextReconciliation
from namerec.text import extract_candidates

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLE_CHECK = SHARED / "tools" / "article_check.py"


def run(text: str, **kwargs) -> TextReconciliation:
    kwargs.setdefault("extractor", "builtin")
    return namerec.reconcile_text(text, **kwargs)


def texts(result: TextReconciliation) -> list[str]:
    return [m.text for m in result.mentions]


def mention(result: TextReconciliation, text: str, nth: int = 0):
    return [m for m in result.mentions if m.text == text][nth]


def same(result: TextReconciliation, a: str, b: str) -> bool:
    return mention(result, a).entity_id == mention(result, b).entity_id


# --------------------------------------------------------------------------------------------
# spans


SAMPLES = [
    "Max Bergman met Ingrid Bergman. Bergman's film won.",
    "Kristīne Bērziņa spoke in Rīga 🙂 and Bērziņa's colleague Jānis Ozols agreed.",
    "Line one about Anna Kowalski.\r\nLine two: Kowalski’s answer\r\nwent to the Brookings Institution.",
    "„Trump has always been consistent“, said Pavel Baev of the Brookings Institution.",
    "\ufeffTabs\tand  double  spaces: Olaf   Scholz met Emmanuel Macron; Macron's aide left.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_offsets_are_code_points_into_the_text(text):
    result = run(text)
    assert result.mentions
    for m in result.mentions:
        assert text[m.start:m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)
    starts = [m.start for m in result.mentions]
    assert starts == sorted(starts)
    for a, b in zip(result.mentions, result.mentions[1:]):
        assert a.end <= b.start  # mentions never overlap


def test_offsets_after_astral_characters():
    text = "🙂🙂 Angela Merkel"
    m = run(text).mentions[0]
    assert (m.text, m.start, m.end) == ("Angela Merkel", 3, 16)


@pytest.mark.parametrize("possessive", ["'s", "’s", "'S"])
def test_possessive_is_not_part_of_the_span(possessive):
    text = f"Donald Trump spoke. Trump{possessive} allies agreed."
    m = mention(run(text), "Trump")
    assert text[m.start:m.end] == "Trump"
    assert text[m.end:m.end + len(possessive)] == possessive


def test_possessive_ends_a_name():
    result = run("We read Pavel Baev's Moscow notes and Baev's reply.")
    assert texts(result) == ["Pavel Baev", "Baev"]


def test_plural_possessive_apostrophe_is_left_out():
    text = "The Williams sisters met. Later Serena Williams' coach spoke to Venus Williams."
    result = run(text)
    assert "Serena Williams" in texts(result)
    assert all(not m.text.endswith("'") for m in result.mentions)


# --------------------------------------------------------------------------------------------
# what is a name


def test_sentence_starters_are_not_names():
    text = ("The talks ended late. Yesterday officials met again. Deeply worried, Anna Kowalski left. "
            "However, nobody answered. Loss of trust is a risk.")
    assert texts(run(text)) == ["Anna Kowalski"]


def test_lone_sentence_initial_word_needs_to_recur_inside_a_sentence():
    text = "Kowalski spoke first. The minister thanked Kowalski. Nothing else happened. Silence followed."
    result = run(text)
    assert texts(result) == ["Kowalski", "Kowalski"]


def test_sentence_initial_word_followed_by_a_name_word_is_a_name():
    text = "Janelle Dumalon wrote the report."
    assert texts(run(text)) == ["Janelle Dumalon"]


def test_sentence_may_open_with_a_spelling_variant_of_a_name():
    text = "President Volodymyr Zelensky spoke. Zelenskyy later left for Paris."
    result = run(text)
    assert texts(result) == ["Volodymyr Zelensky", "Zelenskyy"]
    assert same(result, "Volodymyr Zelensky", "Zelenskyy")


def test_demonyms_months_weekdays_and_places_are_not_mentions():
    text = ("Russian and American diplomats met in Moscow on Monday, February 12. "
            "The Europeans, the Japanese and the United States watched. Ukraine's envoy arrived in May.")
    assert texts(run(text)) == []


def test_a_month_inside_a_name_is_kept():
    result = run("Theresa May resigned. May said she was sorry.")
    assert texts(result)[0] == "Theresa May"


def test_titles_are_cut_and_mark_a_person():
    text = "Russian Deputy Foreign Minister Sergei Ryabkov said so, and Dr. Jane Smith agreed with Ms Bell."
    result = run(text)
    assert texts(result) == ["Sergei Ryabkov", "Jane Smith", "Bell"]
    assert all(m.type == "PERSON" for m in result.mentions)


def test_a_bare_office_is_not_a_name():
    assert texts(run("The Deputy Foreign Minister said nothing.")) == []


def test_acronyms_are_organisations_and_common_ones_are_not_names():
    text = "The CEO said NATO and the OSCE agreed; the US and the UK did too. GDP fell."
    result = run(text)
    assert texts(result) == ["NATO", "OSCE"]
    assert {m.type for m in result.mentions} == {"ORG"}


def test_organisation_names_keep_their_connectors():
    text = ("Max Bergman of the Stewart Center for Strategic and International Studies met Pavel Baev "
            "of the Center for the United States and Europe at the Brookings Institution, and "
            "staff of the Bank of America.")
    result = run(text)
    assert texts(result) == [
        "Max Bergman", "Stewart Center for Strategic and International Studies", "Pavel Baev",
        "Center for the United States and Europe", "Brookings Institution", "Bank of America",
    ]
    types = {m.text: m.type for m in result.mentions}
    assert types["Bank of America"] == types["Brookings Institution"] == "ORG"
    assert types["Max Bergman"] == "PERSON"


def test_and_does_not_join_two_organisations():
    result = run("Experts of the Brookings Institution and the Kremlin disagreed.")
    assert texts(result) == ["Brookings Institution", "Kremlin"]


def test_person_particles_join_names():
    text = "Crown Prince Mohammed bin Salman met Ludwig van Beethoven's heirs; later bin Salman left."
    result = run(text)
    assert texts(result) == ["Mohammed bin Salman", "Ludwig van Beethoven", "bin Salman"]
    assert same(result, "Mohammed bin Salman", "bin Salman")


def test_hyphenated_name_pairs_are_split_only_when_both_names_occur_alone():
    text = "Trump met Putin. The Trump-Putin summit was brief. Jean-Pierre Raffarin was there."
    result = run(text)
    assert texts(result) == ["Trump", "Putin", "Trump", "Putin", "Jean-Pierre Raffarin"]
    assert mention(result, "Trump", 1).start == text.index("Trump-Putin")


def test_lower_case_prefixes_and_suffixes_of_hyphenated_words_are_cut():
    text = "Angela Merkel criticised the Merkel-era rules and the anti-Merkel camp."
    assert texts(run(text)) == ["Angela Merkel", "Merkel", "Merkel"]


def test_events_and_prizes_are_not_person_names():
    assert texts(run("She won the Nobel Prize after the Cold War.")) == []


def test_title_case_headlines_do_not_glue_words_into_names():
    text = "Trump Blames Zelensky For The War\n\nDonald Trump blamed Volodymyr Zelensky on Tuesday."
    result = run(text)
    assert texts(result)[:2] == ["Trump", "Zelensky"]


# --------------------------------------------------------------------------------------------
# in-document resolution


def test_surname_joins_the_full_name():
    result = run("Pavel Baev of the Brookings Institution spoke. Baev explains the war. Later Baev left.")
    baev = [m for m in result.mentions if "Baev" in m.text]
    assert len({m.entity_id for m in baev}) == 1
    assert {m.canonical for m in baev} == {"Pavel Baev"}
    assert all(m.type == "PERSON" for m in baev)


def test_common_surname_still_joins_the_one_full_name_of_the_document():
    result = run("Dr. Jane Smith wrote the report. Smith says growth will slow.")
    assert same(result, "Jane Smith", "Smith")
    assert mention(result, "Smith").confidence >= 0.5


def test_given_name_alone_joins_the_full_name():
    result = run("Foreign Minister Faisal bin Farhan spoke. Later Prince Faisal met the envoy.")
    assert same(result, "Faisal bin Farhan", "Faisal")


def test_two_bergmans_leave_a_bare_bergman_unresolved():
    text = "Max Bergman met Ingrid Bergman at the festival. Bergman said the film was great."
    result = run(text)
    bare = mention(result, "Bergman")
    full = {mention(result, "Max Bergman").entity_id, mention(result, "Ingrid Bergman").entity_id}
    assert bare.entity_id not in full
    assert bare.confidence < 0.2
    assert mention(result, "Max Bergman").entity_id != mention(result, "Ingrid Bergman").entity_id


def test_spelling_variants_of_one_person_are_one_entity():
    text = ("Christine Bertsina of the German Marshall Fund spoke. According to Bertsyna, the talks "
            "failed. Max Bergman agreed, said Max Bergmann's office. Berzina disagreed.")
    result = run(text)
    assert same(result, "Christine Bertsina", "Bertsyna")
    assert same(result, "Christine Bertsina", "Berzina")
    assert same(result, "Max Bergman", "Max Bergmann")
    assert not same(result, "Max Bergman", "Christine Bertsina")


def test_acronym_joins_the_organisation_it_spells():
    text = "The International Monetary Fund warned on Tuesday. The IMF expects slower growth."
    result = run(text)
    assert same(result, "International Monetary Fund", "IMF")
    assert mention(result, "IMF").type == "ORG"


def test_acronym_of_a_person():
    result = run("Crown Prince Mohammed bin Salman spoke. Analysts say MBS wants investment.")
    assert same(result, "Mohammed bin Salman", "MBS")
    assert mention(result, "MBS").type == "PERSON"


def test_two_organisations_sharing_only_their_shape_stay_apart():
    text = ("Max Bergman of the Stewart Center for Strategic and International Studies and Pavel Baev "
            "of the Center for the United States and Europe disagreed.")
    result = run(text)
    assert not same(result, "Stewart Center for Strategic and International Studies",
                    "Center for the United States and Europe")


def test_short_organisation_name_joins_the_full_one():
    result = run("An analyst at the Brookings Institution spoke. Brookings later published the data.")
    assert same(result, "Brookings Institution", "Brookings")
    assert mention(result, "Brookings").type == "ORG"


def test_entities_list_every_mention_once():
    text = "Pavel Baev spoke. Baev left. Max Bergman met Ingrid Bergman. Bergman smiled."
    result = run(text)
    indices = sorted(member.index for e in result.entities for member in e.members)
    assert indices == list(range(len(result.mentions)))
    by_id = {e.id: e for e in result.entities}
    for k, m in enumerate(result.mentions):
        entity = by_id[m.entity_id]
        assert k in {member.index for member in entity.members}
        assert entity.canonical == m.canonical and entity.type == m.type


def test_ids_are_deterministic_and_do_not_depend_on_other_documents():
    text = "Pavel Baev spoke. Baev left."
    a, b = run(text), run(text)
    assert [m.entity_id for m in a.mentions] == [m.entity_id for m in b.mentions]
    assert run("Baev left. Pavel Baev spoke.").mentions[1].entity_id == a.mentions[0].entity_id


def test_partial_names_separate_config_keeps_surnames_apart():
    config = namerec.Config(partial_names="separate")
    result = run("Dr. Jane Smith wrote the report. Smith says growth will slow.", config=config)
    assert not same(result, "Jane Smith", "Smith")


# --------------------------------------------------------------------------------------------
# reference linking


REFERENCE = [
    {"id": "Q1", "name": "Max Bergmann", "type": "PERSON"},
    {"id": "Q2", "name": "Ingrid Bergman", "type": "PERSON"},
    {"id": "Q3", "name": "Brookings Institution", "type": "ORG", "aliases": ["Brookings"]},
]


def test_mentions_inherit_their_entity_link(tmp_path):
    text = "Max Bergman of the Brookings Institution spoke. Bergman left. Janelle Dumalon wrote it."
    path = tmp_path / "reference.json"
    path.write_text(json.dumps({"entities": REFERENCE}), encoding="utf-8")
    for reference in (REFERENCE, str(path)):
        result = run(text, reference=reference)
        refs = {m.text: m.ref_id for m in result.mentions}
        assert refs == {"Max Bergman": "Q1", "Bergman": "Q1", "Brookings Institution": "Q3",
                        "Janelle Dumalon": None}
        assert mention(result, "Bergman").canonical == "Max Bergmann"  # the reference's name


def test_without_reference_nothing_is_linked():
    assert all(m.ref_id is None for m in run("Max Bergman spoke. Bergman left.").mentions)


# --------------------------------------------------------------------------------------------
# arguments and extractors


def test_empty_and_nameless_texts():
    assert run("").mentions == [] and run("").entities == []
    assert run("it was late, and nobody came.").mentions == []


def test_bad_arguments():
    with pytest.raises(InputError):
        namerec.reconcile_text(b"Max Bergman")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        namerec.reconcile_text("Max Bergman", extractor="stanza")
    with pytest.raises(InputError):
        namerec.reconcile_text("Max Bergman", config={"match_threshold": 0.5})  # type: ignore[arg-type]


def test_auto_extractor_always_works():
    result = namerec.reconcile_text("Pavel Baev spoke. Baev left.", extractor="auto")
    assert [m.text for m in result.mentions] == ["Pavel Baev", "Baev"]


def test_spacy_extractor_without_spacy_names_the_extra(monkeypatch):
    from namerec.text import spacy_extract

    monkeypatch.setattr(spacy_extract, "spacy_available", lambda: False)
    with pytest.raises(MissingExtraError, match=r"namerec\[spacy\]"):
        namerec.reconcile_text("Max Bergman", extractor="spacy")
    # auto falls back to the built-in extractor
    assert texts(namerec.reconcile_text("Max Bergman spoke.", extractor="auto")) == ["Max Bergman"]


def test_spacy_extractor_with_a_missing_pipeline_says_how_to_install_one():
    pytest.importorskip("spacy")
    with pytest.raises(namerec.NamerecError, match="spacy-model.txt"):
        namerec.reconcile_text("Max Bergman", extractor="spacy", spacy_model="xx_no_such_pipeline")


def test_candidates_include_places_marked_loc():
    candidates = extract_candidates("Anna Kowalski flew to Moscow.", extractor="builtin")
    assert [(c.text, c.certain) for c in candidates] == [("Anna Kowalski", ""), ("Moscow", "LOC")]


def test_import_namerec_does_not_import_spacy():
    code = "import sys, namerec; namerec.reconcile_text('Max Bergman', extractor='builtin'); " \
           "print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


# --------------------------------------------------------------------------------------------
# acceptance on the seed article (../shared), through the command line


@pytest.mark.skipif(not ARTICLE_CHECK.exists(), reason="../shared (acceptance data) is not present")
def test_article_acceptance_builtin():
    command = f"{sys.executable} -m namerec.cli"
    done = subprocess.run(
        [sys.executable, str(ARTICLE_CHECK), "text", "--extractor", "builtin", "--namerec", command],
        capture_output=True, text=True, timeout=300, env={**os.environ, "NAMEREC_DEBUG": "1"},
    )
    report = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    assert done.returncode == 0, report
    result = json.loads(report)
    assert result["missed"] == [] and result["bcubed_f1_found"] == 1.0
