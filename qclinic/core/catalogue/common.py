"""Words many areas share, and the errors of the medium and the data folder (errors.py, paths.py)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "unknown_file": ("（未知文件）", "(unknown file)"),
    # an OSError of the medium, named with its file (qclinic/errors.py medium_error)
    "medium": ("{where}：{problem}。", "{where}: {problem}."),
    "medium.full": (
        "磁盘已满。请腾出一些空间后重试",
        "the disk is full. Free some space and try again",
    ),
    "medium.quota": (
        "磁盘配额已用完。请腾出一些空间后重试",
        "the disk quota is used up. Free some space and try again",
    ),
    "medium.read_only": (
        "磁盘或 U 盘为只读。请解除写保护，或用 --data-dir 另选文件夹",
        "the disk or USB stick is read-only. Remove its write protection, or choose another "
        "folder with --data-dir",
    ),
    "medium.access": (
        "权限不足。请检查权限，或另选文件夹",
        "permission denied. Check the permissions, or choose another folder",
    ),
    "medium.not_permitted": (
        "此处不允许该操作。请检查权限，或另选文件夹",
        "the operation is not permitted here. Check the permissions, or choose another folder",
    ),
    "medium.is_folder": (
        "这是一个文件夹，但此处需要文件。请指定一个文件",
        "this is a folder, but a file is needed here. Name a file",
    ),
    "medium.not_folder": (
        "路径中的某一部分是文件，但那里需要文件夹",
        "a part of this path is a file, but a folder is needed there",
    ),
    "medium.io": (
        "操作系统报告了输入/输出错误。请检查磁盘或 U 盘是否仍然连接，然后重试",
        "the operating system reported an I/O error. Check that the disk or USB stick is still "
        "connected, then try again",
    ),
    "medium.name_too_long": ("路径过长", "the path is too long"),
    "os_error": ("{path}：{reason}", "{path}: {reason}"),
    # the data folder (qclinic/paths.py)
    "data_dir_is_file": (
        "{path}：数据文件夹是一个文件，而不是文件夹。请给 --data-dir（或 ${env}）指定一个文件夹；"
        "文件夹不存在时 QClinic 会自动创建。",
        "{path}: the data folder is a file, not a folder. Give --data-dir (or ${env}) a folder; "
        "QClinic creates it if it is missing.",
    ),
    "data_dir_cannot_create": (
        "{path}：无法创建数据文件夹（{reason}）。请给 --data-dir（或 ${env}）指定一个位于可写磁盘上的文件夹。",
        "{path}: the data folder cannot be created ({reason}). Give --data-dir (or ${env}) a "
        "folder on a writable disk.",
    ),
    # start-up: the X11 libraries Qt's xcb plugin needs (qclinic/system_libs.py)
    "qt_libs_missing": (
        "Qt 无法打开窗口：其 X11（xcb）插件所需的系统库缺失：{libs}。",
        "Qt cannot open windows: system libraries of its X11 (xcb) plugin are missing: {libs}.",
    ),
    "qt_libs_apt": (
        "在 Debian / Ubuntu 上请用以下命令安装：",
        "On Debian / Ubuntu install them with:",
    ),
    "qt_libs_other": (
        "请用系统的软件包管理器安装 {libs}。",
        "Install {libs} with your system's package manager.",
    ),
    # the command line
    "error": ("错误：{message}", "error: {message}"),
}
