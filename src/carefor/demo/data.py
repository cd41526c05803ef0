"""The demo workspace: the notebook of Sam Okafor, an independent advisor and connector.

Pure data, standard library only. ``carefor demo`` turns these records into people, identities,
threads and interactions. Everything here is invented: names, organisations and stories are
fictional, e-mail addresses use ``.example`` domains (RFC 2606) and phone numbers use the 555-01xx
range that is reserved for fiction.

The content is written by hand, person by person and thread by thread. It deliberately seeds
what later features look for: promises made (some kept, some still open), requests made of me,
things people said they would do for me, messages nobody answered, help given and received,
introductions, life events, "how can I help... by the way, we sell" pitches and a reciprocity
demand or two.

Bodies are written wrapped at about 90 columns so the module stays readable; ``_text`` unwraps
them again (a source line of 60 characters or more continues onto the next one, a blank line ends
a paragraph, short lines such as greetings, list items and sign-offs stay on their own line).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

ME_NAME = "Sam Okafor"
ME_EMAIL = "sam@okafor-advisory.example"


@dataclass(frozen=True)
class DemoPerson:
    key: str  # short unique slug, e.g. "maria-chen"
    name: str
    organisation: str  # "" if none
    title: str  # "" if none
    location: str  # "" if none
    how_we_met: str  # one or two sentences, "" allowed for a few
    about: str  # a short paragraph in the user's own voice, "" allowed for a few
    emails: tuple[str, ...]  # .example domains only
    phones: tuple[str, ...]  # 555-01xx style fake numbers, may be empty
    urls: tuple[str, ...]  # may be empty


@dataclass(frozen=True)
class DemoInteraction:
    kind: str  # "message" | "meeting" | "call" | "note"
    direction: str  # "inbound" (from them) | "outbound" (from me) | "none"
    days_ago: float  # relative to the load time (0..400); fractional for time of day
    people: tuple[str, ...]  # DemoPerson keys (1..4); for inbound messages the first is the sender
    subject: str
    body: str
    thread: str  # thread key grouping the messages of one conversation, "" for none


# ---------------------------------------------------------------------------------------------
# Helpers. They only shape hand-written text; they invent nothing.
# ---------------------------------------------------------------------------------------------

ME = "me"  # sender marker for messages I wrote

_CONTINUES = 60  # a source line at least this long is a wrapped line that continues
_KEEPS_OWN_LINE = re.compile(r"^\s*(?:[-*•]\s|\d+[.)]\s)")

_Message = tuple[str, float, str]  # (sender key or ME, days_ago, body)


def _text(raw: str) -> str:
    """Dedent, strip and unwrap hand-wrapped paragraphs; keep short lines and list items."""
    paragraphs = re.split(r"\n[ \t]*\n", textwrap.dedent(raw).strip())
    out: list[str] = []
    for paragraph in paragraphs:
        lines: list[str] = []
        previous_length = 0
        for source_line in paragraph.splitlines():
            line = source_line.rstrip()
            if lines and previous_length >= _CONTINUES and not _KEEPS_OWN_LINE.match(line):
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line)
            previous_length = len(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def _keys(people: str | tuple[str, ...]) -> tuple[str, ...]:
    return (people,) if isinstance(people, str) else tuple(people)


def _thread(
    key: str, subject: str, people: str | tuple[str, ...], *messages: _Message
) -> list[DemoInteraction]:
    """One e-mail conversation. Replies get "Re: "; an inbound message lists its sender first."""
    everyone = _keys(people)
    out: list[DemoInteraction] = []
    for index, (sender, days_ago, body) in enumerate(messages):
        if sender == ME:
            direction, involved = "outbound", everyone
        else:
            direction = "inbound"
            involved = (sender, *(p for p in everyone if p != sender))
        out.append(
            DemoInteraction(
                kind="message",
                direction=direction,
                days_ago=days_ago,
                people=involved,
                subject=subject if index == 0 or subject.startswith("Re: ") else f"Re: {subject}",
                body=_text(body),
                thread=key,
            )
        )
    return out


def _meeting(
    days_ago: float, people: str | tuple[str, ...], subject: str, body: str
) -> DemoInteraction:
    return DemoInteraction("meeting", "none", days_ago, _keys(people), subject, _text(body), "")


def _call(
    days_ago: float, people: str | tuple[str, ...], body: str, subject: str = ""
) -> DemoInteraction:
    return DemoInteraction("call", "none", days_ago, _keys(people), subject, _text(body), "")


def _note(days_ago: float, people: str | tuple[str, ...], body: str) -> DemoInteraction:
    return DemoInteraction("note", "none", days_ago, _keys(people), "", _text(body), "")


def _li(slug: str) -> str:
    return f"https://www.linkedin.com/in/{slug}-example"


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        key="maria-chen",
        name="Maria Chen",
        organisation="Lumen Bio",
        title="Co-founder & CEO",
        location="Boston, MA, USA",
        how_we_met=(
            "Sofia Rossi sat us next to each other at a founders' dinner in Cambridge. Maria was "
            "the only person at the table who asked the waiter's name."
        ),
        about=(
            "Maria is building a fast, cheap sepsis test because her grandmother died of sepsis in "
            "a rural hospital where the lab results came back a day too late. Relentless and very "
            "funny. Hates asking for help, so when she does ask, it matters. Two kids, Iris and "
            "Leo; her father Wei lives with them."
        ),
        emails=("maria@lumen-bio.example", "maria.chen.home@mailbox.example"),
        phones=("+1 617 555 0132",),
        urls=(_li("maria-chen"), "https://lumen-bio.example"),
    ),
    DemoPerson(
        key="dev-patel",
        name="Dev Patel",
        organisation="Lumen Bio",
        title="Co-founder & CTO",
        location="Boston, MA, USA",
        how_we_met="Through Maria, at Lumen's first lab open house.",
        about=(
            "Quiet, precise, thinks in diagrams. Burned out badly at his last company and is "
            "fierce about the lab team not going the same way."
        ),
        emails=("dev@lumen-bio.example",),
        phones=("+1 617 555 0147",),
        urls=(_li("dev-patel"),),
    ),
    DemoPerson(
        key="priya-raman",
        name="Priya Raman",
        organisation="Northgate Ventures",
        title="Partner",
        location="London, UK",
        how_we_met=(
            "Same panel on sales-led growth in London years ago. We have had breakfast every time "
            "I am in town since."
        ),
        about=(
            "Invests in health and climate companies. Says no quickly and considers that a "
            "kindness, which it is. Swims in open water all year round."
        ),
        emails=("priya@northgate-ventures.example",),
        phones=("+44 20 555 0118",),
        urls=(_li("priya-raman"),),
    ),
    DemoPerson(
        key="tomas-herrera",
        name="Tomás Herrera",
        organisation="Brightwell Logistics",
        title="Senior Account Executive",
        location="Mexico City, Mexico",
        how_we_met=(
            "He wrote to me after a talk I gave in Madrid and asked for twenty minutes. That was "
            "three years ago and we have talked most months since."
        ),
        about=(
            "My mentee. Wants to lead a sales team one day without becoming the manager he had in "
            "his first job. Partner Inés is an architect. Writes long emails when he is anxious "
            "and very short ones when he is happy."
        ),
        emails=("tomas.herrera@brightwell.example", "tomas.herrera.m@mailbox.example"),
        phones=("+34 91 555 0121", "+52 55 555 0178"),
        urls=(_li("tomas-herrera"),),
    ),
    DemoPerson(
        key="aisha-bello",
        name="Aisha Bello",
        organisation="Kestrel Health",
        title="Chief Operating Officer",
        location="Lagos, Nigeria",
        how_we_met=(
            "We were junior consultants at Harrow & Finch and sat next to each other for two years."
        ),
        about=(
            "Went home to Lagos to build primary-care clinics and means every word of it. The "
            "funniest person I know in a crisis. Husband Tunde."
        ),
        emails=("aisha.bello@kestrel-health.example",),
        phones=("+234 1 555 0163",),
        urls=(_li("aisha-bello"),),
    ),
    DemoPerson(
        key="marcus-webb",
        name="Marcus Webb",
        organisation="Corvid Analytics",
        title="VP Sales",
        location="Chicago, IL, USA",
        how_we_met=(
            "A sales leadership offsite; we were the only two people who had done the pre-reading."
        ),
        about=(
            "Builds sales teams that people don't quit. Hires for curiosity over polish. Coaches "
            "his daughter's basketball team on Saturdays and takes it more seriously than work."
        ),
        emails=("marcus.webb@corvid-analytics.example",),
        phones=("+1 312 555 0155",),
        urls=(_li("marcus-webb"),),
    ),
    DemoPerson(
        key="hannah-lindqvist",
        name="Hannah Lindqvist",
        organisation="Open Shelf Foundation",
        title="Executive Director",
        location="Minneapolis, MN, USA",
        how_we_met=(
            "I volunteered at an Open Shelf book drive. She put me on the sorting table and then "
            "asked me fifty questions about fundraising."
        ),
        about=(
            "Grew up in Uppsala, came to Minneapolis for grad school and stayed. Open Shelf puts "
            "books into kids' homes, not just classrooms, because she didn't own a book until she "
            "was nine. Allergic to galas."
        ),
        emails=("hannah@openshelf.example",),
        phones=("+1 612 555 0109",),
        urls=(_li("hannah-lindqvist"), "https://openshelf.example"),
    ),
    DemoPerson(
        key="kenji-watanabe",
        name="Kenji Watanabe",
        organisation="Osaka Institute of Management",
        title="Professor of Organisational Behaviour",
        location="Osaka, Japan",
        how_we_met=(
            "He cited an old article of mine and emailed to ask whether he had understood it "
            "correctly. He had, better than I had."
        ),
        about=(
            "Researches trust in long business relationships. Careful, generous with students, "
            "plays the shakuhachi badly and happily."
        ),
        emails=("k.watanabe@oim.example",),
        phones=("+81 6 555 0174",),
        urls=("https://oim.example/faculty/watanabe",),
    ),
    DemoPerson(
        key="rachel-goldberg",
        name="Rachel Goldberg",
        organisation="The Ledger Weekly",
        title="Senior Reporter",
        location="New York, NY, USA",
        how_we_met=(
            "She cold-emailed me for a story on why sales teams churn. I liked her questions."
        ),
        about="Careful with quotes, allergic to hype. Writing a book about work and loneliness.",
        emails=("rgoldberg@ledgerweekly.example",),
        phones=("+1 212 555 0190",),
        urls=(_li("rachel-goldberg"),),
    ),
    DemoPerson(
        key="olu-adeyemi",
        name="Olu Adeyemi",
        organisation="Talentbridge Partners",
        title="Principal Recruiter",
        location="Toronto, ON, Canada",
        how_we_met=(
            "He placed two people I had recommended years ago; both are still happy in those jobs."
        ),
        about=(
            "One of the few recruiters who calls candidates back when the answer is no. Runs a "
            "free CV clinic for newcomers to Canada on Saturday mornings."
        ),
        emails=("olu@talentbridge.example",),
        phones=("+1 416 555 0127",),
        urls=(_li("olu-adeyemi"),),
    ),
    DemoPerson(
        key="dan-mcallister",
        name="Dan McAllister",
        organisation="Skyline High School",
        title="Chemistry teacher",
        location="Oakland, CA, USA",
        how_we_met="Next-door neighbour. His dog Biscuit dug under the fence into our tomatoes.",
        about=(
            "Took up running at 52 after a heart scare and is now training for his first "
            "marathon. Lends tools and never asks for them back. Daughter Carys is at college "
            "in Oregon."
        ),
        emails=("dan.mcallister@mailbox.example",),
        phones=("+1 510 555 0114",),
        urls=(),
    ),
    DemoPerson(
        key="gwen-olsen",
        name="Gwen Olsen",
        organisation="",
        title="Illustrator",
        location="Portland, OR, USA",
        how_we_met="University housemate. She drew cartoons of all of us on the fridge door.",
        about=(
            "My oldest friend. Illustrates children's books. Hates the phone, loves long letters. "
            "Her mum has dementia and Gwen is the one who handles everything."
        ),
        emails=("gwen@olsenstudio.example",),
        phones=("+1 503 555 0186",),
        urls=("https://olsenstudio.example",),
    ),
    DemoPerson(
        key="brad-kessler",
        name="Brad Kessler",
        organisation="Pipewise",
        title="Account Executive",
        location="Denver, CO, USA",
        how_we_met="LinkedIn connection request, followed by an email the same day.",
        about="",
        emails=("brad.kessler@pipewise.example",),
        phones=("+1 720 555 0140",),
        urls=(_li("brad-kessler"),),
    ),
    DemoPerson(
        key="chloe-dubois",
        name="Chloé Dubois",
        organisation="LeadLoom",
        title="Head of Growth",
        location="Paris, France",
        how_we_met="",
        about="",
        emails=("chloe@leadloom.example",),
        phones=("+33 1 555 0152",),
        urls=(_li("chloe-dubois"),),
    ),
    DemoPerson(
        key="victor-nakamura",
        name="Victor Nakamura",
        organisation="Nakamura Growth Coaching",
        title="Author & sales coach",
        location="Los Angeles, CA, USA",
        how_we_met="Same online writing circle for sales people, a couple of years ago.",
        about=(
            "Prolific on LinkedIn, new book out on prospecting. We disagree about cold-call "
            "scripts and I like him anyway."
        ),
        emails=("victor@nakamuracoaching.example",),
        phones=("+1 323 555 0199",),
        urls=(_li("victor-nakamura"), "https://nakamuracoaching.example"),
    ),
    DemoPerson(
        key="lucia-fernandez",
        name="Lucía Fernández",
        organisation="Cántaro",
        title="Founder",
        location="Buenos Aires, Argentina",
        how_we_met="Tomás introduced us; they did an exchange semester together in Lyon.",
        about=(
            "Former maths teacher building a tutoring marketplace for kids in public schools. "
            "Pricing keeps her up at night because the families she started this for can't pay "
            "what the business needs."
        ),
        emails=("lucia@cantaro.example",),
        phones=("+54 11 555 0136",),
        urls=(_li("lucia-fernandez"), "https://cantaro.example"),
    ),
    DemoPerson(
        key="ibrahim-haddad",
        name="Ibrahim Haddad",
        organisation="Corvid Analytics",
        title="VP Sales, EMEA",
        location="Dubai, UAE",
        how_we_met="Marcus introduced us when Corvid opened its Dubai office.",
        about=(
            "Thoughtful, runs at 5am. Cares about getting more Arab women into enterprise sales "
            "and mentors four of them on his own time."
        ),
        emails=("ibrahim.haddad@corvid-analytics.example",),
        phones=("+971 4 555 0143",),
        urls=(_li("ibrahim-haddad"),),
    ),
    DemoPerson(
        key="sofia-rossi",
        name="Sofia Rossi",
        organisation="",
        title="Independent pricing consultant",
        location="Milan, Italy",
        how_we_met="Same cohort at Harrow & Finch. She is the one who told me to go independent.",
        about=(
            "Generous with referrals to a fault and never wants anything for them. Cycles in the "
            "Dolomites every summer with her partner Giulia."
        ),
        emails=("sofia@rossi-pricing.example",),
        phones=("+39 02 555 0119",),
        urls=(_li("sofia-rossi"),),
    ),
    DemoPerson(
        key="nate-brooks",
        name="Nate Brooks",
        organisation="Fieldnote",
        title="Co-founder & CEO",
        location="Des Moines, IA, USA",
        how_we_met=(
            "An ag-tech demo day where I was a judge. He lost, then came and asked me what he "
            "should have done differently."
        ),
        about=(
            "Fifth-generation farm family. Building soil-moisture sensors farmers can actually "
            "afford, because his dad nearly lost the farm in a drought year."
        ),
        emails=("nate@fieldnote.example",),
        phones=("+1 515 555 0161",),
        urls=(_li("nate-brooks"), "https://fieldnote.example"),
    ),
    DemoPerson(
        key="mei-lin-zhou",
        name="Mei-Lin Zhou",
        organisation="Kestrel Health",
        title="Head of Partnerships",
        location="Singapore",
        how_we_met="Aisha introduced us by email when Mei-Lin joined Kestrel.",
        about="Ex-pharma. Very fast and very kind. Learning Yoruba to keep up with Aisha's jokes.",
        emails=("meilin.zhou@kestrel-health.example",),
        phones=("+65 6555 0188",),
        urls=(_li("mei-lin-zhou"),),
    ),
    DemoPerson(
        key="elena-petrova",
        name="Elena Petrova",
        organisation="Stratum Cloud",
        title="VP Customer Success",
        location="Berlin, Germany",
        how_we_met=(
            "She read my piece on caring for customers versus caring about them and invited me to "
            "come and argue about it with her team."
        ),
        about=(
            "Runs a sixty-person customer success team and knows what each of them is working "
            "towards. Wants every one of Stratum's top two hundred customers to have one named "
            "person who actually cares for them. Grew up in Plovdiv, moved to Berlin at nineteen."
        ),
        emails=("elena.petrova@stratumcloud.example",),
        phones=("+49 30 555 0125",),
        urls=(_li("elena-petrova"),),
    ),
    DemoPerson(
        key="james-oconnor",
        name="James O'Connor",
        organisation="",
        title="Retired; former managing partner, Harrow & Finch",
        location="Dublin, Ireland",
        how_we_met="My first boss. He hired me when I had no business being hired.",
        about=(
            "Taught me to answer every letter, including the rude ones. Retired to Dublin to be "
            "near the grandchildren: garden, choir, strong opinions about hurling. Wife Maeve."
        ),
        emails=("james.oconnor@mailbox.example",),
        phones=("+353 1 555 0107",),
        urls=(),
    ),
    DemoPerson(
        key="ananya-iyer",
        name="Ananya Iyer",
        organisation="Stratum Cloud",
        title="Senior Product Manager",
        location="Berlin, Germany",
        how_we_met="She stayed behind after the workshop I ran for Elena's team to ask questions.",
        about=(
            "Engineer turned product manager, thinking about moving into a customer-facing "
            "leadership role because she wants to see the consequences of her decisions up close."
        ),
        emails=("ananya.iyer@stratumcloud.example", "ananya.i@mailbox.example"),
        phones=("+49 30 555 0168", "+91 80 555 0169"),
        urls=(_li("ananya-iyer"),),
    ),
    DemoPerson(
        key="ben-carter",
        name="Ben Carter",
        organisation="Tidewater Coffee Roasters",
        title="Owner",
        location="Oakland, CA, USA",
        how_we_met=(
            "My morning coffee. He asked what I did for a living, then asked if he could buy me "
            "lunch and pick my brain."
        ),
        about=(
            "Ex-Navy. Roasts in a warehouse off Third Street. Pays his baristas well above the "
            "going rate and wants to keep doing that as he grows into wholesale."
        ),
        emails=("ben@tidewater-coffee.example",),
        phones=("+1 510 555 0138",),
        urls=("https://tidewater-coffee.example",),
    ),
    DemoPerson(
        key="fatima-elamrani",
        name="Fatima Zahra El Amrani",
        organisation="Lakeshore University",
        title="PhD candidate, Sociology of Work",
        location="Montreal, QC, Canada",
        how_we_met="She asked to interview me for her thesis on informal mentoring.",
        about="",
        emails=("fatima.elamrani@lakeshore-u.example",),
        phones=(),
        urls=(),
    ),
    DemoPerson(
        key="oliver-grant",
        name="Oliver Grant",
        organisation="Halyard Software",
        title="Chief Revenue Officer",
        location="Austin, TX, USA",
        how_we_met="Marcus gave him my name when Halyard was looking for an outside advisor.",
        about=(
            "Under pressure from his board to grow sixty per cent this year and worried the team "
            "will burn out getting there. Honest about what he doesn't know. Two teenage sons, "
            "both drummers, which explains a lot."
        ),
        emails=("oliver.grant@halyard.example",),
        phones=("+1 512 555 0193",),
        urls=(_li("oliver-grant"),),
    ),
    DemoPerson(
        key="jess-morgan",
        name="Jess Morgan",
        organisation="Halyard Software",
        title="Director of Sales Enablement",
        location="Austin, TX, USA",
        how_we_met="Oliver's enablement lead; we worked on Halyard's onboarding together.",
        about=(
            "Former teacher, and it shows: her onboarding programme is the best I have seen. Wants "
            "to be taken seriously by the sales leadership."
        ),
        emails=("jess.morgan@halyard.example",),
        phones=("+1 512 555 0104",),
        urls=(_li("jess-morgan"),),
    ),
    DemoPerson(
        key="kwame-asante",
        name="Kwame Asante",
        organisation="Sankofa Pay",
        title="Founder",
        location="Accra, Ghana",
        how_we_met="Aisha introduced us; they met at a fintech accelerator in Nairobi.",
        about=(
            "Building cross-border payments for market traders; his mother traded cloth in "
            "Makola market for thirty years. Raising a seed round and wants investors who will "
            "stay through the hard years."
        ),
        emails=("kwame@sankofapay.example",),
        phones=("+233 30 555 0159",),
        urls=(_li("kwame-asante"),),
    ),
    DemoPerson(
        key="rosa-alvarez",
        name="Rosa Álvarez",
        organisation="Álvarez Coaching",
        title="Executive coach",
        location="San Diego, CA, USA",
        how_we_met=(
            "We co-facilitated a workshop for first-time managers and spent the whole lunch break "
            "happily arguing about feedback."
        ),
        about=(
            "Coaches first-time managers. We send each other clients when one of us is not the "
            "right fit."
        ),
        emails=("rosa@alvarez-coaching.example",),
        phones=("+1 619 555 0172",),
        urls=(_li("rosa-alvarez"),),
    ),
    DemoPerson(
        key="henrik-larsen",
        name="Henrik Larsen",
        organisation="Nordvik Marine",
        title="Managing Director",
        location="Bergen, Norway",
        how_we_met="Heard me on Carlos's podcast and wrote to ask about hiring a sales manager.",
        about="",
        emails=("henrik.larsen@nordvik-marine.example",),
        phones=("+47 55 555 0131",),
        urls=(),
    ),
    DemoPerson(
        key="yuki-tanaka",
        name="Yuki Tanaka",
        organisation="",
        title="Freelance product designer",
        location="Tokyo, Japan",
        how_we_met="I was her mentor in a women-in-tech programme years ago.",
        about="Now mentors others herself. Just left the agency she was at for eight years.",
        emails=("yuki@tanaka-design.example",),
        phones=("+81 3 555 0176",),
        urls=(_li("yuki-tanaka"), "https://tanaka-design.example"),
    ),
    DemoPerson(
        key="liam-foster",
        name="Liam Foster",
        organisation="Brightline Agency",
        title="Account Director",
        location="London, UK",
        how_we_met="A friend's nephew. I got him an interview at an agency I used to advise.",
        about="",
        emails=("liam.foster@brightline.example", "liamfoster@mailbox.example"),
        phones=("+44 20 555 0149",),
        urls=(_li("liam-foster"),),
    ),
    DemoPerson(
        key="noor-hussain",
        name="Noor Hussain",
        organisation="Threadbare",
        title="Co-founder",
        location="Lisbon, Portugal",
        how_we_met=(
            "A conference in Manchester. She spoke on the panel after mine and her talk was better."
        ),
        about=(
            "Runs a resale marketplace for workwear. Very open about her own mental health and "
            "expects her leaders to make it safe for the team to be the same."
        ),
        emails=("noor@threadbare.example",),
        phones=("+351 21 555 0166", "+44 161 555 0167"),
        urls=(_li("noor-hussain"), "https://threadbare.example"),
    ),
    DemoPerson(
        key="carlos-mendes",
        name="Carlos Mendes",
        organisation="The Quiet Pipeline",
        title="Podcast host",
        location="São Paulo, Brazil",
        how_we_met="Invited me onto his podcast after reading my newsletter.",
        about=(
            "Former SDR who hated scripts. Records the podcast at night after his day job in "
            "sales operations."
        ),
        emails=("carlos@quietpipeline.example",),
        phones=("+55 11 555 0181",),
        urls=("https://quietpipeline.example",),
    ),
    DemoPerson(
        key="tobias-brandt",
        name="Tobias Brandt",
        organisation="Stratum Cloud",
        title="Account Executive",
        location="Munich, Germany",
        how_we_met="Came to the workshop I ran for Elena's team.",
        about="",
        emails=("tobias.brandt@stratumcloud.example",),
        phones=(),
        urls=(_li("tobias-brandt"),),
    ),
    DemoPerson(
        key="ruth-abernathy",
        name="Ruth Abernathy",
        organisation="Open Shelf Foundation",
        title="Board Chair",
        location="Minneapolis, MN, USA",
        how_we_met="Hannah introduced us when I joined the Open Shelf advisory council.",
        about=(
            "Retired judge. Says very little in meetings, then one sentence that changes the "
            "outcome."
        ),
        emails=("ruth.abernathy@mailbox.example",),
        phones=("+1 612 555 0112",),
        urls=(),
    ),
    DemoPerson(
        key="vikram-shah",
        name="Vikram Shah",
        organisation="",
        title="Angel investor",
        location="San Francisco, CA, USA",
        how_we_met=(
            "Same founders' group years ago, before either of us had built anything that worked."
        ),
        about=(
            "Sold his company and now writes small cheques for health founders. Dad to twins. "
            "Will talk about cricket for as long as you let him."
        ),
        emails=("vikram@shah-angel.example",),
        phones=("+1 415 555 0144",),
        urls=(_li("vikram-shah"),),
    ),
    DemoPerson(
        key="zoe-williams",
        name="Zoe Williams",
        organisation="Corvid Analytics",
        title="Director of Product Marketing",
        location="Chicago, IL, USA",
        how_we_met=(
            "She was VP Marketing at Pinecrest Retail when I advised their sales team; together we "
            "wrote the first joint sales and marketing plan they ever had."
        ),
        about=(
            "Single mum to Theo. Wants to work somewhere marketing isn't an afterthought to "
            "sales. Can't move away from Chicago: Theo's dad and grandparents are there."
        ),
        emails=("zoe.williams@mailbox.example", "zoe.williams@corvid-analytics.example"),
        phones=("+1 773 555 0120",),
        urls=(_li("zoe-williams"),),
    ),
    DemoPerson(
        key="diego-morales",
        name="Diego Morales",
        organisation="Osaka Institute of Management",
        title="MBA student",
        location="Osaka, Japan",
        how_we_met="He was in Kenji's class when I guest-lectured and asked the hardest question.",
        about="From Medellín. Wants to go home after the MBA and build a B2B company there.",
        emails=("diego.morales@oim.example",),
        phones=("+81 6 555 0191",),
        urls=(_li("diego-morales"),),
    ),
    DemoPerson(
        key="helen-park",
        name="Helen Park",
        organisation="Halyard Software",
        title="Chief People Officer",
        location="Austin, TX, USA",
        how_we_met="Oliver brought her into our planning session on sales compensation.",
        about=(
            "Worried the new comp plan will reward the wrong behaviour. Ran a hundred-mile race "
            "last year and has never once mentioned it."
        ),
        emails=("helen.park@halyard.example",),
        phones=("+1 512 555 0116",),
        urls=(_li("helen-park"),),
    ),
    DemoPerson(
        key="kelly-brennan",
        name="Kelly Brennan",
        organisation="Summit Peak Consulting",
        title="LinkedIn growth strategist",
        location="Phoenix, AZ, USA",
        how_we_met="LinkedIn connection. We have never spoken.",
        about="",
        emails=("kelly@summitpeak.example",),
        phones=(),
        urls=(_li("kelly-brennan"),),
    ),
)


def demo_people() -> list[DemoPerson]:
    """Everyone in the demo notebook, in a stable order."""
    return list(_PEOPLE)


# ---------------------------------------------------------------------------------------------
# Interactions, grouped by the people they are mostly about. demo_interactions() sorts them.
# ---------------------------------------------------------------------------------------------


def _maria_and_lumen() -> list[DemoInteraction]:
    return [
        _meeting(
            371.6,
            "maria-chen",
            "Coffee with Maria Chen",
            """
            Coffee at the place on Mass Ave. Sofia's instinct was right, we got on immediately.
            Mostly listened. Lumen is six people, two lab benches, one pilot hospital.
            """,
        ),
        _note(
            371.4,
            "maria-chen",
            """
            Maria, after coffee.

            What matters: getting a sepsis result to a rural ER in under an hour. Why, in her
            words: "My grandmother waited nineteen hours for a culture in a hospital with one lab
            tech. By the time it came back she was gone. Nobody did anything wrong. The system was
            just slow." She said it very flatly, like she has said it many times and it still
            costs her something.

            She is wary of advisors who "want a slide with their logo on it". Didn't offer
            anything beyond saying I'm around if she wants a sounding board.

            Kids: Iris (9) and Leo (6). Her dad Wei moved in with them last year.
            Ask next time: how the pilot at the county hospital is going.
            """,
        ),
        *_thread(
            "maria-deck",
            "Seed deck — would you tear it apart?",
            "maria-chen",
            (
                "maria-chen",
                150.4,
                """
                Sam,

                Attached is v7 of the seed deck. Please be mean. Everyone who has seen it so far is
                either my mother or an investor being polite, and I can't tell which is worse.

                Specifically: does slide 9 (the market sizing) make you roll your eyes? Dev thinks
                it's fine. I think it's the slide that gets us killed.

                Thank you,
                Maria
                """,
            ),
            (
                ME,
                149.8,
                """
                Hi Maria,

                Got it. I will review your pitch properly next week; I've blocked Tuesday evening
                for it so it gets real attention rather than a skim between calls. You'll have
                written comments from me by Wednesday morning.

                First reaction from thirty seconds on slide 9: you're right and Dev is being kind.

                Sam
                """,
            ),
            (
                ME,
                143.1,
                """
                Maria,

                Comments as promised. The short version:

                - Open with your grandmother's story, in one sentence, then the nineteen hours. It
                  is the most memorable thing about the company and it's buried on slide 11.
                - Slide 9: throw out the top-down TAM. Count the rural ERs in the three states where
                  you have pilots, multiply by tests per year, and show it. Small and true beats
                  big and vague.
                - The team slide undersells Dev. Say what he built before.
                - Cut the competition matrix with the green ticks. Nobody believes those.

                Longer notes are in the PDF. Ring me if anything is unclear or if you disagree; a
                lot of this is taste.

                Sam
                """,
            ),
            (
                "maria-chen",
                142.5,
                """
                This is exactly what I needed. The grandmother thing is hard for me to lead with but
                I think you're right. Rewriting this weekend.

                One more question and then I'll leave you alone: do you know any investors who
                actually understand diagnostics? Not "health tech", diagnostics. The regulatory
                path scares off most of the people I meet.

                M
                """,
            ),
            (
                ME,
                142.0,
                """
                Don't leave me alone, this is the fun part.

                Yes. Let me introduce you to Priya Raman at Northgate Ventures in London. She backed
                two diagnostics companies through FDA clearance and is unusually honest. I'll ask
                her first whether she's open to it, and if she is I'll send an introduction to both
                of you in the next few days.

                Sam
                """,
            ),
        ),
        _meeting(
            119.5,
            ("maria-chen", "dev-patel"),
            "Lumen: fundraising prep",
            """
            Two hours in Lumen's tiny conference room with Maria and Dev. Went through the new
            deck (much better) and did mock investor questions. Dev is excellent when he stops
            apologising before answering. Agreed Maria leads every meeting and Dev takes the
            technical follow-ups.
            """,
        ),
        _note(
            110.8,
            "maria-chen",
            """
            Maria's dad Wei had a stroke on Sunday morning. He's in hospital in Brookline; she and
            her brother are taking turns sleeping there. She postponed two investor meetings.

            Don't send her anything about work this week. Ask about him next time, by name. He is
            a huge Red Sox fan and used to take Iris to games.
            """,
        ),
        *_thread(
            "maria-dad",
            "Thinking of you",
            "maria-chen",
            (
                ME,
                110.5,
                """
                Maria,

                I'm so sorry about your dad. I'm thinking of you and Wei and the kids.

                No need to reply to this, and no need to think about the raise or anything else
                for a while. If something practical would help (driving, food, someone to sit with
                the kids for an evening, someone to call an investor and move a meeting for you)
                just say the word.

                Sam
                """,
            ),
            (
                "maria-chen",
                104.2,
                """
                Thank you, Sam. He's out of intensive care and moved to rehab yesterday. He's
                already complaining about the food, which the nurses say is a good sign. Iris read
                him the box scores.

                I'll be back on the raise next week. It helped more than you know that you didn't
                ask about it.

                M
                """,
            ),
        ),
        _call(
            95.3,
            "maria-chen",
            """
            Maria, back in fundraising mode. Priya's partner meeting went well; Northgate wants to
            lead if they can find a co-investor. Wei is walking with a frame and doing speech
            therapy. She's tired but clear.

            She asked if I knew any angels who understand diagnostics and would move quickly. I
            said I'd ask Vikram first before giving her his name.
            """,
        ),
        *_thread(
            "maria-closed",
            "We closed it",
            "maria-chen",
            (
                "maria-chen",
                61.3,
                """
                Sam!!!

                Signed this morning. Northgate leads, Vikram and two of his friends are in, and
                we're fully subscribed. Dev cried. I didn't (I did).

                None of this happens without Priya and I only met Priya because of you. Thank you.

                Maria
                """,
            ),
            (
                ME,
                61.0,
                """
                Maria, that is wonderful news. Congratulations to you and Dev and the whole lab.

                You did this. I sent one email; you did the nineteen-hour story in front of forty
                investors while your dad was in rehab. Go and celebrate properly, and give Wei my
                best.

                Sam
                """,
            ),
        ),
        _meeting(
            45.6,
            "maria-chen",
            "Lunch with Maria — after the raise",
            """
            Lunch at the Vietnamese place near the lab. First time I've seen her eat a whole meal
            without checking her phone.
            """,
        ),
        _note(
            45.4,
            "maria-chen",
            """
            Maria, post-raise:

            - The thing she's worried about now is hiring a commercial lead without losing what
              makes the team work. "We're six people who all know why we're here. I'm scared of
              number seven."
            - Wei is walking with a cane, back at Red Sox games with Iris.
            - Her birthday is 9 October; she says she never celebrates it. Send something small.
            - Wants to meet other founders who've sold into hospitals. Think about Aisha (Kestrel
              sells to clinics, different market but same buyers' fears).
            """,
        ),
        *_thread(
            "maria-vp-commercial",
            "Final interviews for VP Commercial",
            ("maria-chen", "dev-patel"),
            (
                "maria-chen",
                31.2,
                """
                Hi Sam,

                We have two finalists for VP Commercial. Would you be willing to sit in on the final
                interviews? It's a lot to ask. You'd be the one person in the room who has actually
                hired salespeople.

                Dev is copied; he's running the scorecard.

                Maria
                """,
            ),
            (
                ME,
                30.6,
                """
                Hi Maria, hi Dev,

                Yes, gladly. Send me the scorecard and the candidates' materials and I'll read them
                beforehand.

                Also: I'll send you both my board-prep checklist by the end of the week. It's what
                I wish someone had given me before my first board meeting as an operator, and
                you'll have a new board member at the next one.

                Sam
                """,
            ),
        ),
        _meeting(
            12.4,
            ("maria-chen", "dev-patel"),
            "Lumen VP Commercial — final interviews",
            """
            Sat in on both finals. Candidate A (ex-lab director, then instrument sales) asked
            better questions than we did, including what happens to the team if the sepsis test
            fails validation. Candidate B was polished and talked about "owning the number".
            Maria and Dev both leaned A. So did I.
            """,
        ),
        _note(
            12.2,
            "maria-chen",
            """
            Still haven't sent Maria and Dev the board-prep checklist I said I'd send "by the end
            of the week" two weeks ago. Do it before their board meeting next month, and
            apologise for the delay rather than pretending.
            """,
        ),
    ]


def _dev() -> list[DemoInteraction]:
    return [
        *_thread(
            "dev-crunch",
            "Advice: the lab team before the validation run",
            "dev-patel",
            (
                "dev-patel",
                203.6,
                """
                Hi Sam,

                Maria said you wouldn't mind a question from me. We have a validation run in six
                weeks that decides whether we can raise. The team will work every weekend if I let
                them. I've been that person and it ended badly for me.

                How do you ask people to push hard for a short time without it turning into the
                new normal? Is that even possible?

                Thanks,
                Dev
                """,
            ),
            (
                ME,
                202.9,
                """
                Hi Dev,

                It's possible, but only if the end is real. Three things I've seen work:

                1. Put the end date on the wall, and what happens the day after (a week off, not a
                   party).
                2. You go home first, visibly, at least twice a week. They copy what you do, not
                   what you say.
                3. Ask each person privately what they can't give up during the six weeks (school
                   pick-up, a class, Sunday dinner) and protect exactly that.

                And write down now what "done" looks like, so the run can't quietly grow.

                Sam
                """,
            ),
        ),
        _note(
            201.5,
            "dev-patel",
            """
            Dev: burned out at his last company (a sequencing startup), spent three months unable
            to work. It's the reason he protects the lab team so fiercely. Matters to him that
            nobody at Lumen goes through that. Ask how the validation run went and how HE is.
            """,
        ),
        *_thread(
            "dev-org-chart",
            "Org chart draft",
            "dev-patel",
            (
                "dev-patel",
                19.55,
                """
                Hi Sam,

                As promised after the interviews, here's the draft org chart for when the VP
                Commercial starts. It's a sketch: shared drive link below. I'd love your eyes on
                the reporting lines for the two field application scientists.

                https://drive.lumen-bio.example/org-chart-draft

                Dev
                """,
            ),
        ),
    ]


def _priya() -> list[DemoInteraction]:
    return [
        _meeting(
            212.3,
            "priya-raman",
            "Breakfast with Priya in London",
            """
            Breakfast near Liverpool Street. She's just back from a swim in a lake in Cumbria in
            water I would not put my foot in.
            """,
        ),
        _note(
            212.1,
            "priya-raman",
            """
            Priya: what she wants more of is founders who've been close to the problem. "I don't
            need another consultant who found a market. I need the nurse who got angry." Wants
            deal flow in diagnostics and climate adaptation. Hates warm intros that are really
            cold intros with a friend's name on them, so always ask her first.

            Training to swim the length of Windermere next summer.
            """,
        ),
        *_thread(
            "priya-maria-optin",
            "Would you be open to meeting a diagnostics founder?",
            "priya-raman",
            (
                ME,
                141.6,
                """
                Hi Priya,

                Remember "the nurse who got angry"? I think I've found her, though she's a
                biochemist. Maria Chen runs Lumen Bio in Boston: rapid sepsis test for rural
                emergency departments, two hospital pilots, and a founding story that is not
                marketing. She's about to raise a seed round.

                Would you be open to an introduction? If it's not a fit for Northgate right now, a
                no is completely fine and I won't pass on anything.

                Sam
                """,
            ),
            (
                "priya-raman",
                140.2,
                """
                Sam, yes. Sepsis in rural EDs is exactly the kind of thing I look for. Send it over.

                P
                """,
            ),
        ),
        *_thread(
            "intro-maria-priya",
            "Introduction: Maria Chen (Lumen Bio) <> Priya Raman (Northgate)",
            ("maria-chen", "priya-raman"),
            (
                ME,
                139.9,
                """
                Maria, Priya,

                Introducing you two, as promised to both of you.

                Maria is the co-founder and CEO of Lumen Bio, building a sepsis test that gives a
                result in under an hour. Two hospital pilots live, raising a seed round. Her reason
                for doing this is the best founder story I know, and I'll let her tell it.

                Priya is a partner at Northgate Ventures in London. She has taken two diagnostics
                companies through FDA clearance and will tell you the truth about your plan,
                whether or not she invests.

                I'll step out and let you find a time.

                Sam
                """,
            ),
            (
                "priya-raman",
                139.1,
                """
                Thanks Sam (to bcc).

                Maria, lovely to meet you. Could you send the deck and a couple of times next week?
                I'm in Boston on Thursday, which might be easier than a video call.

                Priya
                """,
            ),
        ),
        *_thread(
            "priya-thanks",
            "Maria",
            "priya-raman",
            (
                "priya-raman",
                55.2,
                """
                Sam, just to say: thank you for Maria. It's the best founder introduction I've had
                all year. We led the round, you'll have heard.

                Breakfast next time you're over?

                P
                """,
            ),
            (
                ME,
                54.6,
                """
                That's lovely to hear, thank you for telling me. It's all her, but I'm delighted.
                Breakfast, yes: I'm likely in London in a couple of months and I'll send dates.
                Good luck with the Windermere training.

                Sam
                """,
            ),
        ),
    ]


def _vikram() -> list[DemoInteraction]:
    return [
        _meeting(
            262.7,
            "vikram-shah",
            "Dinner with Vikram",
            """
            Dinner in the Mission. Two hours on cricket, one on founders. He's writing fewer and
            smaller cheques now and spending more time with the twins (they're five). Says the
            founders he backs who do well all have "someone who answers at 11pm".
            """,
        ),
        *_thread(
            "vikram-optin",
            "A diagnostics founder, if you're interested",
            "vikram-shah",
            (
                ME,
                93.9,
                """
                Hi Vikram,

                A founder I admire, Maria Chen at Lumen Bio (sepsis diagnostics, Boston), is
                closing a seed round with Northgate leading and is looking for one or two angels who
                understand diagnostics and can answer at 11pm. Would you like an introduction?
                Completely fine to say no.

                Sam
                """,
            ),
            (
                "vikram-shah",
                92.4,
                """
                Yes please. Sepsis is personal for me too (my uncle). Send it.
                V
                """,
            ),
        ),
        *_thread(
            "vikram-angels",
            "Re: Maria",
            "vikram-shah",
            (
                "vikram-shah",
                78.5,
                """
                Sam, Maria is terrific and we're in. Thank you.

                I keep a list of angels who actually understand diagnostics and devices, maybe a
                dozen people. I'll send it over next week; it might be useful for your other health
                founders.

                How are you, by the way? We never talk about you.

                V
                """,
            ),
            (
                ME,
                77.9,
                """
                Delighted, thank you Vikram. The list would be very useful; Nate and Kwame aren't
                diagnostics but some of those people might know people.

                I'm well! Busy in the good way. Proper catch-up over dinner soon, my turn to pay.

                Sam
                """,
            ),
        ),
        _note(
            26.4,
            "vikram-shah",
            """
            Vikram's angel list hasn't come yet; he's had a lot going on (the twins started
            school). Mention it gently at dinner rather than chasing by email.
            """,
        ),
        _meeting(
            2.4,
            "vikram-shah",
            "Dinner with Vikram",
            """
            Dinner with Vikram, my turn to pay (he let me, eventually). Twins love school; one
            of them has decided to be a fast bowler. He brought up the angel list himself before
            I could: he's cleaning it up and will send it this week. Told him about Kwame and
            Nate; he wants to meet Nate when he's next in the Midwest.
            """,
        ),
    ]


def _kwame() -> list[DemoInteraction]:
    return [
        *_thread(
            "aisha-intro-kwame",
            "Introduction: Kwame Asante (Sankofa Pay)",
            ("aisha-bello", "kwame-asante"),
            (
                "aisha-bello",
                89.6,
                """
                Sam, Kwame,

                Doing what Sam taught me: I asked you both first, you both said yes, so here we are.

                Kwame runs Sankofa Pay in Accra, payments for market traders across borders. We
                were in the same accelerator cohort in Nairobi and he's the founder I'd back with
                my own money if I had any.

                Sam is my oldest work friend and the best sales advisor I know. He'll make you
                think harder than you want to.

                Aisha
                """,
            ),
            (
                ME,
                89.1,
                """
                Thank you Aisha (moving you to bcc).

                Kwame, very glad to meet you. I'd love to hear about Sankofa. Would a call next
                week work? I'm flexible; mornings in California are afternoons for you.

                Sam
                """,
            ),
        ),
        _meeting(
            85.4,
            "kwame-asante",
            "Video call with Kwame Asante",
            """
            First call with Kwame. Sankofa lets traders in Accra pay suppliers in Lomé and Lagos
            without carrying cash across the border. 3,000 traders, mostly women.
            """,
        ),
        _note(
            85.2,
            "kwame-asante",
            """
            Kwame. Why this matters to him, his words: "My mother carried cloth money across the
            Aflao border in her clothes for thirty years. She was robbed twice. I want the next
            woman to send it from her phone and go home to her children."

            What he wants from investors: people who will stay through a currency crisis. Not
            interested in anyone who wants him to "pivot to the diaspora remittance market".

            He asked what he could do for me. Told him honestly: nothing, I enjoyed this.
            """,
        ),
        *_thread(
            "kwame-priya",
            "Introduction to Priya Raman?",
            "kwame-asante",
            (
                "kwame-asante",
                25.3,
                """
                Hi Sam,

                I hope you are well. We are opening our seed round next month. Aisha mentioned
                that you know Priya Raman at Northgate. Would you be willing to introduce me to
                her? I have read that she cares about founders who are close to the problem, and I
                think we fit.

                Of course, only if you are comfortable.

                Warm regards,
                Kwame
                """,
            ),
            (
                ME,
                23.4,
                """
                Hi Kwame,

                Happy to ask her. I always check with the person first rather than sending a
                surprise, so I'll write to Priya this week and come back to you as soon as I hear.
                I'll use the paragraph you sent after our first call, the one about your mother;
                it's the part I'd want her to read.

                Sam
                """,
            ),
        ),
        *_thread(
            "priya-kwame-optin",
            "Would you be open to meeting a payments founder in Accra?",
            "priya-raman",
            (
                ME,
                16.3,
                """
                Hi Priya,

                Another founder who was close to the problem. Kwame Asante runs Sankofa Pay in
                Accra; his paragraph, in his own words:

                "Sankofa Pay lets market traders in West Africa pay suppliers across borders from
                a phone. 3,000 traders use it each week, 80% of them women. I started it because my
                mother carried cash across the Aflao border for thirty years and was robbed twice."

                Fintech may be outside what Northgate does, in which case just say so. Would you be
                open to a conversation?

                Sam
                """,
            ),
        ),
        *_thread(
            "kwame-priya",
            "Re: Introduction to Priya Raman?",
            "kwame-asante",
            (
                "kwame-asante",
                6.2,
                """
                Hi Sam, just checking whether you heard anything from Priya. No pressure at all; I
                know these things take time.

                Kwame
                """,
            ),
        ),
        _note(
            5.9,
            ("kwame-asante", "priya-raman"),
            """
            Priya hasn't replied about Kwame (ten days). She may be travelling, or it may be a
            quiet no. Either is fine. Ask her once more, briefly, and tell Kwame honestly where it
            stands today rather than leaving him guessing. If Northgate isn't right, think about
            who else backs payments in West Africa.
            """,
        ),
    ]


def _tomas() -> list[DemoInteraction]:
    return [
        _call(
            389.3,
            "tomas-herrera",
            """
            Monthly call with Tomás. He's top three on his team this quarter and miserable about
            it, because the way his manager got the team there was by shaming people in pipeline
            reviews.
            """,
            subject="Monthly mentoring call",
        ),
        _note(
            389.1,
            "tomas-herrera",
            """
            What matters to Tomás: leading a team within two years, and doing it differently.

            Why, in his words: "In my first job my manager read out our numbers in front of
            everyone and said who was the weak one. I was the weak one for three months. I want to
            prove you can hit the number without doing that to people."

            Questions for next time: what would he do differently in a pipeline review, concretely?
            Has he talked to his manager about wanting to lead?
            """,
        ),
        *_thread(
            "tomas-quarter",
            "A bad quarter (long, sorry)",
            "tomas-herrera",
            (
                "tomas-herrera",
                331.6,
                """
                Hola Sam,

                Sorry, this is going to be long.

                I missed my number this quarter, 71%. Two of my biggest deals slipped to next
                quarter and one customer went with a competitor at the last minute because they
                were cheaper. My manager said in the team meeting that "some people are coasting".
                He didn't say my name but everyone knew.

                I keep replaying the deal we lost. I think I knew three weeks before that the
                procurement person was not happy, and I didn't say anything because I didn't want
                to hear the answer. Is that normal? Does it get better?

                I also wonder if I'm really made for this. Inés says I'm being dramatic. She's
                probably right but I wanted to ask you.

                Un abrazo,
                Tomás
                """,
            ),
            (
                ME,
                331.0,
                """
                Hola Tomás,

                Never apologise for a long email to me.

                71% in a quarter where two deals slipped is a timing problem, not a talent problem.
                Look at your trailing twelve months; I suspect you're above 100%.

                The procurement thing is the real lesson, and yes, it's normal. Everybody avoids the
                question they're scared of. The skill isn't being fearless, it's noticing the fear
                and asking anyway: "I have a feeling something's not right with this deal, am I
                wrong?" You'll be surprised how often people tell you.

                As for whether you're made for this: the fact that you're asking whether your
                manager's behaviour is OK tells me you're made to lead. Inés is right that you're
                being dramatic, though.

                Let's go through the lost deal properly on Thursday.

                Sam
                """,
            ),
        ),
        *_thread(
            "tomas-moving",
            "Big news, and a favour",
            "tomas-herrera",
            (
                "tomas-herrera",
                251.4,
                """
                Sam,

                Inés got the job in Mexico City! The one with the studio that does the public
                housing projects. She's been dreaming of it for years. We're moving in about three
                months.

                Which means I need a job there. Brightwell doesn't have a Mexico office. Could you
                look over my resume? I've never written one in English for the Mexican market and I
                have no idea what they expect.

                Tomás
                """,
            ),
            (
                ME,
                251.0,
                """
                Tomás, that's fantastic news for Inés, please congratulate her from me.

                Of course. Send it over and I'll look over it this weekend and send you comments by
                Monday.

                Sam
                """,
            ),
            (
                ME,
                248.2,
                """
                Hi Tomás,

                Comments attached, as promised. The main ones:

                - Lead with the results (112%, the logistics deals, the Portuguese expansion), not
                  with "dynamic and results-oriented professional".
                - Put your Spanish and English levels near the top; for roles in Mexico City that
                  serve US customers it's a big deal.
                - Cut the second page down to the last two jobs.
                - One line about why you're moving. Recruiters wonder, so tell them.

                And let me think about who I know in Mexico City. I have one idea already.

                Sam
                """,
            ),
        ),
        _note(
            246.9,
            "tomas-herrera",
            """
            Tomás and Inés moving to Mexico City in ~3 months for her job (public housing studio).
            He is excited for her and scared for himself: first time in his life he won't have a
            job lined up. His mum in Sevilla is not thrilled about the distance.

            Think about who I know who hires in Mexico City. Olu places people across the
            Americas. Whatever I do, ask Tomás first before mentioning him to anyone.
            """,
        ),
        *_thread(
            "olu-cdmx",
            "Bilingual AEs for a client in Mexico City?",
            "olu-adeyemi",
            (
                "olu-adeyemi",
                239.3,
                """
                Hi Sam,

                Hope you're keeping well. A quick one: I'm working with a supply-chain software
                client that is opening a sales office in Mexico City and needs two senior
                bilingual account executives. Do you know anyone good? The usual promise applies:
                I'll tell them the truth about the role, including the bits the client would
                rather I didn't.

                Best,
                Olu
                """,
            ),
            (
                ME,
                238.6,
                """
                Hi Olu,

                Funny timing. I know someone excellent who is moving to Mexico City in a few
                months: logistics background, 112% over the last twelve months, and a good human.
                Let me ask him first whether he'd like to talk to you. If he does, I'll introduce
                you both this week.

                Sam
                """,
            ),
        ),
        *_thread(
            "intro-tomas-olu",
            "Introduction: Tomás Herrera <> Olu Adeyemi",
            ("tomas-herrera", "olu-adeyemi"),
            (
                ME,
                236.2,
                """
                Tomás, Olu,

                Tomás: Olu is a recruiter in Toronto, one of the very few I recommend without
                reservation. He's hiring for a software company opening in Mexico City.

                Olu: Tomás is the person I mentioned, Senior AE at Brightwell Logistics in Madrid,
                moving to CDMX later this year. His resume is attached, with his permission.

                I'll leave the rest to you.

                Sam
                """,
            ),
            (
                "olu-adeyemi",
                235.8,
                """
                Thanks Sam. Tomás, great to meet you. Are you free on Friday for 30 minutes? I'll
                walk you through the role, warts and all.

                Olu
                """,
            ),
        ),
        _meeting(
            216.4,
            "tomas-herrera",
            "Interview prep with Tomás (video)",
            """
            Interview prep with Tomás for the final round (panel with the new Mexico City GM). We
            rehearsed the "tell us about a deal you lost" question. He told the procurement story
            and what he learned. Much better than anything he could have said a year ago.
            """,
        ),
        _call(
            199.4,
            "tomas-herrera",
            """
            Tomás rang at 7am my time, shouting before I'd said hello: he got the Mexico City
            offer. Starts the week after they land. Inés was cheering in the background. I have
            rarely been happier to be woken up.
            """,
        ),
        _note(
            161.15,
            "tomas-herrera",
            """
            Tomás has landed in Mexico City. Apartment in Roma Norte, noisy and he loves it. Inés
            is thriving. He misses Madrid more than he expected, especially Sunday lunch with his
            friends. His mum is visiting next month.

            Ask next time: how his mum's visit goes next month. He's already found a five-a-side
            team through a colleague, and closed his first deal with a US retailer.

            Olu wrote to say the client's GM picked Tomás because he was the only candidate who
            asked what had gone wrong with their last Mexico launch.
            """,
        ),
        *_thread(
            "tomas-team",
            "They want me to lead the team",
            "tomas-herrera",
            (
                "tomas-herrera",
                121.7,
                """
                Sam,

                The GM asked if I'd lead the new team of four AEs from next quarter. Team lead,
                still carrying a number myself. I said yes before I could think about it.

                Now I'm thinking about it. How do I do the first one-on-ones? I've only ever had
                bad ones. I don't want to copy my old manager and I don't know what the alternative
                looks like in practice.

                Tomás
                """,
            ),
            (
                ME,
                121.2,
                """
                Tomás, congratulations. Two years early, by your own plan.

                I'll send you the one-on-one guide I wrote for Halyard's new managers in the next
                couple of days. The short version: the first one-on-one is not about the pipeline
                at all. Ask each of them what they want from this job, what they want from you, and
                how they like to get bad news. Write down the answers in their words.

                Sam
                """,
            ),
            (
                ME,
                119.4,
                """
                Here's the guide. Ignore the Halyard-specific bits. Page 3 is the one that matters.

                Sam
                """,
            ),
        ),
        _call(
            89.8,
            "tomas-herrera",
            """
            Tomás, a month into leading the team. One AE (Paola) is struggling and he is doing
            exactly what his old manager didn't: asking her privately what's going on first. It
            turns out she's caring for her father. He moved two of her accounts to himself for a
            month without telling the team why.
            """,
        ),
        _note(
            59.7,
            "tomas-herrera",
            """
            Tomás's birthday is 22 November. He'll be 31. Inés is planning a surprise party and
            asked if I'd record a short video. Do it.
            """,
        ),
        *_thread(
            "tomas-team-talk",
            "Would you talk to my team?",
            "tomas-herrera",
            (
                "tomas-herrera",
                20.3,
                """
                Hi Sam,

                Would you be willing to talk to my team for 30 minutes about discovery calls? They
                have heard me quote you so many times that they want to meet "the famous Sam". No
                pressure at all if you're busy.

                Tomás
                """,
            ),
            (
                ME,
                19.7,
                """
                Yes, gladly. How about Thursday the week after next, 9am your time? I'll keep it
                practical: one real call recording each, if they're willing.

                Sam
                """,
            ),
            (
                "tomas-herrera",
                19.2,
                """
                Perfect. I'll send you the invite and two call recordings by Friday.
                """,
            ),
        ),
    ]


def _olu() -> list[DemoInteraction]:
    return [
        _note(
            121.9,
            "olu-adeyemi",
            """
            Olu runs a free CV clinic for newcomers to Canada on Saturday mornings at a library in
            Scarborough. Why it matters to him: when he arrived from Ibadan his engineering degree
            counted for nothing and he drove a taxi for two years. "Nobody told me what a Canadian
            resume looks like. It's a small thing that costs people years."
            """,
        ),
        *_thread(
            "olu-clinic",
            "Your Saturday clinic",
            "olu-adeyemi",
            (
                ME,
                111.3,
                """
                Hi Olu,

                I keep thinking about your Saturday CV clinic. I'm in Toronto for a client in a
                few weeks. If it would be useful, I'd love to come and do mock sales interviews for
                anyone who wants one. No agenda; I just think it's a great thing you do.

                Sam
                """,
            ),
            (
                "olu-adeyemi",
                108.6,
                """
                Sam, yes! Mock interviews are the thing people ask for most and we never have
                enough interviewers. I'll put you down for the morning of the 14th. Coffee is bad,
                people are wonderful.

                Olu
                """,
            ),
        ),
        _meeting(
            96.8,
            "olu-adeyemi",
            "CV clinic — mock interviews (Toronto)",
            """
            Six mock interviews at Olu's clinic. A nurse from Manila who wants to move into
            medical device sales; two engineers from Lagos; a teacher from Kyiv. Olu knew every
            one of them by name and story. Offered to review the nurse's CV properly by email.
            """,
        ),
    ]


def _lucia() -> list[DemoInteraction]:
    return [
        *_thread(
            "intro-lucia",
            "Introduction: Lucía Fernández (Cántaro)",
            ("tomas-herrera", "lucia-fernandez"),
            (
                "tomas-herrera",
                212.5,
                """
                Sam, Lucía,

                I asked you both and you both said yes, so: Lucía, this is Sam, my mentor, who I
                talk about too much. Sam, this is Lucía, my friend from Lyon, who is building
                Cántaro in Buenos Aires (tutoring for kids in public schools). She is struggling
                with pricing and I said you're the person.

                Tomás
                """,
            ),
            (
                ME,
                211.8,
                """
                Thank you, Tomás (to bcc).

                Lucía, lovely to meet you. Tomás is right that I like pricing problems, especially
                ones where the person you want to help can't pay. Call next week?

                Sam
                """,
            ),
        ),
        _meeting(
            206.5,
            "lucia-fernandez",
            "Video call: Cántaro pricing",
            """
            First call with Lucía. Cántaro has 400 kids using it, mostly paid for by a small
            foundation grant that ends in nine months. Families pay a token amount.
            """,
        ),
        _note(
            206.25,
            "lucia-fernandez",
            """
            Lucía. What matters: the kids who can't pay keep getting tutoring. Why: she taught
            maths in a public secondary school in La Matanza for six years. "The kids with tutors
            passed. The kids without tutors left school. It wasn't more complicated than that."

            She doesn't want to raise prices on families. I think the payer is the school district
            or the province, not the family. Suggested she talk to three district heads before
            changing anything.
            """,
        ),
        *_thread(
            "cantaro-pricing",
            "Pricing page draft",
            "lucia-fernandez",
            (
                "lucia-fernandez",
                150.6,
                """
                Hola Sam,

                I talked to the three district heads like you suggested. Two said they would pay if
                we show attendance and grade data every term. So I wrote a new pricing page for
                schools and districts (attached). Families stay free.

                Could you take a look when you have time? I'm not sure if the per-student price is
                too high or too low. Every number I write feels wrong.

                Gracias,
                Lucía
                """,
            ),
            (
                ME,
                150.0,
                """
                Hola Lucía,

                This is a big step. Well done for talking to them first.

                I will review your pricing page next week and send you notes by Friday. At first
                glance the structure is right; the question is whether the districts think in price
                per student or price per school, and that's what I'll dig into.

                Sam
                """,
            ),
            (
                ME,
                141.35,
                """
                Lucía,

                Notes on the pricing page, a little later than Friday, sorry:

                - Price per school per term, not per student. Districts budget per school, and
                  per-student makes every new kid feel like a cost.
                - Show the attendance and grade report on the page itself, as a picture. That's
                  what they're buying.
                - Your lowest tier is too cheap to be taken seriously by a province. Add a
                  province-wide option and talk to one province before putting a number on it.

                The families-stay-free line should be at the top, not at the bottom. It's why
                you exist.

                Sam
                """,
            ),
        ),
        *_thread(
            "cantaro-district",
            "First district signed!",
            "lucia-fernandez",
            (
                "lucia-fernandez",
                60.4,
                """
                Sam!

                We signed our first district: 11 schools, per school per term, exactly like you
                said. The foundation grant gap is covered for a year.

                We've made a second version of the pricing page with the province option. Would you
                look at it again? The province meeting is in about six weeks.

                Un abrazo,
                Lucía
                """,
            ),
            (
                ME,
                59.8,
                """
                Lucía, congratulations! That's 11 schools' worth of kids who keep their tutors.

                Yes, of course. I'll go through the new page next week and send you notes.

                Sam
                """,
            ),
            (
                "lucia-fernandez",
                19.1,
                """
                Hi Sam, a gentle nudge on the pricing page. No rush if you're swamped, I know it's
                a busy time. The province meeting is on the 28th, so anything before then would be
                wonderful.

                Lucía
                """,
            ),
        ),
    ]


def _zoe_and_corvid() -> list[DemoInteraction]:
    return [
        _meeting(
            394.6,
            "zoe-williams",
            "Pinecrest: joint pipeline review",
            """
            Last session of the Pinecrest engagement. Zoe ran the joint pipeline review herself,
            with sales and marketing in one room for the first time in anyone's memory. The sales
            VP admitted, out loud, that two of marketing's campaigns had made his quarter.
            """,
        ),
        *_thread(
            "zoe-pinecrest-thanks",
            "Thank you",
            "zoe-williams",
            (
                "zoe-williams",
                391.2,
                """
                Sam,

                I didn't get to say it properly on Thursday with everyone there. Thank you. You
                never once made me feel like marketing was the junior partner in the room, and you
                made the sales team listen to me without making it about you.

                Theo says hi. He still has the "sales & marketing, together at last" sticker you
                gave him on his lunchbox.

                Zoe
                """,
            ),
            (
                ME,
                390.6,
                """
                Zoe, that's very kind. You did the hard part, which was deciding to keep showing up
                to a meeting that treated you badly until it didn't. Say hi to Theo, and keep in
                touch.

                Sam
                """,
            ),
        ),
        _meeting(
            251.8,
            "marcus-webb",
            "Dinner with Marcus (Chicago)",
            """
            Dinner with Marcus. His daughter's team made the state semi-finals, and he is
            unreasonably proud of a zone defence he invented. Corvid is growing fast; he is hiring
            ten AEs and refuses to lower the bar.
            """,
        ),
        _note(
            251.55,
            "marcus-webb",
            """
            Marcus: what he's proudest of is that nobody from his last team left in their first
            year. He hires for curiosity: "I'd rather teach product to someone who asks good
            questions than teach questions to someone who knows the product." Hates hiring
            agencies, loves referrals from people he trusts. Daughter Kiara, 14.
            """,
        ),
        *_thread(
            "zoe-layoff",
            "News",
            "zoe-williams",
            (
                "zoe-williams",
                181.3,
                """
                Hi Sam,

                Pinecrest let go of forty of us yesterday, including the whole brand team and me.
                "Restructuring." I'm OK. Actually I'm not OK but I will be.

                I don't really know why I'm writing. I think I wanted to tell someone who knew what
                we built there.

                Zoe
                """,
            ),
            (
                ME,
                181.0,
                """
                Zoe,

                I'm so sorry. That's a rotten way to be treated after what you built there, and
                it's fine not to be OK.

                I'm glad you wrote. Whatever would help, with no strings: I can read anything, make
                introductions, practise interviews with you, or just listen while you're angry. Or
                nothing at all for a couple of weeks, if that's what you need.

                Would a call be useful? I'm free tomorrow afternoon.

                Sam
                """,
            ),
        ),
        _call(
            179.4,
            "zoe-williams",
            """
            Long call with Zoe. She cried for the first ten minutes and laughed for the last ten.
            Ninety days of severance and health cover.
            """,
            subject="Call with Zoe after Pinecrest",
        ),
        _note(
            179.2,
            "zoe-williams",
            """
            Zoe, what matters in the next job, in her words:

            - "A company where marketing has a chair at the table, not a seat by the door."
            - Stays in Chicago. Theo's dad and both sets of grandparents are here and "Theo has
              had enough change for one childhood."
            - Health insurance sorted within about three months.

            Why the first one: at Pinecrest marketing was blamed for every missed quarter and
            thanked for none of the good ones.

            Corvid (Marcus) is hiring a product marketing director. She may ask; don't push it.
            """,
        ),
        *_thread(
            "zoe-corvid",
            "Corvid Analytics?",
            "zoe-williams",
            (
                "zoe-williams",
                177.5,
                """
                Hi Sam,

                I saw Corvid Analytics is hiring a Director of Product Marketing. Would you be
                willing to intro me to Marcus Webb? I know you know him, and the job post reads
                like they actually mean "partner to sales".

                Totally understand if that's awkward.

                Zoe
                """,
            ),
            (
                ME,
                177.1,
                """
                Not awkward at all, and I think it could be a very good fit. Let me ask Marcus
                first whether he's up for it, then I'll introduce you both properly. I'll use the
                line you wrote me about the joint plan; it says it better than I could.

                Sam
                """,
            ),
        ),
        *_thread(
            "marcus-zoe-optin",
            "A product marketing director you should meet?",
            "marcus-webb",
            (
                ME,
                176.5,
                """
                Marcus,

                You're hiring a product marketing director. Zoe Williams, whom I worked with at
                Pinecrest, was caught in their layoff. She is the reason Pinecrest's sales and
                marketing teams stopped fighting. In her words:

                "I built Pinecrest's first joint sales-marketing plan; in its first year
                marketing-sourced pipeline doubled and win rates on those deals were 9 points
                higher."

                Would you like an introduction? No is a perfectly good answer.

                Sam
                """,
            ),
            (
                "marcus-webb",
                175.9,
                """
                Absolutely yes. That's exactly who we need. Send it.
                """,
            ),
        ),
        *_thread(
            "intro-zoe-marcus",
            "Introduction: Zoe Williams <> Marcus Webb (Corvid)",
            ("zoe-williams", "marcus-webb"),
            (
                ME,
                175.6,
                """
                Zoe, Marcus,

                Marcus runs sales at Corvid Analytics and hires the way I wish everyone did. Zoe
                was VP Marketing at Pinecrest Retail and built the best sales-marketing partnership
                I've seen at a company that size.

                You both already know why I think you should talk. Over to you.

                Sam
                """,
            ),
            (
                "marcus-webb",
                175.2,
                """
                Thanks Sam. Zoe, great to meet you. I'll ask our recruiter to set up a first
                conversation with me directly this week, skipping the screen.

                Marcus
                """,
            ),
        ),
        *_thread(
            "zoe-interview",
            "I got the interview",
            "zoe-williams",
            (
                "zoe-williams",
                161.7,
                """
                Sam,

                Thank you for the introduction to Marcus — I got the interview! First conversation
                went really well and I'm in the final round on Thursday with their CEO and CMO.

                Any advice for the CEO? I hear he's "numbers first".

                Zoe
                """,
            ),
            (
                ME,
                161.2,
                """
                Wonderful, Zoe. For a numbers-first CEO: bring the 9-point win-rate figure and be
                ready to explain exactly how you measured it, including what you couldn't measure.
                Honesty about the limits of your data will land better than a big number.

                I'm free on Tuesday evening for a 30-minute practice run, if you'd like one.

                Sam
                """,
            ),
        ),
        _meeting(
            158.6,
            "zoe-williams",
            "Interview practice with Zoe (video)",
            """
            Practice run with Zoe for the Corvid final round. Her answer on the win-rate number was
            much better on the second try, once she led with how she measured it.
            """,
        ),
        *_thread(
            "zoe-offer",
            "I got the job!!",
            "zoe-williams",
            (
                "zoe-williams",
                141.4,
                """
                Sam, I got the job! Director of Product Marketing at Corvid, starting in three
                weeks, and the health insurance starts on day one.

                I don't know how to thank you.

                Zoe
                """,
            ),
            (
                ME,
                141.1,
                """
                Zoe, I'm thrilled for you. You don't need to thank me; you did the interviews.
                If you ever want to thank someone, help the next person who gets laid off. Give
                Theo a high five from me.

                Sam
                """,
            ),
        ),
        _meeting(
            88.6,
            "marcus-webb",
            "Lunch with Marcus (Chicago)",
            """
            Lunch with Marcus, same trip as coffee with Zoe. He said Zoe was the only candidate
            who asked the CEO what marketing had got wrong at Corvid before, and the CEO loved it.
            Kiara's team lost in the semi-finals again; Marcus has already redesigned the zone
            defence for next season.
            """,
        ),
        _note(
            88.4,
            "marcus-webb",
            """
            Marcus is thinking about what comes after Corvid. Not soon, but he wants to coach
            first-time sales managers one day, maybe at a community college. "Somebody taught me
            for free when I was 26. I'd like to do that properly before I'm too old to remember
            what it felt like." Ask him about it again in six months; think about Olu's clinic.
            """,
        ),
        _meeting(
            88.3,
            "zoe-williams",
            "Coffee with Zoe (Chicago)",
            """
            Coffee with Zoe near the Corvid office. A month in. She sits in the weekly forecast
            meeting, which she says is "the chair at the table, literally".
            """,
        ),
        _note(
            88.1,
            "zoe-williams",
            """
            Zoe is settling in well at Corvid and already friends with Ibrahim's EMEA team. Theo
            started a coding club and wants to "make a video game about a sad cat". Theo's
            birthday: 11 August.

            She asked how she could repay me. I said there's nothing to repay. She's going to
            mentor someone from Olu's clinic instead, which is better than anything she could do
            for me.
            """,
        ),
        *_thread(
            "zoe-offer-help",
            "Stories for your founders",
            "zoe-williams",
            (
                "zoe-williams",
                21.4,
                """
                Hi Sam,

                Something I can offer, no strings: Corvid runs a "builders" series on our blog and
                podcast, profiling early-stage founders (not customers, not prospects, just people
                building interesting things). If any of your founders would enjoy the visibility,
                I'd love to feature them.

                Zoe
                """,
            ),
            (
                ME,
                20.8,
                """
                Zoe, that's lovely. Two come to mind: Nate Brooks (soil sensors, Fieldnote) and
                Lucía Fernández (tutoring for public-school kids, Cántaro). I'll ask them both
                whether they'd like it and connect you if they do.

                Sam
                """,
            ),
        ),
        _call(
            301.9,
            "ibrahim-haddad",
            """
            Catch-up with Ibrahim. Dubai office now twelve people. He mentors four women from
            the region who are early in enterprise sales, two of them from his own team and two
            from competitors.
            """,
        ),
        _note(
            301.7,
            "ibrahim-haddad",
            """
            Ibrahim: why the mentoring matters to him. His older sister was the best salesperson
            he knew and left the industry because "every room was men who talked over her". He
            wants the next generation to stay.
            """,
        ),
        *_thread(
            "ibrahim-promotion",
            "Some news",
            "ibrahim-haddad",
            (
                "ibrahim-haddad",
                101.5,
                """
                Dear Sam,

                I wanted you to hear it from me before LinkedIn: I have been promoted to VP Sales
                for EMEA. Marcus told me you were one of the people who said good things about me
                when they asked around. Thank you.

                Ibrahim
                """,
            ),
            (
                ME,
                101.1,
                """
                Ibrahim, congratulations! Very well deserved. I only said what's true.

                If your four mentees would find it useful, I'd be glad to do a session with them on
                whatever they're working on. Send me two dates that suit them and I'll make one of
                them work.

                Sam
                """,
            ),
        ),
        _note(
            70.6,
            "ibrahim-haddad",
            """
            Ibrahim came back (after a month; the new role ate his time) with dates for the session
            with his mentees: the 18th, 6pm Dubai. Topic: negotiating with procurement. Names:
            Nadia, Reem, Salma, Layla. Said yes to the 18th by WhatsApp.
            """,
        ),
        _meeting(
            50.2,
            "ibrahim-haddad",
            "Mentoring session: negotiating with procurement",
            """
            Session with Ibrahim's four mentees on negotiating with procurement. Nadia asked the
            best question: how to say no to a discount without sounding like she's reading a
            script. We role-played it three times. Ibrahim just listened and took notes.
            """,
        ),
    ]


def _halyard() -> list[DemoInteraction]:
    return [
        *_thread(
            "oliver-intro",
            "Marcus Webb suggested I get in touch",
            "oliver-grant",
            (
                "oliver-grant",
                266.4,
                """
                Hi Sam,

                Marcus Webb suggested I contact you. I'm the CRO at Halyard Software (project
                management for construction firms, about 180 people). We've had a hard year: the
                board wants 60% growth and my team is tired already.

                I'm not looking for a methodology. I've been sold three of those. I'm looking for
                someone who will tell me what's actually going on. Would you be open to a call?

                Oliver
                """,
            ),
            (
                ME,
                265.9,
                """
                Hi Oliver,

                Thanks for writing, and for being so direct. Yes, happy to talk. No methodology, I
                promise; I don't have one to sell.

                Thursday at 4pm Central?

                Sam
                """,
            ),
        ),
        _call(
            263.3,
            "oliver-grant",
            """
            First call with Oliver. Halyard: 22 AEs, 40% of last year's hires have already left.
            The board's number is 60% growth.
            """,
            subject="Intro call: Halyard",
        ),
        _note(
            263.1,
            "oliver-grant",
            """
            Oliver. What matters to him: hitting the board's number without burning the team out.

            Why, in his words: "I burned out at 34. I missed most of my son's first year and I
            don't remember much of it. I'm not doing that to twenty-two other people."

            He is also scared, which he said straight out: he thinks the board may replace him if
            the first half is weak. Worth remembering when he's short-tempered.

            Sons Owen (15) and Jack (13), both drummers.
            """,
        ),
        _meeting(
            241.5,
            ("oliver-grant", "jess-morgan", "helen-park"),
            "Halyard kick-off",
            """
            Kick-off at Halyard in Austin with Oliver, Jess (enablement) and Helen (people). Agreed
            scope: new-hire ramp, pipeline reviews, and a look at the comp plan. Jess's onboarding
            material is genuinely excellent and nobody in sales leadership seems to have read it.
            """,
        ),
        _note(
            237.6,
            "jess-morgan",
            """
            Jess taught high-school English for eight years before moving into enablement. What
            matters to her: being treated as a peer by the sales leaders, not "the training lady".
            Why: "I'm the one who knows why reps quit in month three, and nobody asks me."

            Make sure Oliver hears her data directly from her, not through me.
            """,
        ),
        _meeting(
            201.2,
            "oliver-grant",
            "Pipeline review coaching",
            """
            Sat in on Oliver's pipeline review, then debriefed. He asks "when will it close" eleven
            times per review and "what does the customer need" zero times. Told him so; he laughed
            and then went quiet. We'll try a different structure next month.
            """,
        ),
        *_thread(
            "helen-comp",
            "The comp plan worries me",
            "helen-park",
            (
                "helen-park",
                192.4,
                """
                Hi Sam,

                Oliver said I could talk to you directly. The proposed comp plan pays AEs 100% on
                new bookings, nothing on renewals or expansion. I think it will teach people to
                close anything with a pulse and then walk away from it. Our churn already says that.

                Am I overreacting? I'm not a sales person and I get told that a lot.

                Helen
                """,
            ),
            (
                ME,
                191.6,
                """
                Hi Helen,

                You're not overreacting. Comp plans are a letter to the team saying what you care
                about, and this one says "we don't care what happens after signature".

                A couple of options to put to Oliver: pay a portion on the first renewal, or hold
                back part of the commission until the customer is live. Either way, ask the reps
                what they think before deciding. They know where the bodies are buried.

                Happy to come to the comp workshop and say this out loud so you don't have to be
                the only one saying it.

                Sam
                """,
            ),
        ),
        _meeting(
            152.3,
            ("oliver-grant", "helen-park", "jess-morgan"),
            "Comp plan workshop",
            """
            Comp plan workshop at Halyard. Helen presented the churn data; Jess showed that reps
            who sold to bad-fit customers left sooner. Oliver changed his mind in the room: 20% of
            commission now held until go-live. Helen looked relieved.
            """,
        ),
        *_thread(
            "jess-promotion",
            "Promoted!",
            "jess-morgan",
            (
                "jess-morgan",
                122.6,
                """
                Sam!! I've been promoted to Director of Sales Enablement and I'll sit in the
                revenue leadership meeting from now on. Oliver said the comp workshop and your
                feedback on the onboarding programme helped make the case.

                Jess
                """,
            ),
            (
                ME,
                122.2,
                """
                Jess, congratulations! A seat at the table, finally. You made the case yourself,
                with the month-three data. I just made sure people were in the room to hear it.

                Sam
                """,
            ),
        ),
        *_thread(
            "halyard-winloss",
            "Win/loss numbers before our session",
            "oliver-grant",
            (
                ME,
                101.8,
                """
                Hi Oliver,

                Before our next session, could you send me the win/loss numbers for last quarter,
                split by segment? I'd like to see whether the bad-fit deals are concentrated in the
                mid-market.

                Sam
                """,
            ),
            (
                "oliver-grant",
                100.9,
                """
                Yes, good idea. I'll get you the win/loss numbers by end of next week; ops needs to
                clean them up first.

                O
                """,
            ),
            (
                ME,
                84.7,
                """
                Hi Oliver, a gentle nudge on the win/loss numbers. No stress if they're not ready;
                they'd just make the session more useful. Happy to work with whatever ops has.

                Sam
                """,
            ),
        ),
        _meeting(
            71.4,
            ("oliver-grant", "jess-morgan"),
            "Halyard quarterly review",
            """
            Quarterly review with Oliver and Jess. Ramp time for new AEs down from seven months to
            five. Two of the last cohort already at quota. Nobody from the last cohort has left.
            Oliver gave Jess the credit in front of the whole leadership team.
            """,
        ),
        _meeting(
            60.3,
            ("oliver-grant", "jess-morgan", "helen-park"),
            "Halyard sales kick-off",
            """
            Gave the opening talk at Halyard's half-year kick-off. Jess ran the afternoon, her
            first time presenting to the whole revenue team; she was nervous beforehand and
            brilliant on stage. Helen announced the new comp plan and nobody groaned, which she
            said was a first.
            """,
        ),
        _note(
            60.1,
            "helen-park",
            """
            Helen, after the kick-off. What matters to her: that the people side isn't treated as
            a cleanup crew for sales decisions. Why: at her last company she ran three rounds of
            layoffs caused by a hiring plan nobody asked her about. "I don't want to be the person
            who only shows up when it's already gone wrong." Her son is starting college in
            Austin; she is pretending not to be sad about the empty house.
            """,
        ),
        _call(
            49.8,
            "oliver-grant",
            """
            Hard call with Oliver before his board meeting. They're at 48% growth, not 60%. He's
            decided to tell the board the truth about why (he won't hire faster than Jess can
            onboard) rather than promise a hockey stick. I think he's right. He sounded tired.
            Owen's band has its first real gig on Saturday.
            """,
        ),
        *_thread(
            "jess-manager-onboarding",
            "New-manager onboarding: would you look at it?",
            "jess-morgan",
            (
                "jess-morgan",
                31.6,
                """
                Hi Sam,

                We're launching onboarding for new first-line managers next month, three of them
                promoted from AE. Could you look at the outline before we launch? I'd particularly
                like your view on the one-on-one module.

                Jess
                """,
            ),
            (
                ME,
                31.1,
                """
                Hi Jess, yes. I'll have comments to you by Wednesday.

                Sam
                """,
            ),
            (
                ME,
                27.3,
                """
                Jess,

                Comments attached. It's very good. Two suggestions: in the one-on-one module, have
                new managers write down each rep's goals in the rep's own words (I've seen that
                one change habits more than anything else); and add a session on giving bad news,
                which every new manager dreads and nobody teaches.

                Sam
                """,
            ),
        ),
        _note(
            116.8,
            "jess-morgan",
            """
            Jess has been coaching with Rosa for a couple of months. She says it's the first time
            someone has asked her what she wants her career to look like in five years, rather
            than what the team needs from her this quarter. Her answer, which surprised her: CRO.
            """,
        ),
        _meeting(
            14.5,
            "oliver-grant",
            "Monthly session with Oliver",
            """
            Monthly session. The board took the truth better than he feared; one board member
            thanked him for not sandbagging. We worked on his pipeline review again: he now opens
            with "what does this customer need from us this month".
            """,
        ),
        _meeting(
            5.5,
            "jess-morgan",
            "Halyard new-manager onboarding: pilot session",
            """
            Sat in on the pilot of Jess's new-manager onboarding. The three new managers wrote
            down each of their reps' goals in the reps' own words. One of them said she'd never
            been asked that by a manager herself. The session on giving bad news ran over because
            nobody wanted to stop.
            """,
        ),
        _note(
            8.3,
            "oliver-grant",
            """
            Oliver asked whether I'd extend the engagement for another six months. I'd like to,
            but first I want to ask him what he'd want to be different. He mentioned twice that
            he's exhausted; ask how he is, before we talk about scope. Owen's gig went well.
            """,
        ),
    ]


def _stratum() -> list[DemoInteraction]:
    return [
        *_thread(
            "elena-article",
            "Your piece on caring for customers",
            "elena-petrova",
            (
                "elena-petrova",
                346.2,
                """
                Dear Sam,

                I read your piece on "caring about customers versus caring for a customer" three
                times and then sent it to my whole team, which they will tell you I never do.

                I run customer success at Stratum Cloud in Berlin. We care *about* customers very
                efficiently: health scores, QBR templates, NPS. I am not sure any single customer
                feels cared *for*. Would you come and argue about this with my leadership team? We
                can pay, of course.

                Best regards,
                Elena Petrova
                """,
            ),
            (
                ME,
                345.5,
                """
                Dear Elena,

                What a generous note, thank you. I'd love to. Let's talk first, though: I'd like to
                understand what you've already tried and what your team thinks before I argue with
                anyone.

                Would a call on Tuesday or Wednesday suit?

                Sam
                """,
            ),
        ),
        _call(
            341.6,
            "elena-petrova",
            """
            First call with Elena. Sixty people in customer success; every account has a health
            score; nobody can name who at Stratum a given customer would call if things went
            wrong.
            """,
        ),
        _note(
            341.4,
            "elena-petrova",
            """
            Elena. What matters: every one of Stratum's top 200 customers has one named person
            who personally cares for them, and knows it.

            Why, in her words: "When I was a junior CSM, the CEO of my biggest customer told me I
            was the only person at our company who ever remembered his name. I was twenty-three. It
            was a very bad sign for the company, and a very good lesson for me."

            She is sceptical of anything that turns this into a metric. So am I.
            """,
        ),
        _meeting(
            302.7,
            "elena-petrova",
            "Workshop planning with Elena",
            """
            Video call to plan the workshop. We'll use three real customer stories from her team,
            not slides. She wants her managers in the room and her account executives too,
            because "sales hands the customer over like a parcel".
            """,
        ),
        _meeting(
            281.3,
            ("elena-petrova", "ananya-iyer", "tobias-brandt"),
            "Workshop: caring for customers — Stratum Cloud",
            """
            Full-day workshop in Berlin: CS managers, a few AEs, two product managers. The best
            moment was a CSM describing how she found out a customer's champion was on medical
            leave only because she asked about his daughter. Tobias (AE) pushed back hard on
            whether any of this scales; good, honest pushback. Ananya (PM, visiting from
            Bangalore) asked the sharpest questions of the day.
            """,
        ),
        *_thread(
            "tobias-workshop",
            "Thanks for the workshop + a question",
            "tobias-brandt",
            (
                "tobias-brandt",
                279.4,
                """
                Hello Sam,

                Thanks for Tuesday. I was the annoying one asking about scale. I still think the
                numbers are hard, but I tried your "what would make this a good year for you,
                personally" question on a renewal call yesterday and the customer talked for twenty
                minutes. I learned more than in the previous two years.

                Question: how do you do this with 60 accounts?

                Tobias
                """,
            ),
            (
                ME,
                278.8,
                """
                Hi Tobias,

                You weren't annoying, you were the most useful person in the room.

                With 60 accounts you don't do it with all 60 at once. Pick the five where you know
                least about the person, not the company, and ask that question at the next natural
                moment. Write down what they say in their words. Next quarter, five more. It
                compounds.

                Sam
                """,
            ),
        ),
        _meeting(
            271.5,
            "ananya-iyer",
            "Video call with Ananya",
            """
            Ananya stayed behind after the workshop and asked for half an hour. Call a week later
            about moving from product into a customer-facing role.
            """,
        ),
        _note(
            271.3,
            "ananya-iyer",
            """
            Ananya. Why she wants to move: "I make decisions about the product and six months
            later someone tells me a customer cried. I want to be in the room when it happens,
            not read about it in a ticket."

            Her worry: she's never carried a number and thinks sales people won't respect her.
            Suggested she shadow Tobias and two CSMs for a month before deciding anything.

            She and her partner Arjun are hoping to move to Berlin next year. Cat called Biryani.
            """,
        ),
        *_thread(
            "elena-coverage",
            "How would you structure named carers?",
            "elena-petrova",
            (
                "elena-petrova",
                221.8,
                """
                Sam,

                We agreed after the workshop that every top-200 customer gets one named person. Now
                the practical question: how do you assign them? By region? By product? Do CSMs pick?
                And what do we do about the customers nobody wants?

                Elena
                """,
            ),
            (
                ME,
                220.9,
                """
                Elena,

                Some thoughts, in order of how strongly I hold them:

                1. Let people choose first. Someone who already knows a customer's champion and
                   likes them will care for them better than anyone you assign.
                2. Then look at who nobody chose. Those are your most important customers to get
                   right, because nobody is looking after them. Assign them to your most
                   experienced people, and say thank you publicly.
                3. Cap it. Nobody can genuinely care for more than about fifteen people outside
                   their own team.
                4. Don't put it in the health score. Ask in the one-on-one: "tell me something
                   about your customers I don't know".

                Sam
                """,
            ),
        ),
        _call(
            201.3,
            "ananya-iyer",
            """
            Ananya rang with news: the Berlin relocation is approved. She, Arjun and Biryani move
            next month, and she'll join Elena's org as a solutions lead for a six-month trial,
            exactly the experiment we talked about. Nervous and excited. Told her to book the
            Anmeldung appointment the day she lands and to find one thing in the city that has
            nothing to do with work.
            """,
        ),
        _call(
            181.25,
            "elena-petrova",
            """
            Elena, six weeks into named carers. 186 of 200 customers chosen by someone; the 14
            nobody chose are now with her two most senior people. One of the 14 told his carer
            he'd been about to leave.
            """,
        ),
        _call(
            151.8,
            "ananya-iyer",
            """
            Ananya, six weeks in Berlin. Loves the solutions work, finds the pace of deals
            frustrating. Biryani has adapted better than Arjun. Found a Carnatic music group in
            Kreuzberg.
            """,
        ),
        _meeting(
            131.15,
            "elena-petrova",
            "Stratum QBR: named carers",
            """
            Joined Elena's quarterly business review for the named-carer programme. Customers with
            a named carer renew at a noticeably higher rate, but Elena refused to put the number on
            a slide ("the moment it's a metric, people will start caring for the metric").
            """,
        ),
        *_thread(
            "ananya-application",
            "Could you look over my application?",
            "ananya-iyer",
            (
                "ananya-iyer",
                103.7,
                """
                Hi Sam,

                A Director of Solutions role has opened internally. I'd like to apply, even though
                I'm probably not ready. Could you look over my application letter? It's one page.

                Ananya
                """,
            ),
            (
                ME,
                102.9,
                """
                Hi Ananya,

                Read it twice. It's good. Three suggestions:

                - Start with the customer story from your trial, the one where you caught the
                  renewal risk. It's the most convincing thing you've done.
                - Cut "I know I lack experience". Let them decide that.
                - Say what you'd do in the first 90 days, concretely.

                And apply whether or not you think you're ready. The people who think they're ready
                usually aren't.

                Sam
                """,
            ),
        ),
        _call(
            80.1,
            "ananya-iyer",
            """
            Ananya rang: she didn't get the Director role; they hired someone with ten years'
            experience. But Elena told her hers was the best application she read and gave her the
            renewal-risk programme to run as a stretch project. She was disappointed for about a
            day and is now excited. Thanked me for pushing her to apply.
            """,
        ),
        _call(
            39.5,
            "elena-petrova",
            """
            Quick call with Elena. The named-carer idea is spreading to sales: two AE teams now
            keep a named person for their top accounts after handover. Tobias volunteered to pilot
            it, of all people.

            At the end she offered, unprompted and with no strings, to be a sounding board for any
            of my founders who are building a customer success team. Maria is about to; ask her
            whether she'd like to talk to Elena.
            """,
        ),
        _note(
            29.8,
            "ananya-iyer",
            """
            Ananya's renewal-risk programme flagged six at-risk customers in its first month; five
            renewed. She's thinking about staying in customer-facing roles for good. Ask her in a
            couple of months whether she still wants the Director role or something else.
            """,
        ),
        _meeting(
            131.0,
            "ananya-iyer",
            "Coffee with Ananya in Berlin",
            """
            Coffee with Ananya in Kreuzberg after the Stratum review. She's enjoying the
            solutions work more than she expected and finding the customer calls "like getting
            the answers to a test I've been sitting for years". Arjun has found a job at a
            robotics startup. Biryani is fine.
            """,
        ),
        _meeting(
            18.3,
            ("elena-petrova", "tobias-brandt"),
            "Stratum: named-carer pilot for sales",
            """
            Video call with Elena and Tobias on the sales pilot of named carers. Tobias has kept
            the same named person on twelve accounts after handover; two of those customers have
            already brought him new projects. He said, a bit sheepishly, that he'd been wrong
            about scale. We didn't get to his discount question; he didn't bring it up.
            """,
        ),
        *_thread(
            "tobias-discount",
            "Discount for a reference?",
            "tobias-brandt",
            (
                "tobias-brandt",
                26.3,
                """
                Hi Sam,

                Quick question if you have a minute. A customer is offering to be a public
                reference if we give them 15% off the renewal. My manager says take it. It feels
                wrong to me but I can't say why. What do you think?

                Thanks,
                Tobias
                """,
            ),
        ),
        *_thread(
            "elena-offsite",
            "Would you speak at our CS offsite?",
            "elena-petrova",
            (
                "elena-petrova",
                10.4,
                """
                Sam,

                We're holding our first all-hands offsite for customer success in about four
                months, about 70 people near Potsdam. Would you give the opening talk? One hour,
                on anything you like, though I'd secretly like the story of the customers nobody
                chose.

                Elena
                """,
            ),
            (
                ME,
                9.9,
                """
                Elena, I'd love to. Let me check dates and I'll come back to you by Monday.

                Sam
                """,
            ),
        ),
    ]


def _open_shelf() -> list[DemoInteraction]:
    return [
        _meeting(
            361.4,
            "hannah-lindqvist",
            "Coffee with Hannah Lindqvist",
            """
            Coffee with Hannah after the book drive. She has a budget of $1.1M, three staff and
            forty volunteers, and distributes 60,000 books a year.
            """,
        ),
        _note(
            361.2,
            "hannah-lindqvist",
            """
            Hannah. Why Open Shelf: "I didn't own a book until I was nine. The first one was a
            Pippi Longstocking my teacher gave me because she'd seen me reading it in the library
            every break. I still have it."

            What she needs most right now is not money but someone to think with about the board.
            She hates galas ("rich people applauding themselves") and wants to fund Open Shelf
            through small recurring donors.
            """,
        ),
        _note(
            321.4,
            "hannah-lindqvist",
            """
            Hannah asked whether I'd join a small Open Shelf advisory council (four people, three
            meetings a year), and said an honest no would be completely fine. That sentence is
            the reason I said yes.
            """,
        ),
        *_thread(
            "intro-ruth",
            "Introduction: Ruth Abernathy, our board chair",
            ("hannah-lindqvist", "ruth-abernathy"),
            (
                "hannah-lindqvist",
                318.5,
                """
                Sam, Ruth,

                Ruth chairs our board and is the reason we survived our first five years. Sam is
                joining the advisory council. You two should meet before the first council meeting.

                Hannah
                """,
            ),
            (
                ME,
                317.9,
                """
                Thank you, Hannah (to bcc).

                Ruth, I'm very glad to meet you. Hannah says you like to meet at the warehouse;
                I'm free any morning next week and will bring a sweater.

                Sam
                """,
            ),
        ),
        _meeting(
            314.6,
            "ruth-abernathy",
            "Coffee with Ruth at the Open Shelf warehouse",
            """
            Coffee with Ruth among the book pallets, both of us in coats. She asked
            me why I'd said yes to Hannah. I said because Hannah asked for an honest no. She
            nodded as if I'd passed a test I didn't know I was sitting.
            """,
        ),
        _meeting(
            291.4,
            ("hannah-lindqvist", "ruth-abernathy"),
            "Open Shelf advisory council #1",
            """
            First advisory council meeting. Main topic: a long-range plan to double the number of
            kids reached in three years. Lots of energy, not much realism about staff. Ruth asked
            one question: "Who is going to do this, by name?" Silence, then the real conversation.
            """,
        ),
        *_thread(
            "hannah-donor",
            "A donor with strings",
            "hannah-lindqvist",
            (
                "hannah-lindqvist",
                252.3,
                """
                Sam,

                I need advice. A local businessman has offered $250,000, which is almost a quarter
                of our budget. In return he wants the new reading room named after his company and
                "input" on which books we distribute. He's already sent a list. It includes some
                books I would not give to a child.

                Ruth says it's my call. I don't know what my call is.

                Hannah
                """,
            ),
            (
                ME,
                251.6,
                """
                Hannah,

                Naming rights are one thing. Lots of good organisations name rooms. Input on the
                books is something else: that's him buying the thing Open Shelf exists to protect,
                which is children getting books chosen for them, not for a sponsor.

                A way to hold the line without being rude: thank him, accept the naming if you're
                comfortable with it, and say plainly that book selection stays with your librarians
                and isn't part of any gift. If the money disappears when you say that, it was never
                a gift. It was a purchase.

                Whatever you decide, I'm glad you asked before deciding. Call me if you want to
                rehearse the conversation.

                Sam
                """,
            ),
            (
                "hannah-lindqvist",
                248.9,
                """
                I said exactly that. He withdrew the offer. Ruth took me to lunch and said she was
                proud of me. I feel sick and also great.

                H
                """,
            ),
            (
                ME,
                248.4,
                """
                Hannah, Ruth is right. You protected the thing Open Shelf exists for, and you did
                it politely. Feeling sick is the price of doing it the first time; it gets easier.
                The right donors will hear about this, in the best way.

                Sam
                """,
            ),
        ),
        _call(
            183.6,
            "hannah-lindqvist",
            """
            Hannah sounded worn out. Two staff off sick, the warehouse roof leaked on 3,000 books,
            and her mum in Uppsala has had a fall. She's flying home for ten days. We didn't talk
            about Open Shelf much, which I think was the point.
            """,
        ),
        _note(
            183.4,
            "hannah-lindqvist",
            """
            Hannah's mum (Birgitta) had a fall in Uppsala, broke her wrist. Hannah flies home on
            Friday. Ask how her mum is healing. Hannah's birthday is 3 February; she told me she
            spent the last one at the warehouse.
            """,
        ),
        _meeting(
            131.9,
            ("hannah-lindqvist", "ruth-abernathy"),
            "Open Shelf advisory council #2",
            """
            Second council meeting. The monthly-donor programme has 640 people giving an average of
            $18 a month. No galas. Hannah glowing. Ruth proposed that the reading room be named
            after the volunteer who has sorted books every Saturday for eleven years.
            """,
        ),
        _note(
            129.7,
            "ruth-abernathy",
            """
            Ruth: retired from the bench four years ago. What matters to her: Open Shelf outlasting
            Hannah and her. "Founders leave. Good organisations don't notice." She wants a
            succession plan and a reserve fund, and she is patient about both.

            Her grandson is starting law school; she is pretending not to be thrilled.
            """,
        ),
        *_thread(
            "hannah-foundations",
            "Family foundations?",
            "hannah-lindqvist",
            (
                "hannah-lindqvist",
                75.6,
                """
                Hi Sam,

                Ruth and I want to build a reserve fund. Do you know anyone at family foundations
                who fund literacy or early childhood? Not for a pitch, just to learn how they think.

                Hannah
                """,
            ),
            (
                ME,
                74.8,
                """
                Hi Hannah,

                I know a few, and I know people who know more. I'll put together a short list of
                foundation contacts by the end of the month, and I'll ask each of them first
                whether they're open to a conversation, so you're not sending cold emails.

                Sam
                """,
            ),
        ),
        *_thread(
            "hannah-10000",
            "10,000 books",
            "hannah-lindqvist",
            (
                "hannah-lindqvist",
                34.55,
                """
                Sam, the weekend drive just passed 10,000 books in a single weekend. A record. One
                volunteer brought her daughter, who got her first Pippi Longstocking from us three
                years ago and came back to sort books. I had to go and sit in the car for a minute.

                H
                """,
            ),
            (
                ME,
                34.1,
                """
                Hannah, that's the best email I've had all month. Congratulations to you and every
                one of those volunteers.

                Sam
                """,
            ),
        ),
        _meeting(
            16.2,
            ("hannah-lindqvist", "ruth-abernathy"),
            "Open Shelf advisory council #3",
            """
            Third council meeting. The reserve fund now has a target (six months of costs) and a
            name. Hannah's mum's wrist has healed and she's back at her choir in Uppsala. Ruth
            asked me, kindly, how the foundation list was coming along. Honest answer: it isn't
            yet.
            """,
        ),
        _note(
            12.7,
            "tobias-brandt",
            """
            Still haven't answered Tobias's question about the discount in exchange for a public
            reference (two weeks now). He didn't mention it on the call, which probably means he
            thinks I forgot. My view, to write to him: a reference that's paid for isn't a
            reference; offer the discount or ask for the reference, never one for the other.
            """,
        ),
        _note(
            5.6,
            "hannah-lindqvist",
            """
            I told Hannah I'd have the list of foundation contacts by the end of last month, and
            it's late. Ask Rosa and Vikram who they know at family foundations this week, then
            write to Hannah with what I have and a new date, even if the list is short.
            """,
        ),
    ]


def _kenji_and_diego() -> list[DemoInteraction]:
    return [
        *_thread(
            "kenji-article",
            "A question about your article on trust",
            "kenji-watanabe",
            (
                "kenji-watanabe",
                356.6,
                """
                Dear Mr Okafor,

                I am a professor of organisational behaviour at the Osaka Institute of Management.
                I cited your article on "trust without a ledger" in a recent paper, and I want to
                be sure I have represented your argument fairly. I wrote that you distinguish trust
                that is earned through exchange from trust that is extended before any exchange.
                Is this a fair summary?

                With respect,
                Kenji Watanabe
                """,
            ),
            (
                ME,
                355.8,
                """
                Dear Professor Watanabe,

                Please call me Sam. That's a fair summary, and frankly clearer than the article.
                I'd add that I think the second kind is the only kind that survives a bad year.

                I'd love to read the paper if you're able to share it.

                Sam
                """,
            ),
        ),
        _meeting(
            302.4,
            "kenji-watanabe",
            "Video call with Kenji",
            """
            Kenji is studying long supplier relationships among small manufacturers in Osaka:
            firms that kept buying from their suppliers through the 2011 supply crisis even when
            cheaper options existed. The ones that did had stronger recoveries. He played me
            thirty seconds of shakuhachi at the end, unprompted. It was not good. He was delighted.

            He asked if I'd give an online guest lecture to his MBA class next term. Said yes,
            and asked him to spend the honorarium on the students' coffee.
            """,
        ),
        _meeting(
            191.5,
            ("kenji-watanabe", "diego-morales"),
            "Guest lecture: Osaka Institute of Management (online)",
            """
            Guest lecture for Kenji's MBA class. Good discussion on whether genuine care can be
            taught in a sales organisation. Diego Morales (from Medellín) asked whether caring
            for customers is a luxury for companies that already have money. Hard, fair question.
            Promised Kenji the slides afterwards.
            """,
        ),
        *_thread(
            "kenji-slides",
            "Slides from the lecture",
            "kenji-watanabe",
            (
                ME,
                190.6,
                """
                Kenji, the slides as promised, plus the two readings I mentioned. Thank you for
                having me; your students are wonderful.

                Sam
                """,
            ),
        ),
        *_thread(
            "diego-20min",
            "Could we talk for 20 minutes?",
            "diego-morales",
            (
                "diego-morales",
                188.7,
                """
                Dear Sam,

                I asked the question about caring being a luxury. I'm sorry if it was rude. I
                asked because I want to go back to Medellín after the MBA and build a B2B software
                company, and everyone tells me I'll have to sell on price to survive.

                Could we talk for 20 minutes sometime? I would be very grateful.

                Diego
                """,
            ),
            (
                ME,
                188.1,
                """
                Diego, it wasn't rude; it was the best question of the day. Yes, let's talk. Friday
                at 5pm Osaka time?

                Sam
                """,
            ),
        ),
        _call(
            181.4,
            "diego-morales",
            """
            Call with Diego about building B2B sales in Colombia.
            """,
        ),
        _note(
            181.2,
            "diego-morales",
            """
            Diego. What matters: building a company in Medellín that his younger brothers could
            work at. Why: his father's print shop closed when a big supplier undercut everyone,
            and nobody in the neighbourhood had anywhere good to work after that.

            I said I'd connect him with someone who's built B2B sales in Colombia. I don't know
            anyone directly; ask Lucía (Buenos Aires) and Tomás (about to move to Mexico City).
            """,
        ),
        _note(
            63.1,
            "kenji-watanabe",
            """
            Kenji's supplier-relationship paper has been accepted. He asked, belatedly and very
            politely, whether he could quote our conversation; of course. The finding stands:
            firms that kept their suppliers through the crisis recovered faster. Still playing the
            shakuhachi every evening; his neighbours have stopped complaining, "which I interpret
            as progress".
            """,
        ),
        *_thread(
            "diego-checkin",
            "Checking in",
            "diego-morales",
            (
                "diego-morales",
                45.8,
                """
                Hi Sam,

                I hope you are well. I'm finishing the MBA in three months and starting to plan the
                move home. If you found anyone who has built B2B sales in Colombia, I would be very
                happy to talk to them. If not, no problem at all.

                Diego
                """,
            ),
            (
                ME,
                44.9,
                """
                Hi Diego,

                I haven't forgotten, and I'm sorry it's taking so long. I've asked two friends in
                Latin America and I'm waiting to hear back from one of them. I'll write as soon as I
                have a name.

                Sam
                """,
            ),
        ),
    ]


def _rachel() -> list[DemoInteraction]:
    return [
        *_thread(
            "rachel-churn",
            "Interview request: why sales teams churn",
            "rachel-goldberg",
            (
                "rachel-goldberg",
                231.4,
                """
                Hi Sam,

                I'm a reporter at The Ledger Weekly, working on a piece about why salespeople
                leave jobs so quickly (median tenure is now well under two years at many software
                companies). A couple of people I spoke to mentioned your newsletter.

                Would you have 30 minutes for an interview this week or next? On the record, but
                I'll check every quote with you before we publish.

                Rachel Goldberg
                """,
            ),
            (
                ME,
                230.8,
                """
                Hi Rachel,

                Happy to. Thursday at 11am Eastern works. I'll try to be useful rather than
                quotable.

                Sam
                """,
            ),
        ),
        _call(
            226.6,
            "rachel-goldberg",
            """
            Interview with Rachel for the churn piece. Good questions, especially "who do
            salespeople tell when they're about to quit?". I quoted an 18-month tenure figure from
            memory and said I'd check it and send the source.
            """,
            subject="Ledger Weekly interview",
        ),
        _note(
            226.4,
            "rachel-goldberg",
            """
            Rachel is writing a book about loneliness at work. Why, in her words: "I spent six
            years as a remote reporter and realised I hadn't had lunch with a colleague in
            eighteen months. Nobody noticed, including me."

            She takes the train to the Catskills most weekends to hike.
            """,
        ),
        *_thread(
            "rachel-source",
            "The tenure figure",
            "rachel-goldberg",
            (
                ME,
                224.5,
                """
                Hi Rachel,

                As promised, I checked the tenure figure. I was slightly wrong: the survey I was
                thinking of says median tenure for software AEs is about 19 months, not 18, and it
                excludes people who left in their first 90 days, so the real number is lower. Link
                and methodology note below.

                Sam
                """,
            ),
            (
                "rachel-goldberg",
                222.9,
                """
                Thank you for checking, most people don't. I'll send you the quotes to check before
                we publish, probably Wednesday.

                Rachel
                """,
            ),
            (
                "rachel-goldberg",
                206.3,
                """
                Hi Sam, here are your four quotes as they'll appear. Anything you'd like to correct?

                Rachel
                """,
            ),
            (
                ME,
                205.8,
                """
                All accurate. One small thing: in the third quote I said "managers who keep score",
                not "managers who keep scores". It matters to me, if it's not too late.

                Sam
                """,
            ),
        ),
        *_thread(
            "rachel-loneliness",
            "Another interview? Loneliness at work",
            "rachel-goldberg",
            (
                "rachel-goldberg",
                40.6,
                """
                Hi Sam,

                I'm working on a longer piece (and a book chapter) on loneliness in sales jobs:
                the travel, the quota, the feeling that everyone is a transaction. Could I
                interview you again? And do you know any sales managers who'd talk candidly,
                maybe anonymously, about what it's like?

                Rachel
                """,
            ),
            (
                ME,
                39.9,
                """
                Hi Rachel,

                Yes to the interview. For managers, I can think of two people who might be willing,
                but I'll ask them first and only pass on names if they say yes.

                Sam
                """,
            ),
            (
                "rachel-goldberg",
                36.2,
                """
                Perfect. I'll send you the questions ahead of time so you can think about them.

                Rachel
                """,
            ),
        ),
    ]


def _neighbours_and_friends() -> list[DemoInteraction]:
    return [
        _note(
            341.9,
            "dan-mcallister",
            """
            Dan told me over the fence about his heart scare last year: a stent at 51, "the
            cardiologist said I could either take up running or take up being dead". He's now
            running four mornings a week and has signed up for a marathon in Sacramento, about
            seven months away. His goal is to finish, "preferably upright".
            """,
        ),
        _note(
            261.2,
            "dan-mcallister",
            """
            Biscuit got under the fence again and ate the last of the tomatoes. Dan came round
            with a bag of apologies and a bag of his own tomatoes, which are better than mine.
            Carys is back at college in Eugene; he misses her more than he lets on.
            """,
        ),
        _note(
            148.8,
            "dan-mcallister",
            """
            Dan did his 20-mile training run today. Waved at him from the porch at mile 19. Race is
            in three weeks. Carys is flying home from Oregon to watch. Make him a lasagne for the
            night after.
            """,
        ),
        *_thread(
            "dan-marathon",
            "I did it",
            "dan-mcallister",
            (
                "dan-mcallister",
                125.4,
                """
                Finished! 4:41:12. Cried at mile 24 when I saw Carys holding a sign that said "DAD
                IS NOT DEAD". Legs destroyed. Can't do stairs.

                Dan
                """,
            ),
            (
                ME,
                125.1,
                """
                Dan, that's incredible. Congratulations. There's a lasagne on your porch; don't try
                to come down the steps to get it, I'll bring it in.
                """,
            ),
        ),
        _call(
            66.9,
            "dan-mcallister",
            """
            Dan rang to ask if I'd water his tomatoes while he and Carys visit her grandmother in
            Medford. Of course. He's thinking about a second marathon; Carys says he'd better not.
            """,
        ),
        *_thread(
            "dan-ladder",
            "Ladder?",
            "dan-mcallister",
            (
                "dan-mcallister",
                8.6,
                """
                Can I borrow your long ladder on Saturday? Gutters. Will return it this time, I
                promise (I still have your hedge trimmer, don't I).
                """,
            ),
            (
                ME,
                8.4,
                """
                Of course, it's in the side yard. Keep the hedge trimmer, you use it more than I do.
                """,
            ),
        ),
        _call(
            386.8,
            "gwen-olsen",
            """
            Two hours on the phone with Gwen, which is a record given how much she hates the phone.
            Her mum's diagnosis is confirmed: Alzheimer's, early stage. Gwen's brother lives in
            Singapore so it's all on her. She laughed about it, then didn't.
            """,
        ),
        _note(
            386.6,
            "gwen-olsen",
            """
            Gwen. What matters right now: keeping her mum at home for as long as it's safe, and
            still finishing the picture book for her publisher. Why the book matters too, in her
            words: "If I stop drawing I'll turn into a full-time problem solver, and I'll be no use
            to Mum or anyone."

            She prefers letters to calls. Write her a proper long email, not texts.
            """,
        ),
        *_thread(
            "gwen-letters",
            "A proper letter",
            "gwen-olsen",
            (
                ME,
                302.6,
                """
                Dear Gwen,

                As ordered, a proper letter.

                It's raining in Oakland, which it never does, and Dan-next-door's dog has eaten a
                whole sourdough loaf off our counter. I've been travelling too much: Dublin,
                Boston, Minneapolis. I keep meeting people who are doing brave, slightly daft
                things for good reasons, and I keep thinking of you.

                How is your mum? How is the book? Did the publisher accept the cat on page 14 or
                did you have to fight for it?

                I was going through an old box and found the fridge cartoon you drew of me in our
                second year, the one with the enormous eyebrows. It's on my desk now.

                Love,
                Sam
                """,
            ),
            (
                "gwen-olsen",
                291.2,
                """
                Dear Sam,

                Your letter made my week. I read it on the bus to Mum's and then again in the car
                park before going in.

                Mum is mostly herself in the mornings and mostly not in the evenings. She thinks
                I'm her sister about half the time, which is fine; she liked her sister. The
                carers come three days a week now. I've stopped feeling guilty about that, mostly.

                The cat on page 14 survived. I fought. The editor said "is it essential?" and I
                said "it's the only essential thing in the book", and she laughed and kept it.

                The eyebrows were accurate. I stand by them.

                Love, and write again,
                Gwen
                """,
            ),
            (
                ME,
                288.7,
                """
                Dear Gwen,

                Hurrah for the cat. I'm glad your mum has her good mornings, and that you've
                stopped feeling guilty about the carers. You shouldn't have felt it to begin with,
                but I know saying that doesn't help.

                Short reply this time because I'm at an airport, but a proper one will follow, and
                I'm coming up to Portland soon whether you like it or not.

                Love,
                Sam
                """,
            ),
        ),
        _note(
            201.4,
            "gwen-olsen",
            """
            Gwen's birthday: 14 March. Send a real card, on paper, and a book she won't have heard
            of. She said last year that no one had sent her a card in years.
            """,
        ),
        _note(
            189.3,
            "gwen-olsen",
            """
            Gwen's book exists! She sent a photo of herself holding the first copy in the
            publisher's loading dock "like a lunatic". The cat is on page 14. Ordered three
            copies: one for Dan's daughter, one for Open Shelf, one for me. Wrote back straight
            away to say how much I love it.
            """,
        ),
        _meeting(
            44.5,
            "gwen-olsen",
            "Weekend in Portland with Gwen",
            """
            Flew up for the weekend, as promised. We walked for hours in Forest Park, ate too much
            at the Thai place she's loved since college, and visited her mum at the care home. She
            was having a good day and told me three times that Gwen drew the best horses in her
            class. Gwen showed me the sketches for the next book: a cat again, older this time.
            """,
        ),
        _call(
            101.6,
            "gwen-olsen",
            """
            Gwen rang, which means something is wrong. Her mum moved into a memory-care home this
            week after a night-time fall. Gwen is exhausted and relieved and feels terrible about
            feeling relieved. Mostly I listened. Said I'd fly up for a weekend whenever she wants
            company; she said maybe in a couple of months.
            """,
        ),
        *_thread(
            "gwen-call",
            "Short version",
            "gwen-olsen",
            (
                "gwen-olsen",
                22.4,
                """
                Sam,

                Long letter coming. Short version: I'm OK, Mum is settled, and I've been asked to
                illustrate a whole series, which is both wonderful and terrifying.

                Could you call me when you have an evening? I know I hate the phone. I'd like to
                hear your voice anyway.

                G
                """,
            ),
        ),
        *_thread(
            "james-letters",
            "Greetings from the garden",
            "james-oconnor",
            (
                "james-oconnor",
                376.3,
                """
                Dear Sam,

                The roses have survived another year of Dublin weather, which is more than can be
                said for my knees. Maeve sends her love. Our granddaughter Aoife has started
                school and has already been sent home for arguing with a teacher about dinosaurs.
                She gets that from her grandmother.

                I hear from Sofia that you're doing well and working too hard. Both can be true.

                Yours,
                James
                """,
            ),
            (
                ME,
                375.4,
                """
                Dear James,

                Lovely to hear from you. Please tell Aoife that arguing about dinosaurs is a noble
                tradition and she should never stop.

                Sofia is right on both counts. I'll be in Dublin next month for a client, and I'd
                love to take you and Maeve to lunch, if you'll let me pay this time.

                Love to you both,
                Sam
                """,
            ),
        ),
        _note(
            374.9,
            "james-oconnor",
            """
            James turns 70 this year; his birthday is 2 May. Maeve is planning a party at the
            rugby club. Ask Sofia if she's going.

            Something he said to me in my first year that I still use: "Answer every letter,
            Sam. The ones that annoy you most are usually from people who had no one else to ask."
            """,
        ),
        _meeting(
            327.5,
            "james-oconnor",
            "Lunch with James and Maeve (Dublin)",
            """
            Lunch in Howth with James and Maeve. He's slower on his feet but sharp as ever. He
            asked what I was proudest of this year and wouldn't accept "the work" as an answer.
            I said Tomás. He nodded like that was the right answer.
            """,
        ),
        _note(
            327.3,
            "james-oconnor",
            """
            James is worried about Maeve: she's been having tests for her heart and they're
            waiting on results. He didn't want to talk about it at lunch, mentioned it on the walk
            to the car. Ask gently next time, don't make a big thing of it.
            """,
        ),
        *_thread(
            "james-birthday",
            "Seventy",
            "james-oconnor",
            (
                ME,
                232.2,
                """
                Dear James,

                Happy 70th birthday. I'm sorry I couldn't be at the rugby club; Sofia promised to
                send photos and I'm holding her to it.

                Seventy is a good age to be told something you may not know: you're the reason I
                answer every letter. I've passed it on to at least a dozen people, some of whom
                have passed it on. So it's probably a few hundred letters by now.

                Love to Maeve. How are her tests?

                Sam
                """,
            ),
            (
                "james-oconnor",
                229.6,
                """
                Dear Sam,

                That is the nicest thing anyone said to me this birthday, and Aoife made me a card
                with a dinosaur on it, so the competition was stiff.

                Maeve's results were fine: a valve that needs watching, nothing more. She sends
                her love and says you're to come back soon.

                James
                """,
            ),
            (
                ME,
                229.1,
                """
                Dear James, that's a great relief about Maeve. Give her my love, and tell Aoife her
                dinosaur is the best birthday card I've ever heard of.

                Sam
                """,
            ),
        ),
        _call(
            97.3,
            "james-oconnor",
            """
            Called James for no reason. He's in the choir's big concert next month and is
            "magnificently under-rehearsed". Maeve's valve is being watched, no change. He asked
            about Tomás by name. Mentioned he's been a bit lonely since his friend Declan died;
            the choir helps.
            """,
        ),
        _note(
            96.9,
            "james-oconnor",
            """
            Call James every month or so, not just when something happens. Declan (his oldest
            friend) died a few months ago.
            """,
        ),
        *_thread(
            "sofia-referral",
            "A client for you (no finder's fee, don't you dare)",
            "sofia-rossi",
            (
                "sofia-rossi",
                262.3,
                """
                Ciao Sam,

                A family textile company near Como asked me to help with pricing, but their real
                problem is their sales team: three agents who have sold the same way since 1989.
                That's you, not me. I gave them your name.

                No finder's fee. If you send me one, I'll spend it on a very expensive bicycle part
                and tell everyone it was from you.

                Sofia
                """,
            ),
            (
                ME,
                261.7,
                """
                Sofia, thank you. That's very generous, and I won't insult you with a fee. I'll
                give them a call this week, and I'll tell you how it goes.

                Sam
                """,
            ),
        ),
        _call(
            331.8,
            "sofia-rossi",
            """
            Catch-up with Sofia. She's raised her prices for the first time in five years and lost
            no clients, which she finds personally offensive. Giulia has had knee surgery.
            """,
        ),
        _meeting(
            233.6,
            "sofia-rossi",
            "Dinner with Sofia and Giulia (Milan)",
            """
            Dinner at their flat in Milan. Giulia's knee has healed and they rode the Stelvio last
            month, slowly, with wine at the top as promised. Sofia briefed me on the Como family
            over dessert: the founder's son wants to change everything, the three agents want to
            change nothing, and both are partly right.
            """,
        ),
        *_thread(
            "sofia-como-thanks",
            "Como",
            "sofia-rossi",
            (
                ME,
                203.8,
                """
                Sofia,

                The Como engagement finished last week. The three agents now meet every Monday to
                share what they've heard from customers, which apparently has never happened in 35
                years, and one of them cried when a customer he'd served for twenty years sent
                flowers after his retirement announcement.

                None of that happens without you. Thank you for thinking of me.

                Sam
                """,
            ),
            (
                "sofia-rossi",
                202.4,
                """
                This made me so happy. Now go and pass someone else's name around; that's the only
                thank-you I accept.

                S
                """,
            ),
        ),
        *_thread(
            "sofia-news",
            "Personal news",
            "sofia-rossi",
            (
                "sofia-rossi",
                35.3,
                """
                Sam! Giulia and I are getting married. In the summer, in the Dolomites, obviously.
                You'll get a real invitation, but I wanted you to know first-ish. You're on the
                list of people I want there, not the list of people I should invite.

                S
                """,
            ),
            (
                ME,
                34.9,
                """
                Sofia, that's the best news! Congratulations to you both. I'll be there, even if I
                have to cycle up.

                Sam
                """,
            ),
        ),
        _note(
            34.7,
            "sofia-rossi",
            """
            Sofia and Giulia getting married next summer in the Dolomites. Don't send a gift from
            a registry; Sofia would hate that. Something for the bikes, or a donation to the
            mountain rescue service they both care about.
            """,
        ),
    ]


def _pitches() -> list[DemoInteraction]:
    return [
        *_thread(
            "pipewise",
            "Quick question, Sam",
            "brad-kessler",
            (
                "brad-kessler",
                70.3,
                """
                Hi Sam,

                I came across your profile and was really impressed by your background. We have
                a lot of connections in common! I'd love to learn more about your advisory
                practice and how I can help you grow it.

                By the way, Pipewise helps consultants like you automate follow-ups and triple
                their pipeline in 90 days. Would you have 15 minutes next week for a quick call?
                How does Tuesday or Wednesday look?

                Best,
                Brad Kessler
                Account Executive, Pipewise
                """,
            ),
            (
                ME,
                68.9,
                """
                Hi Brad,

                Thanks for getting in touch. I'm not looking for a pipeline tool, and I'd rather
                not automate my follow-ups: they're the part of the work I most want to do
                myself. So I'll pass on the call, but good luck with it.

                Sam
                """,
            ),
            (
                "brad-kessler",
                55.4,
                """
                Hi Sam,

                Just bumping this to the top of your inbox! I know things get busy. Many of our
                customers said the same thing before seeing the demo. 15 minutes is all I need.

                Brad
                """,
            ),
            (
                "brad-kessler",
                34.6,
                """
                Hi Sam,

                I haven't heard back, so I'm guessing either you're swamped or this isn't a
                priority. Should I close your file? Reply with a 1, 2 or 3:

                1. Not interested
                2. Interested, but not right now
                3. Help, I'm being held hostage by spreadsheets

                Brad
                """,
            ),
        ),
        *_thread(
            "leadloom",
            "Congrats on the newsletter!",
            "chloe-dubois",
            (
                "chloe-dubois",
                163.2,
                """
                Hi Sam,

                Congrats on your newsletter, I've been loving it! I'm reaching out because I'd love
                to help you grow your audience. I see so much potential.

                At LeadLoom we turn newsletter readers into qualified leads with AI-powered
                scoring. Could we grab 15 minutes next week so I can show you how it works?

                Chloé
                """,
            ),
            (
                ME,
                162.6,
                """
                Hi Chloé,

                Thank you, and thanks for the offer to help. What would actually be most helpful to
                me right now is understanding your side: what are the biggest challenges your own
                customers face after they buy LeadLoom? What do they struggle with in the first
                six months? I write about that kind of thing and would love to learn.

                Sam
                """,
            ),
            (
                "chloe-dubois",
                161.4,
                """
                Oh! Great question. Honestly I think the best way to understand that would be to
                see a demo. I can show you our customer dashboards. Does Thursday at 10 work?

                Chloé
                """,
            ),
            (
                ME,
                160.9,
                """
                Thanks Chloé, I'll pass on the demo. If you ever want to talk about what your
                customers find hard, with no product in the room, I'm happy to. All the best.

                Sam
                """,
            ),
        ),
        *_thread(
            "victor-share",
            "Your post / my book",
            "victor-nakamura",
            (
                "victor-nakamura",
                140.3,
                """
                Hey Sam,

                I shared your post on discovery calls with my 40k followers last week (you're
                welcome!). I expected you'd share my book launch post in return, but I haven't seen
                it on your feed yet. That's kind of how this works, right? Can I count on you this
                week?

                Victor
                """,
            ),
            (
                ME,
                139.6,
                """
                Hi Victor,

                Thank you for sharing the post; I'm glad you found it worth passing on.

                I only share things I've read and would recommend to the people who follow me, and
                I haven't read the book yet. If I read it and think it'll help them, I'll share it
                gladly. If I don't, I won't, and I hope you'd do the same with my stuff: please
                never share anything of mine as a trade.

                No hard feelings either way. How did the launch go?

                Sam
                """,
            ),
            (
                "victor-nakamura",
                131.2,
                """
                Fair enough. Honestly, I've been in a mastermind group where everyone shares
                everyone's stuff and I forgot that's not normal. Sending you a copy of the book.
                Tell me what you actually think.

                V
                """,
            ),
            (
                ME,
                109.2,
                """
                Victor,

                I've read the book, as promised. Chapter 4, on researching a person before you
                contact them, is genuinely good, better than anything I've written on it, and I've
                shared it with a note saying why. I'd drop the cold-call scripts in chapters 6 and
                7; I think they undo what chapter 4 does. You knew I'd say that.

                Thanks for sending it.
                Sam
                """,
            ),
        ),
        _note(
            109.4,
            "victor-nakamura",
            """
            Read Victor's book on the flight back from Toronto. Chapter 4, on researching a
            person before contacting them, is genuinely good, better than anything I've written on
            it. The script chapters I'd skip. Shared chapter 4 with a note saying why, because I'd
            recommend it to anyone starting out. Will tell Victor which parts I disagreed with.
            """,
        ),
        *_thread(
            "kelly-endorse",
            "Returning the favour?",
            "kelly-brennan",
            (
                "kelly-brennan",
                48.2,
                """
                Hi Sam!

                I just endorsed you for Sales Strategy and Consulting! Would you return the favour
                and write me a recommendation on my profile? I've drafted one you can just copy and
                paste (below). Happy to write one for you in return!

                Kelly
                """,
            ),
            (
                ME,
                47.6,
                """
                Hi Kelly,

                Thanks for the endorsement, that's kind. I only write recommendations for people
                I've actually worked with, and since we've never met I couldn't write one honestly.
                If we ever work together, I'd be glad to.

                All the best,
                Sam
                """,
            ),
        ),
    ]


def _kestrel() -> list[DemoInteraction]:
    return [
        _call(
            366.2,
            "aisha-bello",
            """
            Catch-up with Aisha. Kestrel now runs eleven clinics across Lagos and Ibadan. She's
            fighting with a payer over reimbursement and enjoying it far too much.
            """,
        ),
        _note(
            366.0,
            "aisha-bello",
            """
            Aisha. What matters: a clinic within a 20-minute walk of every family in the areas they
            serve. Why, in her words: "My aunt walked two hours with a fever to a clinic that had
            run out of the medicine. I was twelve and I carried her bag. I'm still angry."
            """,
        ),
        *_thread(
            "aisha-pregnant",
            "News from Lagos",
            "aisha-bello",
            (
                "aisha-bello",
                298.6,
                """
                Sam!

                Tunde and I are having a baby, due in about three months. I'm telling a small list
                of people before the rest of the world, and you're on it because you're the one
                who made me eat lunch when we were 24 and stupid.

                I'm craving suya at 6am. Tunde is being a saint about it.

                A
                """,
            ),
            (
                ME,
                298.1,
                """
                Aisha, that's wonderful news. I'm so happy for you both. Tunde is going to be an
                excellent, very anxious father.

                Eat all the suya. Kestrel can survive a few months of you being less than
                superhuman, even if you can't believe that.

                Sam
                """,
            ),
        ),
        _note(
            229.35,
            "aisha-bello",
            """
            Aisha's baby due in about a month. She's stepping back from Kestrel for six months;
            Mei-Lin and the COO-in-waiting will cover. Send something for the baby when it
            arrives: the board-book set from Open Shelf's list, not clothes.
            """,
        ),
        *_thread(
            "aisha-zainab",
            "Zainab",
            "aisha-bello",
            (
                "aisha-bello",
                199.8,
                """
                She's here. Zainab Oluwaseun Bello-Adeyinka, 3.2kg, born Tuesday at 4am with a
                full head of hair and strong opinions. Photo attached. Everyone is well and nobody
                is sleeping.

                A
                """,
            ),
            (
                ME,
                199.3,
                """
                Aisha, she's perfect. Welcome to the world, Zainab. Congratulations to you and
                Tunde.

                Something is on its way to you for her; it's from a literacy charity I work with,
                so she'll be reading before she's walking. No need to reply to this; sleep instead.

                Sam
                """,
            ),
        ),
        *_thread(
            "intro-mei-lin",
            "Meet Mei-Lin, our new Head of Partnerships",
            ("aisha-bello", "mei-lin-zhou"),
            (
                "aisha-bello",
                151.3,
                """
                Sam, Mei-Lin,

                Writing this with a baby asleep on me, so briefly. Mei-Lin joined as our Head of
                Partnerships and is building our work with pharma distributors in Asia. Sam is my
                oldest friend from consulting and knows more about partnership sales than anyone I
                know. Please talk.

                A
                """,
            ),
            (
                ME,
                150.2,
                """
                Thank you, Aisha (go back to sleep).

                Hi Mei-Lin, welcome to Kestrel. I'd love to talk. How about Tuesday at 6pm Pacific,
                which I think is Wednesday morning for you? If that doesn't work, send me a time
                that does.

                Sam
                """,
            ),
        ),
        _call(
            146.6,
            "mei-lin-zhou",
            """
            First call with Mei-Lin. She's negotiating with a big distributor who wants
            exclusivity across four countries in exchange for a discount that would sink Kestrel's
            margins.
            """,
        ),
        _note(
            146.4,
            "mei-lin-zhou",
            """
            Mei-Lin. Left pharma because she "spent ten years making partnerships that were good
            for the quarter and bad for patients". What matters: partners who'll still be there
            in five years. Learning Yoruba on an app so she can follow Aisha's asides in meetings.
            """,
        ),
        *_thread(
            "mei-lin-workshop",
            "A session in Singapore?",
            "mei-lin-zhou",
            (
                ME,
                52.4,
                """
                Hi Mei-Lin,

                I'll be in Singapore for a few days in two months' time. Would it be useful for
                Kestrel if I ran a small session on partner management for your team while I'm
                there? No fee; I'd enjoy it.

                Sam
                """,
            ),
            (
                "mei-lin-zhou",
                50.6,
                """
                That's a very generous offer. I'll check with Aisha whether we can host it and come
                back to you by Friday.

                Mei-Lin
                """,
            ),
        ),
        *_thread(
            "aisha-deal",
            "Back at work, and stuck",
            "aisha-bello",
            (
                "aisha-bello",
                12.6,
                """
                Sam,

                I'm back at work this week. Zainab crawls at top speed and has decided she hates
                socks.

                I'm stuck on a partner deal: a state government wants to fund ten new clinics but
                insists on choosing the locations, and their list is, shall we say, politically
                convenient. Do you have 30 minutes this week?

                A
                """,
            ),
            (
                ME,
                12.1,
                """
                Welcome back! Yes. Thursday 8am your time?

                Sam
                """,
            ),
        ),
        _call(
            7.4,
            "aisha-bello",
            """
            Aisha on the state clinic deal. We worked through a counter-proposal: the government
            chooses five locations, Kestrel chooses five based on its walking-distance data, and
            both lists are published. She's going to float it with the health commissioner. She
            looked tired and happy; Zainab on her lap for the first ten minutes.
            """,
        ),
    ]


def _fieldnote() -> list[DemoInteraction]:
    return [
        *_thread(
            "nate-demo-day",
            "What should I have done differently?",
            "nate-brooks",
            (
                "nate-brooks",
                351.4,
                """
                Mr Okafor,

                I pitched Fieldnote at demo day yesterday and didn't place. You were one of the
                judges. I'm not writing to argue, I'm writing because I want to get better. What
                should I have done differently?

                Thank you for your time,
                Nate Brooks
                """,
            ),
            (
                ME,
                350.6,
                """
                Hi Nate (and please call me Sam),

                Thank you for asking; almost nobody does.

                Honestly: your product was one of the best in the room and your pitch was one of
                the weakest. You spent four minutes on sensor specs and thirty seconds on the
                farmer. The moment you said "my dad nearly lost the farm in the drought year" every
                judge looked up, and then you went back to the specs.

                Lead with the farm. Then one slide of what it costs a farmer to guess wrong about
                irrigation. Then the sensor.

                Happy to talk if it's useful.

                Sam
                """,
            ),
        ),
        _call(
            341.3,
            "nate-brooks",
            """
            First proper call with Nate. He said my notes were exactly what his wife Kayla had
            told him, and he should listen to her more. Fieldnote: 40 farms in a pilot, sensors
            at a quarter of the price of the big brands. He's selling by driving to farms himself,
            which is right for now.
            """,
        ),
        _note(
            341.1,
            "nate-brooks",
            """
            Nate. Why Fieldnote: in the drought year his dad was irrigating on guesswork and lost
            most of the corn crop. "He sat at the kitchen table with the bank letters for a month.
            I was sixteen. I want no farmer to have to guess."

            His wife Kayla is a large-animal vet. Two boys. He still helps on the family farm at
            harvest and won't take meetings in October.
            """,
        ),
        _call(
            259.7,
            "nate-brooks",
            """
            Nate won a regional ag-tech competition with the new pitch, led with the farm. He
            called mainly to tell me that, which I appreciated more than he knows.
            """,
        ),
        *_thread(
            "nate-board",
            "We raised!",
            "nate-brooks",
            (
                "nate-brooks",
                182.7,
                """
                Sam,

                We closed our pre-seed: $1.2M, led by an ag fund in Omaha. Kayla and I went out to
                dinner and I couldn't eat.

                First board meeting is in three weeks and I am terrified. I've never prepared a
                board deck. Is there a template that doesn't make me look like I'm playing dress-up?

                Nate
                """,
            ),
            (
                ME,
                182.1,
                """
                Nate, congratulations! Enjoy it for at least a day before being terrified.

                Yes: I'll send you the deck by Friday. It's the board deck template I use with my
                founders, plus a filled-in example from a company that's happy for me to share it.
                The trick is to put the bad news on slide 2, not slide 20.

                Sam
                """,
            ),
            (
                ME,
                178.3,
                """
                Nate,

                As promised: the template and the example are attached. Keep it to ten slides. And
                send me your draft if you want a second pair of eyes before the meeting.

                Sam
                """,
            ),
        ),
        _call(
            157.5,
            "nate-brooks",
            """
            Board meeting debrief with Nate. He put the bad news (a sensor batch failure) on slide
            2 and the board spent the meeting helping him fix it rather than grilling him. He
            sounded ten years older and ten pounds lighter.
            """,
        ),
        _meeting(
            82.6,
            "nate-brooks",
            "Field visit: Fieldnote pilot farms",
            """
            Spent a day with Nate driving between three pilot farms outside Des Moines. A farmer
            called Ed showed me his irrigation records before and after Fieldnote: 30% less water
            and a better yield. Ed's only complaint was that the app's font is too small. Nate
            wrote it down in Ed's words.
            """,
        ),
        *_thread(
            "nate-hiring",
            "Hiring plan",
            "nate-brooks",
            (
                "nate-brooks",
                25.4,
                """
                Hi Sam,

                Could you look at my hiring plan for the next 12 months? Six hires, the first one
                being a salesperson who isn't me. I don't trust myself on the order.

                Nate
                """,
            ),
            (
                ME,
                24.7,
                """
                Hi Nate, yes. I'll review it this weekend and send you notes.

                Sam
                """,
            ),
            (
                ME,
                21.5,
                """
                Nate,

                Notes on the hiring plan:

                - Hire the customer support person before the second salesperson. Farmers will
                  forgive a late sensor; they won't forgive a phone nobody answers at harvest.
                - Your first salesperson should come from ag retail, not software.
                - Put your own name against "sales" until month four. You're still the best
                  person to sell this.

                Sam
                """,
            ),
            (
                "nate-brooks",
                20.2,
                """
                Support before sales: yes, obviously, now that you say it.

                Honestly Sam, what can I do for you? You've done so much for us and I've never done
                a thing back.

                Nate
                """,
            ),
            (
                ME,
                19.6,
                """
                Nothing needed, Nate, truly. If you want to do something, the next time a founder
                who lost a demo day asks you what they should have done differently, give them an
                honest hour.

                Sam
                """,
            ),
        ),
    ]


def _oakland() -> list[DemoInteraction]:
    return [
        _meeting(
            211.5,
            "ben-carter",
            "Lunch with Ben Carter",
            """
            Lunch with Ben. Tidewater wants to start selling beans wholesale to offices and
            restaurants. He's never sold anything he couldn't hand someone across a counter.
            """,
        ),
        _note(
            211.3,
            "ben-carter",
            """
            Ben. What matters: growing without cutting what he pays his baristas. Why: "In the
            Navy the cooks were the lowest paid people on the ship and the most important. I
            said if I ever had a business, the people who make the thing get paid properly."

            His daughter June (7) draws the labels for the seasonal blends.
            """,
        ),
        *_thread(
            "ben-first-sales-hire",
            "First wholesale salesperson",
            "ben-carter",
            (
                "ben-carter",
                172.4,
                """
                Hey Sam,

                Ready to hire someone to sell wholesale. I've got four applicants and no idea how
                to interview a salesperson. They all seem great in the interview, which I'm
                guessing is the point?

                Ben
                """,
            ),
            (
                ME,
                171.8,
                """
                Ben, exactly the point. I'll send you the interview scorecard I use: it's mostly
                questions about how they found out what a customer needed, and one exercise where
                they sell you a bag of your own coffee.

                Give me until Wednesday.

                Sam
                """,
            ),
            (
                ME,
                169.2,
                """
                Here's the scorecard, as promised. Ignore the software-specific bits. The "sell me
                my own coffee" exercise is the one to watch: the good ones ask you questions first.

                Sam
                """,
            ),
        ),
        *_thread(
            "ben-hired",
            "Hired!",
            "ben-carter",
            (
                "ben-carter",
                102.5,
                """
                Sam, hired Marisol. In the coffee exercise she asked me who I usually drink it with
                before she said a single thing about the beans. Three offices signed already. Come
                by, your coffee's free for a month. (Not a favour thing. I just want to.)

                Ben
                """,
            ),
            (
                ME,
                102.1,
                """
                That's brilliant, Ben. Congratulations to you and Marisol. I'll be in tomorrow
                morning, and I'll accept one free coffee, not a month of them.

                Sam
                """,
            ),
        ),
        _note(
            15.3,
            "ben-carter",
            """
            Ben mentioned at the counter that Tidewater's warehouse lease is up in six months and
            the landlord wants to double the rent. He's worried. Ask next week how the talks are
            going; think about whether Dan's brother (commercial property?) could help.
            """,
        ),
    ]


def _researchers_and_media() -> list[DemoInteraction]:
    return [
        *_thread(
            "fatima-thesis",
            "Interview request for doctoral research on informal mentoring",
            "fatima-elamrani",
            (
                "fatima-elamrani",
                115.6,
                """
                Dear Mr Okafor,

                I am a doctoral candidate in the sociology of work at Lakeshore University. My
                thesis studies informal mentoring among first-generation professionals. Several
                people I interviewed mentioned you as someone who mentored them without any formal
                programme.

                Would you be willing to give a 45-minute interview? It would be anonymised and you
                could review the transcript.

                With thanks,
                Fatima Zahra El Amrani
                """,
            ),
            (
                ME,
                114.8,
                """
                Dear Fatima,

                I'd be glad to. I'm travelling this week, so I'll reply properly next week with
                some times.

                Sam
                """,
            ),
            (
                ME,
                106.2,
                """
                Dear Fatima,

                As promised, some times: Tuesday at 10am or Thursday at 2pm Eastern, either week.
                Whichever suits you.

                Sam
                """,
            ),
        ),
        _meeting(
            100.4,
            "fatima-elamrani",
            "Thesis interview with Fatima (video)",
            """
            Interview with Fatima for her thesis. Her question that stuck with me: "Do the people
            you mentor know they're being mentored?" Mostly no, I think. She grew up in Rabat, the
            first in her family to go to university; her thesis is partly about herself, she said.
            She'll send me the draft chapter when it's ready.
            """,
        ),
        *_thread(
            "podcast",
            "Would you come on The Quiet Pipeline?",
            "carlos-mendes",
            (
                "carlos-mendes",
                233.3,
                """
                Olá Sam,

                I host a small podcast called The Quiet Pipeline, about selling without
                manipulation. Your newsletter on "answering every email" made me rethink how I run
                my own inbox. Would you come on the show? 45 minutes, very relaxed, no prep.

                Carlos
                """,
            ),
            (
                ME,
                232.7,
                """
                Olá Carlos, I'd love to. Any evening next week works. I'll send you a short bio
                and a headshot by Thursday.

                Sam
                """,
            ),
            (
                ME,
                229.4,
                """
                Carlos, bio and headshot attached. The headshot is from three years ago; I've
                decided that's fine.

                Sam
                """,
            ),
        ),
        _meeting(
            217.6,
            "carlos-mendes",
            "Podcast recording: The Quiet Pipeline",
            """
            Recorded the podcast with Carlos. He's a former SDR who quit because of the scripts.
            He records the show at night, after his day job in sales ops, because "someone should
            tell the new SDRs there's another way". We went over by 40 minutes.
            """,
        ),
        *_thread(
            "henrik-hire",
            "Hiring our first sales manager",
            "henrik-larsen",
            (
                "henrik-larsen",
                193.5,
                """
                Dear Sam,

                I heard you on The Quiet Pipeline, and Carlos kindly gave me your email. I run
                Nordvik Marine, 40 people, making navigation equipment for small fishing boats. I
                need to hire our first sales manager and I have no idea what to look for. Could I
                have an hour of your time? I'm happy to pay.

                Henrik Larsen
                """,
            ),
            (
                ME,
                192.8,
                """
                Dear Henrik,

                Happy to talk, and no need to pay for an hour. Would Monday at 8am Pacific (5pm
                Bergen) work?

                Sam
                """,
            ),
        ),
        _meeting(
            186.5,
            "henrik-larsen",
            "Video call with Henrik Larsen",
            """
            Call with Henrik. Nordvik's salespeople are all ex-fishermen who sell to friends.
            He wants a manager who'll respect that and not "bring in a CRM and kill it". Said I'd
            send him the job description template I use for first sales managers.
            """,
        ),
        *_thread(
            "henrik-followup",
            "How did the hire go?",
            "henrik-larsen",
            (
                ME,
                41.3,
                """
                Hi Henrik,

                I was thinking about Nordvik the other day. How did the sales manager search go?
                Did you find someone who'll respect the fishermen?

                Sam
                """,
            ),
        ),
        *_thread(
            "yuki-mentoring",
            "I'm a mentor now!",
            "yuki-tanaka",
            (
                "yuki-tanaka",
                281.7,
                """
                Hi Sam,

                I'm mentoring two junior designers through the same programme where you mentored
                me. In my first session I heard myself say "what would make this a good year for
                you?" and nearly laughed, because it was your question.

                Thank you for asking it to me, seven years ago.

                Yuki
                """,
            ),
            (
                ME,
                280.9,
                """
                Yuki, this made my day. They're lucky to have you. I stole the question from my
                first boss, James, so it's been travelling for a while. Keep passing it on.

                Sam
                """,
            ),
        ),
        *_thread(
            "yuki-freelance",
            "I went freelance",
            "yuki-tanaka",
            (
                "yuki-tanaka",
                30.4,
                """
                Hi Sam,

                Big news: I left the agency after eight years and I'm freelance now. Very scary.

                Can I ask your advice? When you went independent, how did you decide what to
                charge? I keep quoting low because I'm afraid nobody will hire me, and then I
                resent the work.

                Yuki
                """,
            ),
        ),
        *_thread(
            "liam-interview",
            "Interview on Thursday",
            "liam-foster",
            (
                "liam-foster",
                396.4,
                """
                Hi Sam,

                Thank you so much for getting me the interview at Marlow & Reed. It's on Thursday
                at 10. Do you have any tips? Anything about the people I should know? Sorry for
                all the emails this week.

                Liam
                """,
            ),
            (
                ME,
                395.8,
                """
                Hi Liam,

                Don't apologise. Tips: read their last three campaigns and have an honest opinion
                about one of them. Ask the creative director what she wishes clients understood.
                And be yourself; it's a small agency, they hire people they'd like to sit next to.

                Good luck!
                Sam
                """,
            ),
            (
                "liam-foster",
                388.6,
                """
                Hi Sam, they went with someone more senior, but they said they'd keep me in mind.
                Thanks again for everything.

                Liam
                """,
            ),
            (
                ME,
                388.1,
                """
                Sorry, Liam. Getting to the final round at Marlow & Reed is a real achievement, and
                the next one will come. Keep in touch.

                Sam
                """,
            ),
        ),
        *_thread(
            "liam-congrats",
            "Congratulations!",
            "liam-foster",
            (
                ME,
                63.2,
                """
                Hi Liam,

                I saw you've started at Brightline as Account Director. Congratulations, that's a
                big step and you've earned it.

                If I can ever be useful, I'm here. And I'd love to hear how you're finding it.

                Sam
                """,
            ),
        ),
        _note(
            63.0,
            "liam-foster",
            """
            Liam started at Brightline as Account Director. Sent congratulations. Haven't heard
            from him in about a year; he's probably busy settling in.
            """,
        ),
    ]


def _threadbare_and_coaching() -> list[DemoInteraction]:
    return [
        _meeting(
            322.4,
            "noor-hussain",
            "Coffee with Noor (Manchester)",
            """
            Coffee with Noor after the conference. Threadbare resells used workwear (chef's
            whites, hi-vis, scrubs) to people starting new jobs who can't afford new kit. 14
            people, break-even in sight.
            """,
        ),
        _note(
            322.2,
            "noor-hussain",
            """
            Noor. Why Threadbare: when she started her first job as a line cook she spent her
            first week's wages on whites and knives. "It's a tax on being poor and new." She is
            open about having had a breakdown in her twenties and wants a company where managers
            notice before anyone gets that far. Asked me how I notice. I said I write things down.
            """,
        ),
        _call(
            241.3,
            "noor-hussain",
            """
            Noor rang: she's moving Threadbare (and herself) to Lisbon. Half the team is remote
            anyway, rents are a third of Manchester's, and she wants to see the sun more than four
            times a year; her GP said it would do more for her than any prescription. Sounds like
            the right decision for the right reasons. Offered to help with anything, including
            packing.
            """,
        ),
        _call(
            171.7,
            "noor-hussain",
            """
            Noor, settled in Lisbon (flat in Graça, lots of stairs). Hiring her first head of
            sales. Worried about hiring someone who'll push the team too hard. We talked about
            asking candidates how they noticed when someone on their team was struggling.
            """,
        ),
        *_thread(
            "noor-exclusivity",
            "Advice: a retailer wants exclusivity",
            "noor-hussain",
            (
                "noor-hussain",
                112.4,
                """
                Hi Sam,

                A big UK workwear retailer wants to partner with us: they'd send all their
                customers' trade-ins our way, but only if we stop working with their competitors.
                It would double our supply overnight. It also feels like a trap.

                What would you ask them?

                Noor
                """,
            ),
            (
                ME,
                111.7,
                """
                Hi Noor,

                I'd ask three things: what happens if they change their mind in a year (is there
                an exit that doesn't sink you?); why they want exclusivity (to help you, or to stop
                a competitor getting the supply?); and what they'd do if you said no. Their answer
                to the last one tells you how they'll treat you when things get hard.

                And ask yourself whether the people you started Threadbare for would be better or
                worse off.

                Sam
                """,
            ),
        ),
        _note(
            110.6,
            "noor-hussain",
            """
            Noor asked the retailer what they'd do if she said no. Answer: "we'd find someone
            else". So she said no. She wasn't sure until she heard herself say it, and then she
            was completely sure.
            """,
        ),
        _note(
            42.6,
            "noor-hussain",
            """
            Noor: Threadbare turned its first profitable month. She celebrated by giving the whole
            team a Friday off. Her dad in Bradford is having a knee replacement next month; she's
            flying back for a week. Ask about him.
            """,
        ),
        _call(
            311.4,
            "rosa-alvarez",
            """
            Quarterly swap with Rosa: who we're each working with, who might be a better fit for
            the other. She has a VP who needs sales strategy, not coaching; I have a first-time
            manager who needs coaching, not strategy.
            """,
        ),
        *_thread(
            "rosa-jess",
            "A coach for Jess Morgan?",
            "rosa-alvarez",
            (
                ME,
                182.8,
                """
                Hi Rosa,

                Jess Morgan at Halyard (enablement, ex-teacher, excellent) has just been pulled
                into the leadership team and would benefit enormously from a coach who isn't me.
                I've asked her and she'd love to talk to you. Are you taking new people this
                quarter?

                Sam
                """,
            ),
            (
                "rosa-alvarez",
                176.2,
                """
                Hi Sam, yes, I have room for one more. Jess and I spoke yesterday and we're
                starting next week. She's terrific. Thank you for thinking of me.

                Rosa
                """,
            ),
        ),
        _note(
            58.4,
            "rosa-alvarez",
            """
            Rosa's mother turns 80 next month. Big party in Tijuana, three generations, a mariachi
            band Rosa has been negotiating with for weeks. Rosa's worried her mum will find it all
            too much. Send flowers for the day.
            """,
        ),
        *_thread(
            "rosa-party",
            "Eighty!",
            "rosa-alvarez",
            (
                "rosa-alvarez",
                4.8,
                """
                Sam, thank you for the flowers! Mamá put them in the middle of the table and told
                everyone they were from "Rosa's friend who remembers things". She danced until
                midnight. Photos attached.

                Rosa
                """,
            ),
        ),
    ]


def demo_interactions() -> list[DemoInteraction]:
    """Every interaction in the demo notebook, oldest first (stable order)."""
    groups = (
        _maria_and_lumen(),
        _dev(),
        _priya(),
        _vikram(),
        _kwame(),
        _tomas(),
        _olu(),
        _lucia(),
        _zoe_and_corvid(),
        _halyard(),
        _stratum(),
        _open_shelf(),
        _kenji_and_diego(),
        _rachel(),
        _neighbours_and_friends(),
        _pitches(),
        _kestrel(),
        _fieldnote(),
        _oakland(),
        _researchers_and_media(),
        _threadbare_and_coaching(),
    )
    everything = [interaction for group in groups for interaction in group]
    return sorted(everything, key=lambda interaction: -interaction.days_ago)
