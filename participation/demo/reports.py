"""Resident reports for the demo community (called by `load_demo_community`).

48 reports over the last three months, across every category and every state of the
loop: rated 满意 / 基本满意, 不满意 then reopened and rated again, reopened and still
open, fixed and waiting for a rating, in progress, accepted, escalated (督办) without
being accepted, overdue, referred upward (吹哨, with a 12345 ticket) and one turned
into a consultation — so each month's 幸福账单 has real figures. Rows are written
directly with their historical times (no mail goes out). Each report is made once, by
its description: reruns change nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.consultations.choices import Category as ProposalCategory
from participation.consultations.choices import Kind
from participation.consultations.choices import Status as ProposalStatus
from participation.consultations.models import Proposal, ProposalStep
from participation.households.models import Building
from participation.reports import rules
from participation.reports.choices import Category, Handler, Rating, Status
from participation.reports.models import Report, ReportStep
from participation.trail import ActorRole

H = datetime.timedelta(hours=1)
REPORTERS = ("wangfang", "liqiang", "zhaomin", "wangguifang")

# category, place, what is wrong
PROBLEMS = [
    (Category.LIFT, "1单元电梯", "电梯按钮失灵，按了没反应"),
    (Category.LIFT, "2单元电梯", "电梯运行时有异响"),
    (Category.UTILITIES, "地下室水泵房", "楼道里有漏水，地面积水"),
    (Category.UTILITIES, "楼道照明", "楼道声控灯不亮"),
    (Category.SANITATION, "垃圾分类亭", "垃圾桶满溢，气味很大"),
    (Category.SANITATION, "北门绿化带", "绿化带里有建筑垃圾"),
    (Category.FACILITIES, "儿童游乐区", "滑梯有一处开裂"),
    (Category.FACILITIES, "单元门禁", "单元门禁刷卡打不开"),
    (Category.SAFETY, "消防通道", "消防通道被电动车堵住"),
    (Category.SAFETY, "地下车库", "车库入口地面湿滑"),
    (Category.NOISE, "南侧广场", "晚上广场舞音响声音太大"),
    (Category.DISPUTE, "楼上楼下", "楼上住户空调外机滴水到我家窗台"),
    (Category.OTHER, "快递柜", "快递柜屏幕坏了"),
]

# The shape of each report's life: (hours to accept, hours to fix, rating, extra).
LIVES = [
    (1, 4, Rating.SATISFIED, ""),
    (2, 20, Rating.SATISFIED, ""),
    (3, 30, Rating.FAIRLY, ""),
    (1, 10, Rating.SATISFIED, ""),
    (2, 8, Rating.UNSATISFIED, "reopen-rated"),
    (4, 50, Rating.SATISFIED, "overdue"),
    (1, 6, Rating.SATISFIED, "referred"),
    (2, 12, Rating.FAIRLY, ""),
]
RECENT_LIVES = [
    (None, None, "", "escalated"),
    (None, None, "", "pending"),
    (1, None, "", "accepted"),
    (2, None, "", "in_progress"),
    (3, None, "", "overdue-open"),
    (1, 5, "", "done"),
    (2, 6, Rating.UNSATISFIED, "reopened"),
    (None, None, "", "converted"),
]


def _plan(now):
    """48 (days ago, problem, life): 40 settled over three months, 8 open recent ones."""
    plan = []
    for n in range(40):
        plan.append((3 + (n * 89) // 40, PROBLEMS[n % len(PROBLEMS)], LIVES[n % len(LIVES)], n))
    for n, life in enumerate(RECENT_LIVES):
        days = 0 if life[3] == "pending" else 1 + n // 3
        plan.append((days, PROBLEMS[(n * 5) % len(PROBLEMS)], life, 40 + n))
    return plan


def _step(report, status, role, at, note="", actor=None):
    ReportStep.objects.create(
        report=report, status=status, role=role, created_at=at, note=note, actor=actor
    )


def _make(now, days, problem, life, n, users, buildings, committee, property_staff):
    category, place, what = problem
    accept_h, fix_h, rating, extra = life
    description = f"{what}。（第{n + 1}号）"
    if Report.objects.filter(description=description).exists():
        return False
    reporter = users[REPORTERS[n % len(REPORTERS)]]
    reporter_building = reporter.resident.unit.building if reporter.resident.unit_id else None
    created = now - datetime.timedelta(days=days, hours=(n * 7) % 12 + 2)
    report = Report.objects.create(
        category=category,
        building=buildings[n % len(buildings)],
        place=place,
        description=description,
        visibility=rules.default_visibility(category),
        reporter=reporter,
        reporter_building=reporter_building,
        created_at=created,
    )
    _step(report, Status.PENDING, ActorRole.RESIDENT, created, "居民上报。", reporter)
    fields = {}
    if extra in ("escalated", "converted"):
        fields["escalated_at"] = created + 6 * H
        _step(
            report,
            Status.ESCALATED,
            ActorRole.SYSTEM,
            created + 6 * H,
            "6小时内未受理：转居委会督办。",
        )
    if extra == "converted":
        proposal = Proposal.objects.create(
            title=f"{place}问题协商议事",
            body=report.description,
            category=ProposalCategory.PROPERTY,
            kind=Kind.COMMITTEE,
            author=committee,
            created_at=created + 8 * H,
        )
        ProposalStep.objects.create(
            proposal=proposal,
            status=ProposalStatus.DISCUSSION,
            role=ActorRole.COMMITTEE,
            actor=committee,
            created_at=created + 8 * H,
            note="由居民报事转来，居委会征求大家的意见。",
        )
        fields["proposal"] = proposal
        _step(
            report,
            Status.CONVERTED,
            ActorRole.COMMITTEE,
            created + 8 * H,
            "需要协商：居委会已发起协商议事。",
            committee,
        )
    if accept_h is not None:
        handler = Handler.COMMITTEE if category == Category.DISPUTE else Handler.PROPERTY
        staff = committee if handler == Handler.COMMITTEE else property_staff
        role = ActorRole.COMMITTEE if handler == Handler.COMMITTEE else ActorRole.PROPERTY
        accepted = created + accept_h * H
        due = rules.due_at(category, accepted)
        fields.update(accepted_at=accepted, accepted_by=staff, handler=handler, due_at=due)
        _step(
            report,
            Status.ACCEPTED,
            role,
            accepted,
            f"已受理，办理时限至{timezone.localtime(due):%Y-%m-%d %H:%M}。",
            staff,
        )
        if extra == "referred":
            fields.update(
                referred_at=accepted + H, referred_to="街道城管科", referral_ref=f"12345-{n:04d}"
            )
            _step(
                report,
                Status.REFERRED,
                ActorRole.COMMITTEE,
                accepted + H,
                f"已上报至街道城管科。编号：12345-{n:04d}",
                committee,
            )
        if extra in ("in_progress", "overdue-open") or (fix_h and fix_h > 6):
            _step(report, Status.IN_PROGRESS, role, accepted + H, "正在处理。", staff)
        if extra in ("overdue", "overdue-open"):
            fields["overdue_at"] = due
            _step(
                report, Status.OVERDUE, ActorRole.SYSTEM, due, "超过办理时限：再次提交居委会督办。"
            )
        if fix_h is not None:
            done = created + fix_h * H
            fields.update(done_at=done, fix_note="已处理完毕，现场已恢复。")
            _step(report, Status.DONE, role, done, "已处理完毕，现场已恢复。", staff)
            if extra in ("reopen-rated", "reopened"):
                fields.update(
                    reopened_at=done + 2 * H, rating=Rating.UNSATISFIED, rated_at=done + 2 * H
                )
                _step(
                    report,
                    Status.REOPENED,
                    ActorRole.RESIDENT,
                    done + 2 * H,
                    "不满意：问题又出现了",
                    reporter,
                )
                if extra == "reopen-rated":
                    again = done + 20 * H
                    fields.update(done_at=again)
                    _step(report, Status.IN_PROGRESS, role, done + 3 * H, "重新处理。", staff)
                    _step(report, Status.DONE, role, again, "更换了配件，已复查。", staff)
                    fields.update(rating=Rating.SATISFIED, rated_at=again + 3 * H)
                    _step(report, Status.RATED, ActorRole.RESIDENT, again + 3 * H, "满意", reporter)
            elif rating:
                fields.update(rating=rating, rated_at=done + 3 * H)
                _step(
                    report,
                    Status.RATED,
                    ActorRole.RESIDENT,
                    done + 3 * H,
                    Rating(rating).label,
                    reporter,
                )
    if fields:
        Report.objects.filter(pk=report.pk).update(**fields)
    return True


def ensure_demo_reports(committee, property_staff, now=None):
    """Make the demo reports that do not exist yet; returns how many were made."""
    now = now or timezone.now()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=REPORTERS)}
    if len(users) < len(REPORTERS):
        return 0
    buildings = list(Building.objects.order_by("sort_order", "name")[:6])
    made = 0
    for days, problem, life, n in _plan(now):
        made += _make(now, days, problem, life, n, users, buildings, committee, property_staff)
    return made


def summary():
    return f"Resident reports: {Report.objects.count()} (/reports/, /reports/bill/)."
