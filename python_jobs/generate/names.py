"""Vocabularies and the messy-variant makers the feeds use.

The vocabularies describe the true world (names, places, industries). The variant makers turn a
true value into the way one source system happens to write it: legal suffixes and casing on
company names, URL-shaped websites, honorifics on person names, several addresses in one email
field, every common phone format, typos. Each maker draws from a Dice, so it is deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from python_jobs.generate.rand import Dice, cumulative

# --- people -------------------------------------------------------------------------------------

# fmt: off
FEMALE_FIRST = (
    "Mary", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen", "Lisa",
    "Nancy", "Sandra", "Ashley", "Emily", "Michelle", "Amanda", "Melissa", "Laura", "Rebecca",
    "Rachel", "Hannah", "Olivia", "Emma", "Sophia", "Ava", "Mia", "Grace", "Chloe", "Natalie",
    "Victoria", "Megan", "Julia", "Anna", "Claire", "Priya", "Aisha", "Mei", "Yuki", "Fatima",
    "Ingrid", "Katarzyna", "Jane", "Ann", "Zoë", "Chloé", "Renée", "Inés", "Núria", "Begoña",
    "Maëlle", "Françoise", "Åsa", "Małgorzata", "Zsófia", "Léa", "Sinéad", "Siobhán", "Dörte",
)
MALE_FIRST = (
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua",
    "Kevin", "Brian", "George", "Timothy", "Ryan", "Jacob", "Nicholas", "Eric", "Jonathan",
    "Benjamin", "Samuel", "Alexander", "Raj", "Arjun", "Wei", "Kenji", "Omar", "Lars", "Pieter",
    "Mateo", "Lucas", "Noah", "José", "André", "François", "Björn", "Søren", "Jürgen", "Łukasz",
    "Ñaki", "Joël", "Stéphane", "Ramón", "Tomás", "Håkon", "Oğuz", "Dénes", "Jiří", "Sean",
)
LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green",
    "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell",
    "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
    "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox",
    "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Hughes", "Price",
    "Sanders", "Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry", "Russell",
    "Sullivan", "Fisher", "Henderson", "Coleman", "Patterson", "Jordan", "Reynolds", "Hamilton",
    "Graham", "Wallace", "Lee", "Patel", "Shah", "Kumar", "Singh", "Chen", "Wang", "Tanaka",
    "Sato", "Kim", "Park", "Nguyen", "Tran", "Hassan", "Ali", "Cohen", "Levi", "Schmidt",
    "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Hoffmann", "Jansen", "de Vries",
    "van Dijk", "Rossi", "Russo", "Bianchi", "Dubois", "Lefebvre", "Moreau", "Kowalski", "Nowak",
    "Novak", "Horvat", "O'Brien", "O'Connor", "McDonald", "MacLeod", "Doe", "Álvarez",
    "Müller", "García", "Martínez", "Rodríguez", "Hernández", "López", "González", "Pérez",
    "Sánchez", "Ramírez", "Núñez", "Gómez", "Böhm", "Köhler", "Schäfer", "Ødegaard", "Søndergaard",
    "Łukaszewicz", "Wójcik", "Dvořák", "Şahin", "Öztürk", "Nguyễn", "Lefèvre",
)
# fmt: on


@dataclass(frozen=True)
class NonLatinName:
    """A person whose name is written in another script; romanized for email and LinkedIn."""

    full: str
    first_ascii: str
    last_ascii: str
    gender: str


NON_LATIN_NAMES = (
    NonLatinName("李伟", "wei", "li", "m"),
    NonLatinName("王芳", "fang", "wang", "f"),
    NonLatinName("张敏", "min", "zhang", "f"),
    NonLatinName("刘洋", "yang", "liu", "m"),
    NonLatinName("陈静", "jing", "chen", "f"),
    NonLatinName("山田太郎", "taro", "yamada", "m"),
    NonLatinName("佐藤花子", "hanako", "sato", "f"),
    NonLatinName("김민준", "minjun", "kim", "m"),
    NonLatinName("Иван Петров", "ivan", "petrov", "m"),
    NonLatinName("Ольга Смирнова", "olga", "smirnova", "f"),
    NonLatinName("Γιώργος Παπαδόπουλος", "giorgos", "papadopoulos", "m"),
    NonLatinName("محمد العلي", "mohammed", "alali", "m"),
)
NON_LATIN_SHARE = 0.03

HONORIFICS = {"f": ("Ms.", "Mrs.", "Dr.", "Ms", "Prof."), "m": ("Mr.", "Dr.", "Mr", "Prof.")}
GENERATIONAL_SUFFIXES = (", Jr.", " Jr.", " Jr", ", Sr.", " III", " II", ", PhD", " MBA")

# fmt: off
FREEMAIL_DOMAINS = (
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "gmx.de",
    "protonmail.com",
)
# fmt: on
FREEMAIL_WEIGHTS = cumulative((40, 15, 12, 14, 4, 8, 4, 3))

# --- companies ----------------------------------------------------------------------------------

# Brand-like cores: invented syllable pairs and plain words, combined with sector words below.
# fmt: off
CORE_HEADS = (
    "Ast", "Bel", "Cor", "Dyn", "Ev", "Fin", "Gal", "Hel", "Ion", "Jun", "Kin", "Lum", "Mer",
    "Nov", "Omn", "Pax", "Quan", "Rex", "Syn", "Tri", "Ult", "Ver", "Wex", "Xen", "Yar", "Zen",
    "Ard", "Bry", "Cal", "Dex", "Ely", "Fal",
)
CORE_TAILS = (
    "ora", "ex", "ify", "ium", "ent", "ica", "on", "era", "ix", "ara", "io", "yx", "ova", "ant",
    "is", "aro", "eon", "ity",
)
CORE_WORDS = (
    "Acme", "Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Hooli", "Vandelay",
    "Cyberdyne", "Wonka", "Tyrell", "Soylent", "Stark", "Wayne", "Oscorp", "Umbrella", "Summit",
    "Harbor", "Cedar", "Granite", "Silver", "Iron", "Maple", "Falcon", "Eagle", "Atlas", "Apex",
    "Vertex", "Pioneer", "Liberty", "Keystone", "Horizon", "Beacon", "Crest", "Meridian",
    "Sterling", "Evergreen", "Bluebird", "Redwood", "Stonebridge", "Riverbend", "Lakeshore",
    "Highland", "Clearwater", "Brightpath", "Blackrock", "Goldleaf", "Ironwood", "Northstar",
    "Westfield", "Eastgate", "Southport", "Oakridge", "Pinecrest", "Silverline", "Skyline",
    "Sunrise", "Trailhead", "Waypoint", "Windmill", "Copperfield", "Bluewater", "Greenfield",
    "Fairview", "Lighthouse", "Quantum", "Nimbus", "Cobalt", "Orbit", "Polaris", "Zenith",
    "Catalyst", "Momentum", "Paragon", "Sentinel", "Vanguard", "Pinnacle", "Cascade", "Aurora",
    "Helix", "Nexus", "Prism", "Radiant", "Tandem", "Vector", "Vivid", "Kestrel", "Osprey",
    "Juniper", "Sequoia", "Aspen", "Birch", "Willow", "Hawthorn", "Magnolia",
)
COMPANY_PREFIXES = (
    "Global", "United", "First", "American", "Pacific", "Atlantic", "National", "Advanced",
    "Integrated", "Premier", "Allied", "Modern", "Smart", "Bright", "Rapid", "True", "Prime",
    "Blue", "Green", "Red", "New", "Western", "Eastern", "Northern", "Southern", "Digital",
)
COMPANY_SECTORS = (
    "Analytics", "Industries", "Solutions", "Systems", "Technologies", "Labs", "Dynamics",
    "Logistics", "Networks", "Software", "Health", "Energy", "Capital", "Ventures", "Robotics",
    "Media", "Foods", "Materials", "Biosciences", "Works", "Data", "Cloud", "Security",
    "Consulting", "Manufacturing", "Retail", "Financial", "Pharma", "Insights", "Devices",
    "Interactive", "Mobility", "Payments", "Therapeutics", "Engineering", "Outfitters", "Supply",
    "Learning", "Studios", "Brands", "Aerospace", "Marine", "Motors", "Foundry", "Partners",
    "Tech", "Medical", "Telecom", "Semiconductor",
)
# fmt: on
# Appended when a name is already taken: never a word a suffix stripper would remove.
NAME_QUALIFIERS = ("West", "East", "North", "South", "Central", "Plus", "One", "Pro", "Hub", "Next")

# fmt: off
INDUSTRIES = (
    "Software", "Financial Services", "Healthcare", "Manufacturing", "Retail", "Logistics",
    "Education", "Media", "Energy", "Telecommunications", "Biotechnology", "Insurance",
    "Real Estate", "Consulting", "Hospitality", "Automotive", "Government", "Nonprofit",
)
# fmt: on
INDUSTRY_WEIGHTS = cumulative((22, 11, 9, 10, 7, 5, 4, 4, 3, 3, 4, 4, 3, 5, 2, 2, 1, 1))

# fmt: off
LEGAL_SUFFIXES = (
    " Inc.", " Inc", ", Inc.", " Corp.", " Corporation", " Corporation, Inc.", " LLC", ", LLC",
    ", llc", " Ltd.", " Limited", " GmbH", " S.A.", " AG", " Co.", " PLC", " B.V.", " Pty Ltd",
)
# fmt: on
LEGAL_SUFFIX_WEIGHTS = cumulative((14, 6, 10, 10, 5, 3, 12, 6, 2, 5, 2, 6, 4, 2, 4, 2, 1, 1))

# fmt: off
OWNERS = (
    "Alex Rivera", "Jordan Blake", "Casey Morgan", "Taylor Brooks", "Sam Patel", "Morgan Lee",
    "Jamie Chen", "Riley Novak", "Drew Okafor", "Avery Lindqvist", "Quinn Alvarez",
    "Harper Nakamura",
)
# fmt: on

# --- places -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    code: str
    spellings: tuple[str, ...]  # how sources write it; the first is the ISO code
    calling_code: str
    phone_groups: tuple[int, ...]  # digit groups of the national number, for display
    tlds: tuple[str, ...]


# fmt: off
COUNTRIES = (
    Country("US", ("US", "USA", "United States", "United States of America", "U.S."), "1",
            (3, 3, 4), (".com",)),
    Country("CA", ("CA", "Canada", "CAN"), "1", (3, 3, 4), (".ca", ".com")),
    Country("GB", ("GB", "UK", "United Kingdom", "Great Britain"), "44", (2, 4, 4),
            (".co.uk", ".com")),
    Country("DE", ("DE", "Germany", "Deutschland"), "49", (2, 7), (".de", ".com")),
    Country("FR", ("FR", "France"), "33", (1, 2, 2, 2, 2), (".fr", ".com")),
    Country("NL", ("NL", "Netherlands", "The Netherlands"), "31", (2, 3, 4), (".nl", ".com")),
    Country("ES", ("ES", "Spain", "España"), "34", (3, 3, 3), (".es", ".com")),
    Country("IN", ("IN", "India"), "91", (5, 5), (".in", ".com")),
    Country("AU", ("AU", "Australia"), "61", (1, 4, 4), (".com.au", ".com")),
    Country("BR", ("BR", "Brazil", "Brasil"), "55", (2, 5, 4), (".com.br", ".com")),
    Country("JP", ("JP", "Japan"), "81", (2, 4, 4), (".jp", ".com")),
)
# fmt: on
COUNTRY_WEIGHTS = cumulative((72, 4, 6, 5, 3, 2, 1.5, 2, 2, 1.5, 1))

# (code, name, weight): weights follow where companies are.
# fmt: off
US_STATES = (
    ("CA", "California", 14), ("NY", "New York", 9), ("TX", "Texas", 9), ("FL", "Florida", 6),
    ("IL", "Illinois", 5), ("MA", "Massachusetts", 5), ("WA", "Washington", 4),
    ("GA", "Georgia", 3), ("CO", "Colorado", 3), ("NC", "North Carolina", 3),
    ("PA", "Pennsylvania", 3), ("NJ", "New Jersey", 3), ("VA", "Virginia", 3), ("OH", "Ohio", 3),
    ("MI", "Michigan", 2), ("MN", "Minnesota", 2), ("AZ", "Arizona", 2), ("UT", "Utah", 2),
    ("OR", "Oregon", 2), ("TN", "Tennessee", 2), ("MD", "Maryland", 2), ("MO", "Missouri", 1),
    ("WI", "Wisconsin", 1), ("IN", "Indiana", 1), ("CT", "Connecticut", 1),
    ("NV", "Nevada", 1), ("DC", "District of Columbia", 1), ("DE", "Delaware", 1),
)
# fmt: on
US_STATE_WEIGHTS = cumulative(tuple(weight for _, _, weight in US_STATES))
US_STATE_NAMES = {code: name for code, name, _ in US_STATES}
# Real area codes (US numbers): the spec's 555 sample number stays reserved for John Smith.
# fmt: off
US_AREA_CODES = (
    212, 213, 214, 305, 312, 313, 404, 408, 415, 425, 469, 503, 512, 602, 617, 646, 650, 702, 713,
    720, 737, 801, 832, 858, 904, 917, 919, 949, 971, 972,
)
# fmt: on

# --- small helpers ------------------------------------------------------------------------------


@cache
def fold_ascii(text: str) -> str:
    """'Núñez' -> 'Nunez', 'Søren' -> 'Soren': email and URL spellings of accented names."""
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ß", "ss").replace("æ", "ae").replace("å", "a").replace("Å", "A")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@cache
def slug(text: str) -> str:
    """Lower-case ASCII letters and digits only: the stuff of email locals and domains."""
    return re.sub(r"[^a-z0-9]", "", fold_ascii(text).lower())


def typo(text: str, dice: Dice) -> str:
    """One swapped, dropped or doubled letter; the first character stays (as in real typos)."""
    positions = [i for i, char in enumerate(text) if i > 0 and char.isalpha()]
    if len(text) < 4 or not positions:
        return text
    i = dice.pick(positions)
    kind = dice.below(3)
    if kind == 0 and i + 1 < len(text) and text[i + 1].isalpha() and text[i + 1] != text[i]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def recase(text: str, dice: Dice) -> str:
    """Upper, lower or title case, as exported by systems that shout or whisper."""
    kind = dice.below(3)
    if kind == 0:
        return text.upper()
    if kind == 1:
        return text.lower()
    return text.title()


# --- variant makers -----------------------------------------------------------------------------


def company_name_variant(name: str, dice: Dice, typo_p: float = 0.0) -> str:
    """'Acme' -> 'ACME CORPORATION, INC.', 'Acme Corp.', 'acme, llc', 'Acme GmbH'..."""
    if dice.chance(typo_p):
        name = typo(name, dice)
    if dice.chance(0.7):
        name += dice.pick_weighted(LEGAL_SUFFIXES, LEGAL_SUFFIX_WEIGHTS)
    if dice.chance(0.45):
        name = recase(name, dice)
    if dice.chance(0.05):
        name = f" {name}  "
    return name


def website_variant(domain: str, dice: Dice) -> str:
    """'acme.com' as people paste it: 'https://www.Acme.com/about', 'ACME.COM', 'www.acme.com'."""
    label, _, rest = domain.partition(".")
    kind = dice.below(8)
    if kind == 0:
        return f"https://www.{label.capitalize()}.{rest}/about"
    if kind == 1:
        return f"http://{domain}"
    if kind == 2:
        return f"www.{domain}"
    if kind == 3:
        return domain.upper()
    if kind == 4:
        return f"https://{domain}/"
    if kind == 5:
        return f"https://www.{domain}/contact-us?utm_source=crm"
    if kind == 6:
        return f"HTTP://WWW.{domain.upper()}"
    return f"https://www.{domain}"


def person_name_variant(full_name: str, gender: str, latin: bool, dice: Dice) -> str:
    """'John Smith' -> 'Mr. JOHN SMITH, Jr.', 'Dr. jane doe', 'Ms. Ann Lee III', extra blanks."""
    if not latin:
        return f" {full_name} " if dice.chance(0.3) else full_name
    name = full_name
    if dice.chance(0.5):
        name = recase(name, dice)
    if dice.chance(0.35):
        name = f"{dice.pick(HONORIFICS[gender])} {name}"
    if dice.chance(0.25):
        name += dice.pick(GENERATIONAL_SUFFIXES)
    if dice.chance(0.3):
        name = name.replace(" ", "  ", 1) if dice.chance(0.5) else f"  {name} "
    return name


def email_variant(work: str, personal: str, dice: Dice) -> str:
    """One field, many habits: 'John.Smith@acme.com; jsmith@gmail.com', upper case, 'mailto:'."""
    kind = dice.below(7)
    if kind == 0:
        return f"{work}; {personal}"
    if kind == 1:
        return f"{personal}, {work}"
    if kind == 2:
        return work.upper()
    if kind == 3:
        local, _, domain = work.partition("@")
        return f"{'.'.join(part.capitalize() for part in local.split('.'))}@{domain}"
    if kind == 4:
        return f"  {work} "
    if kind == 5:
        return f"mailto:{work}"
    return f"<{work}>"


def malformed_email(work: str, dice: Dice) -> str:
    """Plainly broken addresses: 'john.smith@', 'john at acme.com', 'john.smith@acme'."""
    local, _, domain = work.partition("@")
    kind = dice.below(4)
    if kind == 0:
        return f"{local}@"
    if kind == 1:
        return f"{local} at {domain}"
    if kind == 2:
        return f"{local}@{domain.rsplit('.', 1)[0]}"
    return f"{local}@@{domain}"


def personal_email(first_ascii: str, last_ascii: str, number: int, dice: Dice) -> str:
    """A free-mail address; the number (from a bijection of the person id) keeps it unique."""
    domain = dice.pick_weighted(FREEMAIL_DOMAINS, FREEMAIL_WEIGHTS)
    first, last = slug(first_ascii), slug(last_ascii)
    local = dice.pick(
        (f"{first}.{last}", f"{first}{last}", f"{first[:1]}{last}", f"{first}_{last}")
    )
    return f"{local}{number}@{domain}"


# --- phones -------------------------------------------------------------------------------------


def new_phone(country: Country, dice: Dice) -> str:
    """A true phone number in E.164 ('+14155550123')."""
    if country.calling_code == "1":
        area = dice.pick(US_AREA_CODES)
        return f"+1{area}{dice.between(200, 999)}{dice.between(0, 9999):04d}"
    digits = "".join(str(dice.below(10)) for _ in range(sum(country.phone_groups) - 1))
    return f"+{country.calling_code}{dice.between(1, 9)}{digits}"


def _grouped(digits: str, groups: tuple[int, ...], sep: str) -> str:
    parts, start = [], 0
    for size in groups[:-1]:
        parts.append(digits[start : start + size])
        start += size
    parts.append(digits[start:])
    return sep.join(parts)


def phone_variant(e164: str, dice: Dice) -> str:
    """'+14155550123' -> '(415) 555-0123', '415.555.0123', '1-415-555-0123', '+49 30 1234567'."""
    country = next(c for c in COUNTRIES if e164.startswith("+" + c.calling_code))
    national = e164[1 + len(country.calling_code) :]
    if country.calling_code != "1":
        grouped = _grouped(national, country.phone_groups, " ")
        kind = dice.below(4)
        if kind == 0:
            return f"0{grouped}"  # national format: only right with the country in mind
        if kind == 1:
            return f"00{country.calling_code} {grouped}"
        return f"+{country.calling_code} {grouped}"
    area, exchange, line = national[:3], national[3:6], national[6:]
    forms = (
        f"({area}) {exchange}-{line}",
        f"{area}.{exchange}.{line}",
        f"+1 {area} {exchange} {line}",
        f"1-{area}-{exchange}-{line}",
        f"{area}-{exchange}-{line}",
        f"{area}-{exchange}-{line} x{dice.between(100, 999)}",
        f"+1 ({area}) {exchange}-{line}",
        national,
    )
    return dice.pick(forms)


INVALID_PHONES = ("12345", "n/a", "555", "000-000-0000", "call me")


def linkedin_url(slug_text: str, dice: Dice) -> str:
    """A LinkedIn profile as people paste it: scheme, 'www.', trailing slash and tracking vary."""
    roll = dice.random()
    if roll < 0.5:
        return f"https://www.linkedin.com/in/{slug_text}"
    if roll < 0.7:
        return f"https://www.linkedin.com/in/{slug_text}/"
    if roll < 0.8:
        return f"linkedin.com/in/{slug_text}"
    if roll < 0.88:
        return f"http://linkedin.com/in/{slug_text}"
    if roll < 0.95:
        return f"https://linkedin.com/in/{slug_text}?trk=public_profile"
    return f"www.linkedin.com/in/{slug_text}"


def country_spelling(country: Country, dice: Dice) -> str:
    """The ISO code most of the time, otherwise one of the names people type."""
    return country.code if dice.chance(0.55) else dice.pick(country.spellings)
