"""The built-in, model-free mention extractor.

It reads capitalised word sequences and decides, with small generic word lists and the document
itself, which of them are names of persons or organisations:

* words are tokens of letters (with inner apostrophes and hyphens), dotted capitals (U.S.) and
  numbers; a possessive 's is never part of a mention;
* a name is a run of capitalised words on one line with only spaces between them (an initial's
  dot and "&" allowed); lower-case particles join person names ("Mohammed bin Salman") and, after
  an organisation word, connectors join organisation names ("Center for Strategic and
  International Studies", "Bank of America");
* the first word of a sentence is a name only if the word also occurs capitalised inside a
  sentence, or is followed by another name word (and is not a common sentence starter);
* function words, nationalities, month and weekday names are not names; titles ("Deputy Foreign
  Minister", "Dr.") are cut from the front and mark a person; well-known places are recognised
  and left out; a hyphenated pair of names ("Trump-Putin") is split when both halves also occur
  on their own;
* every mention gets soft type evidence (organisation words and acronyms -> ORG; titles, given
  names and two-word names -> PERSON; role words and speech verbs around it) and, where a cue
  leaves no doubt (an organisation word, a personal title, a known place), a certain type.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from ..normalize import normalize_text
from .lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    MISC_HEADS,
    MONTHS,
    NAME_PARTICLES,
    NON_NAME_ACRONYMS,
    NON_NAMES,
    ORG_CONNECTORS,
    ORG_CONTEXT_PREPOSITIONS,
    ORG_CONTEXT_ROLES,
    ORG_CONTEXT_WORDS,
    ORG_CUES,
    ORG_PREPOSITIONS,
    PERSON_ROLE_NOUNS,
    PERSON_TITLES,
    PLACES,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAYS,
)

__all__ = ["Candidate", "Document", "extract_builtin", "type_hints"]

PERSON = "PERSON"
ORG = "ORG"
LOC = "LOC"

_TOKEN = re.compile(
    r"(?P<dotted>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+|[-‐‑–][^\W\d_]+)*)"
    r"|(?P<num>\d+(?:[.,:]\d+)*)"
)
_HYPHEN = re.compile(r"[-‐‑–]")
_POSSESSIVE = re.compile(r"['’][sS]$")
_OPENERS = set("“\"'‘«„([")
_SKIP_BACK = set("“”\"'‘’«»„()[]*")
_SENTENCE_END = set(".!?:;")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col",
                            "capt", "sgt", "jr", "sr", "no", "vs", "mt", "ft", "inc", "corp", "co", "ltd"})
_MAX_CONNECTORS = 3
_SIMILAR_WORD = 0.9
_SYLLABLE = 4  # longest lower-case syllable after a hyphen in a romanised given name (Ching-te)
_CONNECTORS = ORG_CONNECTORS | NAME_PARTICLES
_AND = frozenset({"and", "y", "e", "&"})
_ROMAN = re.compile(r"[ivxlc]+")


@dataclass
class Candidate:
    """A possible mention: its span, soft type evidence and, when a cue is decisive, a type."""

    start: int
    end: int
    text: str
    hints: dict[str, float] = field(default_factory=dict)
    certain: str = ""
    acronym: bool = False
    label: str = ""  # the NER label, when the mention comes from a model
    source: int = -1  # the index of the model's entity it comes from (spaCy component)
    month: bool = False  # a lone month name ("May"): a name only if a longer name holds it

    def add_hint(self, kind: str, weight: float) -> None:
        self.hints[kind] = self.hints.get(kind, 0.0) + weight


@dataclass
class Token:
    start: int
    end: int
    text: str
    kind: str  # cap, acro, initial, lower, num
    possessive: bool = False  # followed by 's (or a bare apostrophe), which ends any name
    join_before: bool = True  # False when cut from a hyphenated word
    join_after: bool = True
    compound: bool = False  # part of a hyphenated word that was kept whole
    sentence_initial: bool = False
    title_line: bool = False

    @property
    def fold(self) -> str:
        return self.text.casefold()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from nicknames import NickNamer

    lookup = NickNamer().nickname_lookup
    return frozenset({*lookup, *(n for names in lookup.values() for n in names)})


def is_given_name(word: str) -> bool:
    """A given name of the `nicknames` lexicon (English-centred: Donald, Christine, Max...)."""
    return word.casefold() in _given_names()


def _kind(word: str) -> str:
    first = word[0]
    if not first.isupper():
        return "lower"
    letters = [c for c in word if c.isalpha()]
    if 2 <= len(letters) <= 6 and all(c.isupper() for c in letters):
        return "acro"
    return "cap"


class Document:
    """A text, its tokens, and the document-wide facts the extractor's rules consult."""

    def __init__(self, text: str) -> None:
        self.text = text
        raw = self._raw_tokens(text)
        self.title_lines = self._title_lines(text, raw)
        standalone = {t.text for t in raw if t.kind in ("cap", "acro") and not _HYPHEN.search(t.text)}
        self.standalone = standalone
        self.tokens = self._split_compounds(raw, standalone, text)
        for t in self.tokens:
            t.sentence_initial = self._sentence_initial(t)
            t.title_line = self._line_of(t.start) in self.title_lines
        self.starts = [t.start for t in self.tokens]
        self.known_words: set[str] = set()  # words of the names found (see extract_builtin)
        self.lower_words = {t.fold for t in self.tokens if t.kind == "lower"}
        self.mid_capitals = {
            t.text for t in self.tokens
            if t.kind in ("cap", "acro") and not t.sentence_initial and not t.title_line
        }

    # -- tokens ------------------------------------------------------------------------------
    @staticmethod
    def _raw_tokens(text: str) -> list[Token]:
        tokens: list[Token] = []
        for match in _TOKEN.finditer(text):
            start, end, word = match.start(), match.end(), match.group()
            if match.lastgroup == "num":
                tokens.append(Token(start, end, word, "num"))
                continue
            if match.lastgroup == "dotted":
                kind = "acro" if word.replace(".", "").isupper() else "lower"
                tokens.append(Token(start, end, word, kind))
                continue
            possessive = False
            if _POSSESSIVE.search(word) and len(word) > 2:
                word, end, possessive = word[:-2], end - 2, True
            elif text[end:end + 1] in ("'", "’") and not text[end + 1:end + 2].isalpha():
                possessive = word[-1:] in ("s", "S")  # the Joneses' house; a closing quote otherwise
            kind = _kind(word)
            if kind == "cap" and len(word) == 1 and text[end:end + 1] == "." and text[end + 1:end + 2] == " ":
                kind = "initial"
            tokens.append(Token(start, end, word, kind, possessive=possessive))
        return tokens

    @staticmethod
    def _split_compounds(raw: list[Token], standalone: set[str], text: str) -> list[Token]:
        """Hyphenated words: split name pairs, cut lower-case prefixes and suffixes off names."""
        out: list[Token] = []
        for k, token in enumerate(raw):
            if token.kind in ("num",) or not _HYPHEN.search(token.text):
                out.append(token)
                continue
            parts: list[tuple[int, int, str]] = []
            offset = token.start
            for piece in _HYPHEN.split(token.text):
                parts.append((offset, offset + len(piece), piece))
                offset += len(piece) + 1
            capital = [p[2][0].isupper() for p in parts]
            if all(capital):
                if all(p[2] in standalone for p in parts):  # Trump-Putin: two names
                    for k, (s, e, piece) in enumerate(parts):
                        last = k == len(parts) - 1
                        out.append(Token(s, e, piece, _kind(piece), possessive=token.possessive and last,
                                         join_before=k == 0, join_after=last))
                else:  # Jean-Pierre, Hewlett-Packard: one name
                    out.append(Token(token.start, token.end, token.text, "cap", possessive=token.possessive,
                                     compound=True))
                continue
            if not capital[0] and parts[0][2].casefold() in NAME_PARTICLES and any(capital[1:]):
                out.append(Token(token.start, token.end, token.text, "cap", possessive=token.possessive,
                                 compound=True))  # al-Assad
                continue
            previous = raw[k - 1] if k else None
            after_name = previous is not None and previous.kind == "cap" and not previous.possessive \
                and text[previous.end:token.start] == " "
            if capital[0] and after_name and all(len(p[2]) <= _SYLLABLE for p in parts[1:]):
                out.append(Token(token.start, token.end, token.text, "cap", possessive=token.possessive,
                                 compound=True))  # Lai Ching-te, Tsai Ing-wen: a romanised given name
                continue
            # anti-Trump, Trump-era, pro-Kremlin-backed: keep the run of capitalised parts
            first = next((k for k, c in enumerate(capital) if c), None)
            if first is None:
                out.append(Token(token.start, token.end, token.text, "lower"))
                continue
            last = first
            while last + 1 < len(parts) and capital[last + 1]:
                last += 1
            s, e = parts[first][0], parts[last][1]
            piece = token.text[s - token.start:e - token.start]
            at_end = last == len(parts) - 1
            out.append(Token(s, e, piece, _kind(piece) if first == last else "cap",
                             possessive=token.possessive and at_end,
                             join_before=first == 0, join_after=at_end, compound=first != last))
        return out

    # -- sentences and lines -----------------------------------------------------------------
    def _sentence_initial(self, token: Token) -> bool:
        text = self.text
        i = token.start - 1
        while i >= 0 and (text[i] in _SKIP_BACK or (text[i].isspace() and text[i] != "\n")):
            i -= 1
        if i < 0 or text[i] == "\n":
            return True
        if text[i] in "-–—" and token.start - i > 1 and text[i - 1:i].isspace():
            return False
        if text[i] not in _SENTENCE_END:
            return False
        if text[i] == ".":  # Mr. Smith, Donald J. Trump, U.S. officials: not a sentence end
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            word = text[j:i]
            if word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                return False
            if j > 0 and text[j - 1] == "." and len(word) == 1:  # the last dot of "U.S."
                return False
        return True

    def _line_of(self, index: int) -> int:
        return self.text.count("\n", 0, index)

    @staticmethod
    def _title_lines(text: str, raw: list[Token]) -> set[int]:
        """Lines written in title case ("Trump Blames Zelensky For War"): their capitals say little."""
        by_line: dict[int, list[Token]] = {}
        line, last = 0, 0
        for token in raw:
            line += text.count("\n", last, token.start)
            last = token.start
            if token.kind != "num":
                by_line.setdefault(line, []).append(token)
        titled = set()
        for number, tokens in by_line.items():
            words = [t for t in tokens if t.kind in ("cap", "lower")]
            if len(words) < 4:
                continue
            capitals = sum(t.kind == "cap" for t in words)
            small_capitals = sum(t.kind == "cap" and t.fold in FUNCTION_WORDS for t in words[1:])
            if capitals == len(words) or (capitals >= 0.75 * len(words) and small_capitals):
                titled.add(number)
        return titled

    # -- queries -----------------------------------------------------------------------------
    def joined(self, a: Token, b: Token) -> bool:
        """Whether b continues the name that a is in: same line, only a space (or &) between."""
        if a.possessive or not a.join_after or not b.join_before:
            return False
        gap = self.text[a.end:b.start]
        if a.kind == "initial" and gap.startswith("."):
            gap = gap[1:]
        return 0 < len(gap) <= 3 and "\n" not in gap and gap.strip() in ("", "&")

    def is_name_word(self, token: Token) -> bool:
        if token.kind not in ("cap", "acro", "initial"):
            return False
        if token.kind == "cap" and token.fold in FUNCTION_WORDS:
            return False
        if token.title_line and token.kind == "cap":
            return token.text in self.mid_capitals
        return True

    def recurs_inside_sentences(self, token: Token) -> bool:
        return token.text in self.mid_capitals

    def resembles_known_name(self, token: Token) -> bool:
        """A word never written in lower case that is (nearly) a word of a name found elsewhere
        ("Zelenskyy" opening a sentence, beside "Volodymyr Zelensky")."""
        if not self.known_words or token.fold in self.lower_words or token.fold in SENTENCE_STARTERS:
            return False
        key = normalize_text(token.text)
        return any(key == k or JaroWinkler.similarity(key, k) >= _SIMILAR_WORD for k in self.known_words)


