"""Notes are reports: reading a note the way its writer meant it. Pure, no Django.

A note is not mail. Nobody reads it but its writer, so it asks the reader for nothing;
it reports what was said ("I promised to send her the intro by Friday", "he asked me to
look at his CV"), in shorthand ("wants to move to Lisbon", "stressed re: the visa",
"- Mariam — eviction hearing Aug 11"), in any case and often about several people.
:func:`capture_note` reads it as such and hands each piece to the sentence rules of
:mod:`carefor.language.capture`, which stay the one place that knows what a matter or a
life event is:

* **Pieces.** A note splits at line ends, list items, sentence ends (whatever case comes
  next) and semicolons, and at a comma or dash when a new clause about a person follows
  ("BP high again, GP appt moved to 17/02").
* **Reading.** Each piece is read with the case fixed (ALL CAPS lowered; "i", "im", "id"
  as "I", "I'm", "I'd"; the notebook's names capitalised) and with its implicit subject
  written in: "wants to move to Lisbon" is read as "Ana wants to move to Lisbon" when the
  note is about Ana. What is shown is always the writer's own words.
* **Promises** are my commitments still open, reported ("promised to…", "told her I'd…",
  "said I would…", "agreed to…", "on me:"), plain ("I'll…", "will email her tonight") or a
  to-do in shorthand ("send lawyer contact fri"), unless the piece says it is done or
  hedges it. The shipped detector reads the plain ones; the others are read here.
* **Requests** are what someone asked of me ("asked me to…", "asked for an intro…",
  "needs someone to come with her"). A note never asks its reader for anything, so the
  detector's own "request" (an imperative, a question) is not one here.
* **Feelings** (anxious, worried, scared, stressed, excited, hoping…) are worries or
  hopes, with their why when the piece or the one before gives it; **shorthand** names
  what matters without a verb of wanting ("BP high again", "big on punctuality", "DO NOT
  CALL BEFORE 10AM"), never in a piece about me, a note to self or a hypothetical.
* A **dated happening** (a hearing, a wedding, surgery, exams, a launch…) is a life event
  with a follow-up near its date, when no more specific event rule claimed the piece; one
  that just happened ("had her knee replaced last Tuesday") takes its past day. A promise
  or request about an earlier event takes its date ("Court date Nov 12. I'll go with
  her."), or the day before; "ok fine" right after a request is my yes to it.
* **People.** A finding belongs to the person the piece names as its subject ("Thanh
  asked me…", "His wife Layla will have the operation…"), or for a promise the person it
  was made to ("told Mariam I'd…"); otherwise to the person the note was last about — a
  list item that starts with a name ("- Luis: …", "Mariam — …") turns the note to that
  person — and at first the person whose page it is. Names are read carefully (see
  ``_Notebook``): a misread name would put someone's words on someone else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from carefor.language.capture import (
    PRIVATE_KINDS,
    Capture,
    LifeEventFinding,
    MatterFinding,
    follow_up_date,
    read_sentence,
)
from carefor.language.commitments import PROMISE, REQUEST, Finding
from carefor.language.dates import find_due

# Words a piece of shorthand starts with when its subject (the person) is left out.
# Third-person forms only: "likes jazz" is shorthand about her, "like she said" is not.
_IMPLICIT = (
    r"wants|wanted|would\s+(?:love|like)|'d\s+(?:love|like)|worried|worries|worrying|prefers"
    r"|loves|likes|hates|dislikes|enjoys|values|cares|believes|hopes|hoping|dreams"
    r"|nervous|scared|anxious|stressed|frustrated|excited|afraid|terrified|overwhelmed|upset"
    r"|feeling|feels|thinking|planning|plans|trying|struggling|looking|raising|applying"
    r"|getting|moving|leaving|starting|returning|back|lives|living|has|had|is|was|needs"
    r"|can't|cannot|doesn't|does\s+not|won't|still|also|really|very|kind\s+of|a\s+bit"
    r"|seems?|burnt|burned|studying|training|saving|aiming|working|finishing|going|flying"
    r"|booked|due|expecting|pregnant|engaged|married|retiring|interviewing|presenting"
    r"|running|sings?|singing|obsessed|keen|desperate|determined|tired|exhausted|lonely"
    r"|allergic|intolerant|vegetarian|vegan|sensitive|hard\s+of\s+hearing|refuses|fiercely"
    r"|insecure|proud|preoccupied|grieving|caring|freaking|under\s+pressure|foggy|low|stretched"
    r"|big\s+on|huge|never|always|doesn't|not|misses|struggles"
)
_IMPLICIT_START = re.compile(rf"^(?:{_IMPLICIT})\b", re.I)
# "Also he mentioned…": the subject is there after all.
_NAMED_NEXT = re.compile(
    r"^(?:also|still|really|very|so|now)\s+(?:she|he|they|I|we|you|it|there|(?-i:[A-Z]))\b", re.I
)
_BULLET = re.compile(r"^\s*(?:[-*•‣◦>]+|\d{1,2}[.)]|\(?[a-z]\))\s+", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|;\s*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|prof|st|vs|etc|e\.g|i\.e|approx|no|re)|\b[A-Za-z])\.$", re.I
)

# A piece that is done or hedged is not an open promise.
_DONE = re.compile(
    r"\b(?:already|done|did\s+(?:it|that)|sent(?:\s+(?:it|him|her|them))?\b(?!\s+(?:by|before"
    r"|on|next|tomorrow|tmrw|tonight|today|this))|gave\s+(?:it|him|her|them)|handed\s+over"
    r"|took\s+care\s+of)\b|✓|✔|\[x\]",
    re.I,
)
_HEDGED = re.compile(
    r"\b(?:maybe|might|may\s+be\s+able|try\s+to|will\s+try|tbd|probably|perhaps|possibly"
    r"|if\s+I\s+(?:can|have\s+time)|not\s+sure|no\s+promises|would\s+be\s+nice)\b",
    re.I,
)
_OBJECT = r"(?:him|her|them|us|both|everyone|{names})"
_REPORTED_PROMISE = (
    r"(?:\bI\s+(?:also\s+|already\s+|have\s+|'ve\s+)?|^|\band\s+|\bso\s+|[,;:]\s*)(?:promised|committed|agreed"
    r"|volunteered|pledged|swore)\b(?:\s+{obj})?"
    r"[^.;!?]{{0,30}}?(?:\bto\s+\w|,?\s*(?:I'?d|I\s+would|I'?ll|I\s+will|will|that\s+I)\b)"
    r"|\b(?:promised|owe)\s+{obj}\s+(?:a|an|the|my|his|her|their|some|one)\b"
    r"|\b(?:told|assured|promised|reassured|texted|emailed)\s+{obj}(?:\s+and\s+{obj})?"
    r"\s+(?:that\s+)?(?:I'?d|I\s+would|I'?ll|I\s+will|I\s+can|we'?d|we'?ll|we\s+will"
    r"|I'?m\s+going\s+to|I\s+am\s+going\s+to)\b"
    r"|(?:^|\bI\s+|\bwe\s+)said\s+(?:that\s+)?(?:I'?d|I\s+would|I'?ll|I\s+will|we'?d|we'?ll)\b"
    r"|^(?:I\s+)?said\s+yes\b"
    r"|\bon\s+me(?:\s+too)?\s*[:\-\u2192]|^me\s*(?:[:\-\u2192]|->)"
    r"|^(?:todo|to\s+do|action(?:\s+item)?|next\s+step)\s*[:-]"
    r"|^(?:I\s+)?said\s+(?:yes|ok|okay|sure)\b"
    r"|(?:^|[,;]\s*|\band\s+)(?:will|gonna|going\s+to|I'?m\s+going\s+to|must|need\s+to"
    r"|have\s+to)\s+(?!be\b)\w+"
)
# A to-do line in the writer's shorthand: a bare verb of doing at the start of a piece.
_TODO = re.compile(
    r"^(?:send|email|e-mail|mail|call|ring|phone|text|whatsapp|share|intro|introduce|connect"
    r"|draft|write|book|find|get|review|forward|set\s+up|schedule|remind|bring|pay|update"
    r"|chase|order|buy|print|submit|fix|sort|look\s+into|reach\s+out|dm|ping|get\s+back|fu)\b"
    r"(?!\s+(?:me|us)\b)(?!\s+(?:with|w/)\s)",
    re.I,
)
_REPORTED_REQUEST = re.compile(
    r"\b(?:asked|asks|asking|begged|begs|wants|wanted|would\s+like|'d\s+like|needs|needed"
    r"|pinged|emailed|texted|called|rang|messaged|wondered\s+if|wonders\s+if)\s+(?:if\s+)?"
    r"(?:me|us)\s+(?:also\s+|too\s+|again\s+)?(?:to|if|for|whether|about|when|could|would)\b"
    r"|\brequested\b|\bask(?:s)?\s+(?:me\s+)?(?:if|whether)\s+I\b|\bask\s+me\s+(?:to|for)\b"
    r"|\basked\s+(?:me\s+)?about\s+(?:a|an|the|my|some|getting|finding)\b"
    r"|\bwants?\s+(?:an?\s+|my\s+|some\s+)?(?:intros?"
    r"|introductions?|feedback|advice|a\s+reference|references|a\s+referral|a\s+review)\b"
    r"|(?<!been\s)(?<!was\s)(?<!were\s)\b(?:asked|asks|asking|begged)\s+(?:for|if\s+I"
    r"|whether\s+I|to\b)"
    r"|\bneeds?\s+(?:someone|somebody|a\s+lift|a\s+ride|help|a\s+reference|an?\s+intro)\b"
    r"|\b(?:request(?:ed|s)?|ask)\s*:",
    re.I,
)
_FEELING = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|but|so|also|still|now)\s+)(?P<who>she|he|they|(?-i:[A-Z][a-z]+))"
    r"(?:'s|'re|\s+(?:is|are|was|were|feels?|feeling|felt|seems?|seemed|looks?|looked|got"
    r"|gets|getting|has\s+been|is\s+getting|'s\s+been))?(?:\s+(?:really|very|so|quite|a\s+bit"
    r"|a\s+little|kind\s+of|super|pretty|already|still|totally|extremely|more|increasingly"
    r"|bit))*\s+(?P<feel>stressed(?:\s+out)?|anxious|nervous|scared|worried|afraid|frightened"
    r"|terrified|upset|overwhelmed|stretched(?:\s+thin)?|panick?ing|paniking|panicked|teary"
    r"|tearful|down|low|frustrated|burn(?:t|ed)\s+out|exhausted|tense|tensed|dreading"
    r"|on\s+edge|lonely|heartbroken|devastated|gutted|excited|hopeful|thrilled|optimistic"
    r"|looking\s+forward|hoping|over\s+the\s+moon|carrying\s+(?:his|her|their)\s+worry"
    r"|freaking\s+out|preoccupied|tensed?|stress|insecure|grieving|under\s+pressure|foggy"
    r"|not\s+sleeping(?:\s+well)?|low\s+mood|on\s+edge|in\s+a\s+bad\s+place|tired|drained"
    r"|worn\s+out|stressing|torn)\b"
    r"(?P<rest>.*)",
    re.I,
)
_BARE_FEELING = re.compile(
    r"\b(?P<feel>anxious|nervous|scared|worried|stressed|terrified|upset|overwhelmed|grieving"
    r"|preoccupied|insecure|freaking\s+out|low\s+mood|excited|hopeful|thrilled|stressing|torn"
    r"|exhausted)\b(?P<rest>.*)",
    re.I,
)
_PRONOUN = re.compile(
    r"it|this|that|them|him|her|things|everything|all\s+(?:of\s+)?(?:it|this)", re.I
)
_HOPEFUL = re.compile(r"excited|hopeful|thrilled|optimistic|looking|hoping|over", re.I)
# A piece of shorthand about the person that names what matters to them without a verb of
# wanting or worrying: health, family, challenges, values and preferences, by their words.
# Checked only where no sentence rule found a matter, and never in a piece about me.
_SHORTHAND: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(words, re.I))
    for kind, words in (
        ("health", r"\b(?:hard\s+of\s+hearing|deaf|eyesight|hip\s+replacement|knee\s+replacement"
                   r"|bp|blood\s+pressure|(?:blood\s+)?sugar\s+(?:is\s+)?(?:high|low)|diabet\w+"
                   r"|dementia|alzheimer'?s|parkinson'?s|cancer|chemo\w*|diagnos(?:ed|is|es)|walker"
                   r"|wheelchair|falls?\s+risk|mobility|meds|medication|chronic|insomnia"
                   r"|depress\w+|anxiety|therapy|pregnan\w+|miscarriage|ivf|asthma|migraines?"
                   r"|bronchitis|covid|injur\w+|fracture\w*|stroke|heart\s+(?:attack|condition)"
                   r"|bad\s+back|back\s+pain|(?:hip|knee|neck|shoulder|chest)\s+pain"
                   r"|physio\w*|sleep(?:ing)?\s+(?:badly|poorly)|not\s+sleeping|sober|sobriety"
                   r"|relapse|rehab|twinges?|aches?|sore\s+\w+)\b"),
        ("family", r"\b(?:caring\s+for\s+(?:his|her|their)\s+\w+|separated|divorc\w+|widow\w*"
                   r"|grieving|bereaved|newborn|custody|trying\s+for\s+a\s+baby|birth\s+(?:mum|mom"
                   r"|parents?)|foster\w*|lost\s+(?:his|her|their)\s+(?:mum|mom|dad|father|mother"
                   r"|wife|husband|son|daughter|brother|sister))\b"),
        ("challenge", r"\b(?:the|his|her|their|main|big(?:gest)?)\s+(?:challenge|problem|issue"
                      r"|struggle|complex|insecurity|weakness|blocker)\s+is\b|\bis\s+(?:her|his"
                      r"|their)\s+(?:big(?:gest)?\s+)?(?:complex|insecurity|weakness|challenge"
                      r"|struggle)\b|\bnot\s+(?:good|comfortable|great|confident)\s+with\b"
                      r"|\bstruggles?\s+with\b|\bunder\s+pressure\b|\bmicromanag\w+"
                      r"|\bdoesn'?t\s+rate\s+(?:him|her|them)\b|\b(?:is|are)\s+killing\s+(?:him|her"
                      r"|them)\b|\bwrecking\s+(?:him|her|them)\b|\bbehind\s+on\s+(?:rent|bills"
                      r"|payments)\b|\bmoney\s+is\s+tight\b|\bcan'?t\s+afford\b|\bburn(?:t|ed)\s+out\b"
                      r"|\bstruggling\s+(?:with|to)\b|\barrears\b|\bin\s+debt\b|\boverdue\b"
                      r"|\b(?:still\s+)?(?:broken|crash(?:es|ing)?|timing\s+out|times\s+out"
                      r"|not\s+working)\b|\bfighting\s+(?:the|her|his|their|with)\b|\bdispute\b"
                      r"|\bwrite-?ups?\b|\bdisciplinary\b|\bgrievance\b|\btargeted\b|\bharass\w*"
                      r"|\bstill\s+short\b"),
        ("value", r"\bbig\s+on\b|\bkeeps?\s+(?:him|her|them)\s+going\b|\breason\s+to\s+get\s+up\b"
                  r"|\bfiercely\s+\w+|\b(?:family|faith|church|honesty|loyalty)\s+is\s+everything\b"
                  r"|\bis\s+everything\s+(?:to|for)\s+(?:him|her|them)\b|\bproud\s+of\b"
                  r"|\b(?:treasures|lives\s+for|means\s+(?:a\s+lot|everything)\s+to)\b"
                  r"|\bwhat\s+matters\s+(?:most\s+)?(?:to\s+(?:her|him|them)\s+)?is\b"
                  r"|\bcares?\s+(?:more|most|a\s+lot|deeply)\s+about\b"),
        ("preference", r"\b(?:do\s+not|don'?t|never|no)\s+(?:call|phone|ring|text|email|calls"
                       r"|meetings|emails)\b|\ballergic\b|\bintolerant\b|\bvegetarian\b"
                       r"|\bvegan\b|\bhalal\b|\bkosher\b|\brefuses\s+to\b|\b(?:big|huge|massive)"
                       r"\s+\w+\s+fan\b|\bsensitive\s+\w+|\bprefers\b|\bhates\b|\bloves\b"
                       r"|\bis\s+best\b|\bonly\s+(?:on|after|before|by)\b|\bby\s+(?:text|email"
                       r"|phone|whatsapp)\b|\b(?:text|email|phone)\s+not\s+(?:email|text|phone|calls?)\b"
                       r"|\b(?:'d|would)\s+rather\b|\bdoesn'?t\s+want\b"),
        ("goal", r"\b(?:keen|eager|determined|desperate)\s+to\b|\bset\s+on\b|\bdreams?\s+"
                 r"(?:of|about|in|to)\b|\blooking\s+(?:for\s+)?(?:a\s+)?(?:job|work|house|flat"
                 r"|role|place)\b|\bwants\s+(?!to\b|me\b|us\b|you\b|him\b|her\b|them\b|it\b)\w+"
                 r"|\bgunning\s+for\b|\bgoing\s+for\s+(?:the|a)\b|\bdecided\s+to\b"
                 r"|\b(?:is\s+|'s\s+)?hiring\s+(?:a|an|his|her|their)\b|\bhoping\s+to\b"
                 r"|^(?:main\s+|big\s+|her\s+|his\s+)?(?:goal|aim|dream|ambition)\s*(?:=|:|is)\s"),
    )
)  # fmt: skip
_ABOUT_ME = re.compile(
    r"^(?:I|I'm|I've|I'd|I'll|we|we're|me|my|our|didn't|did|wrote|said|told|asked\s+her"
    r"|asked\s+him)\b|\bI\s+(?:love|hate|like|prefer|want)\b",
    re.I,
)
# Hypotheticals and questions about them are not what matters to them.
_SUPPOSED = re.compile(r"\b(?:if|whether|would|might|maybe|perhaps|could|should)\b", re.I)
# A note to self ("Do it before their board meeting") dates my task, not their life.
_TO_SELF = re.compile(
    r"^(?:do|ask|remember|don't|make\s+sure|try|check|call|send|email|mention|tell|bring\s+up"
    r"|raise|nudge|offer|suggest)\b",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:not|no\s+longer|isn't|wasn't|never)\s+(?:\w+\s+)?(?:worried|stressed"
    r"|anxious|nervous|scared|fussed|bothered)\b",
    re.I,
)
_CONCERN = re.compile(
    r"\b(?:biggest|main|real|only|big|one)?\s*(?:concern|worry|fear|stress)\s*(?:is|was"
    r"|right\s+now\s+is|=|:)\s*(?P<rest>.+)|(?P<rest2>.+?)\s+is\s+a\s+(?:big\s+)?(?:worry"
    r"|concern|stress)\b",
    re.I,
)
_BECAUSE = re.compile(
    r"^[\s,:-]*(?:about|re:?|over|because(?:\s+of)?|since|that|for|of|\u2014|\u2013|-)\s+",
    re.I,
)
# Happenings worth a follow-up, when a piece dates one and no specific event rule did.
_HAPPENINGS: tuple[tuple[str, bool, re.Pattern[str]], ...] = tuple(
    (kind, private, re.compile(rf"\b(?:{words})\b", re.I))
    for kind, private, words in (
        ("health", True, r"surgery|operation|op|procedure|appt|appointment|scan|biopsy|chemo"
                         r"|treatment|physio|check-?up|hospital|replacement|fitting|assessment"
                         r"|infusion|mri|x-?ray|transplant|follow-up\s+appointment"),
        ("baby", True, r"baby|twins|due\s+date|born|grandbaby|grandchild|due\s+(?:in|on|at)"
                       r"|due\s+to\s+deliver|deliver(?:y|ing)?|give\s+birth|giving\s+birth|due\s+with"),
        ("talk", False, r"hen\s+do|stag\s+do|christening|baptism|birthday|anniversary|bar\s+mitzvah"
                        r"|bat\s+mitzvah|party|reunion|recital|ceremony|shower|turns\s+\d+"
                        r"|communion|confirmation|eid|diwali"),
        ("death", True, r"funeral|memorial"),
        ("wedding", False, r"wedding|married|marry|engagement"),
        ("move", False, r"mov(?:e|es|ing)|relocat\w+|hostel|care\s+home|new\s+flat|new\s+house"
                        r"|be\s+out\s+by|completion|closing\s+date|keys|viewing|close\s+on\s+the"
                        r"\s+(?:house|flat|sale|apartment)"),
        ("job", False, r"new\s+job|starts?|starting|begins?|first\s+day|promotion|offer"
                       r"|back\s+at\s+work|returns?\s+to\s+work|leaving\s+(?!for\b)\w+|last\s+day"),
        ("graduation", False, r"graduat\w+|commencement"),
        ("exam", False, r"exams?|boards|finals|test|gmat|gre|ielts|bar\s+exam|defen[cs]e|viva"
                        r"|mocks|gcses?|a-levels|sats|kcse|kcpe|driving\s+test|tryouts|trials"),
        ("interview", False, r"interview|hearing|court|trial|tribunal|iep|committee\s+meeting"
                             r"|review|audition|notice|eviction|audit"),
        ("launch", False, r"launch\w*|go-?live|release|opening|deadlines?|funding\s+runs\s+out"
                           r"|raise|fundrais\w+|round|closes|closing|demo\s+day|(?:draft|paper|thesis|report|essay"
                           r"|assignment|application|proposal)\b[^.;]{0,20}?\bdue"),
        ("talk", False, r"talk|presentation|presenting|keynote|speech|conference|concert|solo"
                        r"|recital|performance|show|conf|reporting|board\s+meeting"),
        ("race", False, r"marathon|race|half|triathlon|match|tournament|run"),
        ("trip", False, r"trip|flight|flying|fly|flies|lands|landing|arrives|arriving|coming\s+from"
                        r"|leaves?\s+for|leaving\s+for|visit\w*|holiday|vacation|leave|travel\w*"
                        r"|umrah|hajj|pilgrimage|retreat|camp|off\s+to|sabbatical|off\s+work|on\s+leave"),
        ("job", False, r"visa|renewal|contract|lease|uni|university|college|school|kindergarten"
                       r"|nursery|apprenticeship|internship|residency"),
    )
)  # fmt: skip
# Quoted words, also a quote the sentence split cut open ("in her words: "If I stop…").
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*(?:[\"\u201d]|$)")
_BACK_REFERENCE = re.compile(
    r"\b(?:before\s+(?:he|she|they|it|term|school|the\s+\w+)\s+(?:goes|leaves|go|leave|flies"
    r"|moves|starts|start|arrives|arrive|comes|begins)|the\s+(?:morning|day|night|evening|week)"
    r"\s+of|with\s+(?:her|him|them)|there|for\s+it|to\s+it|that\s+(?:day|afternoon|morning"
    r"|evening|night|weekend)|on\s+the\s+day|while\s+(?:she|he|they)(?:'s|'re|\s+is|\s+are)"
    r"|until\s+(?:she|he|they)|when\s+the\s+baby|for\s+the\s+baby)\b",
    re.I,
)
_DAY_BEFORE = re.compile(r"\bthe\s+(?:day|night|evening)\s+before\b(?!\s+\w+day\b)", re.I)
# Something that has just happened, and when: "had her knee replaced last Tuesday",
# "got his biopsy results yesterday", "laid off last Fri", "found out Friday".
_PAST_WHEN = re.compile(
    r"\b(?:(?P<yesterday>yesterday|last\s+night)|(?P<lastweek>last\s+week)|(?:last|on|this\s+past"
    r"|passed)?\s*(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?"
    r"|wed|thu(?:rs?)?|fri|sat|sun)\b)",
    re.I,
)
_PAST_HAPPENED = re.compile(
    r"\b(?:had|got|was|were|lost|laid\s+off|let\s+go|made\s+redundant|found\s+out|passed"
    r"|died|born|gave\s+birth|replaced|diagnosed|admitted|discharged|accepted|fell|broke)\b",
    re.I,
)
_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_PAST_HAPPENINGS: tuple[tuple[str, bool, re.Pattern[str]], ...] = tuple(
    (kind, private, re.compile(words, re.I))
    for kind, private, words in (
        ("health", True, r"\b(?:replaced|operation|surgery|biopsy|results|diagnosed|admitted"
                         r"|discharged|fell|broke|stroke|scan)\b"),
        ("baby", True, r"\b(?:born|gave\s+birth|lost\s+the\s+baby|miscarr\w+)\b"),
        ("job_loss", False, r"\b(?:laid\s+off|let\s+go|made\s+redundant|fired|lost\s+(?:his|her"
                            r"|their)\s+job)\b"),
        ("death", True, r"\b(?:passed(?:\s+away)?|died)\b"),
        ("job", False, r"\b(?:accepted|acceptance|got\s+(?:into|the\s+job|the\s+offer)|offer)\b"),
    )
)  # fmt: skip
_PAST_FOLLOW_UP = {
    "health": "Ask how the recovery is going",
    "baby": "Ask how they are doing",
    "job_loss": "Ask how the search is going",
    "death": "Ask how they are doing",
    "job": "Ask how it is going",
}
_MONTH_ONLY = re.compile(
    r"(?:(?:in|during|by|before|until|till|end\s+of|start\s+of|early|mid|late)[\s-]+)*"
    r"[A-Za-z]+\.?(?:\s+\d{4})?",
    re.I,
)


# Capitalised words that start a note's sentences and are seldom anyone's name here:
# "Will email Mei tonight" is not about a Will.
NOT_NAMES = frozenset(
    [
        "i",
        "we",
        "you",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "then",
        "next",
        "also",
        "and",
        "but",
        "so",
        "the",
        "a",
        "an",
        "her",
        "his",
        "their",
        "my",
        "our",
        "she",
        "he",
        "they",
        "me",
        "him",
        "them",
        "today",
        "yesterday",
        "tomorrow",
        "will",
        "may",
        "can",
        "could",
        "would",
        "should",
        "must",
        "did",
        "does",
        "do",
        "met",
        "had",
        "has",
        "have",
        "got",
        "just",
        "still",
        "called",
        "asked",
        "told",
        "said",
        "says",
        "need",
        "needs",
        "call",
        "send",
        "email",
        "ask",
        "check",
        "follow",
        "talk",
        "spoke",
        "coffee",
        "lunch",
        "dinner",
        "breakfast",
        "mtg",
        "meeting",
        "call",
        "notes",
        "note",
        "re",
        "fyi",
        "todo",
        "asap",
        "pls",
        "please",
        "thanks",
        "new",
        "good",
        "great",
        "not",
        "no",
        "yes",
        "ok",
        "okay",
    ]
)


@dataclass(frozen=True)
class _Person:
    full: str
    words: tuple[str, ...]  # the name's parts as written in the notebook

    @property
    def first(self) -> str:
        """The first name as the sentence rules read a name: one capitalised word
        ("Jae-won" is read as "Jaewon")."""
        word = re.sub(r"[^\w]|_|\d", "", self.words[0]) if self.words else self.full
        return word[:1].upper() + word[1:].lower() if word else self.full


class _Notebook:
    """The people a note may name. A first name (or the full name) names its person; a
    last name alone only when it is capitalised and does not open the piece ("Long chat
    with Ana" is not about Grace Long). A name two people share names nobody, unless one
    of them is the page's person. In a piece written all in lower case, case is ignored."""

    def __init__(self, page: str, people: Iterable[str]) -> None:
        names = [n.strip() for n in (page, *people) if n.strip()]
        everyone = list(dict.fromkeys(names)) or ["them"]
        self.people = [_Person(full, tuple(full.split())) for full in everyone]
        page_person = self.people[0]
        firsts: dict[str, list[_Person]] = {}
        lasts: dict[str, list[_Person]] = {}
        for person in self.people:
            for word in {person.words[0], person.first, person.full}:
                firsts.setdefault(word.lower(), []).append(person)
            for word in person.words[1:]:
                lasts.setdefault(word.lower(), []).append(person)
        # The page's person by initial too: "J. came by the studio."
        firsts.setdefault(f"{page_person.first[:1]}.".lower(), []).append(page_person)

        def one(found: list[_Person]) -> _Person | None:
            unique = list(dict.fromkeys(found))
            if len(unique) == 1:
                return unique[0]
            return page_person if page_person in unique else None

        self.by_first = {w: who for w, found in firsts.items() if (who := one(found))}
        self.by_last = {w: who for w, found in lasts.items() if (who := one(found))}
        self.by_last = {w: who for w, who in self.by_last.items() if w not in firsts}
        alternatives = sorted({re.escape(w) for w in (*firsts, *lasts)}, key=len, reverse=True)
        body = "|".join(alternatives)
        edge = r"(?<![\w'])(?:{})(?![\w-])(?<!\.(?=\w))"
        self.any_case = re.compile(edge.format(body), re.I) if body else None
        # As written in the notebook: the names themselves, capitalised.
        written = sorted(
            {re.escape(w) for p in self.people for w in (*p.words, p.full, p.first)}
            | {re.escape(f"{page_person.first[:1]}.")},
            key=len,
            reverse=True,
        )
        self.as_written = re.compile(edge.format("|".join(written))) if written else None

    def _matches(self, text: str) -> Iterator[tuple[re.Match[str], _Person]]:
        pattern = self.any_case if text == text.lower() else self.as_written
        if pattern is None:
            return
        for m in pattern.finditer(text):
            word = m.group().lower()
            person = self.by_first.get(word) or self.by_first.get(word.split()[0])
            if person is None and m.start() > 0 and m.group()[:1].isupper():
                person = self.by_last.get(word)
            if person is not None:
                yield m, person

    def capitalise(self, text: str) -> str:
        """Each name as the sentence rules read a name (one capitalised first name)."""
        out, at = [], 0
        for m, person in self._matches(text):
            out += [text[at : m.start()], person.first]
            at = m.end()
        return "".join(out) + text[at:]

    def named(self, text: str) -> list[tuple[int, _Person]]:
        """(position, person) for every name in ``text``, in order."""
        return [(m.start(), person) for m, person in self._matches(text)]


def _pieces(text: str, notebook: _Notebook) -> list[tuple[str, bool]]:
    """The note's pieces, in order: lines, list items, sentences, clauses about someone;
    each with whether it opens a list item (where a note turns to another person)."""
    pieces: list[tuple[str, bool]] = []
    for raw in text.splitlines():
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        parts: list[str] = []
        start = 0
        for m in _SENTENCE_END.finditer(line):
            if m.group().startswith(";") or not _ABBREVIATION.search(
                line, max(0, m.start() - 8), m.start()
            ):
                parts.extend(_clauses(line[start : m.start()].strip(), notebook))
                start = m.end()
        parts.extend(_clauses(line[start:].strip(), notebook))
        # A list item or "Name — …" turns the note to that person; a sentence that merely
        # starts with a name does not ("Luis joined us. She has a biopsy on 4/5" is hers).
        listed = bool(_BULLET.match(raw)) or bool(_TOPIC_MARKER.match(line))
        pieces.extend((part, i == 0 and listed) for i, part in enumerate(p for p in parts if p))
    return pieces


def _clauses(piece: str, notebook: _Notebook) -> list[str]:
    """Split at ", " or a dash when a new clause about someone follows."""
    names = "|".join(re.escape(p.first) for p in notebook.people)
    subject = rf"(?:she|he|they|her|his|their|I|{names})\b" if names else r"(?:she|he|they|I)\b"
    head = re.compile(
        rf"(?:,\s+(?:and\s+|but\s+|so\s+)?|\s+[\u2014\u2013-]\s+)"
        rf"(?=(?:{_IMPLICIT})\b|{subject}(?:'\w+)?\s+\w|what\s+(?:she|he|they)\b)"
        rf"|\s+and\s+(?=I'?ll\b|I\s+will\b|I'?d\b|I\s+said\b|I\s+promised\b"
        rf"|(?:is|wants|needs|prefers|hopes|has|feels|worries)\b)",
        re.I,
    )
    parts, start = [], 0
    for m in head.finditer(piece):
        if m.start() - start >= 12:  # a few words at least: "Mariam — eviction…" stays whole
            parts.append(piece[start : m.start()].strip())
            start = m.end()
    parts.append(piece[start:].strip())
    return [p for p in parts if p]


_ACCEPT = re.compile(
    r"^(?:(?:I\s+)?said\s+)?(?:ofc|of\s+course|sure|ok(?:ay)?|yes|yep|yeah|fine|no\s+problem"
    r"|will\s+do|can\s+do|happy\s+to|gladly)\b[\s,.!]*(?:yes|fine|no\s+problem|will\s+do"
    r"|can\s+do|sure)?[\s,.!]*$",
    re.I,
)
_ARROW = re.compile(r"^\s*(?:->|=>|>>|\u2192|\u21d2)\s*")
_TOPIC_MARKER = re.compile(
    r"^[^\W\d_][\w.'-]*(?:\s+[^\W\d_][\w'-]*)?\s*(?:[\u2014\u2013:]|\s-\s)\s*"
)


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SLASH_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d)")


