"""Where an interview names an option a customer could have used for the job.

Three sources of candidates, so that a product nobody listed is still found:
- known products: a public list of business software (alternatives.yaml `products`);
- generic options: a spreadsheet, paper, a group chat, hiring someone, an agency, building it
  in-house, doing nothing, the old system (alternatives.yaml `generic`), in both languages;
- names: capitalised words not opening a sentence (English), and in Chinese the words after
  naming phrases (叫X, "X"), before a product word (X系统, X软件) or after verbs of trying and
  weighing (试用了X, 对比了X和Y), plus Latin-script words inside Chinese text.

Candidates are deliberately generous: whether a candidate is an option at all, and whether it
was weighed, is decided by the learned scorer (option_scorer.py) from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

PRODUCT, GENERIC, NAME = "product", "generic", "name"
_LATIN = re.compile(r"[A-Za-z]")
_CJK = "\u4e00-\u9fff"
# English function words: a capitalised one opens a sentence, it does not name a product.
_FUNCTION_WORDS = frozenset("""
a an the and but or so then when if this that these those they them it its he she him her you
your we our us my me his their well also actually honestly basically anyway because what why how
where who which there here now just maybe sure right thanks thank hi hello look see yes no not all
some one two three first last next plus in on at for with from to of by after before during since
until every each any both either great good nice cool fine exactly totally definitely really oh
like yeah okay ok um uh hmm mm wow let lets let's i'm i'd i've i'll we're we'd we've it's that's
there's they're you're don't didn't can't couldn't wasn't isn't do does did was were is are be been
have has had would could should will can may might must our ours mine yours sorry please
somebody someone everybody everyone nobody anybody anyone everything nothing something anything
""".split())
# Chinese characters that glue words together rather than name things; a name never holds the
# ones in _ZH_NEVER_INSIDE (question words, pronouns, aspect markers).
_ZH_FUNCTION = frozenset("的了是在我你您他她它这先再挺那个就都也还又把被给跟和与对从用上款套家种叫些么啥什吗呢吧啊嘛呀哦说要会能很太更最不没")
_ZH_NEVER_INSIDE = frozenset("哪怎么吗呢谁们啥你您我他她它这那的了过着吧啊嘛呀没不太很都也还就挺")
# Frequent spoken words (adverbs, connectives, time words, common nouns of the trade of buying):
# a clause may open with them, they are not names.
_ZH_COMMON = frozenset("""
一下 一些 很多 东西 时候 感觉 价格 功能 系统 软件 平台 工具 产品 公司 厂家 厂商 供应商 销售 老板 客户 师傅
员工 一家 两家 几家 一个 几个 别的 其他 其它 另外 之前 以前 现在 后来 然后 因为 所以 但是 不过 而且 还是
就是 可能 应该 已经 觉得 知道 时间 问题 事情 数据 手机 电脑 好多 大家 自己 一起 一样 价钱 报价 演示 试用
方案 合同 对比 比较 考虑 了解 小程序 表格 微信 群里 其实 当时 反正 主要 基本 一般 最后 首先 而且 当然 还有
比如 确实 真的 本来 原来 原先 平时 每天 每次 每个 每周 每月 有时 有时候 有的 有些 有人 有一次 这样 那样
怎么 为什么 什么 所有 整个 全部 一直 马上 直接 其中 关键 重点 主要是 说实话 老实说 坦白说 一开始 刚开始
开始 后面 前面 上面 下面 里面 外面 今年 去年 明年 上个月 这个月 一年 两年 三年 半年 一天 一周 一个月 月底
年底 周末 晚上 早上 中午 下午 上午 门店 店里 店长 前台 财务 会计 老师 医生 护士 司机 工人 业主 家长 顾客
会员 病人 股东 同行 朋友 同事 总部 行业 市场 项目 订单 库存 账目 对账 排班 派单 预约 记录 流程 效率 成本
学员 学生 教练 员工 师傅 经理 主管 总监 店员 客服 技术 老公 老婆 儿子 女儿 领导 同学 小伙伴 新人 老人
可以 实话 说实话 老实说 还行 不错 没事 对吧 是吧 好的 行吧 差不多 大概 左右 一点 有点 特别 非常 比较 稍微
价钱 费用 服务 售后 培训 上线 实施 对接 升级 维护 安装 部署 钱 人 事 活 店 家 我们 他们 你们 人家 别人
车间 仓库 工厂 厂里 厂子 街道 社区 小区 村里 镇上 公司里 软件公司 科技公司 网络公司 外包公司 界面 页面 模块 合作
课程 网课 早课 晚课 会议 报表 单子 手续 证件 现金 押金 定金 尾款 发票 账单 货款 工资 提成 补贴 利润 毛利 损耗
设备 机器 硬件 芯片 电脑上 手机上 网上 线上 线下 后台 前端 门口 柜台 大厂 小厂 同城 本地 外地 全国 行业里
配件 进销存 加盟 派工 介绍 风险 办法 客人 报告 打印 企业 国外 国内 名单 高峰 品牌 团购 直播 视频 照片 图片 文件
资料 版本 链接 二维码 扫码 点单 收银 积分 优惠 折扣 套餐 结算 盘点 出库 入库 进货 发货 退货 物流 快递 配送 运费 材料
原料 样品 图纸 工期 工地 现场 施工 安全 质量 标准 制度 考核 绩效 加班 排期 预算 审批 报销 签字 盖章 售前 采购 仓管
人事 行政 老板娘 学徒 酒保 服务员 收银员 厨师 保洁 保安 护工 剪辑 调色 设计 印刷 包装 清洗 保险 贷款 税务 社保
礼拜 星期 一阵 一段 抽成 抽点 佣金 扣点 年费 月费 储值 储值卡 会员卡 实体卡 门禁 正式 规格 型号 招生 排课 免费 便宜 收费 退费 续费 课时 账号 效果 语音 电话 档案
简单 复杂 方便 麻烦 好用 难用 专业 稳定 做大 做强 鉴定 检测 维修 保养 安装 工单 报修 派单 订单 单据 内部 外部 联赛 比赛 活动 促销 广告 流量 口碑 渠道 平台上 小程序上 公众号 群里 朋友圈
""".split())
_ZH_NAME = rf"[{_CJK}A-Za-z0-9]"
_ZH_STOP = r"(?=的|最后|最终|和|跟|、|，|,|。|！|？|!|\?|\s|这|那|他们|也|都|还|就|吧|啊|呢|嘛|$)"
_ZH_PATTERNS = (
    re.compile(rf"(?:叫做?|名叫|名字叫|品牌叫)[“\"「『]?({_ZH_NAME}{{2,8}}?)[”\"」』]?{_ZH_STOP}"),
    re.compile(r"[“「『《]([^”」』》\s，。]{2,10})[”」』》]"),
    re.compile(rf"({_ZH_NAME}{{2,5}})(?=系统|软件|平台|App|APP|app|小程序|SaaS|saas|这款|那款|这家|那家)"),
    re.compile(rf"(?:试用了?|试了(?:一下)?|试过|用过|用的是|看过|看了(?:一下)?|对比了?|比较了?|考虑过|"
               rf"了解过|了解了(?:一下)?|接触过|问过|问了(?:一下)?|找过|找了|聊过|谈过|选了|选|换成|上了|换到|"
               rf"推荐了?|介绍了?|是)(?:一家|一个|一款|一套|个|家|款|套|下)?({_ZH_NAME}{{2,6}}?){_ZH_STOP}"),
)
# A name opening a clause as its topic ("X我们试过", "X是同行介绍的", "X呢？"): kept only when the
# interview names it at least twice, since clauses open with many ordinary words too.
_ZH_TOPIC = re.compile(
    rf"(?:^|(?<=[，,。！？!?；;：:、\s]))(?:还有|然后|另外|再就是|再有|先是)?({_ZH_NAME}{{2,5}}?(?:\s?[vV]?\d{{1,4}}(?![\d年月日号天周个万千百块元%岁次台家人]))?)(?=我们|我|是|能|呢|的|就|也|太|挺|还|主要|可以|"
    rf"好在|比|没|不|那边|这边|他们|它|用|做|在|有|试|来|给|说|报|出|听|为什么|怎么|一直|[，,。？?！!])")
_ZH_LATIN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9]|[A-Z])(?![A-Za-z0-9])")
_TOKEN_TAIL = r"(?:[A-Za-z0-9&+'-]|\.(?=[A-Za-z0-9]))*"
_EN_NAME = re.compile(rf"(?<![A-Za-z0-9_.@/-])((?:[A-Z]{_TOKEN_TAIL}|[a-z]+[A-Z]{_TOKEN_TAIL})"
                      rf"(?:[ ](?:[A-Z]{_TOKEN_TAIL}|[0-9]+))*)")
_EN_INNER = re.compile(r"[a-z0-9][A-Z]|\d")


@dataclass(frozen=True)
class OptionMention:
    """One place an option is named: `key` identifies the option across the interview."""

    key: str
    kind: str  # PRODUCT, GENERIC or NAME
    words: str  # the words as written
    start: int
    end: int


@dataclass(frozen=True)
class OptionGazetteer:
    products_ci: dict[str, str]  # lower-case spelling -> canonical name
    products_cs: dict[str, str]  # exact spelling -> canonical name
    product_pattern: re.Pattern[str]
    generic: dict[str, list[re.Pattern[str]]]
    context: dict[str, list[re.Pattern[str]]]
    questions: dict[str, list[re.Pattern[str]]]
    not_names: frozenset[str]
    given_names: frozenset[str] = frozenset()
    described: tuple[re.Pattern[str], ...] = ()


def trie_pattern(words: list[str]) -> str:
    """An alternation of literal `words` as a prefix tree, so the regex engine tries each
    position once instead of once per word (hundreds of product names)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(tree)


