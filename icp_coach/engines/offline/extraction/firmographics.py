"""Employee and revenue ranges from the units that describe who the customer is.

Which field a figure belongs to is read from the words around it, as a person reads them: the
nearest cue in its clause wins - people words ("people", "staff", "员工", "人") make a headcount,
money words (a currency, "revenue", "营收", "doing $20M a year") a revenue, and a price, a deal
size or funding ("ACV", "our price", "客单价", "年费", "raised") or a count of something else
("beds", "床位", "门店", "people a day", "服务 5 万用户") makes no firmographic at all.
With no cue nearby, a figure in the millions is money; then the sentence decides, then the
sentence before it.

Precedence: the first explicit range > one-sided bounds ("200+ employees") > hints. A hint is a sentence that opens with a bound and then says what goes
wrong there ("Below ~50 they hack it together in Stripe"): the bound is where the profile
starts. A bound inside a profile clause that rules something out marks where the profile
starts too ("skip anything under 20 people" is a lower bound of 20; "千人以上的不做" an upper
bound of 1000); a range inside one is no profile range. Red-flag units never reach here.

On whole notes a later correction wins as a person reads it: the last corrected range, then
each later one-sided statement (a property field naming a bound, "the floor is now 60",
"上限改为 5 亿") moves its side (`size_statements.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from icp_coach.engines.offline.extraction.declared_units import (
    Declared,
    apply_declared,
    declared_unit,
)
from icp_coach.engines.offline.extraction.exclusion import SEGMENT_RULED_OUT
from icp_coach.engines.offline.extraction.lexicons import cues, has_cjk
from icp_coach.engines.offline.extraction.lines import Unit, split_sentences
from icp_coach.engines.offline.extraction.reading_order import in_reading_order
from icp_coach.engines.offline.extraction.size_statements import (
    CHANGE,
    bound_awaiting_value,
    changes_right_before,
    field_bound,
    in_revision_context,
    is_old_range,
    is_old_value,
    is_reference,
    opens_as_amendment,
    replacement_pairs,
    side_of,
    side_word_next_to,
    sides_named,
    value_opening,
)
from icp_coach.text.money import conversion_note, has_rate, to_usd
from icp_coach.text.numbers import (
    OPEN_CEILING,
    NumberRange,
    find_quantities,
    find_ranges,
)

SIZE_KINDS = (None, "profile")
_HINT_OPENING = re.compile(
    # "The farms under 20 people had nobody to run dispatch": a group named, then its bound
    r"^\W*(?:(?:the|those|these|any|anyone|anything|companies|firms|shops)\s+(?:[a-z-]+\s+){0,2}?)?"
    r"(?:below|under|less than|fewer than|smaller than|above|over|more than|bigger than"
    r"|larger than|past|beyond|<|>)\b", re.IGNORECASE)
_CURRENCY_WORDS = re.compile(r"人民币|美元|美金")
# A number right before one of these counts stores, sites, seats... not employees ("50家店").
_COUNTED_THING = re.compile(
    r"^\s*(?:\+|或?以上|或?以下)?\s*(?:人次|次|例|单|家|个|间|张|辆|台|座|所|床|门店|店|分店|网点|工位|牙椅"
    r"|吨|公斤|千克|平方米|平米|㎡|亩|兆瓦|千瓦|头|套|栋|条|部|艘|架|桶|箱|户|位客户|个客户|个用户|位会员"
    r"|只|羽|尾|匹|棵|株|件|双|瓶|罐|袋|盒|眼|口(?:塘|井|池)"
    r"|(?:mw|kw|tons?|tonnes?|sq\.?\s?ft|square\s+(?:feet|meters|metres)"
    r"|m2|barrels|bbl|cases|pallets|parcels|shipments|visits|patients|students|beds|acres|hectares"
    r"|head\s+of\s+cattle|gallons|litres|liters)\b|(?:(?:retail|physical)\s+)?"
    r"(?:stores?|shops?|locations?|sites?|outlets?|branch(?:es)?|clinics?|practices|offices|rooftops?"
    r"|beds?|rooms?|seats?|units?|doors|trucks?|vehicles?|vans?|members?|users?|customers?|clients?"
    r"|accounts?|subscribers?|properties|restaurants?|venues?|warehouses?|machines?|rigs?|wells?)\b)",
    re.IGNORECASE)
# Staff of one site, not of the company.
_PER_SITE = re.compile(
    r"(?<![A-Za-z])(?:per|each|every|a|at\s+each|in\s+each)\s+(?:store|shop|location|site|branch"
    r"|outlet|clinic|office|restaurant|venue|depot|yard|plant|practice)(?![A-Za-z])"
    r"|(?:一|每)(?:家|个|间|所)(?:店|门店|分店|网点|诊所|工厂|仓库|站)|单店|每店|单个门店", re.IGNORECASE)
# "个" / "位" counting people ("三百个员工", "两百位师傅").
_PEOPLE_MEASURE = re.compile(r"\s*(?:个|位)(?:人|员工|工人|职员|师傅|技工|技师|员工)")
# What is counted, said before the number ("年体检人次五万到八十万", "库容 1 万吨", "beds: 120").
_COUNTED_BEFORE = re.compile(
    r"(?:人次|库容|床位|门店数?|客房|房间数?|网点|牙椅|工位|坐席|席位|车辆|车队|学员|会员|用户|客户数|订单|visits|beds"
    r"|存栏|出栏|产能|日产|年产|月产|产量|养殖规模|饲养量|种植面积"
    r"|stores|locations|sites|members|students|subscribers|users|customers|seats|rooms|units|fleet"
    r"|trucks|vehicles)\s*(?:数|数量|number|规模)?\s*(?:每年|一年|年|每月|a\s+year|per\s+year|annually)?"
    r"\s*(?:of|有|在)?\s*[:：]?\s*(?:约|大约|around|about|~)?\s*$",
    re.IGNORECASE)
# People served, not employed: "serving 5,000 to 50,000 people", "服务两三千个用户".
_SERVED_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:serv(?:e|es|ed|ing)|see(?:s|ing)?|reach(?:es|ing)?|treat(?:s|ing)?|visitors"
    r"|footfall|audience|population|town(?:s)?\s+of|cit(?:y|ies)\s+of|communit(?:y|ies)\s+of)"
    r"(?![A-Za-z])|服务|接待|覆盖|人口|粉丝|居民|客流|日活|月活|访客", re.IGNORECASE)
_FLOW_AFTER = re.compile(
    r"^\s*(?:people|persons|visitors|人|人次)?\s*(?:(?:a|per|each|every)\s+(?:day|week|month|shift|night)"
    r"|daily|weekly|每天|每日|每周|每月|一天|一周|日均)", re.IGNORECASE)
# Words that make a headcount whatever else the clause says.
_STAFF = re.compile(r"(?<![A-Za-z])(?:employees?|staff(?:ers)?|headcount|head\s+count|ftes?|workers|pax"
                    r"|team\s+members|associates|guys"
                    r"|crew(?!s)|techs|technicians|field\s+hands|on\s+(?:the\s+)?payroll)(?![A-Za-z])"
                    r"|员工|职员|职工|雇员|人员规模|在职|工人|技工|师傅", re.IGNORECASE)
# "2-3 FTEs in the office", "a finance team of 5": the size of a team, not of the company.
_TEAM = re.compile(r"(?<![A-Za-z])(?:team|teams|crews?\s+of|crew\s+sizes?|department|dept|office staff"
                   r"|in the office|in-house"
                   r"|dedicated|in\s+(?:finance|accounting|accounts\s+payable|billing|it|ops|operations"
                   r"|hr|payroll|sales|marketing|support|dispatch|admin|the\s+back\s+office|procurement"
                   r"|purchasing|legal|compliance))(?![A-Za-z])|团队|部门|办公室|财务|行政|人事|采购部|客服"
                   r"|调度", re.IGNORECASE)
_TEAM_MAX = 20
# "one or two people do the scheduling", "三五个人负责调度": who does a job, not the headcount.
_ROLE_AFTER = re.compile(
    r"^\s*(?:people|persons?|staff(?:ers)?|folks|ppl|admins?|个人|人|名|位)?\s*(?:who\s+|that\s+)?"
    r"(?:do|does|doing|handle[sd]?|handling|manage[sd]?|managing|run|runs|running|own|owns|juggle"
    r"|work(?:s|ing)?\s+on|in\s+charge|responsible|on\s+the\s+(?:phones?|desk|road)|负责|在做|专门|兼职"
    r"|管着?|跑|操作|处理|做)", re.IGNORECASE)
_UNIT_CODE = re.compile(r"\s*(?!USD|EUR|GBP|CNY|RMB|ARR|MRR)[A-Z]{2,5}\b")
# Plural nouns for people (agent suffixes), and the few things with the same endings.
_PEOPLE = re.compile(r"(?:ors|ers|ists|ians|eers|ants|ics|men|women|folks|staffers)$")
_THINGS = {"containers", "trailers", "printers", "servers", "computers", "chargers", "lockers",
           "members", "customers", "users", "subscribers", "followers", "orders", "players",
           "readers", "scanners", "sensors", "meters", "monitors", "routers", "boilers", "towers",
           "centers", "centres", "offers", "tickets", "restaurants", "accounts", "clients",
           "patients", "residents", "tenants", "students", "participants", "applicants",
           "visitors", "buyers", "shoppers", "diners", "passengers", "riders", "viewers",
           "listeners", "donors", "attendees", "guests", "owners", "renters", "borrowers",
           "plants", "events", "parts", "installs", "freelancers", "contractors",
           "subcontractors", "volunteers", "partners", "affiliates", "resellers", "suppliers",
           "vendors", "franchisees", "distributors", "crews", "teams", "squads", "shifts",
           # machines and gear named like agents ("10 to 40 excavators", "3-8 loaders")
           "excavators", "loaders", "tractors", "generators", "compressors", "elevators",
           "escalators", "mixers", "dozers", "bulldozers", "harvesters", "chillers", "heaters",
           "coolers", "freezers", "dryers", "washers", "cutters", "grinders", "shredders",
           "crushers", "conveyors", "reactors", "motors", "tankers", "trawlers", "dumpsters",
           "counters", "registers", "sprayers", "spreaders", "mowers", "trimmers", "blowers",
           "rollers", "pavers", "graders", "scrapers", "ventilators", "incubators", "analyzers",
           "analysers", "simulators", "projectors", "speakers", "transformers", "inverters",
           "fryers", "boosters", "thrusters", "extruders", "injectors", "lathes", "trucks", "trackers", "stackers", "palletizers", "labelers",
           "fillers", "cappers", "burners", "kilns", "furnaces", "digesters",
           "separators", "filters", "purifiers", "dispensers", "kiosks",
           "ovens", "fermenters", "tanks", "silos", "dredgers", "skidders", "feller-bunchers", "chippers", "splitters",
           "benders", "presses", "shears", "saws", "drills"}
# People whose plural the agent suffixes above miss ("200 to 3,000 guards").
_PEOPLE_WORDS = {"guards", "cooks", "chefs", "clerks", "aides", "staffers", "folks", "hands",
                 "nurses", "drivers", "officers", "agents", "reps", "crew", "guys"}
# Who works for the customer without being on its payroll: "500 freelance linguists".
_NOT_ON_PAYROLL = {"freelance", "contract", "independent", "volunteer", "partner", "affiliated",
                   "outside", "external", "outsourced", "third-party", "subcontracted"}
# A people word joined to the number: "200-800 person firms", "Sub-100-person shops".
_PERSON_COMPOUND = re.compile(r"^-?(?:person|people|man|employee|staff|head|seat)$", re.IGNORECASE)
_FUNCTION_WORDS = {"and", "or", "but", "to", "then", "so", "which", "that", "who", "with", "in",
                   "of", "at", "for", "on", "by", "if", "when", "where", "while", "as", "it",
                   "they", "he", "she", "we", "this", "there", "is", "are", "was", "were"}
# Words ending in "s" right after a number that do not name what is counted.
_NOT_A_COUNT = {"this", "its", "is", "was", "has", "us", "plus", "as", "yes", "thus", "always",
                "sometimes", "perhaps", "years", "months", "weeks", "days", "yrs", "dollars",
                "euros", "pounds", "bucks", "tops", "less", "or", "across", "goes", "does",
                "makes", "runs", "gets", "says", "means", "comes", "seems", "needs", "wants"}
# Money that is not the customer's revenue: our price, a deal's value, a budget, funding.
_CONTRACT = re.compile(
    r"(?<![A-Za-z])(?:acv|tcv|ltv|cac|aov|deal\s+sizes?|deals?|contracts?|ticket\s+sizes?|price[ds]?"
    r"|pricing|per\s+seat|subscriptions?|plans?|charge[sd]?|charging|pay(?:s|ing)?|paid"
    r"|budgets?|spend(?:s|ing)?|licen[cs]e[sd]?|fees?|quotes?|invoices?|order\s+value|basket"
    r"|bids?|bidding|tenders?|projects?"
    r"|raised(?!\s+(?:to|from)\b)|raising|funding|valuation|valued|series\s+[a-e]|seed\s+round|per\s+month|/mo"
    r"|a\s+month)(?![A-Za-z])|客单价|合同|单价|报价|年费|月费|费用|预算|付费|收费|订阅|融资|估值|服务费"
    r"|软件费|价格|定价|签单|一单|每单|客单|投标|中标|标的|单个项目|项目规模"
    # ratios and markets: "revenue per employee", "TAM", "市场规模", "人均产值"
    r"|(?<![A-Za-z])(?:per\s+(?:employee|head|person|capita|fte|user|customer|store|location|site"
    r"|account|client|seat|licen[cs]e|job|logo|contract)"
    r"|tam|sam|som|market\s+(?:size|is|of)|the\s+market|industry\s+(?:size|is))(?![A-Za-z])"
    r"|市场规模|市场容量|行业规模|市场空间|人均(?:产值|营收|收入|销售额?|创收)?|单店|每人|坪效"
    # profit, cost and payroll: the customer's money, but no revenue ("EBITDA $2M-$8M", "毛利")
    r"|(?<![A-Za-z])(?:ebitda|ebit|gross\s+(?:margin|profit)|margins?|net\s+(?:income|profit|margin)"
    r"|profits?|earnings|payroll|wages|salar(?:y|ies)|opex|capex|costs?|spent)(?![A-Za-z])"
    r"|毛利(?:润|额)?|净利(?:润)?|利润|工资(?:总额)?|薪酬|人力成本|成本|投入|项目金额|项目额", re.IGNORECASE)
# A duration or a rate, not a size: "in business 10 to 30 years", "3-5x", "20 to 30 hours".
_DURATION_AFTER = re.compile(
    r"^\s*(?:[-‐]?\s*)?(?:(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|x"
    r"|times)(?![A-Za-z])(?![-\s]round)|年(?!收|营|产|销)|个月|月(?!收|营)|周|天|小时|分钟|倍|次)",
    re.IGNORECASE)  # "15 to 120 year-round" is a headcount
# The customer's money, said with a verb: "doing $20M a year", "brings in 5 to 10 million".
_REVENUE_VERBS = re.compile(r"(?<![A-Za-z])(?:doing|does|do|making|makes|brings?\s+in|bringing\s+in"
                            r"|turn(?:s|ing)?\s+over|gross(?:es|ing)?|bill(?:s|ing)|top\s+line"
                            r"|sales)(?![A-Za-z])|一年做|年做|做到|做了|流水|年销售|规模营收",
                            re.IGNORECASE)
# "not under 20", "不超过 500": a negation that belongs to the bound, not to the clause.
_NEGATED_BOUND = re.compile(
    r"(?<![A-Za-z])(?:not|no|never|nothing|none|nobody|no\s+one)\s+(?:under|below|less\s+than"
    r"|fewer\s+than|smaller\s+than|more\s+than|over|above|bigger\s+than|larger\s+than)"
    r"|不(?:要|能|得)?(?:超过|低于|少于|小于|高于|大于|多于|到)|别(?:超过|低于|少于)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,，;；、]|\s(?:but|though|although|whereas|while)\s|但是?|不过|而")
_WINDOW = 36
# Where the words after a figure stop speaking of it: a conjunction or a verb opens the next thing.
_NEXT_THING = re.compile(r"(?<![A-Za-z])(?:and|plus|with|while|on|doing|does|making|makes|bringing"
                         r"|brings|turning|grossing|billing)(?![A-Za-z])|和|以及|并且|同时|[·|]"
                         # a field's name before a colon labels the next figure ("· Revenue:")
                         r"|(?<![^\s])[^\W\d][\w ]{0,20}[:：]", re.IGNORECASE)
_MILLIONS = 1_000_000
# Bands named in brackets and one of them chosen: "10-49 employees (small), 50-249 (mid) - we
# want mid", "100-300 人（小型），300-1000 人（中型）——我们要中型".
_OPTION_NAME = re.compile(r"^\s*(?:[A-Za-z]+|[人名家个])?\s*[（(]\s*([^()（）\d]{1,12}?)\s*[)）]")
_CHOOSE = (r"(?:we\s+(?:want|target|go\s+for|focus\s+on|pick|choose|sell\s+to)|we'?re\s+after"
           r"|focus\s+on|target(?:ing)?|我们(?:要|做|选|主攻|只做|瞄准|主做)|只做|主攻|选)\s*(?:the\s+)?")


def _chosen_option(text: str, sentence: str, found: NumberRange) -> bool:
    """Whether the figure is a band named in brackets that the notes then choose."""
    named = _OPTION_NAME.match(sentence[found.end:])
    if named is None:
        return False
    return bool(re.search(_CHOOSE + re.escape(named.group(1)) + r"(?![A-Za-z])", text,
                          re.IGNORECASE))


# The writer's own company as the clause's subject: its size is no customer's ("Our team grew
# from 20 to 45 people", "We're at $4M ARR", "我们今年营收 300-500 万"). "We sell to 200-800 person
# firms" and "we target 50-250 staff" speak of the customer.
_ABOUT_US = re.compile(
    r"(?<![A-Za-z])(?:our\s+(?:own\s+)?(?:team|startup|company|firm|business|shop|agency|headcount"
    r"|staff|revenue|arr|mrr|sales|run[- ]rate|bookings)|we(?:'re|\s+are|\s+were)\s+(?:at|about"
    r"|around|roughly|now(?!\s+(?:saying|going|targeting|calling|thinking|looking|aiming|focusing"
    r"|using|selling|after))|only|just|a\s+team|\d)|we(?:'ve|\s+have)?\s+(?:grew|grown|hit|reached"
    r"|crossed)|we\s+(?:employ|did|made))(?![A-Za-z])"
    r"|我们(?:自己|公司|团队|今年|去年|目前|现在)|我司|本公司|我方", re.IGNORECASE)
_CUSTOMER = re.compile(r"(?<![A-Za-z])(?:customers?|clients?|they|their|them|buyers?|accounts?"
                       r"|firms?|compan(?:y|ies)|businesses|shops|operators|organi[sz]ations"
                       r"|prospects|targets?)(?![A-Za-z])|客户|他们|对方|甲方|企业|工厂", re.IGNORECASE)
# A figure said as a correction or a narrowing of one before it: the later one stands. The
# plain words ("really", "actually", "call it") count only right before the figure ("really
# 150-600"): elsewhere they are emphasis ("they really struggle past 200 people").
_CORRECTION = re.compile(
    r"(?<![A-Za-z])(?:correction|corrected|update[ds]?|revised?|narrow(?:ed|s)?|tighten(?:ed)?"
    r"|scratch\s+that|should\s+(?:read|be)|to\s+be\s+precise|more\s+precisely)(?![A-Za-z])"
    r"|更正|修正|订正|收窄|缩小到|改成|改为|改到|应为|应该是|更准|准确地?说|确切地?说|调整为|调整到",
    re.IGNORECASE)
_CORRECTION_WORD = (r"(?:(?<![A-Za-z])(?:actually|really|instead|make\s+(?:it|that)|call\s+it"
                    r"|more\s+like)(?:\s+(?:more\s+like|about|around|maybe|like))?|实际上?|其实)"
                    r"\s*[:：,，]?\s*")
# In a comment or review: "Use 40-200", "go with 50-300", "建议改成 80-300 人".
_DIRECTIVE_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:use|go\s+with|make\s+it|let'?s\s+say|now|new"
                               r"|(?:new|updated|revised)\s+(?:range|band|size|figures?)\s*[:：]?)"
                               r"|建议|改成|改为|按|现在是?|新的?(?:范围|区间)?\s*[:：]?)\s*$",
                               re.IGNORECASE)
_CORRECTION_NEXT_TO = re.compile(_CORRECTION_WORD + r"$", re.IGNORECASE)
_CORRECTION_BEFORE_A_FIGURE = re.compile(_CORRECTION_WORD + r"(?=[\d$¥￥一二两三四五六七八九十])",
                                         re.IGNORECASE)


@dataclass
class Bounds:
    min: float | None = None
    max: float | None = None
    how: str = ""  # "range" | "bounds" | "hint"
    currency: str = "USD"
    line: int = 0
    corrects: bool = False  # said as a correction of an earlier figure ("really 150-600")
    order: int = 0  # where the figure stands in the note's reading order


@dataclass(frozen=True)
class Statement:
    """One bound a field names or a correction sets: "icp_employees_min: 35", "下限改成五百人"."""

    name: str  # "employees" | "revenue"
    side: str  # "min" | "max"
    value: float | None
    line: int = 0
    order: int = 0
    field_named: bool = False


@dataclass(frozen=True)
class Replacement:
    """One figure a revision puts in place of another: "make this 25, not 20", "由 30 人改为 20 人".
    `values` holds (old, new) in each field's units the figures could belong to."""

    values: tuple[tuple[str, float, float], ...]
    order: int = 0


