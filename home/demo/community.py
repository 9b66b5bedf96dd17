"""The fictional community itself: its name, office, buildings and the people to call.

青梧社区 in 澜江市 does not exist. Phone numbers are local eight-digit numbers without
an area code, so they cannot ring anyone's real line; the e-mail domain is reserved
(``.example``). National service numbers (12345, 110, 119, 120, 95598) are real on
purpose: every notice in China gives them, and they are the same everywhere.
"""

COMMUNITY = {
    "name": "青梧社区",
    "address": "澜江市溪南区梧桐街道青梧路88号 党群服务中心一层",
    "office_hours": "周一至周五 8:30–12:00、14:00–17:30；周六上午有人值班",
    "hotline": "6123 4500",
    "email": "juweihui@qingwu.example",
}

BUILDING_COUNT = 12


def building_name(number):
    return f"{number}号楼"


# Keys are referred to by the notices and pages; values are ContactBlock values.
CONTACTS = {
    "committee": {
        "name": "青梧社区居委会",
        "role": "综合服务窗口",
        "phone": "6123 4500",
        "address": "青梧路88号 党群服务中心一层",
        "hours": "工作日 8:30–17:30",
    },
    "secretary": {
        "name": "李书记（李秀兰）",
        "role": "社区党委书记、居委会主任",
        "phone": "6123 4501",
        "address": "党群服务中心二楼 书记工作室",
        "hours": "每周三下午接待居民",
    },
    "grid": {
        "name": "周晓雯",
        "role": "第三网格网格员",
        "phone": "6123 4506",
        "address": "党群服务中心一层 网格工作站",
        "hours": "工作日 8:30–17:30",
    },
    "property": {
        "name": "青梧物业服务中心",
        "role": "24小时值班",
        "phone": "6123 4520",
        "address": "5号楼与6号楼之间 物业用房",
        "hours": "全天",
    },
    "property_manager": {
        "name": "张经理（张建国）",
        "role": "物业项目经理",
        "phone": "6123 4521",
        "address": "物业服务中心二楼",
        "hours": "工作日 9:00–17:00",
    },
    "owners": {
        "name": "青梧社区业主委员会",
        "role": "主任 赵立新",
        "phone": "6123 4540",
        "address": "党群服务中心二楼 业委会办公室",
        "hours": "每周六 9:00–11:00",
    },
    "health": {
        "name": "青梧社区卫生服务站",
        "role": "全科门诊、预防接种",
        "phone": "6123 4530",
        "address": "综合楼A座一层",
        "hours": "周一至周六 8:00–11:30、14:00–16:30",
    },
    "police": {
        "name": "陈警官（陈磊）",
        "role": "社区民警 梧桐派出所青梧警务室",
        "phone": "6123 4510",
        "address": "综合楼A座一层东侧",
        "hours": "工作日 9:00–17:00，紧急情况请拨110",
    },
    "elderly": {
        "name": "青梧长者服务中心",
        "role": "长者食堂、日间照料",
        "phone": "6123 4550",
        "address": "综合楼A座二层",
        "hours": "每天 7:00–19:00",
    },
    "volunteer": {
        "name": "王阿姨（王桂芳）",
        "role": "志愿者服务队队长、3号楼楼栋长",
        "phone": "6123 4505",
        "address": "党群服务中心一层 志愿服务站",
        "hours": "工作日上午",
    },
    "street_service": {
        "name": "梧桐街道便民服务中心",
        "role": "社保、医保、养老、就业窗口",
        "phone": "6123 4600",
        "address": "梧桐路16号 街道办事处一楼",
        "hours": "工作日 9:00–12:00、13:30–17:00",
    },
}