def _data() -> Any:
    import yaml

    text = resources.files(__package__).joinpath("alternatives.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]


@lru_cache(maxsize=1)
def gazetteer() -> OptionGazetteer:
    data = _data()
    ci: dict[str, str] = {}
    cs: dict[str, str] = {}
    for entries in data["products"].values():
        for entry in entries:
            spellings = [s.strip() for s in str(entry).split("|") if s.strip()]
            canonical = spellings[0].lstrip("=")
            for spelling in spellings:
                if spelling.startswith("="):
                    cs[spelling[1:]] = canonical
                else:
                    ci[spelling.lower()] = canonical
    alternation = trie_pattern(sorted({s.lower() for s in [*ci, *cs]}))
    # a Chinese spelling may run into a digit ("管家婆3年", "管家婆365"); a Latin one is a whole word
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{alternation})(?:(?<=[\u4e00-\u9fff])|(?![A-Za-z0-9]))",
                         re.IGNORECASE)
    return OptionGazetteer(
        products_ci=ci, products_cs=cs, product_pattern=pattern,
        generic={name: _compile(spellings) for name, spellings in data["generic"].items()},
        context={name: _compile(["|".join(f"(?:{p})" for p in patterns)])
                 for name, patterns in data["context"].items()},
        questions={name: _compile(patterns) for name, patterns in data["questions"].items()},
        not_names=frozenset(str(word) for key in ("not_names", "given_names", "languages", "places")
                            for word in data[key]),
        given_names=frozenset(str(word) for word in data["given_names"]),
        described=tuple(_compile(data.get("described", []))),
    )


