"""Family names that run their particles into one word, written apart (a variant of the name).

"Desfiennes", "Vandenberg" and "Delacroix" are "des Fiennes", "van den Berg" and "de la Croix" run
together. Written apart, the particle is a word of its own, which word-level matching already treats
as such ("John Des Fiennes" meets "John Fiennes"); run together, the name is one unknown word. Here
the last word of a name gets each reading with its opening particles split off:

>>> fused_particle_readings("john desfiennes")
('john des fiennes', 'john de sfiennes')
>>> fused_particle_readings("vandenberg")
('van den berg', 'van denberg')

A word can split in more than one way ("delaney": "de laney", "del aney"; "dellarosa": "del la rosa",
"della rosa"): the ``_MAX_READINGS`` with the most particles, then the longest first particle, are
kept, and the rest after the particles must keep ``_MIN_REST`` letters ("delia" stays whole).
The readings are variants, tried beside the name's own spelling, so a word that only looks fused
(Desmond) costs nothing unless its partner is the rest ("Mond").

Only the particles seen run together at the start of a family name open a reading: on the train
split of ancestry_surnames, pairs of a fused name and its rest were the same surname 92-98% of the
time after de, des, del, van and von (and every time after della and saint), against 39-80% after st,
o, le, la, du, di and da, which also begin many ordinary words.
"""

from __future__ import annotations

__all__ = ["fused_particle_readings"]

# Particles that open a fused family name, and those that may follow one (van der, de la, de los).
_OPENING = ("de", "del", "della", "des", "van", "von", "saint")
_FOLLOWING = ("der", "den", "la", "las", "le", "los")
_MIN_REST = 4
_MAX_READINGS = 2


def _splits(word: str, particles: tuple[str, ...]) -> list[list[str]]:
    """Every way to split ``word`` into particles (the first from ``particles``, then following
    ones) and a rest of at least ``_MIN_REST`` letters; at least one particle each."""
    out: list[list[str]] = []
    for particle in particles:
        if not word.startswith(particle) or len(word) - len(particle) < _MIN_REST:
            continue
        rest = word[len(particle):]
        out.append([particle, rest])
        out.extend([particle, *more] for more in _splits(rest, _FOLLOWING))
    return out


def fused_particle_readings(text: str) -> tuple[str, ...]:
    """The readings of a normalised name with the particles run into its last word split off, best
    first; () when the last word opens with none."""
    words = text.split()
    if not words or not words[-1].startswith(_OPENING):  # most names: checked once, in C
        return ()
    splits = sorted(_splits(words[-1], _OPENING), key=lambda split: (-len(split), -len(split[0]), split))
    return tuple(" ".join(words[:-1] + split) for split in splits[:_MAX_READINGS])
