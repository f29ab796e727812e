"""The database and its files: refusals at start-up, SQLite trouble, backups, the library."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # SQLite failures sorted into what the user can do (storage/errors.py)
    "busy": (
        "{path}：数据库被另一个程序或 QClinic 窗口锁定。请关闭它后重试；本次没有保存任何内容，"
        "也没有丢失任何内容。",
        "{path}: the database is locked by another program or QClinic window. Close it and try "
        "again; nothing was saved by this attempt, nothing was lost.",
    ),
    "full": (
        "{path}：磁盘已满。请腾出一些空间后重试；最后一次修改没有保存，之前的工作都在。",
        "{path}: the disk is full. Free some space and try again; the last change was not saved, "
        "earlier work is safe.",
    ),
    "full_io": (
        "{path}：磁盘已满（{name}）。请腾出一些空间后重试；最后一次修改没有保存，之前的工作都在。",
        "{path}: the disk is full ({name}). Free some space and try again; the last change was "
        "not saved, earlier work is safe.",
    ),
    "cannot_write": (
        "{path}：数据库无法写入（文件、文件夹或存储介质为只读）。请检查权限，"
        "或用 --data-dir 另选数据文件夹。",
        "{path}: the database cannot be written (read-only file, folder or medium). Check the "
        "permissions or choose another data folder with --data-dir.",
    ),
    "io_error": (
        "{path}：操作系统无法读写数据库（{name}）。请检查磁盘或 U 盘是否仍然连接，然后重试。",
        "{path}: the operating system could not read or write the database ({name}). Check that "
        "the disk or USB stick is still connected, then try again.",
    ),
    "damaged": (
        "{path}：数据库文件已损坏（{name}）。QClinic 已停止，没有写入该文件。{advice}",
        "{path}: the database file is damaged ({name}). QClinic stopped without writing to it. "
        "{advice}",
    ),
    # start-up refusals (storage/startup.py); the file is left untouched
    "refused": (
        "{path}：{problem}QClinic 没有改动该文件。",
        "{path}: {problem} QClinic left the file untouched.",
    ),
    "refused_damaged": (
        "{path}：{problem}QClinic 没有改动该文件。{advice}",
        "{path}: {problem} QClinic left the file untouched. {advice}",
    ),
    "unreadable_file": ("无法读取该文件（{reason}）。", "the file cannot be read ({reason})."),
    "not_sqlite": (
        "这不是 SQLite 数据库文件（文件头不符），因此不是 QClinic 的数据库。",
        "this is not a SQLite database file (wrong header), so not QClinic's.",
    ),
    "not_qclinic": (
        "这个 SQLite 数据库不是由 QClinic 创建的。",
        "this SQLite database was not made by QClinic.",
    ),
    "damaged_or_unreadable": (
        "数据库已损坏或无法读取（{error}）。",
        "the database is damaged or unreadable ({error}).",
    ),
    "version_record": (
        "记录数据库结构版本的表已损坏（{revisions!r}）。",
        "the schema version record is damaged ({revisions!r}).",
    ),
    "damaged_plain": ("数据库已损坏（{error}）。", "the database is damaged ({error})."),
    "integrity": ("完整性检查发现损坏：{found}。", "the integrity check found damage: {found}."),
    "newer": (
        "该文件由更新版本的 QClinic 写入（数据库结构 {revision}；本版本最高支持 {head}）。"
        "请升级 QClinic 后再打开。",
        "it was written by a newer QClinic (schema {revision}; this release knows up to {head}). "
        "Update QClinic to open it.",
    ),
    "must_create_read_only": (
        "{path}：需要创建数据库，但磁盘或文件夹为只读。请把数据文件夹复制到可写的磁盘，或解除写保护。",
        "{path}: the database must be created, but the disk or folder is read-only. Copy the "
        "data folder to a writable disk or remove the write protection.",
    ),
    "must_upgrade_read_only": (
        "{path}：需要把数据库升级到本版本的结构，但磁盘或文件夹为只读。"
        "请把数据文件夹复制到可写的磁盘，或解除写保护。",
        "{path}: the database must be upgraded to this release's schema, but the disk or folder "
        "is read-only. Copy the data folder to a writable disk or remove the write protection.",
    ),
    "read_only": (
        "{path}：数据库位于只读的磁盘或文件夹上。QClinic 可以读取它（核验报告、导出 Word 副本和表格），"
        "但不能修改；出具 PDF 报告要登记为已出具，也是一种修改。请把数据文件夹复制到可写的磁盘，"
        "或解除写保护，然后重试。",
        "{path}: the database is on a read-only disk or folder. QClinic can read it (verify a "
        "report, Word copies, exports) but not change it, and a PDF report is recorded as "
        "issued, which is a change. Copy the data folder to a writable disk or remove the write "
        "protection, then try again.",
    ),
    # backups
    "no_backup": (
        "{folder} 中没有有效的自动备份；请用您自己的副本恢复该文件，或把它移走，从空数据库开始。",
        "There is no valid automatic backup in {folder}; restore the file from your own copies, "
        "or move it away to start with an empty database.",
    ),
    "restore_backup": (
        "请恢复最近一份完好的自动备份：关闭 QClinic，用 {backup} 覆盖 {database}。",
        "Restore the latest good automatic backup: close QClinic and copy {backup} over "
        "{database}.",
    ),
    "backup_invalid": (
        "{target}：升级数据库前制作的备份副本无效（磁盘或 U 盘可能有故障）。该副本已删除，未作任何改动。",
        "{target}: the backup copy made before upgrading the database is not valid (the disk or "
        "USB stick may be failing). It was removed; nothing was changed.",
    ),
    "backup_full": (
        "{folder}：磁盘已满，QClinic 无法写入升级数据库前的备份。不完整的副本已删除，数据库未作改动。"
        "请腾出一些空间后重新启动 QClinic。",
        "{folder}: the disk is full, so the backup QClinic makes before upgrading the database "
        "could not be written. The partial copy was removed and the database was not changed. "
        "Free some space and start QClinic again.",
    ),
    "backup_failed": (
        "{folder}：无法写入升级数据库前的备份（{reason}）。不完整的副本已删除，数据库未作改动。",
        "{folder}: the backup before upgrading the database could not be written ({reason}). "
        "The partial copy was removed and the database was not changed.",
    ),
    # the checklist library in the database (storage/library.py)
    "library_conflict": (
        "检查表 {checklist} {version} 已在库中，但内容不同：请提高版本号",
        "{checklist} {version} is already in the library with other content: raise the version "
        "number",
    ),
    "library_missing": ("库中没有检查表 {what}", "the library has no checklist {what}"),
}