# --------------------------------------------------------------------------------------------
# runs of name words


def _runs(doc: Document) -> list[list[Token]]:
    tokens = doc.tokens
    runs: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not doc.is_name_word(token):
            i += 1
            continue
        run = [token]
        # a lower-case particle just before the name belongs to it ("bin Salman", "van Gogh")
        k = i - 1
        while k >= 0 and i - k <= 2 and tokens[k].fold in NAME_PARTICLES and tokens[k].kind == "lower" \
                and doc.joined(tokens[k], tokens[k + 1]):
            k -= 1
        if k < i - 1:
            run = tokens[k + 1:i] + run
        org = _is_cue(token)
        after_preposition = joined_and = False
        j = i
        while j + 1 < len(tokens) and doc.joined(tokens[j], tokens[j + 1]):
            nxt = tokens[j + 1]
            if doc.is_name_word(nxt):
                run.append(nxt)
                org = org or _is_cue(nxt)
                j += 1
                continue
            # connectors between name words
            k = j + 1
            while k < len(tokens) and k - j <= _MAX_CONNECTORS and tokens[k].kind == "lower" \
                    and doc.joined(tokens[k - 1], tokens[k]) and tokens[k].fold in _CONNECTORS:
                k += 1
            if k == j + 1 or k >= len(tokens) or not doc.joined(tokens[k - 1], tokens[k]) \
                    or not doc.is_name_word(tokens[k]):
                break
            words = [t.fold for t in tokens[j + 1:k]]
            if all(w in NAME_PARTICLES for w in words) and not org:
                pass  # Mohammed bin Salman, Ludwig van Beethoven
            elif org and _org_connectors_ok(words, after_preposition, joined_and):
                after_preposition = after_preposition or any(w in ORG_PREPOSITIONS for w in words)
                joined_and = joined_and or words[0] in _AND
            else:
                break
            run.extend(tokens[j + 1:k + 1])
            org = org or _is_cue(tokens[k])
            j = k
        runs.append(run)
        i = j + 1
    return runs


