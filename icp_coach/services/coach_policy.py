"""The turn policy: what to ask next (the biggest gap, each question once), push-backs on answers
that are too broad, and when a step is done (its criteria met and the user confirms).
"""

from __future__ import annotations

import re

from icp_coach.domain.diff import diff_icp
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.process import (
    LAST_STEP,
    Gap,
    bump_version,
    is_step_done,
    step_gaps,
)
from icp_coach.domain.validation import Finding
from icp_coach.services.coach_edits import (
    ROLE_WORDS,
    Change,
    path_of,
)
from icp_coach.services.coach_rubric import with_scoring_rules
from icp_coach.services.coach_session import STEP_FILES, SessionController, _join
from icp_coach.services.coach_summary import (
    cadence_label,
    compose_summary,
    describe_changes,
    describe_diff,
    field_label,
    group_changes,
)

PUSHBACK_CODES = ("industries_all", "employees_too_wide", "too_many_regions", "range_inverted")
MAX_FOLLOW_UPS_PER_GAP = 1  # a question answered (or waved off) is never asked again
MAX_PUSHBACKS_PER_CODE = 2  # then the user's answer stands: it is their ICP
_BROAD_TEXT = re.compile(
    r"\b(?:all|any|every)\s+(?:kinds? of\s+)?(?:industr(?:y|ies)|verticals?|sectors?|compan(?:y|ies)"
    r"|businesses)\b|\beveryone\b|各行各业|所有行业|全行业|任何行业|不限行业|行业不限|所有公司",
    re.IGNORECASE)



