"""The segment a note defines, read in the note's own words.

"We sell to independent tree surgeons and arborists, 10-50 staff", "Our ICP is ...", "Target
accounts: ...", "目标客户是连锁宠物美容店", "我们主要做印刷包装厂的客户": the words after the
defining cue are a noun phrase naming the trade. It is read as a person reads it: up to where the
phrase stops naming (a size, a place, a relative clause, "usually ..."), split into its items
("tree surgeons and arborists"), general qualifiers dropped ("independent", "regional", "连锁",
"民营"). Each item is a trade: the gazetteer's entry when it names the item's head, the item's
own words when the gazetteer does not know it (or knows only a modifier: "pet" in "pet
crematoria" is no pet-care business).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from icp_coach.engines.offline.extraction.exclusion import rules_out_words
from icp_coach.engines.offline.extraction.gazetteer import Mention, industries
from icp_coach.engines.offline.extraction.lexicons import has_cjk
from icp_coach.engines.offline.extraction.mentions import mentions

# A plain business noun that a relative clause names ("shops that restore vintage motorcycles").
_BUSINESS_PLURAL = (r"(?:shops|workshops|firms|companies|businesses|studios|outfits|operators|contractors"
                    r"|plants|mills|labs|yards|crews|teams|agencies|practices|houses|places|operations)")
_ADVERB = r"(?:(?:mostly|mainly|primarily|only|largely|basically|really|just|typically|usually|generally|currently|exclusively)\s+)?"
# What opens a definition of the segment; the phrase starts where the match ends.
_EN_CUE = re.compile(
    r"(?<![A-Za-z])(?:"
    r"(?:we|i)(?:'re|\s+are|'d|\s+would|'ll|\s+will|\s+(?:want|plan|need|intend)\s+to)?\s+" + _ADVERB
    + r"(?:sell(?:s|ing)?|selling)\s+" + _ADVERB
    + r"(?:in)?to"
    r"|(?:we|i)\s+" + _ADVERB + r"(?:target|go\s+after|focus\s+on|serve|work\s+with|build\s+for"
    r"|are\s+built\s+for|speciali[sz]e\s+in|help|sell\s+mostly\s+to)"
    r"|our\s+(?:ideal\s+|core\s+|best\s+|main\s+|primary\s+|target\s+)?(?:icp|customers?|clients?"
    r"|buyers?|market|segment|niche|sweet\s+spot|target(?:\s+(?:market|customers?|accounts?"
    r"|segment))?)\s*(?:is|are|=|:|would\s+be|tends?\s+to\s+be)"
    r"|(?:the\s+)?(?:people|companies|businesses|firms|folks|accounts|shops|ones|guys)\s+we\s+"
    r"(?:sell\s+to|target|go\s+after|serve|want)\s*,?\s*(?:they're|they\s+are|are|is|it's)"
    r"|(?:we're|we\s+are)\s+(?:going\s+after|targeting|focused\s+on|focusing\s+on|selling\s+to"
    r"|chasing|built\s+for)"
    r"|(?:we|i)(?:'re|\s+are)?\s+(?:want|need|looking\s+for|look\s+for)\s+(?=(?:[a-z-]+\s+){0,2}"
    + _BUSINESS_PLURAL + r"\s+(?:that|which|who)\s)"
    r"|(?:best|ideal|perfect)\s+(?:fit|customers?|clients?)\s*(?:is|are|=|:|[-–—])"
    r"|(?:our|the)\s+sweet\s+spot\s+(?:is|are)|^\W*sweet\s+spot\s*[:=]"
    r"|(?:target(?:\s+(?:accounts?|customers?|market|segment))?|icp|segment|ideal\s+customers?"
    r"(?:\s+profile)?|who\s+we\s+sell\s+to|who\s+buys)\s*[:=]"
    r")\s*(?:[-–—]\s*)?", re.IGNORECASE)
_ZH_CUE = re.compile(
    r"目标客[户群](?:群体?)?(?:主要)?(?:是|为|就是|：|:)"
    r"|(?:我们|我司|咱们|公司)(?:的)?(?:目标|主要|核心|理想)?(?:客户|客群|用户|买家)(?:群体?)?(?:主要|基本上|一般|大多)?"
    r"(?:是|为|就是|：|:)"
    r"|(?:我们|我司|咱们)(?:现在|目前)?(?:主要|只|专门|重点|一般|就)?(?:做|服务|面向|卖给|聚焦|针对|盯)(?:于)?"
    r"(?=[^，。；,;]{1,30}?的(?:客户|生意|市场))"
    r"|(?:我们|我司|咱们)(?:主要|只|专门|重点)(?:服务|面向|卖给|聚焦|针对)(?:于)?"
    # "下一阶段主要面向…", "锁定…", "主攻…" at a clause's start: the segment we go after
    r"|(?:^|(?<=[，,。；;\s：:、]))(?:[\d一二三四五六七八九十]+[.、．]\s*)?(?:下一?阶段|这个?季度|本季度|今年|明年|下半年|上半年|目前|现在)?(?:的)?"
    r"(?:主要|只|专门|重点)?(?:面向|主攻|锁定|瞄准|盯住|聚焦于?)(?=[\u4e00-\u9fff])"
    r"|(?:我们|我司|咱们)(?:主要|只|专门|一般)?卖给"
    r"|(?:^|(?<=[，,。；;\s：:]))(?:只|专门|专)做(?=[^，。；,;]{1,30}?的)"
    r"|目标(?:行业|市场|群体|客群)(?:是|为|：|:)"
    # "做风筝的厂", "主要是做豆干的作坊": a business named by what it makes.
    r"|做(?=[\u4e00-\u9fffA-Za-z0-9]{2,10}的(?:工厂|厂家|厂|作坊|工作室|企业|公司)(?![\u4e00-\u9fff]*(?:供货|供应|配套|服务)))")
# ... but not our own business, nor one we or they serve: "我们是做软件的公司", "给做X的厂供货".
_ZH_NOT_THEIRS = re.compile(r"(?:我们|我司|咱们|本公司|我|给|为|帮|替|向)[^，。；,;]{0,3}$")
# ... unless we serve them: "我们服务做燕窝加工的工厂".
_ZH_WE_SERVE = re.compile(r"(?:我们|我司|咱们|公司)(?:主要|只|专门|重点)?(?:服务|面向|卖给|针对|聚焦|主攻|锁定)$")
# A label whose value names the segment ("Segment: ...", "目标行业：...").
SEGMENT_LABEL = re.compile(
    r"^\W*(?:(?:our|the|my|ideal|best|core|main)\s+)*(?:target(?:\s+(?:accounts?|customers?|market|segment|industry|verticals?|sectors?))?"
    r"|(?:primary|secondary|main|core)(?:\s+(?:segments?|verticals?|markets?|industry|sectors?|targets?))?|segment\s+name|segments?|icp"
    r"|ideal\s+customers?(?:\s+profile)?|industry|industries|verticals?|niche|trade|sector"
    r"|also(?:\s+(?:fine|fits?|good|ok|okay|works?|targets?|in\s+scope))|也可以|也行|也算|其次|次要目标"
    r"|(?:target\s+)?(?:customer|business|company|account)\s+types?|types?\s+of\s+(?:business|customer|company)|best\s+fit|ideal\s+fit|sweet\s+spot|who(?:\s+we\s+sell\s+to|\s+buys)?|(?:(?:我们|我司|咱们|公司)的?)?(?:目标客户|目标行业|目标|目标客群|行业|细分行业|客户类型"
    r"|客群|细分市场|赛道|客户画像|画像|客户定位|定位|服务对象|客户群体|主要客户|核心客户|重点客户|理想客户|所属行业|主营行业|画像名称|目标细分"
    r"|主攻|主打))\W*$", re.IGNORECASE)
# A heading over the lines that define the segment ("Who this is for", "一、我们要找的客户").
SEGMENT_HEADING = re.compile(
    r"(?<![A-Za-z])(?:who\s+(?:this|it|we(?:'re|\s+are)?)\s+(?:is\s+|are\s+)?for|who\s+we\s+sell\s+to"
    r"|who\s+buys|target(?:\s+(?:segments?|markets?|customers?|accounts?|verticals?))?|segments?"
    r"|icp|ideal\s+customers?(?:\s+profile)?|our\s+customers?|customer\s+profile)(?![A-Za-z])"
    r"|^\W*who\W*$"
    r"|卖给谁|目标客户|目标细分|目标行业|目标客群|要找的客户|客户画像|客户定位|服务对象", re.IGNORECASE)
# A question whose answer names the segment ("What type of business do you sell to?").
SEGMENT_QUESTION = re.compile(
    r"(?:what|which)\s+(?:type|kind|sort)s?\s+of\s+(?:business(?:es)?|compan(?:y|ies)|customers?"
    r"|clients?|accounts?)|who\s+(?:do|does|did)\s+(?:you|we|it|they)\s+sell\s+to|who\s+(?:is|are)"
    r"\s+(?:your|our|the)\s+(?:ideal\s+|target\s+|best\s+)?(?:customers?|clients?|buyers?)"
    r"|(?:what|which)\s+industr|(?:什么|哪些|哪类|哪种|哪个)(?:行业|类型的?客户|样的客户|客户)|客户是谁|卖给谁"
    # "so who is actually renewing?", "谁在续费？": who the customers are
    r"|who\s+(?:is|are|'s)\s+(?:actually\s+|really\s+|still\s+|mostly\s+)?(?:renewing|buying|paying|signing\s+up"
    r"|using\s+(?:it|us|this|the\s+product))|who\s+(?:actually\s+|really\s+)?(?:buys|renews|pays\s+us)"
    r"|谁在(?:买|用|续费|付费)|哪些(?:人|客户)在(?:买|用|续费|付费)"
    r"|目标客户是(?:谁|什么|哪些)", re.IGNORECASE)
_ANSWER = re.compile(r"^\s*(?:a|answer|答|回答)\s*[:：.]\s*", re.IGNORECASE)


def answer_body(text: str) -> str:
    """An answer without its "A:" / "答：" mark."""
    return _ANSWER.sub("", text, count=1)

# English: where a phrase stops naming the trade.
_EN_STOP = re.compile(
    r"[.;:!?()\[\]\n—–]|\s-\s|\d|(?<![A-Za-z-])(?:with|that|who|which|whose|where|doing|running"
    r"|using|having|in|across|around|from|between|at|on|like|such|e\.g|including|usually|mostly"
    r"|typically|mainly|often|generally|based|located|operating|headquartered|than|but|except"
    r"|not|so|because|since|when|if|whether|roughly|about|approximately|say|think|mean"
    r"|especially|ideally|preferably|anywhere|anything|who've|that've|they|we|it|is|are|was"
    r"|were|have|has|their|its|our|your|this|these|those|to\s+a|of\s+(?:about|around|roughly|\d)"
    r"|themselves|itself|ourselves|directly"
    r"|run|runs|manage|manages|get|gets|keep|keeps|track|handle|handles|stop|save|grow|automate"
    r"|need|needs|want|wants|use|uses|struggle|struggle|spend|spends|pay|pays|buy|buys|hate|love)"
    r"(?![A-Za-z-])"
    r"|(?<=[a-z][b-hj-rt-z]s)\s+[a-z]+ing(?![A-Za-z])", re.IGNORECASE)
# ... a comma continues the list only when what follows reads as another item.
_EN_CONTINUES = re.compile(r"^\s*(?:(?:and|or|plus|as\s+well\s+as)\s+(?:also\s+)?)?(?!the\s+ones|ones"
                           r"|those|some|many|most|all|each|mostly|especially|ideally)[A-Za-z]",
                           re.IGNORECASE)
_EN_LEADING = re.compile(
    r"^(?:(?:the|a|an|also|plus|all|any|some|most|mostly|mainly|primarily|only|basically|just|generally"
    r"|typically|usually|really|independent|regional|local|national|small|smaller|mid-?sized?"
    r"|midsize|medium-?sized|large|larger|big|bigger|established|growing|busy|family-?(?:owned|run)"
    r"|owner-?(?:operated|run|led)|privately[- ]held|private|multi-?(?:site|location|branch)"
    r"|single-?(?:site|location)|high-?volume|smb|mid-?market|enterprise|us|uk|eu|b2b|other"
    r"|fast-?growing|high-?growth|profitable|successful|modern|traditional|top|leading|new|young"
    r"|older|well-?run|busy|similar|typical|good|great|best|ideal|target|core|commercial"
    r"|residential|industrial|domestic|institutional|so-?called)\s+)+",
    re.IGNORECASE)
def is_general_qualifier(word: str) -> bool:
    """ "independent", "regional", "mid-sized": a word that sizes or places a trade, not one
    that names a finer trade ("marine" in "marine surveyors" does)."""
    return bool(_EN_LEADING.fullmatch(word + " "))


_EN_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or|plus|as\s+well\s+as)\s+|,|\s(?:and|or|&|plus)\s|/)\s*",
                       re.IGNORECASE)
# A name cut by its number ("Part 145 repair stations", "Tier 1 suppliers") is no item.
_CUT_NAME = re.compile(r"\s*\b[A-Z][a-z]*\s*$")
# Items that name no trade: people in general, a size band, a pronoun.
_GENERIC = re.compile(
    r"^(?:companies|businesses|firms|organi[sz]ations|customers|clients|teams|people|folks"
    r"|accounts|operators|owners|shops|brands|enterprises|smbs?|smes?|startups|them|those|these"
    r"|workshops|outfits|studios|operations|ventures|houses|places|sites|locations|stores|chains"
    r"|anyone|everyone|everybody|others?|ones|ourselves|mid-?market|enterprise|b2b|b2c|technicians"
    r"|techs|workers|staff|employees|agents|reps|professionals|specialists|experts|providers"
    r"|vendors|suppliers|users|buyers|owners|managers|residential|commercial|industrial|domestic"
    r"|institutional|private|public)$",
    re.IGNORECASE)

# Chinese: the phrase ends at punctuation; "做X的客户" names X, "做X的食品厂" the 食品厂.
_ZH_STOP = re.compile(r"[，,。；;！!？?（(：:\n]|也(?:在|是|算|可以|行|要|做)|都可以|也可以|都行|均可|为主|优先|以及|还有|主要|一般|基本|大概|大约|规模|员工|人数|营收|年收入"
                      r"|门店数|区域|地区|位于|分布在|集中在|在(?:[\u4e00-\u9fff]{2,3})(?:一带|地区|省|市)")
_ZH_GENERIC_TAIL = re.compile(r"的(?:连锁|小|小型|中小型?|大型|独立|本地)?(?:客户|客户群|生意|市场|企业|公司|门店|店|商家|单位|机构|老板|品牌|人|群体|商户|厂家|代工厂|加工厂|生产厂|工厂|厂"
                              r"|工作室|档口|店铺|那种|这类|一类)+$")
_ZH_LEADING = re.compile(
    r"^(?:就是|主要是|是|一些|各类|各种|这种|那种|这类|那类|城市里|城里|本地|当地|做|的)+"
    r"|^(?:(?:连锁|中小型|中小|大中型|大型|小型|中型|本地|当地|民营|私营|独立|区域性?|头部|规模以上|单体|个体)(?:的)?)+")
_ZH_SPLIT = re.compile(r"[、/]|或者|或是|(?<=[\u4e00-\u9fff]{3})(?:和|及|与)(?=[\u4e00-\u9fff]{3})")
_ZH_MAX = 14


@dataclass(frozen=True)
class Segment:
    """One trade a note defines: the words as written (qualifiers dropped) and the gazetteer
    entry that names it, if any."""

    words: str
    canonical: str | None = None
    start: int = 0  # where the defining phrase starts in the text given
    end: int = 0

    def report_keys(self) -> list[str]:
        """The trade keys the segment gives: the note's words when it has its own (a modifier
        and head, "marine surveyors", keep the whole phrase; the gazetteer's head alone would
        name a wider trade), else the gazetteer entry."""
        return [self.words] if self.words else [self.canonical] if self.canonical else []


# Head words that add nothing to the trade before them ("insurance companies", "宠物美容店").
_GENERIC_HEAD = re.compile(
    r"^[\s'-]*(?:(?:maintenance|repair|servicing|service|installation|cleaning|inspection|supply"
    r"|rental|hire|practice|management)\s+)?(?:s|companies|company|firms?|businesses|business|shops?|stores?|providers?|operators?"
    r"|brands?|manufacturers?|makers?|vendors?|groups?|chains?|outfits?|contractors?|players?"
    r"|organi[sz]ations?|sector|industry|space|market|practices|offices|services|cent(?:er|re)s"
    r"|houses|的)?\s*"
    r"(?:店|门店|公司|企业|厂|工厂|厂家|机构|行业|商家|卖家|市场|连锁|品牌|单位|运营方|运营商|服务商|经营者)?$",
    re.IGNORECASE)
# Words that end a trade's name without naming anything ("冻品批发市场", "harpsichord companies").
_EMPTY_TAIL = re.compile(r"(?:\s+(?:companies|company|businesses|business|firms|sector|industry|space"
                         r"|market))$|(?<=[\u4e00-\u9fff]{2})(?:市场|行业|企业|公司|商家|卖家|单位|机构|运营方|经营者)$",
                         re.IGNORECASE)


def _head_entry(item: str) -> tuple[str | None, bool]:
    """(the entry naming the item's head, whether it names the whole item). A mention that
    ends the item, or is followed only by a generic head word, names its head ("restaurant
    supply distributors": distributors; "insurance companies": insurance); one inside it only a
    modifier ("pet crematoria": pet)."""
    found = mentions("industry", item)
    if not found:
        return None, False
    for mention in found:  # "food and beverage manufacturers": the trade, then a generic head
        if _GENERIC_HEAD.match(item[mention.end:]):
            finer = _finer_modifier(found, mention)
            if finer is not None:  # "少儿编程培训机构": coding schools, not training in general
                return finer, False
            if _specialty_of(item, mention):
                return None, False
            # A trade named after a modifier ("印刷包装厂", "marine surveyors") is the note's
            # words: the gazetteer's head alone names a wider trade.
            return mention.canonical, not _MODIFIER.search(item[:mention.start])
    return None, False


# A modifier: a word of its own before the gazetteer's head (the general qualifiers are gone).
_MODIFIER = re.compile(r"[A-Za-z]{2}|[\u4e00-\u9fff]{2}")


def _specialty_of(item: str, mention: Mention) -> bool:
    """A generic two-word trade name after three words or more of its own ("kitchen exhaust hood
    cleaning companies"): a specialty the note names in its own words, not the general trade
    (which the note may well rule out: "janitorial companies that added it on the side")."""
    named = item[mention.start:mention.end]
    before = re.findall(r"[A-Za-z]{3,}", item[:mention.start])
    return " " in named.strip() and len(before) >= 3 and not has_cjk(item)


def _finer_modifier(found: Sequence[Mention], head: Mention) -> str | None:
    """A trade named before the head that sits in the head's own sector ("少儿编程" before
    "培训机构", "kids' coding" before "schools"): the finer name of the same business."""
    table = industries()
    sector = table.macro(head.canonical)
    for mention in found:
        if mention.end <= head.start and mention.canonical != head.canonical \
                and table.macro(mention.canonical) == sector \
                and mention.canonical not in table.ancestors(head.canonical):
            return mention.canonical
    return None


# A tag or file name written as one word ("independent-hearing-clinics"): its words.
_SLUG = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+){2,}(?![\w-])")


def _shared_heads(pieces: list[str]) -> list[str]:
    """ "lift and escalator maintenance contractors": a bare singular noun before "and" shares
    the head of the phrase after it, unless it names a trade of its own ("fintech and
    healthcare companies" are two)."""
    merged: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        bare = piece.strip(" '\"*_")
        if re.fullmatch(r"[A-Za-z][a-z-]+", bare) and not bare.endswith("s") \
                and len(following.split()) >= 2 and not mentions("industry", bare):
            merged.append(f"{bare} and {following.strip()}")
            index += 2
            continue
        merged.append(piece)
        index += 1
    return merged


_ADDED_TAIL = re.compile(r"\s+(?:too|as\s+well|also)$", re.IGNORECASE)


def _items_en(phrase: str) -> list[str]:
    # "food and beverage manufacturers": a gazetteer name that spans a conjunction stays whole.
    protected = phrase
    for mention in mentions("industry", phrase):
        piece = phrase[mention.start:mention.end]
        protected = protected[:mention.start] + re.sub(r"[ /&,]", "\x01", piece) + protected[mention.end:]
    items = []
    for raw in _shared_heads(_EN_SPLIT.split(protected)):
        raw = _SLUG.sub(lambda m: m.group().replace("-", " "), raw)  # "#independent-hearing-clinics"
        item = _EN_LEADING.sub("", raw.replace("\x01", " ").strip(" '\"*_#") + " ").strip()
        item = re.sub(r"\s+", " ", item).strip(" -'\"")
        item = _ADDED_TAIL.sub("", item)  # "and axe-throwing venues too"
        words = item.split()
        if not words or len(words) > 6 or _GENERIC.match(item) or not re.search(r"[A-Za-z]{3}", item):
            continue
        if mentions("region", item) and not mentions("industry", item):
            continue  # "Ohio" after "in" was cut; a bare place is no trade
        items.append(item)
    return items


_FILLERS = re.compile(r"(?:[\s,]|(?:um+|uh+|er|erm|like|you\s+know|i\s+mean|mostly|mainly"
                      r"|basically|honestly|really|so)(?![A-Za-z]))+", re.IGNORECASE)


_PEOPLE_WHO_RUN = re.compile(
    r"\s*(?:the\s+)?(?:people|folks|those|owners|guys|anyone|someone|families|couples)\s+(?:who|that)\s+"
    r"(?:(?:own|run|operate|manage)(?:s)?(?:\s+(?:and|or)\s+(?:own|run|operate|manage|work)s?)?)\s+"
    r"(?:(?:a\s+couple\s+of|a\s+few|a|an|the|their\s+own|their|one\s+or\s+two|several)\s+)?(?=[A-Za-z])", re.IGNORECASE)


def _phrase_en(text: str, start: int) -> str:
    """The noun phrase from `start`: up to the first stop word; across commas while what
    follows is another short item ("fintech, healthcare, and insurance")."""
    fillers = _FILLERS.match(text, start)  # "the folks we sell to, they're mostly, um, ..."
    if fillers:
        start = fillers.end()
    runners = _PEOPLE_WHO_RUN.match(text, start)  # "people who run small forges": the forges
    if runners:
        start = runners.end()
    rest = text[start:]
    end = 0
    while True:
        stop = _EN_STOP.search(rest, end)
        comma = rest.find(",", end)
        limit = stop.start() if stop else len(rest)
        if 0 <= comma < limit:
            following = rest[comma + 1:]
            item = re.sub(r"^\s*(?:and|or|plus|as\s+well\s+as)\s+(?:also\s+)?", "", following,
                          flags=re.IGNORECASE)
            # "..., and hookah lounges are also fine": a clause of its own (`added_segments`).
            if _EN_CONTINUES.match(following) and not _EN_STOP.match(item.lstrip()) \
                    and not _EN_ADDED_VERDICT.match(following):
                end = comma + 1
                continue
            return rest[:comma]
        if stop and stop.group().isdigit():
            return _CUT_NAME.sub("", rest[:limit])
        return rest[:limit]


# "X以外的Y" / "除了X之外的Y": X is ruled out, Y is the segment.
_ZH_BESIDES = re.compile(r"^[^，。；,;]*?(?:以外|之外)的")


def _phrase_zh(text: str, start: int) -> str:
    rest = text[start:]
    besides = _ZH_BESIDES.match(rest)
    if besides:
        rest = rest[besides.end():]
    stop = next((m for m in _ZH_STOP.finditer(rest) if m.start() >= 2 or not m.group().isalpha()),
                None)  # "区域婚车租赁公司": a qualifier first, not where the phrase stops
    phrase = (rest[:stop.start()] if stop else rest).rstrip()
    # "做X的Y": Y names the trade unless it is a generic word ("客户", "公司"), then X does.
    generic = _ZH_GENERIC_TAIL.search(phrase)
    if generic:
        phrase = _ZH_RUNS.sub("", phrase[:generic.start()])
    elif "的" in phrase:
        before, after = phrase.rsplit("的", 1)
        # "连锁酒店的财务总监": the people we sell to work in the trade before 的; "做桌游吧的":
        # nothing after 的, the business is what they do.
        phrase = before if _is_role(after) or (not after.strip() and before.startswith("做")) else after
    return phrase


_ROLE_WORDS = re.compile(
    r"(?:teams?|departments?|depts?|leaders?|leadership|heads?|managers?|directors?|officers?"
    r"|owners?|founders?|buyers?|executives?|execs|vps?|cfos?|ctos?|ceos?|coos?|cios?|admins?"
    r"|staff|people|folks)$|(?:总监|经理|主管|负责人|老板|总经理|董事长|创始人|财务|采购|团队|部门)$",
    re.IGNORECASE)


def _is_role(item: str) -> bool:
    """ "CFOs", "finance teams", "ops leaders", "财务总监": people, not a trade."""
    from icp_coach.engines.offline.extraction.titles import find_titles

    item = item.strip()
    titles = find_titles(item)
    return bool(_ROLE_WORDS.search(item)) or (bool(titles) and titles[0][0] == 0
                                                and titles[-1][1] >= len(item.rstrip("s")))


_ZH_HEAD = re.compile(r"(?:商|公司|厂|店|机构|中心|工作室|门店|企业)$")


def _zh_shared_head(pieces: list[str], phrase: str) -> list[str]:
    """ "空调安装、移机、维修服务商" is one trade: short pieces without a head noun share the last
    piece's head ("火锅店、烧烤店" each have their own)."""
    if len(pieces) > 1 and _ZH_HEAD.search(pieces[-1].strip()) \
            and all(len(p.strip()) <= 4 and not _ZH_HEAD.search(p.strip()) for p in pieces[:-1]) \
            and "、" in phrase:
        return [phrase]
    return pieces


def _known_pairs(pieces: list[str]) -> list[str]:
    """ "民宿和农家乐": short names joined by 和 are two trades when each is a different entry."""
    split: list[str] = []
    for piece in pieces:
        parts = re.split(r"和|及|与|跟", _ZH_LEADING.sub("", piece))  # "做汽车美容和洗车"
        entries = [_whole_entry(part) for part in parts]
        if len(parts) > 1 and None not in entries:  # one entry twice: its names, merged later
            split += parts
        else:
            split.append(piece)
    return split


def _whole_entry(words: str) -> str | None:
    """The entry that names all of `words`, if one does."""
    found = mentions("industry", words.strip())
    if len(found) == 1 and found[0].end - found[0].start == len(words.strip()):
        return found[0].canonical
    return None


_ZH_MADE_BY = re.compile(r"([\u4e00-\u9fff]{2,8})的(?:小|大|中小|小型|大型)?(作坊|工厂|厂|厂家|工作室|店|门店|公司|企业)")


# A verb of running a business before "X的老板/店/公司" ("开猫咖的", "经营房车营地的公司").
_ZH_RUNS = re.compile(r"^(?:开(?!发|关|采)|经营|搞|干|从事)(?=[\u4e00-\u9fff]{2})")


_ZH_FIELD_WORD = re.compile(r"规模|员工|人数|营收|年收入|收入|区域|地区|预算|客单价|门店数")


def _items_zh(phrase: str) -> list[str]:
    phrase = re.sub(r"[（(][^）)]*[）)]", "", phrase)
    items = []
    for raw in _known_pairs(_zh_shared_head(_ZH_SPLIT.split(phrase), phrase)):
        item = raw.strip(" 　\"'“”")
        previous = None
        while previous != item:
            previous, item = item, _ZH_LEADING.sub("", item)
        generic = _ZH_GENERIC_TAIL.search(item)
        if generic:
            item = item[:generic.start()]
            item = _ZH_RUNS.sub("", item)  # "开猫咖的老板": the business is the 猫咖
            if item.startswith("做") and "的" not in item:  # "做冷链配送的连锁公司"
                item = item[1:]
        if "做" in item and "的" in item:  # "城里做搬家的": what they do
            item = item.split("做", 1)[1].split("的", 1)[0]
        maker = _ZH_MADE_BY.fullmatch(item)
        if maker:  # "(做)锅巴的小作坊": the 锅巴作坊
            item = maker.group(1) + maker.group(2)
        if not 2 <= len(item) <= _ZH_MAX or re.search(r"\d|[一二三四五六七八九十百千万]+(?:家|人|个)", item):
            continue
        if (mentions("region", item) and not mentions("industry", item)) or _ZH_FIELD_WORD.fullmatch(item):
            continue  # "规模一般…": a field's name, no trade
        items.append(item)
    return items


def _segments_of(items: list[str], start: int, end: int) -> list[Segment]:
    found = []
    for item in items:
        if rules_out_words(item):
            continue
        canonical, whole = _head_entry(item)
        words = "" if whole else _EMPTY_TAIL.sub("", item)
        found.append(Segment(words=words, canonical=canonical, start=start, end=end))
    return found


_ASKS = re.compile(r"(?:whether|if|do|does|can|could|would|should|asked)\s*$|(?:是否|能不能|要不要)$",
                   re.IGNORECASE)


_WORKPLACE = re.compile(r"\s*(?:at|in|within|of|from|inside)\s+", re.IGNORECASE)


# "shops that restore vintage motorcycles", "firms who build and repair violins": a plain
# business noun whose relative clause says what the business does; the clause's verb is an
# action, not a state, a need or a size ("that have 20 staff", "that use Excel").
_RELATIVE = re.compile(
    r"\s*(?:[a-z-]+\s+){0,2}" + _BUSINESS_PLURAL + r"\s+(?:that|which|who)\s+(?!(?:are|is|was|were|have|has"
    r"|had|we|they|you|it|do|does|did|don't|can|could|would|will|should|may|might|must|need|needs"
    r"|want|wants|use|uses|buy|buys|pay|pays|hate|love|like|get|gets|already|still|also|just|only"
    r"|sign|signed|call|called|ask|asked|come|came|spend|spends|struggle|struggles|employ|employs"
    r"|make\s+(?:up|less|more|over|under))(?![A-Za-z]))[a-z]+(?![A-Za-z])"
    # ... or a participle: "outfits hauling livestock", "firms running seed-cleaning lines"
    r"|\s*(?:[a-z-]+\s+){0,2}" + _BUSINESS_PLURAL + r"\s+(?!(?:using|having|doing\s+(?:well|better|great|fine|ok|okay|badly|poorly|more|less|over|under)|getting|making\s+(?:over|under|more|less)"
    r"|looking|wanting|needing|paying|spending|struggling|asking|calling|coming|starting|selling\s+to)(?![A-Za-z]))"
    r"[a-z]{2,}ing(?![A-Za-z])", re.IGNORECASE)
_RELATIVE_STOP = re.compile(
    r"[.;:!?()\[\]\n—–,]|\s-\s|\d|(?<![A-Za-z])(?:usually|mostly|typically|mainly|often|generally"
    r"|with|in|across|around|from|at|for|who|which|where|but|so|because|since|when|if|like|such"
    r"|e\.g|including|than|themselves|ourselves|to|into|onto)(?![A-Za-z])", re.IGNORECASE)


def _relative_segment(text: str, start: int) -> list[Segment]:
    """The business a plain noun and its relative clause name, in the note's words."""
    found = _RELATIVE.match(text, start)
    if found is None:
        return []
    stop = _RELATIVE_STOP.search(text, found.end())
    end = stop.start() if stop else len(text)
    words = _EN_LEADING.sub("", text[start:end].strip() + " ").strip()
    content = [w for w in words.split() if w.lower() not in ("that", "which", "who")]
    if not 3 <= len(content) <= 8:  # the verb's object too: "firms that sell" is nothing
        return []
    return [Segment(words=words, start=start, end=end)]


# The segment named before what it is: "Pallet recyclers are who we sell to", "Mobile welding
# crews are our customers", "做锅巴的小作坊是我们的目标客户". "Hotels are our customers'
# customers" and "they are their customers" are not.
_SUBJECT_CUE = re.compile(
    r"\s+(?:are|is)\s+(?:(?:exactly|really|basically|mostly|mainly|still|always)\s+)?"
    r"(?:(?:who|whom|what|the\s+ones?)\s+we\s+(?:sell\s+to|target|serve|go\s+after|want|build\s+for)"
    r"|our\s+(?:ideal\s+|target\s+|core\s+|main\s+|best\s+|primary\s+|bread[- ]and[- ]butter\s+)?"
    r"(?:customers?|clients?|icp|target(?:\s+(?:market|customers?|accounts?|segment))?|buyers|sweet\s+spot"
    r"|market|segment|niche))(?!['’\w])"
    r"|(?:就|都|也|才|正)?是(?:我们|我司|咱们|公司)的?(?:目标|主要|核心|理想|重点)?(?:客户|客群|用户|目标)(?:群体?)?"
    r"(?![的们])", re.IGNORECASE)
_SUBJECT_START = re.compile(r".*(?:[.;:!?\n，。；：:！？()（）【】\[\]]|\s[-–—]\s)", re.DOTALL)
_SUBJECT_LEAD = re.compile(r"^\s*(?:(?:and|but|so|ok|okay|honestly|really|basically|yes|yeah|no|then)(?![A-Za-z])[\s,]*)+",
                           re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(
    r"(?<![A-Za-z])(?:they|them|those|these|this|that|it|we|you|i|who|which|their|not|never|both|all|each"
    r"|such|here|there|one|two|three|some|many|most)(?![A-Za-z])"
    r"|他们|她们|它们|我们|不是|不|^[这那哪该此各每其]|[一二两三四五六七八九十几\d]+[家个位类种批]", re.IGNORECASE)


def _subject_segments(text: str) -> list[Segment]:
    found: list[Segment] = []
    for cue in _SUBJECT_CUE.finditer(text):
        before = text[:cue.start()]
        boundary = _SUBJECT_START.match(before)
        start = boundary.end() if boundary else 0
        phrase = _SUBJECT_LEAD.sub("", before[start:])
        start = cue.start() - len(phrase)
        if not phrase.strip() or _NOT_A_SUBJECT.search(phrase):
            continue
        if has_cjk(phrase):
            items = _items_zh(phrase)
        elif _EN_STOP.search(phrase) or len(phrase.split()) > 6:
            continue
        else:
            items = _items_en(phrase)
        found += _segments_of(items, start, cue.start())
    return found


_THE_BUSINESS = re.compile(r"(?<![A-Za-z])(?:it(?:'s|\s+is|\s+was)|they(?:'re|\s+are)|that(?:'s|\s+is))\s+"
                           r"(?:really\s+|mostly\s+|mainly\s+|basically\s+|just\s+)?the\s+", re.IGNORECASE)


def business_named_by_its_work(text: str) -> list[Segment]:
    """ "It is the shops that build and restore pipe organs": a profile line that names its
    business by what it does, with no cue before it; the first such business only (what
    follows describes it: "the small firms who tour churches")."""
    if rules_out_words(text):
        return []
    for lead in _THE_BUSINESS.finditer(text):
        found = _relative_segment(text, lead.end())
        if found:
            return found
    return []


def named_by_its_work(words: str) -> bool:
    """ "shops that restore vintage motorcycles", "outfits hauling livestock": a business the
    note names by what it does."""
    return _RELATIVE.match(words) is not None


def _only_plain_nouns(items: list[str]) -> bool:
    return all(re.fullmatch(_BUSINESS_PLURAL, item, re.IGNORECASE) for item in items)


def defined_segments(text: str) -> list[Segment]:
    """The trades a sentence defines as the segment ("we sell to ...", "目标客户是..."), with
    where the defining phrase lies; [] when the sentence defines none."""
    found: list[Segment] = []
    for cue in (*_EN_CUE.finditer(text), *_ZH_CUE.finditer(text)):
        if _ASKS.search(text[max(0, cue.start() - 16):cue.start()]):
            continue  # "asked whether we work with groups their size"
        if cue.group() == "做":
            if not any(s.start <= cue.start() < s.end for s in found):  # read by a cue before
                found += _maker_segment(text, cue)
            continue
        zh = has_cjk(text[cue.end():cue.end() + 12])
        phrase = _phrase_zh(text, cue.end()) if zh else _phrase_en(text, cue.end())
        items = _items_zh(phrase) if zh else _items_en(phrase)
        if not zh and _only_plain_nouns(items) and _relative_segment(text, cue.end()):
            found += _relative_segment(text, cue.end())
            continue
        workplace = None if zh else _WORKPLACE.match(text, _end_of(text, phrase, cue.end()))
        if items and workplace and all(_is_role(item) for item in items):
            # "CFOs at mid-sized SaaS companies": the trade is where those people work.
            phrase = _phrase_en(text, workplace.end())
            items = _items_en(phrase)
        found += _segments_of(items, cue.start(), _end_of(text, phrase, cue.end()))
    return found + [s for s in _subject_segments(text)
                    if not any(f.start < s.end and s.start < f.end for f in found)]


_MAKER = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,10}?)的(?:工厂|厂家|厂|作坊|工作室|企业|公司)")


def _maker_segment(text: str, cue: re.Match[str]) -> list[Segment]:
    """ "做风筝的厂": the trade is what they make, unless it is ours or one served, or the clause
    rules it out ("做豆干的作坊也问过，不做")."""
    before = text[max(0, cue.start() - 6):cue.start()]
    if _ZH_NOT_THEIRS.search(before) and not _ZH_WE_SERVE.search(before):
        return []
    made = _MAKER.match(text, cue.end())
    clause_end = re.search(r"[。；;！!？?\n（(]|$", text[cue.end():])  # "（不是…）" is an aside
    sentence = text[cue.start():cue.end() + (clause_end.start() if clause_end else 0)]
    if made is None or rules_out_words(sentence):
        return []
    return _segments_of(_items_zh(made.group(1)), cue.start(), made.end())


_ZH_HEAD_AFTER = re.compile(r"的?(?:工厂|厂家|厂|公司|企业|客户|门店|店|商家|机构|作坊|工作室)")


def _end_of(text: str, phrase: str, start: int) -> int:
    """Where a phrase read from `start` ends in the text (a ruled-out "X以外的" before it
    is skipped by the reading, not by the text)."""
    at = text.find(phrase, start) if phrase else -1
    end = at + len(phrase) if at >= 0 else start + len(phrase)
    tail = _ZH_HEAD_AFTER.match(text, end) if phrase and has_cjk(phrase[-1]) else None
    return tail.end() if tail else end  # "铝型材挤压的工厂": the head was read with the phrase


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def labelled_segments(body: str) -> list[Segment]:
    """The trades a segment label's value lists ("Segment: tree surgeons; arborists",
    "目标行业：汽车贴膜门店")."""
    found: list[Segment] = []
    # "mushroom growers (indoor grow rooms; oyster, shiitake)": an aside describes the trade, it
    # lists no trades of its own, and its semicolon splits nothing.
    body = _ASIDE.sub(lambda m: " " * len(m.group()), body)
    for piece in re.split(r"[;；\n]", body):
        if not piece.strip() or rules_out_words(piece):
            continue
        offset = body.find(piece)
        zh = has_cjk(piece)
        phrase = _phrase_zh(piece, 0) if zh else _phrase_en(piece, 0)
        items = _items_zh(phrase) if zh else _items_en(phrase)
        if not zh and _only_plain_nouns(items) and _relative_segment(body, offset):
            found += _relative_segment(body, offset)
            continue
        found += _segments_of(items, offset, _end_of(body, phrase, offset))
    return found


# A clause about the segment's own customers or work ("they work for councils", "the ones doing
# fleet washing", "给诊所做牙冠", "为宠物医院提供配套"): the trades it names are not the segment.
_THEIR_CUSTOMERS = re.compile(
    r"(?<![A-Za-z])(?:(?:their|its)\s+(?:own\s+)?(?:customers|clients|end[- ]customers|buyers"
    r"|accounts|tenants)|(?:they|who|that|which)\s+(?:\w+ly\s+)?(?:work|works|working|do\s+work)"
    r"\s+for|(?:they|who|that|which)\s+(?:\w+ly\s+)?(?:serve|serves|supply|supplies|sell\s+to"
    r"|sells\s+to|install\s+for|clean\s+for|build\s+for)|the\s+ones\s+(?:doing|who|that)"
    r"|(?:they|who|that|which)\s+(?:\w+ly\s+)?(?:deliver|sell|supply|ship|cater|haul|distribute"
    r"|rent|lease|provide\s+\w+|do\s+\w+)\s+(?:(?P<object>\w+)\s+)?(?P<to>to|for)"
    r"|customers,?\s+not\s+ours|serving\s+(?:their|local)?)(?![A-Za-z])"
    r"|给[^，。；,;]{1,12}(?:做|供货|供应|提供|配套|加工|代工|服务|配送|送货|发货|运输|安装|维修|维保)"
    r"|为[^，。；,;]{1,12}(?:提供|服务|配套|加工|供货|供应|配送)"
    r"|(?:他们|其)的?(?:客户|下游)|下游(?:客户)?", re.IGNORECASE)


def names_their_customers(clause: str) -> bool:
    """Whether a clause speaks of the segment's own customers or work, not of the segment."""
    return bool(_THEIR_CUSTOMERS.search(clause))


def before_their_customers(text: str) -> str:
    """The text up to where it starts speaking of the segment's own customers ("..., their
    customers are homeowners, campgrounds and construction sites")."""
    found = _THEIR_CUSTOMERS.search(text)
    if found is None:
        return text
    if found.group("object") and _RELATIVE.match(text[:found.start("to")] + " ", _clause_start(text, found.start())):
        return text[:found.start("to")]  # "companies that lease scaffolding | to builders"
    return text[:found.start()]


def _clause_start(text: str, at: int) -> int:
    """Where the phrase holding position `at` starts (after a label, a colon, a sentence)."""
    before = re.match(r".*(?:[.;:!?\n，。；：:！？]|\s[-–—]\s|(?<![A-Za-z])(?:to|target|want|are|is)\s)", text[:at], re.DOTALL | re.IGNORECASE)
    return before.end() if before else 0


# A clause that adds a trade to the one named before it in the sentence: "and hookah lounges
# are also fine", "plus axe-throwing venues too", "日间照料中心也算", "做智能锁安装的门店也行".
_EN_ADDED = re.compile(
    r"^\W*(?:(?:and|or|plus|also)\s+)?(?P<trade>[A-Za-z][\w'&/ -]*?)\s+(?:"
    r"(?:are|is)\s+(?:also\s+)?(?:fine|good|ok|okay|welcome|a\s+(?:good\s+)?fit|in\s+scope|worth\s+(?:it|a\s+look))"
    r"\s+(?:too|as\s+well)(?![A-Za-z])"
    r"|(?:are|is)\s+also\s+(?:fine|good|ok|okay|welcome|a\s+(?:good\s+)?fit|in\s+scope|worth\s+(?:it|a\s+look))(?![A-Za-z])"
    r"|(?:also\s+)?(?:fit|work|count|qualify)\s+(?:too|as\s+well)(?![A-Za-z])"
    r"|also\s+(?:fit|work|count|qualify)(?![A-Za-z])"
    r"|(?:too|as\s+well)\W*$)", re.IGNORECASE)
_ZH_ADDED = re.compile(r"^\W*(?:还有|另外|以及|和|加上)?(?P<trade>[\u4e00-\u9fffA-Za-z]{2,16}?)"
                       r"(?:也(?:行|算|可以|要|符合|合适|是目标|在范围内)|同样(?:可以|合适))")
# ... the same clause up to its verdict, as one item said before it ("and Excel is also fine").
_EN_ADDED_VERDICT = re.compile(r"^\W*(?:(?:and|or|plus|also)\s+)?[A-Za-z][\w'&/-]*(?:\s+[A-Za-z][\w'&/-]*){0,5}?\s+"
                               r"(?:are|is)\s+(?:also\s+)?(?:fine|good|ok|okay|welcome|a\s+(?:good\s+)?fit|in\s+scope)"
                               r"(?![A-Za-z])", re.IGNORECASE)
# An added item is a business: a plural noun ("lounges", "studios"), or a Chinese business noun.
_EN_PLURAL_END = re.compile(r"[a-z]{2,}s$")
_ZH_BUSINESS_END = re.compile(r"(?:店|厂|公司|机构|工作室|作坊|门店|诊所|工坊|中心|馆|院|所|商|企业|俱乐部|基地|团队)$")


def added_segments(clause: str) -> list[Segment]:
    """The trades a clause adds to a segment named before it in the same sentence ("..., and
    hookah lounges are also fine"); [] when the clause adds none. A buyer word or a tool is no
    trade: what is added must read as a business."""
    zh = has_cjk(clause)
    found = (_ZH_ADDED if zh else _EN_ADDED).match(clause.strip())
    if found is None or rules_out_words(clause):
        return []
    words = found.group("trade").strip()
    if zh:
        if not (_ZH_BUSINESS_END.search(words) or mentions("industry", words)):
            return []
        items = _items_zh(words)
    else:
        if _EN_STOP.search(words) or len(words.split()) > 6 or _is_role(words):
            return []
        items = [item for item in _items_en(words)
                 if _EN_PLURAL_END.search(item) or mentions("industry", item)]
    return _segments_of(items, found.start("trade"), found.end("trade"))


# A label that names buyers ("Our ideal buyers", "Target buyers", "理想买家"): the people who
# sign, or the businesses that buy, whichever its value names.
BUYER_LABEL = re.compile(
    r"^\W*(?:(?:our|the|my)\s+)?(?:(?:ideal|target|typical|key|best|core|main|primary|likely|first)\s+)*"
    r"buyers?\W*$|^\W*(?:(?:我们|我司|咱们)的?)?(?:理想|目标|典型|主要|核心|重点)?的?(?:买家|买方)\W*$",
    re.IGNORECASE)


def businesses_bought(body: str) -> list[Segment]:
    """The businesses a buyer label's value names ("Target buyers: tent makers, sign shops");
    [] when it names people ("Buyer: owner or GM") or nothing that reads as a business."""
    found = []
    for segment in labelled_segments(body):
        words = segment.words
        person = re.match(r"(.+?)\s+(?:of|at|in|from)\s", words)  # "owners of tent makers"
        if words and (_is_role(words) or person and _is_role(person.group(1))):
            return []
        if segment.canonical or _EN_PLURAL_END.search(words) and not has_cjk(words) \
                or has_cjk(words) and _ZH_BUSINESS_END.search(words):
            found.append(segment)
    return found
