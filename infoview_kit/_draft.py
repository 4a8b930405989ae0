"""Read an outreach draft into its parts: subject line, greeting, body sentences, sign-off, names.

Real drafts start in many ways: an email's ``Subject:`` line, "Hi Ana,", "Dear Dr. Okafor,",
"Hola Joaquín", a bare "Siobhán," or the greeting and the first sentence on one line. They end
with "Cheers, Hamza", "- Priya" or a three-line signature block. The checker's rules look only
at the body, so each of these is recognised and set aside here. Names are recognised by their
capitals in any script that has them (Siobhán, Nguyen-Tran, José-Luis, Ngozi Eze), with the
particles many surnames carry (de, van, bin, al-).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ._language import sentences, straighten
from ._quick_patterns import quick

_SUBJECT = re.compile(r"^(?:subject|subj|re|fwd?|title)\s*[:\-]", re.IGNORECASE)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|howdy|greetings|dear|good (?:morning|afternoon|evening|day)|to whom it may concern|"
    r"hola|buenos d[ií]as|buenas|bonjour|salut|hallo|guten tag|ciao|ol[aá]|oi|hej|namaste|namaskar|salaam|"
    r"assalamu ?alaikum|as-salamu alaykum|respected|yo|morning|afternoon|evening|sawubona|merhaba|kia ora|"
    r"dzie[nń] dobry|witam|cze[sś][cć]|buongiorno|buonasera|bom dia|boa tarde|goedemorgen|hei|privet|"
    r"zdravstvuyte|shalom|konnichiwa|annyeong(?:haseyo)?|xin ch[aà]o|kumusta|magandang (?:umaga|hapon|gabi)|ni ?hao|"
    r"habari|jambo|selam|sveiki|ahoj|dobr[yý] den)\b[\s,!]*",
    re.IGNORECASE,
)
_GREETING_END = re.compile(r"[,!:;]\s*|\s+[-\u2014]\s+")
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "prof.", "professor", "sir", "madam",
           "mx", "mx.", "dean", "coach", "chef", "rev", "rev.", "sr", "sra", "señor", "señora", "herr", "frau", "mme",
           "mademoiselle", "monsieur", "doctor", "engr", "eng", "captain", "major", "pani", "pan", "panie", "signora",
           "signor", "senhora", "senhor", "don", "dona", "doña"}
_PARTICLES = {"de", "da", "del", "della", "di", "van", "von", "der", "den", "le", "la", "bin", "binti", "bint", "al",
              "el", "ibn", "dos", "das", "du", "ten", "ter", "y", "e"}
_GENERIC_NAMES = {"there", "all", "team", "everyone", "folks", "friend", "friends", "sir", "madam", "sir/madam",
                  "hiring manager", "colleague", "colleagues", "both", "you", "again"}
# A line that signs off: a closing phrase, perhaps with a name after it.
_CLOSING = re.compile(
    r"^(?:[\w.'-]+,?\s+){0,3}?(?:regards|wishes|thanks|thank you|thx|best|cheers|sincerely|respectfully|gratefully|"
    r"warmly|truly|care|soon|gratitude|yours|obrigad[oa]|gracias|merci|danke|grazie|saludos(?: cordiales)?|"
    r"un abrazo|abra[cç]os|salam|shukran|asante|ta|love|xx|talk soon|speak soon|all the best|many thanks|"
    r"thanks again|thanks a million|with thanks)(?:\s+(?:again|so much|in advance|a lot|man|mate|bro|both|heaps))*[\s,.!]*",
    re.IGNORECASE,
)
_NAME_WORD = r"[^\W\d_][\w'.\-]*"
_SIGNATURE = re.compile(rf"^[-\u2013\u2014~ ]*{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}[.,]?$")
_CONTACT_LINE = re.compile(r"@|https?:|www\.|linkedin\.com|\+?\(?\d{3}\)?[\s.-]?\d{3}|\||^(?:[A-Z][\w.&'-]*,? ?){1,8}$")


_ORG_WORDS = {"health", "inc", "ltd", "llc", "university", "universite", "universidad", "universidade", "universitat",
              "universita", "hochschule", "ecole", "instituto", "escuela", "colegio", "polytechnic", "bank", "group", "labs", "lab", "foods", "energy", "hospital",
              "hospitals", "council", "museum", "centre", "center", "alliance", "institute", "college", "school", "team",
              "committee", "agency", "corp", "company", "studio", "studios", "trust", "foundation", "partners", "capital",
              "consulting", "systems", "technologies", "solutions", "media", "press", "society", "association", "network",
              "office", "department", "ministry", "service", "services", "club", "league", "board", "fund", "clinic",
              "airlines", "motors", "pharma", "bio", "games", "records", "magazine", "times", "post", "news", "care"}
_RELATED_NAME = re.compile(quick(
    r"\b(?:colleague|co-worker|coworker|cousin|friend|teammate|manager|boss|sister-in-law|brother-in-law|mother-in-law|"
    r"father-in-law|son-in-law|daughter-in-law|sister|brother|son|daughter|niece|nephew|stepsister|stepbrother|"
    r"granddaughter|grandson|godmother|godfather|girlfriend|boyfriend|fianc[eé]e?|housemate|bandmate|aunt|uncle|neighbou?r|partner|husband|wife|mentor|classmate|roommate|flatmate|former colleague|"
    r"introduce (?:me|us) to|put me in touch with|connect me (?:with|to)|meet|speak (?:with|to)|talk (?:with|to)|chat with)\s+"
    r"([^\W\d_][\w'\-]*)",
))


@lru_cache(maxsize=8192)
def plain(word: str) -> str:
    """*word* lowercased without accents or edge punctuation, to compare names ("Joaquín" ~ "joaquin")."""
    word = unicodedata.normalize("NFKD", word.strip(".,!?:;()\"'")).encode("ascii", "ignore").decode()
    return word.lower()


def _is_name_word(word: str) -> bool:
    core = word.strip(".,!?:;()\"'")
    return bool(core) and core[0].isupper() and core.lower() not in _GENERIC_NAMES


def _greeting(line: str) -> tuple[bool, str | None, str]:
    """Split a first line into (is a greeting, the name it uses, the text after it)."""
    m = _GREETING.match(line)
    if m is None:
        words = line.rstrip(",!:").split()
        if line.rstrip().endswith((",", "!", ":")) and 0 < len(words) <= 4 and all(_is_name_word(w) or plain(w) in _TITLES for w in words):
            return True, " ".join(words), ""  # a bare "Luis," or "Dr. Okafor,"
        return False, None, line
    after = line[m.end():]
    cut = _GREETING_END.search(after)
    name_part, rest = (after[: cut.start()], after[cut.end():]) if cut else (after, "")
    names: list[str] = []
    words = name_part.split()
    for i, word in enumerate(words):
        if len(names) == 4 or not (_is_name_word(word) or plain(word) in _TITLES or (names and plain(word) in _PARTICLES)):
            rest = " ".join(words[i:]) + (" " + rest if rest else "")
            break
        names.append(word.rstrip(".,") if plain(word) not in _TITLES else word)
    name = " ".join(names)
    if not name or plain(name) in _GENERIC_NAMES or all(plain(w) in _TITLES for w in names):
        return True, None, rest.strip()
    return True, name, rest.strip()


def _is_signature_line(line: str) -> bool:
    """A name, title, phone or link line at the end; never a sentence ("Reply ASAP.")."""
    if len(line.split()) > 6 or re.search(r"\w{3,}[.!?]$", line):
        return False
    words = line.lstrip("-~ \u2013\u2014").split()
    if _SIGNATURE.match(line) and all(_is_name_word(w) or plain(w) in _PARTICLES for w in words):
        return True
    return bool(_CONTACT_LINE.search(line))


def _strip_sign_off(body: list[str]) -> list[str]:
    """*body* lines without the closing phrase, name and signature block at its end."""
    body = list(body)
    # A signature block: up to four short lines of name, title, phone, link after the closing.
    for i in range(len(body) - 1, max(0, len(body) - 7), -1):
        if _CLOSING.fullmatch(body[i]) and i > 0:
            tail = body[i + 1:]
            if len(tail) <= 5 and all(len(t.split()) <= 9 and not t.rstrip().endswith("?") for t in tail):
                return body[:i]
    while len(body) > 1 and _is_signature_line(body[-1]):
        body.pop()
    if len(body) > 1 and _CLOSING.fullmatch(body[-1]):
        body.pop()
    if body:  # "... Thanks! - Renée" or "Cheers, Hamza" at the end of the last line
        body[-1] = re.sub(rf"\s+[-\u2013\u2014~]\s*{_NAME_WORD}(?: {_NAME_WORD})?\s*$", "", body[-1])
    return body


@dataclass(frozen=True)
class Draft:
    """A message as the rules see it."""

    kind: str
    text: str  # the whole message, quotes and dashes made plain
    subject: str
    has_greeting: bool
    greeting_name: str | None
    body: str  # without subject, greeting and sign-off
    reader_name: str | None
    hours_since_meeting: float | None

    @cached_property
    def low(self) -> str:
        return self.text.lower()

    @cached_property
    def body_low(self) -> str:
        return self.body.lower()

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """The body's sentences, as written."""
        return tuple(sentences(self.body))

    def is_ask(self, index: int) -> bool:
        """Whether body sentence *index* makes a request (an introduction, for intro_request)."""
        found = self._ask_cache.get(index)
        if found is None:
            from ._message_patterns import P

            pattern = P.intro_ask if self.kind == "intro_request" else P.ask
            found = self._ask_cache[index] = bool(pattern.search(self.sentences[index].lower()))
        return found

    @cached_property
    def _ask_cache(self) -> dict[int, bool]:
        return {}

    @cached_property
    def first_ask(self) -> int | None:
        """The index of the first body sentence that makes a request, or None (read in order, so
        a draft that opens with its request costs one look)."""
        return next((i for i in range(len(self.sentences)) if self.is_ask(i)), None)

    @cached_property
    def asks_as_question(self) -> bool:
        """Whether some request is phrased as a question (ends in "?")."""
        return any("?" in s and self.is_ask(i) for i, s in enumerate(self.sentences))

    @cached_property
    def words(self) -> int:
        return len(re.findall(r"[^\s]+", re.sub(r"\s[-\u2014]\s", " ", self.body)))

    @cached_property
    def signer(self) -> set[str]:
        """Plain forms of the capitalised words after the body (the writer's name and signature)."""
        last = self.body.rstrip().split("\n")[-1] if self.body.strip() else ""
        at = self.text.rfind(last) + len(last) if last else 0
        return {plain(w) for w in self.text[at:].split() if _is_name_word(w)}

    @cached_property
    def reader_words(self) -> set[str]:
        """Plain forms of the reader's name, hyphenated parts included."""
        words = set()
        for source in (self.reader_name or "", self.greeting_name or ""):
            for w in re.split(r"[\s-]+", source):
                if plain(w) and plain(w) not in _TITLES:
                    words.add(plain(w))
        return words

    @cached_property
    def people(self) -> tuple[str, ...]:
        """Names of people in the body other than the reader and the writer ("Ingrid Solberg", "Dr. Park")."""
        found = []
        for sentence in self.sentences:
            words = sentence.split()
            run: list[str] = []
            for i, word in enumerate(words + [""]):
                if not run and word[:1].islower():
                    continue  # most words: no capital and no name being read
                core = word.strip(".,!?:;()\"'")
                if core and (core[0].isupper() or (run and plain(core) in _PARTICLES)) and core not in ("I", "I'm", "I'd", "I've", "I'll"):
                    is_title = plain(core) in _TITLES and i < len(words)
                    run.append(core)
                    if word.endswith((",", ".", "!", "?", ":", ";", ")")) and not is_title:
                        run, done = [], run
                        found.extend(self._person(done))
                    continue
                if run:
                    found.extend(self._person(run))
                    run = []
        return tuple(found)

    @cached_property
    def _related(self) -> set[str]:
        """Single names after a relation or an introduction ("your cousin Ngozi", "introduce me to Amir")."""
        return {plain(m.group(1)) for m in _RELATED_NAME.finditer(self.body)}

    def _person(self, run: list[str]) -> list[str]:
        """*run* of capitalised words as a person's name, if it is one (not the reader, the writer
        or an organisation)."""
        words = [w for w in run if plain(w) not in _PARTICLES]
        titled = any(plain(w) in _TITLES for w in run[:1])
        names = [w for w in words if plain(w) not in _TITLES]
        if not names or {plain(w) for w in names} <= self.reader_words or {plain(w) for w in names} & self.signer:
            return []
        if any(plain(w) in _ORG_WORDS for w in names) or (len(names[0]) >= 2 and names[0].isupper()):
            return []  # "Brightline Health", "UC Santa Cruz" are places, not people
        if titled or len(names) >= 2 or (names and plain(names[0]) in self._related):
            return [" ".join(run)]
        return []


def read_draft(text: str, kind: str, reader_name: str | None, hours: float | None) -> Draft:
    """Split *text* into the parts a ``Draft`` holds."""
    text = straighten(text).replace("\r\n", "\n").strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    subject = ""
    while lines and _SUBJECT.match(lines[0]):
        subject = lines.pop(0)
    has_greeting, name, first_rest = _greeting(lines[0]) if lines else (False, None, "")
    body_lines = ([first_rest] if first_rest else []) + lines[1:]
    body = "\n".join(_strip_sign_off(body_lines))
    return Draft(kind, text, subject, has_greeting, name, body, reader_name, hours)