@dataclass
class Sizes:
    employees: Bounds = field(default_factory=Bounds)
    revenue_usd: Bounds = field(default_factory=Bounds)
    notes: list[str] = field(default_factory=list)


# A topic set apart by a comma, said of what follows it: "人嘛，五六百到两千", "营收的话，…",
# "size-wise, around 20 up to 150".
_TOPIC_BEFORE = re.compile(r"(?:嘛|呢|的话|方面|这块|这一块|-wise)\s*[,，]\s*$", re.IGNORECASE)


def _clause_span(sentence: str, found: NumberRange) -> tuple[int, int]:
    """Where the clause holding a range starts and ends (commas, "but", "但" break clauses)."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, found.start)]
    start = starts[-1]
    if len(starts) > 1 and _TOPIC_BEFORE.search(sentence[:start]):
        start = starts[-2]
    following = _CLAUSE_BREAK.search(sentence, found.end)
    return start, following.start() if following else len(sentence)


def _cue_families() -> dict[str, re.Pattern[str]]:
    # On a tie the first family wins: "revenue per employee" is a ratio, not a headcount.
    return {"contract": _CONTRACT, "employees": cues("employees", ""), "staff": _STAFF,
            "revenue": cues("revenue", ""), "revenue_verb": _REVENUE_VERBS,
            "served": _SERVED_BEFORE, "counted": _COUNTED_BEFORE}


def _nearest_cue(sentence: str, found: NumberRange) -> str | None:
    """The family of the cue that speaks of a range: "employees", "revenue", "contract" (a
    price, a deal, funding), "served" (people served) or "counted". Words right after a figure
    name it ("$200M to $2B annual revenue", "$20k ACV"); else the nearest words before it. Each
    side stops at the clause's edge and at the next figure, whose words those are."""
    masked = _CURRENCY_WORDS.sub(lambda m: "#" * len(m.group()), sentence)
    clause_start, clause_end = _clause_span(masked, found)
    inside = masked[found.start:found.end]
    if _STAFF.search(inside) or cues("employees", "").search(inside):
        return "employees"  # "a hundred and fifty-ish people up to maybe a couple thousand"
    others = [q for q in find_quantities(masked) if q.end <= found.start or q.start >= found.end]
    after_end = min([clause_end, found.end + _WINDOW] + [q.start for q in others
                                                          if q.start >= found.end])
    before_start = max([clause_start, found.start - _WINDOW] + [q.end for q in others
                                                                if q.end <= found.start])
    if _ASIDE_WITH_A_FIGURE.match(masked, found.end):
        after_end = found.end  # "50 - 300 (per site ~40)": the aside's words name its own figure
    after, before = masked[found.end:after_end], masked[before_start:found.start]
    # "a staff of 40 to 200 and turnover of $8MM", "thirty to eighty pax doing two million":
    # past "and" or a verb the words speak of what comes next, not of this figure.
    next_thing = _NEXT_THING.search(after)
    if next_thing:
        after = after[:next_thing.start()]
    elif any(q.start == after_end for q in others):
        # "员工一两百到五六百 营收一个亿": a word set apart before the next figure labels that one
        after = re.sub(r"\s+[^\s\d]+\s*[:：]?\s*$", "", after)
    best: tuple[int, int, str] | None = None
    for name, pattern in _cue_families().items():
        hits = [] if name in ("served", "counted") else [(0, m.start()) for m in pattern.finditer(after)]
        hits += [(1, len(before) - m.end()) for m in pattern.finditer(before)]
        for side, distance in hits:
            if best is None or (side, distance) < best[:2]:
                best = (side, distance, name)
    if best is None:
        return None
    name = best[2]
    served = _SERVED_BEFORE.search(before) or _COUNTED_BEFORE.search(before)
    if name == "employees" and served and not _staff_after(masked[found.end:]):
        return "served"  # "they serve 5,000 to 50,000 people": "people" alone is no staff
    if name == "served" and _STAFF.search(masked[clause_start:clause_end]):
        return "employees"  # "they serve 40 towns with 200 staff"
    return {"revenue_verb": "revenue", "staff": "employees"}.get(name, name)


