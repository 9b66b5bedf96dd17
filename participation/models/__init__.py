from participation.models.code_attempts import CodeAttempt
from participation.models.households import Building, Owner, Unit
from participation.models.residents import ResidentProfile
from participation.models.votes import (
    Ballot,
    BallotAccessLog,
    BallotChoice,
    PlanVote,
    RollEntry,
    VoteOption,
    VoteStatus,
)

__all__ = [
    "Ballot",
    "BallotAccessLog",
    "BallotChoice",
    "Building",
    "CodeAttempt",
    "Owner",
    "PlanVote",
    "ResidentProfile",
    "RollEntry",
    "Unit",
    "VoteOption",
    "VoteStatus",
]
