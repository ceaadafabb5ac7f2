"""Buying committees written for these tests (English and Chinese): an ICP with every field the
personas read, and interviews whose speakers state their titles in different ways."""

from __future__ import annotations

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.loader import parse_transcript

FLEET_TRANSCRIPT = "interviews/fleet_cfo.txt"
FLEET_CALL = """Interviewer: Thanks for making the time. What do you look after?
Ruth Amadi: I run finance at a 400-truck carrier, so fuel spend and the budget for tools are mine.
Interviewer: What made you start looking?
Ruth Amadi: Fuel cards were costing us money we never saw until the quarter closed. We found a forty thousand dollar leak in one audit.
Interviewer: And the maintenance side?
Ruth Amadi: Every breakdown on the road costs us a load and the penalty on top, and the budget for repairs is blown by March.
Interviewer: What would good look like?
Ruth Amadi: I want to see the cost per mile every Monday without asking anyone.
Interviewer: Anything that worried you?
Ruth Amadi: I was nervous the drivers would refuse another app and we would pay for seats nobody used.
Ken Ito (Fleet Operations Manager): For me it was the spreadsheets. We copy the telematics data into a sheet by hand every day.
"""


def fleet_icp(**overrides: object) -> ICPDocument:
    data: dict[str, object] = {
        "name": "Roadwise Fleet",
        "firmographics": {"industries": ["logistics"], "employees": {"min": 100, "max": 2000}},
        "technographics": {"tech_stack": ["Samsara", "QuickBooks"],
                           "integrations": ["fuel card APIs"], "compliance": ["SOC 2"],
                           "maturity": "uses telematics but no maintenance system"},
        "psychographics": {"priorities": ["safety record", "on-time delivery"]},
        "pain_points": [
            {"description": "Unplanned breakdowns strand loads and trigger late-delivery penalties",
             "urgency": "high", "current_solution": "a whiteboard of service dates"},
            {"description": "Fuel card fraud goes unnoticed until the quarterly audit",
             "urgency": "medium"},
            {"description": "Dispatchers re-key telematics data into spreadsheets every day",
             "urgency": "low"},
        ],
        "buying_signals": [{"description": "Added 50 or more trucks in the last year"},
                           {"description": "Failed a DOT roadside inspection"}],
        "decision_makers": [
            {"role": "champion", "titles": ["Fleet Operations Manager", "Director of Fleet"],
             "concerns": ["fewer roadside breakdowns"]},
            {"role": "economic_buyer", "titles": ["CFO", "VP Finance"]},
            {"role": "technical_buyer", "titles": ["IT Manager"]},
            {"role": "user", "titles": ["Dispatcher"]},
            {"role": "blocker", "titles": ["Safety and Compliance Officer"]},
        ],
        "red_flags": [{"description": "Owner-operators with fewer than 10 trucks"},
                      {"description": "Locked into a three-year telematics contract"}],
    }
    data.update(overrides)
    return ICPDocument.model_validate(data)


def fleet_call() -> Transcript:
    return parse_transcript(FLEET_CALL, FLEET_TRANSCRIPT)


CLINIC_TRANSCRIPT = "访谈/诊所连锁.txt"
CLINIC_CALL = """访谈人：您好，先介绍一下您的工作吧？
陈立（运营总监）：我主要管十二家门店的排班和客户回访。
访谈人：最头疼的是什么？
陈立（运营总监）：每天都要手工把预约表格导来导去，前台经常加班到很晚。
访谈人：信息部门怎么看？
王强：我负责信息化这块，最担心的是和现有的收银系统对接不上，数据迁移出问题。
访谈人：还有别的顾虑吗？
王强：系统接口要开放，部署最好能私有化，不然数据安全过不了审。
"""


def clinic_icp(**overrides: object) -> ICPDocument:
    data: dict[str, object] = {
        "name": "齿科连锁预约",
        "language": "zh",
        "technographics": {"tech_stack": ["收银系统", "企业微信"], "integrations": ["医保接口"],
                           "compliance": ["等保二级"]},
        "pain_points": [
            {"description": "预约靠电话和表格，爽约率高达两成", "urgency": "high"},
            {"description": "门店之间病历不通，转诊要重新建档"},
            {"description": "回访全靠前台手工打电话，经常漏掉"},
        ],
        "buying_signals": [{"description": "一年内新开三家以上门店"},
                           {"description": "老板开始看各店的营收对比"}],
        "decision_makers": [{"role": "champion", "titles": ["运营总监"]},
                            {"role": "economic_buyer", "titles": ["总经理"]}],
        "red_flags": [{"description": "只有一家门店的个体诊所"}],
    }
    data.update(overrides)
    return ICPDocument.model_validate(data)


def clinic_call() -> Transcript:
    return parse_transcript(CLINIC_CALL, CLINIC_TRANSCRIPT)
