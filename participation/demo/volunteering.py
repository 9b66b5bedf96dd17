"""Volunteering for the demo community (called by ``households.load``).

Three teams (党员志愿服务队, 微网格员, 银龄互助队) with eleven opportunities: coming
shifts with free seats, one full shift with a waiting list (楼道清洁), the 暑托班
enrolment sheet (30 seats, no hours), and past shifts whose attendance was marked, so
the demo residents have hours in the time bank. Eight more verified neighbours sign
up so lists are not empty. Idempotent: made once, looked up afterwards.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from participation.households.models import Unit
from participation.residents.choices import Relation, VerificationMethod
from participation.residents.models import ResidentProfile
from participation.volunteering import attendance, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.models import Opportunity, Shift, SignUp, VolunteerTeam

TEAMS = [
    (
        "党员志愿服务队",
        "社区党员组成的志愿服务队，参与垃圾分类督导、文明劝导和暑期托管。",
        ["wangfang"],
    ),
    ("微网格员", "每栋楼的网格员，负责楼道巡查、安全隐患排查和邻里联络。", ["wangguifang"]),
    ("银龄互助队", "低龄老人帮助高龄老人：助餐、探访、陪同就医和智能手机教学。", ["wangguifang"]),
]

NEIGHBOURS = [
    ("zhangayi", "张阿姨", ("1号楼", "1", "201")),
    ("liushifu", "刘师傅", ("1号楼", "2", "302")),
    ("chenlaoshi", "陈老师", ("2号楼", "1", "401")),
    ("sunjie", "孙姐", ("2号楼", "2", "102")),
    ("zhoudage", "周大哥", ("4号楼", "1", "502")),
    ("wuxiaomei", "吴小梅", ("4号楼", "2", "601")),
    ("zhengbo", "郑伯", ("6号楼", "1", "301")),
    ("hejie", "何姐", ("7号楼", "2", "202")),
]

# (title, team, place, skills, description, [(day offset, hour, length h, seats, hours)])
OPPORTUNITIES = [
    (
        "垃圾分类督导",
        "党员志愿服务队",
        "北门垃圾分类投放点",
        ["耐心", "熟悉分类"],
        "早晚投放高峰在投放点值守，指导居民正确分类、破袋投放。",
        [(-14, 7, 2, 4, "2"), (-7, 7, 2, 4, "2"), (2, 7, 2, 4, "2"), (9, 7, 2, 4, "2")],
    ),
    (
        "敬老助餐",
        "银龄互助队",
        "社区长者食堂",
        ["耐心"],
        "午餐时段为长者打饭、送餐到桌，为行动不便的老人送餐上门。",
        [(-10, 11, 2, 6, "2"), (-3, 11, 2, 6, "2"), (1, 11, 2, 6, "2"), (4, 11, 2, 6, "2")],
    ),
    (
        "暑托班报名",
        "党员志愿服务队",
        "社区党群服务中心二楼",
        [],
        "社区暑期托管班（7月—8月，工作日 9:00—16:00），面向小学生，共30个名额，先到先得。"
        "本报名表不计志愿时长。",
        [(20, 9, 7, 30, "0")],
    ),
    (
        "楼道清洁",
        "微网格员",
        "3号楼",
        ["会用工具"],
        "清理楼道堆物、擦拭扶手和信报箱，整理消防通道。",
        [(-5, 9, 3, 3, "3"), (3, 9, 3, 3, "3")],
    ),
    (
        "防诈骗宣传",
        "党员志愿服务队",
        "社区广场",
        ["会说方言", "表达清楚"],
        "向老人讲解常见电信诈骗手法，发放宣传册。",
        [(5, 15, 2, 8, "2")],
    ),
    (
        "独居老人探访",
        "银龄互助队",
        "各楼栋",
        ["耐心", "会说方言"],
        "两人一组探访独居老人，聊聊天，看看家里水电煤是否安全。",
        [(-8, 14, 2, 6, "2"), (6, 14, 2, 6, "2")],
    ),
    (
        "电动车充电安全巡查",
        "微网格员",
        "北门电动车集中充电棚",
        ["细心"],
        "夜间巡查楼道飞线充电和电动车上楼，劝导到集中充电棚充电。",
        [(2, 19, 2, 4, "2")],
    ),
    (
        "智能手机教学",
        "银龄互助队",
        "社区党群服务中心活动室",
        ["会用智能手机", "耐心"],
        "教老人用手机挂号、付款、视频通话，识别诈骗短信。",
        [(-12, 9, 2, 5, "2"), (7, 9, 2, 5, "2")],
    ),
    (
        "社区义诊协助",
        "党员志愿服务队",
        "社区卫生服务站门口",
        ["细心"],
        "协助医生量血压、排队登记、引导居民。",
        [(12, 8, 4, 6, "4")],
    ),
    (
        "消防安全巡查",
        "微网格员",
        "各楼栋消防通道",
        ["细心"],
        "检查灭火器、消防栓和疏散通道，登记隐患。",
        [(-6, 10, 2, 4, "2"), (8, 10, 2, 4, "2")],
    ),
    (
        "中心绿地认养养护",
        "银龄互助队",
        "中心绿地",
        ["会用工具"],
        "给认养的花坛浇水、除草、修剪。",
        [(3, 16, 2, 8, "2")],
    ),
]


def _at(now, day, hour):
    day_start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return day_start + datetime.timedelta(days=day, hours=hour)


def ensure_neighbours():
    """Eight more verified residents who volunteer (same password rules as the rest)."""
    users = get_user_model().objects
    now = timezone.now()
    made = []
    for username, name, (building, unit_no, room) in NEIGHBOURS:
        unit = Unit.objects.filter(building__name=building, unit_no=unit_no, room=room).first()
        if unit is None:
            continue
        user, created = users.get_or_create(username=username, defaults={"first_name": name})
        if created:
            user.set_unusable_password()
            user.save()
            ResidentProfile.objects.create(
                user=user,
                display_name=name,
                unit=unit,
                relation=Relation.FAMILY,
                verified_at=now,
                verification_method=VerificationMethod.STAFF,
                consent_privacy_at=now,
            )
        made.append(user)
    return made


def _volunteers():
    names = ["wangfang", "liqiang", "zhaomin", "wangguifang"] + [n[0] for n in NEIGHBOURS]
    by_name = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    return [by_name[n] for n in names if n in by_name]


def _past_shift(shift, people, leader):
    """Sign-ups on a past shift (made directly: the sign-up window is over), then
    attendance marked by the leader, which credits the hours."""
    for person in people[: shift.capacity]:
        signup = SignUp.objects.create(
            shift=shift,
            user=person,
            status=SignUpStatus.CONFIRMED,
            created_at=shift.starts_at - datetime.timedelta(days=3),
            confirmed_at=shift.starts_at - datetime.timedelta(days=3),
        )
        Shift.objects.filter(pk=shift.pk).update(taken=F("taken") + 1)
        outcome = Attendance.NO_SHOW if person.username == "liqiang" else Attendance.ATTENDED
        attendance.mark(signup, outcome, leader, now=shift.ends_at)


def ensure_demo_volunteering():
    """Create the teams, opportunities, shifts, sign-ups and hours once."""
    ensure_neighbours()
    users = get_user_model().objects
    now = timezone.now()
    teams = {}
    for order, (name, description, leaders) in enumerate(TEAMS):
        team, _created = VolunteerTeam.objects.get_or_create(
            name=name, defaults={"description": description, "sort_order": order}
        )
        team.leaders.add(*users.filter(username__in=leaders))
        teams[name] = team
    volunteers = _volunteers()
    created = 0
    for index, (title, team_name, place, skills, description, shifts) in enumerate(OPPORTUNITIES):
        team = teams[team_name]
        opportunity, made = Opportunity.objects.get_or_create(
            title=title, team=team, defaults={"location": place, "description": description}
        )
        if not made:
            continue
        created += 1
        opportunity.skills.add(*skills)
        leader = team.leaders.first()
        for n, (day, hour, length, seats, hours) in enumerate(shifts):
            starts = _at(now, day, hour)
            shift = Shift.objects.create(
                opportunity=opportunity,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=length),
                capacity=seats,
                hours=Decimal(hours),
                signup_deadline=starts - datetime.timedelta(hours=2) if day > 0 else None,
                cancel_deadline=starts - datetime.timedelta(hours=12) if day > 0 else None,
            )
            people = volunteers[(index + n) % 3 :] + volunteers[: (index + n) % 3]
            if starts < now:
                _past_shift(shift, people, leader)
            elif title == "楼道清洁":
                for person in people[: seats + 2]:  # full, with two on the waiting list
                    signups.sign_up(shift, person, now=now)
            elif title != "暑托班报名":
                for person in people[: max(1, seats // 3)]:
                    signups.sign_up(shift, person, now=now)
    return created


def summary():
    return (
        f"Volunteering: {VolunteerTeam.objects.count()} teams, "
        f"{Opportunity.objects.count()} opportunities, {Shift.objects.count()} shifts "
        f"(/volunteer/; wangguifang leads 微网格员 and 银龄互助队)."
    )
