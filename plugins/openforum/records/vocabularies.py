"""What each value of every vocabulary means, in plain words (see descriptions.py).

Filed under the vocabulary's values, so a vocabulary that two fields share (sectors,
channels) is described once, and a value added to the model shows up as undescribed.
"""

from __future__ import annotations

import typing
from typing import Any, get_args

from . import model


def _values(vocabulary: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in get_args(vocabulary))


def _field_values(cls: type, name: str) -> tuple[str, ...]:
    """The vocabulary written inline on a field (the IRM's scales)."""
    hint = typing.get_type_hints(cls)[name]
    literal = next(a for a in get_args(hint) if a is not type(None))
    return _values(literal)


_IRM = model.IrmAssessment

# Vocabulary values and what each means, filed under the vocabulary's values.
VALUES: dict[tuple[str, ...], dict[str, str]] = {
    _values(model.Instrument): {
        "executive_decree": "a decree or order of the executive",
        "law": "an act of parliament",
        "formal_agreement": "a signed agreement between government and civil society",
        "informal_agreement": "an agreement not written into any formal act",
    },
    _values(model.Mandate): {
        "decision_making": "the Forum's decisions bind the government's open-government process",
        "consultative": "the Forum advises; the government decides",
        "mixed": "the Forum decides some matters and advises on others",
    },
    _values(model.DecisionRule): {
        "consensus": "adopted when no objection is recorded; no votes are counted",
        "simple_majority": "adopted when more vote for than against",
        "absolute_majority": "adopted when more than half of all voting seats vote for",
        "qualified_majority": "adopted when the votes for reach qualified_threshold of the "
        "votes cast (abstentions are not votes cast)",
    },
    _values(model.MemberKind): {
        "person": "a person, sitting in their own name or for an organisation",
        "organization": "an organisation, whoever represents it",
    },
    _values(model.Sector): {
        "government": "a ministry, agency or other public body of the executive",
        "civil_society": "a non-governmental organisation or citizen",
        "private_sector": "a company or business association",
        "academia": "a university or research body",
        "parliament": "a member or body of parliament",
        "multilateral": "an international organisation",
        "other": "none of the above",
    },
    _values(model.SeatRole): {
        "chair": "chairs the Forum; votes",
        "co_chair": "chairs the Forum with another; votes",
        "member": "a full member; votes",
        "substitute": "stands in for the member named in substitute_for when that member is absent",
        "observer": "attends without a vote",
        "secretariat": "runs the secretariat; no vote",
    },
    _values(model.MeetingKind): {
        "plenary": "a meeting of the whole Forum",
        "working_group": "a meeting of a working group of the Forum",
        "extraordinary": "a plenary called outside the regular calendar",
        "public_session": "a meeting open to the public",
    },
    _values(model.MeetingStatus): {
        "scheduled": "announced and yet to take place",
        "held": "took place",
        "cancelled": "will not take place",
        "postponed": "put off to a date not yet set",
    },
    _values(model.DecisionResult): {
        "adopted": "the proposal was adopted",
        "rejected": "the proposal was rejected",
        "deferred": "the decision was put off to a later meeting",
        "withdrawn": "the proposal was withdrawn before a decision",
    },
    _values(model.MinutesStatus): {
        "draft": "written, not yet approved",
        "approved": "approved by the Forum (in the meeting named in approved_in)",
    },
    _values(model.DocumentKind): {
        "agenda": "the agenda",
        "minutes": "the minutes, as a separate document",
        "paper": "a paper discussed",
        "presentation": "slides shown",
        "recording": "an audio or video recording",
        "report": "a report",
    },
    _values(model.PlanStatus): {
        "development": "being written and co-created",
        "implementation": "being carried out",
        "assessment": "being assessed after its period",
        "closed": "finished and assessed",
    },
    _values(model.Phase): {
        "eligibility": "the country qualifies to join the OGP",
        "development": "the plan is written and co-created",
        "implementation": "the plan is carried out",
        "assessment": "the plan's results are assessed",
        "follow_up": "lessons are taken into the next plan",
    },
    _values(model.CommitmentStatus): {
        "not_started": "no work has begun",
        "limited": "a little of it is done",
        "substantial": "much of it is done",
        "complete": "all of it is done",
        "withdrawn": "dropped from the plan",
        "not_reported": "no status has been reported yet",
    },
    _values(model.MilestoneStatus): {
        "not_started": "no work has begun",
        "in_progress": "under way",
        "complete": "done",
        "cancelled": "dropped",
        "not_reported": "no status has been reported yet",
    },
    _values(model.BodyKind): {
        "plenary": "the whole Forum",
        "working_group": "a group of members working on one subject",
        "committee": "a standing committee of members",
        "panel": "a panel convened for one task",
    },
    _values(model.OgpValue): {
        "access_to_information": "more or better information for the public",
        "civic_participation": "more or better ways for people to take part in decisions",
        "public_accountability": "more or better ways to hold officials to account",
        "technology_and_innovation": "technology used for openness and accountability",
    },
    _values(model.Channel): {
        "online_platform": "a consultation website",
        "in_person": "a meeting in person",
        "email": "email",
        "workshop": "a workshop",
        "survey": "a survey",
        "social_media": "social media",
        "phone": "telephone",
        "other": "any other way",
    },
    _values(model.Outcome): {
        "adopted": "taken up in full",
        "partly_adopted": "taken up in part",
        "not_adopted": "not taken up (the reason says why)",
        "out_of_scope": "outside what the consultation covers",
        "pending": "not yet answered",
    },
    _values(model.PartnerKind): {
        "multilateral": "an international organisation of several states",
        "bilateral": "one country's development agency",
        "philanthropic": "a foundation",
        "other": "any other partner",
    },
    _field_values(_IRM, "specificity"): {
        "none": "no verifiable activities or results",
        "low": "activities that could be read as verifiable",
        "medium": "verifiable activities, results not measurable",
        "high": "verifiable activities and measurable results",
    },
    _field_values(_IRM, "potential_impact"): {
        "none": "would not change practice",
        "minor": "an incremental step",
        "moderate": "a major step in one policy area",
        "transformative": "could transform practice",
    },
    _field_values(_IRM, "potential"): {
        "unclear": "results cannot be told from the text",
        "modest": "a positive but standalone step",
        "substantial": "a possible game changer",
    },
    _field_values(_IRM, "completion"): {
        "no_evidence": "the IRM found no evidence to judge by",
        "not_started": "no work had begun",
        "limited": "a little of it was done",
        "substantial": "much of it was done",
        "complete": "all of it was done",
    },
    _field_values(_IRM, "early_results"): {
        "worsened": "government became less open",
        "did_not_change": "practice did not change",
        "marginal": "some change, limited in scope",
        "major": "a step forward in the policy area",
        "outstanding": "a reform that transformed practice",
    },
}
