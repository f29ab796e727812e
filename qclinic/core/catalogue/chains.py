"""Industrial chains: what the chain tree and the chains service refuse, and why."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "listed_twice": (
        "“{company}”已在本产业链中，同一家企业在一条链中只能出现一次。",
        "{company} is already in this chain: a company appears in a chain only once.",
    ),
    "leader_has_customer": (
        "“{company}”是链主企业，链主在链中没有上级客户。",
        "{company} is a chain leader: a leader supplies no customer within the chain.",
    ),
    "supplier_needs_customer": (
        "请为供应商“{company}”选择它在链中供货的客户。",
        "Choose the customer that the supplier {company} supplies within the chain.",
    ),
    "customer_not_member": (
        "“{company}”的客户不在本产业链中，请先把客户加入这条链。",
        "The customer of {company} is not in this chain: add the customer to the chain first.",
    ),
    "cycle": (
        "供货关系不能形成循环：{cycle}（箭头指向客户）。一家企业不能直接或间接向自己的供应商供货。",
        "The supply links would loop: {cycle} (each arrow points to the customer). A company "
        "cannot supply, directly or through others, one of its own suppliers.",
    ),
    "name_required": ("请填写产业链名称。", "Give the chain a name."),
    "not_found": ("该产业链不存在或已被删除。", "This chain does not exist or was deleted."),
    "member_not_found": (
        "该企业不在这条产业链中（可能已被移出）。",
        "This company is not in the chain (it may have been removed).",
    ),
    "organization_gone": (
        "该企业不存在或已被删除，不能加入产业链。",
        "This company does not exist or was deleted: it cannot join a chain.",
    ),
    "leader_has_suppliers": (
        "链主企业“{company}”下还有 {count} 家企业，不能直接移出。请先把它们移到其他客户之下，"
        "或删除整条产业链。",
        "{count} companies hang below the chain leader {company}: move them to another customer "
        "first, or delete the whole chain.",
    ),
    "deleted_mark": ("（已删除）", "(deleted)"),
    "list_empty": ("还没有产业链。", "No chains yet."),
}
