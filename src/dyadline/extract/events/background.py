"""Background: what a sentence tells but does not report as an event of its own.

A sentence usually reports one or two acts and mentions others only as their content or
their background. ``drop_content`` removes candidate events whose trigger lies in such a
scope of another event found in the same sentence:

* content: what a demand asks for, what is refused, promised, threatened or protested against
  ("demanded that the US cancel plans to sell weapons to Taiwan" is one REQUEST, not an AID);
* background: an event's condition and reason, an accusation's charge, participles and
  relative clauses that describe an argument, perfect-tense histories of an actor, and
  descriptions of who reports.

``drop_partial`` keeps one event where two triggers name one act ("fired tear gas to disperse"),
as ``drop_content`` does for a participle telling the same act's result ("shelled Juba,
killing 20 people").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyadline.extract.events.context import Candidate
from dyadline.extract.events.modality import condition_clauses
from dyadline.extract.events.roles import ActorIndex
from dyadline.extract.events.words import EventWords
from dyadline.extract.syntax import has_infinitival_to
from dyadline.records import Event

# Events whose content is another event: that one is asked for, refused, promised, threatened or
# protested against ("rallied to oppose the discharge"), not done.
CONTENT_TYPES = {"REQUEST", "REJECT", "AGREE", "THREATEN", "PROTEST"}
# Prepositions that set a governing event in time, place or cause rather than give its content.
CIRCUMSTANCE_PREPS_CONTENT = {"after", "since", "following", "during", "amid", "despite", "in", "at", "on", "by",
                              "because", "as", "before"}


def drop_partial(events: list[Event]) -> list[Event]:
    """"fired tear gas to disperse demonstrators": two triggers, one act. An event with no target
    is dropped when the sentence has the same act by the same source with a target."""
    full = {(e.type, _sides(e)[0]) for e in events if e.target}
    return [e for e in events if e.target or (e.type, _sides(e)[0]) not in full]


def drop_content(found: list[tuple[Candidate, Event]], idx: ActorIndex) -> list[tuple[Candidate, Event]]:
    """Drop events that are only the content or background of another one found in the same
    sentence: what a demand asks for, what is refused, promised, threatened or protested against
    ("demanded that the US cancel plans to sell weapons to Taiwan" is one REQUEST, not also an
    AID), an event's condition, reason or charge, descriptions of its arguments or of who
    reports it, and a participle telling the same act's result."""
    sent = found[0][0].token.sent if found else None
    scope: set[int] = (_speaker_scope(sent, idx.words) | _perfect_relatives(sent, idx)) if sent is not None else set()
    for c, ev in found:
        own = _background_scope(c, idx.words) | (_content_scope(c.token, idx) if ev.type in CONTENT_TYPES else set())
        scope |= own - {c.token.i}
    return [(c, ev) for c, ev in found if c.token.i not in scope and not _consequence(c, ev, found)]


def _consequence(c: Candidate, ev: Event, found: list[tuple[Candidate, Event]]) -> bool:
    """"shelled Juba, killing 20 people": the participle tells what the same act did."""
    tok = c.token
    if tok.dep_ != "advcl" or tok.tag_ != "VBG":
        return False
    return any(g.token.i == tok.head.i and e.type == ev.type and _sides(e) == _sides(ev) for g, e in found)


def _sides(e: Event) -> tuple[frozenset, frozenset]:
    return frozenset(a.country for a in e.source), frozenset(a.country for a in e.target)


