"""The care layer of the demo notebook: what matters to Sam's people, what is happening in their
lives, what to ask next time, the dates to remember, how often to be in touch and the promises
still open.

Pure data, standard library only, written by hand to fit each person's story in ``data.py``
(people are named by their ``DemoPerson.key``). Like the interactions, every day here is
relative to the day the demo is loaded, so Today always has something to show: a birthday today,
a few follow-ups due, people it has been too long since, a couple of promises running late.

Matters are about the person, never about what passed between us. Where a person said why
something matters to them, ``why`` keeps their words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoMatter:
    person: str  # DemoPerson key from data.py
    kind: str  # goal|challenge|hope|worry|value|family|health|preference, or craft|joy
    what: str  # short
    why: str  # why it matters to THEM; in their words where the story has them
    in_their_words: bool  # True when `why` is a quote of them (no surrounding quotes)
    confirmed_days_ago: int  # when last confirmed; over 180 shows as "ask again"


@dataclass(frozen=True)
class DemoLifeEvent:
    person: str
    what: str
    occurs_in_days: int | None  # relative to today; negative = past
    follow_up: str
    follow_up_in_days: int  # relative to today; <= 0 means due now (shows on Today)
    sensitive: bool  # health and family events: for the person's carers


@dataclass(frozen=True)
class DemoFollowUp:
    person: str
    what: str
    due_in_days: int | None  # None = a question for the next time we meet


@dataclass(frozen=True)
class DemoDate:
    person: str
    kind: str  # birthday|anniversary|work_anniversary|other
    label: str  # "" for the kind's own name
    in_days: int  # next occurrence, days from today (0..364); ignored when `on` is given
    since_years: int | None  # years it will be on that occurrence, if known
    # A fixed (month, day) where the notes in data.py name the date, so they agree.
    on: tuple[int, int] | None = None


@dataclass(frozen=True)
class DemoPromise:
    person: str
    kind: str  # "promise" (I said I would) | "waiting_on" (they said they would)
    what: str
    due_in_days: int | None  # negative = overdue
    kept_days_ago: int | None = None  # already kept (shows in the weekly review)


# ---------------------------------------------------------------------------------------------
# What matters. The richest stories get several; a handful of people get one; most get none,
# because I haven't been told, and a short honest brief is better than an invented one.
# ---------------------------------------------------------------------------------------------

_MATTERS: tuple[DemoMatter, ...] = (
    # Maria Chen
    DemoMatter(
        person="maria-chen",
        kind="goal",
        what="A sepsis result in a rural emergency room in under an hour",
        why=(
            "My grandmother waited nineteen hours for a culture in a hospital with one lab tech. "
            "By the time it came back she was gone. Nobody did anything wrong. The system was "
            "just slow."
        ),
        in_their_words=True,
        confirmed_days_ago=61,
    ),
    DemoMatter(
        person="maria-chen",
        kind="worry",
        what="Hiring number seven without losing what makes the team work",
        why="We're six people who all know why we're here. I'm scared of number seven.",
        in_their_words=True,
        confirmed_days_ago=45,
    ),
    DemoMatter(
        person="maria-chen",
        kind="family",
        what="Her dad Wei getting his strength back after the stroke",
        why=(
            "Wei lives with Maria, Iris and Leo. He's walking with a cane now and back at Red Sox "
            "games with Iris. Ask about him by name."
        ),
        in_their_words=False,
        confirmed_days_ago=45,
    ),
    DemoMatter(
        person="maria-chen",
        kind="preference",
        what="Help without a logo on it",
        why=(
            "She is wary of advisors who want a slide with their logo on it. What she said yes to "
            "was a sounding board with nothing attached."
        ),
        in_their_words=False,
        confirmed_days_ago=371,
    ),
    # Dev Patel
    DemoMatter(
        person="dev-patel",
        kind="value",
        what="Nobody on the lab team burns out the way he did",
        why=(
            "He burned out at a sequencing startup and spent three months unable to work. "
            "Protecting the lab team is how he makes sure none of them goes through that."
        ),
        in_their_words=False,
        confirmed_days_ago=201,
    ),
    DemoMatter(
        person="dev-patel",
        kind="goal",
        what="Clear reporting lines before the VP Commercial starts",
        why=(
            "He drew the org chart himself and is thinking hardest about the two field "
            "application scientists: who they answer to once there is a commercial team."
        ),
        in_their_words=False,
        confirmed_days_ago=19,
    ),
    # Priya Raman
    DemoMatter(
        person="priya-raman",
        kind="goal",
        what="Backing founders who have been close to the problem",
        why=("I don't need another consultant who found a market. I need the nurse who got angry."),
        in_their_words=True,
        confirmed_days_ago=55,
    ),
    DemoMatter(
        person="priya-raman",
        kind="preference",
        what="Being asked first, before any introduction",
        why=(
            "She hates warm intros that are really cold intros with a friend's name on them. She "
            "says no quickly and means it kindly; give her the room to."
        ),
        in_their_words=False,
        confirmed_days_ago=140,
    ),
    DemoMatter(
        person="priya-raman",
        kind="hope",
        what="Swimming the length of Windermere",
        why=(
            "She swims in open water all year round, and this was the swim she was training for. "
            "Ask how it went, or whether it's still ahead of her."
        ),
        in_their_words=False,
        confirmed_days_ago=212,
    ),
    # Kwame Asante
    DemoMatter(
        person="kwame-asante",
        kind="goal",
        what="Market traders paying suppliers across borders from a phone",
        why=(
            "My mother carried cloth money across the Aflao border in her clothes for thirty "
            "years. She was robbed twice. I want the next woman to send it from her phone and go "
            "home to her children."
        ),
        in_their_words=True,
        confirmed_days_ago=85,
    ),
    DemoMatter(
        person="kwame-asante",
        kind="goal",
        what="Investors who will stay through the hard years",
        why=(
            "He wants backers who will still be there in a currency crisis, and has no interest "
            "in anyone who wants him to pivot to diaspora remittances."
        ),
        in_their_words=False,
        confirmed_days_ago=25,
    ),
    # Tomás Herrera
    DemoMatter(
        person="tomas-herrera",
        kind="goal",
        what="Leading his team without shaming anyone in a pipeline review",
        why=(
            "In my first job my manager read out our numbers in front of everyone and said who "
            "was the weak one. I was the weak one for three months. I want to prove you can hit "
            "the number without doing that to people."
        ),
        in_their_words=True,
        confirmed_days_ago=89,
    ),
    DemoMatter(
        person="tomas-herrera",
        kind="family",
        what="Inés and her work on public housing",
        why=(
            "Inés got the job she had dreamed of for years, at the studio that does the public "
            "housing projects. It's why they are in Mexico City, and he is so glad for her."
        ),
        in_their_words=False,
        confirmed_days_ago=161,
    ),
    DemoMatter(
        person="tomas-herrera",
        kind="family",
        what="His mum in Sevilla, an ocean away now",
        why=(
            "She wasn't thrilled about the distance, and he misses home more than he expected. "
            "Her visits matter to both of them."
        ),
        in_their_words=False,
        confirmed_days_ago=161,
    ),
    # Lucía Fernández
    DemoMatter(
        person="lucia-fernandez",
        kind="goal",
        what="Kids who can't pay keep their tutors",
        why=(
            "The kids with tutors passed. The kids without tutors left school. It wasn't more "
            "complicated than that."
        ),
        in_their_words=True,
        confirmed_days_ago=60,
    ),
    DemoMatter(
        person="lucia-fernandez",
        kind="value",
        what="Families stay free",
        why=(
            "It's why Cántaro exists. She taught maths in a public secondary school in La Matanza "
            "for six years and won't raise prices on the families she started this for."
        ),
        in_their_words=False,
        confirmed_days_ago=150,
    ),
    DemoMatter(
        person="lucia-fernandez",
        kind="challenge",
        what="Pricing a province-wide option",
        why=(
            "The first district signed per school per term. A province would take Cántaro far "
            "beyond one district, and she says every number she writes still feels wrong."
        ),
        in_their_words=False,
        confirmed_days_ago=19,
    ),
    # Vikram Shah
    DemoMatter(
        person="vikram-shah",
        kind="value",
        what="Founders having someone who answers at 11pm",
        why=(
            "The founders he has backed who did well all had someone like that, and he tries to "
            "be that person for his."
        ),
        in_their_words=False,
        confirmed_days_ago=93,
    ),
    DemoMatter(
        person="vikram-shah",
        kind="family",
        what="Time with the twins",
        why=(
            "He writes fewer and smaller cheques so he can be around for them. They've just "
            "started school, and one of them has decided to be a fast bowler."
        ),
        in_their_words=False,
        confirmed_days_ago=2,
    ),
    DemoMatter(
        person="vikram-shah",
        kind="joy",
        what="Cricket",
        why="He will talk about it for as long as you let him. Let him.",
        in_their_words=False,
        confirmed_days_ago=2,
    ),
    # Rachel Goldberg
    DemoMatter(
        person="rachel-goldberg",
        kind="goal",
        what="Her book about loneliness at work",
        why=(
            "I spent six years as a remote reporter and realised I hadn't had lunch with a "
            "colleague in eighteen months. Nobody noticed, including me."
        ),
        in_their_words=True,
        confirmed_days_ago=40,
    ),
    DemoMatter(
        person="rachel-goldberg",
        kind="value",
        what="Getting every quote exactly right",
        why=(
            "She checks every quote with the person before publishing, and notices when someone "
            "takes the same care with a number."
        ),
        in_their_words=False,
        confirmed_days_ago=36,
    ),
    DemoMatter(
        person="rachel-goldberg",
        kind="joy",
        what="Hiking in the Catskills",
        why="She takes the train up most weekends. Ask about the trail, not the book.",
        in_their_words=False,
        confirmed_days_ago=226,
    ),
    # Zoe Williams
    DemoMatter(
        person="zoe-williams",
        kind="value",
        what="Marketing with a real place in the company",
        why="A company where marketing has a chair at the table, not a seat by the door.",
        in_their_words=True,
        confirmed_days_ago=88,
    ),
    DemoMatter(
        person="zoe-williams",
        kind="family",
        what="Staying in Chicago, for Theo",
        why="Theo has had enough change for one childhood.",
        in_their_words=True,
        confirmed_days_ago=88,
    ),
    DemoMatter(
        person="zoe-williams",
        kind="goal",
        what="Mentoring someone from Olu's clinic",
        why=(
            "She knows what the months after a layoff feel like, and wants the next person it "
            "happens to to have someone in their corner."
        ),
        in_their_words=False,
        confirmed_days_ago=88,
    ),
    # Olu Adeyemi
    DemoMatter(
        person="olu-adeyemi",
        kind="value",
        what="A fair start for newcomers to Canada",
        why=(
            "Nobody told me what a Canadian resume looks like. It's a small thing that costs "
            "people years."
        ),
        in_their_words=True,
        confirmed_days_ago=96,
    ),
    DemoMatter(
        person="olu-adeyemi",
        kind="value",
        what="Telling candidates the truth about a role",
        why=(
            "He tells candidates the parts the client would rather he didn't, and calls them back "
            "when the answer is no."
        ),
        in_their_words=False,
        confirmed_days_ago=235,
    ),
    # Kenji Watanabe
    DemoMatter(
        person="kenji-watanabe",
        kind="goal",
        what="Showing that trust given before any exchange outlasts a crisis",
        why=(
            "His study of Osaka manufacturers found that the firms which kept their suppliers "
            "through the 2011 crisis recovered faster. The paper has just been accepted."
        ),
        in_their_words=False,
        confirmed_days_ago=63,
    ),
    DemoMatter(
        person="kenji-watanabe",
        kind="value",
        what="Representing other people's ideas fairly",
        why=(
            "He wrote to check he had understood my article before citing it, and asked before "
            "quoting our conversation."
        ),
        in_their_words=False,
        confirmed_days_ago=63,
    ),
    DemoMatter(
        person="kenji-watanabe",
        kind="joy",
        what="The shakuhachi, every evening",
        why="He plays it badly and happily, and counts the neighbours' silence as progress.",
        in_their_words=False,
        confirmed_days_ago=63,
    ),
    # Diego Morales
    DemoMatter(
        person="diego-morales",
        kind="goal",
        what="A company in Medellín his younger brothers could work at",
        why=(
            "His father's print shop closed when a big supplier undercut everyone, and nobody in "
            "the neighbourhood had anywhere good to work after that."
        ),
        in_their_words=False,
        confirmed_days_ago=45,
    ),
    DemoMatter(
        person="diego-morales",
        kind="challenge",
        what="Selling on something other than price",
        why=(
            "Everyone tells him he'll have to sell on price to survive. He asked whether caring "
            "for customers is a luxury because he wants the answer to be no."
        ),
        in_their_words=False,
        confirmed_days_ago=45,
    ),
    DemoMatter(
        person="diego-morales",
        kind="hope",
        what="Going home to Medellín after the MBA",
        why="He finishes in a few months and is already planning the move back.",
        in_their_words=False,
        confirmed_days_ago=45,
    ),
    # Gwen Olsen
    DemoMatter(
        person="gwen-olsen",
        kind="family",
        what="Her mum, now in memory care",
        why=(
            "Gwen is the one who handles everything; her brother is in Singapore. On good days "
            "her mum still tells visitors that Gwen drew the best horses in her class."
        ),
        in_their_words=False,
        confirmed_days_ago=44,
    ),
    DemoMatter(
        person="gwen-olsen",
        kind="craft",
        what="Drawing, whatever else is going on",
        why=(
            "If I stop drawing I'll turn into a full-time problem solver, and I'll be no use to "
            "Mum or anyone."
        ),
        in_their_words=True,
        confirmed_days_ago=22,
    ),
    # One each: what I know best about them.
    DemoMatter(
        person="aisha-bello",
        kind="goal",
        what="A clinic within a 20-minute walk of every family they serve",
        why=(
            "My aunt walked two hours with a fever to a clinic that had run out of the medicine. "
            "I was twelve and I carried her bag. I'm still angry."
        ),
        in_their_words=True,
        confirmed_days_ago=7,
    ),
    DemoMatter(
        person="oliver-grant",
        kind="goal",
        what="Hitting the board's number without burning the team out",
        why=(
            "I burned out at 34. I missed most of my son's first year and I don't remember much "
            "of it. I'm not doing that to twenty-two other people."
        ),
        in_their_words=True,
        confirmed_days_ago=50,
    ),
    DemoMatter(
        person="hannah-lindqvist",
        kind="value",
        what="Books in kids' homes, not just classrooms",
        why=(
            "I didn't own a book until I was nine. The first one was a Pippi Longstocking my "
            "teacher gave me because she'd seen me reading it in the library every break. I "
            "still have it."
        ),
        in_their_words=True,
        confirmed_days_ago=34,
    ),
    DemoMatter(
        person="noor-hussain",
        kind="value",
        what="Managers who notice before anyone gets that far",
        why=(
            "She is open about having had a breakdown in her twenties, and wants Threadbare to be "
            "a place where somebody notices early."
        ),
        in_their_words=False,
        confirmed_days_ago=171,
    ),
    DemoMatter(
        person="elena-petrova",
        kind="goal",
        what="One named person who cares for each of Stratum's top customers",
        why=(
            "When I was a junior CSM, the CEO of my biggest customer told me I was the only "
            "person at our company who ever remembered his name. I was twenty-three. It was a "
            "very bad sign for the company, and a very good lesson for me."
        ),
        in_their_words=True,
        confirmed_days_ago=39,
    ),
    DemoMatter(
        person="nate-brooks",
        kind="goal",
        what="No farmer should have to guess about water",
        why=(
            "He sat at the kitchen table with the bank letters for a month. I was sixteen. I want "
            "no farmer to have to guess."
        ),
        in_their_words=True,
        confirmed_days_ago=82,
    ),
    DemoMatter(
        person="dan-mcallister",
        kind="health",
        what="Staying well after his heart scare",
        why="The cardiologist said I could either take up running or take up being dead.",
        in_their_words=True,
        confirmed_days_ago=67,
    ),
)


# ---------------------------------------------------------------------------------------------
# Life events, each with the question to come back with.
# ---------------------------------------------------------------------------------------------

_LIFE_EVENTS: tuple[DemoLifeEvent, ...] = (
    # Due now.
    DemoLifeEvent(
        person="noor-hussain",
        what="Her dad's knee replacement in Bradford",
        occurs_in_days=-14,
        follow_up="Ask Noor how her dad is recovering from the knee replacement",
        follow_up_in_days=-1,
        sensitive=True,
    ),
    DemoLifeEvent(
        person="ben-carter",
        what="Tidewater's warehouse lease ends; the landlord wants to double the rent",
        occurs_in_days=165,
        follow_up="Ask Ben how the lease talks with the landlord are going",
        follow_up_in_days=-8,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="helen-park",
        what="Her son started college in Austin",
        occurs_in_days=-45,
        follow_up="Ask Helen how her son is finding college, and how she is finding the quiet "
        "house",
        follow_up_in_days=-3,
        sensitive=True,
    ),
    # Coming up.
    DemoLifeEvent(
        person="kwame-asante",
        what="Sankofa Pay opens its seed round",
        occurs_in_days=5,
        follow_up="Ask Kwame how the first weeks of the raise are going, and how he is",
        follow_up_in_days=19,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="tomas-herrera",
        what="Inés is throwing him a surprise party for his 31st",
        occurs_in_days=12,
        follow_up="Ask Tomás how the party went (only afterwards: it's a surprise)",
        follow_up_in_days=13,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="yuki-tanaka",
        what="Left the agency after eight years to go freelance",
        occurs_in_days=-32,
        follow_up="Ask Yuki how freelancing is going, and whether she has stopped quoting low",
        follow_up_in_days=21,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="maria-chen",
        what="Lumen's first board meeting since the raise",
        occurs_in_days=24,
        follow_up="Ask Maria and Dev how the board meeting went",
        follow_up_in_days=26,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="diego-morales",
        what="Finishes the MBA and moves home to Medellín",
        occurs_in_days=45,
        follow_up="Ask Diego how the move home to Medellín went, and how his brothers are",
        follow_up_in_days=60,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="elena-petrova",
        what="Stratum's first customer success offsite, near Potsdam",
        occurs_in_days=110,
        follow_up="Ask Elena how the offsite landed with her team",
        follow_up_in_days=113,
        sensitive=False,
    ),
    DemoLifeEvent(
        person="sofia-rossi",
        what="Marrying Giulia in the Dolomites",
        occurs_in_days=240,
        follow_up="Choose a wedding gift for Sofia and Giulia: something for the bikes, or a "
        "gift to the mountain rescue service they care about (no registry)",
        follow_up_in_days=180,
        sensitive=True,
    ),
)


# ---------------------------------------------------------------------------------------------
# Follow-ups: questions to ask, on a day or simply next time we talk.
# ---------------------------------------------------------------------------------------------

_FOLLOW_UPS: tuple[DemoFollowUp, ...] = (
    DemoFollowUp(
        person="oliver-grant",
        what="Ask Oliver how he is, before we talk about extending the engagement",
        due_in_days=0,
    ),
    DemoFollowUp(
        person="maria-chen",
        what="Ask Maria whether she'd like to talk to Elena about building a customer success team",
        due_in_days=-2,
    ),
    DemoFollowUp(
        person="dev-patel",
        what="Ask Dev how he is, not only how the lab is",
        due_in_days=None,
    ),
    DemoFollowUp(
        person="priya-raman",
        what="Ask Priya about the Windermere swim",
        due_in_days=None,
    ),
    DemoFollowUp(
        person="vikram-shah",
        what="Ask which twin is the fast bowler, and what the other one has decided to be",
        due_in_days=None,
    ),
    DemoFollowUp(
        person="james-oconnor",
        what="Ask gently about Maeve's heart valve; don't make a big thing of it",
        due_in_days=None,
    ),
    DemoFollowUp(
        person="zoe-williams",
        what="Ask Zoe how the mentoring through Olu's clinic is going, and about Theo's "
        "sad-cat video game",
        due_in_days=None,
    ),
    DemoFollowUp(
        person="lucia-fernandez",
        what="Ask Lucía how the province meeting went, and what they made of a price per school",
        due_in_days=5,
    ),
    DemoFollowUp(
        person="tomas-herrera",
        what="Ask how Paola is doing now, and her father",
        due_in_days=10,
    ),
    DemoFollowUp(
        person="jess-morgan",
        what="Ask Jess how the three new managers are getting on since the pilot",
        due_in_days=25,
    ),
    DemoFollowUp(
        person="ananya-iyer",
        what="Ask Ananya whether she still wants the Director role, or something else now",
        due_in_days=30,
    ),
    DemoFollowUp(
        person="marcus-webb",
        what="Ask Marcus whether he's still thinking about coaching first-time managers; "
        "mention Olu's Saturday clinic",
        due_in_days=92,
    ),
)


# ---------------------------------------------------------------------------------------------
# Dates that come round every year. Days are counted from the stories where they give an
# anchor (James's seventieth, Zainab's birth, Dan's marathon, the day someone started a job).
# ---------------------------------------------------------------------------------------------

_DATES: tuple[DemoDate, ...] = (
    DemoDate("priya-raman", "birthday", "", in_days=0, since_years=None),
    DemoDate("kwame-asante", "birthday", "", in_days=3, since_years=None),
    DemoDate("maria-chen", "birthday", "", in_days=0, since_years=None, on=(10, 9)),
    DemoDate("hannah-lindqvist", "birthday", "", in_days=0, since_years=None, on=(2, 3)),
    DemoDate("dev-patel", "work_anniversary", "Lumen Bio founded", in_days=5, since_years=3),
    DemoDate("tomas-herrera", "birthday", "", in_days=0, since_years=None, on=(11, 22)),
    DemoDate("zoe-williams", "other", "Theo's birthday", in_days=0, since_years=None, on=(8, 11)),
    DemoDate("vikram-shah", "other", "The twins' birthday", in_days=96, since_years=6),
    DemoDate("james-oconnor", "birthday", "", in_days=0, since_years=None, on=(5, 2)),
    DemoDate("aisha-bello", "other", "Zainab's birthday", in_days=165, since_years=1),
    DemoDate("gwen-olsen", "birthday", "", in_days=0, since_years=None, on=(3, 14)),
    DemoDate("ananya-iyer", "other", "Moved to Berlin", in_days=190, since_years=1),
    DemoDate(
        "tomas-herrera", "work_anniversary", "Started in Mexico City", in_days=207, since_years=1
    ),
    DemoDate("dan-mcallister", "other", "First marathon (4:41:12)", in_days=240, since_years=1),
    DemoDate("zoe-williams", "work_anniversary", "Started at Corvid", in_days=245, since_years=1),
    DemoDate("ibrahim-haddad", "work_anniversary", "VP Sales, EMEA", in_days=264, since_years=1),
    DemoDate(
        "liam-foster", "work_anniversary", "Started at Brightline", in_days=295, since_years=1
    ),
)


# ---------------------------------------------------------------------------------------------
# Keep in touch every N days: my own choice, from the notes ("call James every month or so").
# ---------------------------------------------------------------------------------------------

_CADENCES: dict[str, int] = {
    "james-oconnor": 30,
    "gwen-olsen": 21,
    "marcus-webb": 60,
    "kenji-watanabe": 45,
    "tomas-herrera": 30,
    "maria-chen": 30,
    "kwame-asante": 21,
    "aisha-bello": 30,
    "priya-raman": 90,
    "rosa-alvarez": 90,
}


# ---------------------------------------------------------------------------------------------
# Promises typed by hand: mostly made in calls and meetings, which detection does not read (the
# ones written in mail are left to detection), and two things people said they would send me.
# ---------------------------------------------------------------------------------------------

_PROMISES: tuple[DemoPromise, ...] = (
    DemoPromise(
        person="olu-adeyemi",
        kind="promise",
        what="Review the CV of the nurse from Manila I met at the Saturday clinic, properly, by "
        "email",
        due_in_days=-82,
    ),
    DemoPromise(
        person="aisha-bello",
        kind="promise",
        what="Write up the five-and-five clinic proposal on one page for the health commissioner",
        due_in_days=-3,
    ),
    DemoPromise(
        person="vikram-shah",
        kind="promise",
        what="Ask Nate whether he'd like to meet Vikram, and introduce them if he does",
        due_in_days=0,
    ),
    DemoPromise(
        person="tomas-herrera",
        kind="promise",
        what="Record a short birthday video for the surprise party Inés is planning",
        due_in_days=-5,
        kept_days_ago=6,
    ),
    DemoPromise(
        person="kenji-watanabe",
        kind="waiting_on",
        what="Send the accepted paper, with the passage that quotes our conversation",
        due_in_days=-20,
    ),
    DemoPromise(
        person="fatima-elamrani",
        kind="waiting_on",
        what="Send her draft chapter on informal mentoring when it's ready",
        due_in_days=None,
    ),
)


def demo_matters() -> list[DemoMatter]:
    """What matters to people, and why, for the richest stories and a few others."""
    return list(_MATTERS)


def demo_life_events() -> list[DemoLifeEvent]:
    """Things happening in people's lives, each with a follow-up."""
    return list(_LIFE_EVENTS)


