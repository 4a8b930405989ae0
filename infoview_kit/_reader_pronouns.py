"""Words that speak *about* the reader ("her post", "she wrote") in a message written *to* them.

A student's note on why they chose someone is written about that person ("Her LinkedIn post
about forecasting solar output caught my eye"). Pasted into a message to her it reads as if
it were meant for someone else. Two users share this module: the templates turn such a note
into second person when the change is mechanical (``to_second_person``), and the message
checker finds what is left (``third_person_words``). "They" and "their" are left alone: they
stand for a company or a team as often as for the reader, and "you" takes the same verb forms.
"""

from __future__ import annotations

import re

from ._quick_patterns import quick

# she/he -> you changes the verb after it; these are the forms whose change is certain.
_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
          "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", "'s": "'re"}
# "she's" before these is "she is"; before anything else it might be "she has" (unsafe).
_IS_AFTER = {"a", "an", "the", "now", "currently", "also", "so", "very", "one", "really", "still",
             "based", "known", "part", "in", "at", "on", "from", "my", "our", "your"}
# Words that may stand between the pronoun and its verb without changing anything.
_ADVERBS = {"also", "now", "currently", "often", "still", "recently", "actually", "really", "just",
            "always", "regularly", "clearly", "already", "usually", "even", "then", "later"}
# After "her", these make it the object ("I met her at ..."), not a possessive ("her post").
_OBJECT_AFTER = {"at", "on", "in", "to", "for", "with", "from", "about", "and", "or", "but", "as",
                 "when", "while", "after", "before", "last", "a", "an", "the", "this", "that",
                 "because", "since", "so", "if", "once", "twice", "again", "recently", "speak",
                 "speaking", "talk", "talking", "present", "presenting", "explain", "explaining"}
# ... and after "her" these are verbs ("I heard her speak"): reading them needs a person.
_UNSAFE_AFTER = {"speak", "talk", "present", "explain", "describe", "say", "mention", "discuss",
                 "lead", "run", "give", "answer", "share", "demo", "walk", "teach", "host"}

# "she/her" declared in a signature is about the writer, so a slash beside it doesn't count.
_PRONOUN = re.compile(quick(r"(?<!/)\b(?:she|he|her|hers|him|his|herself|himself)\b(?!/)", re.IGNORECASE), re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+n't|[A-Za-z]+(?='s\b)|'s\b|[A-Za-z]+(?:'[a-z]+)?|[^\sA-Za-z]+|\s+")
# Someone else a "she" or "he" could be: a relation, a role, a gendered noun, a first name
# that says or does something ("Ana said", "Ana's").
_NOT_A_NAME = (r"(?!(?:She|He|It|This|That|There|Here|What|Who|Where|When|How|Why|They|We|You|Her|His|"
               r"Their|Your|My|Our|Today|Tomorrow|Yesterday|One|Which|Thanks|Thank|Also|And|But|So|"
               r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
               r"April|May|June|July|August|September|October|November|December|Would|Could|Can|Will|"
               r"Should|Might|Shall|Is|Are|Do|Does|Did|Please|Hi|Hello|Dear|If|I)\b)")
OTHER_PERSON = re.compile(
    r"(?i:\b(?:my|our|a|an|the|your|his|her|their|one)\s+(?:\w+\s+)?(?:friends?|cousins?|colleagues?|"
    r"co-?workers?|managers?|mentors?|sisters?|brothers?|aunts?|uncles?|teachers?|professors?|"
    r"classmates?|neighbou?rs?|boss|partners?|contacts?|speakers?|authors?|"
    r"recruiters?|interviewers?|daughters?|sons?|kids?|children|mother|father|mom|"
    r"mum|dad|parents?|wife|husband|grandmother|grandfather|niece|nephew|roommate|flatmate|"
    r"supervisor|advisor|adviser|tutor|coach|doctor|nurse)\b"
    r"|\b(?:woman|man|lady|guy|girl|boy|someone|somebody|anyone|everyone|person)\b)"
    # a first name that says or does something, or that the writer names beside a verb
    rf"|\b{_NOT_A_NAME}[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?:'s\b|\s+(?:said|says|told|tells|mentioned|suggested|recommended|introduced|"
    r"pointed|thought|thinks|is|was|has|had|works|worked|speaks|spoke|wrote|writes|and I)\b)"
    r"|(?i:\b(?:mention(?:ing|ed)?|introduc(?:e|ed|ing)|to|with|from|about|meet|met|meeting|ask(?:ed)?|"
    r"contact(?:ed|ing)?|email(?:ed|ing)?|thank(?:ed)?|told|tell|recommend(?:ed|ing)?|suggest(?:ed|ing)?|"
    rf"and|or|like)\s+){_NOT_A_NAME}[A-Z][a-z]+\b"
)


