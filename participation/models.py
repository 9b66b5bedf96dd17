"""The participation app's face: every model by name, for Django, home and tests.

Inside the app a feature imports models from its own ``models.py`` (or another
feature's), never from here (DESIGN.md, Layout).
"""

from participation.consultations.models import (
    Comment,
    CommentReport,
    ConsultationSettings,
    Proposal,
    ProposalImage,
    ProposalStep,
    Support,
)
from participation.households.models import Building, Owner, Unit
from participation.reports.models import Report, ReportPhoto, ReportSettings, ReportStep
from participation.residents.models import CodeAttempt, ResidentProfile
from participation.volunteering.models import (
    Certificate,
    LedgerEntry,
    Opportunity,
    OpportunitySkill,
    Shift,
    SignUp,
    TimeBankAccount,
    VolunteerTeam,
)
from participation.votes.models import (
    Ballot,
    BallotAccessLog,
    BallotChoice,
    PlanVote,
    RollEntry,
    VoidedBallot,
    VoteOption,
    VoteStatus,
)

__all__ = [
    "VoidedBallot",
    "Ballot",
    "BallotAccessLog",
    "BallotChoice",
    "Building",
    "Comment",
    "CommentReport",
    "ConsultationSettings",
    "Proposal",
    "ProposalImage",
    "ProposalStep",
    "Support",
    "CodeAttempt",
    "Owner",
    "PlanVote",
    "Report",
    "ReportPhoto",
    "ReportSettings",
    "ReportStep",
    "ResidentProfile",
    "RollEntry",
    "Unit",
    "VoteOption",
    "VoteStatus",
    "Certificate",
    "LedgerEntry",
    "Opportunity",
    "OpportunitySkill",
    "Shift",
    "SignUp",
    "TimeBankAccount",
    "VolunteerTeam",
]