def demo_follow_ups() -> list[DemoFollowUp]:
    """Questions for a given day, or for the next time we meet."""
    return list(_FOLLOW_UPS)


def demo_dates() -> list[DemoDate]:
    """Birthdays and anniversaries, as days from today to the next occurrence."""
    return list(_DATES)


def demo_cadences() -> dict[str, int]:
    """Person key -> keep in touch every this many days."""
    return dict(_CADENCES)


def demo_promises() -> list[DemoPromise]:
    """Open promises I made, and things people said they would do for me."""
    return list(_PROMISES)


# ---------------------------------------------------------------------------------------------
# Help: given, received, and between two people I know. Remembered to thank, to ask what came
# of it and to pass it on; never added up. Two recent kindnesses are still waiting for a proper
# thank-you, so Today has them.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoHelp:
    giver: str | None  # DemoPerson key, or None = Sam (me)
    receiver: str | None  # DemoPerson key, or None = Sam; never both None
    kind: str  # advice|introduction|referral|mentorship|promotion|candidate|work|time|other
    what: str  # short: "Introduction to Priya Raman at Northgate"
    days_ago: int  # when it happened
    outcome: str  # what came of it, "" if unknown
    thanked: bool  # for help Sam received: has Sam thanked them? (ignored otherwise)
    paid_forward_from: str  # "" or the `ref` of a received help that inspired this given help
    ref: str = ""  # a short unique id, only needed for help others refer to