def _staff_after(after: str) -> bool:
    """ "40 to 300 employees", "20-120 名员工": the figure names the payroll itself."""
    return bool(re.match(r"\s*(?:[-‐]?\s*)?(?:名|个|位)?\s*(?:" + _STAFF.pattern + ")", after,
                         re.IGNORECASE))


def _field_in(sentence: str) -> str | None:
    masked = _CURRENCY_WORDS.sub("", sentence)
    if cues("revenue", "").search(masked) or re.search(r"[$€£¥￥]|人民币|美元", sentence):
        return "revenue"
    if cues("employees", "").search(masked):
        return "employees"
    return None


def _field_of(sentence: str, found: NumberRange, sentence_field: str | None,
              previous_field: str | None, *, strict: bool = False) -> str | None:
    """ "employees", "revenue", or None (a price, a count of something else, or nothing said).
    `strict`: only what the figure's own words name (a line filed under another dimension)."""
    near = _nearest_cue(sentence, found)
    if strict and _HIRING.search(sentence[slice(*_clause_span(sentence, found))]):
        return None  # "hiring 20-30 technicians", "正在招聘 30-50 名工人": a signal, no headcount
    if found.currency:
        if strict and near != "revenue" and not (near is None and _says_revenue(sentence)):
            return None  # "they lose $200k-$500k a year": money, but no revenue the words name
        return None if near == "contract" else "revenue"
    if near in ("employees", "revenue"):
        return near
    if near is not None:
        return None
    if _people_after(sentence[found.end:]):
        return "employees"  # "30-150 electricians, $6-40M revenue": the trade's people
    top = max(v for v in (found.min, found.max) if v is not None)
    if strict:  # the sentence's own field word, never one carried from the line before
        return sentence_field if top < _MILLIONS or sentence_field == "revenue" else None
    if top >= _MILLIONS:
        return "revenue"  # "between three and forty million a year": no headcount is that
    return sentence_field or previous_field


