"""Workbook: checklists written in Excel (core/checklists/workbook_*.py) and compared (diff.py)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "unreadable": (
        "无法作为 Excel 工作簿读取：{error}",
        "cannot be read as an Excel workbook: {error}",
    ),
    "no_sheet": ("缺少工作表“{sheet}”", 'the sheet "{sheet}" is missing'),
    "unknown_column": ("未知的列“{column}”", 'unknown column "{column}"'),
    "column_twice": ("列“{column}”出现了两次", 'the column "{column}" appears twice'),
    "unknown_setting": ("未知的设置项“{key}”", 'unknown setting "{key}"'),
    "setting_twice": ("设置项“{key}”出现了两次", 'the setting "{key}" is given twice'),
    "unknown_type": (
        "未知的题型“{value}”（可用：{allowed}）",
        'unknown type "{value}" (use one of {allowed})',
    ),
    "not_a_number": ("“{value}”不是数字", '"{value}" is not a number'),
    "not_an_integer": ("“{value}”不是整数", '"{value}" is not a whole number'),
    "not_yes_no": ("“{value}”不是“是/否”（TRUE/FALSE）", '"{value}" is not yes or no (TRUE/FALSE)'),
    "a_date": (
        "这里是日期 {value}——Excel 把输入改成了日期；请把单元格设为文本后重新输入",
        "a date ({value}) is here: Excel turned what was typed into a date; format the cell as text"
        " and type it again",
    ),
    "bad_expression": (
        "无法读取：{what}（写法如 {{question: Q1, equals: 'yes'}}）",
        "cannot be read: {what} (written like {{question: Q1, equals: 'yes'}})",
    ),
    "missing_language": (
        "缺少{language}文本（中文和英文都要填写）",
        "the {language} text is missing (both Chinese and English are needed)",
    ),
    "language_zh": ("中文", "Chinese"),
    "language_en": ("英文", "English"),
    "no_setting": ("settings 工作表缺少“{key}”", 'the settings sheet has no "{key}"'),
    "required": ("必须填写", "required"),
    "no_section": (
        "没有编号为“{section}”的章节（见 sections 工作表）",
        'no section "{section}" (see the sections sheet)',
    ),
    "parent_later": (
        "上级章节“{section}”须写在本行之前",
        'the parent section "{section}" must be on an earlier row',
    ),
    "section_twice": (
        "章节编号“{section}”已在第 {row} 行使用",
        'the section id "{section}" is already used on row {row}',
    ),
    "no_choices": (
        "choices 工作表中没有名为“{name}”的选项列表",
        'no choice list "{name}" on the choices sheet',
    ),
    "problem": ("{file}：{cell}：{message}", "{file}: {cell}: {message}"),
    # checklists diff (core/checklists/diff.py)
    "diff_same": (
        "{checklist} {old} 与 {new} 的题目和规则相同",
        "{checklist} {old} and {new} have the same questions and rules",
    ),
    "diff_heading": ("{checklist}：{old} → {new}", "{checklist}: {old} → {new}"),
    "diff_added_question": ("+ 新增题目 {ident}：{title}", "+ question {ident} added: {title}"),
    "diff_removed_question": ("- 删除题目 {ident}：{title}", "- question {ident} removed: {title}"),
    "diff_changed_question": (
        "~ 修改题目 {ident}：{fields}",
        "~ question {ident} changed: {fields}",
    ),
    "diff_added_rule": ("+ 新增规则：{rule}", "+ rule added: {rule}"),
    "diff_removed_rule": ("- 删除规则：{rule}", "- rule removed: {rule}"),
    "diff_changed_rule": ("~ 修改规则 {rule}：{fields}", "~ rule {rule} changed: {fields}"),
    "diff_added_grade": ("+ 新增等级：{grade}", "+ grade added: {grade}"),
    "diff_removed_grade": ("- 删除等级：{grade}", "- grade removed: {grade}"),
    "diff_changed_grade": ("~ 修改等级 {grade}：{fields}", "~ grade {grade} changed: {fields}"),
    "diff_changed_setting": ("~ 修改评分设置：{fields}", "~ scoring settings changed: {fields}"),
}
