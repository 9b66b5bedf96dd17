"""Consultations for the demo community (called by `load_demo_community`).

Seventeen proposals across every status of the trail, with comments (one hidden with
its reason, its author asking for a review), official answers, a committee consultation
(征求意见) on the parking plan with a window for comments, and the 架空层 proposal
escalated to the demo's plan vote. Supports beyond the demo residents' own are rows
without a person (``key`` ``demo-<n>``, as a deleted account's support stays), so
every count matches its rows. Each proposal is made once, by title: reruns change
nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.consultations.choices import CommentState, Kind, Status
from participation.consultations.models import Comment, Proposal, ProposalStep, Support
from participation.households.models import Building
from participation.trail import ActorRole
from participation.votes.models import PlanVote

S, D, AN, AC, DE, IP, DO = (
    Status.SUBMITTED,
    Status.DISCUSSION,
    Status.ANSWERED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.IN_PROGRESS,
    Status.DONE,
)

# title, category, author, buildings, days ago, supports, trail after 已提交, answer, comments
PROPOSALS = [
    (
        "3号楼架空层改造为儿童游乐区",
        "childcare",
        "wangfang",
        ["3号楼"],
        70,
        30,
        [(D, ""), (AN, ""), (AC, "居委会采纳，改造涉及共有部分用途，交业主表决。")],
        "架空层改造属于改变共有部分用途，须经业主共同决定。居委会已拟定方案，提交业主表决。",
        [("liqiang", "孩子们下雨天终于有地方玩了。"), ("zhaomin", "希望保留几张长椅给老人。")],
    ),
    (
        "北门增设电动车集中充电桩",
        "safety",
        "zhaomin",
        [],
        12,
        17,
        [],
        "",
        [
            ("wangfang", "楼道里飞线充电太危险了，支持。"),
            ("wangguifang", "3号楼好几户都在楼道充电。"),
        ],
    ),
    (
        "5号楼电梯频繁故障，建议大修",
        "property",
        "wangguifang",
        ["5号楼"],
        25,
        30,
        [(D, "")],
        "",
        [("liqiang", "上周又困人了。")],
    ),
    (
        "长者食堂菜单每周公布",
        "elderly",
        "liqiang",
        [],
        40,
        30,
        [(D, ""), (AN, "")],
        "从下月起，长者食堂每周五在公告栏和本网站公布下周菜单，并标注少油少盐菜品。",
        [("wangfang", "希望多些软烂的菜。")],
    ),
    (
        "东门夜间照明不足",
        "safety",
        "wangfang",
        [],
        60,
        30,
        [(D, ""), (AN, ""), (AC, ""), (IP, "已报街道，新增路灯6盏，本月施工。")],
        "经现场查看，东门至3号楼路段照明不足，将新增路灯6盏。",
        [],
    ),
    (
        "垃圾分类投放点异味大",
        "sanitation",
        "zhaomin",
        ["2号楼"],
        90,
        30,
        [(D, ""), (AN, ""), (AC, ""), (DO, "投放点已加装冲洗设施，每日清洗两次。")],
        "物业将加装冲洗设施并增加清洗次数。",
        [("liqiang", "现在好多了，谢谢！")],
    ),
    (
        "快递柜移到地下车库入口",
        "other",
        "liqiang",
        [],
        50,
        30,
        [(D, ""), (AN, ""), (DE, "地下车库入口是消防通道，按规定不能摆放快递柜。")],
        "经与消防部门确认，车库入口属于消防通道，不能摆放快递柜。",
        [],
    ),
    ("增设暑期儿童托管点", "childcare", "wangfang", [], 5, 8, [], "", []),
    (
        "中心绿地补种遮阴树",
        "greenery",
        "wangguifang",
        [],
        9,
        11,
        [],
        "",
        [("zhaomin", "夏天中午太晒了。")],
    ),
    (
        "楼道堆物集中清理",
        "safety",
        "wangguifang",
        ["3号楼"],
        35,
        30,
        [(D, ""), (AN, ""), (AC, "")],
        "本月底组织一次楼道堆物集中清理，由楼栋长通知各户。",
        [],
    ),
    (
        "物业服务费收支每季度公示",
        "property",
        "zhaomin",
        [],
        45,
        30,
        [(D, ""), (AN, "")],
        "物业公司同意每季度在公告栏公示收支情况。",
        [],
    ),
    (
        "电梯轿厢加装广告屏",
        "property",
        "liqiang",
        [],
        55,
        30,
        [(D, ""), (AN, ""), (DE, "多数居民反对在电梯内播放广告，不予采纳。")],
        "经议事会讨论，多数居民代表反对，本建议不予采纳。",
        [],
    ),
    (
        "为独居老人提供助浴服务",
        "elderly",
        "wangfang",
        [],
        80,
        30,
        [(D, ""), (AN, ""), (AC, ""), (IP, "已联系养老服务中心，每月两次上门。")],
        "与街道养老服务中心合作，为独居老人提供上门助浴。",
        [],
    ),
    (
        "单元门禁维修",
        "property",
        "wangguifang",
        ["3号楼"],
        100,
        30,
        [(D, ""), (AN, ""), (AC, ""), (DO, "3号楼各单元门禁已全部更换。")],
        "物业更换3号楼全部单元门禁。",
        [],
    ),
    (
        "文明养宠，设置宠物便便箱",
        "sanitation",
        "zhaomin",
        [],
        3,
        4,
        [],
        "",
        [("wangfang", "建议在草坪边放几个。")],
    ),
    ("6号楼屋顶防水维修", "property", "wangguifang", ["6号楼"], 20, 30, [(D, "")], "", []),
]

CONSULTATION = (
    "地面停车位调整方案征求意见",
    "parking",
    "居委会拟调整地面停车位划线，增加访客车位和无障碍车位，现征求居民意见，"
    "意见征集期两周。\n\n方案详见公告栏和表决页面。",
)


def _step(proposal, status, when, role, note="", actor=None):
    ProposalStep.objects.create(
        proposal=proposal, status=status, created_at=when, role=role, note=note, actor=actor
    )


def _supports(proposal, count, people):
    rows = [Support(proposal=proposal, user=user, key=f"u{user.pk}") for user in people[:count]]
    rows += [Support(proposal=proposal, key=f"demo-{n}") for n in range(count - len(rows))]
    Support.objects.bulk_create(rows)
    Proposal.objects.filter(pk=proposal.pk).update(support_count=count)


def _proposal(spec, users, committee, now):
    title, category, author, buildings, days, supports, trail, answer, comments = spec
    created = now - datetime.timedelta(days=days)
    proposal = Proposal.objects.create(
        title=title,
        body=f"{title}。\n\n邻居们反映这个问题很久了，希望居委会协调解决。",
        category=category,
        kind=Kind.RESIDENT,
        author=users[author],
        created_at=created,
        supports_close_at=created + datetime.timedelta(days=60),
    )
    proposal.buildings.set(Building.objects.filter(name__in=buildings))
    _step(proposal, S, created, ActorRole.RESIDENT, "居民提出建议，正在收集附议。", users[author])
    others = [user for name, user in users.items() if name != author]
    _supports(proposal, supports, others)
    for n, (status, note) in enumerate(trail, start=1):
        when = created + datetime.timedelta(days=3 * n)
        if status == D:
            Proposal.objects.filter(pk=proposal.pk).update(
                agenda_at=when, meeting_on=(when + datetime.timedelta(days=7)).date()
            )
            _step(
                proposal,
                D,
                when,
                ActorRole.SYSTEM,
                f"已有 {supports} 位居民附议，议题已列入居委会议程。",
            )
            continue
        if status == AN:
            Proposal.objects.filter(pk=proposal.pk).update(
                answer=answer, answer_draft=answer, answered_at=when
            )
            note = note or "居委会发布了答复。"
        _step(proposal, status, when, ActorRole.COMMITTEE, note, committee)
    for n, (name, body) in enumerate(comments):
        Comment.objects.create(
            proposal=proposal,
            author=users[name],
            body=body,
            created_at=created + datetime.timedelta(days=1, hours=n),
            state=CommentState.VISIBLE,
        )
    return proposal


def ensure_demo_consultations(committee):
    """Create the demo proposals that are missing; returns how many were added."""
    names = {"wangfang", "liqiang", "zhaomin", "wangguifang"}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    now = timezone.now()
    added = 0
    for spec in PROPOSALS:
        if Proposal.objects.filter(title=spec[0]).exists():
            continue
        proposal = _proposal(spec, users, committee, now)
        added += 1
        if spec[0] == "3号楼架空层改造为儿童游乐区":
            vote = PlanVote.objects.filter(title=spec[0], proposal__isnull=True).first()
            if vote is not None:
                Proposal.objects.filter(pk=proposal.pk).update(escalated_to=vote)
                _step(
                    proposal,
                    AC,
                    now - datetime.timedelta(days=2),
                    ActorRole.COMMITTEE,
                    f"居委会已将其提交居民表决：{vote.title}",
                    committee,
                )
        if spec[0] == "北门增设电动车集中充电桩":
            Comment.objects.create(
                proposal=proposal,
                author=users["zhaomin"],
                body="物业就是不作为，这些人都该换掉！",
                created_at=now - datetime.timedelta(days=10),
                state=CommentState.HIDDEN,
                hidden_at=now - datetime.timedelta(days=9),
                hidden_reason="多户居民举报，等待审核。",
                review_requested_at=now - datetime.timedelta(days=8),
            )
    title, category, body = CONSULTATION
    if not Proposal.objects.filter(title=title).exists():
        created = now - datetime.timedelta(days=4)
        consultation = Proposal.objects.create(
            title=title,
            body=body,
            category=category,
            kind=Kind.COMMITTEE,
            author=committee,
            created_at=created,
            comments_close_at=created + datetime.timedelta(days=14),
        )
        _step(
            consultation,
            D,
            created,
            ActorRole.COMMITTEE,
            "居委会发起征求意见，欢迎您提出看法。",
            committee,
        )
        Comment.objects.create(
            proposal=consultation,
            author=users["wangfang"],
            body="希望多留两个访客车位。",
            created_at=created + datetime.timedelta(days=1),
            state=CommentState.VISIBLE,
        )
        added += 1
    return added