def _is_cue(token: Token) -> bool:
    return token.kind == "cap" and token.fold in ORG_CUES


def _org_connectors_ok(words: list[str], after_preposition: bool, joined_and: bool) -> bool:
    """Inside an organisation name: "for", "of the"; "and" once, after a preposition."""
    if words[0] in _AND and (not after_preposition or joined_and):
        return False
    if words[0] == "the" and not after_preposition:
        return False
    return all(w in ORG_CONNECTORS for w in words)


# --------------------------------------------------------------------------------------------
# from runs to candidates


def _span(doc: Document, tokens: list[Token]) -> tuple[int, int, str]:
    start, end = tokens[0].start, tokens[-1].end
    return start, end, doc.text[start:end]


def _fold_key(tokens: list[Token]) -> str:
    return " ".join(t.fold for t in tokens)


def _starts_name(doc: Document, tokens: list[Token]) -> bool:
    """Whether a capitalised first word of a sentence is part of a name."""
    first = tokens[0]
    if first.fold in SENTENCE_STARTERS:
        return False
    if doc.recurs_inside_sentences(first):
        return True
    if len(tokens) < 2:
        return doc.resembles_known_name(first)
    nxt = tokens[1]
    month = nxt.fold in MONTHS and (_number_after(doc, nxt) or not is_given_name(first.text))
    if nxt.kind not in ("cap", "initial") or nxt.fold in DEMONYMS or nxt.fold in WEEKDAYS or month:
        return doc.resembles_known_name(first)
    if first.fold in doc.lower_words and not is_given_name(first.text) and first.fold not in TITLE_WORDS:
        return False  # "Ask Putin" where "ask" also occurs as an ordinary word
    return True


