"""People the knowledge base does not know, described where they are named.

"Iraqi President Saddam Hussein", "U.S. Secretary of State Warren Christopher",
"Ousted President Askar Akayev of Kyrgyzstan", "Tariq Aziz, Iraq's foreign minister":
the model finds the name (a PERSON entity); its premodifiers (demonym, country,
possessor, title), an "of"/"from" phrase right after it and an appositive title give the
person's country and sector. The mention spans the premodifiers and the name, so the
head token of the noun phrase carries the country.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyadline.extract.actors.lexicon import Hit

NAME_KINDS = ("person", "org")  # a KB name inside the entity: the KB decides, not this module
DESCRIBING = ("term", "demonym", "country", "capital", "org")
TAIL_PREPS = frozenset({"of", "from"})
_CUTS = frozenset({",", ";", ":", "(", ")", "-", "–", "—", '"', "``", "''"})


@dataclass(frozen=True)
class Titled:
    """A person named by a PERSON entity with describing words around the name."""

    start: int  # the mention (premodifiers + name), token offsets, end exclusive
    end: int
    root: int  # the head token of the name
    name: str  # the name as written
    describe: tuple[int, ...]  # tokens that describe the person (premodifiers, "of ..." phrase)
    appositive: tuple[int, int] | None = None  # an appositive title phrase ("Iraq's foreign minister")


def titled_people(doc: Doc, hits: tuple[tuple[int, int, Hit], ...]) -> list[Titled]:
    """Every PERSON entity not in the KB that has describing words in its noun phrase, and every
    name the model missed right after a capitalised title ("Lieutenant-General Asim Bajwa")."""
    out = []
    names = [e for e in doc.ents if e.label_ == "PERSON"] + _untagged_names(doc, hits)
    for ent in sorted(names, key=lambda e: e.start):
        if _known(ent, hits):
            continue
        found = _describe(doc, ent, hits)
        if found is not None:
            out.append(found)
    return out


def _untagged_names(doc: Doc, hits) -> list[Span]:
    """Spans "Title Name Name" where a capitalised title term is followed by two or more
    capitalised proper nouns that no lexicon entry or model entity claims."""
    inside = {i for s, e, h in hits if h.first(*NAME_KINDS, *DESCRIBING) for i in range(s, e)}
    out = []
    for s, e, h in hits:
        sense = h.first("term")
        if sense is None or sense.term.kind != "title" or not doc[e - 1].text[:1].isupper():
            continue
        k = e
        while k < len(doc) and _bare_name_token(doc[k], inside):
            k += 1
        if k - e >= 2:
            out.append(doc[s:k])
    return out


def _bare_name_token(tok: Token, inside: set[int]) -> bool:
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.i not in inside
            and tok.ent_type_ in ("", "PERSON") and not tok.whitespace_.count("\n"))


def _overlapping(ent: Span, hits) -> list[tuple[int, int, Hit]]:
    return [x for x in hits if x[0] < ent.end and x[1] > ent.start]


def _known(ent: Span, hits) -> bool:
    """True when a KB name, or a known surname that is the whole entity, covers the entity."""
    for s, e, h in _overlapping(ent, hits):
        if h.first(*NAME_KINDS):
            return True
        if h.first("short") and s <= ent.start and e >= ent.end:
            return True
    return False


def _name_start(ent: Span, hits) -> int:
    """The first token of the name proper: titles and demonyms the model put in the entity are skipped."""
    start = ent.start
    for s, e, h in sorted(_overlapping(ent, hits)):
        if s <= start < e and e < ent.end and h.first(*DESCRIBING) and not h.first("short"):
            start = e
    return start


def _describe(doc: Doc, ent: Span, hits) -> Titled | None:
    start = _name_start(ent, hits)
    if not doc[start].text[:1].isupper():
        return None
    root = doc[start:ent.end].root
    pre = _premodifiers(doc, root, start)
    tail = _tail(root, ent.end)
    appositive = _appositive(root, ent)
    if not pre and not tail and appositive is None:
        return None
    first = pre[0] if pre else start
    name = doc[start:ent.end].text
    return Titled(first, ent.end, root.i, name, tuple(pre) + tuple(tail), appositive)


def _premodifiers(doc: Doc, root: Token, start: int) -> list[int]:
    """Tokens of the noun phrase before the name, cut after the last break (comma, dash, bracket, line)."""
    left = min(root.left_edge.i, start)
    toks = list(range(left, start))
    for k in range(len(toks) - 1, -1, -1):
        t = doc[toks[k]]
        if (t.text in _CUTS and not _joining_hyphen(t)) or t.is_space or "\n" in t.whitespace_ \
                or t.ent_type_ == "PERSON":
            toks = toks[k + 1:]
            break
    while toks and (doc[toks[0]].is_punct or doc[toks[0]].is_space):
        toks = toks[1:]
    return toks


def _joining_hyphen(t: Token) -> bool:
    """A hyphen inside a word ("Lieutenant-General"), not a dash between phrases."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _tail(root: Token, end: int) -> list[int]:
    """An "of"/"from" phrase right after the name ("Askar Akayev of Kyrgyzstan")."""
    for c in root.rights:
        if c.dep_ == "prep" and c.lower_ in TAIL_PREPS and c.i == end:
            return list(range(c.i, c.right_edge.i + 1))
    return []


def _appositive(root: Token, ent: Span) -> tuple[int, int] | None:
    """The title phrase in apposition: "X, Iraq's foreign minister," or "Iraq's foreign minister, X"."""
    for c in root.rights:
        if c.dep_ == "appos" and c.i >= ent.end and c.left_edge.i >= ent.end:
            return c.left_edge.i, c.i + 1
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ in ("NOUN", "PROPN"):
        return head.left_edge.i, head.i + 1
    return None


def appositive_tokens(doc: Doc, span: tuple[int, int]) -> tuple[int, ...]:
    """The appositive phrase and an "of"/"from"/"for" phrase right after its head (its organisation)."""
    head = doc[span[1] - 1]
    toks = list(range(*span))
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in (*TAIL_PREPS, "for", "at") and c.i == span[1]:
            toks.extend(range(c.i, c.right_edge.i + 1))
            break
    return tuple(toks)


def of_phrase(head: Token, end: int, depth: int = 2) -> list[int]:
    """The tokens of an "of"/"from" phrase right after a noun phrase ending at ``end``, up to the
    head noun of its object and its own "of" phrase ("of the Republic of Armenia"); [] if none."""
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in TAIL_PREPS and c.i == end:
            obj = next((g for g in c.rights if g.dep_ == "pobj"), None)
            if obj is None:
                return []
            toks = list(range(c.i, obj.i + 1))
            return toks + (of_phrase(obj, obj.i + 1, depth - 1) if depth > 1 else [])
    return []