@dataclass(frozen=True)
class DemoIntroduction:
    a: str  # asked first
    b: str
    why_a: str  # why meeting b matters to a (in terms of what matters to a)
    why_b: str
    # proposed, asking_a, a_agreed, asking_b, agreed, introduced, done, declined, no_answer_a
    stage: str
    days_ago: int  # when it was proposed (steps happened after, spaced out)
    outcome: str = ""  # for done


_HELP: tuple[DemoHelp, ...] = (
    # Help I received. Sofia's referral is where the pay-it-forward story starts: "go and pass
    # someone else's name around; that's the only thank-you I accept."
    DemoHelp(
        giver="sofia-rossi",
        receiver=None,
        kind="referral",
        what="Gave the family textile company near Como my name",
        days_ago=262,
        outcome="The three agents now meet every Monday to share what they hear from customers",
        thanked=True,
        paid_forward_from="",
        ref="sofia-como",
    ),
    DemoHelp(
        giver="marcus-webb",
        receiver=None,
        kind="referral",
        what="Gave Oliver Grant my name when Halyard was looking for an outside advisor",
        days_ago=267,
        outcome="The Halyard engagement; Oliver has asked whether I'd extend it",
        thanked=True,
        paid_forward_from="",
    ),
    DemoHelp(
        giver="aisha-bello",
        receiver=None,
        kind="introduction",
        what="Introduction to Kwame Asante at Sankofa Pay",
        days_ago=90,
        outcome="",
        thanked=True,
        paid_forward_from="",
    ),
    DemoHelp(
        giver="zoe-williams",
        receiver=None,
        kind="promotion",
        what="Offered to feature my founders in Corvid's builders series, no strings",
        days_ago=21,
        outcome="",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver="elena-petrova",
        receiver=None,
        kind="promotion",
        what="Asked me to give the opening talk at Stratum's first customer success offsite",
        days_ago=10,
        outcome="",
        thanked=False,
        paid_forward_from="",
    ),
    # Help I gave. (Introductions made in the introductions below are not repeated here: making
    # one records the help for both people.)
    DemoHelp(
        giver=None,
        receiver="nate-brooks",
        kind="advice",
        what="Honest notes on his demo-day pitch: lead with the farm",
        days_ago=351,
        outcome="Won a regional ag-tech competition with the new pitch",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver=None,
        receiver="olu-adeyemi",
        kind="candidate",
        what="Tomás Herrera, for the Mexico City account executive roles",
        days_ago=236,
        outcome="The client's GM hired Tomás",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver=None,
        receiver="rosa-alvarez",
        kind="referral",
        what="Jess Morgan, as a coaching client",
        days_ago=183,
        outcome="Rosa and Jess started working together the following week",
        thanked=False,
        paid_forward_from="sofia-como",
    ),
    DemoHelp(
        giver=None,
        receiver="zoe-williams",
        kind="introduction",
        what="Introduction to Marcus Webb at Corvid",
        days_ago=176,
        outcome="Got the interview, then the job: Director of Product Marketing at Corvid",
        thanked=False,
        paid_forward_from="sofia-como",
    ),
    DemoHelp(
        giver=None,
        receiver="maria-chen",
        kind="advice",
        what="A hard read of the seed deck (v7)",
        days_ago=143,
        outcome="She opened with the nineteen hours and rebuilt the market slide from real ERs",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver=None,
        receiver="lucia-fernandez",
        kind="advice",
        what="Notes on Cántaro's pricing page: price per school per term",
        days_ago=141,
        outcome="Signed her first district: 11 schools, and families still pay nothing",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver=None,
        receiver="ibrahim-haddad",
        kind="promotion",
        what="Said what's true about him when Marcus asked around",
        days_ago=110,
        outcome="Promoted to VP Sales, EMEA",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver=None,
        receiver="ananya-iyer",
        kind="advice",
        what="Notes on her application for the Director of Solutions role",
        days_ago=103,
        outcome="She didn't get the role; Elena gave her the renewal-risk programme to run",
        thanked=False,
        paid_forward_from="",
    ),
    # Between two people I know.
    DemoHelp(
        giver="priya-raman",
        receiver="maria-chen",
        kind="advice",
        what="A frank read of Lumen's regulatory plan, over coffee in Boston",
        days_ago=135,
        outcome="Northgate led the round",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver="rosa-alvarez",
        receiver="jess-morgan",
        kind="mentorship",
        what="Coaching as she joined Halyard's leadership team",
        days_ago=176,
        outcome="",
        thanked=False,
        paid_forward_from="",
    ),
    DemoHelp(
        giver="elena-petrova",
        receiver="ananya-iyer",
        kind="work",
        what="The renewal-risk programme, to run as a stretch project",
        days_ago=80,
        outcome="Flagged six at-risk customers in its first month; five renewed",
        thanked=False,
        paid_forward_from="",
    ),
)