def _trim(doc: Document, run: list[Token]) -> list[Token]:
    tokens = list(run)
    while tokens:
        first = tokens[0]
        if first.kind == "lower":
            if first.fold in NAME_PARTICLES and len(tokens) > 1 and tokens[1].kind != "lower":
                break
            tokens.pop(0)
        elif first.kind == "cap" and first.fold in FUNCTION_WORDS:
            tokens.pop(0)
        elif first.sentence_initial and first.kind in ("cap", "initial") and not _starts_name(doc, tokens):
            tokens.pop(0)
        elif first.fold in WEEKDAYS:
            tokens.pop(0)
        elif first.fold in MONTHS and len(tokens) > 1 and _number_before(doc, first):
            tokens.pop(0)
        else:
            break
    while tokens and (tokens[-1].kind == "lower" or tokens[-1].fold in WEEKDAYS
                      or (tokens[-1].fold in MONTHS and len(tokens) > 1 and _number_after(doc, tokens[-1]))):
        tokens.pop()
    return tokens


def _number_after(doc: Document, token: Token) -> bool:
    return bool(re.match(r"\s*\d", doc.text[token.end:token.end + 4]))


def _number_before(doc: Document, token: Token) -> bool:
    return bool(re.search(r"\d\s*$", doc.text[max(0, token.start - 4):token.start]))