# In a note "fri" is Friday ("send lawyer contact fri"); "sat" and "sun" stay words.
_WEEKDAY_ABBR = re.compile(r"\b(mon|tues?|wed|thu(?:rs?)?|fri)\b\.?(?!-)", re.I)
_WEEKDAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}  # fmt: skip
# "Funeral is Sat at St Brigid's": capitalised, and not the start of a sentence.
_WEEKEND_ABBR = re.compile(
    r"(?<=\w\s)(?-i:(Sat|Sun))\b\.?(?!-)|(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\bthis\s)|(?<=\bnext\s)"
    r"|(?<=\btill\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bcar\s))(sat|sun)\b"
    r"(?!\s+(?:down|up|on|in|with|there|back))",
    re.I,
)


_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")


def _dotted_date(m: re.Match[str]) -> str:
    """ "17.08." is the 17th of August, as it is written in much of Europe."""
    day, month = int(m.group(1)), int(m.group(2))
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{day} {_MONTHS[month - 1]} "
    return m.group()


def _slash_date(m: re.Match[str]) -> str:
    """ "4/8" is a date in a note (8 April; 17/02 is 17 February): written out, so
    find_due does not take it for a fraction."""
    first, second = int(m.group(1)), int(m.group(2))
    if 1 <= first <= 12 and 1 <= second <= 31:
        return f"{_MONTHS[first - 1]} {second}"
    if 1 <= second <= 12 and 13 <= first <= 31:
        return f"{first} {_MONTHS[second - 1]}"
    return m.group()


