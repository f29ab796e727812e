"""The campaign dashboard's chart words (:mod:`qclinic.charts.portfolio_figures`)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "no_data": ("暂无数据", "No data yet"),
    "companies": ("企业数", "Companies"),
    # supplier grades, now and in the previous period
    "grades_title": ("供应商质量等级分布(四级评价)", "Supplier grades (4-level evaluation)"),
    "grade": ("{grade} 级", "Grade {grade}"),
    "ungraded": ("未评级", "Not graded"),
    "period_now": ("本期", "This period"),
    "period_previous": ("上期", "Previous period"),
    # 4 × 100% coverage
    "coverage_title": ("“4 个 100%”覆盖率", "4 × 100% coverage"),
    "share": ("{covered}/{of} · {share:.0f}%", "{covered}/{of} · {share:.0f}%"),
    "share_axis": ("覆盖企业占比(%)", "Share of companies (%)"),
    # problems by NQI field
    "problems_title": ("按 NQI 要素统计的问题", "Problems by NQI field"),
    "received": ("受理", "Received"),
    "solved": ("解决", "Solved"),
    # what the list of companies behind a figure says of each
    "in_place": ("已落实", "In place"),
    "tier": ("{tier} 级供应商", "Tier {tier} supplier"),
    "not_in_place": ("未落实", "Not in place"),
    "overdue": ("有逾期整改项", "Has overdue actions"),
    # … and of each company behind a services or problems figure: its events counted
    "events_visit": ("走访 {n} 次", "{n} visits"),
    "events_visit_one": ("走访 {n} 次", "{n} visit"),
    "events_assessment": ("评估 {n} 次", "{n} assessments"),
    "events_assessment_one": ("评估 {n} 次", "{n} assessment"),
    "events_case": ("案例 {n} 个", "{n} cases"),
    "events_case_one": ("案例 {n} 个", "{n} case"),
    "events_solved": ("解决 {n} 个", "{n} solved"),
    "events_solved_one": ("解决 {n} 个", "{n} solved"),
    "events_referral": ("供需对接 {n} 项", "{n} referrals delivered"),
    "events_referral_one": ("供需对接 {n} 项", "{n} referral delivered"),
    # services over time
    "services_title": ("按月统计的质量服务", "Services by month"),
    "services_axis": ("服务次数", "Services"),
    "visits": ("走访", "Visits"),
    "assessments": ("评估", "Assessments"),
    "cases": ("门诊案例", "Clinic cases"),
    "referrals": ("供需对接", "Referrals"),
}
