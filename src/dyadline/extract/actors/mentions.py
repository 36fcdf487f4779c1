"""Actor mentions in a parsed Doc: noun phrases that name, describe or point to an actor.

The lexicon (KB names, country forms, sector terms) is matched over the whole Doc once;
the parser's noun chunks then decide each mention's extent: a chunk whose head is an
actor word is one mention ("Russian President Vladimir Putin", "North Korean troops");
in a chunk about something else, possessors ("Ukraine's counter-offensive") and
demonyms ("Russian military efforts") still name actors. The model's entity labels are
not trusted for known names; its PERSON entities only add people the KB does not know.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from dyadline.codebooks.plover import STATE_SECTORS
from dyadline.extract.actors.groups import PLACE_KINDS, clause_place, place_tail, state_country
from dyadline.extract.actors.hits import Coder, DocHits, Mention, local_tokens, local_words
from dyadline.extract.actors.lexicon import Hit
from dyadline.extract.actors.people import Titled, appositive_tokens, of_phrase, titled_people
from dyadline.extract.actors.phrase import Coding
from dyadline.extract.actors.terms import is_personal
from dyadline.extract.actors.words import ActorWords, shipped_actor_words
from dyadline.extract.wordlists import grammar_words
from dyadline.records import Basis

DEFINITE = frozenset({"the", "both", "this", "that", "these", "those"})
NUMBER_WORDS = frozenset({"two", "both"})
PROPER_KINDS = ("person", "short", "org", "country", "capital")
_LONGEST = 30  # tokens: no lexicon match is longer
_BREAKS = frozenset({"-", "–", "—", ":", ";", "|", "(", ")", "[", "]"})


def _is_subject(tok) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"))


PLACE_BASES = frozenset({Basis.COUNTRY_METONYM, Basis.COUNTRY_CITY, Basis.COUNTRY_REGION})


def _acting(tok) -> bool:
    """A city or capital used as an actor: a subject, a possessor or an agent ("by Moscow")."""
    if tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "poss") or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "by"


def _plural(span: Span, words: ActorWords) -> bool:
    root = span.root
    return root.tag_ in ("NNS", "NNPS") or root.lower_ in words.collective_nouns


@dataclass
class MentionFinder:
    """Turns a Doc and its lexicon hits into mentions."""

    doc: Doc
    hits: DocHits
    coder: Coder
    date: dt.date | None = None
    places: object | None = None  # a gazetteer (supports ``in``): one-word PERSON entities that are places are not people
    mentions: list[Mention] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)
    words: ActorWords = field(default_factory=shipped_actor_words)

    def run(self) -> list[Mention]:
        """All mentions of the Doc, in text order."""
        if self.doc.has_annotation("DEP") and self.doc.has_annotation("ENT_IOB"):
            for t in titled_people(self.doc, self.hits.hits):
                self._titled(t)
        for chunk in self._chunks():
            self._chunk(chunk)
        self._loose_hits()
        self._people()
        self._surnames()
        self._organisations()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        _link_conjuncts(self.doc, self.mentions)
        return self.mentions

    def _chunks(self) -> list[Span]:
        try:
            chunks = list(self.doc.noun_chunks)
        except ValueError:  # no parser: every hit stands alone
            return []
        return [self._widen(c) for c in chunks]

    def _widen(self, chunk: Span) -> Span:
        start, end = chunk.start, chunk.end
        for s, e, _ in self.hits.within(max(0, start - _LONGEST), end + _LONGEST):
            if s < chunk.end and e > chunk.start:
                start, end = min(start, s), max(end, e)
        for t in self.doc[start:chunk.root.i]:
            spaced = bool(t.whitespace_) or (t.i > 0 and bool(self.doc[t.i - 1].whitespace_))
            if (t.text in _BREAKS and spaced) or t.is_space:
                start = t.i + 1
        while start < end and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        return self.doc[start:end] if start < end else chunk

    def _titled(self, t: Titled) -> None:
        """A person the KB does not know, with the country and sector its description gives."""
        if any(i in self.covered for i in range(t.start, t.end)):
            return
        own = self._code_tokens(t.describe) if t.describe else None
        appos = appositive_tokens(self.doc, t.appositive) if t.appositive else ()
        other = self._code_tokens(appos) if appos else None
        coding = _merge(own, other)
        if coding is None:
            return
        pronoun = self._owner_pronoun((*t.describe, *appos)) if coding.country is None else None
        self._add(t.start, t.end, "named", coding=coding, person=True, name=t.name, root=t.root, pronoun=pronoun)
        if other is not None and other.term is not None and not any(i in self.covered for i in appos):
            a, b = t.appositive
            self._add(a, b, "named", coding=coding, person=True, name=t.name, root=b - 1, pronoun=pronoun)

    def _owner_pronoun(self, idxs) -> str | None:
        """"its"/"their" in a person's description ("Its chairman, X"): the owner gives the country."""
        return next((self.doc[i].lower_ for i in idxs if self.doc[i].lower_ in ("its", "their")), None)

    def _code_tokens(self, idxs) -> Coding | None:
        """Code some tokens without looking up who holds a title (the person is named)."""
        words, hits = local_tokens(self.doc, idxs, self.hits)
        return self.coder(words, hits, lookup=False)

    def _code_np(self, chunk: Span) -> Coding | None:
        """Code a noun chunk with its "of"/"from" phrase ("the president of Armenia", "doctors from
        two American aid groups"): the phrase's country counts when the chunk names none.
        A place phrase ("in Syria", "living in Latvia") counts for people groups and non-state actors."""
        tail = of_phrase(chunk.root, chunk.end)
        if tail:
            return self._code_with(chunk, tail)
        coding = self._code(chunk.start, chunk.end)
        where = place_tail(chunk.root, chunk.end)
        placed = self._code_with(chunk, where) if where else None
        if placed is not None and _placed_wins(coding, placed):
            coding = placed
        if coding is not None and coding.basis is Basis.GROUP_ETHNIC:
            coding = self._clause_group(chunk, coding)
        return coding

    def _code_with(self, chunk: Span, tail: list[int]) -> Coding | None:
        words, hits = local_tokens(self.doc, [*range(chunk.start, chunk.end), *tail], self.hits,
                                    skip=("person", "short"), skip_from=chunk.end)
        return self.coder(words, hits)

    def _clause_group(self, chunk: Span, coding: Coding) -> Coding:
        """An ethnic group with no place of its own takes the place its clause happens in."""
        states = [(s, e, c) for s, e, h in self.hits.hits
                  if (c := state_country(h.first(*PLACE_KINDS))) is not None and not h.first("org", "person")]
        country = clause_place(chunk.root, states)
        if country is None or country == coding.country:
            return coding
        return replace(coding, country=country, basis=Basis.GROUP_CLAUSE)

    def _hits_in(self, start: int, end: int) -> list[tuple[int, int, Hit]]:
        return self.hits.within(start, end)

    def _add(self, start: int, end: int, kind: str, **kw) -> Mention:
        root = kw.pop("root", None)
        root_tok = self.doc[root] if root is not None else self.doc[start:end].root
        coding = kw.get("coding")
        if coding is not None and coding.basis in PLACE_BASES and not _acting(root_tok):
            kw["referential"] = False  # "met in Tokyo": a place, not an antecedent for "its"
        m = Mention(start, end, kind, root=root_tok.i, sent=_sent_index(self.doc, root_tok),
                    subject=_is_subject(root_tok), **kw)
        self.mentions.append(m)
        self.covered.update(range(start, end))
        return m

    def _code(self, start: int, end: int) -> Coding | None:
        words, hits = local_words(self.doc, start, end, self.hits)
        return self.coder(words, hits)

    def _chunk(self, chunk: Span) -> None:
        if all(t.i in self.covered for t in chunk):
            return
        root = chunk.root
        if root.pos_ == "PRON":
            self._pronoun(root)
            return
        if _condition_noun(root):
            return  # "a state of siege", "a state of emergency": a condition, not a state
        inside = self._hits_in(chunk.start, chunk.end)
        if self._media(chunk, inside):
            return
        root_hit = next((x for x in inside if x[0] <= root.i < x[1]), None)
        if root_hit is not None and (root_hit[2].first(*PROPER_KINDS, "term", "demonym")):
            self._actor_chunk(chunk, inside)
        elif root.ent_type_ == "PERSON" and not inside:
            self._person_chunk(chunk)
        else:
            self._other_chunk(chunk, inside)

    def _media(self, chunk: Span, inside) -> bool:
        """A news outlet the KB does not know ("Israel's Channel 12 News", "the outlet News 24"):
        a journalist actor with the country of its possessor, demonym or the noun it stands beside."""
        root = chunk.root
        if root.pos_ != "PROPN" or any(h.first("person", "org", "short") for _, _, h in inside):
            return False
        words = [t for t in chunk if t.i not in self.hits.tokens and t.text[:1].isupper() and t.pos_ != "DET"]
        if not words or not any(t.lower_ in self.words.outlet_name_words for t in words):
            return False
        end = max([chunk.end, *(c.i + 1 for c in root.rights if c.dep_ == "nummod" and c.i == chunk.end)])
        state = next((h.first("country", "demonym", "capital") for _, _, h in inside
                      if h.first("country", "demonym", "capital")), None)
        country = state.country if state else self._country_of(root.head if root.dep_ == "appos" else None)
        name = self.doc[words[0].i:end].text
        self._add(chunk.start, end, "named", coding=Coding(name, country, "JRN", Basis.MEDIA), root=root.i)
        return True

    def _country_of(self, tok) -> str | None:
        """The country of the mention whose head is ``tok`` (None if none)."""
        if tok is None:
            return None
        m = next((m for m in self.mentions if m.root == tok.i and m.coding is not None), None)
        return m.coding.country if m else None

    def _actor_chunk(self, chunk: Span, inside) -> None:
        coding = self._code_np(chunk)
        if coding is not None and coding.term is not None and coding.term.instrument and not _agent(chunk.root):
            if coding.country is None:
                return
            coding = replace(coding, sector=None)  # "shot down an Iranian drone": the country only
        proper = [x for x in inside if x[2].first(*PROPER_KINDS)]
        short = next((x for x in inside if x[2].first("short") and not x[2].first("person", "org")), None)
        if short is not None and self._inside_longer_name(short[0], short[1]):
            return
        people = coding is not None and coding.entry is not None and coding.entry.kind == "person"
        if short is not None and len(proper) == 1 and people:
            self._add(chunk.start, chunk.end, "short", coding=coding, person=True, short_hit=short[2])
            return
        possessive = next((t for t in chunk if t.tag_ == "PRP$"), None)
        no_country = coding is None or coding.country is None
        if possessive is not None and no_country and not proper:
            self._add(chunk.start, chunk.end, "description", coding=coding, plural=_plural(chunk, self.words),
                      pronoun=possessive.lower_)
            return
        kind = self._description_kind(chunk, proper, coding)
        if coding is None and kind == "named":
            return
        personal = coding is not None and coding.term is not None and is_personal(coding.term)
        self._add(chunk.start, chunk.end, kind, coding=coding, plural=_plural(chunk, self.words),
                  person=people or (personal and not _plural(chunk, self.words)))

    def _description_kind(self, chunk: Span, proper, coding: Coding | None) -> str:
        first = chunk[0].lower_
        lemma = chunk.root.lemma_.lower()
        if proper or first not in DEFINITE:
            return "named"
        if _plural(chunk, self.words) and lemma in self.words.pair_nouns and any(t.lower_ in NUMBER_WORDS for t in chunk):
            return "pair"
        if coding is not None and coding.entry is not None and coding.basis is not Basis.KB_TITLE:
            return "named"
        return "description"

    def _other_chunk(self, chunk: Span, inside) -> None:
        lemma = chunk.root.lemma_.lower()
        first = chunk[0].lower_
        if lemma in self.words.org_heads and any(h.first("org") and e <= chunk.root.i for _, e, h in inside):
            coding = self._code(chunk.start, chunk.end)
            if coding is not None:
                self._add(chunk.start, chunk.end, "named", coding=coding, plural=_plural(chunk, self.words))
                return
        if first in DEFINITE and chunk.root.pos_ == "NOUN" and _pair_chunk(chunk, inside, self.words):
            self._add(chunk.start, chunk.end, "pair", plural=True)
            return
        if first in DEFINITE and not inside and chunk.root.pos_ == "NOUN":
            if lemma in self.words.country_nouns and not _plural(chunk, self.words):
                self._add(chunk.start, chunk.end, "country-description")
                return
            if lemma in self.words.group_nouns and not _plural(chunk, self.words):
                self._add(chunk.start, chunk.end, "group-description")
                return
        for s, e, h in inside:
            if h.first(*PROPER_KINDS) and self._possessor(e):
                self._add(s, e, "named", coding=self._code(s, e), root=e - 1, person=bool(h.first("person")))
            elif h.first("country", "capital") and not h.first("demonym"):
                self._add(s, e, "named", coding=self._code(s, e), root=e - 1, referential=False)
            elif h.first("demonym") and chunk.root.pos_ in ("NOUN", "PROPN"):
                coding = self._code_np(chunk)
                if coding is not None:
                    self._add(chunk.start, chunk.end, "named", coding=coding, plural=_plural(chunk, self.words),
                              referential=False)
                return
            elif h.first("short") and not h.first("person", "org"):
                if not self._inside_longer_name(s, e):
                    self._add(s, e, "short", coding=self._code(s, e), root=e - 1, person=True, short_hit=h)
            elif h.first("person", "org"):
                self._add(s, e, "named", coding=self._code(s, e), root=e - 1, person=bool(h.first("person")))
        for t in chunk:
            if t.tag_ == "PRP$":
                self._pronoun(t)

    def _inside_longer_name(self, start: int, end: int) -> bool:
        """A short name next to another unknown proper noun ("Hussein Mwinyi") is someone else."""
        near = [i for i in (start - 1, end) if 0 <= i < len(self.doc)]
        known = self.hits.tokens
        return any(self.doc[i].pos_ == "PROPN" and self.doc[i].text[:1].isupper() and i not in known for i in near)

    def _possessor(self, end: int) -> bool:
        return end < len(self.doc) and self.doc[end].tag_ == "POS" or self.doc[end - 1].dep_ == "poss"

    def _pronoun(self, tok) -> None:
        low = tok.lower_
        g = grammar_words()
        if low in g.gendered_pronouns:
            self._add(tok.i, tok.i + 1, "pronoun", root=tok.i, person=True, gender=g.gendered_pronouns[low])
        elif low in g.plural_pronouns:
            self._add(tok.i, tok.i + 1, "pronoun", root=tok.i, plural=True)
        elif low in g.neuter_pronouns and (low == "its" or tok.dep_ in ("nsubj", "nsubjpass")) and (
                tok.head.lemma_ != "be" or any(c.dep_ == "acomp" and c.lower_ in self.words.stance_adjectives for c in tok.head.children)):
            self._add(tok.i, tok.i + 1, "pronoun", root=tok.i)

    def _person_chunk(self, chunk: Span) -> None:
        ent = next((e for e in self.doc.ents if e.start <= chunk.root.i < e.end), None)
        if ent is None or not self._plausible_person(ent):
            return
        coding = self._code(chunk.start, chunk.end)
        self._add(chunk.start, chunk.end, "named", coding=coding, person=True, name=ent.text)

    def _plausible_person(self, ent: Span) -> bool:
        """Model PERSON entities of one word count as the surname of someone named before, or as
        someone who acts or is acted on ("Papandreou agreed to resign", "Ingabire was arrested")."""
        if len(ent) > 1:
            return True
        if self.places is not None and ent.text in self.places and not _speaker(ent.root, self.places.words.speech_verbs):
            return False  # a town the model took for a person; but "Clinton said" is a person
        if ent.root.pos_ == "PROPN" and _argument(ent.root):
            return True
        return any(m.name and m.name.split()[-1] == ent.text and m.end <= ent.start for m in self.mentions)

    def _loose_hits(self) -> None:
        for s, e, h in self.hits.hits:
            if any(i in self.covered for i in range(s, e)) or not h.first(*PROPER_KINDS):
                continue
            coding = self._code(s, e)
            if coding is None:
                continue
            kind = "short" if h.first("short") and not h.first("person", "org") else "named"
            if kind == "short" and self._inside_longer_name(s, e):
                continue
            self._add(s, e, kind, coding=coding, root=e - 1, person=bool(h.first("person", "short")),
                      short_hit=h if kind == "short" else None)

    def _surnames(self) -> None:
        """Later bare surnames of people named in full ("Kozyrev"), whatever the model labelled them."""
        first: dict[str, int] = {}
        for m in self.mentions:
            if m.name and " " in m.name and m.person:
                surname = m.name.split()[-1]
                first[surname] = min(first.get(surname, m.end), m.end)
        if not first:
            return
        for tok in self.doc:
            seen = first.get(tok.text)
            if seen is not None and seen <= tok.i and tok.i not in self.covered and tok.pos_ == "PROPN":
                self._add(tok.i, tok.i + 1, "named", coding=None, person=True, name=tok.text, root=tok.i)

    def _organisations(self) -> None:
        """Named groups the knowledge base does not list ("Hezb-e-Islami", "the FLA"), when they act
        or are acted on: actors by name, with no country or sector of their own."""
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or any(i in self.covered for i in range(ent.start, ent.end)):
                continue
            acronym = len(ent) == 1 and ent.text.isupper() and ent.text.isalpha()
            if not ent.text[:1].isupper() or not (_argument(ent.root) or _acted_on(ent.root, self.words)) or \
                    (self.places is not None and ent.text in self.places and not acronym):
                continue  # "the FLA" acts: an organisation, whatever abbreviation a place has
            self._add(ent.start, ent.end, "named", coding=None, person=False, name=ent.text, root=ent.end - 1)

    def _people(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or any(i in self.covered for i in range(ent.start, ent.end)):
                continue
            if not ent.text[:1].isupper() or not self._plausible_person(ent):
                continue
            self._add(ent.start, ent.end, "named", coding=None, person=True, name=ent.text, root=ent.end - 1)


def _condition_noun(root) -> bool:
    """"state" followed by "of" and a common noun names a condition ("a state of siege")."""
    return root.lemma_.lower() == "state" and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in p.children)
        for p in root.children)


