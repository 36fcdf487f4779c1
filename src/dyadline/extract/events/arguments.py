"""Who and whom: find the source and target actors of a trigger from the dependency parse.

The actor layer has already found every actor mention (with coreference); this module only
decides which mentions fill which role, and records how each was found for ``explain``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dyadline.extract.events.roles import ActorIndex, Args, Found, Role, tagged
from dyadline.extract.syntax import (
    has_infinitival_to,
    has_passive_aux,
    is_passive,
    matrix_of_misattached_conj,
    real_subject,
)
from dyadline.extract.wordlists import grammar_words
from dyadline.records import Actor

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "dative", "oprd")
NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "nummod", "det", "quantmod"}
NP_PREPS = {"of", "from", "between", "by"}  # "crimes by Croatian extremists": the agent of an act
VERB_TARGET_PREPS = ("against", "on", "to", "toward", "towards", "at", "with", "alongside", "into", "upon", "over", "from", "for",
                     "outside", "between")
NOUN_SOURCE_PREPS = ("by", "from")
GRIEVANCE_PREPS = ("over", "about", "against")
PARTNER_PREPS = {"with", "to", "against", "on", "toward", "towards", "into"}  # "talks with X", "a protest to X", "a probe into X"
RECIPIENT_PREPS = {"on", "to", "against", "for", "into"}  # "sanctions on X", "aid to X", "weapons for X"
NOUN_TARGET_PREPS = ("on", "against", "to", "with", "into", "toward", "towards", "at", "of", "for", "upon")
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acl", "relcl", "ccomp", "npadvmod", "attr",
              "acomp"}


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.span, a.name, a.country)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _relation_of(noun: Token, prep: Token, idx: ActorIndex) -> bool:
    """"opponents of Maduro", "victims of the regime": the noun is someone else than the of-object."""
    return prep.lower_ == "of" and noun.lemma_.lower() in idx.words.relational_nouns | idx.words.kin_nouns


def np_actors(tok: Token, idx: ActorIndex, *, depth: int = 3) -> Role:
    """Actors named by the noun phrase headed by ``tok`` (and its conjuncts)."""
    found, toks = [], []
    for head in (tok, *tok.conjuncts):
        got = _np_search(head, idx, depth)
        if got:
            found.extend(got[0])
            toks.append(got[1])
    return tagged(_unique(found), toks, Found.NOUN_PHRASE)


def _np_search(tok: Token, idx: ActorIndex, depth: int) -> tuple[list[Actor], int] | None:
    """Breadth-first over the phrase's modifiers: the nearest mention that names a country
    ("U.S. Secretary of State Warren Christopher" -> U.S.), else the nearest mention at all."""
    frontier, first = [tok], None
    for _ in range(depth + 1):
        nxt = []
        for t in frontier:
            here = idx.at(t)
            if here:
                if any(a.country for a in here):
                    if t.i != tok.i:  # "the leaders of Germany, France and Poland": all three
                        here = here + [a for cj in t.conjuncts for a in idx.at(cj)]
                    else:
                        here = here + _of_conjuncts(t, idx, {a.country for a in here})
                    return [a for a in here if a.country], t.i
                first = first or (here, t.i)
            for c in t.children:
                if possessor_of_relation(c, idx):
                    continue  # "its allies", "Russia's neighbours": others, not the possessor
                if c.dep_ in NP_DEPS:
                    nxt.append(c)
                elif c.dep_ == "prep" and c.lower_ in NP_PREPS and not _relation_of(t, c, idx):
                    nxt.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ == "acl" and c.tag_ == "VBN":  # "crimes committed by Croat forces"
                    nxt.extend(g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
        frontier = nxt
        if not frontier:
            break
    return first


LOCATIVE_PREPS = {"to", "in", "at", "into", "near", "toward", "towards"}


def _of_conjuncts(noun: Token, idx: ActorIndex, have: set) -> list[Actor]:
    """"The leaders of Germany, France and Poland" resolved as Germany's: the other countries too."""
    out = []
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for g in p.children:
                if g.dep_ == "pobj" and any(a.country in have for a in idx.at(g)):
                    out += [a for cj in g.conjuncts for a in idx.at(cj) if a.country and a.country not in have]
    return out


def relative_antecedent(noun: Token, idx: ActorIndex) -> Role:
    """The actor a relative clause is about: "a delegation from X to Pyongyang, which expressed ..."

    The parser attaches "which" to the nearest noun; when that noun is only the destination
    or place of a larger phrase whose own head names an actor, the head is meant.
    """
    owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in LOCATIVE_PREPS else None
    while owner is not None and owner.pos_ == "ADP" and owner.head.i != owner.i:
        owner = owner.head
    if owner is not None and owner.pos_ in ("NOUN", "PROPN"):
        for c in owner.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "by"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        r = np_actors(g, idx)
                        if r:
                            return r
        r = np_actors(owner, idx, depth=1)
        if r:
            return r
    return np_actors(noun, idx)