def _product(words: str) -> str | None:
    table = gazetteer()
    return table.products_cs.get(words) or table.products_ci.get(words.lower())


def known_mentions(text: str) -> list[OptionMention]:
    """Products of the public list and generic options named in `text`."""
    table = gazetteer()
    found = []
    for match in table.product_pattern.finditer(text):
        canonical = _product(match.group(0))
        if canonical is not None:
            found.append(OptionMention(canonical, PRODUCT, match.group(0), match.start(), match.end()))
    for key, patterns in table.generic.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start() and not _self_description(text, match.start()):
                    found.append(OptionMention(key, GENERIC, match.group(0), match.start(), match.end()))
    for pattern in table.described:
        for match in pattern.finditer(text):
            if match.end() > match.start() and not _NAMED_AFTER.match(text, match.end()):
                found.append(OptionMention(described_key(match.group(0)), GENERIC, match.group(0),
                                           match.start(), match.end()))
    return found


# A description the customer then names ("他们用的一个软件，叫鱼掌柜", "some app, called Fixly") is
# that name's, not an option of its own.
_NAMED_AFTER = re.compile(r"[，,]?\s*(?:叫做?|名叫|名字叫|called\b|named\b)", re.IGNORECASE)
ANOTHER_VENDOR = "another vendor of its kind|同类产品"
_DESCRIBED_MARK = "#"


