"""Answering an assessment: values, notes, evidence and process steps."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "no_files": ("没有选择要附加的文件。", "No file was chosen to attach."),
    "step_name_required": ("过程步骤需要名称。", "A process step needs a name."),
    "step_exists": ("已有名为“{name}”的过程步骤。", "There is already a step called '{name}'."),
}
