"""Extraction: a parsed Doc in, records out. One sub-package per stage; data flows one way.

``codebooks`` (below) <- ``syntax`` <- ``actors`` / ``time`` / ``places`` <- ``speech`` <-
``events``; :mod:`~dyadline.extract.collect` runs them in order (``records_from_doc``).
Word lists and tables are package data in ``data/``.
"""