def described_key(words: str) -> str:
    """A described product is its own option ("the big German one" and "the purple one" are
    two), of the kind "another vendor of its kind"."""
    squeezed = " ".join(words.lower().split())
    return f"{ANOTHER_VENDOR}{_DESCRIBED_MARK}{squeezed}"


def generic_kind(key: str) -> str:
    """The generic option a key is of ("another vendor of its kind|同类产品" for a description)."""
    return key.split(_DESCRIBED_MARK, 1)[0]


# "We're a twelve-person agency", "我们是一家外包公司": the customer describing its own business.
_SELF_BEFORE = re.compile(r"(?:\b(?:we(?:'re| are)|i(?:'m| am)) an? (?:[\w-]+ ){0,3}|(?:我们|我)(?:是|算是)(?:一家|一个)"
                          r"[\u4e00-\u9fff]{0,6})$", re.IGNORECASE)


def _self_description(text: str, start: int) -> bool:
    return bool(_SELF_BEFORE.search(text[max(0, start - 40):start]))


def _clean_en_name(words: str) -> str:
    tokens = words.split(" ")
    not_names = gazetteer().not_names
    while tokens and (tokens[0].lower() in _FUNCTION_WORDS or tokens[0] in not_names):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower() in _FUNCTION_WORDS or tokens[-1] in not_names):
        tokens = tokens[:-1]
    if tokens and tokens[-1] in ("Day", "Eve", "Week"):
        return ""  # a holiday or an event ("Valentine's Day"), not a product
    name = " ".join(tokens).strip(".'-")
    if name.endswith("'s"):
        name = name[:-2]
    return name


_LEAD_INS = frozenset("""and but so well yeah yes no oh um uh okay ok honestly actually basically then
because like right sure also anyway hmm mm look plus or now why what how""".split())


def _sentence_opening(text: str, start: int) -> bool:
    """True when only punctuation or lead-ins ("so", "and", "honestly") come before `start` in its
    sentence: the capital may be the sentence's, not the name's."""
    before = re.split(r"[.!?。！？\n:;]", text[:start])[-1]
    words = re.findall(r"[A-Za-z']+", before)
    return all(w.lower() in _LEAD_INS for w in words)


# Words that only say what kind of thing an option is: "The App", "Software", "Scheduler Module"
# name no option by themselves.
_GENERIC_HEADS = frozenset("""app apps application system systems software platform platforms tool tools
portal module modules dashboard database program programme suite cloud crm erp pos wms tms mes
scheduler calendar spreadsheet sheet sheets website site online mobile new old version edition plan
pro plus basic premium enterprise free trial demo package""".split())
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor|Uncle|Aunt|Auntie|Sister|Señora?|Sra|Sr|"
                           r"Madame|Monsieur|Herr|Frau|Sensei|"
                           r"Brother|Father|Coach|Chef|Officer|Judge|Captain)\.?\s+$")