def _candidates_of_run(doc: Document, run: list[Token]) -> list[Candidate]:
    tokens = _trim(doc, run)
    if not tokens:
        return []
    if any(_is_cue(t) for t in tokens):
        start, end, text = _span(doc, tokens)
        return [Candidate(start, end, text, {ORG: 2.0}, certain=ORG)]
    if _fold_key(tokens) in PLACES:
        start, end, text = _span(doc, tokens)
        return [Candidate(start, end, text, {LOC: 2.0}, certain=LOC)]
    heads = [t for t in tokens if not (t.kind == "acro" and _ROMAN.fullmatch(t.fold))]
    if len(heads) > 1 and heads[-1].fold in MISC_HEADS:
        return []  # Nobel Prize, Cold War, World War II: not a person or an organisation
    out: list[Candidate] = []
    titled = False
    while len(tokens) > 1:
        first, rest = tokens[0], tokens[1:]
        names_follow = any(t.fold not in TITLE_WORDS and t.fold not in DEMONYMS for t in rest)
        if first.kind == "acro" and (rest[0].fold in TITLE_WORDS or rest[0].fold in DEMONYMS):
            out.extend(_single(doc, [first], titled=False))  # "US President ...", "NATO Secretary ..."
            tokens = rest
        elif first.fold in DEMONYMS:
            tokens = rest
        elif first.fold in TITLE_WORDS:
            if not names_follow:
                return out  # a bare office: "Deputy Foreign Minister"
            titled = titled or first.fold in PERSON_TITLES or first.fold.rstrip(".") in PERSON_TITLES
            tokens = rest
        else:
            break
    if not tokens:
        return out
    if len(tokens) == 1:
        return out + _single(doc, tokens, titled)
    if _fold_key(tokens) in PLACES:
        start, end, text = _span(doc, tokens)
        return out + [Candidate(start, end, text, {LOC: 2.0}, certain=LOC)]
    start, end, text = _span(doc, tokens)
    candidate = Candidate(start, end, text, {PERSON: 1.0})
    if titled:
        candidate.certain = PERSON
        candidate.add_hint(PERSON, 2.0)
    if is_given_name(tokens[0].text):
        candidate.add_hint(PERSON, 1.0)
    if any(t.kind == "lower" for t in tokens):
        candidate.add_hint(PERSON, 0.5)
    return out + [candidate]


def _single(doc: Document, tokens: list[Token], titled: bool) -> list[Candidate]:
    token = tokens[0]
    start, end, text = token.start, token.end, token.text
    fold = token.fold
    if token.kind == "acro":
        if fold.replace(".", "") in NON_NAME_ACRONYMS:
            return []
        if fold in PLACES:
            return [Candidate(start, end, text, {LOC: 2.0}, certain=LOC, acronym=True)]
        if token.text.replace(".", "").isalpha():
            return [Candidate(start, end, text, {ORG: 1.0}, acronym=True)]
        return []
    if token.kind == "initial" or fold in NON_NAMES or fold in DEMONYMS or fold in WEEKDAYS \
            or fold in FUNCTION_WORDS or len(text) < 2:
        return []
    if fold in PLACES:
        return [Candidate(start, end, text, {LOC: 2.0}, certain=LOC)]
    candidate = Candidate(start, end, text, {}, month=fold in MONTHS)
    if titled:
        candidate.certain = PERSON
        candidate.add_hint(PERSON, 2.0)
    return [candidate]


