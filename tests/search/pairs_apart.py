"""Queries of several words that stand apart in the page they should find.

Residents type 电梯检修 or 北门充电棚 for a notice that says "电梯同时停运 … 年度检修" or
"北门电动车集中充电棚": every word is on the page, but not side by side, so a search
that only finds the query as one string misses it. Each entry is shaped like
``pairs.PAIRS``: query, expected slug, related slugs, kind. Related pages mention every
word in the sense the query means; a page that holds the words for other reasons (the
长者食堂 of a contact block beside an unrelated 补贴) is unrelated. Judgements were made
by reading each page of the demo community plus ``corpus``.
"""

APART, TRADITIONAL, MIXED, HARD = "words apart", "traditional", "mixed ASCII", "not in the text"

CHARGING_SHED = ("no-e-bikes-indoors", "parcel-lockers-moved", "about")

APART_PAIRS = [
    ("电梯检修", "power-cut-buildings-11-12", (), APART),
    ("北门充电棚", "ev-charging-shed-opens", CHARGING_SHED, APART),
    (
        "电梯停运",
        "elevator-repair-building-7",
        ("power-cut-buildings-11-12", "elevator-maintenance-schedule"),
        APART,
    ),
    ("燃气泄漏", "gas-safety-alert", (), APART),
    ("停水储水", "water-cut-buildings-3-5", (), APART),
    ("水箱消毒", "water-tank-cleaning-building-10", (), APART),
    ("水泵更换", "water-pressure-evening", (), APART),
    ("电费志愿者", "electricity-bill-online", ("smartphone-class-for-seniors",), APART),
    ("消防演练灭火器", "fire-drill", (), APART),
    ("电动车楼道充电", "no-e-bikes-indoors", ("ev-charging-shed-opens",), APART),
    ("医保诈骗", "medical-insurance-fraud", (), APART),
    ("高空抛物监控", "falling-objects", (), APART),
    ("电梯警铃", "elevator-trapped-what-to-do", (), APART),
    ("厨余垃圾投放", "garbage-sorting-rules", (), APART),
    ("医保缴费截止", "medical-insurance-payment", (), APART),
    ("高龄津贴社保卡", "old-age-allowance", ("guide",), APART),
    ("养老床位补贴", "home-care-beds", (), APART),
    ("5G基站说明会", "5g-base-station-building-9", (), MIXED),
    ("停车收费意见", "parking-fee-consultation", (), APART),
    ("养犬疫苗", "dog-ownership-rules", (), APART),
    ("电梯钢丝绳", "elevator-repair-building-7", ("elevator-maintenance-schedule",), APART),
    ("外墙清洗窗户", "facade-cleaning-buildings-1-2", (), APART),
    ("楼道纸箱", "corridor-clearing-building-6", (), APART),
    ("屋面漏水", "roof-waterproofing-building-8", (), APART),
    ("停车费结余", "property-accounts-quarterly", (), APART),
    ("绿地长椅", "green-space-renovation", ("volunteer-cleanup",), APART),
    ("邻里节志愿者", "neighbourhood-festival", (), APART),
    ("读书会图书角", "reading-club", (), APART),
    ("老年人视频通话", "smartphone-class-for-seniors", (), APART),
    ("志愿者清扫垃圾", "volunteer-cleanup", (), APART),
    ("亲子花盆", "parent-child-crafts", (), APART),
    ("党员走访老人", "party-members-visit-elderly", (), APART),
    ("广场舞音量", "square-dance-convention", (), APART),
    ("义诊血压", "free-clinic", (), APART),
    ("疫苗老人免费", "pneumonia-vaccine-seniors", (), APART),
    ("快递柜超时", "parcel-lockers-moved", (), APART),
    ("长者食堂补贴", "elderly-canteen-menu", (), APART),
    ("理发磨刀", "monthly-service-day", (), APART),
    ("公告栏二维码", "notices-online", (), APART),
    ("法律顾问咨询", "free-legal-advice", (), APART),
    ("保安招聘", "night-security-guard", (), APART),
    ("零工家政", "odd-jobs-station", (), APART),
    ("社区工作者报名", "community-worker-recruitment", (), APART),
    ("护理员培训", "care-worker-training", (), APART),
    ("免费WiFi图书角", "wifi-party-service-centre", (), MIXED),
    ("卫生服务站无障碍坡道", "clinic-moves-block-a", (), APART),
    ("空气污染口罩", "air-quality-pm25", (), HARD),  # the page says 空气重污染
    ("ETC车库", "etc-parking-gate", (), MIXED),
    ("网格员王丽娟见面", "grid-worker-wang", (), APART),
    ("公交站施工", "qingwu-road-bus-stop", (), APART),
    ("绿道路灯修复", "binhe-greenway-lights", (), APART),
    ("幼儿园报名", "kindergarten-enrolment", (), APART),
    ("热水器检查", "water-heater-safety-check", (), APART),
    ("钥匙招领", "lost-and-found-keys", (), APART),
    ("阳台鸽子", "balcony-pigeons", (), APART),
    ("低保取暖", "winter-heating-subsidy", (), APART),
    ("献血北门", "blood-donation-bus", (), APART),
    ("灭蚊积水", "mosquito-control", (), APART),
    ("反诈讲座案例", "anti-fraud-lecture", (), APART),
    ("乒乓球报名", "ping-pong-tournament", (), APART),
    ("门窗推销", "window-cleaning-scam", (), APART),
    ("充电桩申请", "charging-pile-application", (), APART),
    ("楼栋长走访老人", "grid-workers", ("gas-safety-alert", "about"), APART),
    ("菜地鱼塘", "history", (), APART),
    ("居住证明材料", "guide", (), APART),
    ("个人信息保存期限", "privacy", (), APART),
    ("燃气表换表", "gas-meter-upgrade", (), APART),
    ("配电室停电", "power-cut-buildings-11-12", (), APART),
    ("北门快递柜", "parcel-lockers-moved", ("about",), APART),
    ("9号楼基站", "5g-base-station-building-9", (), MIXED),
    ("7号楼钢丝绳", "elevator-repair-building-7", ("elevator-maintenance-schedule",), MIXED),
    ("垃圾桶撤除", "garbage-sorting-rules", (), APART),
    ("電梯檢修", "power-cut-buildings-11-12", (), TRADITIONAL),
    ("北門充電棚", "ev-charging-shed-opens", CHARGING_SHED, TRADITIONAL),
]
