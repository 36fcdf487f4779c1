"""Every ``._`` attribute dyadline adds to spaCy objects, declared once.

- ``doc._.dyadline``: the :class:`~dyadline.records.Record` the ``dyadline`` component coded
  (None before it ran).
- ``doc._.dyadline_article``: the :class:`~dyadline.records.Article` to code the doc as, set
  before the pipeline runs (its ``published`` date anchors "last Tuesday"); None codes the doc as
  an undated article with id "doc".
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("dyadline", "dyadline_article")


def register_extensions() -> None:
    """Declare the Doc extensions (safe to call any number of times)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
