"""Text reconciliation of names from other languages, scored against hand-made gold clusterings.

The texts are written for these tests. Each gold entity lists the surface forms of its mentions;
every whole-word occurrence of a form (not inside a longer form) is a gold mention. A gold
mention counts as found when a returned mention overlaps it; a missed one counts as a cluster of
its own. Scores: mention recall, mention precision (returned mentions that overlap a gold one),
and B-cubed precision / recall / F1 of the clustering of the gold mentions. Run with ``-s`` to see
the table.
"""

from __future__ import annotations

import re

import pytest

import namerec

CASES = {
    "arabic": (
        "Crown Prince Mohammed bin Salman received the delegation in Riyadh on Tuesday. Analysts say "
        "MBS wants foreign investment to diversify the economy. Later, bin Salman told reporters that "
        "the talks had gone well. Foreign Minister Faisal bin Farhan said the kingdom would host a "
        "second round. Prince Faisal also met Antony Blinken, and Blinken praised Mohammed bin "
        "Salman's plans.",
        {
            "mbs": ["Mohammed bin Salman", "MBS", "bin Salman"],
            "faisal": ["Faisal bin Farhan", "Faisal"],
            "blinken": ["Antony Blinken", "Blinken"],
        },
    ),
    "chinese": (
        "President Xi Jinping arrived in Moscow for a state visit. Xi said China and Russia would "
        "deepen their partnership. Premier Li Qiang stayed in Beijing, where Li chaired a cabinet "
        "meeting. Xi Jinping's visit ended on Thursday, and Xi flew home.",
        {
            "xi": ["Xi Jinping", "Xi"],
            "li": ["Li Qiang", "Li"],
        },
    ),
    "ukrainian": (
        "The boxer Oleksandr Usyk defended his heavyweight titles in Riyadh. Alexander Usyk, as some "
        "British papers call him, won on points. Usyk thanked President Volodymyr Zelensky after the "
        "fight. Zelenskyy congratulated him on social media, and Volodymyr Zelenskiy later met the "
        "team. General Oleksandr Syrskyi also called; Syrsky praised the boxer's discipline.",
        {
            "usyk": ["Oleksandr Usyk", "Alexander Usyk", "Usyk"],
            "zelensky": ["Volodymyr Zelensky", "Zelenskyy", "Volodymyr Zelenskiy"],
            "syrskyi": ["Oleksandr Syrskyi", "Syrsky"],
        },
    ),
    "spanish": (
        "Gabriel García Márquez wrote the novel in Mexico City. García Márquez later received the "
        "Nobel Prize in Literature. The Chilean president Gabriel Boric admired him, and Boric often "
        "quoted García Márquez in his speeches. Mario Vargas Llosa, once his friend, fell out with "
        "him; Vargas Llosa never explained why.",
        {
            "ggm": ["Gabriel García Márquez", "García Márquez"],
            "boric": ["Gabriel Boric", "Boric"],
            "mvl": ["Mario Vargas Llosa", "Vargas Llosa"],
        },
    ),
    # Written after the cases above and scored before any change made for them (first run, pooled
    # over these four: B-cubed P 1.000 R 0.881 with either extractor). Since then the extractor
    # keeps romanised given names such as "Ching-te" whole, recognises a sentence-initial
    # "Al-Assad", and the spaCy extractor adds acronyms the model did not tag. Still open: the
    # Spanish surname pair "Sheinbaum Pardo" is not joined to "Claudia Sheinbaum", so a bare
    # "Sheinbaum" stays unresolved between them (B-cubed recall 0.75 on that text).
    "arabic-2": (
        "Bashar al-Assad fled Damascus in December. Al-Assad's allies in Moscow offered him asylum, "
        "and Assad has not spoken since. Ahmed al-Sharaa, the new leader, met Hakan Fidan; al-Sharaa "
        "promised elections while Fidan listened.",
        {
            "assad": ["Bashar al-Assad", "Al-Assad", "Assad"],
            "sharaa": ["Ahmed al-Sharaa", "al-Sharaa"],
            "fidan": ["Hakan Fidan", "Fidan"],
        },
    ),
    "chinese-2": (
        "Taiwan's president Lai Ching-te met Japanese officials. Lai said the island would not provoke "
        "Beijing. Former president Tsai Ing-wen, Lai's predecessor, agreed; Tsai had warned of pressure "
        "from Wang Yi, China's foreign minister. Wang rejected the remarks.",
        {
            "lai": ["Lai Ching-te", "Lai"],
            "tsai": ["Tsai Ing-wen", "Tsai"],
            "wang": ["Wang Yi", "Wang"],
        },
    ),
    "ukrainian-2": (
        "Yulia Tymoshenko criticised the government. Tymoshenko, a former prime minister, said Yuliya "
        "Tymoshenko's party would vote against. Petro Poroshenko agreed, and Poroshenko's allies "
        "joined Timoshenko.",
        {
            "tymoshenko": ["Yulia Tymoshenko", "Tymoshenko", "Yuliya Tymoshenko", "Timoshenko"],
            "poroshenko": ["Petro Poroshenko", "Poroshenko"],
        },
    ),
    "spanish-2": (
        "Andrés Manuel López Obrador handed power to Claudia Sheinbaum. López Obrador, known as AMLO, "
        "left office in 2024. Sheinbaum Pardo thanked him; Sheinbaum later met Pedro Sánchez, and "
        "Sánchez invited her to Madrid.",
        {
            "amlo": ["Andrés Manuel López Obrador", "López Obrador", "AMLO"],
            "sheinbaum": ["Claudia Sheinbaum", "Sheinbaum Pardo", "Sheinbaum"],
            "sanchez": ["Pedro Sánchez", "Sánchez"],
        },
    ),
}


