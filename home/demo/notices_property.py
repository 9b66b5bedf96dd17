"""Demo notices about the estate itself: lifts, façades, corridors, repairs, accounts.

Most come from the property company (物业); spending the maintenance fund and the
accounts are published by the owners' committee (业委会), as the law has it.
"""

from home.demo import tables
from home.demo.spec import Notice
from home.notices.choices import NoticeCategory as C
from home.notices.choices import NoticeIssuer as I

PROPERTY = [
    Notice(
        "elevator-repair-building-7",
        "7号楼2单元电梯维修停运通知",
        C.PROPERTY,
        I.PROPERTY,
        ("电梯维修", "电梯", "安全"),
        "7号楼2单元A梯曳引钢丝绳磨损，{d+6} 9:00–16:00停运更换，B梯正常运行。",
        (
            "在例行维保中，维保单位发现7号楼2单元A梯的曳引钢丝绳磨损超过标准，"
            "定于{d+6} 9:00至16:00停运更换，更换后经检验合格再恢复运行。",
            "维修期间B梯正常运行，高峰时段可能需要多等一会儿，请大家相互礼让，"
            "优先让老人、孕妇和抱小孩的居民乘梯。",
            "住在高层、行动不便需要帮忙上下楼的居民，请提前联系物业或3号楼楼栋长王阿姨，"
            "我们安排志愿者帮忙。",
            ("contact", "property"),
        ),
        buildings=(7,),
    ),
    Notice(
        "elevator-maintenance-schedule",
        "本月电梯例行维保安排",
        C.PROPERTY,
        I.PROPERTY,
        ("电梯", "电梯维修", "维保"),
        "本月电梯例行维保从{md+3}开始，各单元轮流停运一部电梯，每次约两小时。",
        (
            "按照电梯安全管理规定，小区所有电梯每15天维护保养一次。本月安排如下，"
            "维保期间每个单元只停一部电梯，另一部照常运行。",
            ("table", tables.ELEVATOR_SERVICE),
            "维保完成后，维保记录张贴在轿厢内，欢迎大家监督。发现电梯异响、抖动，请随时报修。",
            ("contact", "property"),
        ),
    ),
    Notice(
        "facade-cleaning-buildings-1-2",
        "1号楼、2号楼外墙清洗，请关好窗户",
        C.PROPERTY,
        I.PROPERTY,
        ("外墙清洗", "高空作业", "安全"),
        "{d+2}至{d+5}白天清洗1号楼、2号楼外墙，施工期间请关好门窗、收好阳台衣物。",
        (
            "物业将于{d+2}至{d+5}每天8:00至17:00清洗1号楼、2号楼外墙，采用吊篮高空作业。",
            "施工期间请关好门窗，收好阳台外晾晒的衣物；楼下设置警戒线，请绕行，"
            "看好孩子不要靠近。遇到大风、下雨天气顺延。",
            ("contact", "property"),
        ),
        image="青梧社区楼群",
        buildings=(1, 2),
    ),
    Notice(
        "corridor-clearing-building-6",
        "6号楼楼道杂物集中清理通知",
        C.PROPERTY,
        I.PROPERTY,
        ("楼道杂物", "消防通道", "消防"),
        "6号楼楼道堆放的纸箱、旧家具占用消防通道，请在{md+7}前自行清理，逾期统一清运。",
        (
            "消防检查发现，6号楼部分楼层的楼道和消防楼梯里堆放了纸箱、旧家具和花盆，"
            "一旦发生火灾会堵住逃生通道。",
            "请6号楼各位居民在{md+7}前自行清理。逾期未清理的，物业会同楼栋长统一清运，"
            "有保留价值的物品暂存在物业仓库一个月，可凭登记领回。",
            "家里有大件旧家具不方便搬运的，可以预约每周六上午的大件垃圾清运。",
            ("contact", "property"),
        ),
        buildings=(6,),
    ),
    Notice(
        "roof-waterproofing-building-8",
        "8号楼屋面防水维修使用专项维修资金的公示",
        C.PROPERTY,
        I.OWNERS,
        ("维修资金", "屋面防水", "公示"),
        "8号楼顶层多户漏水，拟使用专项维修资金约18.6万元进行屋面防水维修，公示期7天。",
        (
            "今年以来，8号楼顶层有6户反映屋顶漏水。经物业和第三方机构查勘，屋面防水层老化开裂，"
            "需要整体翻新。",
            "<ul><li>维修内容：铲除原防水层，重新铺设防水卷材和保护层；</li>"
            "<li>预算：约18.6万元，从8号楼专项维修资金中列支，按各户面积分摊；</li>"
            "<li>施工单位：经三家比价后选定，报价单在业委会办公室可查阅。</li></ul>",
            "公示期为7天。8号楼业主对方案有意见的，请在公示期内向业委会书面提出。"
            "公示结束后将按规定组织8号楼业主表决。",
            ("contact", "owners"),
        ),
        buildings=(8,),
    ),
    Notice(
        "ev-charging-shed-opens",
        "北门电动车集中充电棚启用，扫码充电",
        C.PROPERTY,
        I.PROPERTY,
        ("电动车充电", "消防", "便民"),
        "北门电动车集中充电棚已经启用，60个充电口，扫码充电，每度电0.6元，充满自动断电。",
        (
            "北门电动车集中充电棚已经建成启用，共有60个充电口，全天开放，有监控和自动灭火装置。",
            "<ul><li>扫码充电，每度电0.6元，充满自动断电；</li>"
            "<li>不会用手机的老人，可以到物业服务中心办一张充电卡；</li>"
            "<li>请不要在充电棚里堆放杂物、给电池私自改装。</li></ul>",
            "充电棚启用后，楼道和家中一律不得给电动车充电，请大家配合。",
            ("contact", "property"),
        ),
        image="电动车集中充电棚",
        pinned_days=14,
        days_ago=8,
    ),
    Notice(
        "property-accounts-quarterly",
        "物业服务费和公共收益收支情况季度公示",
        C.PROPERTY,
        I.OWNERS,
        ("物业费", "公共收益", "公示"),
        "业委会公示上季度物业服务费收缴和公共收益收支情况。电梯广告、停车费等公共收益结余12.4万元。",
        (
            "根据业主大会议事规则，业委会每季度公示物业服务费和公共收益的收支情况。上季度主要数字：",
            "<ul><li>物业服务费收缴率：91.3%；</li>"
            "<li>公共收益收入：电梯广告3.2万元、地面停车费6.8万元、快递柜场地费0.6万元；</li>"
            "<li>公共收益支出：中心绿地补种苗木1.1万元、儿童游乐设施维修0.5万元；</li>"
            "<li>公共收益账户结余：12.4万元。</li></ul>",
            "明细账目和票据复印件在业委会办公室可以查阅，每周六上午开放。",
            ("contact", "owners"),
        ),
    ),
    Notice(
        "green-space-renovation",
        "中心绿地改造完工，新增健身步道和休息长椅",
        C.PROPERTY,
        I.PROPERTY,
        ("绿化", "健身步道", "适老化改造"),
        "中心绿地改造完工，新增300米健身步道、8张长椅和无障碍坡道，补种了香樟和桂花。",
        (
            "经过两个月施工，中心绿地改造已经完工。这次改造根据居民议事会的意见，"
            "新增了300米塑胶健身步道、8张带扶手的长椅和无障碍坡道，补种香樟、桂花40多棵。",
            "新种的草坪还在养护期，请暂时不要踩踏。遛狗请牵绳，并及时清理粪便。",
            ("contact", "property"),
        ),
        image="中心绿地",
    ),
]