def _read(piece: str, notebook: _Notebook, topic: _Person) -> tuple[str, _Person | None]:
    """The piece as the rules read it, and the person it starts by naming (if any)."""
    letters = [c for c in piece if c.isalpha()]
    if len(letters) > 6 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        piece = piece.lower()
    text = piece.replace("\u2019", "'").replace("\u2018", "'")
    text = _ARROW.sub("", text)  # "-> will email him tonight", "→ send her the deck"
    text = re.sub(r"\bi\b", "I", text)
    text = re.sub(r"\bim\b", "I'm", text, flags=re.I)
    text = re.sub(r"\bive\b", "I've", text, flags=re.I)
    text = re.sub(r"\bid\b(?=\s+[a-z]+)", "I'd", text, flags=re.I)
    text = re.sub(r"\bw/\s*", "with ", text, flags=re.I)
    text = re.sub(r"(?<!\w)(?:b/c|bc|bcs|cuz|coz)\b", "because", text, flags=re.I)
    text = _SLASH_DATE.sub(_slash_date, text)
    text = _DOTTED_DATE.sub(_dotted_date, text)
    text = _WEEKDAY_ABBR.sub(lambda m: _WEEKDAYS[m.group(1).lower()[:3]], text)
    text = _WEEKEND_ABBR.sub(lambda m: _WEEKDAYS[(m.group(1) or m.group(2)).lower()], text)
    text = notebook.capitalise(text)
    named = notebook.named(text)
    lead = named[0][1] if named and named[0][0] == 0 else None
    marker = _TOPIC_MARKER.match(text) if lead is not None else None
    if marker is not None:
        text = text[marker.end() :]  # "Mariam — eviction hearing Aug 11"
    if _IMPLICIT_START.match(text) and not _NAMED_NEXT.match(text):
        text = f"{(lead or topic).first} {text}"
    return text, lead


