"""The conflict inbox: resolving the sync conflicts this computer keeps (services/conflicts.py)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "bad_resolution": (
        "无法识别的处理方式“{resolution}”：请选择 mine（保留我的）、theirs（采用服务器的）"
        "或 merged（合并后的值）",
        "unknown resolution “{resolution}”: choose mine, theirs or merged",
    ),
    "unknown": ("本机没有编号为 {id} 的冲突记录", "this computer keeps no conflict {id}"),
    "already_resolved": ("冲突 {id} 已处理过", "conflict {id} is resolved already"),
    "row_missing": (
        "本机没有该冲突涉及的记录（{entity} {id}），请先同步",
        "this computer does not hold the record of this conflict ({entity} {id}): sync first",
    ),
}