def agent_role(verb: Token, idx: ActorIndex) -> Role:
    """The agent of a verb: its subject (active), its by-agent (passive), or a relative's antecedent."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    r = np_actors(g, idx)
                    if r:
                        r.tag(Found.PASSIVE_AGENT, g.text)
                        return r
        if c.dep_ == "nsubjpass" and verb.lemma_.lower() in idx.words.stative_passives:
            r = np_actors(c, idx)  # "Israel is opposed to French mediation": Israel opposes
            if r:
                r.tag(Found.STATIVE_SUBJECT, verb.text)
                return r
        if c.dep_ in SUBJ:
            if has_passive_aux(verb):
                continue  # "have been killed" parsed with an active subject: it is the patient
            c = real_subject(verb, c)
            if c.lower_ in grammar_words().relative_pronouns and verb.dep_ == "relcl":
                r = relative_antecedent(verb.head, idx)
                r.tag(Found.RELATIVE_ANTECEDENT, c.text)
                return r
            r = np_actors(c, idx)
            r.tag(Found.SUBJECT, c.text)
            if r:
                return r
    return _misparsed_subject(verb, idx)


def _misparsed_subject(verb: Token, idx: ActorIndex) -> Role:
    """A finite verb with no subject, whose clause opens with a name the parser took for a
    modifier ("USAID provided ..." with USAID an adverb): that name is the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or has_subject(verb) or verb.dep_ not in ("ROOT", "ccomp", "conj"):
        return Role()
    first = next((c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod", "dep", "nmod")), None)
    if first is None or first.pos_ not in ("PROPN", "ADV", "NOUN") or not first.text[:1].isupper() \
            or any(t.pos_ == "PUNCT" for t in verb.doc[first.i:verb.i]):
        return Role()
    r = np_actors(first, idx, depth=1)
    return r.tag(Found.MISPARSED_SUBJECT, first.dep_, first.text) if r else Role()


def object_of(verb: Token, idx: ActorIndex, *, passive: bool, direct: bool = True) -> Role:
    """The patient of a verb: its object, its passive subject, or a prepositional object.

    With ``direct=False`` the direct object is what is moved or imposed ("sent troops",
    "imposed sanctions"), so the target is the recipient: a dative, a prepositional object,
    or the object of a purpose clause ("troops to aid Russia").
    """
    if not direct:
        return _recipient(verb, idx)
    for c in verb.children:
        if (c.dep_ in OBJ and not passive) or (passive and c.dep_ == "nsubjpass"):
            if c.lower_ in grammar_words().relative_pronouns and verb.dep_ == "relcl":
                r = np_actors(verb.head, idx)
            else:
                r = np_actors(c, idx)
            if r:
                r.tag(Found.PASSIVE_SUBJECT if passive else Found.OBJECT, c.text)
                return r
    r = Role() if passive else _object_prep_target(verb, idx, PARTNER_PREPS)  # "lodged a protest with Beijing"
    return r or _prep_target(verb, idx)


def _object_prep_target(verb: Token, idx: ActorIndex, preps: set[str]) -> Role:
    """An actor in a PP on the verb's direct object: "a protest with Beijing (over ...)",
    "sanctions on Turkish officials (over ...)", before the verb's own PPs."""
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ in preps and (r := _pp_actor(p, idx, on_object=c)):
                return r
    return Role()


def grievance_target(verb: Token, idx: ActorIndex) -> Role:
    """Whom a complaint is about, when the parse gave only whom it was made to: "complained to the
    UN over Israeli air raids", "protested to Beijing about the detention of its citizens"."""
    return _prep_target(verb, idx, GRIEVANCE_PREPS)


def _prep_target(verb: Token, idx: ActorIndex, preps=VERB_TARGET_PREPS) -> Role:
    """The first actor in a prepositional object, in order of VERB_TARGET_PREPS."""
    for prep in preps:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == prep and (r := _pp_actor(c, idx)):
                return r
    return Role()


def _pp_actor(prep: Token, idx: ActorIndex, *, on_object: Token | None = None) -> Role:
    """The first actor among the objects of a PP (and of the PPs hung on it): a prepositional
    object of the verb, or of the verb's direct object ``on_object``."""
    for p, g in _prep_objects(prep):
        r = np_actors(g, idx)
        if r:
            return r.tag(Found.OBJECT_PP, on_object.text, p.text, g.text) if on_object is not None else \
                r.tag(Found.PREP_OBJECT, p.text, g.text)
    return Role()


def _recipient(verb: Token, idx: ActorIndex) -> Role:
    for c in verb.children:
        if c.dep_ == "dative":
            r = np_actors(c, idx)
            if r:
                r.tag(Found.INDIRECT_OBJECT, c.text)
                return r
    r = _object_prep_target(verb, idx, RECIPIENT_PREPS) or _prep_target(verb, idx)
    if r:
        return r
    for c in verb.children:  # "sent troops to aid Russia": the purpose clause names the recipient
        clauses = [c] if c.dep_ in ("advcl", "xcomp") else [g for g in c.children if g.dep_ in ("relcl", "acl")] if c.dep_ == "dobj" else []
        for cl in clauses:
            if has_infinitival_to(cl):
                r = object_of(cl, idx, passive=False)
                if r:
                    r.tag(Found.PURPOSE_CLAUSE, cl.text)
                    return r
    for c in verb.children:  # "supplying half of Russia's ammunition": the owner receives it
        if c.dep_ in OBJ:
            r = np_actors(c, idx)
            if r and all(verb.doc[i].dep_ == "poss" for i in r.tokens):
                r.tag(Found.OBJECT_POSSESSOR, c.text)
                return r
    return Role()


def noun_roles(noun: Token, idx: ActorIndex) -> Args:
    """Source and target of a nominal event: "Ukraine's counter-offensive", "a visit from X to Y"."""
    source, target, reciprocal = Role(), Role(), False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        owner = noun.head.head  # "the EU's package of sanctions against Iran"
        for c in owner.children:
            if c.dep_ == "poss":
                source = np_actors(c, idx)
                source.tag(Found.OWNER_POSSESSOR, owner.text)
    for c in noun.children:
        if c.dep_ == "poss" and not source:
            source = np_actors(c, idx)
            source.tag(Found.POSSESSOR, c.text)
        elif c.dep_ in ("amod", "compound") and c.i < noun.i and not source and idx.at(c):
            source = tagged(_unique(idx.at(c)), [c.i], Found.MODIFIER, c.text)
        elif c.dep_ == "prep":
            for prep, g in _prep_objects(c):
                c = prep
                r = np_actors(g, idx)
                if not r:
                    continue
                if c.lower_ in NOUN_SOURCE_PREPS and not source:
                    source = r.tag(Found.NOUN_PREP, c.text, g.text)
                elif c.lower_ == "between":
                    source, target, reciprocal = r, Role(list(r.actors), list(r.tokens)), True
                    source.tag(Found.BETWEEN, g.text)
                    target.tag(Found.BETWEEN, g.text)
                elif c.lower_ in NOUN_TARGET_PREPS and not target:
                    target = r.tag(Found.NOUN_PREP, c.text, g.text)
    return Args(source, target, reciprocal)


def _prep_objects(prep: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs of a PP, following PPs the parser hung on it ("from X to Y")."""
    out = []
    for g in prep.children:
        if g.dep_ == "pobj":
            out.append((prep, g))
        elif g.dep_ == "prep":
            out.extend(_prep_objects(g))
    return out


def has_subject(verb: Token) -> bool:
    """Whether ``verb`` has a subject of its own (an actor or not)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl") for c in verb.children)


def _agentive_passive(verb: Token, idx: ActorIndex) -> Role:
    """"X was involved in the killing": X is the agent of what it was involved in."""
    if verb.lemma_.lower() not in idx.words.agentive_passives:
        return Role()
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    r = np_actors(subj, idx) if subj is not None else Role()
    if r:
        r.tag(Found.AGENTIVE_PASSIVE, subj.text, verb.text)
    return r


def inherit(tok: Token, idx: ActorIndex, *, max_steps: int = 5) -> Args:
    """Climb from ``tok`` to the nearest governing clause and borrow its subject (and object).

    Serves control ("agreed to enhance"), coordination ("met and signed"), participles
    ("troops fighting alongside"), and nominal events under light verbs ("launched an attack").
    The first of ``_BORROWING`` that answers at a step ends the climb.
    """
    if is_passive(tok):
        return Args(Role(), Role())  # "if its ally were threatened": a passive hides its agent
    cur = tok
    for _ in range(max_steps):
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            break
        for rule in _BORROWING:
            found = rule(cur, cur.head, idx)
            if found is not None:
                return found
        cur = cur.head
    return Args(Role(), Role())


def _borrowed(source: Role) -> Args:
    return Args(source, Role())


def _object_control(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"allowed anyone to threaten", "urged Iran to stop": the object acts."""
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if cur.dep_ != "xcomp" or obj is None:
        return None
    return _borrowed(np_actors(obj, idx).tag(Found.OBJECT_CONTROL, head.text))


def _charged_object(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"accused the rebels of attacking" with "of" hung on the object: the rebels attacked."""
    if cur.dep_ != "pcomp" or head.lower_ not in ("for", "of") or head.head.dep_ != "dobj" or \
            head.head.head.lemma_.lower() not in idx.words.charging_verbs:
        return None
    o = np_actors(head.head, idx)
    return _borrowed(o.tag(Found.CHARGED_OBJECT, head.head.head.text, head.head.text)) if o else None


def _about(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"thanked X for sending", "accused X of attacking": X is the agent."""
    if cur.dep_ != "pcomp" or head.lower_ not in ("for", "of") or head.head.pos_ != "VERB":
        return None
    o = object_of(head.head, idx, passive=False)
    return _borrowed(o.tag(Found.ABOUT, head.head.text)) if o else None


def _purpose(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"may send troops to aid Russia": the sender aids."""
    if cur.dep_ not in ("acl", "relcl") or not has_infinitival_to(cur) or head.dep_ not in ("dobj", "pobj") or \
            head.head.pos_ != "VERB" or any(a.country for a in np_actors(head, idx).actors):
        return None
    s = agent_role(head.head, idx)
    return _borrowed(s.tag(Found.PURPOSE_SUBJECT, head.head.text)) if s else None


def _clause_noun(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"troops fighting alongside": the noun a clause modifies."""
    if cur.dep_ not in ("acl", "relcl") or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    r = np_actors(head, idx)
    return _borrowed(r.tag(Found.CLAUSE_NOUN, head.text)) if r else None


def _raising(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"Iran is reported to be supplying", "is believed to be cooperating": the passive subject."""
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if cur.dep_ != "xcomp" or subj is None:
        return None
    r = np_actors(subj, idx)
    return _borrowed(r.tag(Found.RAISING, head.text)) if r else None


def _shared_passive(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"has been indicted by the court and will resign": the one indicted resigns (but "were
    surrounded and detained" are both passive)."""
    if head.pos_ not in ("VERB", "AUX") or cur.dep_ != "conj" or not is_passive(head) or is_passive(cur) \
            or cur.tag_ == "VBN":
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    r = np_actors(subj, idx) if subj is not None else Role()
    return _borrowed(r.tag(Found.SHARED_PASSIVE, head.text, cur.text)) if r else None


def _misattached_conj(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """"denied that soldiers had been killed and accused India of ...": the parser hangs the
    active conjunct on the passive reported verb; its doer is the reporting verb's subject."""
    matrix = matrix_of_misattached_conj(cur)
    s = agent_role(matrix, idx) if matrix is not None else Role()
    return _borrowed(s.tag(Found.INHERITED, matrix.text)) if s else None


def _governing_verb(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """The governing verb's subject and object ("agreed to enhance", "met and signed"). A clause
    with a subject of its own is a boundary: "Trudeau said [the government may have been
    involved in the killing]" must not reach "Trudeau"."""
    if head.pos_ not in ("VERB", "AUX"):
        return None
    s = agent_role(head, idx)
    if s:
        o = object_of(head, idx, passive=is_passive(head))
        if o:
            o.tag(Found.INHERITED, head.text)
        return Args(s.tag(Found.INHERITED, head.text), o)
    return _borrowed(_agentive_passive(head, idx)) if has_subject(head) else None


def _governing_noun(cur: Token, head: Token, idx: ActorIndex) -> Args | None:
    """The source of a governing nominal event, or the actor the governing noun names."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    a = noun_roles(head, idx)
    if a.source:
        return _borrowed(a.source.tag(Found.INHERITED, head.text))
    r = np_actors(head, idx)
    return _borrowed(r.tag(Found.INHERITED_NOUN, head.text)) if r and cur.dep_ not in ("pobj", "prep") else None


_BORROWING = (_object_control, _charged_object, _about, _purpose, _clause_noun, _raising, _misattached_conj,
              _shared_passive,
              _governing_verb, _governing_noun)


def refers_to(a: Actor, spans: set) -> bool:
    """A pronoun standing for one of ``spans`` ("its" after "Chinese regulators")."""
    return a.antecedent is not None and a.antecedent in spans and a.text.lower() in grammar_words().pronouns


def appositive_chars(appos: Token) -> tuple[int, int]:
    """The character range of an appositive phrase ("a British farmer")."""
    sub = list(appos.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def possessor_of_relation(t: Token, idx: ActorIndex) -> bool:
    """"its" in "its allies": names whose allies, not anyone acted on."""
    return t.dep_ == "poss" and t.head.lemma_.lower() in idx.words.relational_nouns
