"""The user's settings: saving them and the report logo."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "save_failed": (
        "设置未能保存（{reason}）。请检查数据文件夹是否可写。",
        "Could not save the settings ({reason}). Check that the data folder can be written.",
    ),
    "logo_copy_failed": (
        "无法复制徽标文件 {path}（{reason}）。",
        "Could not copy the logo {path} ({reason}).",
    ),
    "logo_not_image": (
        "{path} 不是 QClinic 能读取的图片。",
        "{path} is not an image QClinic can read.",
    ),
    "unknown_setting": ("没有名为“{name}”的设置。", "There is no setting named “{name}”."),
}