_HIRING = re.compile(r"(?<![A-Za-z])(?:hiring|hires?|recruit\w*|job\s+(?:posts?|postings?|ads?)"
                     r"|open\s+(?:roles|positions|reqs))(?![A-Za-z])|招聘|招人|在招|扩招", re.IGNORECASE)


def _says_revenue(sentence: str) -> bool:
    masked = _CURRENCY_WORDS.sub("", sentence)
    return bool(cues("revenue", "").search(masked) or _REVENUE_VERBS.search(masked))


def _people_after(after: str) -> bool:
    """ "25-150 machinists", "200 to 3,000 guards": a plural naming people on the payroll."""
    match = re.match(r"\s*(?:([a-z-]+)\s+)?([A-Za-z][a-z-]+s)\b", after)
    if not match or (match.group(1) or "").lower() in _NOT_ON_PAYROLL | _FUNCTION_WORDS:
        return False
    word = match.group(2).lower()
    return word in _PEOPLE_WORDS or bool(_PEOPLE.search(word)) and word not in _THINGS


def _other_plural(after: str) -> bool:
    """ "3,000 to 60,000 cases": a plural noun right after the number that names no people."""
    if _STAFF.match(after.lstrip()):
        return False  # "8 to 120 team members"
    match = re.match(r"\s*(?:([a-z-]+)\s+)?([A-Za-z][a-z-]+s)\b", after)  # "active students"
    if not match or (match.group(1) or "") in _FUNCTION_WORDS:
        return False  # "80 and goes up to 600": a verb after a conjunction, not a noun
    if _PERSON_COMPOUND.match(match.group(1) or ""):
        return False  # "200-800 person firms": the firms are sized in people
    if (match.group(1) or "").lower() in _NOT_ON_PAYROLL:
        return True
    word = match.group(2).lower()
    if word in _PEOPLE_WORDS:
        return False
    if _STAFF.fullmatch(word):  # "15~60 techs", "80 workers"
        return False
    if _PEOPLE.search(word) and word not in _THINGS:  # "inspectors", "mechanics", "dentists"
        return False
    return word not in _NOT_A_COUNT and not cues("employees", "").fullmatch(word) and \
        not cues("revenue", "").fullmatch(word)


# A parenthesised aside holding a figure of its own ("(per site ~40)", "（旺季 500 人）").
_ASIDE_WITH_A_FIGURE = re.compile(r"\s*[(（][^()（）]*?\d[^()（）]*[)）]")


def _counts_something_else(sentence: str, found: NumberRange, name: str) -> bool:
    """Stores, seats, people served or a team, not the company's headcount; a contract's value,
    not revenue; a volume ("50 to 300 MW"), not money."""
    after = sentence[found.end:]
    if _DURATION_AFTER.match(after):
        return True
    if name == "employees":
        clause_start, clause_end = _clause_span(sentence, found)
        # "50 - 300 (per site ~40)", "(summer peak 500)": the aside speaks of its own figure
        aside = _ASIDE_WITH_A_FIGURE.search(sentence, found.end)
        clause_end = aside.start() if aside and aside.start() < clause_end else clause_end
        if _seasonal(sentence, found, clause_start, clause_end):
            return True  # "200+ pickers at harvest", "旺季五六百人": the peak, not the payroll
        if _PER_SITE.search(sentence[clause_start:clause_end]):
            return True  # "一家店员工四五十个", "about 12 staff per location": one site's crew
        top = found.max if found.max is not None else found.min
        if _ROLE_AFTER.match(after) and top is not None and top < _TEAM_MAX:
            return True
        if _PEOPLE_MEASURE.match(after) or (
                re.match(r"\s*(?:个|位|名)", after)
                and _STAFF.search(sentence[max(0, found.start - 8):found.start])):
            return False  # "五六百个工人", "工人五六百个": 个 counts people here
        if _COUNTED_THING.match(after) or _other_plural(after) or _FLOW_AFTER.match(after) or (
                _COUNTED_BEFORE.search(sentence[max(0, found.start - 12):found.start])
                and not _staff_after(after)):  # "Customers: 40 to 300 employees" sizes them
            return True
        if _DEPARTMENT_BEFORE.search(sentence[max(0, found.start - 16):found.start]) \
                and not _COMPANY_WIDE.search(sentence[clause_start:clause_end]):
            return True  # "售后工程师 10-40 人", "a sales team of 10-40": one department
        return bool(_TEAM.search(sentence)) and top is not None and top < _TEAM_MAX
    if not found.currency and (_COUNTED_THING.match(after) or _UNIT_CODE.match(after)):
        return True
    if found.currency and _MONEY_OF_A_THING.match(after):
        return True  # "$2M-$20M projects", "50-200 万的订单": what one job is worth
    start, end = _clause_span(sentence, found)
    clause = sentence[start:end]
    return bool(_CONTRACT.search(clause)) and not cues("revenue", "").search(clause) \
        and not _REVENUE_VERBS.search(clause)


# A headcount said of the peak season or of temporary hands, not of the year-round payroll.
_SEASONAL = re.compile(
    r"(?<![A-Za-z])(?:peak(?:\s+season)?|high\s+season|busy\s+season|in\s+season|harvest"
    r"|holiday\s+(?:rush|season)|seasonal(?:s|\s+(?:hires|workers|staff|labou?r(?:ers)?))?"
    r"|temps|temporary\s+(?:staff|workers|hires)|day\s+labou?rers|pickers|casuals)(?![A-Za-z])"
    r"|旺季|忙季|农忙|高峰期?|临时工|短工|季节工|零工|日结", re.IGNORECASE)


def _seasonal(sentence: str, found: NumberRange, clause_start: int, clause_end: int) -> bool:
    """Whether a headcount is said of a season's peak ("at harvest 200+ pickers", "旺季五六百人")
    or counts temporary hands ("300 temps", "两三百临时工"): a peak word before it with nothing
    year-round in between, or a temporary-hands word right after it. A peak word after a
    year-round figure ("20-150 人（旺季另加临时工）") adds hands to it and leaves it the payroll."""
    others = [q for q in find_quantities(sentence) if q.end <= found.start or q.start >= found.end]
    start = max([clause_start] + [q.end for q in others if q.end <= found.start])
    before = sentence[start:found.start]
    peak = next(reversed(list(_SEASONAL.finditer(before))), None)  # the nearest
    if peak is not None and not _YEAR_ROUND.search(before[peak.end():]) \
            and len(before) - peak.end() <= 16:
        return True
    return bool(_TEMPORARY_AFTER.match(sentence[found.end:]))


_YEAR_ROUND = re.compile(r"(?<![A-Za-z])(?:year-?\s?round|all\s+year|off-?season|normally|usually"
                         r"|otherwise|permanent|full-?time|core)(?![A-Za-z])|平时|常年|平常|日常|长期"
                         r"|固定|淡季|正式|不算|除外|以外|but|不过|但", re.IGNORECASE)
_TEMPORARY_AFTER = re.compile(
    r"^\s*(?:\+|或?以上)?\s*(?:[a-z-]+\s+)?(?:temps|seasonals|seasonal\s+(?:hires|workers|staff|hands)"
    r"|temporary\s+(?:staff|workers|hires|hands)|day\s+labou?rers|pickers|casuals)(?![A-Za-z])"
    r"|^\s*(?:\+|或?以上)?\s*(?:个|名)?(?:临时工|短工|季节工|零工|日结工)", re.IGNORECASE)


# Money right before what it is the value of: one job, one deal, one purchase, not a revenue.
_MONEY_OF_A_THING = re.compile(
    r"^\s*(?:[-‐]?\s*)?(?:[A-Za-z]+[- ])?(?:projects?|jobs?|bids?|tenders?|deals?|contracts?|orders?"
    r"|tickets?|homes?|houses?|builds?|renovations?|remodels?|loans?|claims?|polic(?:y|ies)"
    r"|budgets?|awards?|grants?|rounds?|installs?|installations?|properties|portfolios?"
    r"|transactions?|purchases?|invoices?|quotes?|proposals?|engagements?|programs?|buildings?"
    r"|shipments?|equipment|machines?)(?![A-Za-z])"
    r"|^\s*(?:元|人民币)?\s*(?:左右|上下)?\s*(?:的|一个)?\s*(?:项目|工程|订单|单子|大单|标的?|合同|设备|采购)",
    re.IGNORECASE)