def _whose(reading: str, notebook: _Notebook, topic: _Person, kind: str) -> _Person:
    named = notebook.named(reading)
    if kind in (PROMISE, REQUEST):
        # The person a promise was made to: "told Mariam I'd…", "promised arun…".
        for pos, person in named:
            before = reading[max(0, pos - 12) : pos].lower()
            if re.search(r"\b(?:told|promised|assured|for|owe|remind)\s+$", before):
                return person
    # The subject: a name among the piece's first few words ("His wife Layla will…"); a
    # promise is for whom the note is about, not whom it involves ("will email Mei tonight").
    reach = 0 if kind in (PROMISE, REQUEST) else 3
    for pos, person in named:
        if len(reading[:pos].split()) <= reach:
            return person
    return topic


def _reported_promise(notebook: _Notebook) -> re.Pattern[str]:
    names = "|".join(re.escape(w) for p in notebook.people for w in p.words)
    obj = _OBJECT.format(names=names or "him")
    return re.compile(_REPORTED_PROMISE.format(obj=obj), re.I)


def _feeling(piece: str, reading: str, before: str, notebook: _Notebook) -> MatterFinding | None:
    m = _FEELING.search(reading)
    who = m.group("who") if m else ""
    if m is None and not _ABOUT_ME.match(piece.strip()):
        m = _BARE_FEELING.search(reading)  # "Client anxious about costs", "Low mood"
        who = "she" if m else ""
    if m is not None and _NEGATED.search(reading):
        return None
    if m is not None and (who.lower() in {"she", "he", "they"} or notebook.named(who)):
        feel = re.sub(r"\s+", " ", m.group("feel")).lower()
        kind = "hope" if _HOPEFUL.match(feel) else "worry"
        rest = m.group("rest")
        said = _BECAUSE.match(rest)
        why = rest[said.end() :].strip(" .,;") if said else ""
        if _PRONOUN.fullmatch(why):
            why = ""  # "anxious about it": what "it" is, the piece before says
        what = feel.capitalize() + (f" about {why}" if why else "")
        return MatterFinding(
            kind, what, why or before.strip(" .,;"), piece, f"matter.{kind}.feeling"
        )
    m = _CONCERN.search(reading)
    if m is not None:
        what = (m.group("rest") or m.group("rest2") or "").strip(" .,;")
        return MatterFinding(
            "worry", what[:1].upper() + what[1:], "", piece, "matter.worry.concern"
        )
    return None


