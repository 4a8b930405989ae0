"""The phrases the message checker looks for, each compiled on first use.

Kept apart from ``checker.py`` so the rules read as rules; each pattern here is named after what
it recognises. They are deliberately generous: a rule that *needs* a phrase should accept the
many ways people say it, and a rule that *forbids* one should fire only on unmistakable wording.

Speed matters (the checker runs on every keystroke): unless marked *cased*, a pattern is written
in lower case and runs without ``re.IGNORECASE`` on the draft's lowercased text, which is three
to four times faster than a case-insensitive search. Curly quotes are already straight.
"""

from __future__ import annotations

import re

from ._language import Patterns

_I = re.IGNORECASE


def _any(*alternatives: str, flags: int = 0) -> tuple[str, int]:
    """One pattern's source matching any of *alternatives* (lower case) as whole words."""
    return r"\b(?:" + "|".join(alternatives) + r")\b", flags


_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs"

P = Patterns(
    # a sentence with its end punctuation (findall is much faster than a look-behind split)
    negation=(r"\b(?:not|never|no|without)\b|n't\b"),
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
        r"open to (?:a|an|chatting|meeting|talking|connecting|speaking)", r"interested in (?:chatting|meeting|talking|speaking)",
        r"(?:i )?wonder(?:ed|ing)? (?:if|whether)", r"(?:i|we)(?: \w+)? (?:write|am writing|'m writing|reach out|am reaching out|'m reaching out) (?:to you )?to (?:\w+ )?(?:request|ask)", r"i(?:'d| would) like to (?:invite|ask|request|meet|talk|speak|chat|hear|learn|buy|take|connect)",
        r"i(?:'d| would) (?:be )?(?:very |really |so |most |truly |hugely |extremely )?(?:grateful|thankful|honou?red|delighted|glad|happy) (?:for|if|to (?:have|get|hear|learn|speak|talk|chat|meet))",
        r"i(?:'d| would) (?:really |truly |so much |very much )?(?:value|welcome|appreciate) (?:the chance|the opportunity|a chance|an opportunity|\d+|a few|some|half|a short|a quick|a brief|your time|it if|hearing|a (?:call|chat|coffee|conversation))",
        r"(?:and|but) (?:would|'d) (?:be )?(?:very |really |so |most |truly |hugely |extremely )?(?:grateful|thankful|honou?red|delighted|glad|happy) (?:for|if|to (?:have|get|hear|learn|speak|talk|chat|meet))",
        r"(?:and|but) (?:would|'d) (?:really |truly |so much |very much )?(?:love|like|appreciate|welcome|value) (?:to|a|an|\d+|some|the chance|your)",
        r"(?:could|can|would|might) (?:you )?spare", r"writing (?:to you )?(?:to|for) ask", r"writing you (?:to|for) ask(?:ing)?",
        r"(?:let's|lets|shall we|should we) (?:meet|chat|talk|grab|get|set up|find)", r"fancy (?:a|grabbing|meeting)",
        r"any chance", r"hoping (?:you|we|to (?:chat|connect|meet|talk|hear|learn|speak|ask|get))",
        r"(?:would|could|might) (?:love|like) to (?:buy|take|treat|grab|hear|learn|chat|talk|meet|ask|pick)",
        r"i(?:'d| would) love (?:to|a|the chance|your)", r"(?:have|has) (?:time|a moment|\d+ minutes|half an hour|some time|a few minutes) (?:for|to)",
        r"(?:accept|agree to|up for|down for|free for|available for) (?:a|an|\d+)", r"may i (?:ask|request|invite|have|buy)",
        r"(?:please|kindly) (?:let me know|consider|accept|share|tell)", r"(?:i|we) (?:could|can) (?:meet|talk|chat|speak|do)",
        r"(?:would|could|will|can) (?:you|u) ", r"is it (?:possible|ok|okay)", r"might (?:i|we)",
    ),
    # a meeting, named in any words: a follow-up that names it still restates the ask
    meeting=_any(
        r"chat", r"call", r"coffee", r"conversation", r"meeting", r"meet",
        r"(?<!your )(?<!the )(?<!a )(?<!his )(?<!her )(?<!their )(?<!great )(?<!last )talk", r"catch[- ]up", r"zoom", r"teams",
        r"video", r"phone", r"minutes?", r"mins?", r"questions", r"hangout", r"google meet", r"tea", r"lunch", r"virtual coffee",
        r"pick your brain", r"speak", r"hear (?:about|how|from|your|more)", r"learn (?:from|about|how|more)", r"connect",
    ),
    intro_ask=_any(
        r"introduc(?:e|ing|tion)", r"intro", r"connect me", r"put me in touch", r"pass (?:my|a) (?:note|message|blurb)",
    ),
    # --- request: personal, context, easy to say yes to ---
    # what says nothing about this reader in particular ("I came across your profile")
    generic_personal=(
        r"\byour (?:esteemed |impressive |inspiring |professional |linkedin |online )*(?:profile|page)\b|\b(?:the|an?) (?:industry|field|sector) you work in\b"
        r"|\byour (?:professional |esteemed |impressive |career )?(?:experience|expertise|background|career|insights?|knowledge|"
        r"advice|time|perspective|journey|story|work|path|role|job|day|field|industry|career path|work life)(?: (?:in|with|of|on) (?:the |this |your |a )?(?:field|industry|area|sector|"
        r"domain|space|profession|market|world|marketing field|[a-z]+ (?:field|industry|sector)))?(?= |[.,!?]|$)(?! (?:on|at|as|for|in|with|from|into|to|leading|building|running)\b)",
    ),
    personal=(
        r"\byour (?:[a-z]+ )?(?:posts?|articles?|blog|talks?|work|team|role|projects?|book|podcast|papers?|profile|"
        r"company|research|newsletter|videos?|course|presentation|experience|career|path|move|switch|transition|"
        r"startup|products?|app|tweets?|thread|interview|portfolio|writing|story|background|job|department|lab|"
        r"studio|firm|organi[sz]ation|library|designs?|code|time at|launch|keynote|panel|essay)\b"
        r"|\byou(?:'re| are| were|'ve| have)(?: been)? (?:[a-z]+ed|quoted|featured|interviewed|named|awarded)\b"
        r"|\byou(?:'re| are| were|'ve| have) (?:a|an|the|now|currently|been|worked|working|led|leading|built|"
        r"building|written|published|spoken|moved|switched|made|managed|managing|designed|designing)\b"
        r"|\bwe (?:met|spoke|talked|chatted|connected|worked together)\b|\byou (?:mentioned|told me|said)\b"
        r"|\b(?:i|i've|i have) (?:read|saw|seen|enjoyed|loved|noticed|listened|watched|followed|came across|heard)(?: [a-z]+){0,3} (?:you|your)\b"
        r"|\bsince you\b|\byou work\b|\bas (?:a|an|the) [a-z]+(?: [a-z]+)? at\b"
        r"|\bthe way you (?:[a-z]+ed|brought|built|ran|made|took|led|got|went|gave|wrote|spoke|taught|found|began|grew|kept|won|handle|run|lead|explain|write|teach)\b"
        r"|\byour (?:[a-z-]+ ){0,2}(?:chapter|write-up|writeup|series|interview|answer|comment|review|repo|campaign|exhibition|album|show|"
        r"session|workshop|webinar|study|thesis|report|piece|column|feature|documentary|mix|record|recording|launch|redesign|"
        r"journey|work (?:on|in|at|with|for)|"
        r"colleague|teammate|cousin|friend|sister|brother|son|daughter|partner|manager|mentor)\b"
        r"|\b(?:i|we) (?:attended|watched|heard|read|saw|loved|enjoyed|follow|followed|met|listened to|came across|found)(?: [a-z]+){0,3} (?:you|your)\b"
        r"|\b(?:mentioned|said|told me|suggested|recommended) (?:that )?you\b|\byou (?:led|built|ran|wrote|made|gave|spoke|grew|"
        r"launched|founded|started|moved|switched|designed|developed|engineered|mixed|created|managed|published|shipped|taught|"
        r"organi[sz]ed|presented|produced|directed|co-founded|helped|worked|joined|left|turned|transitioned|pivoted|went|took|did|won)\b",
    ),
    context=_any(
        r"my name is", r"i(?:'m| am| was) (?!happy|glad|sure|free|available|flexible|writing|reaching|hoping|wondering|grateful|"
        r"so\b|very\b|really\b|also\b|looking forward|sorry|able|keen to (?:hear|meet|chat|talk|learn)|curious|interested to|"
        r"eager to (?:hear|meet|chat|learn)|following|checking|still|just (?:following|checking|writing|bumping|nudging))[a-z]+",
        r"i(?:'ve| have) (?:been|spent|worked|studied|done|just|recently|started|completed|finished|taught|led|run|built)",
        r"i (?:recently|just|currently)", r"i [a-z]+ed", r"i (?:grew up|came|taught|spent|ran|built|led|left|won|did|began|became|got)",
        r"i(?:'m| am) (?:now |currently |also |still )?(?!writing|reaching|hoping|wondering|following|checking|looking forward|bumping|nudging|circling|messaging|contacting|emailing|getting in touch|asking)[a-z]+ing",
        r"i (?:study|work|started|graduated|finished|run|lead|manage|teach|design|build|write|want|hope|plan|"
        r"moved|switched|left|joined|completed|volunteer|intern)",
        r"my (?:goal|plan|background|studies|course|program|programme|degree|bootcamp|class|job|role|major|career)",
        r"we (?:met|worked|studied)",
        r"as (?:a|an) (?:[a-z-]+ ){0,3}?[a-z-]+(?:er|or|ist|ian|ant|ent|ee|ie|ive|ic|grad|student|parent|nurse|tech|chef|creator)\b",
        r"i(?:'m| am) \d+", r"(?:newly |recently |just )?retired (?:from|after|last|this)",
        r"i (?:make|create|sell|play|coach|drive|cook|paint|film|draw|research|tutor|edit)\b",
        r"(?:want|hope|hoping|plan|planning) to (?:do|get into|work in|move into|become|go into|break into|switch)",
    ),
    polite=_any(
        r"please", r"thanks?", r"thank you", r"thx", r"appreciated?", r"appreciating", r"grateful(?:ly)?", r"respectfully",
        r"regards", r"best wishes", r"gratitude", r"would (?:so |really |truly )?value", r"warm(?:ly|est)?", r"cheers", r"hope", r"hoping you", r"no worries", r"no pressure",
        r"no wahala", r"understand if", r"if you have (?:the )?time", r"would you be (?:willing|open)", r"kindly", r"sorry",
        r"apolog(?:y|ies|ise|ize)", r"obrigad[oa]", r"gracias", r"merci", r"danke", r"grazie", r"shukran", r"asante", r"salam",
        r"totally (?:fine|ok|okay|understand)", r"(?:no|not a) problem", r"if (?:it's|that's) (?:ok|okay|alright|fine)",
        r"would you mind", r"glad", r"delighted", r"kind", r"lovely", r"saludos", r"abra[cç]os?", r"forgive", r"(?<=\n)best", r"all the best",
        r"no stress", r"zero pressure", r"would be (?:perfect|brilliant|lovely|awesome|fantastic|ideal|helpful|amazing|great)", r"salamat", r"diolch", r"terima kasih", r"kiitos", r"takk", r"spasibo", r"xie xie", r"toda", r"gracias", r"merci", r"(?:entirely|completely|perfectly|totally) fine", r"fine to say no", r"would (?:love|be (?:great|wonderful|amazing|grateful))",
        r"if you ever", r"whenever (?:works|suits|you)", r"(?:if|whichever|whatever) you(?:'d)? prefer",
        r"dyakuyu", r"dziękuję", r"dziekuje", r"dzięki", r"arigat[oō]", r"kamsahamnida", r"gomawo", r"cảm ơn", r"xièxie", r"ngiyabonga", r"asante sana", r"good luck", r"best of luck", r"take care", r"happy to", r"suits? you", r"works? for you", r"convenient for you",
        r"at your convenience", r"onegai", r"yoroshiku", r"con cari[nñ]o", r"un saludo", r"alles gute", r"mit freundlichen", r"grateful", r"obrigad[oa]", r"cheers",
    ),
    demanding=_any(
        r"asap", r"as soon as possible", r"you (?:must|have to|need to)(?! (?:be|get|have|receive|hear|see|know|feel|think|find|deal|hear))", r"i (?:expect|insist|demand)",
        r"immediately", r"urgent(?:ly)?", r"right away", r"i need (?:you|your|an answer|a response|a reply)",
        r"(?:get back to me|respond|reply|answer) (?:by(?! (?:e-?mail|mail|phone|text|message|letter|post|dm|linkedin|whatsapp|return))|within|before|today|tomorrow)",
        r"(?:confirm|reply|respond|answer|get back|hear back|let me know|send|tell me|write back|decide|revert|come back to me)[^.!?\n]{0,60}(?:by|before|until|no later than) (?:today|tonight|tomorrow|end of|eod|cob|noon|this|next|the end|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"at the latest", r"by then", r"(?:confirm|reply|respond|answer|let me know|get back to me) (?:today|tonight|tomorrow|right away|immediately)",
        r"otherwise i(?:'ll| will| am going to)", r"i (?:really )?need (?:this|it) (?:sorted|done|by|before|today|asap)", r"i will assume", r"i'll assume", r"if you (?:don't|do not) (?:answer|reply|respond|confirm)",
        r"i (?:really )?need (?:to (?:hear|know|talk|speak|meet)|you to|this by|it by|an answer)",
        r"need (?:the|this|it|your|an?) (?:[a-z]+ )?(?:by|before) (?:today|tonight|tomorrow|this|next|the end|end of|monday|tuesday|wednesday|thursday|friday|saturday|sunday)", r"as soon as you can", r"make sure (?:you|to reply)",
        r"(?:don't|do not) (?:ignore|forget)", r"waiting for your (?:answer|reply|response)", r"(?<!n't )(?<!not )(?<!never )expect (?:to hear|a reply|an answer|your)",
    ),
    short_meeting=(
        r"\b(?:\d{1,2}|ten|fifteen|twenty|twenty[- ]five|thirty)[- ]?(?:min|mins|minutes?)\b|\bhalf[- ]an?[- ]hour\b"
        r"|\bhalf-hour\b|\b(?:quick|short|brief) (?:chat|call|coffee|conversation|meeting)\b|\bfew minutes\b",
    ),
    long_meeting=(
        r"\b(?<!half )(?<!half-)(?<!quarter )(?:an|one|1|two|2|three|3|four|4|a couple(?: of)?|a few|several|1\.5|2\.5)[- ]hours?\b"
        r"(?! (?:ahead|behind|earlier|later|away|apart|difference|time difference|drive|flight|train|by (?:car|train|bus|plane)))"
        r"|\b(?:45|60|90|120|forty[- ]five|sixty|ninety)[- ]?(?:min|mins|minutes)\b"
        r"|\b(?<!monday )(?<!tuesday )(?<!wednesday )(?<!thursday )(?<!friday )(?<!saturday )(?<!sunday )(?<!free )(?<!available )all (?:afternoon|morning|day|evening)\b(?! (?:on )?(?:" + _WEEKDAYS + r"))"
        r"|\b(?<!in )(?<!during )(?<!on )(?<!of )(?<!of the )(?<!of a )(?:the|an|a|whole|entire|full) (?:whole |entire )?(?:afternoon|morning|day|evening)(?! (?:or|off|works|slot|if|that|next|this))(?= (?:with|together|going|so|to go|walking|shadowing|reviewing|at)|[.!?,])"
        r"|\b(?:spend|block (?:out|off)?|set aside|reserve|keep) (?:the|an|a|whole|entire|full)? ?(?:afternoon|morning|day|evening|couple of hours|few hours)\b"
        r"|\bmake (?:an|a|the) (?:afternoon|morning|day|evening) of it\b"
        r"|\blonger (?:session|meeting|chat|call)\b|\b(?:half|full)[- ]day\b|\bhour and a half\b|\b(?:one|1) and a half hours?\b|\bhour[- ]long\b|\bas long as (?:possible|it takes|you can)\b"
    ),
    # a span of clock time ("1 to 4pm", "13:00-15:30"): its length is read by the rule
    time_range=(
        r"\b(1[0-2]|[01]?\d|2[0-3])(?:[:.h]([0-5]\d))?\s*(am|pm)?\s*(?:to|till|until|-|\u2013)\s*(?:around |about )?"
        r"(1[0-2]|[01]?\d|2[0-3])(?:[:.h]([0-5]\d))?\s*(am|pm)?\b"
    ),
    # words before a span that make it a window of availability, not the meeting's length
    window=(r"\b(?:free|available|around|between|anytime|any time|open|flexible|somewhere|any point|whenever|usually|office hours|any of these|one of these|options?|slots?|windows?)\b"),
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
    # a request made as a statement: "If you could pass my CV on, I'd be grateful."
    favour=_any(
        r"(?:could|would|can|will|might) you", r"if you (?:could|would|can|might)", r"any chance", r"would it be possible",
        r"i(?:'d| would) be (?:very |so |really |hugely |most )?(?:grateful|thankful)", r"please", r"kindly", r"i wonder",
        r"i was hoping", r"wondering", r"be considered", r"if there (?:is|'s) any", r"i(?:'d| would) (?:love|appreciate) (?:it )?if",
    ),
    # (on lemmas) saying you are after a job is asking for one: "I'm looking for an internship"
    job_statement=(
        r"\b(?:i (?:am|be|was)|student|graduate|grad)(?: (?!not\b|never\b|no\b)[a-z]+){0,3}? (?:currently |actively |now |also )?(?:look|search|hunt|apply|seek) for (?:a |an |any |some |my first |new )?(?:[a-z-]+ ){0,2}"
        r"(?:job|internship|position|role|placement|opening|employment|co-op|apprenticeship)s?\b"
        r"|\bi (?:would|will) love (?:a|an) (?:job|role|position|internship|placement)\b"
        r"|\bi (?:want|wish|hope) to (?:work|join|intern) (?:at|in|for|with) your\b"
    ),
    attachment=_any(r"attach(?:ed|ing|ment|ments)?", r"enclos(?:ed|ing|ure)", r"please find"),
    resume=_any(
        r"(?:my|a|the) (?:r[eé]sum[eé]|cv|c\.v\.|cover letter)",
        r"(?:attach|send|share|includ|enclos|look over|look at|review|forward|pass)[a-z]*[^.!?\n]{0,40}\b(?:my|a) (?:[a-z]+ )?portfolio",
        r"(?:my|a) (?:[a-z]+ )?portfolio\b[^.!?\n]{0,40}\b(?:attach|send|share|look over|look at|look through|review|forward|pass|feedback|what you think)",
        r"links? to my (?:[a-z]+ )?(?:portfolio|cv|r[eé]sum[eé]|reel|demo reel)",
        r"my (?:[a-z]+ )?(?:portfolio|cv|r[eé]sum[eé]|reel)(?: link| site| website)? (?:is|are) (?:below|above|here|attached|linked)",
        r"(?:my|a) (?:[a-z]+ )?portfolio\b[^.!?\n]{0,40}\b(?:take|have) a look",
    ),
    # --- intro request (who_to_meet is cased: it looks for a capitalised name) ---
    # what a contact passes on to make an introduction, and the people that would make it a referral
    introduction=r"\bmy (?:name|details?|linkedin|email|e-mail|contact|contact details|info|information|number|phone number|mobile|whatsapp)\b"
                 r"|^(?:introduce|connect|put) me\b",
    hiring_people=r"\b(?:recruit\w*|hr|human resources|hire|hiring|talent|headhunter|application|cv|resume|opening|role|position|job|vacancy|post|interview|forward)\b",
    who_to_meet=_any(
        r"introduc(?:e|ing) me to", r"introduction to", r"intro to", r"connect me (?:with|to)", r"put me in touch with",
        r"(?:meet|speak with|talk to|talk with|chat with|speak to) (?:your (?:friend|colleague|former colleague|coworker|"
        r"co-worker|cousin|sister|brother|manager|boss|partner|neighbou?r)\s+)?(?-i:[A-Z][a-z]+)",
        flags=_I,
    ),
    why=_any(
        r"because", r"since(?! (?:the|last|we|our|then|\d|graduation|uni|college|school|you left|my last|early|late))", r"as i(?:'m| am)", r"so (?:that )?i (?:can|could)", r"to (?:learn|hear|understand|talk|get)", r"to ask (?:him|her|them|about|how|what|why)", r"as (?:she|he|they) (?:is|are|was|has|have|knows?|works?|runs?|leads?|supports?|manages?|did|made|went)\b",
        r"(?:she|he|they)(?:'d| would| will| could| might) (?:understand|know|get|see|have)\b",
        r"curious", r"interested in", r"i(?:'d| would) love to (?:learn|hear|ask)", r"advice (?:on|about)",
        r"(?:want|wants|hoping|hope) to (?:learn|hear|understand|ask|move|get|go)", r"as (?:an?|someone) ", r"(?:her|his|their) (?:view|advice|perspective|experience|take|insight|research|work|talk|path|move|career|background|book|project|writing)",
        r"(?:close|similar) to what i", r"(?:the|an) area i", r"what i want to (?:do|learn|focus|work)",
        r"similar", r"same (?:move|path|shift|switch)", r"relevant", r"carr(?:y|ies) over", r"transferable", r"overlaps?", r"exactly", r"(?:would|she'd|he'd|they'd) know", r"knows? (?:a lot|so much|everything|all about|about|the field|the industry|how)",
        r"(?:on|about) how (?:he|she|they) (?:\w+ed|made|got|went|moved|did|found|built|became|handled)",
        r"expert", r"expertise", r"speciali[sz]", r"the (?:right|perfect|best) person", r"would (?:help|be (?:gold|great|useful|helpful|invaluable))", r"practical advice",
        r"(?:she|he|they)(?:'s| is| are|'re)? (?:runs?|works?|leads?|moved|made|published|did|went|switched|covers?|started|built)",
        r"(?:she|he|they)(?:'s| is| are|'re) (?:a|an|the|now|currently|also|doing|working|leading|running|in charge)",
        r"i(?:'m| am) (?:trying|working|hoping|planning|looking) to (?:move|get into|break into|switch|transition|learn (?:about|how|more)|understand|figure out|decide|make)",
        r"i(?:'m| am) (?:moving|switching|transitioning|retraining|pivoting) (?:from|into|to|towards)",
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
        r"i already (?:asked|wrote|sent|emailed)", r"(?:bit|little|quite|very|rather) (?:disappointed|hurt|surprised|upset)",
        r"(?:no|without (?:a|any)) (?:reply|response|answer) (?:yet|from you|so far)", r"(?:haven't|have not|didn't|did not) (?:heard|hear) (?:back|from you|anything)",
        r"(?:surely|at least) you (?:could|can|have)", r"my (?:message|note|email) (?:reached|got to) you",
        r"(?:i can see|i noticed|i saw|i see) (?:that )?you(?:'ve| have)? (?:been )?(?:active|online|posting|viewed|read|opened|seen)",
        r"you (?:saw|read|opened|viewed|seen) my (?:message|note|email|request)", r"never heard back", r"heard nothing", r"disappoint(?:ing|ed)", r"supposed to", r"(?:rude|common courtesy)", r"i (?:thought|assumed) you would",
    ),
    # --- scheduling ---
    thanks=_any(r"thanks?", r"thank you", r"thankful", r"thx", r"grateful", r"appreciate", r"appreciated", r"obrigad[oa]", r"gracias", r"salamat", r"diolch", r"terima kasih", r"kiitos", r"takk", r"spasibo", r"xie xie",
                r"kamsahamnida", r"gomawo", r"cam on", r"toda", r"dzi[eę]kuj[eę]", r"merci", r"danke", r"grazie", r"shukran", r"asante", r"arigato", r"dhanyavaad", r"dank je", r"tack", r"cheers for"),
    times=_any(
        _WEEKDAYS, r"weekend", r"(?:mon|tue|wed|thu|fri|sat|sun)", r"\d{1,2}\s?h\b", r"\d{1,2}[.:h]\d{2}", r"(?:next|this) (?:week|weekend)", r"tomorrow", r"mornings?", r"afternoons?", r"evenings?",
        r"lunch(?:time)?", r"noon", r"\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)", r"\d{1,2}:\d{2}",
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}", r"\d{1,2}(?:st|nd|rd|th)",
    ),
    days=_any(
        _WEEKDAYS, r"mon", r"tue", r"wed", r"weds", r"thu", r"thur", r"fri", r"sat", r"sun", r"tomorrow", r"weekend", r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}",
        r"\d{1,2}(?:st|nd|rd|th)", r"(?:mornings?|afternoons?|evenings?|lunch(?:time)?)",
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
        r"if (?:none|neither|those don't|that doesn't|those do not|that does not|not)", r"fits? your", r"around your",
        r"whichever", r"either", r"or (?:any|another|a different) (?:other )?(?:time|day|place)", r"happy to (?:come|meet|do|go|adapt|change)",
        r"(?:is|are) (?:also )?(?:fine|ok|okay|good|great|perfect) (?:for me|too|as well|with me)", r"also fine", r"(?:better|easier) for you",
        r"(?:i|we) can (?:come|meet|do|adapt|adjust|move)", r"let me know (?:what|if|which|when)", r"(?:do|would|does) (?:any|either|one) of",
        r"if (?:you|that) prefer", r"what(?:'s| is) (?:good|best|easiest|easier) for you", r"tell me (?:what|when|which)", r"what works", r"(?:up to|depends on) you", r"wherever", r"anywhere", r"or (?:we could|i could|a call|zoom|a video)",
    ),
    enthusiasm=_any(
        r"can't wait", r"cannot wait", r"looking forward", r"look forward", r"excited", r"thrilled", r"delighted",
        r"eager", r"glad", r"so happy", r"really happy", r"wonderful", r"fantastic", r"amazing", r"pleased",
        r"honou?red",
    ),
    # --- thank-you ---
    learned=_any(
        r"stuck with me", r"stayed with me", r"take-?aways?\b", r"(?:^|[.!?:\n] *)(?:will|gonna) (?:look into|check out|read|try|sign up|apply|join|contact|follow up|start|book|email|reach out)", r"your observation", r"as (?:advised|suggested|recommended)",
        r"(?:altered|changed|shifted|reshaped|transformed) (?:how|the way|what) i", r"i shall (?:study|read|look|contact|apply|join|follow|start|try|take)", r"(?:two|three|one|a few) things", r"as you (?:advised|suggested|recommended|said|mentioned|explained)",
        r"i(?:'ll| will|'m going to| am going to|'ve| have)(?: already| just)? (?:start|started|sign|signed|book|booked|email|emailed|order|ordered|join|joined|download|downloaded|update|updated|reach|reached|follow|look|looked|check|try|begin|began|take|apply|build|read|register|registered|contact|enrol|enroll|set up|practise|practice)",
        r"i did(?:n't| not) know", r"eye[- ]opening", r"opened my eyes", r"i now (?:know|understand|see|reali[sz]e)",
        r"(?:your|the) (?:advice|tips?|suggestions?|points?|story|insights?|explanation|idea|recommendations?|comments?|warning|reminder|view|perspective|take|thoughts|description|breakdown|example|lesson|words)\b",
        r"(?:specially|especially|particularly|in particular) (?:about|how|that|the|your|when|what)",
        r"(?:i learned|i learnt|i learned a lot|learning) (?:that|how|about|why|what|to|the)(?! (?:about )?(?:your |you )?(?:work|career|job|role|journey|experience|story|path|day|life|background|time)\b(?! (?:as|at|in|on|with|for|from|when|during|building|moving|into|to)\b))", r"(?:hearing|learning) (?:about|how|that|what|why|your)(?! (?:about )?(?:your |you )?(?:work|career|job|role|journey|experience|story|path|day|life|background|time)\b(?! (?:as|at|in|on|with|for|from|when|during|building|moving|into|to)\b))",
        r"(?:^|\s)(?:how|that) you (?:\w+ed|went|made|built|got|took|spent|found|moved)",
        # "I learned a lot" is generic; "I learned that/how/about ..." names something
        r"i (?:learned|learnt|took away|reali[sz]ed|now know|now understand) (?:that|how|about|why|what|to|the)",
        r"i (?:appreciated|loved|enjoyed) (?:hearing|learning)",
        r"(?<!everything )(?<!all )you (?:mentioned|suggested|explained|said|recommended|pointed out|told me|shared|described|walked me through|showed)(?! with me *[.!,;]| *[.!]| today| yesterday| earlier)",
        r"(?:i(?:'ll| will|'m| am)? )?going to (?!be\b|stay\b|keep in touch|see\b|talk\b|let\b|miss\b)[a-z]+", r"i(?:'ll| will) (?!be\b|stay\b|keep in touch|see\b|talk\b|let\b|never\b|always\b|remember our|miss\b|do my best|try my best|work hard|keep (?:going|working|trying))[a-z]+",
        r"(?:your|the) (?:advice|tips?|suggestions?|points?|story|insights?|take|thoughts|perspective|explanation|idea|"
        r"recommendations?) (?:on|about|to|that|regarding|for)",
        r"(?:the part|what you said|your point) about", r"(?:especially|particularly) (?:your|the|how|hearing|learning|what)",
    ),
    late=_any(
        r"(?:a couple of|two|three|four|five|six|several|a few|\d+) (?:weeks|months) ago", r"(?:two|three|four|five|six|several|a few|\d+) days ago",
        r"last (?:week|month)", r"(?:apologies|sorry|apologise|apologize)(?: for| that)?(?: this is| this comes| it's| it is| the| my)? (?:so |a bit |very |rather )?(?:late|belated|delay)",
        r"belated", r"took me (?:so long|a while|weeks|days)", r"(?:days|weeks|months|a week|a month|\d+ (?:days|weeks|months)) late", r"since (?:we|our) (?:met|spoke|chat|meeting|call) (?:last|a few|two|three)",
        r"(?:weeks|a month|days) (?:after|since) (?:we|our)", r"this is (?:so |a bit |very )?late",
    ),
    rigid=_any(
        r"(?:i|we) (?:can|could) only (?:do|make|meet|manage)", r"only (?:free|available|able to (?:meet|do))", r"the only (?:time|day|slot)",
        r"the only (?:thing|option|window) (?:i|we) (?:can|could) (?:do|make|manage|offer)",
        r"(?:it|this) (?:has|needs|will have) to be", r"(?:won't|will not|can't|cannot) (?:do|make) (?:any )?other", r"no other (?:time|day)",
        r"take it or leave it", r"that's the only",
    ),
    stay_in_touch=_any(
        r"in touch", r"stay connected", r"keep you (?:posted|updated|in the loop)", r"update you", r"let you know how",
        r"reach out again", r"check in (?:again|from time to time|now and then|every)", r"connect on linkedin",
        r"(?:contact|write to|email|message) you again", r"let you know how", r"get in touch again", r"keep you in the loop",
        r"tell you (?:my|how)", r"share (?:my|how)", r"hope (?:i can|to) (?:write|talk|speak|contact|see)",
    ),
)