# One department named right before a headcount: its size, not the company's.
_DEPARTMENT_BEFORE = re.compile(
    r"(?:售后|客服|销售|研发|质检|品控|市场|财务|行政|人事|采购|调度)(?:工程师|人员|团队|部门|部|组)?"
    r"\s*(?:有|约|大概|一般)?\s*$"
    r"|(?<![A-Za-z])(?:sales|support|after-sales|service|field|r&d|engineering|it|finance|marketing"
    r"|dispatch|customer\s+success|accounting|hr)\s+(?:team|staff|engineers|reps|department|dept"
    r"|crew|org)\s*(?:of|is|=|:)?\s*(?:about|around|~)?\s*$", re.IGNORECASE)
# Words that say a figure is the whole company's ("company-wide", "全公司", "员工总数").
_COMPANY_WIDE = re.compile(r"(?<![A-Za-z])(?:company-?wide|in\s+total|total\s+(?:headcount|staff"
                           r"|employees))(?![A-Za-z])|全公司|总人数|员工总数|公司总", re.IGNORECASE)


# An aside that gives evidence or an example ("(we found two mills at $10-11M that fit)",
# "（比如某家 160 人的）"): the figures inside are the examples', not the profile's bounds.
_EXAMPLE_ASIDE = re.compile(
    r"[(（]\s*(?:(?:we|i)\s+(?:found|saw|met|know|spoke\s+(?:to|with)|talked\s+to|have\s+seen)"
    r"|e\.\s?g\.|for\s+(?:example|instance)|such\s+as|like|including|比如|例如|譬如|像)"
    r"[^()（）]*$", re.IGNORECASE)


# A line that goes on from the one above, as the second half of its sentence ("…and no more
# than 90", "but under 300", "且不超过 500 人").
_GOES_ON = re.compile(r"^[\s.…·-]*(?:(?:and|but|or|though)\s+(?:no\s+more|not\s+more|at\s+most|up\s+to"
                      r"|under|below|over|above|at\s+least|no\s+(?:fewer|less)|not\s+(?:fewer|less)"
                      r"|fewer|less|more|max)|(?:且|并且|但|但是|而且)\s*(?:不超过|不少于|不低于|最多|最少|至少))",
                      re.IGNORECASE)


def _in_example_aside(sentence: str, found: NumberRange) -> bool:
    """Whether a figure stands inside a parenthesised example ("(we found two at $10-11M)")."""
    return bool(_EXAMPLE_ASIDE.search(sentence[:found.start]))


def _about_us(sentence: str, found: NumberRange) -> bool:
    """Whether the clause holding a figure speaks of the writer's own company."""
    start, _ = _clause_span(sentence, found)
    ends = [m.end() for m in _ABOUT_US.finditer(sentence, start, found.start)]
    return bool(ends) and not _CUSTOMER.search(sentence, ends[-1], found.start)


def _ruled_out(sentence: str, found: NumberRange, unit: Unit) -> bool:
    """Whether the clause holding a figure rules it out ("skip anything under 20 people",
    "千人以上的不做"); a negation that belongs to the bound ("not under 20") does not count."""
    start, end = _clause_span(sentence, found)
    clause = sentence[start:end]
    if any(clause.strip() and clause.strip() in excluded for excluded in unit.excluded):
        return True
    if _GROUP_AFTER.match(sentence[found.end:]) and _FAILED.search(
            re.split(r"[;；.。!?！？]", sentence[found.end:])[0]):
        return True  # "30-40 人的厂我们试过，不行", "the 10-20 person shops churned"
    clause = _NEGATED_BOUND.sub(" ", _OPEN.sub(" ", clause))
    return bool(SEGMENT_RULED_OUT.search(clause) or _OUT_VERDICT.search(clause))


# A verdict that puts a group outside the profile: "Firms under ten employees are out".
_OUT_VERDICT = re.compile(
    r"(?<![A-Za-z])(?:(?:are|is|'re|’re)\s+(?:(?:automatically|always|just)\s+)?(?:out|excluded"
    r"|off\s+the\s+list|not\s+(?:us|a\s+target|target\s+accounts?)|a\s+no(?:-go)?)(?![A-Za-z-])"
    r"|no-go|don'?t\s+qualify|do\s+not\s+qualify|not\s+qualified)"
    r"|不在(?:范围|考虑)|一律不|不算(?:我们的)?(?:目标)?客户", re.IGNORECASE)


# What went wrong with a group the notes tried.
_FAILED = re.compile(
    r"(?<![A-Za-z])(?:churn(?:ed|s)?|didn'?t\s+(?:work|buy|renew|convert|stick|last)|failed"
    r"|never\s+(?:worked|bought|renewed|converted)|struggled|fell\s+(?:off|through)|cancel(?:l?ed)?"
    r"|were\s+a\s+(?:mess|pain|disaster|bust))(?![A-Za-z])"
    r"|不行|没用|失败|流失|搞不定|做不起来|不续费|续不了|都跑了|亏了|退了|黄了", re.IGNORECASE)


def _plausible(name: str, low: float | None, high: float | None) -> bool:
    if low is not None and high is not None and low > high:
        return False  # "审批编号：2026-118": an identifier, no range runs downhill
    values = [v for v in (low, high) if v is not None]
    if name == "employees":
        looks_like_years = len(values) == 2 and all(
            1900 <= v <= 2100 and float(v).is_integer() for v in values)
        return all(1 <= v < 5_000_000 for v in values) and not looks_like_years
    return all(v >= 1000 for v in values)


@dataclass
class _Found:
    """What the units say, by field and by how firmly."""

    ranges: dict[str, list[Bounds]] = field(
        default_factory=lambda: {"employees": [], "revenue": []})
    levels: dict[str, dict[str, Bounds]] = field(default_factory=lambda: {
        level: {"employees": Bounds(how=level), "revenue": Bounds(how=level)}
        for level in ("bounds", "hint")})
    statements: list[Statement] = field(default_factory=list)
    # Sides a note leaves open ("no ceiling", "不设上限"): no bound or hint fills them.
    open_sides: set[tuple[str, str]] = field(default_factory=set)
    replacements: list[Replacement] = field(default_factory=list)

    def drop_orders(self, after: int, upto: int) -> None:
        """Forget the ranges, statements and replacements read at orders after..upto."""
        def kept(order: int) -> bool:
            return not after < order <= upto

        for name in self.ranges:
            self.ranges[name] = [r for r in self.ranges[name] if kept(r.order)]
        self.statements = [s for s in self.statements if kept(s.order)]
        self.replacements = [r for r in self.replacements if kept(r.order)]

    def bound(self, level: str, name: str, kind: str, value: float | None,
              currency: str = "USD", line: int = 0) -> None:
        target = self.levels[level][name]
        # The writer's own dollar figure beside a pound or euro one ("£5m+ (~$6.3M+)") stands.
        gloss = currency == "USD" and target.currency != "USD" and target.line == line
        if kind == "at_least" and (target.min is None or gloss):
            target.min = value
        elif kind == "at_most" and (target.max is None or gloss):
            target.max = value
        else:
            return
        target.currency, target.line = currency, line


def _read_figure(found_ranges: _Found, unit: Unit, sentence: str, found: NumberRange,
                 name: str, low: float | None, high: float | None, currency: str, *,
                 order: int = 0, every_kind: bool = False, revised: bool = False) -> None:
    if _ruled_out(sentence, found, unit):
        if found.kind == "at_most":  # "skip anything under 20 people": the profile starts at 20
            found_ranges.bound("bounds", name, "at_least", high)
        elif found.kind == "at_least":
            found_ranges.bound("bounds", name, "at_most", low)
        return
    if found.kind == "range":
        clause_start, _ = _clause_span(sentence, found)
        corrects = bool(_CORRECTION.search(sentence[clause_start:found.end + 8])
                        or _CORRECTION_NEXT_TO.search(sentence[clause_start:found.start])) \
            or _chosen_option(unit.text, sentence, found)
        if every_kind and not corrects:
            corrects = bool(CHANGE.search(sentence[clause_start:found.end + 8])) or (
                in_revision_context(unit) and bool(_DIRECTIVE_BEFORE.search(
                    sentence[clause_start:found.start]))) or (
                opens_as_amendment(unit) and _states_the_size(sentence, found)) \
                or bool(re.search(r"~~\s*$", sentence[:found.start])) \
                or revised  # "~~10-80~~ 20-80", "[30]{.deletion}[20]{.insertion}-80"
        found_ranges.ranges[name].append(Bounds(low, high, "range", currency, unit.line,
                                                corrects, order))
    elif (hint := _HINT_OPENING.match(sentence)) and sentence.find(sentence.strip()[:1]) == 0 \
            and found.start <= max(12, hint.end() + 2) and _says_what_happens(sentence[found.end:]):
        # "Below ~50 they ..." marks where the profile starts, not where it ends.
        found_ranges.bound("hint", name, "at_least" if found.kind == "at_most" else "at_most",
                           high if found.kind == "at_most" else low)
    else:
        found_ranges.bound("bounds", name, found.kind, low if found.kind == "at_least" else high,
                           currency, unit.line)


