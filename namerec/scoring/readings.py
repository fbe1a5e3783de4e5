"""Score a pair by the best reading of its names.

A name written in Cyrillic has several plausible romanisations (the Russian, Ukrainian and Bulgarian
tables, the press spelling); a German name may be written with ae/oe/ue for its umlauts; an
organisation with or without its abbreviations expanded. Normalisation picks a primary form and
keeps the others as ``variants``, which blocking already uses. Here a pair whose names have variants
is scored for every combination of their forms, and the most probable combination counts:
"Зеленський" read the Ukrainian way meets "Zelenskyy", where the Russian reading would not.

Names that differ only in spacing ("SergeiLavrov", "Sergei Lavrov"), two forms of one known place
("Wien", "Vienna", typed LOC or untyped), and names of two or three words with the family name moved
from the front to the back ("Sato Yuko", "Yuko Sato"; "Park Chung-hee", "Chung-hee Park") are read
as one name, in their primary forms and in every combination of forms tried.

A name read from Arabic or Hebrew script lacks the short vowels its Latin spelling has ("صدام حسين"
-> "sdam hsin" against "Saddam Hussein"); such a pair is also scored with the Latin name spelt as
those scripts would write it ("sdm hsin", :mod:`namerec.normalize.abjad`). Likewise a Chinese name
written in Han characters or in pinyin, against a Latin one, is also scored in its Wade-Giles
spelling (毛泽东 and "Mao Zedong" as "mao tse tung", :mod:`namerec.normalize.wade_giles`).

The maximum over a few readings is symmetric (both names' forms are combined) and never below the
primary forms' probability. Pairs the primary forms already rule out (below ``MIN_PROBABILITY``)
are not re-read: another romanisation changes a few letters, which lifts a plausible pair over the
threshold but does not make strangers alike. Across scripts it can do more (Си Цзиньпин is read
"si tszinpin" the Russian way, "xi jinping" as Chinese), so there a pair is also re-read when two of
its forms are spelt alike (``MIN_SPELLING_SIMILARITY``).

On two train-split wikidata_ru_translit pools of 1,000 entities, with the foreign Cyrillic reading,
floors of 0.2, 0.1 and 0.05 gave pairwise F1 0.850/0.867, 0.852/0.871 and 0.851/0.874: 0.1 is kept,
as each step down costs more re-reading.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property, partial

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..entity_types import is_place_type
from ..equivalents import place_key
from ..normalize import NormalizedName, normalize_name
from ..normalize.abjad import ABJAD_SCRIPTS, abjad_spelling
from ..normalize.han_transcription import syllable_transcription_reading
from ..normalize.korean import korean_reading
from ..normalize.kunrei import hepburn_reading
from ..normalize.transcription import (
    KEYED_SCRIPTS,
    SYLLABIC_SCRIPTS,
    TRANSCRIBED_SCRIPTS,
    compared_readings,
    comparison_key,
    spellings_of,
)
from ..normalize.wade_giles import pinyin_in_wade_giles, wade_giles_reading
from ..parallel import default_workers, even_spans, fork_map, thread_workers
from ..records import NameRecords, numbered
from .features import pair_features
from .model import MatchModel
from .priors import acronym_prior

# Forms tried per name: the primary form and up to this many variants less one.
MAX_FORMS = 4
MIN_PROBABILITY = 0.1
# A pair across scripts below MIN_PROBABILITY is re-read when two of its forms are this alike (Indel).
# On two train-split wikidata_ru_translit pools of 1,000 entities, pairwise F1 went from 0.858/0.874
# to 0.866/0.886 (0.6: 0.866/0.884; 0.8: 0.865/0.885); on 100,000 pooled names it re-reads 29,545 of
# 337,916 such pairs, where re-reading them all cost twice the time.
MIN_SPELLING_SIMILARITY = 0.7
# Pairs of a Cyrillic and a Latin name at or above this probability are not transcribed again.
_TRANSCRIBED_BELOW = 0.9
# How alike (Indel) a Latin name's closest spelling must be to the other name's reading: 0.7 was
# best for Cyrillic on three train-split wikidata_ru_translit pools (0.75 and 0.8 lost 0.001-0.004);
# for Greek, with no labelled data, higher: on written probes 0.7 let "Ford" meet "Φρόιντ" (Freud,
# read "froint", against the spelling "fornt": 0.73).
_TRANSCRIBED_SIMILARITY = {"cyrillic": 0.7, "greek": 0.85, "kana": 0.75, "hangul": 0.75, "han": 0.75,
                           "arabic": 0.8, "hebrew": 0.8, "devanagari": 0.8, "indic": 0.8, "thai": 0.8}
# How much closer than the Latin name as written a spelling must come. Thai: none, as its readings
# turn a syllable's last l to n and s to t (วิลเลียมส์ "winliams"), which the Latin name as written
# matches about as well as any spelling, while the pair scored on the two spellings comes out higher
# (written probes of 18 names: pool pairwise F1 0.80 -> 0.84; Hebrew lost 0.07 without a gain).
_TRANSCRIPTION_GAIN = {"default": 0.1, "thai": 0.0}
_CHUNK = 200_000
# Combinations of forms from which their scoring is spread over the cores.
_PARALLEL_COMBINATIONS = 100_000


def _form_texts(name: NormalizedName) -> list[str]:
    """The texts of the forms tried for a name: its primary form, then its first variants."""
    return [name.text, *name.variants[: MAX_FORMS - 1]]


class UnitReadings:
    """What re-reading needs to know of each unit of a pool, worked out on first use.

    One is made per pool and shared by every chunk of its pairs: the per-unit work (one-name keys,
    scripts) is then done once per process, not once per chunk.
    """

    def __init__(self, records: NameRecords) -> None:
        self.records = records
        self._by_script: dict[str, np.ndarray] = {}
        # The pool's records followed by the forms of its units made so far (variants, spellings),
        # each (unit, text) made once: every chunk of pairs re-reads many of the same units.
        self.forms = records
        self._form_ids: dict[tuple[int, str], int] = {}
        self._forms_one_name: tuple[np.ndarray, ...] | None = None
        self._forms_numbering: tuple[dict[str, int], ...] = ()

    def form_ids(self, wanted: list[tuple[int, str]]) -> list[int]:
        """The id in ``forms`` of each (unit, text): the unit itself for its own text, else a form
        that is the unit's name with that text (and no variants), made on first use."""
        names, types, texts = self.records.names, self.records.types, self.records.texts
        new: list[tuple[int, str]] = []
        for unit, text in wanted:
            if text != texts[unit] and (unit, text) not in self._form_ids:
                self._form_ids[(unit, text)] = len(self.forms) + len(new)
                new.append((unit, text))
        if new:
            made = [replace(names[unit], text=text, tokens=tuple(text.split()), variants=())
                    for unit, text in new]
            made_types = [types[unit] for unit, _ in new]
            if self.forms is self.records:  # the pool's own records: copied once, then grown in place
                self.forms = self.records.extended(made, made_types)
            else:
                self.forms.append(made, made_types)
        return [unit if text == texts[unit] else self._form_ids[(unit, text)] for unit, text in wanted]

    @property
    def forms_one_name(self) -> tuple[np.ndarray, ...]:
        """``one_name`` of ``forms``: the pool's units and every form made so far."""
        if self._forms_one_name is None:
            self._forms_one_name = self.one_name
            self._forms_numbering = tuple(dict(numbers) for _, numbers in self._one_name_numbering)
        done = len(self._forms_one_name[0])
        if done < len(self.forms):
            form_keys = _one_name_keys(self.forms, first=done)
            self._forms_one_name = tuple(
                np.concatenate([ids, numbered(keys, numbers)[0]])
                for ids, keys, numbers in zip(self._forms_one_name, form_keys, self._forms_numbering))
        return self._forms_one_name

    @cached_property
    def _one_name_numbering(self) -> tuple[tuple[np.ndarray, dict[str, int]], ...]:
        return tuple(numbered(keys, {}) for keys in _one_name_keys(self.records))

    @property
    def one_name(self) -> tuple[np.ndarray, ...]:
        """Per kind of key, the key id of each unit: ``one_name`` of ``_read_as_one``."""
        return tuple(ids for ids, _ in self._one_name_numbering)

    @cached_property
    def initials_apart(self) -> np.ndarray:
        """Per unit: has it a variant with letters written together in its text spelt apart as
        initials ("jp sartre": "j p sartre")?"""
        out = self.has_variants.copy()  # only a name with variants can
        names = self.records.names
        rows = np.flatnonzero(out)
        out[rows] = [_spells_initials_apart(names[u]) for u in rows.tolist()]
        return out

    @cached_property
    def has_variants(self) -> np.ndarray:
        names = self.records.names
        return np.fromiter((bool(n.variants) for n in names), dtype=bool, count=len(names))

    @cached_property
    def _script_numbering(self) -> dict[str, int]:
        return {**self.records._script_ids, "none": -1}  # a name with no letters has id -1

    def _script_is(self, test) -> np.ndarray:
        # By the records' script ids: a test per script, not per name.
        ids = [i for script, i in self._script_numbering.items() if test(script)]
        return np.isin(self.records.script_ids, ids)

    @cached_property
    def abjad(self) -> np.ndarray:
        return self._script_is(ABJAD_SCRIPTS.__contains__)

    @property
    def latin(self) -> np.ndarray:
        return self.script_is("latin")

    @cached_property
    def romanised(self) -> np.ndarray:
        """Per unit: is it a Latin name with a reading across romanisations of Korean or Japanese
        (``normalize.korean``, ``normalize.kunrei``)?"""
        out = self.has_variants & self.latin
        texts = self.records.texts
        rows = np.flatnonzero(out)
        out[rows] = [korean_reading(texts[u]) is not None or hepburn_reading(texts[u]) is not None
                     for u in rows.tolist()]
        return out

    @cached_property
    def read_by_syllables(self) -> np.ndarray:
        """Per unit: is it a place whose Latin name is a Chinese transcription romanised syllable by
        syllable, with a reading by the sounds it transcribes (``syllable_transcription_reading``)?"""
        out = self.has_variants & self.latin & self.records.typed_as_place
        rows = np.flatnonzero(out)
        names = self.records.names
        out[rows] = [syllable_transcription_reading(names[u].tokens) is not None for u in rows.tolist()]
        return out

    @cached_property
    def other_than_latin(self) -> np.ndarray:
        """Per unit: is it written in a script other than Latin (letters, not Latin)?"""
        return self._script_is(lambda script: script not in ("latin", "none"))

    @cached_property
    def scripts_present(self) -> frozenset[str]:
        present = set(np.unique(self.records.script_ids).tolist())
        return frozenset(script for script, i in self._script_numbering.items() if i in present)

    def script_is(self, script: str) -> np.ndarray:
        """Per unit: is it written in ``script``? (Cached per script.)"""
        cached = self._by_script.get(script)
        if cached is None:
            cached = self._by_script[script] = self._script_is(script.__eq__)
        return cached

    @property
    def han(self) -> np.ndarray:
        return self.script_is("han")

    @cached_property
    def pinyin_syllables(self) -> np.ndarray:
        """Per unit: how many syllables the Wade-Giles spelling of a Latin name that reads as pinyin
        has (0 for any other name)."""
        out = np.zeros(len(self.records), dtype=np.int64)
        texts, types = self.records.texts, self.records.types
        rows = np.flatnonzero(self.latin).tolist()
        out[rows] = [len((pinyin_in_wade_giles(texts[u], is_place_type(types[u])) or "").split())
                     for u in rows]
        return out

    @property
    def pinyin(self) -> np.ndarray:
        """Latin names that read as pinyin (and so have a Wade-Giles spelling)."""
        return self.pinyin_syllables > 0

    @cached_property
    def han_two_characters(self) -> np.ndarray:
        """Names of two Han characters: Chinese places mostly are; longer names are mostly foreign
        names transcribed (斋浦尔, Jaipur), whose Wade-Giles reading is no name of theirs."""
        out = self.han.copy()
        names = self.records.names
        rows = np.flatnonzero(out).tolist()
        out[rows] = [len(names[u].original.strip()) == 2 for u in rows]
        return out


