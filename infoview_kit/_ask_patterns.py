"""The wordings of a job, referral, internship or pay request, as patterns over lemmas.

``asks`` decides; this module only holds what it looks for, so the rules read as rules. Each
pattern is written against lemmas (``_language.lemmatise``), so one form covers every inflection.
"""

from __future__ import annotations

from ._language import Patterns

# A reader's organisation: "you", "your team", "your hospital's informatics department"...
_ORG_NOUN = (
    r"(?:team|company|firm|group|department|dept|organisation|organization|org|agency|studio|lab|practice|bank|office|"
    r"unit|ward|trust|hospital|clinic|school|newsroom|startup|start-up|business|employer|side|shop|division|squad|"
    r"council|network|place|workplace|institution|university|ngo|charity|consultancy|house|center|centre|project|"
    r"programme|program|branch|site|store|restaurant|kitchen|newspaper|magazine|ministry|authority|service|"
    r"esteemed company|esteemed organisation|esteemed organization|label|crew|venue|salon|firm|pharmacy|chain|outfit|"
    r"theatre|theater|depot|fleet|workshop|garage|plant|mine|farm|hotel|gallery|museum|library|station|yard|warehouse|"
    r"factory|precinct|district|parish|church|court|chambers|newsdesk|desk)"
)
_THEIR = rf"(?:your (?:[a-z-]+ ){{0,3}}?{_ORG_NOUN}|(?:the|this) (?:company|team|firm|organisation|organization|department|unit|office|studio|lab|crew|label|practice|clinic|shop))"
_AT_THEM = rf"(?:{_THEIR}|you)"
_JOB_NOUN = r"(?:job|role|position|post|open|opening|vacancy|spot|place|seat|slot|desk|opportunity|room|space|scope|chance|candidature|candidacy|gig|contract|offer)"
_INTERN_NOUN = (
    r"(?:internship|intern|placement|co-op|coop|apprenticeship|apprentice|traineeship|trainee|work experience|"
    r"work-experience|praktikum|practicum|stage|returnship|secondment|externship|extern|observership|vacation scheme|"
    r"summer analyst|summer associate|summer program|summer programme|summer scheme|industrial year|sandwich year|"
    r"placement year|residency|fellowship|industrial attachment|attachment|industrial training|return-to-work programme|"
    r"return-to-work program|practica|práctica|pasantia|pasantía|estagio|estágio|clinical rotation|rotation|job shadow|work shadowing|ojt|(?<!coordinate )(?<!manage )(?<!train )(?<!recruit )(?<!lead )volunteer(?! manager| coordinator| program| programme| work)|on-the-job training|on-the-job train|training period|train period|alternance)"
)
_DOCS = r"(?:cv|cvs|resume|resumes|portfolio|name|application|profile|detail|details|linkedin|candidacy|email|contact|info|information|work|writing sample|number)"
_PAY = (
    r"(?:salary|salaries|pay|paycheck|pay check|pay cheque|payslip|income|compensation|comp|wage|wages|earnings|bonus|"
    r"bonuses|annual draw|partner draw|take-home|take home|day rate|hourly rate|hourly|rate|rates|fee|fees|ctc|ote|package|remuneration|pay band|"
    r"pay grade|pay scale|equity|stock|stock option|share option|rsu|raise|pay rise|pension|commission|stipend|allowance|"
    r"money|overtime|net|gross|base|paid|vsop|esop|differential|shift differential|retainer|peso|pesos|dollar|dollars|euro|euros|pound|pounds|rupee|rupees|naira|rand|quid|buck|bucks)"
)
_FIRST = r"(?:\bi\b|\bme\b|\bmy\b|\bmyself\b)"
_MODAL_I = r"(?:could|can|may|might|would|will|shall) i\b|\bi (?:could|can|might|would|will)\b"
_ASKY = r"(?:would|could|can|will|might|may|do|does|did|is|are|be|any chance|possible|possibility|way)"