# "两三百人的厂没有…", "the 10-20 person shops churn": a group the sentence says something of.
_GROUP_AFTER = re.compile(
    r"^\s*(?:人|名|号人)?\s*(?:左右|上下)?\s*的(?:厂|工厂|公司|企业|客户|店|门店|机构|商家|那些|那种)"
    r"|^[\s-]*(?:person|people|employee|staff|seat|truck)s?\s+(?:shops|firms|companies|ones|outfits"
    r"|businesses|agencies|groups|practices|operators|dealers|contractors)", re.IGNORECASE)


def _states_the_size(sentence: str, found: NumberRange) -> bool:
    """Whether an amending entry's range is the size itself ("Update: 20-60 employees", "修改为：
    员工 20-80 人"), not a date ("v1.1: 09-20; ...") or a group it explains ("两三百人的厂…")."""
    start, end = _clause_span(sentence, found)
    if _GROUP_AFTER.match(sentence[found.end:]):
        return False
    return bool(found.currency or _field_in(sentence[start:end]))


def _says_what_happens(after: str) -> bool:
    """ "Below ~50 people they hack it together": a clause follows the bound and its field word,
    so the bound is where things go wrong. "Fewer than 500 employees and less than $100M" lists
    limits: nothing happens there, the bound is the profile's own."""
    rest = re.sub(r"^\s*(?:[A-Za-z-]+\s+)?(?:" + _STAFF.pattern + r"|people|persons|heads"
                  r"|revenue|sales|turnover|in\s+(?:revenue|sales)|a\s+year|per\s+year)\b",
                  "", after, count=1, flags=re.IGNORECASE)
    return not re.match(r"\s*(?:$|[,;:.)—–-]|and\b|or\b|&)", rest, re.IGNORECASE)


def _declaration(unit: Unit, sentence: str, found: NumberRange) -> Declared | None:
    """The unit declared for a figure: right after it ("5-15 (USD M)"), else in its item's label
    or header ("Revenue ($K): ...", "营收（万元）：..."), nearest first."""
    after = declared_unit(sentence[found.end:found.end + 16])
    if after is not None and re.match(r"\s*[（(]|\s*in\s", sentence[found.end:]):
        return after
    item_start = max([0] + [m.end() for m in re.finditer(r"[;；|·]", sentence[:found.start])])
    before = sentence[item_start:found.start]
    before = before[max((m.end() for m in re.finditer(r"\d", before)), default=0):]
    label = unit.label if unit.label and unit.label not in unit.text else ""
    return declared_unit(before) or (declared_unit(label) if item_start == 0 else None)


def _chosen_range(ranges: list[Bounds]) -> Bounds:
    """The first range; but when the writer gave their own dollar figure beside a pound, euro
    or yuan one on the same line ("£8m - £60m, roughly $10m - $75m"), theirs."""
    corrected = [r for r in ranges if r.corrects]
    first = corrected[-1] if corrected else ranges[0]
    if first.currency != "USD":
        for other in ranges[ranges.index(first) + 1:]:
            if other.line == first.line and other.currency == "USD":
                return other
    return first


# A line's label naming our price or a deal ("ACV:", "Deal size:", "客单价："), not the customer.
_PRICE_LABEL = re.compile(r"(?<![A-Za-z])(?:acv|tcv|deal\s+sizes?|contract\s+(?:value|size)|price"
                          r"|pricing|ticket\s+size)(?![A-Za-z])|客单价|合同额|合同金额|报价|年费|单价",
                          re.IGNORECASE)
# A bracket that glosses a figure in dollars: "（美元口径约 2800 万-2.8 亿）", "(in USD: 4-30M)".
_DOLLAR_GLOSS = re.compile(r"[（(][^（()）]*?(?:美元|美金|USD|US\$|dollars?)[^（()）\d]*$", re.IGNORECASE)


def _in_usd(name: str, found: NumberRange, sentence: str, sizes: Sizes,
            cny_per_usd: float) -> tuple[float | None, float | None, str] | None:
    """The figure in the field's units (revenue in USD), or None when it is no plausible size."""
    low, high, currency = found.min, found.max, "USD"
    if name == "revenue":
        glossed = found.currency is None and _DOLLAR_GLOSS.search(sentence[:found.start])
        currency = found.currency or ("USD" if glossed else "CNY" if has_cjk(sentence) else "USD")
        if not has_rate(currency):
            return None  # "3-10 亿港币": no rate to give it in dollars
        low = None if low is None else to_usd(low, currency, cny_per_usd)
        high = None if high is None else to_usd(high, currency, cny_per_usd)
    if not _plausible(name, low, high):
        return None
    if name == "revenue":
        note = conversion_note(currency, cny_per_usd)
        if note and note not in sizes.notes:
            sizes.notes.append(note)
    return low, high, currency


def _field_bound(unit: Unit, sizes: Sizes, cny_per_usd: float,
                 value_below: str | None = None) -> Statement | None:
    """ "icp_employees_min: 35", "年营收上限（万元） | 50000": the bound the field names."""
    named = field_bound(unit, value_below)
    if named is None:
        return None
    name, side, field_name, value = named
    quantities = [q for q in find_quantities(value) if not q.percent and not q.vague]
    if len(quantities) != 1:
        return None
    q = quantities[0]
    figure = apply_declared(NumberRange(q.value, q.value, q.start, q.end, q.currency,
                                        scaled=q.own_scale), declared_unit(field_name))
    if name == "revenue" and figure.currency is None:
        code = re.search(r"usd|cny|rmb|eur|gbp", field_name, re.IGNORECASE)
        figure = replace(figure, currency=code.group().upper().replace("RMB", "CNY") if code
                         else ("CNY" if has_cjk(field_name) else "USD"))
    read = _in_usd(name, figure, field_name, sizes, cny_per_usd)
    if read is None:
        return None
    return Statement(name, side, read[0], unit.line)


def _one_sided(unit: Unit, sentence: str, ranges: list[NumberRange], sentence_field: str | None,
               previous_field: str | None, strict: bool, sizes: Sizes,
               cny_per_usd: float) -> list[Statement]:
    """Single figures that set or move one bound in a correction: "the floor is 60 from now
    on", "cap moved back up to 180", "下限改成五百人", "按 4 亿封顶"."""
    revision = in_revision_context(unit) or bool(CHANGE.search(sentence))
    moves = {(start, end): found for found, start, end in _side_changes(sentence, ranges)}
    spans = [(r.start, r.end) for r in ranges if r.kind == "range"
             and not any(m is r for m in moves.values())]
    quantities = [q for q in find_quantities(sentence) if not q.percent and not q.vague
                  and not any(s <= q.start and q.end <= e for s, e in spans)]
    quantities = [q for q in quantities if (q.start, q.end) in moves
                  or not any(m.start <= q.start and q.end <= m.end for m in moves.values())]
    figures = [(q.start, q.end) for q in quantities]
    statements = []
    for q in quantities:
        before = sentence[:q.start]
        move = moves.get((q.start, q.end))
        if move is None and (is_old_value(before, sentence[q.end:])
                             or is_reference(before, sentence[q.end:])):
            continue
        value = q.most if q.bound == "at_most" else q.least if q.bound == "at_least" else q.value
        figure = apply_declared(NumberRange(value, value, q.start, q.end, q.currency,
                                            scaled=q.own_scale), None)
        figure = apply_declared(figure, _declaration(unit, sentence, figure))
        changed = changes_right_before(before)
        clause_start, clause_end = _clause_span(sentence, figure)
        # "50+ employees (no upper limit)": a side left open names no side of the figure
        unsided = _OPEN.sub(lambda m: " " * len(m.group()), sentence)
        side = side_of(unsided[clause_start:clause_end], q.start - clause_start,
                       q.end - clause_start, [(a - clause_start, b - clause_start)
                                              for a, b in figures])
        labelled = False
        if side is None and clause_start == 0 and q.bound is None and q.start <= 2:
            # "Floor: 12 staff", its label read as a speaker and dropped: the label names the side
            named = sides_named(unit.raw[:max(0, unit.raw.find(sentence))])
            side = named.pop() if len(named) == 1 else None
            labelled = side is not None
        # "Floor: 12 staff", "Minimum 15 staff overall", "下限定 25 人": a side named with its
        # figure and its field is a statement wherever it stands
        stated = side is not None and _field_in(sentence[clause_start:clause_end]) is not None \
            and (labelled or side_word_next_to(unsided, q.start, q.end, side)) \
            and sum(clause_start <= a and b <= clause_end for a, b in figures) == 1 \
            and not (q.bound and {"at_least": "min", "at_most": "max"}[q.bound] != side)
        if not (revision or changed or stated):
            continue
        if move is not None:  # "raised the floor from 10 to 25": the side named before it
            named = sides_named(sentence[clause_start:move.start])
            side = named.pop() if len(named) == 1 else None
        if side is None and changed:
            # "后来改成 80 人起，上限 600 人": the figure's own bound word, then the sentence's side
            named = sides_named(sentence)
            side = {"at_least": "min", "at_most": "max"}.get(q.bound or "") or (
                named.pop() if len(named) == 1 else None)
        if side is None and q.bound and _bound_alone(sentence, clause_start, q.start, q.end):
            # "补充：不超过 90 人", "Update: and no more than 90 employees": the amendment is the
            # bound itself, with nothing said to happen beyond it
            side = "min" if q.bound == "at_least" else "max"
        if side is None and q.bound and _NOW_OUT.search(sentence[q.end:]):
            # "Update: shops with fewer than 25 people are out", "25 人以下的不做了": the other side
            side = "min" if q.bound == "at_most" else "max"
        if side is None:
            continue
        name = _field_of(sentence, figure, sentence_field, previous_field, strict=strict)
        if name is None and strict and previous_field and CHANGE.search(sentence) \
                and _nearest_cue(sentence, figure) is None:
            # "Agree with all of it except headcount. Let's cap it at 60.": the side it moves
            # belongs to the field the words before it named
            name = previous_field
        if name == "revenue" and sentence_field is None and not (q.currency or q.own_scale
                                                                   or figure.scaled) \
                and q.value < 1000:
            name = "employees"  # "Comment: I'd go 20 minimum." after revenue talk: no revenue is 20
        # What else the sentence counts is read in the figure's own clause: "the employee range
        # should start at 15, not 12: the 12-person shops had no dedicated dispatcher".
        clause = sentence[clause_start:clause_end]
        local = replace(figure, start=q.start - clause_start, end=q.end - clause_start)
        if name is None or _counts_something_else(clause, local, name) \
                or _about_us(sentence, figure):
            continue
        read = _in_usd(name, figure, sentence, sizes, cny_per_usd)
        if read is not None:
            statements.append(Statement(name, side, read[0], unit.line))
    return statements