def _spells_initials_apart(name: NormalizedName) -> bool:
    """Has the name a variant that is its letters with more of them standing alone as initials?"""
    def initials(text: str) -> int:
        return sum(len(word) == 1 for word in text.split())

    joined = name.text.replace(" ", "")
    return any(v.replace(" ", "") == joined and initials(v) > initials(name.text) for v in name.variants)


def best_readings(
    records: NameRecords,
    left: np.ndarray,
    right: np.ndarray,
    features: np.ndarray,
    probability: np.ndarray,
    model: MatchModel,
    units: UnitReadings | None = None,
) -> dict[int, tuple[str, str]]:
    """Raise each pair's probability to its best combination of forms, in place.

    ``features`` and ``probability`` (rows aligned with ``left``/``right``) are overwritten where a
    combination of variants scores higher than the primary forms; ``features`` is only ever
    assigned rows (``features[rows] = matrix``), so anything supporting that will do. Returns, for
    those rows only, the texts of the forms that gave the new probability. Each pair's outcome
    depends on that pair alone, so the pairs may be re-read in chunks; ``units`` (of ``records``)
    then saves working out the same per-unit facts for every chunk.
    """
    units = units or UnitReadings(records)
    acronym_prior(records, left, right, probability)
    changed = _read_as_one(records, units.one_name, left, right, features, probability, model)
    changed.update(_abjad_spellings(units, left, right, features, probability, model))
    changed.update(_wade_giles_spellings(units, left, right, features, probability, model))
    for script in TRANSCRIBED_SCRIPTS:
        changed.update(_transcriptions(units, script, left, right, features, probability, model))
    has_variants = units.has_variants
    candidates = has_variants[left] | has_variants[right]
    # Initials written together ("JP Sartre", "JRR Tolkien") make the primary forms unlike the
    # full names they stand for (0.04 against "Jean-Paul Sartre"): such a pair is always re-read.
    plausible = (probability >= MIN_PROBABILITY) | units.initials_apart[left] | units.initials_apart[right]
    # Across scripts the primary forms can say little (Си Цзиньпин / Xi Jinping), and so can two
    # romanisations of one Korean or Japanese name (Park Chung-hee / Bak Jeong-hui): such a pair is
    # also re-read when some combination of forms is spelt alike.
    scripts = records.script_ids
    across_scripts = (scripts[left] != scripts[right]) & (scripts[left] >= 0) & (scripts[right] >= 0)
    romanised, syllables = units.romanised, units.read_by_syllables
    across = np.flatnonzero(candidates & ~plausible & (
        across_scripts | (romanised[left] & romanised[right]) | syllables[left] | syllables[right]))
    plausible[across] = _spelt_alike(records, left[across], right[across])
    affected = np.flatnonzero(candidates & plausible)
    if len(affected) == 0:
        return changed

    # Form k of a unit u is the unit itself for k = 0 (its primary form), else its variant k, form
    # variant_ids[variant_start[u] + k - 1] of ``units.forms``.
    concerned = np.unique(np.concatenate([left[affected], right[affected]])).tolist()
    variant_texts = [records.names[unit].variants[: MAX_FORMS - 1] for unit in concerned]
    counts = np.fromiter(map(len, variant_texts), dtype=np.int64, count=len(concerned))
    variant_count = np.zeros(len(records), dtype=np.int64)
    variant_start = np.zeros(len(records), dtype=np.int64)
    variant_count[concerned], variant_start[concerned] = counts, np.cumsum(counts) - counts
    variant_ids = np.asarray(units.form_ids(
        [(unit, text) for unit, texts in zip(concerned, variant_texts) for text in texts]), dtype=np.int64)
    form_records = units.forms
    one_name = units.forms_one_name

    a, b = left[affected], right[affected]
    pair_of, i, j = _combinations(variant_count[a] + 1, variant_count[b] + 1)
    tried = (i > 0) | (j > 0)  # (primary, primary) is scored already
    pair_of, i, j = pair_of[tried], i[tried], j[tried]
    forms_a = np.where(i == 0, a[pair_of], variant_ids[np.maximum(variant_start[a][pair_of] + i - 1, 0)])
    forms_b = np.where(j == 0, b[pair_of], variant_ids[np.maximum(variant_start[b][pair_of] + j - 1, 0)])
    # A name of one script read syllable by syllable ("bi de" for 彼得, "de i bi deu" for 데이비드)
    # is a form for meeting a Latin name written so (Kim Jong Un, Mao Ze Dong); between two other
    # scripts it makes any short name a part of a longer one (彼得, Peter, against 데이비드, David: 0.96).
    both_other = units.other_than_latin[a] & units.other_than_latin[b] & (scripts[a] != scripts[b])
    word_counts = form_records.token_counts
    split = ((word_counts[forms_a] > word_counts[a[pair_of]])
             | (word_counts[forms_b] > word_counts[b[pair_of]]))
    kept = ~(both_other[pair_of] & split)
    pair_of, forms_a, forms_b = pair_of[kept], forms_a[kept], forms_b[kept]
    rows = affected[pair_of]
    workers = default_workers() if len(rows) >= _PARALLEL_COMBINATIONS else 1
    spans = even_spans(len(rows), _CHUNK, workers)
    shared = (form_records, one_name, rows, forms_a, forms_b, probability, model)
    best = probability.copy()
    best_at = np.full(len(probability), -1, dtype=np.int64)
    for wins, win_probability, win_features in fork_map(_best_in_chunk, shared, spans, workers):
        # A pair's combinations may span two chunks: a later one wins only if it scores higher.
        k = rows[wins]
        better = win_probability > best[k]
        k = k[better]
        best[k] = win_probability[better]
        best_at[k] = wins[better]
        features[k] = win_features[better]
    probability[:] = best
    changed.update({
        k: (form_records.texts[forms_a[best_at[k]]], form_records.texts[forms_b[best_at[k]]])
        for k in np.flatnonzero(best_at >= 0).tolist()
    })
    return changed