_ROLE_BEFORE = re.compile(r"\b(?:my|our|his|her|their|the|a|one of (?:our|my|the)) (?:\w+ ){0,2}?(?:partner|wife|"
                          r"husband|brother|sister|son|daughter|dad|father|mother|mum|mom|uncle|cousin|boss|"
                          r"owner|manager|accountant|bookkeeper|assistant|lead|coordinator|tech|technician|"
                          r"engineer|developer|estimator|paralegal|nurse|vet|receptionist|director|founder|"
                          r"co-?founder|friend|colleague|guy|girl|clerk|admin|dispatcher|foreman|supervisor|"
                          r"chef|rep|consultant|driver|planner|buyer|controller|analyst|head|ceo|cfo|coo|gm)(?:-in-law)?,?\s+$",
                          re.IGNORECASE)


# The last word of a business's or a place's name says what it is: "Tractor Supply", "Maple Run
# Farm", "First National Bank", "Elm Street". Such a name is a supplier, a rival, a customer, the
# bank or a place, not an option for the job.
_BUSINESS_OR_PLACE_TAILS = frozenset("""inc llc ltd co corp company sons brothers bros supply supplies
distributors distributing distribution wholesale wholesalers bank hospital clinic school academy college
university church farm farms ranch foods market mart store stores shop depot outlet motors hotel inn
restaurant cafe café bakery street st road rd avenue ave lane boulevard blvd highway county city
town township park lake river valley hills creek mountain island beach bay airport station mall plaza
association society council department""".split())


def business_or_place(name: str) -> bool:
    """True when a capitalised name ends in a word for a business or a place ("Tractor Supply")."""
    words = [w for w in re.split(r"[\s.]+", name.lower()) if w]
    return len(words) >= 2 and words[-1] in _BUSINESS_OR_PLACE_TAILS


def generic_only(name: str) -> bool:
    """True when every word of a capitalised name is a word for a kind of tool ("The App")."""
    words = [w for w in re.split(r"[\s.-]+", name.lower()) if w and w not in _FUNCTION_WORDS]
    return not words or all(w in _GENERIC_HEADS for w in words)


def person_named(text: str, start: int) -> bool:
    """A title or a role right before the name: "Dr. Patel", "our accountant, Kevin"."""
    before = text[max(0, start - 60):start]
    return bool(_TITLE_BEFORE.search(before) or _ROLE_BEFORE.search(before))


def english_names(text: str) -> list[tuple[str, int, int, bool]]:
    """Capitalised names: (name, start, end, opens_its_sentence)."""
    names = []
    for match in _EN_NAME.finditer(text):
        raw = match.group(1)
        name = _clean_en_name(raw)
        if len(name) < 2 or name.lower() in _FUNCTION_WORDS or name in gazetteer().not_names \
                or generic_only(name) or business_or_place(name):
            continue
        start = match.start(1) + raw.find(name)
        opening = _sentence_opening(text, start) and not _EN_INNER.search(name)
        names.append((name, start, start + len(name), opening))
    return names


_ZH_TRAILING = frozenset("的了是在也还就都吧啊呢嘛呀吗说和跟与")


def _clean_zh_name(name: str) -> str:
    while name and name[0] in _ZH_FUNCTION:
        name = name[1:]
    while name and name[-1] in _ZH_TRAILING:
        name = name[:-1]
    return name


_ZH_NUMERAL = re.compile(r"^[一二三四五六七八九十百千万两半多每整好几另]+[家个万千百十年月天周次块元台人种套款位条张号点分段类批轮遍份阵波层半]|"
                         r"^[一二三四五六七八九十两半几]+(?:礼拜|星期)|几|^一半|^第[一二三四五六七八九十几0-9]")


