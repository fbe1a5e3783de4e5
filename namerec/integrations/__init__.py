"""Optional integrations with other libraries; each is imported only when used.

- :mod:`namerec.integrations.spacy_component`: the ``namerec`` pipeline component and the
  ``namerec.CandidateGenerator.v1`` candidate generator for spaCy (``pip install "namerec[spacy]"``).
"""
