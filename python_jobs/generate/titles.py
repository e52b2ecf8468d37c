"""Jobs: seniorities, departments, canonical titles, job changes and messy title spellings.

A canonical title is what the spec's title normalization produces ('VP of HR Operations'); the
feeds write variants of it ('v.p. of hr operations', 'Sr. Mgr, Sales', 'CTO'). Titles always
agree with the seniority, so a promotion ('Sales Manager' -> 'VP Sales') is visible in both.
"""

from __future__ import annotations

import re

from python_jobs.generate.rand import Dice, cumulative

SENIORITIES = ("intern", "individual_contributor", "manager", "director", "vp", "c_level")
SENIORITY_WEIGHTS = cumulative((3, 50, 22, 13, 8, 4))
INTERN, IC, MANAGER, DIRECTOR, VP, C_LEVEL = range(len(SENIORITIES))

# fmt: off
DEPARTMENTS = (
    "sales", "marketing", "engineering", "finance", "hr", "operations", "it", "product", "legal",
    "customer_success",
)
# fmt: on
DEPARTMENT_WEIGHTS = cumulative((18, 12, 20, 7, 5, 10, 8, 8, 3, 9))

# How the other systems write the enumerations; the first spelling is the canonical one.
SENIORITY_LABELS = (
    ("intern", "Intern"),
    ("individual_contributor", "Individual Contributor", "IC", "Staff"),
    ("manager", "Manager", "Mgr"),
    ("director", "Director"),
    ("vp", "VP", "Vice President"),
    ("c_level", "C-Level", "CXO", "Executive"),
)
DEPARTMENT_LABELS = (
    ("sales", "Sales"),
    ("marketing", "Marketing"),
    ("engineering", "Engineering", "R&D"),
    ("finance", "Finance"),
    ("hr", "HR", "Human Resources"),
    ("operations", "Operations", "Ops"),
    ("it", "IT", "Information Technology"),
    ("product", "Product"),
    ("legal", "Legal"),
    ("customer_success", "Customer Success", "CS"),
)

# Functional areas per department: the '{area}' in 'VP of {area}'.
AREAS = (
    ("Sales", "Sales Operations", "Inside Sales", "Enterprise Sales", "Business Development"),
    ("Marketing", "Demand Generation", "Product Marketing", "Brand Marketing"),
    ("Engineering", "Platform Engineering", "Data Engineering", "Infrastructure"),
    ("Finance", "FP&A", "Accounting", "Treasury"),
    ("HR", "HR Operations", "People", "Talent Acquisition"),
    ("Operations", "Business Operations", "Supply Chain", "Procurement"),
    ("IT", "IT Operations", "Information Security", "Enterprise Applications"),
    ("Product", "Product Management", "Product Design", "UX"),
    ("Legal", "Compliance", "Contracts"),
    ("Customer Success", "Customer Support", "Client Services", "Account Management"),
)
# fmt: off
INDIVIDUAL_TITLES = (
    ("Account Executive", "Sales Development Representative", "Senior Account Executive",
     "Business Development Representative", "Sales Engineer"),
    ("Marketing Specialist", "Content Strategist", "Marketing Analyst", "Growth Marketer"),
    ("Software Engineer", "Senior Software Engineer", "Data Engineer", "Site Reliability Engineer",
     "QA Engineer"),
    ("Financial Analyst", "Accountant", "Senior Accountant", "Payroll Specialist"),
    ("Recruiter", "HR Generalist", "Talent Partner", "HR Coordinator"),
    ("Operations Analyst", "Business Analyst", "Buyer", "Operations Specialist"),
    ("Systems Administrator", "IT Support Specialist", "Network Engineer", "Security Analyst"),
    ("Product Designer", "Product Analyst", "UX Researcher", "Product Owner"),
    ("Paralegal", "Legal Counsel", "Compliance Analyst", "Contracts Specialist"),
    ("Customer Success Associate", "Support Engineer", "Onboarding Specialist",
     "Customer Success Specialist"),
)
# fmt: on
CHIEF_TITLES = (
    ("Chief Revenue Officer", "Chief Sales Officer"),
    ("Chief Marketing Officer",),
    ("Chief Technology Officer",),
    ("Chief Financial Officer",),
    ("Chief People Officer", "Chief Human Resources Officer"),
    ("Chief Operating Officer", "Chief Executive Officer"),
    ("Chief Information Officer", "Chief Information Security Officer"),
    ("Chief Product Officer",),
    ("Chief Legal Officer",),
    ("Chief Customer Officer",),
)
AREA_TEMPLATES = {
    INTERN: ("{area} Intern",),
    MANAGER: ("{area} Manager", "Senior {area} Manager"),
    DIRECTOR: ("Director of {area}", "{area} Director", "Senior Director of {area}"),
    VP: ("VP {area}", "VP of {area}", "SVP {area}"),
}