# One-character tails that make a common word a product name ("工单宝", "课时通", "门店云").
_ZH_PRODUCT_TAILS = frozenset("宝通云帮易星盒汇联邦达客管")
_ZH_COMMON_EDGE = re.compile("^(?:{0})|(?:{0})$".format(
    "|".join(sorted((w for w in _ZH_COMMON if len(w) >= 2), key=len, reverse=True))))


# How Chinese speech names a person: a title after a surname or a short name ("张教练", "王总",
# "李姐"), or 老/小 before one ("老李", "小王").
_ZH_SURNAMES = ("李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_ZH_PERSON = re.compile(rf"^(?:[老小阿][{_ZH_SURNAMES}]|[{_ZH_SURNAMES}](?:总|工|姐|哥|叔|姨|教练|老师|师傅|经理|"
                        r"主任|校长|院长|医生|大夫|会计|律师|老板|队长|班长|组长|主管)|阿姨|大爷|师傅)$")
# A clause with a time word or an option's generic head after a verb ("换系统之前", "上软件") is
# not a name.
_ZH_NOT_NAME = re.compile(r"^(?:但是|而且|不过|所以|因为|然后|可是|还有|如果|虽然|其实|有别|有些|有的|有点|一下)|[用做说看买卖]$|"
                          r"之前|之后|以前|以后|时候|的话|觉得|认为|以为|感觉|大部分|当场|"
                          r"[换用上买装做找选](?:系统|软件|平台|工具|设备)|(?:设备|硬件|软件)加|"
                          r".{2,}(?:老板|经理|老师|师傅|销售|客户|家长|员工|主管|采购|会计|顾问|店长|老总|师)$")


# Kinship and household words name people ("我弟弟", "小舅子"), not options.
_ZH_KIN = re.compile(r"(?:弟弟|哥哥|姐姐|妹妹|老婆|老公|媳妇|丈夫|妻子|爱人|儿子|女儿|闺女|爸爸|妈妈|老爸|老妈|我爸|我妈|"
                     r"父亲|母亲|舅舅|舅妈|叔叔|婶婶|姑姑|姨妈|表哥|表姐|表弟|表妹|堂哥|堂弟|侄子|外甥|小舅子|大舅子|"
                     r"亲戚|合伙人|股东|小姨子|连襟|岳父|公公|婆婆|丈母娘)$")
# Adverbs, conjunctions and time words inside a candidate make it a piece of a clause
# ("去年刚换", "大概三个礼拜", "但够"), not a name.
_ZH_CLAUSE_INSIDE = re.compile(r"去年|今年|明年|前年|刚|马上|大概|尤其|但|够|已经|正在|曾经|一直|然后|结果|差点|终于|"
                               r"后来|原本|本来|其实|顺便|反正|居然|竟然|立马|赶紧|一下子|有个|有家|有种")
# A name ending in the word for a shop, a works, a school, a bank, an office or a place names a
# business or a place (a rival, a supplier, a customer, a town), not an option for the job.
_ZH_BUSINESS_TAIL = re.compile(r"(?:店|厂|馆|院|学校|银行|超市|商场|市场|商城|批发部|门市|局|驿站|村|镇|县|区|市|省|路|街|"
                               r"协会|学院|大学|中学|小学|医院|诊所|农场|工作室|合作社|车队|中心|公司|机构|"
                               r"设备|机器|器材|耗材|试剂|药剂|原料|面料)$")


def zh_person(name: str) -> bool:
    return bool(_ZH_PERSON.match(name) or _ZH_KIN.search(name))


def zh_business_or_place(name: str) -> bool:
    """"五金店", "配套厂", "音乐学院", "保险公司": a business or a place named by its kind, and
    "水处理设备": goods or equipment, not an option."""
    return bool(_ZH_BUSINESS_TAIL.search(name))


@lru_cache(maxsize=4096)
def zh_name_like(name: str) -> bool:
    """Not a common word, a pronoun phrase or a quantity ("三家", "十几万"), and not a common word
    with one character stuck to it ("设备加") or two common words ("公司内部"); "医云排班" (a name,
    then a common word) is fine.
    A person ("张教练", "老李", "我弟弟"), a clause with a time word or an adverb, and a business or a
    place named by its kind ("五金店") are not names either."""
    if (len(name) < 2 or name in _ZH_COMMON or _LATIN.match(name) or _ZH_NUMERAL.search(name)
            or any(ch in _ZH_NEVER_INSIDE for ch in name) or zh_person(name)
            or _ZH_NOT_NAME.search(name) or name in gazetteer().not_names
            or _ZH_CLAUSE_INSIDE.search(name) or zh_business_or_place(name)):
        return False
    edge = _ZH_COMMON_EDGE.search(name)
    if edge is None:
        return True
    rest = name[:edge.start()] + name[edge.end():]
    if edge.start() == 0 and rest in _ZH_PRODUCT_TAILS:
        return True  # "工单宝", "教练通": a common word made a product name
    return len(rest) >= 2 and rest not in _ZH_COMMON  # "公司内部": two common words


def chinese_topics(text: str) -> set[str]:
    """Clause-opening words that may be names (see _ZH_TOPIC)."""
    return {name for match in _ZH_TOPIC.finditer(text)
            if zh_name_like(name := _clean_zh_name(match.group(1)))}


# After a name-marking verb, a negated verb ("没法派人", "不会用") is no name, and "是X那一套" says
# what kind of thing something is ("全是货车那一套"), it names nothing.
_ZH_NEGATED_START = re.compile("^[没不别未]")
_ZH_KIND_AFTER = re.compile("(?:那一套|这一套|那种|这种|那样|这样|一类|之类|那些)")


def chinese_names(text: str) -> set[str]:
    """Words that Chinese phrasing marks as a name (see the module docstring)."""
    found: set[str] = set()
    for pattern in _ZH_PATTERNS:
        for match in pattern.finditer(text):
            if _ZH_NEGATED_START.match(match.group(1)) or _ZH_KIND_AFTER.match(text, match.end()):
                continue
            name = _clean_zh_name(match.group(1))
            if zh_name_like(name):
                found.add(name)
    for match in _ZH_LATIN.finditer(text):
        word = match.group(1)
        if len(word) >= 2 and word not in gazetteer().not_names and word.lower() not in _FUNCTION_WORDS:
            found.add(word)
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def without_overlaps(mentions: list[OptionMention]) -> list[OptionMention]:
    """Products first, then generic options, then names; longer before shorter."""
    rank = {PRODUCT: 0, GENERIC: 1, NAME: 2}
    kept: list[OptionMention] = []
    for mention in sorted(mentions, key=lambda m: (rank[m.kind], m.start - m.end, m.start)):
        if not any(overlaps((mention.start, mention.end), (k.start, k.end)) for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# A Chinese list of options ("纸质台账、田间宝和智农云", "A、B、C这三个我们都试过"): its members are
# joined by 、 (the last by 和/跟/还有/以及/或者), one clause holds them all.
_ZH_LIST_CLAUSE = re.compile(r"[^，,。！？!?；;：:\s]*、[^，,。！？!?；;：:\s]*")
_ZH_LIST_JOIN = re.compile(r"、|还有|以及|或者|和|跟")
_ZH_LIST_TAIL = re.compile(r"(?:这|那|都|也|我们|我|他们|的|三个|两个|几个|等)")


def chinese_list_mates(text: str, known: set[str]) -> set[str]:
    """Members of a Chinese list of options that one known name belongs to: a word that stands in
    a list with a name is a name of the same kind (the list says so), when it is name-like."""
    found: set[str] = set()
    for clause in _ZH_LIST_CLAUSE.findall(text):
        items = [item for item in _ZH_LIST_JOIN.split(clause) if item]
        if len(items) < 2:
            continue
        last = items[-1]
        if tail := _ZH_LIST_TAIL.search(last, 2):
            items[-1] = last[:tail.start()]
        hits = [any(item.endswith(name) or item == name or item.startswith(name) for name in known)
                for item in items]
        if not any(hits):
            continue
        for index, (item, hit) in enumerate(zip(items, hits, strict=True)):
            if hit or (index == 0 and len(item) > 6):
                continue  # the first item carries the clause's opening words
            name = _clean_zh_name(item)
            if 2 <= len(name) <= 6 and zh_name_like(name):
                found.add(name)
    return found


# A product written in lower case, as speech-to-text often writes it, is found only where the
# phrasing marks a name: after a verb of trying or choosing ("we trialled farmbooks at ...",
# "a trial of bunkly,", "went with tank route."), before "or whatever" ("cleanfix or whatever"), or
# fronted before what was done with it ("Then cliniflow, we had a free trial").
_LOWER_WORD = r"[a-z][a-z0-9]{2,}"
_LOWER_NAME = rf"({_LOWER_WORD}(?:[ -]{_LOWER_WORD})?)"
_LOWER_END = r"(?=\s*(?:[,.;!?]|$)|\s+(?:or whatever|for|at|on|which|because|but|last|this|that)\b)"
_LOWER_PATTERNS = (
    re.compile(rf"\b(?:trial(?:l)?ed|a (?:free )?trial of|tried(?: out)?|tested|a demo of|signed up (?:for|with)|"
               rf"went with|switched (?:over )?to|moved (?:over )?to|ended up with|settled on|landed on|"
               rf"a month of|a week of|called)\s+{_LOWER_NAME}{_LOWER_END}"),
    re.compile(rf"(?:^|[,.!?]\s+|\b(?:it was|something like|some)\s+){_LOWER_NAME},? or whatever\b"),
    re.compile(rf"(?:^|[.!?]\s+)(?:then|and|also|plus|so)?\s*{_LOWER_NAME},\s+(?:we|i|they)\s+"
               rf"(?:had|did|got|tried|trialled|trialed|ran|used|paid|gave)\b"),
)
# Ordinary words that follow those phrases without naming anything.
_LOWER_NOT_NAMES = frozenset("""everything everybody everyone nothing something anything them that this those
these hard again twice once both before today yesterday tomorrow manually myself ourselves yourself
cash paper excel email phone texts texting calls whatever whichever something else another other
more less same different cheaper bigger smaller better worse free monthly yearly weekly daily week
month year season day night morning evening time ages while bit lot""".split())


def lowercase_names(text: str) -> list[str]:
    """Lower-case names the phrasing marks as a product (see _LOWER_PATTERNS)."""
    found = []
    for pattern in _LOWER_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group(1)
            words = name.replace("-", " ").split()
            if any(w in _FUNCTION_WORDS or w in _LOWER_NOT_NAMES or w in _GENERIC_HEADS for w in words):
                continue
            found.append(name)
    return found


FUNCTION_WORDS, GENERIC_HEADS, LOWER_NOT_NAMES = _FUNCTION_WORDS, _GENERIC_HEADS, _LOWER_NOT_NAMES


def zh_answer_name(answer: str, name: str) -> bool:
    """A Chinese name that is the whole first sentence of an answer about the choice ("派单侠。"):
    name-like, or at least no common word, no generic option and nothing a name never holds."""
    if zh_name_like(name):
        return True
    alone = answer[len(name):len(name) + 1] in ("。", "！", "!")
    return (alone and len(name) >= 2 and name not in _ZH_COMMON and not known_mentions(name)
            and not any(ch in _ZH_NEVER_INSIDE for ch in name) and not _ZH_NUMERAL.search(name)
            and not zh_person(name) and not zh_business_or_place(name))