def gold_mentions(text: str, gold: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """(start, end, entity) of every whole-word occurrence of a gold form, longest forms first."""
    found: list[tuple[int, int, str]] = []
    forms = sorted(((f, e) for e, fs in gold.items() for f in fs), key=lambda x: -len(x[0]))
    for form, entity in forms:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in form.split()) + r"(?!\w)"
        for match in re.finditer(pattern, text):
            if not any(s <= match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), entity))
    return sorted(found)


def bcubed(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    n = len(gold)
    precision = recall = 0.0
    for i in range(n):
        same_pred = {j for j in range(n) if predicted[j] == predicted[i]}
        same_gold = {j for j in range(n) if gold[j] == gold[i]}
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    return precision / n, recall / n


def score(text: str, gold: dict[str, list[str]], extractor: str) -> dict[str, float]:
    result = namerec.reconcile_text(text, extractor=extractor)
    occurrences = gold_mentions(text, gold)
    gold_labels, predicted = [], []
    for k, (start, end, entity) in enumerate(occurrences):
        hits = [m for m in result.mentions if m.start < end and start < m.end]
        gold_labels.append(entity)
        predicted.append(hits[0].entity_id if hits else f"missed-{k}")
    found = sum(not p.startswith("missed-") for p in predicted)
    relevant = sum(any(m.start < e and s < m.end for s, e, _ in occurrences) for m in result.mentions)
    p, r = bcubed(gold_labels, predicted)
    return {
        "gold": len(occurrences), "found": found, "returned": len(result.mentions),
        "mention_recall": found / len(occurrences),
        "mention_precision": relevant / max(len(result.mentions), 1),
        "bcubed_p": p, "bcubed_r": r, "bcubed_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "gold_labels": gold_labels, "predicted": predicted,
    }


def _extractors() -> list:
    params = [pytest.param("builtin", id="builtin")]
    try:
        from namerec.text.spacy_extract import load_pipeline

        has_model = load_pipeline(None) is not None
    except Exception:
        has_model = False
    params.append(pytest.param("spacy", id="spacy", marks=pytest.mark.skipif(
        not has_model, reason="spaCy or its English pipeline is not installed")))
    return params


def _print_row(name: str, s: dict) -> None:
    print(f"{name:<22} gold {s['gold']:>3}  found {s['found']:>3}  returned {s['returned']:>3}  "
          f"mention P {s['mention_precision']:.3f} R {s['mention_recall']:.3f}  "
          f"B-cubed P {s['bcubed_p']:.3f} R {s['bcubed_r']:.3f} F1 {s['bcubed_f1']:.3f}")


@pytest.mark.parametrize("extractor", _extractors())
@pytest.mark.parametrize("case", sorted(CASES))
def test_language_case(case, extractor):
    text, gold = CASES[case]
    s = score(text, gold, extractor)
    _print_row(f"{case}/{extractor}", s)
    assert s["mention_recall"] >= 0.9
    assert s["bcubed_p"] >= 0.8 and s["bcubed_r"] >= 0.75


@pytest.mark.parametrize("extractor", _extractors())
def test_pooled_scores(extractor):
    gold_labels, predicted, totals = [], [], {"gold": 0, "found": 0, "returned": 0, "relevant": 0.0}
    for case in sorted(CASES):
        text, gold = CASES[case]
        s = score(text, gold, extractor)
        gold_labels += [f"{case}:{g}" for g in s["gold_labels"]]
        predicted += [f"{case}:{p}" for p in s["predicted"]]
        totals["gold"] += s["gold"]
        totals["found"] += s["found"]
        totals["returned"] += s["returned"]
        totals["relevant"] += s["mention_precision"] * s["returned"]
    p, r = bcubed(gold_labels, predicted)
    pooled = {
        "gold": totals["gold"], "found": totals["found"], "returned": totals["returned"],
        "mention_recall": totals["found"] / totals["gold"],
        "mention_precision": totals["relevant"] / totals["returned"],
        "bcubed_p": p, "bcubed_r": r, "bcubed_f1": 2 * p * r / (p + r),
    }
    _print_row(f"ALL/{extractor}", pooled)
    assert pooled["mention_recall"] >= 0.95
    assert pooled["mention_precision"] >= 0.85
    assert p >= 0.9 and r >= 0.9


def test_gold_occurrences_are_found_in_the_texts():
    for text, gold in CASES.values():
        occurrences = gold_mentions(text, gold)
        assert {e for _, _, e in occurrences} == set(gold)
        for start, end, _ in occurrences:
            assert text[start:end].strip() == text[start:end]
