"""Printing reports and plans, and issuing PDF copies: what can stop a print."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "file_in_use": (
        "无法写入 {path}：文件可能正被 {viewer} 打开，请先关闭再重新打印。",
        "Could not write {path}: it may be open in {viewer}; close it and print again.",
    ),
    "viewer_word": ("Word 或 WPS", "Word or WPS"),
    "viewer_pdf": ("PDF 阅读器", "a PDF viewer"),
    "cannot_write": ("无法写入 {path}：{reason}", "Could not write {path}: {reason}"),
    "no_folder": (
        "无法写入 {path}：无法创建文件夹 {folder}（路径中是否有同名文件？）。",
        "Could not write {path}: the folder {folder} cannot be made (is a file in the way?).",
    ),
    "unknown_format": (
        "不支持的格式“{fmt}”：请选择 pdf 或 docx。",
        "Unknown format {fmt!r}: choose pdf or docx.",
    ),
    "out_is_folder": (
        "--out {path}：这是一个文件夹，请给出要写入的文件名。",
        "--out {path}: this is a folder; name the file to write in it",
    ),
}