def _background_scope(c: Candidate, words: EventWords) -> set[int]:
    """Tokens of what an event tells only as background: its condition, its reason ("imposed sanctions on the
    Taliban for its support of ...", "complained over two air raids"), the charge of an accusation
    ("accused the rebels of violating a ceasefire") and participles describing one of its
    arguments ("a helicopter carrying truce monitors", "migrants ordered out of Nigeria")."""
    gov = c.token
    own = set(c.match.tokens)
    heads = [ch for ch in gov.children if ch.dep_ == "prep" and ch.i not in own and _reason(ch, gov, words)]
    # "if China retaliates, the US will impose tariffs": the condition is not said to happen
    heads += condition_clauses(gov)
    if gov.lemma_.lower() in words.charging_verbs:  # "accused the rebels of attacking": "of" hung on the object
        heads += [p for o in gov.children if o.dep_ == "dobj" for p in o.children
                  if p.dep_ == "prep" and p.lower_ in ("of", "for", "with")]
    heads += [d for d in gov.subtree if d.dep_ == "acl" and d.tag_ == "VBN" and d.head.pos_ in ("NOUN", "PROPN")
              and not any(a.dep_ == "aux" for a in d.children)]
    # "released the prime minister, whom they had taken hostage": what a relative clause tells
    # about the target is its story, not a new event of this sentence
    heads += [r for i in c.args.target.tokens for r in gov.doc[i].children if r.dep_ == "relcl"]
    return {t.i for h in heads for t in h.subtree}


def _perfect_relatives(sent: Span, idx: ActorIndex) -> set[int]:
    """Tokens of perfect-tense relative clauses on an actor ("the ELN rebels, who have fought each
    other since 1964", "students, who had demanded an end to quotas"): their history, told as
    background to what the sentence reports."""
    out: set[int] = set()
    for t in sent:
        if t.dep_ == "relcl" and idx.at(t.head) and any(a.dep_ == "aux" and a.lemma_ == "have" for a in t.children):
            out |= {x.i for x in t.subtree}
    return out


def _speaker_scope(sent: Span, words: EventWords) -> set[int]:
    """Tokens of participles describing who reports ("..., a member of the Chadian team trying to
    broker a peace pact, said"): the report's source is described there, nothing happens. (A
    relative clause may tell an event: "the junta, which lifted the curfew, said ...")"""
    out: set[int] = set()
    for verb in sent:
        if verb.lemma_.lower() not in words.report_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            continue  # "Youths resorted to ..., officials said" parsed with two subjects: no speaker phrase
        out |= {t.i for d in subjects[0].subtree if d.dep_ == "acl" and d.tag_ in ("VBG", "VBN") for t in d.subtree}
    return out


def _reason(prep: Token, gov: Token, words: EventWords) -> bool:
    low = prep.lower_
    if low in ("over", "because") or (low == "for" and gov.pos_ == "VERB" and gov.lemma_.lower() not in words.need_verbs):
        return True
    if low in ("of", "with") and gov.lemma_.lower() in words.charging_verbs:
        return True  # "accused X of attacking", "charged X with murdering"
    return low == "in" and any(o.lemma_.lower() in words.reaction_nouns for o in prep.children if o.dep_ == "pobj")


def _content_scope(gov: Token, idx: ActorIndex) -> set[int]:
    """Tokens of what ``gov`` asks for, refuses, promises or threatens: its complements, its object
    (with what the object says: "a proposal for signing", "a resolution that aims to ..."), purpose
    and condition clauses; not its circumstances ("after ...", "because ...") nor clauses that
    describe an actor ("Sharon, who has vowed ...")."""
    out: set[int] = set()
    stack = [c for c in gov.children if _is_content(c)]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ == "relcl" and idx.at(t):
                continue
            if c.dep_ == "advcl" and _circumstance(c):
                continue
            stack.append(c)
    return out


def _is_content(c: Token) -> bool:
    if c.dep_ in ("xcomp", "ccomp", "dobj", "attr", "oprd", "acl"):
        return True
    if c.dep_ == "relcl":
        return c.head.pos_ == "NOUN"  # "its demand, which ...": the demand's content
    if c.dep_ == "prep":
        return c.lower_ not in CIRCUMSTANCE_PREPS_CONTENT
    if c.dep_ == "advcl":
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if marks & {"if", "unless", "until"}:
            return True  # the condition of a threat or an offer
        return not marks and has_infinitival_to(c)  # purpose
    return False


def _circumstance(c: Token) -> bool:
    marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
    return bool(marks & {"after", "because", "since", "as", "when", "while", "although", "though", "before", "once"})
