"""A plain event for the pure functions: what ``occurrences`` reads, nothing else."""

import datetime
from dataclasses import dataclass, field

from home.events.recurrence import Change, Rule


@dataclass
class Spec:
    start_date: datetime.date
    rule: Rule = field(default_factory=Rule)
    changes: list = field(default_factory=list)
    end_date: datetime.date | None = None
    start_time: datetime.time | None = datetime.time(9, 30)
    end_time: datetime.time | None = datetime.time(11, 0)
    all_day: bool = False
    location: str = "党群服务中心"


def spec(start, repeat="", changes=(), **kwargs):
    rule_fields = {k: kwargs.pop(k) for k in list(kwargs) if k in Rule.__dataclass_fields__}
    if kwargs.get("all_day"):
        kwargs.setdefault("start_time", None)
        kwargs.setdefault("end_time", None)
    return Spec(start, Rule(repeat=repeat, **rule_fields), [Change(**c) for c in changes], **kwargs)


def d(text):
    return datetime.date.fromisoformat(text)
