"""One Dinsos's practice is not every TKSK's duty: wording checked against the scope of its sources.

A statement that rests only on regional sources (``macros.model.scope``: a record, an SOP step, a question's
explanation) may not be worded as a rule for every TKSK ("setiap TKSK", "semua TKSK", "TKSK wajib", "harus"
…) unless the same sentence names the region whose Dinsos said it ("Dinsos Kabupaten Probolinggo meminta
TKSK …"). A denial is not a claim: "bukan kewajiban", "tidak harus" pass. Pages show the region's label
beside such statements whatever their wording; this check keeps the words from contradicting the label.
"""

from __future__ import annotations

import re

from macros.common.errors import ErrorLog
from macros.model.handbook import Handbook
from macros.model.scope import Scope, Statement, statements

#: Words that present a statement as every TKSK's duty (matched case-insensitively, as whole words).
UNIVERSAL = re.compile(
    r"\b(?:(?:setiap|tiap|semua|seluruh|segenap)\s+(?:TKSK|pendamping)"
    r"|wajib|diwajibkan|mewajibkan|kewajiban|harus|diharuskan)\b",
    re.IGNORECASE,
)
#: Words that deny what follows within ``NEGATION_WINDOW`` words: "bukan kewajiban", "tidak harus".
NEGATION = re.compile(r"\b(?:bukan|tidak|tak|belum|tanpa)\b", re.IGNORECASE)
NEGATION_WINDOW = 4
#: Where a sentence ends: ., ! or ? before a space (not the dot inside 7.201 or 28/2018.).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

#: What the message calls each kind of statement.
WHAT = {"catatan": "catatan ini", "langkah": "langkah ini", "butir": "butir ini", "penjelasan": "penjelasan soal ini"}


def universal_claims(text: str, scope: Scope) -> list[tuple[str, str]]:
    """Return ``(words, sentence)`` for each sentence of ``text`` that words a regional statement as everyone's rule."""
    found = []
    names = [n.lower() for n in scope.names]
    for sentence in SENTENCE_END.split(" ".join(text.split())):
        if any(name in sentence.lower() for name in names):
            continue
        for match in UNIVERSAL.finditer(sentence):
            before = sentence[:match.start()].split()[-NEGATION_WINDOW:]
            if not any(NEGATION.fullmatch(word.strip(",;:()\"'")) for word in before):
                found.append((match.group(0), sentence))
                break
    return found


def _message(statement: Statement, words: str) -> str:
    scope = statement.scope
    what = WHAT[statement.kind]
    if statement.cites:
        what += f" (rujukannya \"{statement.cites}\")"
    example = scope.voices[0].dinsos
    return (f"\"{words}\" menyatakan ini berlaku bagi setiap TKSK, padahal {what} hanya bersumber dari {scope.who}; "
            f"tulis sebagai praktik Dinsos itu, misalnya \"{example} meminta TKSK…\", bukan \"setiap TKSK…\" "
            "(atau, bila aturan nasional atau Kemensos menyatakannya, cantumkan sumber itu)")


def check_regional_wording(handbook: Handbook, log: ErrorLog) -> None:
    """Refuse universal wording in a statement that rests only on regional sources, sentence by sentence."""
    for statement in statements(handbook):
        if statement.scope.national:
            continue
        record = statement.record
        for path, text in statement.texts:
            for words, _sentence in universal_claims(text, statement.scope):
                log.add(record.file, record.line_of(path), record.where(path), _message(statement, words))