def _shorthand(piece: str, reading: str) -> MatterFinding | None:
    """What matters, said in shorthand (see _SHORTHAND), in a piece not about me."""
    if (
        _ABOUT_ME.search(piece.strip())
        or _TODO.match(reading)
        or _TO_SELF.match(reading)
        or _NEGATED.search(reading)
        or _SUPPOSED.search(reading)
        or reading.rstrip().endswith("?")
    ):
        return None
    for kind, pattern in _SHORTHAND:
        if pattern.search(reading):
            what = re.sub(r"\s+", " ", piece).strip(" .,;")
            return MatterFinding(
                kind, what[:1].upper() + what[1:], "", piece, f"matter.{kind}.shorthand"
            )
    return None


def _past_day(reading: str, written_on: date) -> date | None:
    """The day a past happening names: "yesterday", "last Tuesday", "on Friday" in the past."""
    m = _PAST_WHEN.search(reading)
    if m is None:
        return None
    if m.group("yesterday"):
        return written_on - timedelta(days=1)
    if m.group("lastweek"):
        return written_on - timedelta(days=7)
    weekday = _WEEKDAY_INDEX[m.group("day").lower()[:3]]
    back = (written_on.weekday() - weekday) % 7 or 7
    return written_on - timedelta(days=back)


def _happening(piece: str, reading: str, written_on: date) -> LifeEventFinding | None:
    if _TO_SELF.match(reading) or _TODO.match(reading) or _ABOUT_ME.match(reading):
        return None  # my task or my promise dates my work, not their life
    phrase = find_due(reading, written_on)
    if phrase is None or phrase.due is None or phrase.due < written_on:
        past = _past_day(reading, written_on) if _PAST_HAPPENED.search(reading) else None
        if past is None:
            return None
        for kind, private, pattern in _PAST_HAPPENINGS:
            if pattern.search(reading):
                what = re.sub(r"\s+", " ", piece).strip(" .,;")
                return LifeEventFinding(
                    what=what[:1].upper() + what[1:],
                    sentence=piece,
                    occurs_on=past,
                    follow_up=_PAST_FOLLOW_UP[kind],
                    follow_up_on=follow_up_date(kind=kind, occurs_on=past, written_on=written_on),
                    rule=f"event.{kind}.past",
                    private=private,
                )
        return None
    for kind, private, pattern in _HAPPENINGS:
        m = pattern.search(reading)
        if m is None:
            continue
        month_only = not re.search(r"\d", phrase.text) and bool(
            _MONTH_ONLY.fullmatch(phrase.text.strip())
        )
        occurs_on = phrase.due.replace(day=1) if month_only else phrase.due
        what = re.sub(r"\s+", " ", piece).strip(" .,;")
        return LifeEventFinding(
            what=what[:1].upper() + what[1:],
            sentence=piece,
            occurs_on=occurs_on,
            follow_up=(
                f"Ask how {m.group().lower()} is going"
                if kind == "job"
                else f"Ask how the {m.group().lower()} went"
            ),
            follow_up_on=follow_up_date(
                kind=kind, occurs_on=occurs_on, written_on=written_on, month_only=month_only
            ),
            rule=f"event.{kind}.dated",
            private=private,
        )
    return None


