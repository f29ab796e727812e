"""MSA: gage R&R, linearity and bias, attribute agreement — their checks and verdicts."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "what.measurements": ("测量值", "measurements"),
    "what.references": ("参考值", "reference values"),
    # gage R&R
    "gage_lengths": (
        "零件、操作员和测量值三列的长度不同",
        "part, operator and measurement columns have different lengths",
    ),
    "part_blank": ("第 {n} 个测量值：零件为空", "measurement {n}: the part is blank"),
    "operator_blank": ("第 {n} 个测量值：操作员为空", "measurement {n}: the operator is blank"),
    "gage_parts": ("量具研究至少需要 2 个零件", "a gage study needs at least 2 parts"),
    "gage_operators": (
        "交叉型量具研究至少需要 2 名操作员",
        "a crossed gage study needs at least 2 operators",
    ),
    "gage_unbalanced": (
        "研究不平衡：零件 {part}、操作员 {operator} 有 {got} 个测量值，而其他组合有 {trials} 个；"
        "每名操作员对每个零件的测量次数必须相同",
        "unbalanced study: part {part}, operator {operator} has {got} measurements where the "
        "others have {trials}; every operator must measure every part the same number of times",
    ),
    "gage_trials": (
        "量具研究要求每个零件、每名操作员至少测量 2 次",
        "a gage study needs at least 2 trials per part and operator",
    ),
    "unknown_method": (
        "未知的量具 R&R 方法 {method!r}；请用 anova 或 xbar-r",
        "unknown gage R&R method {method!r}; use anova or xbar-r",
    ),
    "tolerance_positive": ("公差必须为正数", "the tolerance must be a positive number"),
    "pool_alpha": (
        "交互作用合并阈值必须在 0 到 1 之间",
        "the interaction pooling threshold must be between 0 and 1",
    ),
    "study_multiplier": (
        "研究变差的倍数必须为正数",
        "the study variation multiplier must be positive",
    ),
    "average_range_limit": (
        "均值极差法最多支持 25 个零件、操作员或测量次数",
        "the average and range method supports up to 25 parts/operators/trials",
    ),
    "zero_measurements": (
        "零变差：所有测量值都相同",
        "zero variation: every measurement is the same",
    ),
    "zero_repeatability": (
        "试验之间零变差：无法估计重复性",
        "zero variation between trials: repeatability cannot be estimated",
    ),
    "zero_variation": (
        "零变差：研究中完全没有变差",
        "zero variation: the study shows no variation at all",
    ),
    "verdict.acceptable": ("可接受", "acceptable"),
    "verdict.conditional": ("有条件接受", "conditionally acceptable"),
    "verdict.unacceptable": ("不可接受", "unacceptable"),
    "ndc_undefined": ("ndc 无法计算（量具无变差）", "ndc undefined (no gage variation)"),
    "ndc_adequate": ("ndc = {ndc} \u2265 5：足够", "ndc = {ndc} \u2265 5: adequate"),
    "ndc_inadequate": (
        "ndc = {ndc} < 5：不足，无论 %GRR 如何，该量具都无法区分零件",
        "ndc = {ndc} < 5: inadequate, the gage cannot tell parts apart whatever %GRR says",
    ),
    # linearity and bias
    "linearity_lengths": (
        "参考值和测量值两列的长度不同",
        "reference and measurement columns have different lengths",
    ),
    "process_variation": ("过程变差必须为正数", "the process variation must be a positive number"),
    "linearity_levels": (
        "线性研究至少需要 2 个不同的参考值",
        "a linearity study needs at least 2 different reference values",
    ),
    "zero_bias_variation": (
        "零变差：每个读数的偏倚都相同",
        "zero variation: every reading has the same bias",
    ),
    "single_reading": (
        "参考值 {level:g} 只有一个读数；每个参考值至少需要 2 个",
        "reference {level:g} has a single reading; each needs at least 2",
    ),
    # attribute agreement
    "column.part": ("零件", "part"),
    "column.appraiser": ("评价人", "appraiser"),
    "column.trial": ("试验次数", "trial"),
    "column.standard": ("标准", "standard"),
    "column.rating": ("评定结果", "rating"),
    "column_lengths": (
        "{name}列与评定结果列的长度不同",
        "the {name} and value columns have different lengths",
    ),
    "no_ratings": ("属性一致性分析：没有评定结果", "attribute agreement: no ratings"),
    "at_rating": ("第 {n} 个评定", "rating {n}"),
    "at_row": ("第 {n} 行", "row {n}"),
    "blank": ("{where}：{what}为空", "{where}: the {what} is blank"),
    "trial_blank": ("{where}：试验次数为空", "{where}: the trial is blank"),
    "rated_twice": (
        "{where}：评价人 {appraiser} 在第 {trial} 次试验中对零件 {part} 评定了两次",
        "{where}: appraiser {appraiser} rated part {part} twice in trial {trial}",
    ),
    "standard_blank": (
        "{where}：零件 {part} 的标准为空",
        "{where}: the standard of part {part} is blank",
    ),
    "two_standards": (
        "{where}：零件 {part} 此处的标准为 {ref!r}，之前却为 {before!r}；一个零件只能有一个标准",
        "{where}: part {part} has the standard {ref!r} here but {before!r} before; a part has "
        "one standard",
    ),
    "attribute_unbalanced_one": (
        "研究不平衡：评价人 {appraiser} 对零件 {part} 评定了 {count} 次，而其他组合为 {m} 次；"
        "每名评价人对每个零件的评定次数必须相同",
        "unbalanced study: appraiser {appraiser} rated part {part} {count} time where the others "
        "have {m}; every appraiser must rate every part the same number of times",
    ),
    "attribute_unbalanced_many": (
        "研究不平衡：评价人 {appraiser} 对零件 {part} 评定了 {count} 次，而其他组合为 {m} 次；"
        "每名评价人对每个零件的评定次数必须相同",
        "unbalanced study: appraiser {appraiser} rated part {part} {count} times where the "
        "others have {m}; every appraiser must rate every part the same number of times",
    ),
    "attribute_parts": (
        "属性一致性研究至少需要 2 个零件",
        "an attribute agreement study needs at least 2 parts",
    ),
    "nothing_to_compare": (
        "无可比较：只有一名评价人、一次试验且没有标准；请增加试验次数、评价人或标准列",
        "nothing to compare: one appraiser with one trial and no standard; add trials, "
        "appraisers or the standard column",
    ),
    "kappa.good": ("良好（kappa \u2265 0.75）", "good (kappa \u2265 0.75)"),
    "kappa.marginal": (
        "勉强可接受（0.40 \u2264 kappa < 0.75）",
        "marginal (0.40 \u2264 kappa < 0.75)",
    ),
    "kappa.poor": ("差（kappa < 0.40）", "poor (kappa < 0.40)"),
}