def _red_flag_bounds(found: _Found, sentence: str, sizes: Sizes, cny_per_usd: float) -> None:
    """ "Under 50 employees is out", "年营收 3000 万以下的不做": a red flag ruling out one side of a
    size marks where the profile starts or ends, when its own words name the field."""
    for figure in find_ranges(sentence):
        if figure.kind not in ("at_most", "at_least"):
            continue
        name = _field_of(sentence, figure, _field_in(sentence), None, strict=True)
        if name is None or _counts_something_else(sentence, figure, name) \
                or _about_us(sentence, figure):
            continue
        read = _in_usd(name, figure, sentence, sizes, cny_per_usd)
        if read is None:
            continue
        low, high, currency = read
        if figure.kind == "at_most":
            found.bound("bounds", name, "at_least", high, currency)
        else:
            found.bound("bounds", name, "at_most", low, currency)


def _replacements(unit: Unit, sentence: str, sizes: Sizes,
                  cny_per_usd: float) -> list[tuple[tuple[str, float, float], ...]]:
    """Figures a revision puts in place of others ("make this 25, not 20", "$1.5M, not $1M",
    "员工规模下限由 30 人改为 20 人"), each as (field, old, new) for the fields it could be."""
    if not (in_revision_context(unit) or CHANGE.search(sentence)):
        return []
    quantities = [q for q in find_quantities(sentence) if not q.percent and not q.vague]
    found = []
    for old_index, new_index in replacement_pairs(sentence, [(q.start, q.end) for q in quantities]):
        old, new = quantities[old_index], quantities[new_index]
        values = []
        for name in ("employees", "revenue"):
            pair = []
            for q in (old, new):
                figure = NumberRange(q.value, q.value, q.start, q.end, q.currency or (
                    old.currency or new.currency), scaled=q.own_scale or old.own_scale
                    or new.own_scale)
                if name == "employees" and figure.currency:
                    break
                read = _in_usd(name, figure, sentence, sizes, cny_per_usd)
                if read is None or read[0] is None:
                    break
                pair.append(read[0])
            if len(pair) == 2:
                values.append((name, pair[0], pair[1]))
        if values:
            found.append(tuple(values))
    return found


_OPEN_FLOOR = (r"(?<![A-Za-z])(?:no|without\s+(?:a|an|any))\s+(?:real\s+|hard\s+|lower\s+)?"
               r"(?:floor|minimum|min|lower\s+(?:limit|bound|end))(?![A-Za-z])|(?:不设|没有|无|不限)下限")
# "no max", "不设上限" leave a side open; they rule nothing out.
_OPEN = re.compile(rf"(?P<max>{OPEN_CEILING})|(?P<min>{_OPEN_FLOOR})", re.IGNORECASE)


def _open_sides(sentence: str) -> list[tuple[str, str]]:
    """The sides a sentence leaves open, each with the clause that says it up to the words:
    "Revenue from $8M, no ceiling" -> ("max", "Revenue from $8M, no ceiling")."""
    found = []
    for match in _OPEN.finditer(sentence):
        start = max([0] + [m.end() for m in re.finditer(r"[.;。；!?！？]", sentence[:match.start()])])
        found.append(("max" if match.group("max") else "min", sentence[start:match.end()]))
    return found


def _names_a_field(unit_or_text: Unit | str) -> str | None:
    """The field a short line with no figure names ("Headcount", "Revenue (USD)", "员工规模")."""
    text = unit_or_text if isinstance(unit_or_text, str) else unit_or_text.text
    text = text.strip(" :：*#-")
    if not text or len(text) > 30 or re.search(r"\d", text):
        return None
    return _field_in(text)


def _heading_states_a_size(unit: Unit) -> bool:
    """ "## Sweet spot: 50-400 employees, $15M-$150M revenue": a heading that says the size."""
    return unit.kind in SIZE_KINDS and not unit.text.rstrip().endswith(("?", "？")) \
        and _field_in(unit.text) is not None and any(r.kind == "range"
                                                     for r in find_ranges(unit.text))


# An amendment that drops a group: "... are out", "不做了", "no longer".
_NOW_OUT = re.compile(r"^[^.;。；!?！？]{0,40}?(?:(?<![A-Za-z])(?:(?:are|is)\s+(?:now\s+)?out"
                      r"|no\s+longer|dropped|removed|cut)(?![A-Za-z])|不做了|不要了|不再做|砍掉|去掉)",
                      re.IGNORECASE)
# What may follow a bound that says nothing happens there: "25+ only", "只做 25 人以上的）".
_BOUND_TAIL = re.compile(r"^\s*(?:人|名|家|个|号人)?\s*(?:或?以上|或?以下|以内|起|\+)?\s*(?:的)?"
                         r"(?:客户|公司|企业|厂|商家)?\s*(?:only|just|please|from\s+now\s+on"
                         r"|going\s+forward)?\s*[)）]?\s*[.。!！]?\s*$", re.IGNORECASE)


def _bound_alone(sentence: str, clause_start: int, start: int, end: int) -> bool:
    """Whether a bound opens its clause and closes it: "不超过 90 人", "and at least 20 staff",
    "25+ only", "只做 25 人以上的"."""
    opening = sentence[clause_start:start]
    opening = re.sub(r"^\W*(?:and|but|also|plus|并且|而且|另外|同时|且)?\s*", "", opening,
                     flags=re.IGNORECASE)
    if len(opening) > 24 or re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}", opening):
        return False
    return bool(_BOUND_TAIL.match(sentence[end:])) or not _says_what_happens(sentence[end:])


def _side_changes(sentence: str, ranges: list[NumberRange]) -> list[tuple[NumberRange, int, int]]:
    """ "raised the floor from 10 to 25", "上限从 80 人改成 60 人": a range that is one side's move,
    with where its new value stands (the second end)."""
    moves = []
    for found in ranges:
        if found.kind != "range":
            continue
        clause_start, _ = _clause_span(sentence, found)
        before = sentence[clause_start:found.start]
        if not re.search(r"(?:(?<![A-Za-z])from|从|由)\s*[$¥￥€£]?\s*$", before, re.IGNORECASE):
            continue
        if not sides_named(before) or not (CHANGE.search(sentence[clause_start:found.end])
                                           or re.search(r"(?<![A-Za-z])(?:went|goes|go)\s", before)):
            continue
        last = [q for q in find_quantities(sentence) if found.start <= q.start and q.end <= found.end]
        if len(last) >= 2:
            moves.append((found, last[-1].start, last[-1].end))
    return moves


# Kinds whose lines are never read for sizes: what rules a customer out, and the PMF figures.
_NEVER_SIZES = ("red_flag", "pmf")


