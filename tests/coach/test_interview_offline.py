"""The whole interview from the example answers files, on the real offline adapters and the real
knowledge base (hashing embeddings so the index builds in seconds), in English and Chinese; and
the llm path with a counting fake chat model."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import pytest
from llm_fakes import counting_model

from icp_coach.bootstrap import make_app
from icp_coach.cli.interview import Transcript, load_answers, run_interview
from icp_coach.domain.events import ReplyDone
from icp_coach.embeddings import HashingEmbedder
from icp_coach.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
pytestmark = pytest.mark.slow


def _interview(app: Any, example: str) -> tuple[Any, str]:
    answers = load_answers(EXAMPLES / example)
    coach = app.start_coach(company=answers.company, language=answers.language, auto_advance=False)
    out = io.StringIO()
    asyncio.run(run_interview(coach, answers, Transcript(out), already={}, resumed=False))
    return coach, out.getvalue()


def test_the_english_example_interview_ends_with_a_validated_icp_offline():
    app = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
    coach, transcript = _interview(app, "interview_en.yaml")
    doc = coach.draft
    assert coach.state.completed and doc.version == "1.0" and doc.engine == "offline"
    assert doc.pmf.reached is True and doc.pmf.referral_share == pytest.approx(0.35)
    industries = {i.lower() for i in doc.firmographics.industries}
    assert {"logistics", "fintech"} <= industries
    assert not any("all" in i for i in industries)
    assert (doc.firmographics.employees.min, doc.firmographics.employees.max) == (50, 500)
    assert len(doc.red_flags) >= 2 and doc.pain_points and doc.buying_signals
    assert doc.decision_maker("economic_buyer") is not None
    assessment = doc.assessments[0]  # the /assess flow inside the answers file
    assert assessment.account == "Northwind Freight" and assessment.total == 29
    assert "29 of 35" in transcript
    assert {f.field for f in doc.filters} >= {"industry", "employees"} and doc.signals
    assert doc.review.cadence == "quarterly" and doc.review.triggers
    # the coach pushed back on the 10-to-10,000 range, citing the knowledge base
    assert "ten-thousand-person" in transcript
    assert not [f for f in coach.findings() if f.severity == "error"]
    sources = {p.doc_id for p in coach.state.citations}
    assert len(sources) >= 3 and all(p.lang == "en" for p in coach.state.citations)
    saved = app.session_store.load_state(coach.session_id)
    assert saved.draft == doc
    app.close()


def test_the_chinese_example_interview_ends_with_a_validated_icp_offline():
    app = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
    coach, transcript = _interview(app, "interview_zh.yaml")
    doc = coach.draft
    assert coach.state.completed and doc.language == "zh" and doc.version == "1.0"
    assert doc.pmf.referral_share == pytest.approx(0.40) and doc.pmf.reached
    assert doc.firmographics.industries and doc.firmographics.employees.max == 500
    assert doc.red_flags and doc.pain_points
    assert doc.review.cadence == "quarterly" and doc.review.triggers
    assert "Slack" in transcript and "第 5 步" in transcript and "版本" in transcript
    assert all(p.lang == "zh" for p in coach.state.citations) and coach.state.citations
    app.close()


def test_the_llm_path_makes_at_most_two_model_calls_per_answer():
    fake = counting_model(candidates={"industries": ["logistics"]},
                          reply_text="Noted. Next question, citing [1].")
    app = make_app(Settings(engine="llm"), chat_model=fake, embedder=HashingEmbedder())
    answers = load_answers(EXAMPLES / "interview_en.yaml")
    coach = app.start_coach(company=answers.company, language="en", auto_advance=False)
    out = io.StringIO()
    asyncio.run(run_interview(coach, answers, Transcript(out), already={}, resumed=False))
    turns = [a for step_answers in answers.steps.values() for a in step_answers]
    in_assessment = 8  # "/assess ACCOUNT" and seven scores: no extraction, scripted questions
    answer_count = len(turns) - in_assessment
    assert fake.calls.count("structured") == answer_count
    # + one reply for the start, each /next and the assessment's result
    assert len(fake.calls) <= 2 * answer_count + 6 + 1
    assert coach.state.completed and coach.draft.engine == "llm"
    assert "Noted. Next question, citing [1]." in out.getvalue()
    app.close()


@pytest.mark.asyncio
async def test_export_in_chat_writes_the_file_atomically_into_the_data_folder(isolated_dirs):
    app = make_app(Settings(engine="offline"))
    coach = app.start_coach(company="Acme", with_knowledge=False)
    events = [event async for event in coach.handle("/export json")]
    target = isolated_dirs / "data" / "exports" / f"icp-acme-{coach.session_id[:8]}.json"
    done = events[-1]
    assert isinstance(done, ReplyDone) and str(target) in done.text
    assert '"name": "Acme"' in target.read_text(encoding="utf-8")
    app.close()
