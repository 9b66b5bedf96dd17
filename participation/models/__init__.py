from participation.models.households import Building

__all__ = ["Building"]
