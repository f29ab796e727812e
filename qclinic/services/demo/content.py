"""What the demo's consultant and chief quality officer wrote, in Chinese and English.

The demo company is a tier-1 supplier of copper-alloy rods and profiles (brass rod to GB/T 4423,
export orders to ASTM B16) in a non-ferrous metals chain. Every note is written for its question
(keyed by question id of the ``nqi-clinic`` checklist), every finding for the weakness it records,
every action for its finding or case. Texts are pairs ``(zh, en)``; :func:`text` picks one.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from qclinic.core.vocabulary import ActionStatus, CaseStatus, FindingSeverity, NqiCategory, Priority

Pair = tuple[str, str]


def text(pair: Pair, lang: str) -> str:
    """The Chinese or English half of *pair*."""
    return pair[1] if lang == "en" else pair[0]


COMPANY_NOTES: Pair = (
    "链主企业赣鄱铜业的一级供应商，主营黄铜棒材和铜合金异型材，部分出口。",
    "Tier-1 supplier of the chain leader Ganpo Copper: brass rod and copper-alloy profiles, "
    "partly exported.",
)
VISIT_NOTES: dict[str, Pair] = {
    "self": (
        "首席质量官组织的年度自评。",
        "Annual self-assessment led by the chief quality officer.",
    ),
    "clinic": (
        "质量强链专项质量义诊：计量、标准、认证认可、检验检测和特种设备。",
        "Free quality clinic of the chain campaign: metrology, standards, certification, "
        "testing and special equipment.",
    ),
    "follow_up": ("整改效果跟踪回访。", "Follow-up visit on the effect of the corrective actions."),
}
TITLES: dict[str, Pair] = {
    "self": ("2025 年度质量自评", "2025 annual quality self-assessment"),
    "clinic": ("2026 质量门诊综合诊断", "2026 quality clinic diagnosis"),
}
PHOTO_CAPTION: Pair = ("现场照片", "Site photo")

#: The clinic's notes (March 2026), on the answers scored low enough to need one.
CLINIC_NOTES: dict[str, Pair] = {
    "MET.5": (
        "1 月外校发现一把 0–25 mm 千分尺示值超差，已停用送修，但未追溯此前用它检验放行的批次，"
        "程序中也没有失准追溯的规定。",
        "In January an external calibration found a 0–25 mm micrometer out of tolerance; it was "
        "withdrawn, but the lots it had released were not re-evaluated and no procedure asks for it.",
    ),
    "CA.6": (
        "没有证书台账和到期提醒；ISO 14001 证书已于 2025-12 到期未再认证，宣传册和官网仍使用其认证标志。",
        "No certificate register or expiry reminder; the ISO 14001 certificate lapsed in "
        "December 2025, yet the brochure and the website still carry its mark.",
    ),
    "INS.4": (
        "出厂检验覆盖化学成分、尺寸和硬度；客户技术协议要求的导电率既无检测手段也未委外，"
        "最近一次型式检验为 2024-08，超过协议约定的每年一次。",
        "Release tests cover composition, dimensions and hardness; the electrical conductivity "
        "the customer's specification requires is neither tested in house nor subcontracted, and "
        "the last type test (August 2024) is past the agreed yearly interval.",
    ),
    "SPC.4": (
        "拉拔外径有控制图，但只在 2025-06 算过一次 Cpk（1.12）；低于 1.33 后既无改进计划，也未加严检验。",
        "The drawn diameter is charted, but Cpk was computed once, in June 2025 (1.12); below 1.33 "
        "there is neither an improvement plan nor tightened inspection.",
    ),
    "MSA.3": (
        "MSA 只做了卡尺和千分尺的 GR&R；12 套螺纹和孔径通止规、成品表面目视检验没有做一致性分析，"
        "光谱仪没有偏倚和稳定性监控。",
        "MSA covers only the GR&R of calipers and micrometers; the 12 thread and bore go/no-go "
        "gauges and the visual surface inspection have no attribute agreement study, and the "
        "spectrometer has no bias or stability monitoring.",
    ),
    "SE.5": (
        "安全管理员岗位自 2025-10 空缺，由设备主任兼管；起重机安全技术档案缺 2025 年下半年的月度检查记录，"
        "日常点检表多处空白。",
        "The safety officer post has been vacant since October 2025 and is covered by the "
        "maintenance head; the crane's safety file lacks the monthly checks of late 2025 and the "
        "daily check sheets have many gaps.",
    ),
    "RES.1": (
        "车间按件数、质量部按批次统计一次交检合格率，口径不一；近 12 个月在 93%–96% 之间波动，未达 97% 的目标。",
        "The workshop counts pieces and the quality department counts lots, so first-pass yield "
        "has two definitions; over 12 months it moved between 93 % and 96 %, short of the 97 % goal.",
    ),
}

#: The chief quality officer's notes in the self-assessment (November 2025).
SELF_NOTES: dict[str, Pair] = {
    "QMS.3": (
        "质量目标只有公司级合格率一项，未分解到车间；月度统计从 7 月起中断。",
        "The only quality objective is the company-wide pass rate, not broken down by workshop; "
        "monthly figures stop in July.",
    ),
    "MET.5": (
        "计量器具失准后只做停用处理，没有评估已检产品。",
        "An out-of-tolerance instrument is only withdrawn; the products it measured are not "
        "assessed.",
    ),
    "MET.6": (
        "计量工作由检验员兼职，无人受过计量培训；计量管理制度仍是 2018 版。",
        "Metrology is a side job of an inspector with no metrology training; the metrology "
        "procedure dates from 2018.",
    ),
    "MET.7": (
        "熔炼电炉有独立电表，拉拔和退火共用一块总表，无法按工序核算能耗。",
        "The melting furnace has its own meter; drawing and annealing share one, so energy cannot "
        "be accounted per process.",
    ),
    "STD.1": (
        "标准清单 2023 年后未查新，GB/T 4423 仍列 2007 版。",
        "The list of standards has not been checked since 2023; it still cites GB/T 4423-2007.",
    ),
    "CA.5": (
        "链主建议取得绿色产品认证，尚未启动。",
        "The chain leader recommended green-product certification; nothing has started.",
    ),
    "CA.6": (
        "证书由办公室和质量部分别保管，没有统一台账和到期提醒。",
        "Certificates are kept by the office and by quality separately, with no common register or "
        "expiry reminder.",
    ),
    "CA.7": (
        "化验室未按 CNAS-CL01 管理，光谱仪期间核查无记录；给客户的检测报告没有 CMA 资质支撑。",
        "The laboratory is not run to CNAS-CL01, the spectrometer's intermediate checks are "
        "unrecorded, and reports given to customers have no CMA accreditation behind them.",
    ),
    "INS.1": (
        "电解铜有进货检验规范；废杂铜只目测验收，没有成分抽检规定。",
        "Cathode copper has an incoming inspection plan; scrap copper is accepted by eye, with no "
        "composition sampling.",
    ),
    "INS.4": (
        "导电率没有检测手段，型式检验未列入年度计划。",
        "No means to test electrical conductivity; type tests are not in the yearly plan.",
    ),
    "SPC.3": (
        "控制图上出现过连续 7 点上升，无处置记录，操作工不清楚反应计划。",
        "A run of 7 rising points on a chart has no reaction recorded; operators do not know the "
        "reaction plan.",
    ),
    "SPC.4": (
        "只在客户要求时计算过程能力，未定期评价。",
        "Capability is computed only when a customer asks, never periodically.",
    ),
    "MSA.3": (
        "未做偏倚、线性和稳定性分析，也没有计数型一致性分析。",
        "No bias, linearity or stability study, and no attribute agreement study.",
    ),
    "MSA.4": (
        "2025 年 GR&R 不可接受的硬度计维修后没有重新分析。",
        "The hardness tester whose GR&R was unacceptable in 2025 was repaired but not re-studied.",
    ),
    "APQP.3": (
        "PFMEA 2022 年编制后未更新，2025 年两起客诉的失效模式没有纳入。",
        "The PFMEA written in 2022 was never updated; the failure modes of two 2025 complaints "
        "are missing.",
    ),
    "SUP.1": (
        "两家废杂铜回收商未经评价即开始供货，合格供方名录 2024 年后未更新。",
        "Two scrap-copper dealers started supplying without evaluation; the approved supplier "
        "list has not been updated since 2024.",
    ),
    "SUP.4": (
        "来料合格率按季度统计，供应商问题只电话沟通，没有 8D 报告。",
        "Incoming pass rates are counted quarterly; supplier problems are settled by phone, with "
        "no 8D report.",
    ),
    "IP.3": (
        "英文商标 YTCOPPER 尚未注册，宣传册上却标注了 ®。",
        "The English mark YTCOPPER is not registered, yet the brochure shows it with ®.",
    ),
    "IP.4": (
        "熔铸配比和拉拔工艺参数放在共享盘上，没有分级授权；技术人员未签竞业限制协议。",
        "Melt recipes and drawing parameters sit on a shared drive without access levels; "
        "engineers have signed no non-compete agreement.",
    ),
    "SE.5": (
        "安全管理员岗位空缺，起重机和储气罐的安全技术档案不全，月度检查无记录。",
        "The safety officer post is vacant; the crane's and air receiver's safety files are "
        "incomplete and monthly checks unrecorded.",
    ),
    "RES.1": (
        "合格率由各车间各自统计，口径不一，无法与目标比较。",
        "Each workshop counts its pass rate its own way, so it cannot be compared with the goal.",
    ),
}

#: The clinic's findings: question id → (severity, title, description, evidence).
FINDINGS: dict[str, tuple[FindingSeverity, Pair, Pair, Pair]] = {
    "CA.6": (
        FindingSeverity.MAJOR_NC,
        (
            "宣传资料仍使用已过期的 ISO 14001 认证标志，且无证书台账",
            "Expired ISO 14001 mark still used in publicity; no certificate register",
        ),
        (
            "ISO 14001 证书 2025-12-15 到期后未再认证，2025 版宣传册和官网“资质荣誉”页仍印有该认证标志，"
            "属于使用失效认证标志；企业没有证书台账，也没有到期提醒。",
            "The ISO 14001 certificate expired on 2025-12-15 and was not renewed, yet the 2025 "
            "brochure and the website's credentials page still show its mark — use of a lapsed "
            "certification mark; the company keeps no certificate register or expiry reminder.",
        ),
        (
            "证书原件；全国认证认可信息公共服务平台查询结果（证书状态：过期）；宣传册第 2 页；官网截图。",
            "The original certificate; the national certification information platform "
            "(status: expired); brochure page 2; a screenshot of the website.",
        ),
    ),
    "MSA.3": (
        FindingSeverity.MINOR_NC,
        (
            "通止规和目视检验未做计数型一致性分析",
            "No attribute agreement study for go/no-go gauges and visual inspection",
        ),
        (
            "控制计划中 12 套螺纹和孔径通止规、成品表面目视检验用于放行判定，但 MSA 计划只覆盖计量型量具的 GR&R；"
            "光谱仪成分结果没有偏倚和稳定性监控。",
            "The control plan releases product with 12 thread and bore go/no-go gauges and a "
            "visual surface check, but the MSA plan covers only the GR&R of variable gauges; the "
            "spectrometer's results have no bias or stability monitoring.",
        ),
        (
            "MSA 计划（2025 版）；控制计划 CP-BR-03；询问成品检验员 2 名。",
            "MSA plan (2025); control plan CP-BR-03; interviews with two final inspectors.",
        ),
    ),
    "INS.4": (
        FindingSeverity.MINOR_NC,
        (
            "导电率无检测能力，型式检验超期",
            "Electrical conductivity not tested; type test overdue",
        ),
        (
            "客户技术协议要求每批提供导电率、每年做一次型式检验；企业既无涡流导电仪也未委外检测，"
            "最近一次型式检验报告日期为 2024-08-16。",
            "The customer's specification asks for conductivity on every lot and a type test "
            "every year; the company has no eddy-current conductivity meter, subcontracts nothing, "
            "and its last type-test report is dated 2024-08-16.",
        ),
        (
            "客户技术协议第 5 条；2024-08 型式检验报告；2026 年 1—2 月出厂检验记录。",
            "Customer specification clause 5; the August 2024 type-test report; release records "
            "of January–February 2026.",
        ),
    ),
    "MET.5": (
        FindingSeverity.MINOR_NC,
        (
            "千分尺校准超差后未追溯已放行产品",
            "Products released with an out-of-tolerance micrometer not re-evaluated",
        ),
        (
            "2026-01 外校发现 0–25 mm 千分尺示值误差 +6 μm，超出允许误差；量具已停用，但对 2025-10 以来"
            "用它检验放行的 38 批黄铜棒没有评估，也没有失准追溯程序。",
            "A January 2026 calibration found the 0–25 mm micrometer reading +6 μm, beyond its "
            "maximum permissible error; it was withdrawn, but the 38 brass-rod lots it had "
            "released since October 2025 were not assessed, and no procedure covers this.",
        ),
        (
            "校准证书（2026-01-09）；量具停用记录；2025-10 至 2026-01 出厂检验记录。",
            "Calibration certificate of 2026-01-09; the withdrawal record; release records from "
            "October 2025 to January 2026.",
        ),
    ),
    "SUP.3": (
        FindingSeverity.GOOD_PRACTICE,
        (
            "链主质量要求逐条分解到原料供应商",
            "The chain leader's requirements are passed down, clause by clause, to raw-material "
            "suppliers",
        ),
        (
            "企业把赣鄱铜业质量协议中的特殊特性和 4×100% 要求分解为对电解铜、废杂铜供应商的质量协议条款，"
            "每季度对照核查；2025 年在链主供应商 4 级评价中为 A 级。可在链上推广。",
            "The special characteristics and the 4 × 100 % requirements of Ganpo Copper's "
            "quality agreement are broken down into clauses of the cathode and scrap suppliers' "
            "agreements and checked quarterly; rated A in the leader's 2025 four-level "
            "evaluation. Worth spreading along the chain.",
        ),
        (
            "与链主及 3 家原料供应商的质量协议；2025 年链主供应商评价结果通知。",
            "Quality agreements with the leader and three raw-material suppliers; the leader's "
            "2025 evaluation letter.",
        ),
    ),
}

#: One action per nonconformity: question id → (title, description, owner, due, priority, status).
FINDING_ACTIONS: dict[str, tuple[Pair, Pair, str, date, Priority, ActionStatus]] = {
    "CA.6": (
        (
            "撤下印有过期 ISO 14001 标志的宣传资料，建立证书台账和到期提醒",
            "Withdraw publicity with the expired ISO 14001 mark; set up a certificate register "
            "with reminders",
        ),
        (
            "停发 2025 版宣传册，3 月底前更正官网；台账列明证书编号、范围、有效期和标志使用位置，到期前 90 天提醒；"
            "决定是否重新认证。",
            "Stop handing out the 2025 brochure and correct the website by the end of March; the "
            "register lists number, scope, validity and where each mark is used, with a reminder "
            "90 days before expiry; decide on recertification.",
        ),
        "王丽",
        date(2026, 4, 30),
        Priority.HIGH,
        ActionStatus.OPEN,
    ),
    "MSA.3": (
        (
            "补做通止规和目视检验的一致性分析，建立光谱仪偏倚与稳定性监控",
            "Run attribute agreement studies for the gauges and visual check; monitor the "
            "spectrometer's bias and stability",
        ),
        (
            "每套通止规取 50 件含边界样品，3 名检验员各判 3 次；光谱仪每班测标准样品并作单值控制图。",
            "For each gauge, 50 parts including borderline ones, 3 inspectors, 3 trials each; the "
            "spectrometer measures a reference sample every shift on an individuals chart.",
        ),
        "质量部 刘洋",
        date(2026, 5, 31),
        Priority.MEDIUM,
        ActionStatus.IN_PROGRESS,
    ),
    "INS.4": (
        (
            "委托 CMA 实验室完成型式检验（含导电率），纳入年度检验计划",
            "Have a CMA-accredited laboratory run the type test (with conductivity); put it in "
            "the yearly test plan",
        ),
        (
            "在能力评估完成前，导电率按批委外检测；评估购置涡流导电仪。",
            "Until in-house capability is decided, conductivity is tested outside for every lot; "
            "evaluate buying an eddy-current meter.",
        ),
        "检测中心 孙伟",
        date(2026, 6, 30),
        Priority.MEDIUM,
        ActionStatus.DONE,
    ),
    "MET.5": (
        (
            "评估超差千分尺放行的 38 批产品，制定计量器具失准追溯程序",
            "Assess the 38 lots released with the faulty micrometer; write an out-of-tolerance "
            "procedure",
        ),
        (
            "按留样复测和客户反馈评估影响，必要时通知客户；程序规定失准后追溯的范围、方法和记录。",
            "Re-measure retained samples and review customer feedback, telling customers if "
            "needed; the procedure sets the scope, method and records of such reviews.",
        ),
        "王丽",
        date(2026, 4, 30),
        Priority.HIGH,
        ActionStatus.OPEN,
    ),
}

#: The crane's periodic inspection expires on this date (shown on its inspection report and on
#: the special-equipment use mark); 特种设备安全法 Art. 40 asks for the inspection one month before.
CRANE_INSPECTION_EXPIRES = date(2026, 4, 20)
CRANE_APPLY_BY = date(2026, 3, 20)
CLINIC_DATE = date(2026, 3, 12)


class CaseAction(NamedTuple):
    title: Pair
    owner: str
    due: date
    status: ActionStatus
    verification: Pair


class Case(NamedTuple):
    """A problem the company brought, how far it got, and its action."""

    category: NqiCategory
    title: Pair
    symptom: Pair
    diagnosis: Pair
    prescription: Pair
    reached: CaseStatus
    resolved_on: date | None
    action: CaseAction


CASES: tuple[Case, ...] = (
    Case(
        NqiCategory.METROLOGY,
        ("三坐标测量机校准后复测数据偏差大", "CMM readings scatter after calibration"),
        (
            "异型材同一截面复测相差 0.02 mm，客户对出厂尺寸报告提出质疑。",
            "Re-measuring the same profile section differs by 0.02 mm; the customer questions the "
            "dimensional reports.",
        ),
        (
            "校准证书只给出单轴示值误差，未包含探测误差；测量室无温控，白天温差达 6 ℃。",
            "The calibration certificate gives single-axis errors only, not the probing error; the "
            "room is not air-conditioned and swings 6 °C during the day.",
        ),
        (
            "委托获 CNAS 认可的校准机构按 JJF 1064 全项校准；测量室加装恒温空调，控制在 (20 ± 2) ℃ 并记录温湿度。",
            "Have a CNAS-accredited laboratory calibrate it fully to JJF 1064; air-condition the "
            "room to (20 ± 2) °C and log temperature and humidity.",
        ),
        CaseStatus.RESOLVED,
        date(2026, 5, 18),
        CaseAction(
            (
                "按 JJF 1064 全项校准三坐标，测量室加装恒温空调",
                "Full JJF 1064 calibration of the CMM; air-condition the room",
            ),
            "计量室 周敏",
            date(2026, 5, 15),
            ActionStatus.VERIFIED,
            (
                "2026-05-18 复核：全项校准证书齐全，室温记录 19.2–20.8 ℃，同一截面复测差 ≤ 0.004 mm。",
                "Checked 2026-05-18: full calibration certificate on file, room 19.2–20.8 °C, "
                "repeat readings within 0.004 mm.",
            ),
        ),
    ),
    Case(
        NqiCategory.SPECIAL_EQUIPMENT,
        (
            "熔铸车间桥式起重机定期检验将到期，尚未申报",
            "Casting-shop overhead crane: periodic inspection due, not yet requested",
        ),
        (
            f"10 t 桥式起重机的定期检验报告和特种设备使用标志显示下次检验日期为 {CRANE_INSPECTION_EXPIRES}，"
            f"至 {CLINIC_DATE} 企业尚未向检验机构提出定期检验要求。",
            f"The 10 t overhead crane's last inspection report and its special-equipment use mark "
            f"give the next inspection as {CRANE_INSPECTION_EXPIRES}; by {CLINIC_DATE} the "
            "company had not asked an inspection body for it.",
        ),
        (
            "安全管理员岗位空缺，检验到期无人跟踪；企业不了解《特种设备安全法》第四十条须在检验合格有效期届满前"
            f"一个月提出定期检验要求，即最迟 {CRANE_APPLY_BY}。",
            "The safety officer post is vacant and nobody tracks due dates; the company did not "
            "know that Art. 40 of the Special Equipment Safety Law asks for the periodic "
            f"inspection one month before the validity ends, i.e. by {CRANE_APPLY_BY}.",
        ),
        (
            f"{CRANE_APPLY_BY} 前向特种设备检验机构提出定期检验要求，备齐安全技术档案、维护保养和自行检查记录；"
            "任命持证安全管理员，建立全部特种设备的检验到期台账并提前两个月提醒。有效期届满未检验合格的，停止使用。",
            f"Request the periodic inspection from an inspection body before {CRANE_APPLY_BY}, "
            "with the safety file, maintenance and self-check records ready; appoint a certified "
            "safety officer and keep a register of every special equipment's due dates with a "
            "two-month reminder. If the validity ends without a passed inspection, stop using it.",
        ),
        CaseStatus.PRESCRIBED,
        None,
        CaseAction(
            (
                f"{CRANE_APPLY_BY} 前申报起重机定期检验，任命持证安全管理员",
                f"Request the crane's periodic inspection by {CRANE_APPLY_BY}; appoint a certified "
                "safety officer",
            ),
            "设备部 吴刚",
            date(2026, 3, 19),
            ActionStatus.OPEN,
            ("", ""),
        ),
    ),
    Case(
        NqiCategory.STANDARDS,
        ("出口订单的产品执行标准不清楚", "Which standard applies to export orders is unclear"),
        (
            "美国客户订单要求按 ASTM B16 交付易切削黄铜棒，企业仍按 GB/T 4423 检验出厂。",
            "A US customer orders free-cutting brass rod to ASTM B16; the company still inspects "
            "and releases it to GB/T 4423.",
        ),
        ("", ""),
        ("", ""),
        CaseStatus.REGISTERED,
        None,
        CaseAction(
            (
                "比对 ASTM B16 与 GB/T 4423 的差异，修订出口产品检验规程",
                "Compare ASTM B16 with GB/T 4423; revise the export inspection instruction",
            ),
            "技术部 郑华",
            date(2026, 6, 15),
            ActionStatus.OPEN,
            ("", ""),
        ),
    ),
)
