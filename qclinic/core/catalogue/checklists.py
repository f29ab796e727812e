"""Checklists: the library of checklist files, their validation, and answer files scored against them."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # the library folder (core/checklists/library.py)
    "not_an_id": (
        "{checklist!r} 不是检查表编号（编号由小写字母、数字和连字符组成，见 `qclinic checklists list`）；"
        "要使用文件，请给出以 .yaml 结尾的路径",
        "{checklist!r} is not a checklist id (lower-case letters, digits and hyphens, as "
        "`qclinic checklists list` shows); to use a file, give its path ending in .yaml",
    ),
    "no_such_id": (
        "没有编号为 {checklist!r} 的检查表（已有：{known}）",
        "no checklist with the id {checklist!r} (known: {known})",
    ),
    "none": ("无", "none"),
    # an answer file scored against a checklist (core/scoring/answers.py)
    "answers_not_mapping": (
        "{source}：应为把题号映射到回答的对象",
        "{source}: expected an object mapping question ids to answers",
    ),
    "answer_at": ("{where}：{problem}", "{where}: {problem}"),
    "no_question": (
        "{where}：{checklist} 中没有这个题号",
        "{where}: no question with this id in {checklist}",
    ),
    "per_step": (
        '{where}：此题按过程步骤回答——请给出“步骤 → 回答”的对象，或写作 "{qid}@STEP"',
        '{where}: answered per process step — give an object of step → answer or use "{qid}@STEP"',
    ),
    "not_repeated": (
        "{where}：此题不按步骤重复；请去掉 '@{instance}'",
        "{where}: this question is not repeated; drop '@{instance}'",
    ),
    "answer_na_refused": ("此题不能回答“不适用”（N/A）", "this question cannot be answered N/A"),
    "answer_yes_no": (
        "请回答 {allowed} 或 na，而不是 {value!r}",
        "answer {allowed} or na, not {value!r}",
    ),
    "answer_score": (
        "请打分 {allowed} 之一或 na，而不是 {value!r}",
        "score one of {allowed} or na, not {value!r}",
    ),
    "answer_option": (
        "{value!r} 不是选项 {options} 之一",
        "{value!r} is not one of the options {options}",
    ),
    "answer_multi_list": (
        "多选题的回答是由选项值组成的列表",
        "a multiple-choice answer is a list of option values",
    ),
    "answer_date": (
        "日期应写作 YYYY-MM-DD，而不是 {value!r}",
        "a date is written YYYY-MM-DD, not {value!r}",
    ),
    "answer_text": (
        "{kind} 题的回答是文本，而不是 {value!r}",
        "a {kind} answer is text, not {value!r}",
    ),
    "answer_number": ("需要一个数字，而不是 {value!r}", "a number is needed, not {value!r}"),
    "answer_finite": (
        "需要一个有限的数字，而不是 {value!r}",
        "a finite number is needed, not {value!r}",
    ),
    "answer_object": (
        "回答对象包含 value，以及可选的 note 和 photos",
        "an answer object has value, and optionally note and photos",
    ),
    "answer_photos": (
        "photos 是所附照片的数量：不小于 0 的整数",
        "photos is how many are attached: a whole number ≥ 0",
    ),
}