def may_be_person(name: str) -> bool:
    """Whether *name* (a run of capitalised words, such as ``Draft.people`` finds) may be a
    person: "Priya Raman" may, "Would Tuesday" and "Her LinkedIn" are not."""
    return bool(re.match(_NOT_A_NAME + r"\w", name))


def third_person_words(text: str) -> list[re.Match[str]]:
    """The gendered third-person pronouns in *text* (she, her, his, him, ...), in order."""
    return list(_PRONOUN.finditer(text))


def phrase_at(text: str, match: re.Match[str]) -> str:
    """The words a pronoun *match* governs, to quote back: "her post", "she writes", "him"."""
    rest = re.match(r"\s+([A-Za-z']+)", text[match.end():])
    nxt = rest.group(1) if rest else ""
    takes_word = match.group(0).lower() in ("she", "he", "his", "her", "hers") or nxt == "'s"
    if not nxt or not takes_word or nxt.lower() in _OBJECT_AFTER:
        return match.group(0)
    return f"{match.group(0)} {nxt}"


def _case_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _present_to_plain(word: str) -> str | None:
    """The plain verb for a third-person-singular present ("writes" -> "write"), if it is one."""
    low = word.lower()
    if not low.endswith("s") or low.endswith("ss") or len(low) < 3:
        return low  # a past tense, a modal or an adverb: the same after "you"
    from ._language import lemma

    plain = lemma(low)
    if plain != low and low in (plain + "s", plain + "es", plain[:-1] + "ies"):
        return plain
    return None  # a word ending in "s" we cannot read: leave the sentence to the student


def to_second_person(text: str, names: tuple[str, ...] = (), others: tuple[str, ...] = ()) -> str | None:
    """*text* about the reader rewritten to them ("Her post caught my eye" -> "Your post caught
    my eye"), or None when the change isn't mechanical (then a person must write it).

    Args:
        names: the reader's name (full and first); "Maya's post" becomes "your post" and
            "Maya writes" becomes "you write".
        others: other people the message names (a mutual contact): a note that names one of
            them and says "she" is left to the student.

    Returns None for a sentence that may be about someone else too (it names another person),
    so a template never turns a mutual contact into "you".
    """
    full = [n for n in names if n]
    first = full[0].split()[0] if full else None
    for name in sorted(full, key=len, reverse=True):
        text = text.replace(name, first)  # "Maya Chen writes" is "Maya writes"
    names = (first,) if first else ()
    named = any(re.search(rf"\b{re.escape(o.split()[0])}\b", text) for o in others if o.strip())
    without_reader = re.sub(rf"\b{re.escape(first)}\b", " ", text) if first else text
    if (named or OTHER_PERSON.search(without_reader)) and (third_person_words(text) or any(n in text for n in names)):
        return None  # "my cousin Ana said she ...": "she" may be Ana
    tokens = _TOKEN.findall(text)
    words = [i for i, t in enumerate(tokens) if not t.isspace()]
    out = list(tokens)
    for pos, i in enumerate(words):
        token, low = tokens[i], tokens[i].lower()
        nxt = tokens[words[pos + 1]].lower() if pos + 1 < len(words) else ""
        after = (tokens[words[pos + 2]].lower() if pos + 2 < len(words) else "") if nxt == "'s" else nxt
        if token in names and nxt == "'s":
            out[i], out[words[pos + 1]] = _case_like("your", token), ""
        elif low in ("she", "he") or token in names:
            out[i] = _case_like("you", token)
            if not _fix_verb(tokens, words, pos + 1, out, after):
                return None
        elif low in ("him",):
            out[i] = _case_like("you", token)
        elif low in ("his", "hers"):
            out[i] = _case_like("your" if low == "his" else "yours", token)
        elif low in ("herself", "himself"):
            out[i] = _case_like("yourself", token)
        elif low == "her":
            if nxt in _UNSAFE_AFTER:
                return None
            is_object = not nxt or not nxt[:1].isalpha() or nxt in _OBJECT_AFTER
            out[i] = _case_like("you" if is_object else "your", token)
    return "".join(out)


def _fix_verb(tokens, words, pos, out, after) -> bool:
    """Make the verb after a new "you" agree; False when it can't be done for certain."""
    while pos < len(words) and tokens[words[pos]].lower() in _ADVERBS:
        pos += 1
    if pos >= len(words):
        return True
    i = words[pos]
    low = tokens[i].lower()
    if low == "'s":
        if after not in _IS_AFTER and not after.endswith("ing"):
            return False  # "she's written" is "she has": too easy to get wrong
    if low in _VERBS:
        out[i] = _VERBS[low]
        return True
    if not tokens[i][:1].isalpha():
        return True
    plain = _present_to_plain(tokens[i])
    if plain is None:
        return False
    out[i] = plain if plain != low else tokens[i]
    return True
