"""Armenian to Latin, as names are usually spelt (step 3): the digraphs and initial glides.

anyascii writes Armenian letter by letter: the vowel ու (u) comes out "ow" and the ligature և (ev),
which NFKC splits into ե and ւ, "ew" (Սուրեն "sowren", Երևան "erewan"). Here ու is u, եւ is ev and
ւ elsewhere v, the trilled ռ r as the flapped ր is (Գառնի Garni), and a word's first ե is ye and its
first ո vo, as the BGN/PCGN spelling and most English texts write them (Yerevan, Vorotan). The other
letters are anyascii's, whose apostrophes for aspirated consonants (t', ch') the later steps drop.
The second reading leaves the initial glides out, as ISO 9985 and French do (Erevan, Orotan).

>>> romanize_armenian("Սուրեն"), romanize_armenian("Երևան"), romanize_armenian("Գյումրի")
('Suren', 'Yerevan', 'Gyumri')
>>> romanize_armenian("Երևան", glides=False), romanize_armenian("Ոսկան")
('Erevan', 'Voskan')
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

__all__ = ["ARMENIAN", "romanize_armenian"]

#: Any character of the Armenian block.
ARMENIAN = re.compile("[\u0530-\u058f]")

_DIGRAPHS = {"ու": "u", "Ու": "U", "ՈՒ": "U", "եւ": "ev", "Եւ": "Ev", "ԵՒ": "EV", "ւ": "v", "Ւ": "V",
             "ռ": "r", "Ռ": "R"}  # fmt: skip
_DIGRAPH = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
# A word's first ե or ո (but not the ու that is u): ye, vo.
_INITIAL_GLIDE = re.compile("(?<![\u0531-\u0587])([ԵեՈո])(?!ւ|Ւ)")
_GLIDES = {"Ե": "Ye", "ե": "ye", "Ո": "Vo", "ո": "vo"}


def romanize_armenian(text: str, glides: bool = True) -> str:
    """Replace the Armenian letters of ``text`` by Latin ones; other characters stay as they are.
    ``glides``: write a word's first ե as ye and its first ո as vo."""
    text = unicodedata.normalize("NFKC", text)  # և is ե and ւ
    if glides:
        text = _INITIAL_GLIDE.sub(lambda match: _GLIDES[match.group(1)], text)
    text = _DIGRAPH.sub(lambda match: _DIGRAPHS[match.group()], text)
    return ARMENIAN.sub(lambda match: anyascii(match.group()), text)