# ---------------------------------------------------------------------------------------------
# Introductions, always double opt-in: the person asked first is the one who did not ask for
# it. One finished, one introduced and due a "how did it go?", one ready to make, one waiting
# on an answer for too long, one declined kindly and one not yet asked.
# ---------------------------------------------------------------------------------------------

_INTRODUCTIONS: tuple[DemoIntroduction, ...] = (
    DemoIntroduction(
        a="priya-raman",
        b="maria-chen",
        why_a=(
            'She wants founders who have been close to the problem, "the nurse who got angry", '
            "and more deal flow in diagnostics."
        ),
        why_b=(
            "She needs investors who understand diagnostics and the regulatory path, not "
            '"health tech"; Priya has taken two companies through FDA clearance.'
        ),
        stage="done",
        days_ago=142,
        outcome=(
            "Northgate led Lumen's seed round. Priya called Maria the best founder introduction "
            "she'd had all year."
        ),
    ),
    DemoIntroduction(
        a="tomas-herrera",
        b="rachel-goldberg",
        why_a=(
            "He wants to prove you can hit the number without shaming people; Rachel's piece is a "
            "place to say so, anonymously if he prefers."
        ),
        why_b=(
            "She is looking for sales managers who will talk candidly about loneliness in sales; "
            'Tomás was "the weak one" for three months in his first job and leads differently '
            "because of it."
        ),
        stage="introduced",
        days_ago=39,
    ),
    DemoIntroduction(
        a="oliver-grant",
        b="rachel-goldberg",
        why_a=(
            "He burned out at 34 and is determined that his team won't; Rachel would tell that "
            "story with care."
        ),
        why_b="A CRO who will say out loud what burning out cost him.",
        stage="declined",
        days_ago=39,
    ),
    DemoIntroduction(
        a="maria-chen",
        b="elena-petrova",
        why_a=(
            'She is about to build a customer success team and is scared of hiring "number '
            'seven"; Elena runs sixty people in customer success and knows what each of them is '
            "working towards."
        ),
        why_b=(
            "She offered, unprompted, to be a sounding board for founders building a customer "
            "success team, and she wants every customer cared for by one named person."
        ),
        stage="proposed",
        days_ago=38,
    ),
    DemoIntroduction(
        a="priya-raman",
        b="kwame-asante",
        why_a=(
            "Another founder close to the problem: Kwame started Sankofa Pay because his mother "
            "carried cash across the Aflao border for thirty years and was robbed twice."
        ),
        why_b=(
            "His seed round opens next month and he wants investors who will stay through a "
            "currency crisis; Priya is honest, and will say quickly if Northgate isn't right."
        ),
        stage="asking_a",
        days_ago=18,  # asked 1.5 days later, as in the mail to Priya (16 days ago)
    ),
    DemoIntroduction(
        a="nate-brooks",
        b="zoe-williams",
        why_a=(
            "A profile in Corvid's builders series: a chance to tell the Fieldnote story the way "
            "he learned to, starting with his dad's farm."
        ),
        why_b=(
            "She offered the builders series for founders building interesting things, not "
            "customers or prospects; Ed's 30% less water is exactly that kind of story."
        ),
        stage="agreed",
        days_ago=20,
    ),
)


def demo_help() -> list[DemoHelp]:
    """Help given, received and between people I know: to thank, follow up and pass on."""
    return list(_HELP)


def demo_introductions() -> list[DemoIntroduction]:
    """Double-opt-in introductions, one at each interesting stage."""
    return list(_INTRODUCTIONS)
