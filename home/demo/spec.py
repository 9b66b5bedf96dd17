"""The shape of one demo notice, shared by the notice text modules and the loader."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """One notice as written: texts may hold "{d+N}" dates, body items follow ``body``.

    Frozen and plain so the texts stay data; ``notice_loader`` turns them into pages.
    """

    slug: str
    title: str
    category: str
    issuer: str
    tags: tuple
    summary: str
    body: tuple
    image: str | None = None  # title of a demo image shown in lists and at the top
    buildings: tuple = ()  # building numbers; empty = the whole community
    urgent: bool = False
    pinned_days: int | None = None  # pinned until today + this many days
    expired_after_days: int | None = None  # expired: expiry this many days after publication
    days_ago: int | None = None

    def __post_init__(self):
        if len(self.summary) > 200:
            raise ValueError(f"Summary of {self.slug} is longer than the field allows.")
