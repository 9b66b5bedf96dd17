"""The demo's event calendar: over 20 events from last month to three months ahead.

Dates are worked out from the day the demo is loaded, as the notices' are: 联企日 on
the 15th of every month (one moved), a weekly 读书会 (one Saturday cancelled), the
重阳节 敬老茶话会 on 农历九月初九, 写春联 on 腊月二十, a 暑托班 series next summer, a
智能手机课堂 for elderly residents on the first Tuesday of each month, and one-off
events in between. Some fall once a year, so enough one-off events sit within weeks
of the load date that at least 20 events have a date between a month ago and three
months ahead, whenever the demo is loaded. Events are looked up by slug, so a second
run adds only what is missing and leaves editors' changes alone.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from home.demo.pages import SITE_AGE, publish_child
from home.events import lunar
from home.events.models import EventCalendarPage, EventException, EventPage

CALENDAR = {
    "title": "活动日历",
    "slug": "events",
    "intro": "<p>居委会、物业和志愿服务队组织的活动都在这里。日期下面的小字是农历和节气。</p>",
}
HALL = "党群服务中心二楼多功能厅"
LIBRARY = "党群服务中心一楼社区图书室"


@dataclass
class DemoEvent:
    slug: str
    title: str
    category: str
    start_date: datetime.date
    location: str
    summary: str
    body: str
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    end_date: datetime.date | None = None
    organiser: str = "青梧社区居委会"
    rule: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)


def _t(text):
    hour, minute = text.split(":")
    return datetime.time(int(hour), int(minute))


def _next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _month(day, delta, dom=1):
    index = day.year * 12 + day.month - 1 + delta
    return datetime.date(index // 12, index % 12 + 1, dom)


def _next_term(today, term):
    for offset in range(370):
        day = today + datetime.timedelta(days=offset)
        if lunar.day_label(day) == term:
            return day
    return today


def demo_events(today):
    """The demo events for a calendar loaded on ``today``."""
    last_month = _month(today, -1)
    first_saturday = _next_weekday(today - datetime.timedelta(days=35), 5)
    next_saturday = _next_weekday(today + datetime.timedelta(days=1), 5)
    chongyang = lunar.to_solar(today.year, 9, 9)
    summer = _next_weekday(datetime.date(today.year + (today.month > 7), 7, 1), 0)
    return [
        DemoEvent(
            "lianqiri", "联企日：辖区单位与居民面对面", "service", _month(today, -1, 15),
            HALL, "每月15日，物业、辖区企业和居委会一起听意见、办实事。",
            "<p>每月15日上午，辖区企业、物业公司和居委会在多功能厅接待居民，"
            "现场登记问题，能办的当场办。</p>",
            _t("9:00"), _t("11:30"), organiser="青梧社区居委会 · 辖区共建单位",
            rule={"repeat": "monthly_day"},
            changes=[
                {"date": _month(today, 2, 15), "new_date": _month(today, 2, 16),
                 "new_location": "党群服务中心一楼大厅",
                 "note": "多功能厅当天有考试，改到16日一楼大厅。"}
            ],
        ),
        DemoEvent(
            "dushuhui", "青梧读书会", "culture", first_saturday, LIBRARY,
            "每周六下午一起读书、聊书，新朋友随时加入。",
            "<p>每周六下午在社区图书室，由退休语文老师陈老师带读。本月共读《城南旧事》。</p>",
            _t("14:30"), _t("16:00"), organiser="青梧读书会志愿者",
            rule={"repeat": "weekly", "weekdays": "5"},
            changes=[{"date": next_saturday + datetime.timedelta(days=7), "cancelled": True,
                      "note": "图书室更换书架，暂停一次。"}],
        ),
        DemoEvent(
            "chongyang-chahuahui", "重阳节敬老茶话会", "elderly", chongyang, HALL,
            "农历九月初九，请60岁以上的居民喝茶、看节目、领重阳糕。",
            "<p>欢迎社区60岁以上的老人参加。行动不便的老人请提前告诉楼栋长，志愿者上门接送。</p>",
            _t("14:00"), _t("16:30"),
            rule={"repeat": "yearly_lunar", "lunar_month": 9, "lunar_day": 9},
        ),
        DemoEvent(
            "xie-chunlian", "迎新春 写春联送福字", "culture", lunar.to_solar(today.year, 12, 20),
            "党群服务中心门前广场", "书法志愿者现场写春联、福字，免费送给居民。",
            "<p>每年腊月二十上午，书法协会的志愿者在门前广场写春联。自带红纸也可以。</p>",
            _t("9:00"), _t("11:30"), organiser="青梧社区书法协会",
            rule={"repeat": "yearly_lunar", "lunar_month": 12, "lunar_day": 20},
        ),
        DemoEvent(
            "shuotuoban", "暑期爱心托管班（暑托班）", "children", summer, "综合楼A座三楼活动室",
            "暑假工作日白天，为双职工家庭照看小学生：作业辅导、阅读、手工和体育。",
            "<p>面向社区1–6年级小学生，共六周，每个工作日8:30–17:00。报名请到居委会登记。</p>",
            _t("8:30"), _t("17:00"), organiser="青梧社区居委会 · 大学生志愿者",
            rule={"repeat": "weekly", "weekdays": "01234",
                  "repeat_until": summer + datetime.timedelta(days=40)},
        ),
        DemoEvent(
            "zhineng-shouji", "智能手机课堂：学用健康码、挂号和视频通话", "elderly",
            _next_weekday(last_month, 1), LIBRARY,
            "每月第一个周二上午，志愿者手把手教老年人用手机。",
            "<p>请带上自己的手机和充电器。每期一个主题：网上挂号、视频通话、防范电信诈骗。</p>",
            _t("9:30"), _t("11:00"), organiser="青梧社区志愿服务队",
            rule={"repeat": "monthly_weekday", "ordinal": 1, "ordinal_weekday": 1,
                  "repeat_count": 12},
        ),
        DemoEvent(
            "zhuti-dangri", "主题党日", "party", last_month, HALL,
            "每月最后一个周五下午，社区党员集中学习。", "<p>请社区在册党员和流动党员参加。</p>",
            _t("15:00"), _t("16:30"), organiser="青梧社区党委",
            rule={"repeat": "monthly_weekday", "ordinal": -1, "ordinal_weekday": 4},
        ),
        DemoEvent(
            "jiating-yisheng", "家庭医生义诊", "service", last_month, "综合楼A座一层社区卫生服务站",
            "每月第二个周三，量血压、测血糖、解答用药问题。",
            "<p>请带上医保卡和近期的化验单。</p>",
            _t("8:30"), _t("11:30"), organiser="青梧社区卫生服务站",
            rule={"repeat": "monthly_weekday", "ordinal": 2, "ordinal_weekday": 2},
        ),
        DemoEvent(
            "guangchangwu", "广场舞健身队活动", "community", last_month, "中心绿地广场",
            "每周一、三、五晚上，音量不超过60分贝，21点前结束。", "<p>新队员请找队长王阿姨。</p>",
            _t("19:00"), _t("20:30"), organiser="青梧广场舞健身队",
            rule={"repeat": "weekly", "weekdays": "024"},
        ),
        DemoEvent(
            "dongzhi-baojiaozi", "冬至包饺子 暖心送邻里", "elderly", _next_term(today, "冬至"),
            "综合楼A座二层长者食堂", "冬至这天一起包饺子，给独居老人送上门。",
            "<p>志愿者上午包、中午送。想一起包饺子的居民请带上围裙。</p>",
            _t("9:00"), _t("12:00"), organiser="青梧社区志愿服务队",
        ),
        DemoEvent(
            "yuandan-jianbuzou", "元旦健步走", "community", datetime.date(today.year + 1, 1, 1),
            "滨河绿道（小区南门集合）", "新年第一天，沿滨河绿道走五公里。",
            "<p>8点在南门集合，志愿者沿途设补给点。</p>", _t("8:00"), _t("10:00"),
        ),
        DemoEvent(
            "yundonghui", "青梧社区趣味运动会", "community", _month(today, 1, 10), "中心绿地",
            "两天的趣味项目：跳绳、拔河、亲子接力。", "<p>以楼栋为单位报名，每栋一队。</p>",
            end_date=_month(today, 1, 11), organiser="青梧社区居委会 · 业主委员会",
        ),
        DemoEvent(
            "xiaofang-yanlian", "冬季消防演练", "service", today - datetime.timedelta(days=12),
            "5号楼前空地", "演示灭火器使用和高层疏散。", "<p>物业和梧桐消防站共同组织。</p>",
            _t("15:00"), _t("16:00"), organiser="青梧物业服务中心",
        ),
        DemoEvent(
            "lese-fenlei", "垃圾分类积分兑换日", "community", today - datetime.timedelta(days=20),
            "北门垃圾分类亭", "凭积分卡兑换洗衣液、抽纸。", "<p>积分卡可在居委会补办。</p>",
            _t("9:00"), _t("11:00"),
        ),
        DemoEvent(
            "lutian-dianying", "露天电影之夜", "culture", today + datetime.timedelta(days=5),
            "中心绿地", "放映老电影《我和我的祖国》。", "<p>自带小板凳。</p>",
            _t("18:30"), _t("20:30"),
            changes=[{"date": today + datetime.timedelta(days=5), "cancelled": True,
                      "note": "天气预报有大风降温，取消放映，改期另行通知。"}],
        ),
        DemoEvent(
            "falv-zixun", "律师进社区 免费法律咨询", "service", today + datetime.timedelta(days=9),
            "党群服务中心一楼调解室", "物业纠纷、继承、劳动合同，律师现场解答。",
            "<p>请带上相关材料的复印件。</p>", _t("14:00"), _t("17:00"),
            organiser="梧桐街道司法所",
        ),
        DemoEvent(
            "yuanxiao-caidengmi", "元宵节猜灯谜", "culture", lunar.to_solar(today.year, 1, 15),
            "中心绿地长廊", "正月十五晚上挂灯笼、猜灯谜，猜中有小奖品。",
            "<p>灯谜由读书会的志愿者出题，老少皆宜。</p>", _t("18:30"), _t("20:30"),
            rule={"repeat": "yearly_lunar", "lunar_month": 1, "lunar_day": 15},
        ),
        DemoEvent(
            "shufa-ban", "老年书法班", "elderly", last_month, "综合楼A座二层活动室",
            "每周四上午，书法协会的老师免费教毛笔字。", "<p>笔墨纸砚活动室有，自带也行。</p>",
            _t("9:00"), _t("10:30"), organiser="青梧社区书法协会",
            rule={"repeat": "weekly", "weekdays": "3"},
        ),
        DemoEvent(
            "yishihui", "居民议事会", "community", last_month, HALL,
            "每月第三个周四晚上，楼栋长和居民代表商量小区的事。",
            "<p>本月议题：电动车充电棚选址、架空层改造方案。欢迎居民旁听。</p>",
            _t("19:00"), _t("20:30"),
            rule={"repeat": "monthly_weekday", "ordinal": 3, "ordinal_weekday": 3},
        ),
        DemoEvent(
            "fanzha-jiangzuo", "防范电信诈骗讲座", "elderly", today + datetime.timedelta(days=16),
            HALL, "社区民警讲最新的骗术和应对办法。", "<p>讲座后可现场安装国家反诈中心App。</p>",
            _t("9:30"), _t("10:30"), organiser="梧桐派出所青梧警务室",
        ),
        DemoEvent(
            "wuchang-xianxue", "无偿献血进社区", "volunteer", today + datetime.timedelta(days=24),
            "小区北门", "献血车停在北门，18–60岁身体健康的居民可以参加。",
            "<p>请吃过早饭再来，带上身份证。</p>", _t("8:30"), _t("15:30"),
            organiser="澜江市中心血站 · 青梧社区志愿服务队",
        ),
        DemoEvent(
            "yijian-fuwu", "爱心义剪", "volunteer", today + datetime.timedelta(days=3),
            "党群服务中心一楼便民服务室", "美发店的师傅免费为老人剪头发，行动不便的可以预约上门。",
            "<p>请提前一天到居委会或找楼栋长预约上门服务。</p>", _t("9:00"), _t("11:30"),
            organiser="青梧社区志愿服务队 · 梧桐美发店",
        ),
        DemoEvent(
            "xianzhi-jiaohuan", "闲置物品交换集市", "community", today - datetime.timedelta(days=6),
            "小区东门内空地", "旧书、玩具、小家电以物换物，不收钱。",
            "<p>请带干净、能用的物品，剩下的由志愿者捐给困难家庭。</p>", _t("9:00"), _t("11:00"),
        ),
        DemoEvent(
            "huiben-gushihui", "儿童绘本故事会", "children", today + datetime.timedelta(days=12),
            LIBRARY, "3–8岁的孩子听故事、做手工，家长陪同。",
            "<p>志愿者妈妈讲故事，每场限20个家庭。</p>", _t("10:00"), _t("11:00"),
            organiser="青梧社区志愿服务队",
        ),
        DemoEvent(
            "xiangqi-youyisai", "楚河汉界 象棋友谊赛", "elderly",
            today + datetime.timedelta(days=33), "综合楼A座二层活动室",
            "各楼栋的象棋爱好者以棋会友，老少都可参加。",
            "<p>请在比赛前一周到居委会登记，棋盘棋子由活动室提供。</p>", _t("14:00"), _t("17:00"),
            organiser="青梧社区老年协会",
        ),
        DemoEvent(
            "sheying-zhan", "社区摄影展：我们的青梧", "culture",
            today + datetime.timedelta(days=45), HALL, "展出居民拍摄的小区风景和日常生活。",
            "<p>欢迎居民投稿，每人最多三张，交到党群服务中心一楼综合窗口。</p>",
            _t("9:00"), _t("17:00"),
        ),
    ]  # fmt: skip


def ensure_calendar(home, user):
    calendar = EventCalendarPage.objects.first()
    if calendar is None:
        calendar = EventCalendarPage(
            title=CALENDAR["title"],
            slug=CALENDAR["slug"],
            intro=CALENDAR["intro"],
            show_in_menus=True,
        )
        publish_child(home, calendar, user, timezone.now() - SITE_AGE)
        _add_home_block(home, user)
    return calendar


def _add_home_block(home, user):
    """The first time the calendar is made, the home page gets its "coming up" block."""
    home = home.specific
    if any(block.block_type == "upcoming_events" for block in home.body):
        return
    home.body.insert(1, ("upcoming_events", {"heading": "近期活动", "count": 5}))
    home.save_revision(user=user).publish(user=user)


def load_events(home, user):
    """Publish the missing demo events; returns how many were made."""
    calendar = ensure_calendar(home, user)
    today = timezone.localdate()
    existing = set(calendar.get_children().values_list("slug", flat=True))
    made = 0
    for spec in demo_events(today):
        if spec.slug in existing:
            continue
        page = build_page(spec)
        publish_child(calendar, page, user, timezone.now() - datetime.timedelta(days=40))
        made += 1
    return made


def build_page(spec):
    """The unsaved EventPage, with its exceptions, for one demo event."""
    page = EventPage(
        title=spec.title,
        slug=spec.slug,
        category=spec.category,
        summary=spec.summary,
        start_date=spec.start_date,
        end_date=spec.end_date,
        all_day=spec.start_time is None,
        start_time=spec.start_time,
        end_time=spec.end_time,
        location=spec.location,
        organiser=spec.organiser,
        body=[{"type": "paragraph", "value": spec.body}],
        **spec.rule,
    )
    page.exceptions = [EventException(**change) for change in spec.changes]
    return page


def link_signup_sheets():
    """The 暑托班 series signs up through the volunteering sign-up sheet 暑托班报名
    (participation's demo makes it); run after both demos. Idempotent."""
    from participation.volunteering.models import Opportunity

    sheet = Opportunity.objects.filter(title="暑托班报名").first()
    event = EventPage.objects.filter(slug="shuotuoban").first()
    if sheet and event and event.signup_id != sheet.pk:
        event.signup = sheet
        event.save_revision().publish()
