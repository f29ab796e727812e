"""Findings, improvement actions and clinic cases: what their services refuse, and why."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "finding_title_required": ("请填写发现项标题。", "Give the finding a title."),
    "action_title_required": ("请填写措施标题。", "Give the action a title."),
    "action_organization_required": (
        "请选择措施所属的企业。",
        "Choose the organization the action is for.",
    ),
    "action_move_refused": (
        "措施不能从“{before}”改为“{after}”。",
        "An action cannot go from {before} to {after}.",
    ),
    "verification_note_required": (
        "标记为已验证前，请先填写验证说明（措施是如何验证的）。",
        "Write how the action was verified (the verification note) before marking it verified.",
    ),
    "case_title_required": ("请填写案例标题。", "Give the case a title."),
    "case_organization_required": ("请选择企业。", "Choose the organization."),
    "case_move_refused": (
        "案例不能从“{before}”改为“{after}”。",
        "A case cannot go from {before} to {after}.",
    ),
    "diagnosis_required": (
        "标记为已诊断前，请先填写诊断。",
        "Write the diagnosis before marking the case diagnosed.",
    ),
    "prescription_required": (
        "标记为已开方前，请先填写处方。",
        "Write the prescription before marking the case prescribed.",
    ),
}