def _best_in_chunk(shared, span: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The combinations begin..stop-1 that beat their pair's primary forms, the best of each pair
    (ties: the first): their positions, probabilities and features. In a worker process when there
    are many."""
    form_records, one_name, rows, forms_a, forms_b, probability, model = shared
    begin, stop = span
    fl, fr, chunk_rows = forms_a[begin:stop], forms_b[begin:stop], rows[begin:stop]
    chunk_features = pair_features(form_records, fl, fr)
    chunk_probability = model.predict(chunk_features)
    _read_as_one(form_records, one_name, fl, fr, chunk_features, chunk_probability, model)
    # The first combination of each pair in (pair, descending probability) order is its best.
    order = np.lexsort((-chunk_probability, chunk_rows))
    first = order[np.r_[True, chunk_rows[order][1:] != chunk_rows[order][:-1]]]
    wins = first[chunk_probability[first] > probability[chunk_rows[first]]]
    return begin + wins, chunk_probability[wins], chunk_features[wins]


def _laid_out(records: NameRecords, units: list[int], items_of) -> tuple[np.ndarray, np.ndarray, list]:
    """``items_of(name)`` for each unit, laid out flat: unit u's items are
    ``items[start[u] : start[u] + count[u]]`` (start and count are 0 for other units)."""
    start = np.zeros(len(records), dtype=np.int64)
    count = np.zeros(len(records), dtype=np.int64)
    items: list = []
    for unit in units:
        unit_items = items_of(records.names[unit])
        start[unit], count[unit] = len(items), len(unit_items)
        items.extend(unit_items)
    return start, count, items


def _combinations(count_a: np.ndarray, count_b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every combination (i, j) of two names' forms, pair by pair, i then j: (pair, i, j) arrays."""
    combinations = count_a * count_b
    pair_of = np.repeat(np.arange(len(count_a)), combinations)
    first = np.cumsum(combinations) - combinations
    within = np.arange(int(combinations.sum())) - np.repeat(first, combinations)
    return pair_of, within // count_b[pair_of], within % count_b[pair_of]


def _spelt_alike(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair, whether some combination of the two names' forms has an Indel similarity of at
    least ``MIN_SPELLING_SIMILARITY``: a cheap test, in rapidfuzz, before the full re-scoring."""
    if len(left) == 0:
        return np.zeros(0, dtype=bool)
    start, count, texts = _laid_out(records, np.unique(np.r_[left, right]).tolist(), _form_texts)
    flat = np.asarray(texts, dtype=object)
    pair_of, i, j = _combinations(count[left], count[right])
    a, b = flat[start[left][pair_of] + i], flat[start[right][pair_of] + j]
    similarity = process.cpdist(a, b, scorer=Indel.normalized_similarity, dtype=np.float32,
                                workers=thread_workers())
    best = np.zeros(len(left), dtype=np.float32)
    np.maximum.at(best, pair_of, similarity)
    return best >= MIN_SPELLING_SIMILARITY


def _abjad_spellings(units: UnitReadings, left, right, features, probability, model) -> dict[int, tuple]:
    """Pairs of a name read from an abjad script (Arabic, Hebrew) and a Latin one, scored again with
    the Latin name spelt the abjad way; the better probability counts."""
    if len(left) == 0 or not units.abjad.any():
        return {}

    def respell(name: NormalizedName, _: str) -> NormalizedName:
        text = abjad_spelling(name.text)
        return replace(name, text=text, tokens=tuple(text.split()), variants=())

    return _respelt(units.records, left, right, units.abjad, units.latin, respell, features, probability,
                    model)


def _wade_giles_spellings(units: UnitReadings, left, right, features, probability, model) -> dict[int, tuple]:
    """Pairs of a name written in Han characters or in pinyin and a Latin one, scored again with the
    former read in Wade-Giles (毛泽东 and Mao Zedong as "mao tse tung", Mao Tse-tung), the spelling of
    older texts and of Taiwan; the better probability counts. Never between two Han names, or two
    pinyin ones: Wade-Giles without its apostrophes spells unlike sounds alike (张 zhang and 常
    chang are both chang), and pinyin already tells them apart."""
    if len(left) == 0:
        return {}
    records, han, latin, pinyin = units.records, units.han, units.latin, units.pinyin

    def respell(name: NormalizedName, entity_type: str) -> NormalizedName:
        return replace(normalize_name(wade_giles_reading(name, entity_type) or "", entity_type), variants=())

    def respell_joined(name: NormalizedName, entity_type: str) -> NormalizedName:
        """A one-word name in Wade-Giles written as one word, as some places are (新竹, Xinzhu,
        Hsinchu), where others are hyphenated (Shenzhen, Shen-chen: ``respell``)."""
        spelt = (wade_giles_reading(name, entity_type) or "").replace(" ", "")
        return replace(normalize_name(spelt, entity_type), variants=())

    others = latin & ~pinyin
    one_word = records.token_counts == 1
    changed = _respelt(records, left, right, others, han, respell, features, probability, model)
    changed.update(_respelt(records, left, right, others, pinyin & ~one_word, respell, features,
                            probability, model))
    # A place that pinyin writes as one word, Wade-Giles hyphenates (Shenzhen, Shen-chen) or, for some
    # places, writes as one word too (Xinzhu, Hsinchu; 高雄, Kaohsiung): each reading is set against
    # names written its way only, one word or a word per syllable, as "chi to" (Jiduo, 基多: Quito) is
    # no "Chiwa" and no "Citta di Ho Chi Minh".
    syllables = np.where(one_word, units.pinyin_syllables, 0)
    for count in np.unique(syllables[syllables > 1]).tolist():
        changed.update(_respelt(records, left, right, others & (records.token_counts == count),
                                syllables == count, respell, features, probability, model))
    # Two Han characters only ("chaipuerh", 斋浦尔 read so, met Chipre: see han_two_characters).
    changed.update(_respelt(records, left, right, others & one_word,
                            (pinyin | units.han_two_characters) & one_word, respell_joined, features,
                            probability, model))
    return changed


def _transcriptions(units: UnitReadings, script: str, left, right, features, probability,
                    model) -> dict[int, tuple]:
    """Pairs of a name written in ``script`` (one of ``TRANSCRIBED_SCRIPTS``) and a Latin one, scored
    again with the Latin name spelt as a transcription of it into that script would read back
    ("Vezzoli" as "vetstsoli", against "Веццоли"; "Taylor" as "teira", against テイラー, whose loanword
    reading is the one compared: ``compared_readings``): by the rules of the source language whose
    spelling's ``comparison_key`` comes closest to the other name's, when it comes
    ``_TRANSCRIPTION_GAIN`` closer than the Latin name itself and at least
    ``_TRANSCRIBED_SIMILARITY[script]`` close (:mod:`namerec.normalize.transcription`); the pair is
    then scored on the reading and the spelling, and the better probability counts. Pairs already sure
    (``_TRANSCRIBED_BELOW``) are left as they are."""
    if len(left) == 0 or script not in units.scripts_present or "latin" not in units.scripts_present:
        return {}
    records, written, latin = units.records, units.script_is(script), units.latin
    rows = np.flatnonzero(((written[left] & latin[right]) | (latin[left] & written[right]))
                          & (probability < _TRANSCRIBED_BELOW))
    if len(rows) == 0:
        return {}
    written_end = np.where(written[left[rows]], left[rows], right[rows])
    latin_end = np.where(written[left[rows]], right[rows], left[rows])
    texts = records.text_array
    # Each Latin name is spelt once per language: (names x languages), then one row per pair.
    latin_units, latin_row = np.unique(latin_end, return_inverse=True)
    spelt = [spellings_of(text, script) for text in texts[latin_units].tolist()]
    joined = np.zeros(len(latin_units), dtype=bool)
    if script in SYLLABIC_SCRIPTS:
        # Katakana, hangul and Chinese characters write a place's name of several words as one word
        # (サンルイスオビスポ, San Luis Obispo): a Latin place's spellings are also run together.
        joined = records.typed_as_place[latin_units] & (records.token_counts[latin_units] >= 2)
        if joined.any():
            spelt = [(*spellings, *(s.replace(" ", "") for s in spellings)) if together else spellings * 2
                     for spellings, together in zip(spelt, joined.tolist())]
    spellings = np.array(spelt, dtype=object)
    languages = spellings.shape[1]
    # The written name's readings compared (x forms), then every (form, language): column f * L + l.
    written_units, written_row = np.unique(written_end, return_inverse=True)
    unit_readings = np.array([compared_readings(records.names[u], script) for u in written_units.tolist()],
                             dtype=object)
    readings = unit_readings[written_row]
    forms = readings.shape[1]
    reading_keys, spelling_keys = unit_readings, spellings
    if script in KEYED_SCRIPTS:  # elsewhere the key is the text itself
        keys = np.vectorize(partial(comparison_key, script=script), otypes=[object])
        reading_keys, spelling_keys = keys(unit_readings), keys(spellings)
    similarity = process.cpdist(
        np.repeat(reading_keys[written_row], languages, axis=1).ravel().tolist(),
        np.tile(spelling_keys[latin_row], (1, forms)).ravel().tolist(),
        scorer=Indel.normalized_similarity, dtype=np.float32, workers=thread_workers(),
    ).reshape(len(rows), forms * languages)
    best = similarity.argmax(axis=1)
    best_form, best_language = best // languages, best % languages
    best_similarity = similarity[np.arange(len(rows)), best]
    best_reading = readings[np.arange(len(rows)), best_form]
    as_written = process.cpdist(best_reading.tolist(), texts[latin_end].tolist(),
                                scorer=Indel.normalized_similarity, dtype=np.float32,
                                workers=thread_workers())
    gain = _TRANSCRIPTION_GAIN.get(script, _TRANSCRIPTION_GAIN["default"])
    # A Latin place run together has no rival in the name as written, whose words the one-word
    # reading cannot have (Santa Rosa / サンタローザ "santaroza": "santa rosa" is nearly as close as
    # the spelling "santarosa", but is scored as two words against one).
    closer = np.flatnonzero(((best_similarity >= as_written + gain) | joined[latin_row])
                            & (best_similarity >= _TRANSCRIBED_SIMILARITY[script]))
    if len(closer) == 0:
        return {}
    # The written side is the name itself when its primary form was compared as it is (Cyrillic,
    # Greek), otherwise the reading compared; a spelling that is that reading exactly scores as the
    # reading against itself, the others are forms of the Latin name (``UnitReadings.forms``).
    wanted: list[tuple[int, str]] = []
    for k in closer.tolist():
        reading, spelt = best_reading[k], spellings[latin_row[k], best_language[k]]
        wanted.append((int(written_end[k]), reading))
        wanted.append((int(written_end[k]), reading) if spelt == reading else (int(latin_end[k]), spelt))
    ids = np.asarray(units.form_ids(wanted), dtype=np.int64)
    form_records = units.forms
    a, b = ids[0::2], ids[1::2]
    rows = rows[closer]
    better = _keep_better(rows, pair_features(form_records, a, b), features, probability, model)
    return {k: (form_records.texts[i], form_records.texts[j])
            for k, i, j in zip(rows[better].tolist(), a[better].tolist(), b[better].tolist())}


def _respelt(records, left, right, keep, respelt, respell, features, probability, model):
    """Pairs of a unit marked in ``keep`` and one marked in ``respelt``, scored again with the
    latter's name replaced by ``respell(name, type)``; where that scores higher it replaces the pair's
    features and probability. Returns the texts compared, for those pairs."""
    rows = np.flatnonzero((keep[left] & respelt[right]) | (respelt[left] & keep[right]))
    if len(rows) == 0:
        return {}
    units = np.unique(np.concatenate([left[rows], right[rows]]))
    position = np.zeros(len(records), dtype=np.int64)
    position[units] = np.arange(len(units))
    forms = [respell(records.names[unit], records.types[unit]) if respelt[unit] else records.names[unit]
             for unit in units.tolist()]
    form_records = NameRecords.build(forms, [records.types[u] for u in units.tolist()])
    a, b = position[left[rows]], position[right[rows]]
    better = _keep_better(rows, pair_features(form_records, a, b), features, probability, model)
    return {k: (form_records.texts[i], form_records.texts[j])
            for k, i, j in zip(rows[better].tolist(), a[better].tolist(), b[better].tolist())}


def _keep_better(rows, new_features, features, probability, model) -> np.ndarray:
    """Where ``new_features`` (one row per pair in ``rows``) score higher, they replace the pairs'
    features and probability, in place. Returns the mask of the rows replaced."""
    new_probability = model.predict(new_features)
    better = new_probability > probability[rows]
    features[rows[better]] = new_features[better]
    probability[rows[better]] = new_probability[better]
    return better


def _joined_keys(texts: list[str], whole_places: list) -> list[str]:
    """Equal for two names that differ only in spacing: the letters without spaces."""
    return [text.replace(" ", "") for text in texts]


def _place_keys(texts: list[str], whole_places: list) -> list[str]:
    """Equal for two forms of one known place: the key of the place a name is wholly a form of,
    where place equivalence applies (typed LOC, or untyped and read as neither person nor
    organisation); "" for any other name."""
    return [place_key(whole) if whole is not None else "" for whole in whole_places]


def _swapped_keys(texts: list[str], whole_places: list) -> list[str]:
    """Equal for two names of two or three words that are one another's words rotated: the family
    name moved from the front to the back ("sato yuko", "yuko sato"; "park chung hee", "chung hee
    park"), as East Asian and Hungarian names put it first in their own order. The key is the
    smallest rotation of the words, the same for every rotation of them."""
    def key(text: str) -> str:
        words = text.split()
        if len(words) not in (2, 3) or len(set(words)) < len(words):
            return ""
        return min(" ".join(words[k:] + words[:k]) for k in range(len(words)))

    return [key(text) if 0 < text.count(" ") < 3 else "" for text in texts]


# Each gives every unit a key (from the units' texts and whole places); two units with an equal
# key are read as one name.
_ONE_NAME_KEYS = (_joined_keys, _swapped_keys, _place_keys)


def _one_name_keys(records: NameRecords, first: int = 0) -> tuple[list[str], ...]:
    """Per unit from ``first`` on, one key of each kind: equal keys mean two units are read as one name."""
    texts = records.texts[first:]
    whole_places = records.whole_places[first:] if records.whole_places else [None] * len(texts)

    def keys_of(keys_for) -> list[str]:
        # "": no partner
        return [key or f"\x00{u}" for u, key in enumerate(keys_for(texts, whole_places), start=first)]

    return tuple(keys_of(keys_for) for keys_for in _ONE_NAME_KEYS)


def _read_as_one(records, one_name, left, right, features, probability, model) -> dict[int, tuple[str, str]]:
    """Pairs whose names differ only in spacing ("SergeiLavrov", "Sergei Lavrov"; "ST Micro",
    "STMicro"), or are two forms of one known place ("Deutschland", "Germany", typed LOC or untyped),
    or are two or three words rotated ("Sato Yuko", "Yuko Sato"), are read as one name: they get
    the features of a name against itself, where those score higher. ``one_name``: from
    ``UnitReadings.one_name``."""
    if len(left) == 0:
        return {}
    alike = np.zeros(len(left), dtype=bool)
    for key in one_name:
        alike |= key[left] == key[right]
    same = np.flatnonzero(alike & (left != right))
    if len(same) == 0:
        return {}
    # Read both as the spaced form: word-level features then see the words.
    spaced = np.where(records.token_counts[left[same]] >= records.token_counts[right[same]],
                      left[same], right[same])
    better = _keep_better(same, pair_features(records, spaced, spaced), features, probability, model)
    return {k: (records.texts[u], records.texts[u])
            for k, u in zip(same[better].tolist(), spaced[better].tolist())}