def title_for(seniority: int, department: int, area: int, dice: Dice) -> str:
    """A canonical title that matches the seniority and department."""
    if seniority == IC:
        return dice.pick(INDIVIDUAL_TITLES[department])
    if seniority == C_LEVEL:
        return dice.pick(CHIEF_TITLES[department])
    template = dice.pick(AREA_TEMPLATES[seniority])
    return template.format(area=AREAS[department][area % len(AREAS[department])])


def promoted_seniority(seniority: int, dice: Dice) -> int:
    """One level up, sometimes two (a manager made VP, as in the spec's worked example)."""
    step = 2 if dice.chance(0.15) else 1
    return min(seniority + step, C_LEVEL)


def lateral_title(seniority: int, department: int, title: str, dice: Dice) -> str:
    """A different title at the same seniority and department (a transfer), when one exists."""
    for _ in range(8):
        candidate = title_for(seniority, department, dice.below(8), dice)
        if candidate != title:
            return candidate
    return title


# --- messy spellings ----------------------------------------------------------------------------

CHIEF_ACRONYMS = {
    "Chief Revenue Officer": "CRO",
    "Chief Sales Officer": "CSO",
    "Chief Marketing Officer": "CMO",
    "Chief Technology Officer": "CTO",
    "Chief Financial Officer": "CFO",
    "Chief People Officer": "CPO",
    "Chief Human Resources Officer": "CHRO",
    "Chief Operating Officer": "COO",
    "Chief Executive Officer": "CEO",
    "Chief Information Officer": "CIO",
    "Chief Information Security Officer": "CISO",
    "Chief Product Officer": "CPO",
    "Chief Legal Officer": "CLO",
    "Chief Customer Officer": "CCO",
}
_ABBREVIATIONS = (
    (re.compile(r"\bSVP\b"), ("Senior Vice President", "Sr. VP", "SVP")),
    (re.compile(r"\bVP\b"), ("Vice President", "V.P.", "vp", "VP")),
    (re.compile(r"\bSenior\b"), ("Sr.", "Sr")),
    (re.compile(r"\bManager\b"), ("Mgr", "Mgr.")),
    (re.compile(r"\bDirector\b"), ("Dir.", "Dir")),
    (re.compile(r"\bHR\b"), ("Human Resources", "HR")),
)
# Word-order habits: 'Sales Manager' -> 'Manager, Sales', 'VP of Engineering' -> 'VP, Engineering',
# 'VP Sales' -> 'VP of Sales', 'Marketing Director' -> 'Director, Marketing'.
_REORDERS = (
    (re.compile(r"^(Senior )?(.+) Manager$"), r"\1Manager, \2"),
    (re.compile(r"^(S?VP) of (.+)$"), r"\1, \2"),
    (re.compile(r"^(S?VP) ([^,].*)$"), r"\1 of \2"),
    (re.compile(r"^(.+) Director$"), r"Director, \1"),
)


def title_variant(title: str, dice: Dice) -> str:
    """'VP of HR Operations' -> 'v.p. of hr operations'; 'Chief Technology Officer' -> 'CTO'."""
    if title in CHIEF_ACRONYMS and dice.chance(0.5):
        title = CHIEF_ACRONYMS[title]
    for pattern, replacement in _REORDERS:
        if dice.chance(0.4):
            title = pattern.sub(replacement, title)
    for pattern, spellings in _ABBREVIATIONS:
        if dice.chance(0.5):
            title = pattern.sub(dice.pick(spellings), title)
    roll = dice.random()
    if roll < 0.4:
        return title.lower()
    if roll < 0.5:
        return title.upper()
    if roll < 0.55:
        return f" {title}  "
    return title
