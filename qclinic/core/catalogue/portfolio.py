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