def extract_sizes(units: list[Unit], *, cny_per_usd: float, every_kind: bool = False,
                  quoted_from: list[int] | None = None,
                  revised_lines: frozenset[int] = frozenset()) -> Sizes:
    """Employee and revenue bounds from the profile units (red-flag units never reach here).

    With `every_kind` (whole notes) a line filed under another dimension ("Decision: target
    ... 30 to 400 employees", an action item, a comment) is read too, for the figures its own
    words name as a headcount or a revenue, in the order it was written (`quoted_from`: lines
    where a quoted older message starts, below the reply that revises it; `revised_lines`:
    lines where a tracked change was accepted, whose range replaces the one said before)."""
    if every_kind:
        units = in_reading_order(units, quoted_from)
    sizes = Sizes()
    found_ranges = _Found()
    last_field: str | None = None  # the field the unit before spoke of
    asked: Unit | None = None  # the unit before, when it asks a question ("How many employees?")
    order = 0
    named_line: str | None = None  # the field a bare line before named ("Headcount" over "50-400")
    unit_start = 0  # the reading order where the unit before started
    awaiting: Unit | None = None  # the unit before, when it names a bound its next row holds
    for unit in units:
        if order > unit_start and _rejects(unit):
            # "Dan: I'd cap revenue at 20M." / "Rosa: No, leave it.": what it said is refused
            found_ranges.drop_orders(unit_start, order)
        unit_start = order
        question, asked = asked, unit if unit.text.rstrip().endswith(("?", "？")) else None
        over, named_line = named_line, _names_a_field(unit)
        strict = unit.kind not in SIZE_KINDS or unit.is_heading
        readable = (not unit.is_heading or (every_kind and _heading_states_a_size(unit))) and (
            not strict or (every_kind and unit.kind not in _NEVER_SIZES))
        if every_kind and not unit.is_heading and unit.kind == "red_flag":
            # "Groups under 60 staff churned: the floor is 60 from now on": what a red flag
            # says of the profile's own bound still moves it; nothing else in it is read.
            for sentence in split_sentences(_said(unit)):
                for statement in _one_sided(unit, sentence, find_ranges(sentence), None, None,
                                            True, sizes, cny_per_usd):
                    order += 1
                    found_ranges.statements.append(replace(statement, order=order))
                for values in _replacements(unit, sentence, sizes, cny_per_usd):
                    order += 1
                    found_ranges.replacements.append(Replacement(values, order))
                _red_flag_bounds(found_ranges, sentence, sizes, cny_per_usd)
            continue
        if not readable:
            # "dana: 50-500 people?" then "too wide, call it 80-250": a question names the field
            last_field = (_field_in(unit.text) if unit.is_heading and unit.kind in SIZE_KINDS
                          else None) or last_field
            continue
        named = _field_bound(unit, sizes, cny_per_usd) if every_kind else None
        if named is None and awaiting is not None and value_opening(unit) is not None:
            # "Employees (max): see next row" over "150: full-time; ...": the row holds it
            named = _field_bound(awaiting, sizes, cny_per_usd, value_opening(unit))
            if named is not None:
                named = replace(named, line=unit.line)
        awaiting = bound_awaiting_value(unit) if every_kind else None
        if named is not None:
            order += 1
            found_ranges.statements.append(replace(named, order=order, field_named=True))
            last_field = named.name
            continue
        # "Headcount (FTE): 30 - 300; avg deal $18k": the label speaks for each of its items.
        label_field = _field_in(unit.label) if unit.label and unit.label not in unit.text else None
        dropped = unit.raw[:unit.raw.find(unit.text)] if unit.text and unit.text in unit.raw else ""
        if _PRICE_LABEL.search(dropped):
            continue  # "ACV: $18k-$45k", its label read as a speaker and dropped: our price
        previous_field: str | None = label_field
        if previous_field is None and (_CORRECTION.search(unit.text)
                                       or _CORRECTION_BEFORE_A_FIGURE.search(unit.text)):
            previous_field = last_field  # "Update after the call: really 150-600"
        if previous_field is None and _GOES_ON.match(unit.text):
            previous_field = last_field  # "Staff: at least 12" over "...and no more than 90"
        if previous_field is None and question is not None and question.line == unit.line:
            previous_field = last_field  # "How many employees? 20 or more.": the answer
        if previous_field is None:
            # "Headcount" over "50-400", "## 员工规模" over "200-1600": the line or heading names it
            previous_field = over or (_names_a_field(unit.heading) if unit.heading else None)
        for sentence in split_sentences(_said(unit)):
            sentence_field = _field_in(sentence)
            for side, clause in _open_sides(sentence):
                name = _field_in(clause) or sentence_field or previous_field or last_field
                if name is not None:
                    found_ranges.open_sides.add((name, side))
            ranges = find_ranges(sentence)
            moved = [found for found, _, _ in _side_changes(sentence, ranges)] if every_kind else []
            if every_kind:
                for statement in _one_sided(unit, sentence, ranges, sentence_field,
                                            previous_field or last_field, strict, sizes,
                                            cny_per_usd):
                    order += 1
                    found_ranges.statements.append(replace(statement, order=order))
                for values in _replacements(unit, sentence, sizes, cny_per_usd):
                    order += 1
                    found_ranges.replacements.append(Replacement(values, order))
            for found in ranges:
                if any(found is m for m in moved):
                    continue  # "the floor went from 10 to 25": one side moved, no range
                found = apply_declared(found, _declaration(unit, sentence, found))
                name = _field_of(sentence, found, sentence_field, previous_field, strict=strict)
                carried = name == "revenue" and sentence_field is None and found.max is not None \
                    and found.max < 1000 and not (found.currency or found.scaled)
                if (name is None or carried) and every_kind and not strict \
                        and _headcount_correction(unit, sentence, found):
                    name = "employees"
                if name is None or _counts_something_else(sentence, found, name) \
                        or _about_us(sentence, found) or _in_example_aside(sentence, found):
                    continue
                if every_kind and found.kind == "range" and is_old_range(sentence[:found.start],
                                                                         sentence[found.end:]):
                    continue  # "widened from 35-300": the range a change replaced
                read = _in_usd(name, found, sentence, sizes, cny_per_usd)
                if read is None:
                    continue
                low, high, currency = read
                previous_field = name
                order += 1
                _read_figure(found_ranges, unit, sentence, found, name, low, high, currency,
                             order=order, every_kind=every_kind,
                             revised=unit.line in revised_lines)
            previous_field = sentence_field or previous_field
        last_field = previous_field or last_field
    for name, result in (("employees", sizes.employees), ("revenue", sizes.revenue_usd)):
        _resolve(found_ranges, name, result)
    return sizes


def _headcount_correction(unit: Unit, sentence: str, found: NumberRange) -> bool:
    """ "[JR1] Jenna: make it 20 to 120." on the headcount it anchors: a range a comment or a
    correction gives with no field word, no money and no count of anything, sized like staff."""
    if found.kind != "range" or found.currency or found.scaled or found.max is None \
            or found.max >= _MILLIONS or _nearest_cue(sentence, found) is not None:
        return False
    return in_revision_context(unit) or bool(CHANGE.search(sentence)
                                              or _CORRECTION.search(sentence))


# A reply that refuses what the message before it proposed: "No, leave it.", "Disagree.", "不同意".
_REJECTION = re.compile(
    r"^\W*(?:no|nope|disagree[sd]?|i\s+disagree|not\s+agreed|let'?s\s+not|rejected|declined"
    r"|-1|👎)(?:\s*[,，.。!！:：;；—-]|\s*$)"
    r"|^\W*(?:不同意|不行|不要改|别改|先别改|驳回|反对|不采纳|维持原(?:样|来|方案)?|保持原(?:样|来|方案)?)",
    re.IGNORECASE)


def _rejects(unit: Unit) -> bool:
    """Whether a unit opens by refusing what was said right before it (what it then says in
    its place is read as usual)."""
    text = unit.body or unit.text
    return bool(_REJECTION.search(text) or _REJECTION.search(
        re.sub(r"^[^:：]{1,30}[:：]\s*", "", text)))


def _said(unit: Unit) -> str:
    """The unit's words, with a lead that states a figure and was read as its label ("Firms under
    ten employees are out: the owner does everything")."""
    label = unit.label
    if not label or label in unit.text or not (len(label.split()) >= 3 or (
            has_cjk(label) and len(label) >= 6)):
        return unit.text
    if not any(not q.percent for q in find_quantities(label)):
        return unit.text
    return f"{label}: {unit.text}"


def _resolve(found: _Found, name: str, result: Bounds) -> None:
    """The range that stands, then each later one-sided statement moving its side (a person
    reads a correction as replacing what it corrects); bounds and hints fill what is left;
    then each later replacement of a figure that is one of the bounds ("25, not 20")."""
    after = _resolve_stated(found, name, result)
    for replacement in found.replacements:
        if replacement.order <= after:
            continue
        for field_name, old, new in replacement.values:
            if field_name != name:
                continue
            if result.min is not None and round(result.min) == round(old):
                result.min = new
            elif result.max is not None and round(result.max) == round(old):
                result.max = new


def _resolve_stated(found: _Found, name: str, result: Bounds) -> int:
    """The range and statements that stand; the reading order of the chosen range (-1: none)."""
    ranges = found.ranges[name]
    statements = [s for s in found.statements if s.name == name]
    named_first = next((s.order for s in statements if s.field_named), None)
    after = -1
    if ranges and (any(r.corrects for r in ranges) or named_first is None
                   or ranges[0].order < named_first):
        chosen = _chosen_range(ranges)
        result.min, result.max, result.how = chosen.min, chosen.max, "range"
        after = chosen.order
    for statement in statements:
        if statement.order > after:
            setattr(result, statement.side, statement.value)
            result.how = result.how or "stated"
    if after >= 0:
        return after
    for level in ("bounds", "hint"):
        source = found.levels[level][name]
        if result.min is None and source.min is not None and (name, "min") not in found.open_sides:
            result.min, result.how = source.min, result.how or source.how
        if result.max is None and source.max is not None and (name, "max") not in found.open_sides:
            result.max, result.how = source.max, result.how or source.how
    return after
