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
    # a checklist file that cannot be used (core/checklists: loader, yaml_source, validate)
    "problem": ("{where}：{path}：{message}", "{where}: {path}: {message}"),
    "problem_unplaced": ("{where}：{message}", "{where}: {message}"),
    "more_problems": ("……另有 {more} 处", "… and {more} more"),
    "no_such_file": ("没有这个文件", "no such file"),
    "unreadable": ("无法读取：{error}", "cannot be read: {error}"),
    "not_a_mapping": (
        "检查表是一个映射，包含 format、id、version、title、scoring、sections",
        "a checklist is a mapping with format, id, version, title, scoring, sections",
    ),
    "bad_yaml": ("不是有效的 YAML：{what}", "not valid YAML: {what}"),
    "yaml_aliases": (
        "检查表中不允许使用 YAML 锚点和别名（&name、*name）：请把每个值完整写出",
        "YAML anchors and aliases (&name, *name) are not allowed in a checklist: write each "
        "value out",
    ),
    "too_deep": ("嵌套超过 {depth} 层", "nested more than {depth} levels deep"),
    "key_twice": ("键 {key!r} 出现了两次", "the key {key!r} is given twice"),
    "not_finite": (
        "{value!r} 不是检查表可用的数字：请给出有限的数值",
        "{value!r} is not a number a checklist can use: give a finite one",
    ),
    "too_large": (
        "{value:g} 过大（最大为 {largest:g}）",
        "{value:g} is too large (at most {largest:g})",
    ),
    # the schema's findings
    "schema.condition": (
        "不是有效的条件：请用 question 加一项判断，或用 all / any",
        "not a valid condition: use question + one test, or all / any",
    ),
    "schema.section": ("部分需要包含问题或子部分", "a section needs questions or sub-sections"),
    "schema.unknown_keys": ("未知的键：{keys}", "unknown key(s): {keys}"),
    "schema.fraction": (
        "{value!r}：请写 (0, 1] 内的数，或 2/3 这样的精确分数",
        "{value!r}: write a number in (0, 1] or an exact fraction such as 2/3",
    ),
    "schema.pattern": ("此处不允许 {value!r}：{hint}", "{value!r} is not allowed here: {hint}"),
    "schema.hint.version": ("请用三个数字，例如 1.0.0", "use three numbers, like 1.0.0"),
    "schema.hint.id": ("请用字母、数字和 . _ -", "use letters, digits, . _ -"),
    "schema.hint.other": ("请参阅格式说明", "see the format"),
    "schema.required": ("缺少必需的键 {key!r}", "{key!r} is a required property"),
    "schema.type": ("{value!r} 的类型不对：应为 {expected}", "{value!r} is not of type {expected}"),
    "schema.enum": ("{value!r} 不是允许的值之一：{allowed}", "{value!r} is not one of {allowed}"),
    "schema.too_short": ("{value!r} 不能为空", "{value!r} should be non-empty"),
    "schema.other": ("{message}", "{message}"),
    # what a schema cannot say
    "id_vs_file": (
        "编号 {ident!r} 必须与文件名 {stem!r} 一致",
        "the id {ident!r} must match the file name {stem!r}",
    ),
    "id_used": ("编号 {ident!r} 已在 {where} 使用", "the id {ident!r} is already used at {where}"),
    "nested_repeat": (
        "重复不能嵌套（位于 {repeat!r} 之内）",
        "repeats cannot nest (inside {repeat!r})",
    ),
    "key_for_types": (
        "{key!r} 只适用于 {types} 类型的问题",
        "{key!r} applies to {types} questions only",
    ),
    "needs_options": ("{qtype} 类型的问题需要选项", "a {qtype} question needs options"),
    "option_twice": ("选项 {value!r} 出现了两次", "option {value!r} twice"),
    "min_above_max": ("最小值 {low} 大于最大值 {high}", "min {low} is above max {high}"),
    "needs_guidance": (
        "计分的问题需要说明应查看哪些证据（guidance）",
        "a scored question needs guidance on the evidence to look for",
    ),
    "needs_scored": ("{key!r} 需要计分的问题", "{key!r} needs a scored question"),
    "bands_or_range": (
        "请给出 min / max 或 bands，不要两者都给",
        "give min / max or bands, not both",
    ),
    "last_band": (
        "最后一个分档涵盖其余所有取值：只需给出分数",
        "the last band takes every other value: give it only a score",
    ),
    "band_limit": ("只有最后一个分档可以没有界限", "only the last band may have no limit"),
    "band_direction": (
        "请自始至终使用上限（below / at_most）或下限（at_least / above），不要混用",
        "use upper limits (below / at_most) or lower limits (at_least / above) throughout, not "
        "both",
    ),
    "upper_rise": (
        "上限必须递增：{limit:g} ≤ {before:g}",
        "upper limits must rise: {limit:g} ≤ {before:g}",
    ),
    "lower_fall": (
        "下限必须递减：{limit:g} ≥ {before:g}",
        "lower limits must fall: {limit:g} ≥ {before:g}",
    ),
    "depends_on_itself": ("问题不能依赖其自身", "a question cannot depend on itself"),
    "no_target": ("没有编号为 {target!r} 的问题", "no question has the id {target!r}"),
    "target_later": (
        "{target!r} 在后面：条件只能引用前面的问题",
        "{target!r} comes later: a condition may only look back",
    ),
    "target_per_instance": (
        "{target!r} 按 {repeat!r} 的每个实例分别回答",
        "{target!r} is answered per instance of {repeat!r}",
    ),
    "not_an_answer": (
        "{value!r} 不是 {target!r} 可能的回答",
        "{value!r} is not an answer {target!r} can have",
    ),
    "grade_twice": ("等级 {grade!r} 出现了两次", "grade {grade!r} twice"),
    "grades_fall": (
        "等级须从最好排到最差：min 必须递减",
        "grades go from best to worst: min must fall",
    ),
    "last_grade_zero": ("最后一个等级需要 min 0", "the last grade needs min 0"),
    "rule_percent": ("{when} 规则需要 percent", "a {when} rule needs percent"),
    "rule_fraction": ("answered-below 规则需要 fraction", "an answered-below rule needs fraction"),
    "fraction_over_one": ("{fraction!r} 大于 1", "{fraction!r} is more than 1"),
    "steps_only": (
        "steps 只适用于 answered-below 规则",
        "steps applies to answered-below rules only",
    ),
    "cap_not_grade": ("{cap!r} 不是等级 {names} 之一", "{cap!r} is not one of the grades {names}"),
    "rule_cap": ("规则需要 cap 或 no_grade: true", "a rule needs a cap or no_grade: true"),
    "veto_cap": (
        "否决项需要 cap（它给出的等级），而不是 no_grade",
        "a veto needs a cap (the grade it gives), not no_grade",
    ),
    "no_statutory": ("没有问题标记为 statutory: true", "no question is marked statutory: true"),
    "no_section": ("没有编号为 {section!r} 的部分", "no section has the id {section!r}"),
    "section_not_repeated": ("{section!r} 不是重复的部分", "{section!r} is not repeated"),
}
