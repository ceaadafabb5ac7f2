"""Sentences that sound like forces but carry none of the customer's own struggle (asides.py),
beside real forces worded close to them, which must be left alone."""

import pytest

from icp_coach.engines.offline.jtbd.asides import (
    courtesy_praise,
    disowns,
    only_agrees,
    turns_down_a_what_if,
)


@pytest.mark.parametrize("text,language", [
    ("My brother's bakery loses orders every week, but that's his problem really.", "en"),
    ("The agency next door had a data breach, it was nothing to do with the software though.", "en"),
    ("The gym across town keeps losing members, but that's just gossip.", "en"),
    ("楼上那家健身房老是丢会员，那是人家的事。", "zh"),
    ("我表哥的车行经常算错账，不过跟我们没什么关系。", "zh"),
    ("他们公司换了三次系统，那是另一回事。", "zh"),
])
def test_someone_elses_trouble_disowned(text, language):
    assert disowns(text, language)


@pytest.mark.parametrize("text,language", [
    ("Our old supplier kept losing the paperwork, and that was the whole problem.", "en"),
    ("The crew kept missing jobs because nobody had the address.", "en"),
    ("以前客户的单子老是丢，这个问题跟我们关系很大。", "zh"),
])
def test_own_trouble_is_not_disowned(text, language):
    assert not disowns(text, language)


@pytest.mark.parametrize("text,language", [
    ("If it did the rota as well, maybe, but no, I wouldn't actually use that.", "en"),
    ("Suppose it had a chat window, no thanks, I'd switch it off.", "en"),
    ("要是能做会员小程序也行，算了，我们这种小店用不上。", "zh"),
    ("如果能接外卖平台呢，没必要，我们只做堂食。", "zh"),
])
def test_what_if_turned_down(text, language):
    assert turns_down_a_what_if(text, language)


@pytest.mark.parametrize("text,language", [
    ("If the app goes down on a Saturday we lose the whole day's bookings.", "en"),
    ("If the signal drops in the basement, the tickets don't go through.", "en"),
    ("要是系统半夜宕机，第二天的单子就全乱了。", "zh"),
])
def test_worries_told_as_if_are_left_alone(text, language):
    assert not turns_down_a_what_if(text, language)


@pytest.mark.parametrize("text,language", [
    ("Yes, exactly, that's it.", "en"),
    ("Yeah, that's right, like you said.", "en"),
    ("对对对，就是您说的这个意思。", "zh"),
    ("是的是的，没错。", "zh"),
])
def test_echo_only_agrees(text, language):
    assert only_agrees(text, language)


@pytest.mark.parametrize("text,language", [
    ("Yes, exactly, the invoices were always late.", "en"),
    ("对，就是账老是对不上。", "zh"),
])
def test_agreement_with_a_situation_is_not_an_echo(text, language):
    assert not only_agrees(text, language)


def test_courtesy_praise_at_the_close():
    turn = "Thanks so much, you've all been really helpful."
    assert courtesy_praise("Thanks so much, you've all been really helpful.", turn, "en")
    assert courtesy_praise("没什么了，你们做得很好，谢谢。", "没什么了，你们做得很好，谢谢。", "zh")


def test_praise_with_the_customers_own_gain_is_not_courtesy():
    text = "Thanks, your reminders mean we never miss a delivery now."
    assert not courtesy_praise(text, text, "en")
    text = "谢谢，你们的提醒功能让我再也不会漏单了。"
    assert not courtesy_praise(text, text, "zh")
