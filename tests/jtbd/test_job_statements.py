"""Job statements a researcher would sign: short clauses of the customer's words in the
"When ..., I want to ..., so I can ..." frame (当……时，我想……，以便……), and none at all when
the interview does not back a situation, a motivation and an outcome."""

from __future__ import annotations

from icp_coach.domain.job_statement import compose, short_clause

TRIGGER_EN = ("So in August our biggest customer, a hotel group, cancelled the contract after we "
              "missed three deliveries in one week, and I had to explain that to my boss.")
PULL_EN = "We wanted one screen where every driver's stops are visible, so dispatch doesn't have to phone around."
OUTCOME_EN = "Honestly I want to be able to promise a delivery window and actually keep it."


def test_english_statement_from_short_clauses_of_three_kinds_of_evidence() -> None:
    statement = compose([TRIGGER_EN], [PULL_EN], [OUTCOME_EN], "en")
    assert statement is not None
    text = statement.text
    assert text.startswith("When ") and ", I want to " in text and (", so I can " in text or ", so that " in text)
    assert "promise a delivery window and actually keep it" in text
    assert "Honestly" not in text and "So in August" not in text
    assert len(text.split()) < len((TRIGGER_EN + PULL_EN + OUTCOME_EN).split()) * 0.7
    assert set(statement.sources) == {TRIGGER_EN, PULL_EN, OUTCOME_EN}


def test_what_the_customer_wanted_becomes_a_verb_phrase() -> None:
    statement = compose(["The inspector turned up on a Monday and asked for two years of records."],
                        ["I need the records to be searchable by site."],
                        ["I want zero fines this year."], "en")
    assert statement is not None
    assert "I want to have the records be searchable by site" in statement.text \
        or "I want to have the records" in statement.text
    assert statement.text.endswith("so I can have zero fines this year.")


def test_result_clause_inside_a_wanted_thing_serves_as_the_outcome() -> None:
    statement = compose(["Our only dispatcher quit in the middle of the harvest season."],
                        [PULL_EN], [], "en")
    assert statement is not None
    assert "make sure" in statement.text or "I want to " in statement.text
    assert "dispatch doesn't have to phone around" in statement.text


def test_no_statement_without_a_situation_or_without_an_outcome() -> None:
    assert compose([], [PULL_EN], [OUTCOME_EN], "en") is None
    no_result = "We liked the dashboard."
    assert compose([TRIGGER_EN], [no_result], [], "en") is None
    # a question or a conditional is not a situation that happened
    assert compose(["What if the van breaks down?", "If it happens again we are done."],
                   [PULL_EN], [OUTCOME_EN], "en") is None


def test_chinese_statement_in_the_chinese_frame() -> None:
    trigger = "去年双十一，仓库一天发错了两百多单，客户在群里直接骂人。"
    pull = "我们希望每个拣货员扫码就能知道货在哪个货架，这样新人第一天就能上手。"
    outcome = "我就想退货率降到百分之一以下。"
    statement = compose([trigger], [pull], [outcome], "zh")
    assert statement is not None
    text = statement.text
    assert text.startswith("当") and "时，我想" in text and "，以便" in text and text.endswith("。")
    assert "希望" not in text and "我就想" not in text
    assert len(text) < len(trigger + pull + outcome) * 0.8


def test_chinese_wanted_thing_with_a_result_clause_and_none_without() -> None:
    trigger = "有一次冷库温度半夜掉了电，早上才发现，一库的货全报废了。"
    pull = "温度一超标系统马上给我打电话，不用再有人半夜去库里看。"
    statement = compose([trigger], [pull], [], "zh")
    assert statement is not None and "以便不用再有人半夜去库里看" in statement.text
    assert compose([trigger], ["我们也看了别家的系统。"], [], "zh") is None
    assert compose(["价格还可以吗？"], [pull], [], "zh") is None


def test_long_clauses_are_cut_at_a_natural_boundary_not_pasted_whole() -> None:
    sentence = ("the drivers kept printing their route sheets at the depot every morning and then "
                "lost half of them in the cab before lunch")
    clause = short_clause(sentence, "en")
    assert clause is not None and len(clause.split()) <= 14
    assert sentence.startswith(clause)


def test_a_chinese_interview_with_only_complaints_gets_no_statement() -> None:
    from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
    from icp_coach.transcripts.loader import parse_transcript

    text = ("访谈人：你们现在怎么排班？\n"
            "店长：每周日晚上我拿纸排，排完拍照发群里。\n"
            "访谈人：还有别的吗？\n"
            "店长：没了，就这样。\n")
    result = OfflineJTBDExtractor().extract_jtbd(parse_transcript(text, "shifts.txt"))
    assert result.job_statements == []
