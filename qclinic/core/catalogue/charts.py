"""The words drawn on figures (matplotlib): chart titles, axes, legends and headings."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # control charts (spc_figures.py)
    "title.xbar": ("X̄ 均值图", "X̄"),
    "title.r": ("R 极差图", "R (range)"),
    "title.s": ("S 标准差图", "S (standard deviation)"),
    "title.individuals": ("单值图 I", "Individuals"),
    "title.moving_range": ("移动极差图 MR", "Moving range"),
    "title.p": ("p 不合格品率图", "p (fraction nonconforming)"),
    "title.np": ("np 不合格品数图", "np (nonconforming units)"),
    "title.c": ("c 缺陷数图", "c (nonconformities)"),
    "title.u": ("u 单位缺陷数图", "u (nonconformities per unit)"),
    "title.ewma": ("EWMA 指数加权移动平均图", "EWMA"),
    "title.cusum_upper": ("CUSUM 上侧累积和", "CUSUM C⁺"),
    "title.cusum_lower": ("CUSUM 下侧累积和", "CUSUM −C⁻"),
    "subgroup_axis": ("子组 / 样本", "Subgroup / sample"),
    "point": ("第{n}点: {value}", "Point {n}: {value}"),
    "excluded": ("已排除:{reason}", "Excluded: {reason}"),
    # capability
    "data": ("数据", "Data"),
    "within": ("组内", "Within"),
    "overall": ("整体", "Overall"),
    "target": ("目标", "T"),
    "capability": ("过程能力", "Process capability"),
    # gage R&R (msa_figures.py)
    "repeatability": ("重复性", "Repeat"),
    "reproducibility": ("再现性", "Reprod"),
    "part_to_part": ("零件间", "Part-to-part"),
    "percent_contribution": ("%贡献", "% Contribution"),
    "percent_study_var": ("%研究变异", "% Study Var"),
    "percent_tolerance": ("%公差", "% Tolerance"),
    "components": ("变异分量", "Components of variation"),
    "r_by_appraiser": ("R 图(按评价人)", "R chart by appraiser"),
    "xbar_by_appraiser": ("X̄ 图(按评价人)", "X̄ chart by appraiser"),
    "by_part": ("按零件", "By part"),
    "by_appraiser": ("按评价人", "By appraiser"),
    "interaction": ("零件 × 评价人交互", "Part × appraiser interaction"),
    "gage_head": (
        "量具 R&R:%GRR = {grr:.1f}%({verdict}),ndc = {ndc}",
        "Gage R&R: %GRR = {grr:.1f}% ({verdict}), ndc = {ndc}",
    ),
    # linearity and bias
    "bias": ("偏倚", "Bias"),
    "mean_bias": ("平均偏倚", "Mean bias"),
    "regression": ("回归线", "Regression"),
    "reference": ("参考值", "Reference"),
    "linearity_head": (
        "量具线性与偏倚:偏倚 = {intercept:.4g} + {slope:.4g} × 参考值,"
        "R² = {r_squared:.3f},%线性 = {linearity:.2f}",
        "Gage linearity and bias: bias = {intercept:.4g} + {slope:.4g} × reference, "
        "R² = {r_squared:.3f}, %Linearity = {linearity:.2f}",
    ),
    # attribute agreement
    "within_appraisers": ("评价人自身", "Within appraisers"),
    "vs_standard": ("评价人与标准", "Appraiser vs standard"),
    "between_appraisers": ("评价人之间", "Between appraisers"),
    "percent": ("百分比", "Percent"),
    "agreement_head": (
        "属性一致性分析:kappa = {kappa}({verdict})",
        "Attribute agreement: kappa = {kappa} ({verdict})",
    ),
    # radar
    "radar_title": ("分项得分（%）", "Section scores (%)"),
    "radar_too_few": ("至少需要三个分项", "Needs at least three sections"),
    "na": ("不适用", "N/A"),
}
