"""Running an SPC analysis: the chart dispatch of :mod:`qclinic.core.spc.analysis`."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "unknown_chart": ("未知的控制图类型 {chart!r}", "unknown chart {chart!r}"),
    "too_few_points": (
        "数据集至少需要 2 个完整子组才能绘制控制图",
        "the dataset needs at least 2 complete subgroups for a chart",
    ),
    "phase1_range": (
        "第一阶段 {first}–{last} 无效：须满足 1 ≤ 起点 < 终点 ≤ {points}",
        "phase I {first}-{last}: need 1 <= first < last <= {points}",
    ),
    "needs_counts": (
        "p、np、c、u 图需要计数数据：请导入计数型数据",
        "the p, np, c and u charts need counts: import attribute data",
    ),
    "needs_values": (
        "该控制图需要计量值，不能用计数数据",
        "this chart needs measured values, not counts",
    ),
    "unequal_subgroups": (
        "{chart} 图要求各子组样本量相同；空白或非数字的值使部分子组不完整。"
        "请改用 X̄-R 或 X̄-S 图（按子组样本量分别计算控制限），或补齐这些值",
        "the {chart} chart needs subgroups of one size; blank or non-numeric values left some "
        "subgroups short: use an X-bar-R or X-bar-S chart (limits per subgroup size) or fill "
        "the values in",
    ),
    "imr_one_value": (
        "I-MR 图每个子组只取一个值（命令行用 --value-col 指定一列）；子组有多个值时请用 X̄-R 或 X̄-S 图",
        "the I-MR chart takes one value per subgroup (one value column, --value-col); "
        "use X-bar-R or X-bar-S for subgroups",
    ),
    "needs_gage_study": (
        "量具 R&R 需要量具研究数据（零件、测量人、测量值）",
        "the gage R&R view needs a gage study (part, operator, value)",
    ),
}
