"""Map the headers of a CRM export (HubSpot, Salesforce, a spreadsheet; English or Chinese) to
canonical fields, with `column=field` overrides and a report of what was mapped and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from icp_coach.analysis.errors import TableInputError

# canonical field -> kind and the header spellings that mean it (compared after normalising)
FIELD_KINDS: dict[str, str] = {
    "account_id": "id",
    "company": "name",
    "industry": "category",
    "employees": "number",
    "annual_revenue_usd": "money",
    "region": "category",
    "country": "category",
    "state": "category",
    "city": "category",
    "founded_year": "number",
    "business_model": "category",
    "tech_stack": "list",
    "lead_source": "category",
    "acv_usd": "money",
    "lifetime_value_usd": "money",
    "cost_to_serve_usd": "money",
    "referrals": "number",
    "nps": "number",
    "sales_cycle_days": "number",
    "churned": "bool",
    "expanded": "bool",
    "outcome": "outcome",
    "deal_id": "id",
    "amount_usd": "money",
    "created_date": "date",
    "closed_date": "date",
}
CANONICAL_FIELDS: tuple[str, ...] = tuple(FIELD_KINDS)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "account_id": ("account id", "id", "record id", "company id", "account number", "customer id", "organization id", "org id",
                   "客户id", "客户编号", "账户id", "编号", "客户号", "客户代码", "客户编码"),
    "company": ("company", "company name", "account name", "account", "name", "organization",
                "organisation", "customer", "customer name", "organization name", "org name", "公司", "公司名称",
                "客户名称", "企业名称", "客户", "单位名称", "机构名称"),
    "industry": ("industry", "vertical", "sector", "industry vertical", "industry type", "行业", "所属行业", "行业类别",
                 "行业分类", "客户行业"),
    "employees": ("employees", "number of employees", "employee count", "headcount", "company size",
                  "size", "no of employees", "number of employees range", "employee range", "employees range",
                  "company size range", "staff", "staff count", "fte", "ftes", "员工数", "员工人数", "人数",
                  "公司规模", "规模", "人员规模", "员工规模", "企业规模", "从业人数", "职工人数"),
    "annual_revenue_usd": ("annual revenue", "revenue", "company revenue", "annualrevenue",
                           "annual revenue range", "revenue range", "annual sales",
                           "年收入", "营收", "年营收", "营业收入", "年营业额", "营业额", "年销售额", "销售额", "年营业收入"),
    "region": ("region", "geo", "geography", "territory", "sales region", "sales territory", "区域", "地区", "大区",
               "销售区域", "所属区域", "所在区域", "所属大区"),
    "country": ("country", "country region", "billing country", "hq country", "headquarters country",
                "mailing country", "shipping country", "address country", "country name", "nation",
                "国家", "国家地区", "所在国家", "国别"),
    "state": ("state", "state province", "state region", "province", "billing state", "billing state province",
              "billing province", "hq state", "shipping state", "mailing state", "address state", "state code",
              "省份", "省", "所在省份", "所在省", "省市", "所属省份", "省份地区"),
    "city": ("city", "billing city", "hq city", "shipping city", "mailing city", "address city", "town",
             "城市", "所在城市", "市", "所属城市"),
    "founded_year": ("founded year", "founded", "year founded", "founding year", "成立年份", "成立时间", "成立年"),
    "business_model": ("business model", "model", "商业模式", "业务模式"),
    "tech_stack": ("tech stack", "technologies", "technology", "tools", "technographics", "stack",
                   "tools used", "software used", "tech", "installed technologies", "技术栈", "使用技术", "技术",
                   "使用工具", "使用软件", "现有系统"),
    "lead_source": ("lead source", "source", "original source", "acquisition channel", "channel",
                    "线索来源", "来源", "获客渠道"),
    "acv_usd": ("acv", "annual contract value", "contract value", "arr", "合同金额", "年合同额", "年合同金额"),
    "lifetime_value_usd": ("lifetime value", "ltv", "clv", "customer lifetime value", "total revenue",
                           "customer ltv", "lifetime revenue", "total spend", "won deals value",
                           "客户终身价值", "生命周期价值", "终身价值", "客户生命周期价值", "累计成交金额",
                           "累计回款", "累计回款金额", "累计消费", "累计金额", "客户价值"),
    "cost_to_serve_usd": ("cost to serve", "support cost", "service cost", "cost of service", "服务成本"),
    "referrals": ("referrals", "referral count", "number of referrals", "referrals made", "referrals given",
                  "推荐数", "转介绍", "转介绍数", "推荐客户数", "推荐次数", "转介绍次数", "介绍客户数"),
    "nps": ("nps", "net promoter score", "nps score", "净推荐值"),
    "sales_cycle_days": ("sales cycle days", "sales cycle", "days to close", "sales cycle length",
                         "cycle days", "time to close", "销售周期", "成交周期", "销售周期天数"),
    "churned": ("churned", "churn", "is churned", "cancelled", "canceled", "churn flag", "lost customer", "流失", "是否流失", "已流失", "流失客户"),
    "expanded": ("expanded", "expansion", "upsell", "upsold", "扩展", "是否增购", "增购", "已扩展"),
    "outcome": ("outcome", "deal outcome", "result", "deal status", "status", "stage", "deal stage",
                "won lost", "结果", "赢单", "状态", "阶段"),
    "deal_id": ("deal id", "opportunity id", "deal record id", "deal number", "商机编号", "商机id", "订单编号"),
    "amount_usd": ("amount", "deal amount", "deal value", "opportunity amount", "deal size",
                   "金额", "成交金额", "商机金额"),
    "created_date": ("create date", "created date", "created", "created at", "date created", "创建日期", "创建时间"),
    "closed_date": ("close date", "closed date", "closed at", "date closed", "关闭日期", "成交日期", "结单日期"),
}

_NOISE_TOKENS = {"usd", "us$", "$", "in", "d", "days", "天", "美元", "万元", "元", "千元", "亿元", "万", "人民币",
                 "rmb", "cny", "单位", "k", "m", "thousands", "millions", "人"}
# Pipedrive writes 'Organization - Industry'; Salesforce custom fields end in '__c'
_OBJECT_PREFIX = re.compile(r"^\s*(organization|organisation|org|account|company|person|contact|deal|lead)\s+-\s+",
                            re.IGNORECASE)


def normalise_header(name: str) -> str:
    """'Annual Revenue (USD)' -> 'annual revenue'; '员工人数' stays; '# of employees' -> 'of employees';
    'Organization - Industry' -> 'industry'; 'Referrals__c' -> 'referrals'; '年营收（万元）' -> '年营收'."""
    lowered = _OBJECT_PREFIX.sub("", name.strip().lower())
    lowered = re.sub(r"__c$", "", lowered)
    spaced = re.sub(r"[_\-/.()\[\]（）#:：$,，]+", " ", lowered)
    tokens = [token for token in spaced.split() if token not in _NOISE_TOKENS]
    return " ".join(tokens)


_LOOKUP: dict[str, str] = {}
for _field, _names in SYNONYMS.items():
    for _name in (*_names, _field):
        _LOOKUP.setdefault(normalise_header(_name), _field)


@dataclass
class HeaderMapping:
    """column -> canonical field, plus what stayed unmapped and how each choice was made."""

    fields: dict[str, str] = field(default_factory=dict)  # canonical field -> source column
    how: dict[str, str] = field(default_factory=dict)  # canonical field -> "override" | "header"
    unmapped: list[str] = field(default_factory=list)

    def column_for(self, canonical: str) -> str | None:
        return self.fields.get(canonical)

    def report(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [{"column": column, "field": name, "how": self.how[name]} for name, column in self.fields.items()]
        rows += [{"column": column, "field": None, "how": "kept as is"} for column in self.unmapped]
        return rows

    def report_lines(self) -> list[str]:
        lines = [f"{column!r} -> {name} ({self.how[name]})" for name, column in self.fields.items()]
        if self.unmapped:
            lines.append("not mapped (analysed as they are): " + ", ".join(repr(c) for c in self.unmapped))
        return lines


def parse_overrides(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """['Headcount=employees'] -> {'Headcount': 'employees'}; unknown fields are an error."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        if not sep or not column.strip() or not target.strip():
            raise TableInputError(f"--map {pair!r}: write it as COLUMN=FIELD, e.g. 'Headcount=employees'")
        target = target.strip()
        if target not in FIELD_KINDS:
            raise TableInputError(
                f"--map {pair!r}: unknown field {target!r}; fields: {', '.join(CANONICAL_FIELDS)}"
            )
        overrides[column.strip()] = target
    return overrides


def map_headers(columns: list[str], overrides: dict[str, str] | None = None, *, source: str = "") -> HeaderMapping:
    mapping = HeaderMapping()
    overrides = overrides or {}
    by_stripped = {column.strip(): column for column in columns}
    for column, target in overrides.items():
        actual = by_stripped.get(column.strip())
        if actual is None:
            raise TableInputError(
                f"{source}: --map names column {column!r}, which the file does not have; "
                f"columns: {', '.join(repr(c) for c in columns)}"
            )
        mapping.fields[target] = actual
        mapping.how[target] = "override"
    taken = set(mapping.fields.values())
    for column in columns:
        if column in taken:
            continue
        found = _LOOKUP.get(normalise_header(column))
        if found is None or found in mapping.fields:
            mapping.unmapped.append(column)
            continue
        mapping.fields[found] = column
        mapping.how[found] = "header"
    return mapping


def by_field_name(name: str) -> str | None:
    """The canonical field a rule's field name means ('Number of employees', 员工人数 -> employees)."""
    return _LOOKUP.get(normalise_header(name))