PATTERNS: dict[str, tuple[str, ...]] = {
    "job": (
        r"\bi (?:could|can) take (?:some|a bit|a few|something|things|work|stuff)\b[^?.!]{0,30}\boff your plate\b",
        r"\b(?:shall|should|can|could) i (?:just |simply )?(?:come (?:by|in|over|along) and )?start\b",
        r"\bi (?:would|'d) like to (?:request|book|get|apply for) (?:a |an |one )?(?:slot|spot|place|placement|position|seat)\b",
        rf"\b(?:i|and) (?:would|'d) love to (?:join|work (?:at|for|with|in)) {_THEIR}",
        r"\bi (?:am|'m) available (?:to start|starting|immediately|from (?:january|february|march|april|may|june|july|august|september|october|november|december|next month|next year|spring|summer|autumn|fall|the summer))\b",
        r"\b(?:being|be|get) consider(?:ed)? for (?:it|one|the (?:role|position|job|internship|spot|opening))\b",
        r"\b(?:be|put me|add me|keep me|have me) on your (?:list|roster|books|radar|bench|call list)\b[^.!?]{0,25}\b(?:staff|staffing|hire|hiring|job|work|shift|gig|role|opening|event)s?\b",
        r"\bi (?:can|could) start (?:in|on|from|next|right away|immediately|tomorrow|asap|whenever|any time|anytime|straight away)\b",
        r"\b(?:hire|employ|recruit|onboard|interview|fire up) (?:me|myself|someone like me|people like me|a person like me)\b",
        r"\b(?:take|bring|have|accept|welcome|keep) me (?:on|as|in|into|aboard|onboard|for|at|to your)\b",
        r"\bme in (?:some|any) (?:capacity|role|way)\b|\bthrow my hat in\b",
        r"\b(?:accommodate|absorb|place|engage|fit|squeeze) me\b[^?.!]{0,30}\b(?:capacity|somewhere|anywhere|on your|in your|basis|role|position|team)\b",
        r"\b(?:i|me)\b(?: [a-z]+){0,3} (?:be|being|(?<!to )get|getting) (?:consider|add|put|place|include|list|fit|slot|bring on|brought on|take on|taken on|hire|recruit|employ|shortlist|accept|onboard|interview)\b",
        r"\b(?:love|like|hope|keen|happy|grateful|glad) to be consider\b",
        r"\blet me (?:come on board|come aboard|join|work|start|come in|come and work)\b|\b(?:could|can|might|may) i be one of (?:them|those|you)\b",
        r"\bthink of me\b|\b(?:could|can|might) it be me\b",
        r"\b(?:take on|bring on|hire|employ|recruit|onboard|accept|welcome) (?:someone|somebody|a person|people|a candidate) (?:[a-z-]+ ){0,3}like (?:me|myself|mine)\b",
        r"\btake on me\b|\btake me\s*[?.!]|\bable to take me\b",
        r"\b(?:employment|post|position|job|role|spot|vacancy|opening)\b[^?.!]{0,30}\bfor (?:me|myself)\b",
        rf"\b(?:(?:i|me) (?:could|can|might|would)|(?:could|can|might|would) i) (?:get|be) (?:on|onto|into|in) {_THEIR}",
        # "would your company take on a vet with twelve years of supply experience?"
        rf"\b(?:would|will|could|might) {_THEIR} (?:ever |consider |be willing to |be open to )?(?:take on|hire|employ|bring on|bring in) (?:a|an|someone|somebody)\b",
        rf"\b(?:whether|if) {_THEIR} (?:might|may|would|could) (?:possibly |perhaps )?have (?:a|an|any|some) (?:[a-z-]+ ){{0,2}}?{_JOB_NOUN}\b",
        rf"\b(?:possible|possibility|chance|opportunity|way) (?:for me )?to (?:start|work|join|begin)\b[^?.!]{{0,40}}\b(?:in|at|with|on) {_AT_THEM}",
        r"\b(?:need|want|use|take on|hire) (?:someone|somebody|people|anyone|a|an)(?: [a-z-]+){0,3}? like (?:me|myself)\b",
        r"\b(?:slot|squeeze|sneak|fit) me in(?:to)? (?:somewhere|anywhere|at|on|to|your|the)\b",
        r"\b(?:like|love|want|hope|keen|glad|happy) to (?:get on|get in|sign on|come on|come aboard) (?:with|at|to) (?:your|the) ",
        rf"\b{_JOB_NOUN}s?\b[^?.!]{{0,40}}\b(?:i|me) (?:may|might|could|can) (?:be able to )?(?:apply|fill)\b",
        r"^(?:you|you guys) (?:currently |still |by any chance )?(?:hire|recruit|take on|hiring|recruiting)\b",
        r"\bconsider (?:me|myself|my (?:candidature|candidacy|application|profile|cv|resume)|hire me)\b",
        r"\bconsider (?:someone|somebody|a person|people|a candidate|an applicant)[^?.!]{0,40}\blike (?:me|mine|myself)\b",
        rf"\b(?:a |an |any |some )?{_JOB_NOUN}s? (?:open |available |going )?(?:for me|for someone like me|for people like me|for myself)\b",
        r"\b(?:give|offer|find|get|land|secure|arrange|set up) me (?:a |an |the |some |any )?(?:job|role|position|post|place|spot|interview|offer|chance|opportunity|work|gig|contract|foot in the door)\b",
        r"\bhelp me (?:get|land|find|secure) (?:a |an )?(?:job|role|position|offer)\b",
        rf"\b(?:could|can|may|might|would) i (?:possibly |perhaps |maybe |ever |also |please )?(?:work|start|join|apply|interview|be consider|be hire|get hire|get an interview|get a job|get in|slot|fill|come (?:and|to) work|come work)\b[^?.!]{{0,40}}\b(?:{_AT_THEM}|it|that|one)\b",
        rf"\bi (?:could|can|might) (?:work|start|join|come work) (?:for|at|in|with|on) {_AT_THEM}\b|\bi (?:could|can|might) (?:apply|interview|fill|slot into|put my name)\b",
        rf"\bpossible (?:for me )?to (?:work|join|start|get a job)\b[^?.!]{{0,20}}\b(?:in|at|for|with) {_AT_THEM}",
        rf"\b(?:is|are|be) {_AT_THEM} (?:currently |still |now |actively |perhaps |by any chance )?(?:hire|recruit|look for (?:new |more |any |some )?(?:people|anyone|someone|staff|candidates?|hire|help|junior|graduate|talent))\b",
        rf"\b{_THEIR} (?:is|are) (?:currently |still |now )?(?:hire|recruit)\b",
        rf"\b(?:do|does|did|would|will) {_AT_THEM} (?:currently |still |now |happen to )?have (?:any |some )?(?:(?!another |other |previous |prior |former |first |last |old |a |an |the )[a-z-]+ ){{0,2}}?(?:open|opening|vacancy|vacancies|position|role|job|headcount)s?\b",
        rf"\b(?:any|some|an?) (?:entry-level |junior |graduate |open |current |available )?(?:open|opening|vacancy|position|role|job)s?\b[^?.!]{{0,30}}\b(?:on|in|at|with|within) {_THEIR}",
        rf"\bhave (?:some|any) vacancy\b",
        r"\b(?:let me know|tell me|inform me|notify me|keep me (?:post|posted|in mind|informed|update|updated)|give me a heads up|ping me)\b[^?.!]{0,40}\b(?:any|new|future|upcoming|open|suitable|relevant|junior|entry-level) (?:job|role|position|post|open|opening|vacancy|vacancies)\b",
        r"\b(?:let me know|tell me|inform me|notify me|give me a heads up|ping me)\b[^?.!]{0,40}\b(?:job|role|position|post|open|opening|vacancy|vacancies)s? (?:open|come up|become available|appear|go live|open up)\b",
        r"\b(?:job|role|position|post|open|opening|vacancy|vacancies|spot|place|seat|slot)s? (?:will |might |ever )?(?:open|come up|become available|go live)\b[^?.!]{0,40}\b(?:tell me|let me know|me first|i can apply|so i can|i could|call me|think of me|ping me)\b",
        r"\bkeep me in mind\b",
        # "if your team ever has a junior dev opening, lmk, I'd totally apply"
        rf"\b(?:if|when|whenever|should) {_AT_THEM} (?:ever |ever happen to |happen to )?(?:have|has|get|open)s? (?:a|an|any) (?:[a-z-]+ ){{0,3}}?(?:job|role|position|post|opening|vacancy)\b"
        r"[^?.!]{0,30}\b(?:let me know|tell me|ping me|keep me in mind|think of me|i would (?:[a-z]+ )?(?:apply|love|jump))",
        r"\bput in a (?:good )?word\b.{0,40}\bfor (?:the|a|an|any) (?:job|role|position|opening)\b",
        r"\b(?:be|being|get|getting) hire (?:at|by|into|onto) (?:your|you)\b",
        r"\bchance (?:for|of) (?:the |an )?interview\b",
        r"\b(?:arrange|get|give|set up|line up) (?:me )?(?:an |the |a )?(?:job )?interview (?:for me|with your|in your|for the)\b",
        r"\binterview for me\b",
        rf"\b(?:i|me) (?:could|can|would|will) (?:come )?(?:work|start|join)\b[^?.!]{{0,30}}\b(?:in|at|for|with|on) {_AT_THEM}",
        r"\bi (?:would|will) (?:love|like|be keen|be happy|be glad) to (?:be one of them|apply|join you|join your team)\b",
        r"\bapply (?:myself|for it)\b",
    ),
    "internship": (
        r"\b(?:i|me) (?:could |can |would |might |to )?volunteer(?:ing)? (?:with|at|for|in|on) (?:you|your)\b"
        r"|\b(?:let me|i could|i can|can i|could i|may i) (?:be (?:a |your )?volunteer|volunteer)\b",
        r"\b(?:any chance|possible|chance|could i|can i|may i|let me|mind if i|opportunity)\b[^?.!]{0,25}\bshadow you\b",
        rf"\bpossibility (?:to|of|for) (?:me to )?(?:do|doing|get|getting|have|having|make|making|join|joining) (?:a |an |some )?(?:short |unpaid |paid |brief )?{_INTERN_NOUN}s?\b[^?.!]{{0,30}}\b(?:in|at|with) {_AT_THEM}",
        rf"\b(?:host|take|accept|have|place|offer|give|find|get|consider|welcome) me\b[^?.!]{{0,50}}\b{_INTERN_NOUN}\b",
        rf"\b(?:is|be) (?:it )?possible (?:for me |for someone like me )?to (?:do|make|get|have|join|take|complete|arrange|undertake) (?:a |an |some |any )?(?:short |brief |unpaid |period of |bit of |few week of |week of )*{_INTERN_NOUN}s?\b[^?.!]{{0,30}}\b(?:in|at|with) {_AT_THEM}",
        rf"\b{_INTERN_NOUN}s?\b[^?.!]{{0,40}}\b(?:for me|for myself|for my)\b(?! to (?:hear|learn|know|understand|see|ask|talk|speak))",
        rf"\b{_INTERN_NOUN}s?\b[^?.!]{{0,40}}\b(?:you|they|your [a-z]+) (?:could|can|might|would|will) (?:offer|give|find|get|arrange) me\b",
        rf"\b(?:could|can|may|might|would) i (?:possibly |perhaps |maybe |also |please |ever )?(?:intern|shadow|tag along|sit in|sit with|observe|join|do|get|have|come in|come and|be an? |be your |be consider|be accept|spend|volunteer|work|help out|start|begin)\b[^?.!]{{0,80}}\b(?:{_INTERN_NOUN}|shadow)\b",
        rf"\b(?:could|can|may|might|would) i (?:possibly |perhaps |maybe |also |please )?(?:intern|shadow|tag along|sit in)\b",
        rf"\bi (?:could|can|may|might|would love to|would like to|want to|wish to|hope to) (?:intern|shadow|tag along|sit in|do (?:a|an|my|the|some) {_INTERN_NOUN}|do {_INTERN_NOUN}|join)\b[^?.!]{{0,40}}\b(?:{_AT_THEM}|with you)\b",
        rf"\b{_INTERN_NOUN}\b[^?.!]{{0,60}}\b(?:i|me) (?:could|can|might) (?:join|do|get|slot|have|take)\b",
        rf"\b(?:is|are|be) {_AT_THEM} (?:currently |still |now |by any chance )?(?:take|taking|accept|accepting|hire|hiring|look for|offer|offering|recruit|recruiting) (?:any |new |more |summer |some )?(?:interns?|internships?|trainees?|apprentices?|placements?|co-ops?|students)\b",
        rf"\b(?:do|does|will|would) {_AT_THEM} (?:currently |still |ever |also |ever )?(?:take on|take|offer|have|run|host|accept|hire) (?:any |new |summer |some )?(?:interns?|internships?|trainees?|apprentices?|apprenticeships?|placements?|placement students?|co-op students?|co-ops?|work experience)\b[^?.!]{{0,60}}(?:\b(?:i|me|my)\b|this (?:year|summer|spring|autumn|fall|winter)|next (?:year|summer|term|semester))",
        rf"\b(?:if|whether) {_THEIR} (?:take|offer|hire|accept|run|host|have)s? (?:any |summer |new )?(?:interns?|internships?|trainees?|apprentices?|placements?)\b",
        rf"\b(?:do|does) {_THEIR} (?:take on|take|offer|have|accept|host) (?:any )?(?:interns?|internships?|trainees?|apprentices?)\b",
        rf"\b(?:request|ask) you for (?:a |an |the )?{_INTERN_NOUN}\b",
        rf"(?:\bi (?:[a-z]+ ){{0,2}}?to |\b(?:may|can|could) i )(?:request|ask (?:you )?for) (?:a|an|the) (?:[a-z-]+ ){{0,3}}?{_INTERN_NOUN}\b",
        rf"\b{_INTERN_NOUN}\b[^?.!]{{0,30}}\b(?:put|get|take|fit|slot) me (?:in|on)\b",
        rf"\b(?:(?:do|does) )?{_AT_THEM} (?:have|has|take|offer) (?:room|space|a place|a spot|any)\b[^?.!]{{0,30}}\b{_INTERN_NOUN}",
        rf"\b(?:possible|able|chance|way)\b[^?.!]{{0,20}}\bto (?:have|do|get|join|start|begin|arrange|take)\b[^?.!]{{0,30}}\b{_INTERN_NOUN}\b[^?.!]{{0,30}}\b(?:with|at|in) {_AT_THEM}",
        rf"\b{_INTERN_NOUN}\b[^?.!]{{0,60}}\b(?:could|can|might) it be me\b",
        rf"\b{_INTERN_NOUN}\b[^?.!]{{0,40}}\b(?:with|at|in) (?:you|{_THEIR})\b.{{0,80}}\b(?:doable|possible|okay|ok|an option|feasible|work for you)\s*\?",
        rf"\b(?:place|spot|room|space|opening|seat) (?:on|in|at|with) (?:your|the) (?:[a-z-]+ ){{0,3}}{_INTERN_NOUN}\b",
        rf"\b{_INTERN_NOUN}\b[^?.!]{{0,40}}\b(?:with|at|in|on) {_THEIR}\b[^?.!]{{0,40}}\b(?:for me|for my|i could|could i|can i|i can)\b",
        rf"\b(?:any|a) (?:chance|possibility|way|opportunity)\b[^?.!]{{0,40}}\b{_INTERN_NOUN}\b[^?.!]{{0,40}}\b(?:with|at|in) {_THEIR}",
        rf"\bi (?:am|be) (?:look|looking|search|searching|hope|hoping|apply|applying) for (?:a |an |some |any )?(?:unpaid |paid |summer |short |)?{_INTERN_NOUN}\b",
        rf"\bi need (?:a |an )?[a-z ]{{0,20}}{_INTERN_NOUN}\b[^?.!]{{0,80}}\b(?:could i|can i|with you|your)\b",
        rf"\bi can work for free\b",
        rf"\b{_INTERN_NOUN}s?\b[^.!]{{0,20}}\?\s*(?:i )?(?:would |'d )?(?:love|like|be keen|be happy|want) to (?:be one|join|apply|do one|get one)\b",
        r"\b(?:could|can|may|might) i (?:spend|come in for|join you for) (?:a|an|one|two|a few|some|a couple of) (?:day|week|morning|afternoon|shift)s?\b[^?.!]{0,20}\b(?:observe|shadow|sit in)",
        r"\b(?:program|programme|scheme)\b[^?.!]{0,15}\bi (?:could|can|might) (?:join|do|apply for|take part in|enrol in|enroll in|sign up for)\b",
        rf"\b{_INTERN_NOUN}\b[^?.!]{{0,30}}\bplease consider me\b|\bplease consider me\b",
    ),
    "referral": (
        r"\brefer me\b|\brefer my\b|\brefer myself\b",
        r"\bshout (?:me|my name) out\b|\bshout[- ]?out (?:to|for) me\b|\bgive me a shout[- ]?out\b",
        r"\bmy (?:resume|cv|portfolio|application|profile|reel|demo|work sample|writing sample)s?\b[^?]{0,80}\b(?:give|pass|forward|send|share|hand|show)\b (?:it|this|them|that) (?:on |along )?(?:to|with) (?:your|the|a) ",
        r"\b(?:tell|say) (?:the|your|him|her|them)\b[^?.!]{0,20}\b(?:good|nice|positive|great) things? about (?:me|my)\b",
        r"\b(?:mention|recommend|suggest|put forward|nominate|put) me (?:forward )?for\b",
        # vouching in other words: "if you could mention to him that I'd be a strong fit"
        r"\b(?:tell|mention to|say to|let|flag to|pass on to) (?:him|her|them|your [a-z]+|the [a-z]+)\b[^?.!]{0,30}\bi (?:would |could |might )?(?:be|am) "
        r"(?:a |the )?(?:really |very )?(?:strong|good|great|right|perfect|ideal|solid|excellent)(?: (?:fit|candidate|match|hire|choice|addition|professional|worker|employee))?\b(?! at| with| to| for| in)",
        r"\b(?:a|the|your) referral (?:for me|from you)\b|\b(?:give|write|get|offer|make) me (?:a |your )?referral\b|\bget (?:a |your )?referral from you\b|\bme a referral\b",
        r"\b(?:give|write|provide|offer|be) (?:me )?(?:a |an |my |your )?(?:quick |short |brief |small |strong |personal |professional |character )?(?:linkedin )?(?:reference|referee|recommendation|recommendation letter|letter of recommendation|reference letter|testimonial|endorsement)\b[^?.!]{0,40}\b(?:me|my|for me)\b",
        r"\b(?:give|write|writing|provide|offer|send) me (?:a |an |your )?(?:quick |short |brief |small |strong |good |personal |professional |character )?(?:linkedin )?(?:reference|recommendation|letter|testimonial|endorsement|rec)\b",
        r"\bbe (?:my|one of my) (?:reference|referee|recommender|sponsor)s?\b|\bbe (?:a|an) (?:reference|referee|recommender)s? for me\b|\bon my reference list\b",
        r"\b(?:list|name|put|use|include) you (?:down )?as (?:a |my |one of my )?(?:reference|referee)\b",
        r"\bact as my (?:reference|referee)\b|\bact as (?:a )?(?:reference|referee) for me\b|\b(?:could|would|will|can) you act as (?:a |my )?(?:reference|referee)\b",
        r"\b(?:letter of recommendation|recommendation letter|reference letter)\b[^?.!]{0,40}\b(?:for me|for my|me)\b|\b(?:me|my)\b[^?.!]{0,40}\b(?:letter of recommendation|recommendation letter|reference letter)\b",
        r"\b(?:endorse|back|support|sponsor) (?:me|my (?:application|candidacy|candidature|bid|cv|resume|profile))\b",
        r"\bvouch for (?:me|my)\b|\bvouch\b[^?.!]{0,30}\bme\b",
        r"\bput in a (?:good )?word\b|\ba good word (?:for me|in for me)\b",
        r"\bput (?:me|my name|myself) forward\b|\bput forward my\b|\bput my name (?:in|down|forward)\b"
        r"(?! for (?:a|an|the|their|your) (?:[a-z-]+ ){0,2}?(?:workshop|course|class|session|event|waitlist|waiting list|conference|seminar|webinar|meetup|training|talk|lecture|tour|trip|race|list))",
        rf"\b(?:pass|send|forward|give|share|hand|show|put|mention|circulate|flag|drop|submit|get) (?:along |on )?my {_DOCS}\b(?! down for (?:a|an) )",
        rf"\bmy {_DOCS} (?:along|on|over|through|across|in front of|to your|to the|find its way|make it|reach|get to)\b",
        r"\brecommend (?:me|myself) (?:to|for|as|with|at)\b(?! (?:join|read|try|do|look|go|learn|attend|take|use|follow|check|contact|talk|speak|start|study|watch|listen|visit)\b)|\brecommend (?:me|myself)\s*[?.!]?$|\brecommend me\s*(?:[?.!,]|$)",
        r"\b(?:speak|talk|vouch|attest) (?:to|for|about) my (?:suitability|skill|skills|ability|abilities|work|experience|character|strength|strengths|candidacy)\b",
        r"\b(?:tell|say to|inform|mention to|let) (?:your |the |her |him |them |hr |the recruiter )?(?:[a-z-]+ ){0,2}?(?:know )?(?:about me|(?:that )?i am (?:a |the )?(?:good|great|strong|worth|recommend|right|reliable|solid|hard-working|hardworking|qualified|capable|fit|good fit|trustworthy))\b",
        r"\b(?:you can|could you|would you|will you) say (?:that )?i am (?:a )?(?:good|great|strong|worth|the right)\b",
        r"\bi am recommend by you\b",
        r"\bintroduce me to (?:your |the |a )?(?:recruiter|recruitment|hr|hiring manager|talent|people team|head of hiring|hiring team|graduate recruitment)\b",
        r"\b(?:mention|recommend|introduce|connect|flag|put|name-drop|namedrop) me (?:to|with|in front of) (?:the |your |a )?(?:[a-z-]+ ){0,2}(?:talent|recruit|recruiter|recruiters|recruitment|hr|hiring|manager|boss|director|lead|partner|partners|people team|head|"
        r"principal|headteacher|head teacher|dean|chair|supervisor|owner|chef|foreman|superintendent|editor|producer|founder|ceo)\b",
        r"\bcontact you about me\b|\bcall you about me\b|\bask you about me\b",
    ),
    "pay": (
        rf"\byour (?!take |view |opinion |thought |advice |experience |perspective |sense |feel |guess |idea |level )(?:[a-z-]+ ){{0,2}}?{_PAY}\b"
        r"(?! (?:post|job|role|position|work|internship|placement|gig|contract|opportunity|opening)\b)",  # "your first paid post"
        rf"\byou (?:personally |actually |usually |currently )?(?:make|earn|clear|take home|pull in|bring home|bring in|end up with|charge|bill)\b(?! (?:the|a|an|that|this|your|it|such a) (?:big |career |final )?(?:shift|move|switch|jump|change|transition|decision|leap|call|choice|cut|time|most|pivot))(?=.*(?:{_PAY}|\b(?:how much|what|a year|per|a month|an hour|each month|enough|more than|less than|over|under|above|six|five|\d)\b|\b(?:more|less)\b[^?.!]{{0,30}}\bthan\b|\b(?:more|less) (?:now|these day|today)\b))",
        rf"\byou (?:personally |actually |usually |currently )?(?:get|got|receive|land|get pay|be pay|are pay|were pay|hold|own|have)\b(?! see| seen| hear| heard| notice| noticed| find| found| be| been| work| worked)(?=[^?.!]{{0,30}}\b{_PAY}\b)",
        rf"\bhow much (?:[a-z]+ ){{0,3}}?(?:do|did|does|would|will|have)? ?you (?:are |be |were )?(?:make|earn|get|got|take home|charge|receive|bill)\b",
        rf"\b(?:what|how much)\b[^?.!]{{0,30}}\b(?:do|did|does) you (?:personally |usually |actually )?(?:make|earn|take home|receive|bring home|charge"
        r"|get(?! (?:wrong|right|out|from|into|to know|stuck|start|involve|interest|hook|there|better|good|use|through|along|ahead|around|away)\b))\b",
        rf"\b(?:are|were|be) you (?:pay|paid)\b",
        rf"\bhow much {_PAY}\b[^?.!]{{0,30}}\byou\b",
        r"\b(?:pay|pays|paid) (?:you|yours)\b|\byou (?:be|are|were|get) (?:pay|paid)\b|\byours pay\b",
        rf"\b{_PAY}\b[^?.!]{{0,40}}\b(?:for|to) you\b(?! to)",
        rf"\bwhat {_PAY} (?:band|grade|scale|level|bracket) (?:are|were|be) you\b|\bwhich {_PAY} (?:band|grade|bracket)\b[^?.!]{{0,10}}\byou\b",
        r"\b(?:are|were|be) you (?:in|on) (?:the )?(?:high|low|mid|upper|lower)?[ -]?(?:five|six|seven)[ -]figure",
        r"\b(?:are|were|be) you on (?:more|less|over|under|above|a salary|six|five|\d|\$|£|€)",
        r"\byou (?:are|were|be) on (?:more|less|over|under|above|about|around|roughly) (?:than )?(?:\d|\$|£|€|six|five|a hundred|a grand)",
        r"\bwhat (?:are|be|were) you on\b(?=[^?.!]{0,25}\b(?:an? (?:hour|year|month|week|day|shift)|per)\b)",
        r"\bhow much\b[^?.!]{0,30}\b(?:were|was|are|is|be) you (?:give|offer|pay|award|grant)\b",
        rf"\bhow many {_PAY}s?\b[^?.!]{{0,30}}\b(?:were|was|are|is|be|did|do|have) you\b",
        r"\bwhat (?:you|you are|you were) (?:make|earn|bring home|bring in|take home|pull in|clear|get pay|be pay|offer|give)\b",
        r"\b(?:what|how much) (?:are|were|be) you (?:make|earn|bring home|bring in|take home|pull in|clear|get pay|offer|give)\b",
        r"\bwhere do you land\b[^?.!]{0,10}\b(?:comp|pay|salary)",
        rf"\bwhat (?:[a-z]+ ){{0,2}}?{_PAY}\b[^?.!]{{0,20}}\b(?:(?:do|did|does|would|will) )?you (?:personally |actually |usually )?(?:bill|charge|get|make|earn|ask|quote|set|command|draw|receive|take home)\b",
        rf"\bhow (?:many|much) {_PAY}s?\b[^?.!]{{0,30}}\b(?:give|gave|offer|grant|award|pay) you\b",
        r"\bwhat (?:do|does|did|would) (?:that|it|this) (?:come out to|come to|work out to|add up to|amount to) (?:for you|in [a-z]+|each year|a year|per year|annually|a month|per month|yearly)\b",
        rf"\bwhere (?:are|be|do|were) you (?:sit |land |fall )?on (?:the|your) (?:[a-z-]+ )?{_PAY}",
        # "You on a bonus on top of the salary? How much is the bonus?": theirs, from the question before
        rf"\byou\b[^?]{{0,80}}\?\s*how much (?:is|are|be|was) (?:the|that) {_PAY}\b",
        r"\bwhat (?:did|do|does|would) (?:they|the company|your employer|your company|your boss) (?:offer|pay|give) you\b",
        rf"\b{_PAY}\b[^?.!]{{0,20}}\byou (?:personally |usually |actually |currently )?(?:charge|bill|earn|make|take home|receive|draw)\b",
        rf"\bhow many {_PAY}s?\b[^?.!]{{0,20}}\b(?:do|did|does|would|will) you\b",
        rf"\b(?:give|gave|offer|grant|award|pay) you (?:any |much )?{_PAY}\b",
        rf"\b(?:give|gave|offer|grant|award|pay) you (?:a |an |any )?(?:[a-z-]+ ){{0,5}}?{_PAY}\b(?=[^?]{{0,40}}\b(?:how much|roughly|amount)\b)",
        r"\bwhat (?:does|do|is|be|would) (?:a|an|someone|people|somebody)\b[^?.!]{0,40}\b(?:like|such as) (?:you|yourself)\b[^?.!]{0,20}\b(?:make|earn|take home|bring home|get pay|get|pull in|pulling in|bring in|clear)\b",
        r"\bwhat do you charge\b|\bwhat (?:would|do|does) you charge\b|\bhow much (?:would )?you charge\b",
    ),
}


