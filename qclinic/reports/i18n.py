"""The printed reports' own words, in Chinese and English, chosen at print time.

Independent of the UI language and of Qt: the report language is a setting of its own
(``Settings.report_language``) or the ``--lang`` of ``qclinic report``.
"""

from __future__ import annotations

from enum import StrEnum

LANGUAGES = ("zh", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "report_title": ("质量诊断报告", "Quality Diagnostic Report"),
    "plan_title": ("质量改进计划", "Quality Improvement Plan"),
    "draft": ("草稿", "DRAFT"),
    "contents": ("目录", "Contents"),
    "organization": ("受诊企业", "Organization"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "site": ("现场", "Site"),
    "visit_date": ("诊断日期", "Visit date"),
    "visit_kind": ("诊断类型", "Kind of visit"),
    "consultants": ("诊断专家", "Consultants"),
    "checklist": ("检查表", "Checklist"),
    "version": ("版本", "version"),
    "revision": ("第 {n} 版", "Rev. {n}"),
    "assessment": ("评估", "Assessment"),
    "status": ("状态", "Status"),
    "issued_by": ("出具单位", "Issued by"),
    "document_id": ("文档编号", "Document ID"),
    "data_hash": ("数据指纹 SHA-256", "Data SHA-256"),
    "seal": ("签字封印", "Seal"),
    "page": ("第 {page} / {total} 页", "Page {page} / {total}"),
    "summary": ("诊断摘要", "Executive summary"),
    "overall": ("总体得分", "Overall score"),
    "grade": ("等级", "Grade"),
    "no_grade": ("无评级", "No grade"),
    "maturity": ("平均成熟度", "Average maturity"),
    "why_grade": ("评级依据", "Why this grade"),
    "what_if": ("提升路径", "What would lift the grade"),
    "what_if_yes": (
        "如将以下 {n} 项提高到建议水平，总体得分将达 {percent}，等级可提升至 {grade}：",
        "Raising these {n} answers would lift the overall score to {percent} and the grade to {grade}:",
    ),
    "what_if_no": (
        "仅提高已回答问题的得分无法达到 {grade}。",
        "Raising the answered questions alone cannot reach grade {grade}.",
    ),
    "top_findings": ("主要发现", "Top findings"),
    "no_findings": ("无。", "None."),
    "radar": ("各部分得分雷达图", "Section scores (radar)"),
    "radar_previous": ("虚线为上次评估（{date}）", "Dashed: the previous assessment ({date})"),
    "sections": ("分部分得分", "Section scores"),
    "section": ("部分", "Section"),
    "score": ("得分", "Score"),
    "previous": ("上次", "Previous"),
    "change": ("变化", "Change"),
    "evaluated": ("已评/题数", "Rated / questions"),
    "questions": ("问题明细", "Question detail"),
    "question": ("问题", "Question"),
    "answer": ("回答", "Answer"),
    "note": ("备注", "Note"),
    "evidence": ("证据", "Evidence"),
    "analysis": ("分析证据", "Analysis evidence"),
    "critical": ("关键项", "critical"),
    "continued": ("{id}（续）", "{id} (cont.)"),
    "not_answered": ("未回答", "not answered"),
    "picture_too_large": (
        "图片未打印：约 {megapixels} 百万像素，过大，无法安全解码。请缩小后重新附加。",
        "Picture not printed: about {megapixels} megapixels is too large to decode safely. "
        "Attach a smaller copy.",
    ),
    "na": ("不适用", "N/A"),
    "findings": ("发现项", "Findings"),
    "severity": ("等级", "Severity"),
    "category": ("类别", "Category"),
    "title": ("标题", "Title"),
    "description": ("描述", "Description"),
    "plan": ("改进计划", "Improvement plan"),
    "action": ("措施", "Action"),
    "owner": ("责任人", "Owner"),
    "due": ("完成期限", "Due"),
    "priority": ("优先级", "Priority"),
    "source": ("来源", "Raised from"),
    "no_owner": ("未指定责任人", "No owner"),
    "no_due": ("未定期限", "No due date"),
    "no_actions": ("暂无改进措施。", "No actions yet."),
    "cases": ("门诊案例", "Clinic cases"),
    "symptom": ("症状", "Symptom"),
    "diagnosis": ("诊断", "Diagnosis"),
    "prescription": ("处方", "Prescription"),
    "resolved_on": ("解决日期", "Resolved on"),
    "no_cases": ("本次门诊未登记案例。", "No cases were registered at this visit."),
    "signoff": ("签字确认", "Sign-off"),
    "team": ("专家组", "Expert team"),
    "team_name": ("姓名", "Name"),
    "affiliation": ("单位", "Organisation"),
    "qualification": ("资质 / 专业", "Qualification"),
    "company_stamp": ("企业盖章", "Company stamp"),
    "lead_short": ("组长", "lead"),
    "stamp_date": ("日期：", "Date:"),
    "signed_at": ("签字时间", "Signed at"),
    "signer": ("签字人", "Signed by"),
    "role": ("角色", "Role"),
    "not_signed": (
        "尚未签字。签字前本报告为草稿。",
        "Not signed yet. Until it is signed this report is a draft.",
    ),
    "verify_hint": (
        "核验：qclinic report verify 本文件.pdf 核对文件本身是否为登记出具的原件（逐字节 SHA-256），"
        "并核对数据库中的内容与签字封印是否仍与本文件一致。",
        "To check: qclinic report verify THIS.pdf checks that the file is, byte for byte, a copy the "
        "database registered when it was issued, and that the data and the signature seal still match.",
    ),
    "chart": ("控制图", "Control chart"),
    "center": ("中心线", "Center"),
    "ucl": ("上控制限 UCL", "UCL"),
    "lcl": ("下控制限 LCL", "LCL"),
    "violations": ("判异点数", "Violations"),
    "capability": ("过程能力", "Capability"),
    "gage": ("测量系统分析 (GR&R)", "Gage R&R"),
    "grr": ("%GRR（研究变差）", "%GRR (study variation)"),
    "ndc": ("可区分类别数 ndc", "ndc"),
    "verdict": ("结论", "Verdict"),
    "capability_verdict": ("能力结论", "Capability verdict"),
    "constants": ("控制图系数", "Chart constants"),
    "ndc_adequate": ("{ndc}（≥ 5，足够）", "{ndc} (≥ 5, adequate)"),
    "ndc_inadequate": (
        "{ndc}（< 5，不足：无法区分零件）",
        "{ndc} (< 5, inadequate: cannot tell parts apart)",
    ),
    "constants_tabled": ("按公布的系数表", "as tabled (Montgomery App. VI)"),
    "constants_exact": ("精确计算", "computed exactly"),
    "linearity": ("线性与偏倚", "Linearity and bias"),
    "grouped_owner": ("按责任人分组", "Grouped by owner"),
    "grouped_due": ("按完成月份分组", "Grouped by due month"),
    "open_count": ("共 {n} 项措施，其中未完成 {open} 项。", "{n} actions, {open} still open."),
    "sheet_answers": ("回答", "Answers"),
    "sheet_findings": ("发现项", "Findings"),
    "sheet_actions": ("措施", "Actions"),
    # overdue actions in the printed plans (the date of printing decides)
    "overdue_day": ("逾期 {days} 天", "overdue by {days} day"),
    "overdue_days": ("逾期 {days} 天", "overdue by {days} days"),
    "overdue_count": ("截至 {date} 逾期 {n} 项。", "{n} overdue as of {date}."),
    # the editable Word copy (.docx)
    "docx_footer": ("可编辑副本——以签署的PDF为准", "Editable copy — the signed PDF is the record"),
    "docx_note": (
        "本文件为可编辑副本，不带数据指纹；签署的 PDF 报告是正式记录，可用 qclinic report verify 核验。",
        "This is an editable copy without a data fingerprint; the signed PDF report is the record, checked with qclinic report verify.",
    ),
}

_LABELS: dict[str, tuple[str, str]] = {
    # stored vocabulary values → (zh, en)
    "yes": ("是", "Yes"),
    "partial": ("部分", "Partly"),
    "no": ("否", "No"),
    "draft": ("草稿", "Draft"),
    "completed": ("已完成", "Completed"),
    "signed": ("已签字", "Signed"),
    "onsite-clinic": ("现场质量门诊", "On-site clinic"),
    "self-assessment": ("企业自评", "Self-assessment"),
    "follow-up": ("跟踪回访", "Follow-up"),
    "major-nc": ("严重不符合", "Major nonconformity"),
    "minor-nc": ("一般不符合", "Minor nonconformity"),
    "observation": ("观察项", "Observation"),
    "opportunity": ("改进机会", "Opportunity for improvement"),
    "good-practice": ("良好实践", "Good practice"),
    "metrology": ("计量", "Metrology"),
    "standards": ("标准", "Standards"),
    "certification-accreditation": ("认证认可", "Certification & accreditation"),
    "inspection-testing": ("检验检测", "Inspection & testing"),
    "intellectual-property": ("知识产权", "Intellectual property"),
    "laws-regulations": ("法律法规", "Laws & regulations"),
    "quality-management": ("质量管理", "Quality management"),
    "special-equipment": ("特种设备", "Special equipment"),
    "registered": ("已登记", "Registered"),
    "diagnosed": ("已诊断", "Diagnosed"),
    "prescribed": ("已开处方", "Prescribed"),
    "resolved": ("已解决", "Resolved"),
    "open": ("未开始", "Open"),
    "in-progress": ("进行中", "In progress"),
    "done": ("已完成", "Done"),
    "verified": ("已验证", "Verified"),
    "high": ("高", "High"),
    "medium": ("中", "Medium"),
    "low": ("低", "Low"),
    "consultant": ("诊断专家", "Consultant"),
    "lead": ("专家组组长", "Lead expert"),
    "member": ("专家组成员", "Team member"),
    "company-representative": ("企业代表", "Company representative"),
    "acceptable": ("可接受", "acceptable"),
    "conditional": ("有条件接受", "conditionally acceptable"),
    "unacceptable": ("不可接受", "unacceptable"),
}


def check_language(lang: str) -> str:
    """*lang* if it is a report language.

    Raises:
        ValueError: Not ``zh`` or ``en``.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"report language must be zh or en, not {lang!r}")
    return lang


def t(key: str, lang: str, **values: object) -> str:
    """The report string *key* in *lang*, with ``{placeholders}`` filled from *values*."""
    zh, en = _STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def label(value: str | StrEnum | None, lang: str) -> str:
    """The display label of a stored vocabulary value (the value itself when unknown)."""
    if value is None:
        return ""
    key = str(value)
    pair = _LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


def colon(lang: str) -> str:
    """What follows a label before its value: the full-width colon in Chinese (no space)."""
    return "：" if lang == "zh" else ": "


def parens(text: str, lang: str) -> str:
    """*text* in brackets: full-width in Chinese."""
    return f"（{text}）" if lang == "zh" else f"({text})"


def percent(value: float | None) -> str:
    """A percentage as printed: one decimal, or a dash when there is none."""
    return "—" if value is None else f"{value:.1f}%"