# --------------------------------------------------------------------------------------------
# context evidence


def type_hints(doc: Document, candidate: Candidate) -> None:
    """Add the soft evidence of the words around a candidate (role nouns, speech verbs)."""
    tokens = doc.tokens
    index = _token_index(doc, candidate.start)
    before = _previous_words(doc, index, 3)
    if before:
        if before[0] in PERSON_ROLE_NOUNS:
            candidate.add_hint(PERSON, 1.5)
        if before[0] in ORG_CONTEXT_WORDS:
            candidate.add_hint(ORG, 1.5)
        if before[0] in ORG_CONTEXT_PREPOSITIONS and len(before) > 1 and before[1] in ORG_CONTEXT_ROLES:
            candidate.add_hint(ORG, 1.5)
    if index is not None and index > 0 and tokens[index - 1].fold in SPEECH_VERBS \
            and doc.text[tokens[index - 1].end:candidate.start].strip() in ("", ","):
        candidate.add_hint(PERSON, 0.5)  # said Pavel Baev
    after = _token_index(doc, candidate.end, after=True)
    if after is not None and after < len(tokens) and tokens[after].fold in SPEECH_VERBS:
        candidate.add_hint(PERSON, 0.5)


def _token_index(doc: Document, offset: int, after: bool = False) -> int | None:
    """The first token starting at or after ``offset`` (after=True), or the one holding it."""
    k = bisect.bisect_left(doc.starts, offset)
    if not after:
        while k > 0 and doc.tokens[k - 1].end > offset:
            k -= 1
    return k if k < len(doc.tokens) else None


def _previous_words(doc: Document, index: int | None, count: int) -> list[str]:
    """Up to ``count`` lower-case words before token ``index``, skipping articles and nationalities."""
    if index is None:
        return []
    words: list[str] = []
    k = index - 1
    while k >= 0 and len(words) < count:
        token = doc.tokens[k]
        if "\n" in doc.text[token.end:doc.tokens[k + 1].start]:
            break
        if token.fold in ("the", "a", "an", "his", "her", "its", "their") or token.fold in DEMONYMS \
                or token.fold in ("former", "late", "then", "new"):
            k -= 1
            continue
        if token.kind != "lower":
            break
        words.append(token.fold)
        k -= 1
    return words


# --------------------------------------------------------------------------------------------
# the extractor


def extract_builtin(text: str, doc: Document | None = None) -> list[Candidate]:
    """Candidate mentions of ``text`` in order, LOC ones included (the caller drops them)."""
    doc = doc or Document(text)
    candidates = [c for run in _runs(doc) for c in _candidates_of_run(doc, run)]
    # second pass: a sentence may open with a spelling of a name found elsewhere
    known = {
        normalize_text(word) for c in candidates if c.certain not in (LOC, ORG) and not c.acronym
        for word in c.text.split() if len(word) >= 3 and any(ch.isupper() for ch in word)
    }
    if known - doc.known_words:
        doc.known_words = known
        candidates = [c for run in _runs(doc) for c in _candidates_of_run(doc, run)]
    return finish_candidates(doc, candidates)


def finish_candidates(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Document-level decisions: lone months, places that are also a person's name; context hints."""
    longer_words = {  # words of multi-word names that are not places or organisations
        word for c in candidates if c.certain not in (LOC, ORG) and " " in c.text for word in c.text.split()
    }
    out = []
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        if c.month:
            if c.text not in longer_words:
                continue
            c.month = False
        if c.certain == LOC and " " not in c.text and c.text in longer_words:
            c.certain, c.hints = "", {}  # "Washington" beside "George Washington"
        type_hints(doc, c)
        out.append(c)
    return out
