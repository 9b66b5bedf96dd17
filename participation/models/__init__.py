from participation.models.code_attempts import CodeAttempt
from participation.models.households import Building, Owner, Unit
from participation.models.residents import ResidentProfile

__all__ = ["Building", "CodeAttempt", "Owner", "ResidentProfile", "Unit"]
