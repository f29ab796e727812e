"""The chain report's words (产业链质量诊断报告: the PDF, its XLSX tables and its command line).

The modules of ``qclinic/reports/chain_*.py`` name these keys without the area
(``say("title", lang)`` is ``chain_report.title``); the words shared with the assessment report
(document id, page numbers, NQI field labels) stay in ``reports``.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "title": ("产业链质量诊断报告", "Industrial Chain Quality Diagnostic Report"),
    "chain": ("产业链", "Chain"),
    "leaders": ("链主企业", "Chain leaders"),
    "sector": ("所属行业", "Sector"),
    "region": ("地区", "Region"),
    "period": ("统计期间", "Period"),
    "period_value": ("{start} 至 {end}", "{start} to {end}"),
    "companies": ("企业数", "Companies"),
    "printed_on": ("出具日期", "Date of issue"),
    "issued_by": ("出具单位", "Issued by"),
    # the summary
    "summary": ("总体情况", "Summary"),
    "summary_intro": (
        "本报告汇总{chain}在 {period} 期间的质量诊断情况：链上企业的供应商分级评价结果及其变化、"
        "“4 个 100%”推进情况、首席质量官设立情况、质量服务与问题解决情况，以及各层级企业的明细。",
        "This report sums up the quality clinics of {chain} over {period}: how its "
        "suppliers stand on the 4-level evaluation and how that moved, how far the “4 × 100%” "
        "push has come, the chief quality officers appointed, the services delivered and the "
        "problems solved, and the detail of every company tier by tier.",
    ),
    "cqo": ("已设首席质量官", "Chief quality officers"),
    "services": ("质量服务（次）", "Services delivered"),
    "problems_solved_of": ("已解决 / 受理问题", "Problems solved / received"),
    "actions_open": ("未完成整改措施", "Open actions"),
    "actions_overdue": ("逾期整改措施", "Overdue actions"),
    "by_tier": ("按层级", "By tier"),
    "grades": ("供应商分级评价", "Supplier grades"),
    "grade": ("等级", "Grade"),
    "grade_a": ("A 级", "A"),
    "grade_b": ("B 级", "B"),
    "grade_c": ("C 级", "C"),
    "grade_d": ("D 级", "D"),
    "grade_ungraded": ("未评级", "Not graded"),
    "previous_period": ("上期末", "Previous period"),
    "this_period": ("本期末", "This period"),
    "movement": (
        "与上期末（{previous}）相比：等级上升 {rose} 家，下降 {fell} 家，持平 {same} 家，"
        "新评级 {new} 家。",
        "Since the end of the previous period ({previous}): {rose} rose, {fell} fell, "
        "{same} stayed, {new} newly graded.",
    ),
    "services_heading": ("质量服务与问题解决", "Services and problems solved"),
    "visits": ("诊断走访", "Visits"),
    "assessments": ("评估", "Assessments"),
    "cases": ("门诊案例", "Clinic cases"),
    "nqi_field": ("NQI 领域", "NQI field"),
    "received": ("受理", "Received"),
    "solved": ("已解决", "Solved"),
    "total": ("合计", "Total"),
    # coverage and the charts
    "charts": ("“4 个 100%”与图表", "4 × 100% and charts"),
    "coverage_rule": (
        "“4 个 100%”覆盖率 = 该项已落实的企业数 ÷ 链上企业数；是否落实取自各企业最近一次评估中"
        "标注了该项的题目。",
        "4 × 100% coverage = companies where the item is in place ÷ companies in the chain; "
        "whether it is in place comes from the tagged questions of each company's latest "
        "assessment.",
    ),
    "coverage_iso9001": ("ISO 9001 质量管理体系", "ISO 9001 quality management"),
    "coverage_apqp": ("APQP 产品质量先期策划", "APQP"),
    "coverage_msa": ("MSA 测量系统分析", "MSA"),
    "coverage_spc": ("SPC 统计过程控制", "SPC"),
    "chart_coverage": ("“4 个 100%”覆盖率", "4 × 100% coverage"),
    "chart_grades": ("供应商等级分布", "Suppliers by grade"),
    "chart_problems": ("各 NQI 领域问题受理与解决", "Problems received and solved by NQI field"),
    "chart_months": ("各月问题受理与解决", "Problems received and solved by month"),
    # the tier tables
    "members": ("各层级企业明细", "Companies tier by tier"),
    "members_legend": (
        "等级后的箭头表示与上期末相比的变化（↑ 上升，↓ 下降，→ 持平，• 新评级，× 不再有有效评级），"
        "括号内为上期等级；✓ 已落实，✗ 未落实，— 尚无评估。",
        "The arrow after a grade is its move since the previous period (↑ rose, ↓ fell, "
        "→ same, • newly graded, × no longer graded), the previous grade in brackets; "
        "✓ in place, ✗ not in place, — not yet assessed.",
    ),
    "tier_leaders": ("链主企业", "Chain leaders"),
    "tier_n": ("{n}级供应商", "Tier-{n} suppliers"),
    "col_no": ("序号", "No."),
    "col_company": ("企业", "Company"),
    "col_customer": ("供货对象", "Supplies"),
    "col_grade": ("等级", "Grade"),
    "col_score": ("得分", "Score"),
    "col_iso9001": ("ISO 9001", "ISO 9001"),
    "col_apqp": ("APQP", "APQP"),
    "col_msa": ("MSA", "MSA"),
    "col_spc": ("SPC", "SPC"),
    "col_cqo_short": ("质量官", "CQO"),
    "col_open": ("未完成", "Open"),
    "col_overdue": ("逾期", "Late"),
    "col_tier": ("层级", "Tier"),
    "col_previous_grade": ("上期等级", "Previous grade"),
    "col_trend": ("变化", "Trend"),
    # the problems solved
    "solved_heading": ("已解决的问题", "Problems solved"),
    "none_solved": ("本期没有已解决的问题。", "No problem was solved in this period."),
    "col_problem": ("问题", "Problem"),
    "col_prescription": ("处方", "Prescription"),
    "col_resolved": ("解决日期", "Solved on"),
    # referrals to NQI service providers (供需对接)
    "referrals": ("供需对接", "Referrals"),
    "referrals_heading": ("供需对接", "Referrals to service providers"),
    "referrals_intro": (
        "{period} 期间，经质量门诊转介、由服务机构完成交付的服务共 {n} 项，"
        "涉及链上企业 {companies} 家、服务机构 {providers} 家。",
        "Services delivered by providers on the clinic's referral over {period}: {n}; companies "
        "of the chain served: {companies}; providers: {providers}.",
    ),
    "chart_referrals": ("按 NQI 领域统计的供需对接", "Referrals delivered by NQI field"),
    "col_count": ("项数", "Referrals"),
    "col_provider": ("服务机构", "Provider"),
    "col_service": ("服务内容", "Service"),
    "col_requested": ("转介日期", "Requested"),
    "col_delivered": ("交付日期", "Delivered"),
    "col_dates": ("转介 / 交付", "Requested / delivered"),
    "col_status": ("状态", "Status"),
    "col_evidence": ("交付证据", "Evidence"),
    "sheet_referrals": ("供需对接", "Referrals"),
    # the closing page
    "closing": ("结论与签发", "Conclusions and sign-off"),
    "conclusion_coverage": (
        "“4 个 100%”尚未全覆盖的项目：{items}；建议将其列为下一阶段质量强链的重点。",
        "4 × 100% is not yet complete for {items}; these should lead the next stage of the "
        "campaign.",
    ),
    "conclusion_full_coverage": (
        "“4 个 100%”已在链上企业全部落实。",
        "4 × 100% is in place in every company of the chain.",
    ),
    "conclusion_overdue": (
        "截至期末有 {n} 项整改措施逾期，请链主督促相关企业限期完成。",
        "{n} improvement actions were overdue at the end of the period; the chain leader should "
        "see them completed.",
    ),
    "conclusion_no_overdue": (
        "截至期末没有逾期的整改措施。",
        "No improvement action was overdue at the end of the period.",
    ),
    "conclusion_weakest": (
        "得分最低的供应商：{names}，建议优先安排质量门诊回访。",
        "The lowest-scoring suppliers: {names}; they should be first for a follow-up clinic.",
    ),
    "prepared_by": ("编制", "Prepared by"),
    "reviewed_by": ("审核", "Reviewed by"),
    "approved_by": ("批准", "Approved by"),
    "date": ("日期", "Date"),
    "verify_note": (
        "本报告文档编号为 {document}，页脚印有所示数据的 SHA-256 指纹；"
        "可用 qclinic report verify 核验其是否为出具的原件。",
        "This report's document id is {document}; each page footer carries the SHA-256 of the "
        "data shown. qclinic report verify tells whether a copy is the one issued.",
    ),
    # the XLSX export
    "sheet_summary": ("汇总", "Summary"),
    "figure": ("指标", "Figure"),
    "value": ("数值", "Value"),
    "covered": ("已落实", "In place"),
    "of": ("链上企业数", "Companies in the chain"),
    # the command line
    "no_chain": ("没有编号为 {chain} 的产业链。", "There is no chain {chain}."),
    "written": (
        "{path}：{pages} 页，文档编号 {document}（已登记为出具文件），数据 SHA-256 {hash}",
        "{path}: {pages} pages, document {document} (registered as issued), data sha256 {hash}",
    ),
    "written_xlsx": (
        "{path}：汇总表及 {tiers} 个层级表",
        "{path}: the summary sheet and {tiers} tier sheets",
    ),
    "written_xlsx_referrals": (
        "{path}：汇总表、{tiers} 个层级表及供需对接表",
        "{path}: the summary sheet, {tiers} tier sheets and the referrals sheet",
    ),
    "chain_and_assessment": (
        "--chain 与评估编号只能二选一。",
        "Give either --chain or an assessment id, not both.",
    ),
    "bad_date": (
        "{option} {value}：日期应写作 YYYY-MM-DD。",
        "{option} {value}: write the date as YYYY-MM-DD.",
    ),
    "period_reversed": (
        "统计期间的起始日 {start} 晚于截止日 {end}。",
        "The period starts on {start}, after its end {end}.",
    ),
    "chain_not_docx": (
        "产业链报告只出 PDF（可核验）和 XLSX（表格）；{path} 两者都不是。",
        "A chain report is a PDF (verifiable) or an XLSX (its tables); {path} is neither.",
    ),
    "chain_options": (
        "产业链报告不能与评估编号、--plan-only、--demo 或 --format docx 同用。",
        "A chain report takes no assessment id, --plan-only, --demo or --format docx.",
    ),
    "chain_only_options": (
        "--from、--to 和 --xlsx 只用于产业链报告（--chain 产业链编号）。",
        "--from, --to and --xlsx are for the chain report only (--chain CHAIN_ID).",
    ),
    "no_out": (
        "请指定输出文件：--out 文件.pdf 或 --out 文件.xlsx（或 --xlsx 文件.xlsx）。",
        "Say where to write it: --out FILE.pdf or --out FILE.xlsx (or --xlsx FILE.xlsx).",
    ),
    # report verify (its lines are printed in English, like the rest of its output)
    "verify_issued": (
        "该文件与 {when} 由 {who} 出具的产业链报告逐字节一致（{lang}，{pages} 页，统计期间 {start} 至 {end}）",
        "the file is, byte for byte, the chain report issued {when} by {who} ({lang}, {pages} "
        "pages, period {start} to {end})",
    ),
    "verify_chain": ("这是“{name}”的产业链报告", "it is the report of the chain “{name}”"),
    "verify_no_chain": (
        "数据库中已没有产业链 {chain}",
        "the database no longer holds chain {chain}",
    ),
    "verify_before_referrals": (
        "该报告出具时尚无“供需对接”部分，此部分未予核对",
        "it was issued before the report had its referrals section, which is not checked",
    ),
    "verify_added": ("{what}为新增", "{what} was added"),
    "verify_removed": ("{what}已被删除", "{what} was removed"),
    "verify_differs": ("{what}与打印时不同", "{what} differs from the printed one"),
    "verify_member": ("企业“{name}”一行", "the row of company “{name}”"),
    "verify_case": ("已解决问题“{name}”", "the solved problem “{name}”"),
    "verify_header": (
        "封面信息（产业链、链主、行业、地区、统计期间）",
        "the cover facts (chain, leaders, sector, region, period)",
    ),
    "verify_figures": (
        "产业链指标（等级、“4 个 100%”覆盖率、服务、问题、整改措施）",
        "the chain's figures (grades, 4 × 100% coverage, services, problems, actions)",
    ),
    "verify_others": (
        "本数据库出具过该产业链的其他 {n} 份报告：{ids}",
        "this database issued {n} other report(s) of that chain: {ids}",
    ),
    "verify_never_issued": (
        "本数据库从未出具文档 {document}：它由另一套 QClinic 打印，或并非原件",
        "this database never issued a document {document}: it was printed by another QClinic "
        "installation, or it is not genuine",
    ),
    "verify_not_the_file": (
        "该文件不是出具的文档 {document}：其 SHA-256 为 {sha}，出具文件为 {issued}"
        "（{when} 由 {who} 出具）。文件在打印后被改动，或另一个文件冒用了该文档的标识",
        "this file is not the document {document} that was issued: its SHA-256 is {sha}, the "
        "issued file's is {issued} (issued {when} by {who}). It was altered after printing, or "
        "another file carries that document's stamp",
    ),
    "verify_longer": (
        "它比出具的文件长 {n} 字节（{size} 对 {issued}）",
        "it is {n} bytes longer than the issued file ({size} against {issued})",
    ),
    "verify_shorter": (
        "它比出具的文件短 {n} 字节（{size} 对 {issued}）",
        "it is {n} bytes shorter than the issued file ({size} against {issued})",
    ),
    "verify_pages": (
        "它有 {pages} 页；出具的文档有 {issued} 页",
        "it has {pages} pages; the issued document had {issued}",
    ),
    "verify_actions_moved": (
        "整改措施的未完成、逾期数量自打印以来有变化",
        "the open and overdue actions moved on since printing",
    ),
    "verify_hash": (
        "其元数据中的数据指纹不是出具时的指纹",
        "the data hash in its metadata is not the issued one",
    ),
    # printing from the app and the register
    "no_companies": (
        "产业链“{chain}”中还没有企业，无可出具的报告：请先添加链主企业及其供应商。",
        "The chain “{chain}” has no company yet, so there is nothing to report: add its leader "
        "and suppliers first.",
    ),
}
