"""How guessable self-check questions are, measured on their text alone (no MkDocs, no handbook needed).

A question can be answered without reading when its right option stands out: longest by far, the only
hedged one, or the same question asked twice. The curriculum's report in `tksk validate`
(``macros.types.kurikulum``) prints these figures; the target is that the right option is the longest in at
most ``LONGEST_TARGET`` of the one-answer and scenario questions (chance is one in the number of options).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

#: At most this share of one-answer and scenario questions may have their right option the longest.
LONGEST_TARGET = 0.40
#: A right option longer than this many times the next longest is a tell on its own.
STANDOUT_RATIO = 1.5
#: Questions whose words overlap this much (Jaccard over situation, text and right answer) ask the same thing...
DUPLICATE_SIMILARITY = 0.6
#: ...and so do questions whose right answers overlap this much, when each answer has ``ANSWER_WORDS`` words or
#: more and the questions share at least ``ASKED_SIMILARITY`` of their words (two questions about the same
#: subject expecting the same facts test the same thing, however differently they are worded; two questions on
#: different subjects whose answers name the same source do not).
ANSWER_SIMILARITY = 0.55
ANSWER_WORDS = 3
ASKED_SIMILARITY = 0.2
#: The kinds of question with one right option among others (several-answer and ordering ones are not measured).
ONE_ANSWER = ("satu", "kasus")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Length:
    """How the right option of a one-answer question compares in length with the others."""

    longest: bool  #: the right option is longer than every other (a tie tells a reader nothing)
    ratio: float  #: its length over the longest other option's


def right_option_length(question) -> Length | None:
    """Measure a one-answer or scenario question (None for other kinds)."""
    if question.jenis not in ONE_ANSWER or not question.jawaban:
        return None
    right = question.jawaban[0]
    others = [len(option) for option in question.pilihan if option != right]
    if not others:
        return None
    return Length(len(right) > max(others), len(right) / max(others))


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def question_words(question) -> frozenset[str]:
    """The words of what a question asks and expects: its situation, text and right answer(s)."""
    return words(" ".join([question.situasi or "", question.teks, *question.jawaban]))


def near_duplicates(questions: list[tuple[str, object]]) -> list[tuple[str, str, float]]:
    """Pairs ``(id, id, similarity)`` of questions that ask the same thing, most similar first."""
    measured = [(qid, question_words(q), words(" ".join(q.jawaban)), words(f"{q.situasi or ''} {q.teks}"))
                for qid, q in questions]
    pairs = []
    for (a, whole_a, answer_a, asked_a), (b, whole_b, answer_b, asked_b) in combinations(measured, 2):
        whole = similarity(whole_a, whole_b)
        same_subject = similarity(asked_a, asked_b) >= ASKED_SIMILARITY
        answer = similarity(answer_a, answer_b) if same_subject and min(len(answer_a), len(answer_b)) >= ANSWER_WORDS else 0.0
        if whole >= DUPLICATE_SIMILARITY or answer >= ANSWER_SIMILARITY:
            pairs.append((a, b, max(whole, answer)))
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))
