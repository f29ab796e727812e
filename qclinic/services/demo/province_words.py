"""The words a synthetic province is made of: its cities, company names, people, problems.

Fictional: any likeness to a real company is chance. The cities are those of one province
(Jiangxi, where the copper chain of the seed city lives); names are built as a company's would be,
city + trade name + line of business + legal form.
"""

from __future__ import annotations

from qclinic.core.vocabulary import IndustryChain, NqiCategory

CITIES = ("南昌", "九江", "景德镇", "萍乡", "新余", "鹰潭", "赣州", "吉安", "宜春", "抚州", "上饶")

#: per sector: the chain's Chinese name and the lines of business of its companies
SECTORS: dict[IndustryChain, tuple[str, tuple[str, ...]]] = {
    IndustryChain.ELECTRONICS: ("电子信息", ("电子", "光电", "电路", "元器件", "智能终端")),
    IndustryChain.NON_FERROUS_METALS: ("有色金属", ("铜业", "铜材", "线缆", "稀土", "合金")),
    IndustryChain.EQUIPMENT: ("装备制造", ("机械", "精密机械", "液压", "传动", "重工")),
    IndustryChain.NEW_ENERGY: ("新能源", ("锂电", "新能源", "光伏", "储能", "电池材料")),
    IndustryChain.PETROCHEMICAL: ("石化", ("化工", "石化", "新材料", "精细化工", "塑胶")),
    IndustryChain.BUILDING_MATERIALS: ("建材", ("建材", "陶瓷", "水泥", "玻璃", "管业")),
    IndustryChain.STEEL: ("钢铁", ("钢铁", "特钢", "钢管", "金属制品", "锻造")),
    IndustryChain.AVIATION: ("航空", ("航空部件", "航空科技", "复合材料", "精密铸造", "航电")),
    IndustryChain.FOOD: ("食品", ("食品", "粮油", "乳业", "茶业", "调味品")),
    IndustryChain.TEXTILES_GARMENTS: ("纺织服装", ("纺织", "服饰", "针织", "印染", "面料")),
    IndustryChain.PHARMACEUTICALS: ("医药", ("药业", "生物", "医疗器械", "制药", "中药饮片")),
    IndustryChain.MODERN_FURNITURE: ("现代家具", ("家具", "木业", "家居", "板材", "五金")),
}

TRADE_NAMES = (
    "华盛", "瑞丰", "恒通", "金鼎", "宏达", "天晟", "嘉和", "鑫源", "昌隆", "永泰", "利民", "东方",
    "赣江", "鄱湖", "庐山", "井冈", "章贡", "信江", "抚河", "袁州", "龙腾", "凯旋", "博远", "正邦",
    "新宇", "华宇", "汇丰", "星辰", "海纳", "德润", "联创", "卓越", "中诚", "振华", "明泰", "广源",
    "富达", "安泰", "宝丰", "晨光", "金凤", "同创", "立信", "光明", "盛世", "锦程", "万和", "鼎盛",
    "红谷", "青云", "绿源", "银河", "天工", "精诚", "合力", "长青", "旭日", "宏图", "泰和", "弘毅",
)  # fmt: skip
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "科技有限公司")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN_NAMES = (
    "伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
    "秀英", "建华", "志强", "海燕", "晓东", "文博", "国庆", "丽华", "春生", "德明",
)  # fmt: skip

#: per NQI field, problems companies bring to the clinic
PROBLEMS: dict[NqiCategory, tuple[str, ...]] = {
    NqiCategory.METROLOGY: ("关键量具未按期送检", "在线测温仪无溯源证书", "计量器具台账不全"),
    NqiCategory.STANDARDS: ("产品执行标准已废止", "企业标准未备案", "客户技术协议与国标冲突"),
    NqiCategory.CERTIFICATION: (
        "体系证书即将到期",
        "CCC认证范围未覆盖新型号",
        "认证标志使用不规范",
    ),
    NqiCategory.INSPECTION_TESTING: (
        "出厂检验项目不全",
        "型式检验报告过期",
        "实验室能力不足需委外",
    ),
    NqiCategory.INTELLECTUAL_PROPERTY: ("新产品专利布局空白", "商标被他人抢注风险"),
    NqiCategory.LAWS_REGULATIONS: ("产品标识不符合法规要求", "质量安全追溯制度缺失"),
    NqiCategory.QUALITY_MANAGEMENT: ("批量性尺寸不良反复发生", "客户投诉8D未闭环", "过程能力不足"),
    NqiCategory.SPECIAL_EQUIPMENT: (
        "叉车未办理使用登记",
        "压力容器超期未检",
        "起重机械操作人员无证",
    ),
}

ACTION_VERBS = ("整改", "完善", "建立", "补办", "培训", "验证")
