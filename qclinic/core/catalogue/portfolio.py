"""The chain view's figures (qclinic/core/portfolio.py, ``qclinic portfolio``, ``qclinic demo
--chains``): the 4 x 100% tags of checklists, the command's table and its messages."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "coverage_twice": (
        "“4个100%”的 {key} 已由题目 {other} 判定；每份检查表中每一项只能由一道题判定。",
        "{key} of the 4 x 100% is already decided by question {other}; in one checklist each "
        "may be decided by one question only.",
    ),
    "coverage_repeated": (
        "重复章节（按过程步骤逐一评价）中的题目不能判定“4个100%”。",
        "A question of a repeated section (asked per process step) cannot decide the 4 x 100%.",
    ),
}
ENTRIES.update(
    {
        # the columns of `qclinic portfolio` (two header lines: Chinese, then English)
        "col_chain": ("产业链", "Chain"),
        "col_companies": ("企业", "Companies"),
        "col_grades": ("A/B/C/D/未评", "A/B/C/D/none"),
        "col_iso9001": ("ISO 9001", "ISO 9001"),
        "col_apqp": ("APQP", "APQP"),
        "col_msa": ("MSA", "MSA"),
        "col_spc": ("SPC", "SPC"),
        "col_cqo": ("首席质量官", "CQO"),
        "col_services": ("走访/评价/案例", "Visits/assess./cases"),
        "col_problems": ("受理/解决", "Received/solved"),
        "col_actions": ("未关闭/逾期", "Open/overdue"),
        "total": ("合计（企业不重复计）", "Total (each company once)"),
        "period": (
            "统计期 {start} 至 {end}；措施截至 {today}",
            "Period {start} to {end}; actions as of {today}",
        ),
        "period_open": ("截至 {end}；措施截至 {today}", "As of {end}; actions as of {today}"),
        "no_chains": (
            "没有符合条件的产业链（或产业链中还没有企业）。",
            "No chain matches (or the chains have no companies yet).",
        ),
        "bad_date": (
            "日期 {value} 无效：请写成 YYYY-MM-DD，例如 2026-01-31。",
            "Invalid date {value}: write it as YYYY-MM-DD, for example 2026-01-31.",
        ),
        "from_after_to": (
            "起始日期 {start} 晚于截止日期 {end}。",
            "The start date {start} is after the end date {end}.",
        ),
    }
)
ENTRIES.update(
    {
        "province_sizes": (
            "合成省份至少要有1条产业链，每条产业链至少2家企业。",
            "A synthetic province needs at least 1 chain and 2 companies per chain.",
        ),
        "province_not_empty": (
            "该数据文件夹已有 {count} 家企业：合成省份只写入没有企业的数据文件夹"
            "（用 --data-dir 指定一个新文件夹），以免虚构数据与真实数据混在一起。",
            "This data folder already has {count} companies: a synthetic province is only "
            "written into a data folder without companies (name a new one with --data-dir), so "
            "made-up data never mixes with real data.",
        ),
        "province_written": (
            "合成省份已写入：{chains} 条产业链，{organizations} 家企业，{assessments} 份评价，"
            "{answers} 条答案，{visits} 次走访，{cases} 个门诊案例，{actions} 项改进措施。",
            "Synthetic province written: {chains} chains, {organizations} companies, "
            "{assessments} assessments, {answers} answers, {visits} visits, {cases} clinic "
            "cases, {actions} improvement actions.",
        ),
    }
)
