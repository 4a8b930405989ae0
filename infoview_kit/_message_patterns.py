"""The phrases the message checker looks for, compiled once at import.

Kept apart from ``checker.py`` so the rules read as rules; each pattern here is named after what
it recognises. They are deliberately generous: a rule that *needs* a phrase should accept the
many ways people say it, and a rule that *forbids* one should fire only on unmistakable wording.

Speed matters (the checker runs on every keystroke): unless marked *cased*, a pattern is written
in lower case and runs without ``re.IGNORECASE`` on the draft's lowercased text, which is three
to four times faster than a case-insensitive search. Curly quotes are already straight.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

_I = re.IGNORECASE


def _any(*alternatives: str, flags: int = 0) -> re.Pattern[str]:
    """One pattern matching any of *alternatives* (lower case) as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", flags)


_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs"

P = SimpleNamespace(
    # --- shape of a message (cased: names need their capitals) ---
    greeting=re.compile(
        r"(?:hi|hello|hey|hiya|howdy|greetings|dear|good (?:morning|afternoon|evening)|to whom it may concern)\b[\s,]*",
        _I,
    ),
    greeting_end=re.compile(r"[,!:;]\s*|\s+[-\u2013\u2014]\s+"),
    # a bare name at the end: "Taylor", "- Sam", "Orly K."
    signature=re.compile(r"^[-\u2013\u2014~ ]*[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,2}$"),
    closing=re.compile(
        r"^(?:[a-z]+,?\s+){0,3}?(?:regards|wishes|thanks|thank you|best|cheers|sincerely|respectfully|"
        r"gratefully|warmly|truly|care|soon|gratitude|yours)(?:\s+again|\s+so much|\s+in advance)?[\s,.!]*$",
        _I,
    ),
    # a sentence with its end punctuation (findall is much faster than a look-behind split)
    sentence=re.compile(r"[^.!?\n]+[.!?]*[\"')\]]*"),
    negation=re.compile(r"\b(?:not|never|no|without)\b|n't\b"),
    # --- what a message asks ---
    ask=_any(
        r"would you (?:be|have|mind|like|consider|let|agree|meet|join|want)",
        r"could (?:you|we|i)", r"can (?:we|i|you)", r"will you", r"may i", r"might you",
        r"are you (?:open|available|free|willing|up for|around|interested|able)",
        r"do you have (?:time|a few|any|\d+|half|twenty|thirty|a moment|a minute)",
        r"would it be (?:possible|ok|okay|alright|all right)", r"is there (?:a|any) (?:chance|time)",
        r"(?:if|whether) you(?:'re| are| have| would| might| could|'d)? (?:be )?(?:open|willing|free|available|up for|able|have time)",
        r"let me know if you", r"(?:see|check|ask|wondering|wonder|know) (?:if|whether) you",
        r"i(?:'d| would) (?:love|like|be grateful|really appreciate|appreciate|welcome|be happy|be thrilled|be honou?red)",
        r"i(?:'m| am| was) (?:hoping|wondering|writing to ask|reaching out to ask)",
        r"(?:would|does|could|will|might) (?:a|an|the|that|this|some|any|next|another)\b[^.?!\n]{0,40}?\b(?:work|suit|fit|be (?:ok|okay|possible|easier|better))",
        r"how about", r"what about",
        r"(?:grab|get) (?:a )?(?:coffee|lunch|tea)", r"buy you (?:a )?(?:coffee|lunch|tea|breakfast)",
        r"open to (?:a|an|chatting|meeting|talking)", r"interested in (?:chatting|meeting|talking)",
    ),
    intro_ask=_any(
        r"introduc(?:e|ing|tion)", r"intro", r"connect me", r"put me in touch", r"pass (?:my|a) (?:note|message|blurb)",
    ),
    # --- request: personal, context, easy to say yes to ---
    personal=re.compile(
        r"\byour (?:[a-z]+ )?(?:posts?|articles?|blog|talks?|work|team|role|projects?|book|podcast|papers?|profile|"
        r"company|research|newsletter|videos?|course|presentation|experience|career|path|move|switch|transition|"
        r"startup|products?|app|tweets?|thread|interview|portfolio|writing|story|background|job|department|lab|"
        r"studio|firm|organi[sz]ation|library|designs?|code|time at|launch|keynote|panel|essay)\b"
        r"|\byou(?:'re| are| were|'ve| have) (?:a|an|the|now|currently|been|worked|working|led|leading|built|"
        r"building|written|published|spoken|moved|switched|made|managed|managing|designed|designing)\b"
        r"|\b(?:i|i've|i have) (?:read|saw|seen|enjoyed|loved|noticed|listened|watched|followed|came across|heard)\b"
        r"|\bsince you\b|\byou work\b|\bas (?:a|an|the) [a-z]+(?: [a-z]+)? at\b",
    ),
    context=_any(
        r"my name is", r"i(?:'m| am| was|'ve| have| recently| just| currently)",
        r"i (?:study|work|started|graduated|finished|run|lead|manage|teach|design|build|write|want|hope|plan|"
        r"moved|switched|left|joined|completed|volunteer|intern)",
        r"my (?:goal|plan|background|studies|course|program|programme|degree|bootcamp|class|job|role|major|career)",
        r"we (?:met|worked|studied)",
    ),
    polite=_any(
        r"please", r"thanks?", r"thank you", r"appreciated?", r"grateful(?:ly)?", r"respectfully", r"kind regards",
        r"best wishes", r"hope you(?:'re| are|'ve| have| had)?", r"hope (?:your|all|this|things)", r"no worries",
        r"no pressure", r"understand if", r"if you have (?:the )?time", r"would you be (?:willing|open)",
    ),
    demanding=_any(
        r"asap", r"as soon as possible", r"you (?:must|have to|need to)", r"i (?:expect|insist|demand)",
        r"immediately", r"urgent(?:ly)?", r"right away", r"i need (?:you|your|an answer|a response|a reply)",
        r"(?:get back to me|respond|reply|answer) (?:by|within|before|today|tomorrow)",
    ),
    short_meeting=re.compile(
        r"\b(?:\d{1,2}|ten|fifteen|twenty|twenty[- ]five|thirty)[- ]?(?:min|mins|minutes?)\b|\bhalf[- ]an?[- ]hour\b"
        r"|\bhalf-hour\b|\b(?:quick|short|brief) (?:chat|call|coffee|conversation|meeting)\b|\bfew minutes\b",
    ),
    long_meeting=re.compile(
        r"\b(?<!half )(?<!half-)(?:an|one|1|two|2|three|3|a couple(?: of)?|a few|several)[- ]hours?\b"
        r"|\b(?:45|60|90|120|forty[- ]five|sixty|ninety)[- ]?(?:min|mins|minutes)\b|\ball (?:afternoon|morning|day)\b",
    ),
    call=_any(
        r"phone", r"calls?", r"video", r"zoom", r"teams", r"google meet", r"hangouts?", r"skype", r"facetime",
        r"virtual(?:ly)?", r"online", r"remote(?:ly)?",
    ),
    in_person=_any(r"coffee", r"lunch", r"tea", r"breakfast", r"drinks?", r"caf[eé]", r"in person", r"meet up"),
    their_place=_any(
        r"near (?:your|you)", r"close to (?:your|you)", r"convenient (?:for|to) you", r"wherever (?:is|suits|works|you)",
        r"your (?:office|neighbou?rhood|favou?rite|choice|pick|area|building|campus|workplace)",
        r"(?:place|spot|location) (?:of your choosing|that suits you|that works for you)",
        r"anywhere (?:that|you)", r"you (?:choose|pick|name) the (?:place|spot)",
    ),
    treat=_any(
        r"my treat", r"on me", r"i(?:'ll| will|'d| would) (?:buy|pay|cover|get the)", r"buy you", r"happy to pay",
        r"i(?:'m| am) paying", r"let me (?:buy|pay|get)",
    ),
    # --- things to leave out ---
    job_ask=_any(
        r"hire me", r"hiring me", r"(?:are|is) (?:you|your (?:team|company|firm|group)) (?:currently |still |now )?hiring",
        r"refer(?:ring)? me", r"(?:a|your) referral", r"internships?", r"intern (?:with|at|for|on|under)",
        r"job (?:offers?|openings?|opportunit(?:y|ies)|leads?)", r"(?:any|open|available) (?:jobs|roles|positions|openings|vacanc(?:y|ies))",
        r"(?:positions?|roles?|jobs?|openings?) (?:open(?:s| up)?|come up|comes up|become available)",
        r"put in a (?:good )?word", r"(?:pass|forward|send) (?:along |on )?my (?:r[eé]sum[eé]|cv|application)",
        r"consider me for", r"keep me in mind for", r"(?:get|give|find|offer) me (?:a|an) (?:job|position|role|interview)",
        r"help me (?:get|land|find|secure) (?:a|an) (?:job|role|position)", r"(?:a|any) job (?:at|with|in) (?:your|the)",
        r"(?:looking|searching|hoping|applying) for (?:a |an )?(?:job|position|role|opening)s? (?:at|in|with|on) your",
    ),
    attachment=_any(r"attach(?:ed|ing|ment|ments)?", r"enclos(?:ed|ing|ure)", r"please find"),
    resume=_any(r"(?:my|a|the) (?:r[eé]sum[eé]|cv|c\.v\.|cover letter)"),
    # cased: "TODO" and "XXX" are placeholders, "todo" is a word
    placeholder=re.compile(
        r"\[[^\[\]\n]{1,80}\]|\{[^{}\n]{0,80}\}|<(?![^<>\n]*@)(?!https?:)[^<>\n]{1,80}>"
        r"|\b(?:XXX+|TODO|FIXME|TBD)\b|\b(?:(?i:insert|your) (?i:name|company|role) (?i:here))\b"
    ),
    # --- intro request (who_to_meet is cased: it looks for a capitalised name) ---
    who_to_meet=_any(
        r"introduc(?:e|ing) me to", r"introduction to", r"intro to", r"connect me (?:with|to)", r"put me in touch with",
        r"(?:meet|speak with|talk to|talk with|chat with|speak to) (?:your (?:friend|colleague|former colleague|coworker|"
        r"co-worker|cousin|sister|brother|manager|boss|partner|neighbou?r)\s+)?(?-i:[A-Z][a-z]+)",
        flags=_I,
    ),
    why=_any(
        r"because", r"since", r"as i(?:'m| am)", r"so (?:that )?i (?:can|could)", r"to (?:learn|hear|ask)",
        r"curious", r"interested in", r"i(?:'d| would) love to (?:learn|hear|ask)", r"advice (?:on|about)",
        r"(?:want|hoping|hope) to (?:learn|hear|understand)",
    ),
    blurb=_any(
        r"blurb", r"forward(?:able)?", r"pass (?:it |this )?(?:on|along)", r"below (?:is|you'll find)",
        r"here(?:'s| is) a (?:short|quick|brief) (?:note|message|summary|paragraph|bio|intro)",
        r"(?:copy|paste)", r"short (?:note|bio|paragraph|summary) (?:you|about me)",
    ),
    easy_out=_any(
        r"no worries", r"no pressure", r"(?:totally|completely|fully|perfectly) (?:understand|fine|ok|okay)",
        r"if (?:you're not|you are not|you aren't) comfortable", r"if (?:it's|that's|this is|that is) (?:awkward|not|a lot)",
        r"feel free to say no", r"no problem (?:if|at all)", r"if you'd rather not", r"no obligation",
        r"(?:fine|okay|ok|understand) if (?:not|you can't|you cannot|you'd rather)",
    ),
    # --- follow-up ---
    guilt=_any(
        r"you (?:never|didn't|did not|haven't|have not|still haven't) (?:replied|reply|respond|responded|answer|answered|"
        r"write back|wrote back|written back|get back|got back|gotten back)",
        r"(?:still|been|i'm|i am) waiting", r"ignor(?:e|ed|ing)", r"(?:why|how come) (?:haven't|didn't|have not|did not)",
        r"(?:second|third|last|final) (?:time|attempt|reminder|try)", r"as i (?:said|mentioned) before",
        r"i already (?:asked|wrote|sent|emailed)",
    ),
    # --- scheduling ---
    thanks=_any(r"thanks?", r"thank you", r"grateful", r"appreciate"),
    times=_any(
        _WEEKDAYS, r"(?:next|this) (?:week|weekend)", r"tomorrow", r"mornings?", r"afternoons?", r"evenings?",
        r"lunch(?:time)?", r"noon", r"\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)", r"\d{1,2}:\d{2}",
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}", r"\d{1,2}(?:st|nd|rd|th)",
    ),
    soon_times=_any(
        _WEEKDAYS, r"tomorrow", r"(?:this|next) week", r"later this week", r"in the (?:next|coming) (?:few |couple of )?days",
    ),
    later_times=_any(
        r"next month", r"in (?:a few|two|three|four|several|a couple of|\d+) weeks", r"later this month", r"in a month",
    ),
    flexible=_any(
        r"flexible", r"whatever (?:works|suits|is easiest|is best|you prefer)", r"works? (?:best )?for you", r"suits? you",
        r"convenient (?:for|to) you", r"your (?:schedule|calendar|preference|choice|call)", r"any (?:other )?(?:time|day|place)",
        r"happy to (?:work around|adjust|move|fit|come to)", r"near your", r"close to your", r"you (?:prefer|choose|pick)",
        r"if (?:none|neither|those don't|that doesn't)", r"fits? your", r"around your",
    ),
    enthusiasm=_any(
        r"can't wait", r"cannot wait", r"looking forward", r"look forward", r"excited", r"thrilled", r"delighted",
        r"eager", r"glad", r"so happy", r"really happy", r"wonderful", r"fantastic", r"amazing", r"pleased",
        r"honou?red",
    ),
    # --- thank-you ---
    learned=_any(
        # "I learned a lot" is generic; "I learned that/how/about ..." names something
        r"i (?:learned|learnt|took away|reali[sz]ed|now know|now understand) (?:that|how|about|why|what|to|the)",
        r"i (?:appreciated|loved|enjoyed) (?:hearing|learning)",
        r"(?:learning|hearing) (?:about|how|that|what|why|your)",
        r"you (?:mentioned|suggested|explained|said|recommended|pointed out|told me|shared|described|walked me through|showed)",
        r"(?:your|the) (?:advice|tips?|suggestions?|points?|story|insights?|take|thoughts|perspective|explanation|idea|"
        r"recommendations?) (?:on|about|to|that|regarding|for)",
        r"(?:the part|what you said|your point) about", r"(?:especially|particularly) (?:your|the|how|hearing|learning|what)",
    ),
    stay_in_touch=_any(
        r"in touch", r"stay connected", r"keep you (?:posted|updated|in the loop)", r"update you", r"let you know how",
        r"reach out again", r"check in (?:again|from time to time|now and then|every)", r"connect on linkedin",
    ),
)