# The words (lemmas) and phrases at least one of which every pattern of a category needs. A
# sentence with none of them skips that category's much slower patterns: most sentences of a
# request mention no job at all, and the checker runs on every keystroke. A set lookup and a few
# substring tests cost microseconds. Keep these in step with ``PATTERNS``: a pattern whose words
# are missing here can never fire (the corpus tests would show it).
_COMMON = frozenset("a an the to me my i am is are with your you for of in on at be".split())


def _needs(words: str, phrases: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """(single words, word pairs): a phrase is present only if each of its word pairs is, so one
    pair with a less common word in it stands for the phrase."""
    pairs, singles = set(), set(words.split())
    for phrase in (p.split() for p in phrases.split(",") if p.strip()):
        if len(phrase) == 1:
            singles.add(phrase[0])
            continue
        candidates = [f"{a} {b}" for a, b in zip(phrase, phrase[1:])]
        rare = [c for c in candidates if not set(c.split()) <= _COMMON]
        pairs.add(rare[-1] if rare else candidates[-1])
    return frozenset(singles), frozenset(pairs)


def word_pairs(lemmas: str) -> set[str]:
    """Each pair of neighbouring words in *lemmas* ("take me on" -> {"take me", "me on"})."""
    words = lemmas.split()
    return {f"{a} {b}" for a, b in zip(words, words[1:])}


NEEDS = {
    "internship": _needs(
        "internship intern placement co-op coop apprenticeship apprentice traineeship trainee praktikum practicum stage "
        "returnship secondment externship extern observership residency fellowship attachment return-to-work rotation shadow "
        "shadowing observe volunteer pre-apprentice industrial ojt alternance",
        "work experience, work-experience, vacation scheme, summer analyst, summer associate, summer program, summer scheme, "
        "sandwich year, placement year, tag along, sit in, sit with, for free, consider me, help out, ride along, "
        "training period, train period, on-the-job training, on-the-job train, program i, programme i, scheme i, "
        "love to be one, like to be one",
    ),
    "referral": _needs(
        "refer referral reference referee recommend recommendation endorse endorsement vouch champion testimonial sponsor "
        "suitability recommender cv cvs resume resumes portfolio application candidacy candidature profile linkedin "
        "reliable solid trustworthy hardworking hard-working qualified capable tell say inform mention introduce connect "
        "flag name-drop namedrop shout rec reel demo",
        "good word, heads-up, heads up, my name, my detail, my email, my contact, my info, my work, my writing, my number, "
        "about me, i am good, i am a good, i am great, i am a great, i am strong, i am a strong, i am worth, i am the right, "
        "i am a fit, introduce me to, put me forward, "
        "put my name, back me, back my, support my, forward my, speak to my, speak for my, speak up for, put in a word",
    ),
    "job": _needs(
        "hire employ employment recruit onboard interview job role position post opening open vacancy vacancies spot seat "
        "slot opportunity room space scope chance candidature candidacy candidate gig contract offer staff headcount "
        "apply fill roster available plate",
        "can start, could start, some capacity, any capacity, my hat, accommodate me, absorb me, place me, engage me, fit me, squeeze me, love to join, love to work, your list, need anyone, need anybody, need someone, need somebody, need help, need extra, "
        "consider me, consider my, consider myself, consider someone, consider somebody, consider a, consider people, "
        "consider hire, be consider, get consider, for me, like me, like mine, like myself, for myself, take me, bring me, have me, accept me, welcome me, keep me, "
        "take on, on board, aboard, get onto, get into, work for, work at, work in, work with, work on, start at, start in, start with, "
        "join you, come work, possible to, possible for me, one of them, one of those, let me, be add, be put, be place, "
        "be include, be list, be fit, be slot, be bring, be brought, be take, get in, get on, place for, place on, "
        "place in, place at, get me, find me, give me, offer me, land me, help me, tell me, inform me, notify me, ping me, "
        "good word, heads up",
    ),
    "pay": _needs(
        "salary salaries pay paid paycheck payslip income compensation comp wage wages earnings earn bonus take-home rate "
        "fee ctc ote package remuneration band grade equity stock option rsu raise pension commission stipend allowance "
        "money overtime net gross base charge bill figure clear hourly land differential retainer grand peso dollar euro "
        "pound rupee naira rand quid buck offer vsop esop",
        "pull in, bring in, bring home, take home, how much, you make, come out to, work out to, add up to, amount to, you personally, you actually, you usually, "
        "you currently, do you make, yours pay, are make, were make, are earn, are bring, are take, were offer, were give, "
        "were pay, you offer, you give, you on, annual draw, partner draw, on more, on over, on about, on around, on roughly, "
        "on less, on under, on above",
    ),
}


# Words that turn a pay question from *theirs* to the field's, or show it is about the process.
_PAY_GENERAL = (r"\b(?:not the number|without (?:go|going|get|getting) into|negotiat|approach|strategy|in general)")
# A negation in the same clause just before a hit: "I'm not asking you to refer me". Punctuation
# ends its reach ("If it's not too personal, what's your salary?"), and "not mind" is no negation.
_NEGATION = (r"\b(?:not|never|no|without|nor)\b(?! mind)(?:(?!\bbut\b)[^.?!,;:()-]){0,40}$")  # "not being nosy, but": no longer

# --- the general reading: a topic, the student as the one who gets it, a request to the reader -----
# Narrow topic words: "work", "start" or "join" alone are everyday words, so they count only
# next to the reader's workplace.
TOPIC = Patterns(
    internship=(
        rf"\b{_INTERN_NOUN}s?\b|\bpre-apprentice|\b(?:shadow|ride along|ride-along|tag along|follow you around|sit in|help out)\b"
        r"|\bunpaid\b|\bfor free\b|\bget (?:some )?hours\b"
    ),
    referral=(
        r"\b(?:refer|referral|reference|referee|recommend|recommendation|endorse|endorsement|vouch|good word|champion|"
        r"heads-up|heads up|put (?:me|myself|my name) forward|say something (?:nice|good|positive|kind)|sign off on|speak (?:for|to|up for) (?:me|my)|about me)\b"
        r"|\b(?:hr|recruiter|recruitment|hiring manager|talent|boss|manager|partner|partners|lead|director)\b[^?.!]{0,40}\b(?:about me|about my (?:application|cv|resume|candidacy|profile)|i am|that i)\b"
        r"|\b(?:pass|forward|send|share|hand|show|give)\b[^?.!]{0,30}\bmy\b"
    ),
    job=(
        rf"\b(?:hire|employ|employment|recruit|job|role|position|opening|vacancy|vacancies|headcount|req|gig|shift|"
        rf"contract|opportunity|candidate|candidacy|candidature|application|apply|staff|a shot|a start|an entry)s?\b"
        rf"|\b(?:spot|slot|seat|place|room|space)s? (?:on|in|at|with|within|for) (?:{_THEIR}|me|someone like me)"
        rf"|\b(?:take|bring) (?:me |someone |anyone |people )?(?:on|onto|into|aboard|onboard)\b|\bget me (?:on|in)\b"
        rf"|\b(?:work|start|join|come) (?:for|at|in|with|on|into) {_THEIR}|\bjoin {_AT_THEM}"
        rf"|\b(?:i|me) (?:could |can |would |might |to )?(?:work|start) (?:for|with) you\b"
        rf"|\b(?:anything|something) (?:for me|on your|in your|at your)\b"
    ),
)
# The student as the one who would get it. Info requests ("tell me about", "can I ask") and
# politeness ("if you don't mind me asking") are taken out first: there "me" is not a beneficiary.
_INFO_ME = (
    r"\b(?:tell|show|walk|teach|remind|help|let) me (?:know )?(?:about|how|what|why|when|where|which|who|through|understand|a bit|more|a little)\b"
    r"|\b(?:give|offer) me (?:a sense|an idea|some advice|advice|tips|a tip|your (?:take|view|perspective|thought|thoughts|opinion|advice))\b"
    r"|\b(?:mind|excuse|forgive|pardon) (?:me|my)\b[a-z ]{0,12}|\b(?:may|can|could|might|if) i (?:ask|say|add)\b"
    r"|\bi (?:would )?(?:love|like|want|wish|be curious|be interested|am curious|am interested|wonder|be keen) (?:to )?(?:know|hear|learn|understand|ask)\b"
    r"|\bi (?:would |will )?(?:be )?(?:grateful|thankful|glad|happy|keen|eager) to (?:know|hear|learn|understand|ask)\b"
    r"|\bi (?:think|guess|mean|feel|know|believe|imagine|suppose|understand|see)\b|\bi (?:am|was) (?:curious|wonder|wondering)\b|\bfor me to (?:understand|learn|know|see)\b|\bsomeone like me\b(?= (?:who|to|should|get|break|start))"
)
_FIRST_PERSON = (r"\b(?:me|my|myself|mine)\b|\bi\b")
_READER = (r"\b(?:you|your|yours|you guys|y'all)\b"
           r"|\bat (?:the|this) (?:studio|company|firm|office|shop|clinic|lab|agency|practice|restaurant|kitchen|site|hospital|label|salon|venue)\b"
           r"|^(?:would|will|does|do|is|are|could|can) (?:the|this) [a-z-]+ (?:ever |still |currently )?(?:take|hire|accept|need|want|have)\b")
_REQUEST = (
    r"^(?:could|would|can|will|might|may|do|does|is|are|any|got|have|please|kindly)\b"
    r"|\b(?:could|would|can|will|might) (?:you|your|u)\b|\bis there (?:any )?(?:chance|way|possibility|room|space|place|opening)\b"
    r"|\bany (?:chance|way|possibility)\b|\b(?:is|be) it (?:at all )?possible\b|\bwould (?:that|it) be (?:ok|okay|possible|alright|all right|fine)\b"
    r"|\bi (?:would|will) (?:love|like|be grateful|appreciate|be happy|be keen)\b|\bi (?:want|wish|need|request|hope you|hope to)\b"
    r"|\b(?:does|do|is|are) your (?:[a-z-]+ ){0,2}?(?:company|team|firm|agency|office|organisation|organization|shop|studio|lab|department|group|practice|clinic|hospital|crew)\b"
    r"|^(?:would you )?mind\b|\bmind (?:give|giving|pass|passing|share|sharing|send|sending|forward|forwarding|put|putting|mention|mentioning|tell|telling)\b"
    r"|\b(?:maybe|perhaps) you (?:can|could|would|might)\b|\bi (?:could|can) (?:come|help|volunteer|shadow|assist|tag)\b"
    r"|\bis there (?:a|an|any) (?:role|job|position|opening|spot|place|vacancy|post)\b|\bare there (?:any )?(?:opening|role|position|spot|place|vacancy|vacancies|job)s?\b"
    r"|^you (?:could|can|would|might|will)\b|\b(?:something|anything) you(?: would| could| might)? (?:ever )?(?:consider|be open to|be willing)\b|^is possible\b"
    r"|\b(?:please|kindly)\b|\blet me\b|\bhoping you\b|\b(?:could|can|may|might) i\b|\bwould you mind\b|\bfit me in\b|\bget me\b"
)
# Asking for advice or information about these topics, which the course encourages.
_ADVICE = (
    r"^(?:how|what|which|why|where|when|who|whom|whose|in general|generally|in your (?:experience|view|opinion)|from your|"
    r"from what you|if you (?:were|are|had)|tell me|describe|walk me|explain|i would love to (?:know|hear|learn)|i am curious|"
    r"i would (?:appreciate|value|welcome) your)\b|\byou(?: would)? recommend\b(?! me\b| my\b)"
    r"|\b(?:describe|explain|tell me|walk me|share (?:what|how|why|your)|advice|advise|tip|tips|suggest|suggestion|pointer|pointers|best way|polite way|how (?:can|should|do|could|would) i|"
    r"what (?:should|can|could|would) i|what do you look for|what would you look for|how do you (?:hire|recruit|pick|choose|decide))\b"
)
_LEADING_CLAUSE = (r"^(?:when|if|once|after|before|since|as soon as|whenever|next time|should)\b[^,?]{0,80},\s*")
AVAILABLE = Patterns(
    job=(
        rf"\b(?:is|are|be) (?:{_AT_THEM}|you guys)\b[^?.!]{{0,25}}\b(?:take on|taking on|hire|recruit|staff up|staffing up|bring on|look for|add|sign up|take)\b"
        rf"[^?.!]{{0,25}}\b(?:anyone|someone|people|staff|new|more|help|hand|hands|worker|workers|junior|graduate|candidate|person|crew|seasonal|this|right now|at the moment|currently|\?)"
        rf"|\b(?:any|anything|something|some)\b[^?.!]{{0,30}}\b(?:go|going|open|opening|available|come up|coming up|opening up)\b[^?.!]{{0,25}}\b(?:at|in|on|with) {_AT_THEM}"
        rf"|\b(?:do|does|did|would) {_AT_THEM} (?:happen to )?have (?:room|space|anything|something|a place|a spot|an opening|any)\b[^?.!]{{0,30}}\bfor (?:me|someone like me|a|one more|another|an extra)\b"
        rf"|\bif (?:something|anything|a role|a position|a spot|an opening) (?:open|come) up\b"
        rf"|\b(?:is|are) {_THEIR} (?:grow|growing|expand|expanding|hire|hiring|recruit|recruiting|take on|taking on)\b[^?]{{0,40}}\?[^?]{{0,40}}\bi(?: would| am)? (?:be )?(?:well |really |very |so )?(?:keen|interested|up for it|available|happy to|love to)"
        rf"|\b(?:do|does) {_THEIR} (?:still |currently |ever |happen to )?need (?:anyone|anybody|someone|somebody|more people|extra hands|an extra hand|help|any help)\b"
        rf"|\b(?:do|does|would|will) {_AT_THEM} (?:still |currently |ever |happen to )?(?:need|want|use) (?:a|an|another|more|extra|someone|somebody|any)\b[^?.!]{{0,40}}\b(?:by any chance|at the moment|right now|currently|these days)\b"
        rf"|\b{_THEIR}\b[^?.!]{{0,30}}\bhave (?:room|space|a place|a spot|an opening|anything|something)\b[^?.!]{{0,10}}\bfor (?:a|an|someone|somebody|me)\b"
    ),
    internship=(
        rf"\b(?:any|anything|some)\b[^?.!]{{0,30}}\b{_INTERN_NOUN}s?\b[^?.!]{{0,30}}\b(?:go|going|open|available|at|in|on|with) {_AT_THEM}\b"
        rf"|\b(?:do|does) {_AT_THEM} (?:have|take|offer) (?:room|space|a place|any)\b[^?.!]{{0,30}}\b{_INTERN_NOUN}"
        rf"|\b(?:is|are|be) {_AT_THEM}\b[^?.!]{{0,25}}\b(?:sign up|take on|taking on|take|accept|hire|recruit|look for)\b[^?.!]{{0,20}}\b{_INTERN_NOUN}"
    ),
)

# "I'm curious whether you offer externships - and if so, could I get one?": a request after the curiosity
# "Is there room for a career changer like me?": a job ask, unless the sentence asks for advice
# ("which books would you suggest for someone like me?"), which ``asks`` checks with ``advice``
_FOR_SOMEONE_LIKE_ME = r"\bfor (?:a|an|someone|somebody|people|person) (?:[a-z-]+ ){0,3}like (?:me|myself|mine)\b"
_ASK_FOR_ME = r"\b(?:could|can|may|might) i (?:get|have|do|join|take|apply for|grab|be considered)\b|\b(?:could|can|would) you (?:get|find) me\b"

#: The general reading's own patterns (by the names above, in lower case).
GENERAL = Patterns(
    pay_general=_PAY_GENERAL,
    negation=_NEGATION,
    info_me=_INFO_ME,
    first_person=_FIRST_PERSON,
    reader=_READER,
    request=_REQUEST,
    advice=_ADVICE,
    leading_clause=_LEADING_CLAUSE,
    ask_for_me=_ASK_FOR_ME,
    for_someone_like_me=_FOR_SOMEONE_LIKE_ME,
)
