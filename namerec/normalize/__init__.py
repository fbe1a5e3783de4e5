"""Name normalisation: named steps in a fixed, documented order.

Generic steps, applied to every name (``normalize_text`` stops here):

1. ``nfkc``             Unicode NFKC
2. ``strip_invisible``  control and format characters dropped; emoji and symbols -> space
3. ``transliterate``    script-aware transliteration to Latin: Cyrillic with language tables
                        (ru, uk, bg, sr, mk, be; guessed from letters unique to a language),
                        Greek with a simple table, every other script with anyascii
4. ``casefold``
5. ``strip_diacritics`` NFKD, combining marks dropped, ł ø ß æ đ ı ... spelled in ASCII
6. ``apostrophes``      possessive 's dropped, other apostrophes removed (O'Brien -> obrien)
7. ``arabic_article``   the Arabic article as the script writes it (ar-Rashid -> al-rashid)
8. ``punctuation``      everything but [a-z0-9] -> space; whitespace collapsed

Then, in ``normalize_name``, the words of every kind of name go through

9. ``place_abbreviations`` St. -> saint, Mt. -> mount, Ft. -> fort, ... (see
                        :mod:`namerec.normalize.abbreviations`)

and the rules of the name's kind:

- person: ``initial_clusters`` (JK -> J K), ``name_order`` ("Surname, Given"), ``titles``,
  ``suffixes``, ``particles`` (see :mod:`namerec.normalize.person`); step 9 runs after
  ``name_order``;
- org: ``dotted_letters`` (U.N. -> un), ``ampersand``, ``article`` (the), ``legal_forms``,
  ``abbreviations`` (see :mod:`namerec.normalize.org`); step 9 runs last;
- other (LOC, unknown types, untyped names with no cue): the generic steps and step 9 only.

``STEPS`` lists all of them in order. The full description, tables and lexicons are in
docs/normalization.md.

>>> n = normalize_name("Dr. Martin Luther King Jr.")
>>> n.text, n.kind, n.given, n.surname
('martin luther king', 'person', ('martin', 'luther'), 'king')
>>> normalize_text("Kristīne Bērziņa")
'kristine berzina'
"""

from .name import STEPS, NormalizedName, normalize_name, normalize_text

__all__ = ["STEPS", "NormalizedName", "normalize_name", "normalize_text"]
