"""The assessment lifecycle: starting, completing, signing, amending."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "title_required": ("评估需要标题。", "An assessment needs a title."),
    "gaps_block": (
        "该评估还不能完成：须先补齐 {count} 处缺项（备注、照片或过程步骤）。",
        "This assessment cannot be completed yet: {count} gap(s) must be closed first "
        "(a note, a photo or a process step).",
    ),
    "complete_not_draft": (
        "只有草稿状态的评估才能标记为完成。",
        "Only a draft assessment can be completed.",
    ),
    "reopen_not_completed": (
        "只有已完成、尚未签字的评估才能退回草稿；已签字的评估请创建修订版。",
        "Only a completed, unsigned assessment goes back to draft; amend a signed one instead.",
    ),
    "signer_name_required": (
        "每位签字人都需要填写姓名。",
        "Every signer needs a name.",
    ),
}
