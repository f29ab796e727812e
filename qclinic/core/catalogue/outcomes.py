"""Outcomes: the quality figures a company reports per period — their names, units and refusals."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "kind.pass-rate": ("产品合格率", "Product pass rate"),
    "kind.complaints": ("客户投诉", "Customer complaints"),
    "kind.ppm": ("不良率（PPM）", "Defects (PPM)"),
    "kind.certificates": ("持有认证证书", "Certificates held"),
    "kind.standards": ("制修订标准", "Standards drafted or revised"),
    "kind.patents": ("授权专利", "Patents granted"),
    "kind.awards": ("质量奖项", "Quality awards"),
    "level.national": ("国家标准", "National standard"),
    "level.sector": ("行业标准", "Sector standard"),
    "level.local": ("地方标准", "Local standard"),
    "level.association": ("团体标准", "Association standard"),
    "level.enterprise-leader": ("企业标准“领跑者”", "Enterprise “leader” standard"),
    "not_a_number": ("“{kind}”的数值必须是一个数字。", "The figure for {kind} must be a number."),
    "percent_range": (
        "“{kind}”是百分比，应在 0 到 100 之间（填写的是 {value}）。",
        "{kind} is a percentage: it must be between 0 and 100 (not {value}).",
    ),
    "count_whole": (
        "“{kind}”是个数，应为不小于 0 的整数（填写的是 {value}）。",
        "{kind} is a count: it must be a whole number of 0 or more (not {value}).",
    ),
    "ppm_negative": (
        "不良率（PPM）不能为负数（填写的是 {value}）。",
        "Defects in PPM cannot be negative (not {value}).",
    ),
    "level_required": (
        "请选择所制修订标准的级别（国家、行业、地方、团体或企业“领跑者”标准）。",
        "Choose the level of the standards drafted or revised (national, sector, local, "
        "association or enterprise “leader” standard).",
    ),
    "level_only_standards": (
        "只有“制修订标准”需要填写标准级别，“{kind}”不需要。",
        "Only standards drafted or revised have a level; {kind} has none.",
    ),
    "period_required": (
        "请填写该数据所属的日期（走访日或季度末）。",
        "Give the figure's date (the visit or the quarter's end).",
    ),
    "duplicate": (
        "{period} 的“{kind}”已经登记过，请修改原有数据而不是重复登记。",
        "{kind} for {period} is already recorded: edit that figure instead of adding another.",
    ),
    "not_found": (
        "该成效数据不存在或已被删除。",
        "This outcome figure does not exist or was deleted.",
    ),
    "organization_not_found": (
        "该企业不存在或已被删除，不能登记成效数据。",
        "This company does not exist or was deleted: no figure can be recorded for it.",
    ),
    "visit_elsewhere": (
        "所选走访不属于该企业，请选择该企业自己的走访。",
        "The chosen visit belongs to another company: choose one of this company's visits.",
    ),
    # the assessment report's and the chain report's section
    "section": ("质量成效", "Outcomes"),
    "column.kind": ("指标", "Figure"),
    "column.change": ("上次走访以来的变化", "Change since the previous visit"),
    "column.period": ("截至", "As of"),
    "column.source": ("来源", "Source"),
    "chain_column.companies": ("企业数", "Companies"),
    "chain_column.compared": (
        "{companies}（其中 {compared} 家前后可比）",
        "{companies} (change over {compared})",
    ),
    "chain_column.total": ("合计（之前 → 现在）", "Total (before → now)"),
    "unknown_organization": (
        "没有编号为 {id} 的企业（可用 qclinic list organizations 查看）。",
        "No company has the id {id} (qclinic list organizations lists them).",
    ),
    "cli_header": ("{company} 的质量成效数据", "Outcome figures of {company}"),
    "cli_empty": ("该企业还没有成效数据。", "No outcome figures recorded for this company."),
}