def _speaker(tok, speech_verbs: frozenset[str]) -> bool:
    """The subject of an active verb of saying ("Clinton has said", "Obama told"); the verbs are
    the toponym finder's, which reads "Jordan said" the same way."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in speech_verbs


def _acted_on(tok, words: ActorWords) -> bool:
    """The object of a preposition that points an act at someone ("an investigation into Alibaba
    Group", "sanctions on Huawei", "talks with Hezb-e-Islami")."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in words.directed_prepositions


def _argument(tok) -> bool:
    """A subject or object of a verb, or a passive's agent ("by Erdogan")."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _agent(tok) -> bool:
    """The one acting: a subject of an active verb, or the agent of a passive ("by drones")."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _placed_wins(own: Coding | None, placed: Coding) -> bool:
    """A place phrase codes a people group ("Kurds in Syria"), or a non-state actor the
    phrase itself gives no country ("separatists in Donetsk"); never state forces."""
    if placed.basis.is_group:
        return True
    if own is None or own.country is not None or placed.country is None:
        return False
    return own.sector is not None and own.sector not in STATE_SECTORS and own.entry is None


def _pair_chunk(chunk: Span, inside, words: ActorWords) -> bool:
    """"The two (former Soviet) republics": a plural pair noun with a number word and no name
    in it other than demonyms, which describe the pair rather than name a third country."""
    if chunk.root.lemma_.lower() not in words.pair_nouns or not _plural(chunk, words):
        return False
    if not any(t.lower_ in NUMBER_WORDS for t in chunk):
        return False
    return all(h.first("demonym") or not h.first(*PROPER_KINDS) for _, _, h in inside)


def _merge(own: Coding | None, other: Coding | None) -> Coding | None:
    """The coding of a named person from its own modifiers, completed by an appositive's."""
    country = (own.country if own else None) or (other.country if other else None)
    sector = (own.sector if own else None) or (other.sector if other else None)
    if country is None and sector is None:
        return None
    term = (own.term if own else None) or (other.term if other else None)
    return Coding(None, country, sector, Basis.TITLED, term=term, former=bool(own and own.former))


def _sent_index(doc: Doc, tok) -> int:
    try:
        return tok.sent.start
    except ValueError:
        return 0


def _link_conjuncts(doc: Doc, mentions: list[Mention]) -> None:
    by_root = {m.root: m for m in mentions if m.kind in ("named", "short")}
    for m in mentions:
        if m.kind not in ("named", "short"):
            continue
        tok = doc[m.root]
        if tok.dep_ == "conj":
            continue
        group = [by_root[c.i] for c in tok.conjuncts if c.i in by_root]
        if group:
            m.members = [m, *group]