def _finding(label: str, piece: str, reading: str, written_on: date, rule: str) -> Finding:
    phrase = find_due(reading, written_on)
    return Finding(
        label=label,
        text=piece,
        rules=(rule,),
        due=phrase.due if phrase else None,
        due_text=phrase.text if phrase else "",
    )


def capture_note(text: str, *, written_on: date, page: str, people: Sequence[str] = ()) -> Capture:
    """What a note written on ``page``'s page proposes, each finding with ``person`` set to
    the full name (``page`` or one of ``people``) it is about (see the module docstring)."""
    from carefor.language.model import classify_sentences

    notebook = _Notebook(page, people)
    reported = _reported_promise(notebook)
    topic = notebook.people[0]
    readings: list[tuple[str, str, _Person]] = []
    for piece, opens_item in _pieces(text, notebook):
        reading, lead = _read(piece, notebook, topic)
        if opens_item and lead is not None:
            topic = lead  # "- Mariam — eviction hearing Aug 11": the note turns to Mariam
        readings.append((piece, reading, lead or topic))
    verdicts = classify_sentences([r for _, r, _ in readings]) if readings else []
    found = Capture(matters=[], life_events=[], follow_ups=[], promises=[], requests=[])
    # The day of the last dated happening, per person and the piece it was in: "eviction
    # hearing Aug 11. Needs someone to come with her; I'll go" are both due on the 11th.
    happened: dict[str, tuple[int, date]] = {}

    def dated(finding: Finding, index: int, reading: str, who: _Person) -> Finding:
        if finding.due is not None or who.full not in happened:
            return finding
        at, day = happened[who.full]
        if _DAY_BEFORE.search(reading):
            return replace(finding, due=day - timedelta(days=1), due_text="the day before")
        if index - at <= 2 or _BACK_REFERENCE.search(reading):
            return replace(finding, due=day, due_text="")
        return finding

    for index, ((piece, reading, about), verdict) in enumerate(
        zip(readings, verdicts, strict=True)
    ):
        follow_up, event, matter = read_sentence(piece, reading, written_on)
        if follow_up is not None:
            found.follow_ups.append(replace(follow_up, person=about.full))
            continue
        before = readings[index - 1][0] if index else ""
        matter = matter or _feeling(piece, reading, before, notebook) or _shorthand(piece, reading)
        event = event or _happening(piece, reading, written_on)
        if event is not None and matter is not None and matter.kind in PRIVATE_KINDS:
            event = replace(event, private=True)
        if event is not None:
            who = _whose(reading, notebook, about, "life_event")
            found.life_events.append(replace(event, person=who.full))
            if event.occurs_on is not None and event.occurs_on > written_on:
                happened[who.full] = (index, event.occurs_on)
        if matter is not None and not (event is not None and matter.kind == "family"):
            who = _whose(reading, notebook, about, "matter")
            found.matters.append(replace(matter, person=who.full))
        if _REPORTED_REQUEST.search(reading) and not _DONE.search(reading):
            request = _finding(REQUEST, piece, reading, written_on, "request.reported")
            who = _whose(reading, notebook, about, REQUEST)
            request = dated(request, index, reading, who)
            found.requests.append(replace(request, person=who.full))
        mine = _QUOTED.sub('""', reading)  # their words, quoted, promise nothing of mine
        asked_before = bool(found.requests) and found.requests[-1].text == readings[index - 1][0]
        if reported.search(mine):
            rule = "promise.reported"
        elif asked_before and _ACCEPT.match(reading.strip()):
            rule = "promise.accepted"  # "ofc yes", "ok fine", after what they asked
        elif _TODO.match(mine) and not reading.rstrip().endswith("?"):
            rule = "promise.todo"
        elif verdict.label == PROMISE and not _QUOTED.search(reading):
            rule = "promise.said"
        else:
            continue
        if _DONE.search(reading) or _HEDGED.search(reading):
            continue
        promise = _finding(PROMISE, piece, reading, written_on, rule)
        who = _whose(reading, notebook, about, PROMISE)
        promise = dated(promise, index, reading, who)
        found.promises.append(replace(promise, person=who.full, probability=verdict.probability))
    return found
