"""Word lists shared by the cleaning rules."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _names(text: str) -> frozenset[str]:
    """Comma-separated names, lowercased."""
    return frozenset(name.strip().lower() for name in text.split(","))


# Lowercase words a Title-Case heading may hold ("Joint Production to Boost Capacity").
SMALL_WORDS = _words(
    """a an the and or but nor for of to in on at by with from as vs vs. via into over per up
    off out amid after than"""
)

# Words that leave a text unfinished when it stops on them.
FUNCTION_WORDS = SMALL_WORDS | _words(
    """is are was were be been has have had will would can could should may might must shall
    do does did that which who whom whose when where while if because since although though
    its their his her our your my this these those such not also including about against
    between among within without under through during before toward towards"""
)

# Capitalised words that open a sentence's subject: "The", "It".
SUBJECT_DETERMINERS = _words("The A An This These Those Its Their His Her Our It They He She We")

# Capitalised words that open sentences but hardly ever headings.
NON_HEADING_OPENERS = _words(
    """According Speaking Today Yesterday Meanwhile However Earlier Later Last This That These
    Those It He She They We I There Here Other"""
)

# Titles that stand before a name: "Minister Ann Lee", "Gen. Bo Roe".
TITLES = _words(
    """President Minister Secretary Chancellor General Gen. Admiral Adm. Colonel Col. Lt.
    Lieutenant Major Maj. Captain Capt. Sergeant Sgt. Commander Cmdr. Chief Ambassador Senator
    Sen. Rep. Representative Governor Gov. Mayor CEO Director Spokesperson Spokesman
    Spokeswoman Premier King Queen Prince Princess Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Advisor
    Adviser Chairman Chairwoman Chair Head Leader Envoy Commissioner Lady Speaker Pope Marshal
    Attache Attaché Officer Prosecutor Judge Inspector Undersecretary Under-Secretary
    Ombudsman"""
)

# Words that stand before a title: "Former British Deputy Defence Minister".
TITLE_MODIFIERS = _words(
    """Former Acting Deputy Vice Prime First Principal Senior Top Retired Chief Supreme Interim
    Foreign Defense Defence Security National Interior Finance Economy Economic Trade State
    Justice Energy Health Education Higher Industry Industries Strategic Digital Transport
    Culture Agriculture Affairs Army Navy Naval Air Force Forces Armed Joint Staff Military
    Intelligence Homeland Veterans Commerce Treasury Cabinet Presidential General Lieutenant
    Major Rear Brigadier Fleet Space Marine Marines Ground Land United States Kingdom European
    Union Nations US U.S. UK U.K. EU NATO UN U.N. Press Executive Managing Group"""
)

# Words that end an organisation's name, which may be several capitalised words long.
ORGANISATION_HEADS = _words(
    """Council Union Nations Group Ministry Agency Forces Force Army Navy Office Department
    Command Corps Committee Parliament Assembly Service Company Corporation Inc. Inc Ltd Ltd.
    Systems Industries Organization Organisation Bank Fund Institute University Centre Center
    Division Brigade Battalion Regiment Squadron Wing Fleet Station Base Guard Commission
    Court Party Government Administration Cabinet Duma Senate Congress House Board
    Authority"""
)

# A period after these never ends a sentence (titles, months, "No. 5", "e.g.").
NEVER_FINAL = _words(
    """Mr Mrs Ms Messrs Dr Prof Gen Gens Lt Col Maj Capt Cpt Sgt Cpl Pvt Pfc Spc Adm Cmdr Cdr
    Brig Sen Sens Rep Reps Gov Amb Hon Rev Supt Insp Det Lieut Pres Sec Art St Mt Ft Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Nos Vol Fig Figs Nr e.g i.e cf vs viz al approx
    ca"""
)

# A period after these ends a sentence only when a typical sentence opener follows
# (companies, initialisms, US states in datelines).
MAYBE_FINAL = _words(
    """Inc Corp Co Ltd Jr Sr Bros LLC PLC etc Ave Blvd Rd a.m p.m U.S U.K U.N E.U D.C U.S.A
    U.A.E S.A N.V A.G Ph.D Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Mass Md
    Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"""
)

# Words that typically open a sentence.
SENTENCE_OPENERS = _words(
    """The A An It He She They We I In On At But And This That These Those His Her Its Their
    Our There However Meanwhile After While When As If Some Many According Earlier Later Last
    Officials Both Each Still Yet Since Despite Under"""
)

# Words too common in news to tell one story's vocabulary from another's.
STOPWORDS = _words(
    """the and for that with this from have has had was were are is be been being will would
    can could should may might must shall not but its his her their our your they them he she
    it we you who whom whose which what when where while than then there here also about
    after before over under into onto upon said says say told added according more most
    other such some any all each both one two three new last first year years month months
    week weeks day days time since during against between among through very just only
    even still yet however because though although these those many much well like
    including per via out off up down now mr mrs ms"""
)

# Lowercase words allowed between the names of a credit line ("Ann Lee in Kyiv and Bo Roe").
NAME_CONNECTORS = _words(
    "in and of from the at for with by de del der van von al bin la le da du & staff"
)

# News agencies, lowercased, as a wire credit names them.
WIRE_AGENCIES = _names(
    """AP, Associated Press, The Associated Press, Reuters, AFP, Agence France-Presse,
    dpa, Deutsche Presse-Agentur, TASS, Xinhua, PTI, ANI, IANS, UNI, Ukrinform, Interfax,
    Interfax-Ukraine, RIA Novosti, RIA, Bloomberg, EFE, ANSA, Yonhap, Kyodo, Anadolu,
    Anadolu Agency, UPI, CNA, Bernama, APA, PAP, CTK, BTA, Unian, RFE/RL, Agencies, Wires,
    Wire services"""
)
