"""SPC: reading tables (CSV, XLSX, pasted), checking data and options, rules and verdicts.

``{source}`` is a file name or "pasted data"; ``{where}`` a cell (``spc.cell``); ``{what}`` the
data a message is about (``spc.what.*``).
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # --- reading a table (tabular.py) ---
    "cell": ("第 {row} 行、{column} 列", "row {row}, column {column}"),
    "no_column": (
        "{source}：没有列 {column!r}；现有的列为 {columns}",
        "{source}: no column {column!r}; the columns are {columns}",
    ),
    "cell_blank": ("{source}：{where}为空", "{source}: {where} is blank"),
    "cell_not_number": (
        "{source}：{where}：{cell!r} 不是数字",
        "{source}: {where}: {cell!r} is not a number",
    ),
    "cell_not_finite": (
        "{source}：{where}：{cell!r} 不是有限数值",
        "{source}: {where}: {cell!r} is not a finite number",
    ),
    "table_empty": ("{source}：表格为空", "{source}: the table is empty"),
    "header_only": (
        "{source}：表格只有表头，没有数据行",
        "{source}: the table has a header but no data rows",
    ),
    "header_columns_one": ("{n} 列", "{n} column"),
    "header_columns_many": ("{n} 列", "{n} columns"),
    "row_too_long_one": (
        "{source}：第 {row} 行有 {filled} 个单元格，但表头只有 {columns}（{header}），"
        "多出的单元格为 {extra}。请为每一列加上表头，或检查分隔符和小数点"
        "（不识别千位分隔符，请删除）",
        "{source}: row {row} has {filled} cells but the header has {columns} "
        "({header}); the extra cell is {extra}. Give every column a header, or check the "
        "separator and decimal mark (thousands separators are not read: remove them)",
    ),
    "row_too_long_many": (
        "{source}：第 {row} 行有 {filled} 个单元格，但表头只有 {columns}（{header}），"
        "多出的单元格为 {extra}。请为每一列加上表头，或检查分隔符和小数点"
        "（不识别千位分隔符，请删除）",
        "{source}: row {row} has {filled} cells but the header has {columns} "
        "({header}); the extra cells are {extra}. Give every column a header, or check the "
        "separator and decimal mark (thousands separators are not read: remove them)",
    ),
    "ambiguous_comma": (
        "{source}：各行形如 {header!r}，其中的逗号既可能是列分隔符，也可能是小数点，"
        "而首行不是表头，无法判断。请选择小数点符号（--decimal comma 或 --decimal point），"
        "或加上表头行",
        "{source}: the lines look like {header!r}: the comma may separate two columns or be a "
        "decimal comma, and the first row is no header to tell. Choose the decimal mark "
        "(--decimal comma or --decimal point), or add a header row",
    ),
    "unknown_decimal": (
        "未知的小数点符号 {decimal!r}；请用 point 或 comma",
        "unknown decimal mark {decimal!r}; use point or comma",
    ),
    "no_data": ("{source}：没有数据", "{source}: no data"),
    "file_not_found": ("找不到文件：{file}", "file not found: {file}"),
    "bad_workbook": (
        "{file}：不是可读取的 XLSX 工作簿（{error}）",
        "{file}: not a readable XLSX workbook ({error})",
    ),
    "no_sheet": ("{file}：没有工作表 {sheet!r}", "{file}: no sheet {sheet!r}"),
    "undecodable": (
        "{file}：无法识别文本编码（应为 UTF-8 或 GB18030）",
        "{file}: cannot decode the text (expected UTF-8 or GB18030)",
    ),
    "choose_columns": (
        "请至少选择一列作为子组数值",
        "choose at least one column for the subgroup values",
    ),
    "subgroup_no_number": (
        "{source}：子组 {subgroup} 没有数值",
        "{source}: subgroup {subgroup} has no numeric value",
    ),
    "subgroup_sizes_differ": (
        "{source}：子组 {subgroup} 有 {size} 个数值，而其他子组有 {common} 个；各子组的样本量必须相同",
        "{source}: subgroup {subgroup} has {size} values where the others have {common}; "
        "subgroups must have the same size",
    ),
    "negative_count_cell": (
        "{source}：{where}：计数 {value:g} 为负数",
        "{source}: {where}: negative count {value:g}",
    ),
    "size_not_positive_cell": (
        "{source}：{where}：样本量 {value:g} 必须大于 0",
        "{source}: {where}: sample size {value:g} must be above 0",
    ),
    # --- the data a message is about ---
    "what.counts": ("计数", "counts"),
    "what.sizes": ("样本量", "sample sizes"),
    "what.chart_data": ("{chart} 数据", "{chart} data"),
    "what.individuals": ("单值", "individuals"),
    "what.values": ("数值", "values"),
    "what.capability": ("过程能力数据", "capability data"),
    "what.chart": ("{chart} 图", "{chart} chart"),
    "what.imr": ("I-MR 图", "I-MR chart"),
    # --- checking arrays (validation.py) ---
    "value_not_number": (
        "{what}：位置 {where} 的值 {item!r} 不是数字",
        "{what}: value {item!r} at position {where} is not a number",
    ),
    "values_not_numbers": ("{what}：数值不是数字", "{what}: values are not numbers"),
    "one_column": ("{what}：应为单独一列数字", "{what}: expected a single column of numbers"),
    "too_few_values": (
        "{what}：至少需要 {minimum} 个数值，实际只有 {count} 个",
        "{what}: need at least {minimum} values, got {count}",
    ),
    "value_blank": ("{what}：第 {n} 个值为空或 NaN", "{what}: value {n} is blank or NaN"),
    "value_infinite": ("{what}：第 {n} 个值为无穷大", "{what}: value {n} is infinite"),
    "ragged": (
        "{what}：各子组的样本量不同 {sizes}",
        "{what}: subgroups have different sizes {sizes}",
    ),
    "row_per_subgroup": ("{what}：每个子组应为一行", "{what}: expected one row per subgroup"),
    "too_few_subgroups": (
        "{what}：至少需要 {minimum} 个子组，实际只有 {count} 个",
        "{what}: need at least {minimum} subgroups, got {count}",
    ),
    "subgroup_too_small": (
        "{what}：每个子组至少需要 {minimum} 个数值",
        "{what}: need subgroups of at least {minimum} values",
    ),
    "subgroup_value_blank": (
        "{what}：第 {row} 个子组的第 {col} 个值为空或 NaN",
        "{what}: subgroup {row}, value {col} is blank or NaN",
    ),
    "subgroup_value_infinite": (
        "{what}：第 {row} 个子组的第 {col} 个值为无穷大",
        "{what}: subgroup {row}, value {col} is infinite",
    ),
    "subgroup_empty": ("{what}：第 {row} 个子组没有数值", "{what}: subgroup {row} has no values"),
    "phase1_outside": (
        "第一阶段范围 {start}-{stop} 超出了数据中的 {count} 个子组",
        "phase I range {start}-{stop} is outside the {count} subgroups in the data",
    ),
    "excluded_outside": (
        "排除的第 {point} 点不在数据范围内（1-{count}）",
        "excluded point {point} is not in the data (1-{count})",
    ),
    "excluded_reason": (
        "排除第 {point} 点须记录原因",
        "excluded point {point} needs a recorded reason",
    ),
    "too_few_left": (
        "{what}：只剩 {left} 个子组可用于估计控制限，至少需要 {minimum} 个",
        "{what}: only {left} subgroups left to estimate the limits; need at least {minimum}",
    ),
    # --- attribute charts ---
    "negative_count": (
        "计数：第 {n} 个样本的计数为负数（{count:g}）",
        "counts: sample {n} has a negative count ({count:g})",
    ),
    "fractional_count": (
        "计数：第 {n} 个样本的计数 {count:g} 不是整数",
        "counts: sample {n} count {count:g} is not a whole number",
    ),
    "sizes_mismatch": (
        "样本量：{sizes} 个样本量对应 {count} 个计数",
        "sample sizes: {sizes} sizes for {count} counts",
    ),
    "size_not_positive": (
        "样本量：第 {n} 个样本的样本量为 {size:g}；样本量必须大于 0",
        "sample sizes: sample {n} has size {size:g}; sizes must be > 0",
    ),
    "unknown_attribute_chart": (
        "未知的计数型控制图 {chart!r}；请用 p、np、c 或 u",
        "unknown attribute chart {chart!r}; use p, np, c or u",
    ),
    "sigmas_positive": (
        "控制限的 σ 倍数必须为正数",
        "the number of sigmas for the limits must be positive",
    ),
    "sigmas_positive_got": (
        "控制限的 σ 倍数必须为正数，实际为 {sigmas}",
        "the number of sigmas for the limits must be positive, got {sigmas}",
    ),
    "sizes_whole": (
        "p 图和 np 图的样本量必须为整数",
        "sample sizes must be whole numbers for p and np charts",
    ),
    "count_over_size": (
        "第 {n} 个样本：检验 {size:g} 件，不合格品却有 {count:g} 件",
        "sample {n}: {count:g} nonconforming out of only {size:g} inspected",
    ),
    "constant_size": (
        "{chart} 图要求样本量恒定；请改用 {other} 图",
        "the {chart} chart needs a constant sample size; use a {other} chart",
    ),
    "standard_positive": ("给定的标准值必须为正数", "the given standard must be a positive number"),
    "zero_fraction": (
        "零变差：第一阶段的不合格品率为 {pbar:g}，控制限无法成立；请收集更多样本",
        "zero variation: the fraction nonconforming in phase I is {pbar:g}, so the limits "
        "collapse; collect more samples",
    ),
    "zero_defects": (
        "零变差：第一阶段没有缺陷，无法计算控制限",
        "zero variation: no nonconformities in phase I, so no limits",
    ),
    # --- variables and time-weighted charts ---
    "given_number": ("给定的{what}必须是数字", "the given {what} must be a number"),
    "given_positive": ("给定的{what}必须是正数", "the given {what} must be a positive number"),
    "given.mean": ("均值", "mean"),
    "given.sigma": ("标准差", "sigma"),
    "given.target_mean": ("目标均值", "target mean"),
    "unknown_dispersion": (
        "未知的离散图 {dispersion!r}",
        "unknown dispersion chart {dispersion!r}",
    ),
    "needs_subgroups": (
        "{chart} 要求每个子组至少 2 个数值；请改用 I-MR 图",
        "{chart} needs subgroups of at least 2 values; use an I-MR chart",
    ),
    "size_over_25": (
        "子组样本量 {n} 超过 25：大子组请用 X-bar-S 图",
        "subgroup size {n} is over 25: use an X-bar-S chart for large subgroups",
    ),
    "subgroup_single": (
        "{chart}：第 {row} 个子组只有 {size} 个数值；每个子组至少需要 2 个（单值请用 I-MR 图）",
        "{chart}: subgroup {row} has only {size} value; every subgroup needs at least 2 "
        "(use an I-MR chart for single values)",
    ),
    "subgroup_over_25": (
        "第 {row} 个子组有 {size} 个数值，超过 25：请用 X-bar-S 图",
        "subgroup {row} has {size} values, over 25: use an X-bar-S chart",
    ),
    "no_moving_range": (
        "I-MR 图：没有剩下相邻的两点，无法计算移动极差",
        "I-MR chart: no two consecutive points left to compute a moving range",
    ),
    "zero_moving_ranges": (
        "零变差：移动极差全部为零",
        "zero variation: the moving ranges are all zero",
    ),
    "zero_std": (
        "零变差：各子组标准差全部为零",
        "zero variation: the subgroup standard deviations are all zero",
    ),
    "ewma_lambda": (
        "EWMA 的 λ 必须在 (0, 1] 内，实际为 {lam}",
        "EWMA lambda must be in (0, 1], got {lam}",
    ),
    "cusum_k": (
        "CUSUM 的 k 必须为零或正数，实际为 {k}",
        "CUSUM k must be zero or positive, got {k}",
    ),
    "cusum_h": ("CUSUM 的 h 必须为正数，实际为 {h}", "CUSUM h must be positive, got {h}"),
    "cusum_headstart": (
        "CUSUM 的初始值（headstart）必须在 [0, 1) 内，实际为 {headstart}",
        "CUSUM headstart must be in [0, 1), got {headstart}",
    ),
    # --- sigma and constants ---
    "zero_variation_of": (
        "零变差：{what}全部为零，无法计算控制限",
        "zero variation: {what} are all zero, so no control limits can be computed",
    ),
    "what.ranges": ("子组极差", "the subgroup ranges"),
    "what.std": ("子组标准差", "the subgroup standard deviations"),
    "what.moving_ranges": ("移动极差", "the moving ranges"),
    "what.deviations": ("与均值的偏差", "the deviations from the mean"),
    "rbar_over_25": (
        "子组样本量 {n} 超过 25：请用 sbar 或 pooled，而不是 rbar",
        "subgroup size {n} is over 25: use sbar or pooled instead of rbar",
    ),
    "rbar_over_25_any": (
        "子组样本量超过 25：请用 sbar 或 pooled，而不是 rbar",
        "subgroup size over 25: use sbar or pooled instead of rbar",
    ),
    "moving_range_two": (
        "至少需要相邻的 2 个点才能计算移动极差",
        "need at least 2 consecutive points to compute a moving range",
    ),
    "mrbar_individuals": (
        "sigma 估计方法 mrbar 仅适用于单值（子组样本量为 1）",
        "sigma method mrbar is for individuals (subgroups of 1)",
    ),
    "unknown_sigma": (
        "未知的 sigma 估计方法 {method!r}；请用 {methods} 之一",
        "unknown sigma method {method!r}; use one of {methods}",
    ),
    "sigma_needs_two": (
        "sigma 估计方法 {method} 要求子组至少 2 个数值；请用 mrbar",
        "sigma method {method} needs subgroups of at least 2; use mrbar",
    ),
    "subgroup_needs_two": (
        "第 {row} 个子组只有 {size} 个数值；至少需要 2 个",
        "subgroup {row} has {size} value(s); need at least 2",
    ),
    "overall_needs_two": (
        "至少需要 2 个数值才能估计总体标准差",
        "need at least 2 values to estimate the overall standard deviation",
    ),
    "size_integer": (
        "子组样本量必须为不小于 2 的整数，实际为 {n!r}",
        "subgroup size must be an integer of at least 2, got {n!r}",
    ),
    "size_over": (
        "子组样本量 {n} 超过 {upper}：此时极差的效率下降；请改用 X-bar-S 图",
        "subgroup size {n} is over {upper}: ranges lose efficiency there; use an X-bar-S chart "
        "instead",
    ),
    "unknown_constants": (
        "未知的控制图系数 {mode!r}；请用 {modes}",
        "unknown chart constants {mode!r}; use {modes}",
    ),
    # --- capability and normality ---
    "thresholds_numbers": (
        "过程能力阈值必须是三个数 NEW,CAPABLE,CONDITIONAL，实际为 {thresholds!r}",
        "capability thresholds must be three numbers NEW,CAPABLE,CONDITIONAL, got {thresholds!r}",
    ),
    "thresholds_three": (
        "过程能力阈值必须是三个数 NEW,CAPABLE,CONDITIONAL（例如 1.67,1.33,1.00），"
        "实际为 {thresholds!r}",
        "capability thresholds must be three numbers NEW,CAPABLE,CONDITIONAL "
        "(e.g. 1.67,1.33,1.00), got {thresholds!r}",
    ),
    "thresholds_order": (
        "过程能力阈值必须满足 NEW >= CAPABLE >= CONDITIONAL > 0（例如 1.67,1.33,1.00），"
        "实际为 {new:g},{capable:g},{conditional:g}",
        "capability thresholds must satisfy NEW >= CAPABLE >= CONDITIONAL > 0 "
        "(e.g. 1.67,1.33,1.00), got {new:g},{capable:g},{conditional:g}",
    ),
    "verdict.capable_new": (
        "过程能力充分，满足新过程或关键特性的要求（Cpk \u2265 {new}）",
        "capable, also for a new process or a critical characteristic (Cpk \u2265 {new})",
    ),
    "verdict.capable": ("过程能力充分（Cpk \u2265 {capable}）", "capable (Cpk \u2265 {capable})"),
    "verdict.conditional": (
        "有条件接受：需监控并改进（{conditional} \u2264 Cpk < {capable}）",
        "conditionally capable: watch and improve ({conditional} \u2264 Cpk < {capable})",
    ),
    "verdict.not_capable": (
        "过程能力不足：需遏制并挑选（Cpk < {conditional}）",
        "not capable: contain and sort (Cpk < {conditional})",
    ),
    "spec_number": ("{name} 必须是数字", "{name} must be a number"),
    "spec.target": ("目标值", "target"),
    "needs_spec": (
        "计算过程能力至少需要一个规格限（LSL 或 USL）",
        "capability needs at least one specification limit (LSL or USL)",
    ),
    "lsl_below_usl": (
        "LSL（{lsl:g}）必须小于 USL（{usl:g}）",
        "LSL ({lsl:g}) must be below USL ({usl:g})",
    ),
    "confidence": (
        "置信水平必须在 0.5 到 1 之间",
        "the confidence level must be between 0.5 and 1",
    ),
    "zero_normality": (
        "零变差：所有数值都相同，无法进行正态性检验",
        "zero variation: all values are equal, normality cannot be tested",
    ),
    "not_normal": (
        "数据可能不服从正态分布(Anderson-Darling检验 p = {p:.3g} < 0.05),能力指数和PPM基于正态假设。",
        "Data may not be normal (Anderson-Darling p = {p:.3g} < 0.05): capability indices and "
        "PPM assume normality.",
    ),
    # --- rules ---
    "unknown_rules": (
        "未知的判异准则集 {preset!r}；请用 nelson、western-electric 或 none",
        "unknown rule set {preset!r}; use nelson, western-electric or none",
    ),
    "no_such_test": (
        "{preset} 没有第 {number} 条准则；它的准则为 {tests}",
        "{preset} has no test {number}; it has tests {tests}",
    ),
    "test1_length": (
        "准则 1（超出控制限）没有可调整的连串长度",
        "test 1 (beyond the limits) has no run length to change",
    ),
    "run_length": (
        "准则 {number}：K={k} 超出 {low}-100 的范围",
        "test {number}: K={k} is outside {low}-100",
    ),
    "rule": ("判异准则{number}({source}):{rule}", "Test {number} ({source}): {rule}"),
    "rule.nelson": ("Nelson", "Nelson"),
    "rule.western_electric": ("西电", "Western Electric"),
    "rule.limits": ("1个点落在控制限之外", "1 point beyond the control limits"),
    "rule.side": (
        "连续{k}点落在中心线同一侧",
        "{k} points in a row on the same side of the center line",
    ),
    "rule.trend": (
        "连续{k}点持续上升或下降",
        "{k} points in a row steadily increasing or decreasing",
    ),
    "rule.alter": ("连续{k}点上下交替", "{k} points in a row alternating up and down"),
    "rule.zone2": (
        "连续{k}点中有{m}点落在中心线同一侧{z}σ以外",
        "{m} of {k} points in a row more than {z} sigma from the center line (same side)",
    ),
    "rule.zone1": (
        "连续{k}点中有{m}点落在中心线同一侧{z}σ以外",
        "{m} of {k} points in a row more than {z} sigma from the center line (same side)",
    ),
    "rule.strat": (
        "连续{k}点落在中心线两侧1σ以内",
        "{k} points in a row within 1 sigma of the center line (either side)",
    ),
    "rule.mixture": (
        "连续{k}点落在中心线两侧1σ以外",
        "{k} points in a row more than 1 sigma from the center line (both sides)",
    ),
    "rule.at_point": ("{rule}(第{point}点)", "{rule} (point {point})"),
    # --- blank cells left out ---
    "missing_cell": ("第 {row} 行 {column} 列 “{text}”", "row {row} column {column} {text!r}"),
    "missing_cell_empty": ("第 {row} 行 {column} 列 （空）", "row {row} column {column} (empty)"),
    "cpk_thresholds_usage": (
        "--cpk-thresholds 应形如 1.67,1.33,1.00（NEW,CAPABLE,CONDITIONAL），实际为 {given!r}",
        "--cpk-thresholds must look like 1.67,1.33,1.00 (NEW,CAPABLE,CONDITIONAL), got {given!r}",
    ),
    "with_missing": ("（{summary}）", "({summary})"),
    "missing_more": ("，另有 {n} 个", ", and {n} more"),
    "missing_one": (
        "{count} 个单元格为空或不是数字，已略去：{cells}{more}",
        "{count} cell was empty or not a number and left out: {cells}{more}",
    ),
    "missing_many": (
        "{count} 个单元格为空或不是数字，已略去：{cells}{more}",
        "{count} cells were empty or not numbers and left out: {cells}{more}",
    ),
}
