"""NQI service providers and referrals (供需对接): labels, refusals and list headings."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # provider kinds (ProviderKind values)
    "kind.metrology-calibration": ("计量校准机构", "Metrology / calibration"),
    "kind.test-laboratory": ("检验检测机构", "Test laboratory"),
    "kind.certification-body": ("认证机构", "Certification body"),
    "kind.standards-body": ("标准化机构", "Standards body"),
    "kind.ip-service": ("知识产权服务机构", "IP service"),
    "kind.law-firm": ("律师事务所", "Law firm"),
    "kind.special-equipment-inspection": ("特种设备检验机构", "Special-equipment inspection"),
    # referral statuses (ReferralStatus values)
    "status.requested": ("已转介", "Requested"),
    "status.accepted": ("已受理", "Accepted"),
    "status.delivered": ("已交付", "Delivered"),
    "status.closed": ("已办结", "Closed"),
    # the steps as nouns, inside a sentence ("the acceptance date")
    "step.requested": ("转介", "request"),
    "step.accepted": ("受理", "acceptance"),
    "step.delivered": ("交付", "delivery"),
    "step.closed": ("办结", "closing"),
    # refusals
    "provider_name_required": ("请填写服务机构名称。", "Give the provider a name."),
    "provider_not_found": (
        "该服务机构不存在或已被删除。",
        "This provider does not exist or was deleted.",
    ),
    "provider_in_use": (
        "服务机构“{provider}”还有 {count} 项未办结的转介，不能删除；请先办结这些转介。",
        "The provider {provider} still has {count} open referral(s) and cannot be deleted: "
        "close them first.",
    ),
    "request_required": (
        "请写明需要该机构提供什么服务。",
        "Say what the provider is asked to do.",
    ),
    "source_required": (
        "转介须来自一个门诊问题或一项发现。",
        "A referral comes from a clinic case or a finding.",
    ),
    "source_other_company": (
        "门诊问题和发现必须属于同一家企业。",
        "The clinic case and the finding must belong to the same company.",
    ),
    "case_not_found": (
        "该门诊问题不存在或已被删除。",
        "This clinic case does not exist or was deleted.",
    ),
    "finding_not_found": (
        "该发现不存在或已被删除。",
        "This finding does not exist or was deleted.",
    ),
    "not_found": ("该转介不存在或已被删除。", "This referral does not exist or was deleted."),
    "move_refused": (
        "转介不能从“{before}”改为“{after}”。",
        "A referral cannot move from {before} to {after}.",
    ),
    "evidence_needs_delivery": (
        "只有已交付或已办结的转介才能附上交付证据（如校准证书、检测报告）。",
        "Delivery evidence (a calibration certificate, a test report) is attached to a "
        "delivered or closed referral only.",
    ),
    "date_before_request": (
        "{step}日期（{day}）不能早于转介日期（{requested}）。",
        "The {step} date ({day}) cannot be before the referral was requested ({requested}).",
    ),
    "date_before_step": (
        "{step}日期（{day}）不能早于{previous}日期（{before}）。",
        "The {step} date ({day}) cannot be before the {previous} date ({before}).",
    ),
    "date_in_future": (
        "{step}日期（{day}）不能晚于今天（{today}）：请在事情发生后再登记。",
        "The {step} date ({day}) cannot be after today ({today}): record a step once it "
        "has happened.",
    ),
    # the assessment report: a case's or a finding's referrals
    "report.heading": ("转介（供需对接）", "Referrals"),
    "report.requested": ("{day} 转介", "requested {day}"),
    "report.accepted": ("{day} 受理", "accepted {day}"),
    "report.delivered": ("{day} 交付", "delivered {day}"),
    "report.closed": ("{day} 办结", "closed {day}"),
    "report.evidence": ("交付证据：{files}", "evidence: {files}"),
    # command line headings
    "providers_empty": ("还没有服务机构。", "No providers yet."),
    "referrals_empty": ("还没有转介。", "No referrals yet."),
    "heading_provider": ("服务机构", "Provider"),
    "heading_kind": ("类型", "Kind"),
    "heading_region": ("地区", "Region"),
    "heading_accreditation": ("资质编号", "Accreditation"),
    "heading_company": ("企业", "Company"),
    "heading_field": ("领域", "Field"),
    "heading_status": ("状态", "Status"),
    "heading_requested": ("转介日期", "Requested"),
    "heading_delivered": ("交付日期", "Delivered"),
    "heading_request": ("服务内容", "Service asked"),
}
