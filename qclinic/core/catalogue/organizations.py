"""Organizations and their sites: what the address book refuses, and why."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "name_required": ("单位名称不能为空。", "An organization needs a name."),
    "site_name_required": ("场所名称不能为空。", "A site needs a name."),
    "not_found": (
        "该单位不存在或已被删除。",
        "This organization does not exist or was deleted.",
    ),
    "site_not_found": ("该场所不存在或已被删除。", "This site does not exist or was deleted."),
    "uscc_taken": (
        "统一社会信用代码 {code} 已登记给“{holder}”。",
        "Credit code {code} is already registered to {holder}.",
    ),
    "site_of_deleted_organization": (
        "场所“{site}”所属的“{organization}”已删除，请先恢复该单位。",
        "The site {site} belongs to {organization}, which is deleted: restore the organization "
        "first.",
    ),
}
