"""Team work: a lead consultant assigns organizations and visits (server/team.py,
services/team.py)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "not_a_lead": (
        "只有组长顾问或管理员可以分配工作",
        "only a lead consultant or an administrator may assign work",
    ),
    "not_in_scope": (
        "企业 {organization} 不在您的负责范围内，不能分配",
        "organization {organization} is not in your scope: you may not assign it",
    ),
    "no_organization": (
        "服务器上还没有企业 {organization}——请先同步",
        "the server does not hold organization {organization} yet — sync first",
    ),
    "no_consultant": (
        "服务器上没有名为 {user} 的在职顾问",
        "the server has no active consultant named {user}",
    ),
    "not_signed_in": (
        "请先登录同步服务器，再分配工作",
        "sign in to the sync server before assigning work",
    ),
    "no_visit": ("找不到该走访记录", "this visit cannot be found"),
    "blank_name": ("请填写顾问姓名", "enter the consultant's name"),
}
