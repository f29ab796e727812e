"""Words many areas share."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "unknown_file": ("（未知文件）", "(unknown file)"),
}