class TurnPolicy(SessionController):
    """Decides the coach's next move after an answer."""

    def _open_required_gap(self) -> str:
        gaps = [gap.key for gap in step_gaps(self.state.step, self.state.draft) if gap.required]
        return gaps[0] if gaps else ""

    def _release_unanswered(self, asked: str, changed: list[str]) -> None:
        """A question answered with something else (the answer filled other fields) may be
        asked once more; one answered, or waved off, never is."""
        still_open = asked and any(g.key == asked for g in step_gaps(self.state.step, self.state.draft))
        if still_open and changed and asked not in self.state.deferred:
            self.state.deferred.append(asked)
            self.state.asked[asked] = max(0, self.state.asked.get(asked, 0) - 1)

    def _edit_line(self, edits: list[Change]) -> str:
        """One line saying what an edit changed, with /undo."""
        parts = []
        for change in edits:
            label = field_label(path_of(change.target) if change.target not in ROLE_WORDS
                                else change.target, self.language)
            if change.removed:
                values = ", ".join(f"“{value}”" for value in change.removed[:3])
                parts.append(self._t("commands", "edit_removed", field=label, values=values))
            elif change.added:
                parts.append(self._t("commands", "edit_added", field=label, value=change.now))
            else:
                parts.append(self._t("commands", "edit_set", field=label, value=change.now))
        separator = "；" if self.language == "zh" else "; "
        return self._t("commands", "edit_done", changes=separator.join(parts))

    def _decide(self, text: str, patch: ICPPatch, changed: list[str],
                findings: list[Finding], edited: bool = False) -> tuple[str, str, int | None]:
        """What to say next, the retrieval query for it, and the step to move to (if any)."""
        state = self.state
        number = state.step
        query = self._step_text(number, "query")
        pushbacks = self._pushbacks(text, findings)
        ack = self._step_text(number, "ack", changes=describe_changes(
            state.draft, [p for p in changed if p != "engine"], self.language)) if changed else ""
        if pushbacks:
            state.pushed_back.extend(code for code, _ in pushbacks)
            texts = [_join(self._t("pushbacks", code, finding=found)) for code, found in pushbacks]
            return _join(ack, *texts), self._t("pushbacks", f"{pushbacks[0][0]}.query"), None
        done = is_step_done(number, state.draft)
        if done and number == 0 and "pmf" in changed:
            ack = _join(ack, self._pmf_verdict())
        gap = None if done and number == LAST_STEP else self._next_gap(number)
        if gap is not None:  # ask what is missing, each question once
            state.asked[gap.key] = state.asked.get(gap.key, 0) + 1
            state.last_asked = gap.key
            follow_up = self._step_text(number, f"follow_up {gap.key}")
            if patch.is_empty() and not edited:
                return _join(self._t("vague", "vague"), follow_up), query, None
            return _join(ack, follow_up), query, None
        state.last_asked = ""
        if not done:
            return _join(ack, self._t("commands", "stuck", step=number)), query, None
        if number == LAST_STEP:
            return _join(ack, self._step_text(number, "done")), query, None
        state.confirming = True  # criteria met: the user says whether the step is done
        return _join(ack, self._step_text(number, "done"),
                     self._t("commands", "confirm_step", step=number)), query, None

    def _pushbacks(self, text: str, findings: list[Finding]) -> list[tuple[str, str]]:
        """Findings that deserve a push-back now (each once), broad words in the text too."""
        found: dict[str, str] = {}
        for finding in findings:
            if (finding.code in PUSHBACK_CODES
                    and self.state.pushed_back.count(finding.code) < MAX_PUSHBACKS_PER_CODE):
                found.setdefault(finding.code, finding.message)
        if (_BROAD_TEXT.search(text) and "industries_all" not in self.state.pushed_back
                and self.state.step in (1, 2)):
            found.setdefault("industries_all", "")
        order = {code: position for position, code in enumerate(PUSHBACK_CODES)}
        return sorted(found.items(), key=lambda item: order[item[0]])

    def _next_gap(self, number: int) -> Gap | None:
        open_gaps = [gap for gap in step_gaps(number, self.state.draft)
                     if self.state.asked.get(gap.key, 0) < MAX_FOLLOW_UPS_PER_GAP
                     and self.texts.has(STEP_FILES[number], f"follow_up {gap.key}", "en")]
        if not open_gaps:
            return None
        return min(open_gaps, key=lambda gap: (not gap.required, self.state.asked.get(gap.key, 0)))

    def _pmf_verdict(self) -> str:
        pmf = self.state.draft.pmf
        if pmf.reached is None:
            return ""
        if pmf.referral_share is not None:
            evidence = self._t("step0_pmf", "evidence share", share=f"{pmf.referral_share:.0%}")
        elif pmf.referrer_nps is not None:
            evidence = self._t("step0_pmf", "evidence score", score=f"{pmf.referrer_nps:g}")
        else:
            evidence = self._t("step0_pmf", "evidence retention")
        return self._t("step0_pmf", "reached" if pmf.reached else "not_reached", evidence=evidence)

    def _question(self, number: int) -> str:
        segmentation = self.state.draft.pmf.segmentation or "firmographic"
        section = f"question {segmentation}"
        name = STEP_FILES[number]
        if not self.texts.has(name, section, "en"):
            section = "question"
        text = self._step_text(number, section)
        if number == 4:
            from icp_coach.services.export import render_markdown

            text = text + "\n\n" + render_markdown(self.state.draft, self.language)
        return text

    def _enter_step(self, number: int) -> list[str]:
        """Move to `number`; step 4 derives the scoring rubric and a summary when missing."""
        state = self.state
        state.step = number
        state.last_asked, state.confirming = "", False  # a new step's first answer is its own
        if number == LAST_STEP and state.completed and state.draft != state.baseline:
            state.completed = False  # changed since the last version: the next review re-versions
        if number != 4:
            return []
        before = state.draft
        draft, changed = with_scoring_rules(before)
        if not draft.summary:
            draft = draft.model_copy(update={"summary": compose_summary(draft, self.language)})
            changed = [*changed, "summary"]
        if changed:
            self._remember(before)
            state.draft = draft
        return changed

    def _finish(self) -> str:
        """Step 5 done: bump the version, diff against the last version, mark complete."""
        state = self.state
        new_version = bump_version(state.baseline.version)
        self._remember(state.draft)
        state.draft = state.draft.model_copy(update={"version": new_version, "updated": self.today()})
        changes = diff_icp(state.baseline, state.draft)
        state.baseline = state.draft.model_copy(deep=True)
        state.completed = True
        review = state.draft.review
        return self._step_text(
            5, "finished", version=new_version, cadence=cadence_label(review.cadence, self.language),
            next_review=review.next_review.isoformat() if review.next_review else "-",
            triggers="; ".join(review.triggers) or "-",
            diff=describe_diff(changes, self.language, new=state.draft),
            count=len(group_changes(changes)))
