"""Plan votes for the demo community (called by `load_demo_community`).

Three votes: an open owners' vote on turning the 架空层 into a children's play area
(Art. 278 para. 1 item 8, change of use of a common part: three quarters), an open households'
vote between three parking plans, and a closed residents' advisory vote with results.
Ballots are paper ballots entered by the demo committee account, chosen by a fixed
pattern, so reruns change nothing and the owners' voters the README names can still
vote online themselves.
"""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from participation.residents.models import ResidentProfile
from participation.votes.ballots import enter_paper_ballot
from participation.votes.choices import Art278Item, BallotKind, Electorate, OptionRole
from participation.votes.models import PlanVote, VoteOption
from participation.votes.roll import freeze_electorate

PLAYGROUND = "3号楼架空层改造为儿童游乐区"


PARKING = "地面停车位调整方案（三选一）"


GREEN = "中心绿地夜间照明意见征集"


PLAYGROUND_TEXT = (
    "<p>3号楼架空层现为杂物堆放区。业委会提议改造为儿童游乐区：铺设软质地垫、"
    "安装滑梯和攀爬架，设置家长休息座椅，费用从公共收益中列支。</p>"
    "<p>改变共有部分用途属于《民法典》第278条第一款第（八）项事项，须经参与表决"
    "专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意。</p>"
)


def _options(vote, options):
    VoteOption.objects.bulk_create(
        VoteOption(vote=vote, sort_order=n, **option) for n, option in enumerate(options)
    )


YES_NO = [
    {"key": "agree", "label": "同意", "role": OptionRole.ADOPT},
    {"key": "disagree", "label": "不同意", "role": OptionRole.AGAINST},
    {"key": "abstain", "label": "弃权", "role": OptionRole.ABSTAIN},
]


def _open_quietly(vote, now):
    freeze_electorate(vote, now)
    PlanVote.objects.filter(pk=vote.pk).update(opening_mail_sent_at=now)


def _paper_ballots(vote, clerk, share, pattern, keep_free=()):
    """Enter paper ballots for every ``share``-th roll entry, choices cycling ``pattern``.

    Entries for the demo people in ``keep_free`` (users) are left for them to vote.
    """
    users = list(keep_free)
    units = ResidentProfile.objects.filter(user__in=users, unit__isnull=False).values("unit_id")
    options = {option.key: option for option in vote.options.all()}
    entries = (
        vote.roll.filter(ballot__isnull=True)
        .exclude(Q(user__in=users) | Q(unit__in=units) | Q(owner__voter__in=users))
        .order_by("pk")
    )
    for n, entry in enumerate(entries):
        if n % share:
            continue
        key = pattern[(n // share) % len(pattern)]
        enter_paper_ballot(vote, entry, options[key], clerk, f"D{vote.pk}-{n:04d}")


def ensure_demo_votes(clerk, keep_free_users=()):
    """Create the three demo votes once; returns how many were created.

    Their rolls are frozen here and they count as announced (no opening mail to the
    fictional residents when `make run` starts the scheduler)."""
    keep_free_users = list(keep_free_users)
    now = timezone.now()
    created = 0
    # Earlier demo data called a change of use item (七); it is item (八). The
    # description may be corrected after opening; the rule and item were already right.
    PlanVote.objects.filter(title=PLAYGROUND, description__contains="第（七）项").update(
        description=PLAYGROUND_TEXT
    )
    if not PlanVote.objects.filter(title=PLAYGROUND).exists():
        vote = PlanVote.objects.create(
            title=PLAYGROUND,
            space="架空层",
            description=PLAYGROUND_TEXT,
            electorate=Electorate.OWNERS,
            art278_item=Art278Item.COMMON_PARTS,
            ballot_kind=BallotKind.YES_NO,
            opens_at=now - datetime.timedelta(days=3),
            closes_at=now + datetime.timedelta(days=11),
            published=True,
        )
        _options(vote, YES_NO)
        _open_quietly(vote, now)
        _paper_ballots(
            vote, clerk, 3, ["agree", "agree", "agree", "disagree", "abstain"], keep_free_users
        )
        created += 1
    if not PlanVote.objects.filter(title=PARKING).exists():
        vote = PlanVote.objects.create(
            title=PARKING,
            space="地面停车场",
            description=(
                "<p>小区地面车位紧张，物业提出三个调整方案，请每户选择一个。"
                "本次为住户表决，每户一票，结果供业委会决策参考。</p>"
            ),
            electorate=Electorate.HOUSEHOLDS,
            ballot_kind=BallotKind.OPTIONS,
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=6),
            published=True,
        )
        _options(
            vote,
            [
                {
                    "key": "a",
                    "label": "方案A：重新划线，增加12个车位",
                    "description": "压缩部分车道宽度，保留全部绿地。",
                    "estimated_cost": Decimal("18000"),
                },
                {
                    "key": "b",
                    "label": "方案B：改造东侧绿地为生态停车位",
                    "description": "植草砖铺装，增加30个车位，减少绿地约400平方米。",
                    "estimated_cost": Decimal("156000"),
                },
                {
                    "key": "c",
                    "label": "方案C：维持现状，推行错峰共享停车",
                    "description": "与周边写字楼签订夜间共享协议。",
                    "estimated_cost": Decimal("0"),
                },
                {"key": "abstain", "label": "弃权", "role": OptionRole.ABSTAIN},
            ],
        )
        _open_quietly(vote, now)
        _paper_ballots(vote, clerk, 4, ["a", "c", "a", "b", "c", "a"], keep_free_users)
        created += 1
    if not PlanVote.objects.filter(title=GREEN).exists():
        vote = PlanVote.objects.create(
            title=GREEN,
            space="中心绿地",
            description="<p>是否在中心绿地步道加装夜间照明（每晚18:00–22:00）？</p>",
            electorate=Electorate.RESIDENTS,
            ballot_kind=BallotKind.YES_NO,
            opens_at=now - datetime.timedelta(days=30),
            closes_at=now + datetime.timedelta(hours=1),
            published=True,
        )
        _options(vote, YES_NO)
        _open_quietly(vote, now)
        _paper_ballots(vote, clerk, 1, ["agree", "agree", "disagree", "agree", "abstain"])
        # Move the closing time into the past: a closed advisory vote with results.
        PlanVote.objects.filter(pk=vote.pk).update(closes_at=now - datetime.timedelta(days=16))
        created += 1
    return created
