"""Time: temporal expressions anchored to the publication date.

Entry points: :func:`find_times` and :func:`report_time` (``times.py``). Inside: the word
lexicon (``lexicon``), calendar arithmetic (``calendar``), the pattern grammar
(``grammar``), rule plumbing (``rules``), absolute and relative rules (``absolute``,
``relative``), composition of parts (``compose``) and clause context (``context``).
"""

from dyadline.extract.time.times import find_times, report_time

__all__ = ["find_times", "report_time"]
