from participation.models.households import Building, Owner, Unit
from participation.models.residents import ResidentProfile

__all__ = ["Building", "Owner", "ResidentProfile", "Unit"]
