"""SPC and MSA datasets: importing, editing and attaching them (:mod:`qclinic.services.datasets`)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "name_required": ("请为数据集命名。", "A dataset needs a name."),
    "subgroup_size": (
        "子组样本量至少为 1，不能是 {size}。",
        "The subgroup size must be at least 1, not {size}.",
    ),
    "limits_order": (
        "规格下限 {lsl} 必须小于规格上限 {usl}。",
        "The lower specification limit {lsl} must be below the upper {usl}.",
    ),
    "not_a_number": ("{field} 必须是有限的数值。", "{field} must be a finite number."),
    "target": ("目标值", "Target"),
    "reason_required": (
        "请说明剔除该点的原因（例如“换刀”）。",
        "Say why the point is excluded (e.g. 'tool change').",
    ),
    "nothing_to_import": ("尚无可导入的数据。", "There is nothing to import yet."),
    "choose_question": ("请选择评审和问题。", "Choose an assessment and a question."),
    "assessment_signed": (
        "该评审已签署，不能再添加证据；如需更正请先修订。",
        "This assessment is signed and takes no more evidence; amend it to add some.",
    ),
    "spec_not_number": ("{field}：“{value}”不是数字。", "{field}: {value!r} is not a number."),
}
