"""The sync server's words: ``qclinic-server``'s messages and its accounts' refusals
(qclinic/server/cli.py, accounts.py, audit.py). The HTTP API answers with the English part."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # -- accounts ------------------------------------------------------------------------------
    "bad_role": ("未知角色 {role!r}（可选：{roles}）", "unknown role {role!r} (one of {roles})"),
    "user_exists": ("用户 {user!r} 已存在", "user {user!r} exists already"),
    "weak_password": ("密码至少需要 8 个字符", "a password needs at least 8 characters"),
    "company_org": (
        "企业用户必须且只能指定一个 --org",
        "a company user needs exactly one --org",
    ),
    "no_user": ("没有用户 {user!r}", "no user {user!r}"),
    "bad_credentials": ("用户名或密码错误", "wrong user name or password"),
    "bad_token": (
        "本设备的登录已被撤销或无法识别",
        "this device's sign-in was revoked or is unknown",
    ),
    "lead_only": (
        "只有牵头顾问（lead 角色）才能被分配 {option}",
        "only a lead consultant is given {option}",
    ),
    "not_assigned": (
        "用户 {user} 没有 {option} {value} 这项分配",
        "user {user} is not assigned {option} {value}",
    ),
    # -- the command line ----------------------------------------------------------------------
    "no_dir": (
        "{path}：目录不存在（请先运行 qclinic-server init）",
        "{path}: no such directory (run qclinic-server init first)",
    ),
    "not_server_dir": (
        "{path}：不是 QClinic 服务器目录（请运行 qclinic-server init）",
        "{path}: not a QClinic server directory (run qclinic-server init)",
    ),
    "password_unreadable": ("{path}：{problem}", "{path}: {problem}"),
    "password_empty": ("{path}：密码文件是空的", "{path}: the password file is empty"),
    "initialised": (
        "已初始化 {path}；管理员 {admin}",
        "initialised {path}; admin {admin}",
    ),
    "listening": (
        "qclinic-server 正在监听 http://{host}:{port}",
        "qclinic-server listening on http://{host}:{port}",
    ),
    "added": ("已添加 {user}（{role}）", "added {user} ({role})"),
    "assigned": ("已为 {user} 分配：{what}", "assigned to {user}: {what}"),
    "unassigned": ("已取消 {user} 的分配：{what}", "unassigned from {user}: {what}"),
    "nothing_to_assign": (
        "请至少指定一个 --org、--chain 或 --region",
        "name at least one --org, --chain or --region",
    ),
    "disabled": ("已停用 {user}", "disabled {user}"),
    "revoked": ("已撤销 {user} 的 {count} 个设备令牌", "revoked {count} token(s) of {user}"),
    "state_active": ("启用", "active"),
    "state_disabled": ("停用", "disabled"),
    "list_header": (
        "用户\t角色\t状态\t企业\t产业链\t地区",
        "user\trole\tstate\torganizations\tchains\tregions",
    ),
    "blob_damaged": (
        "附件 {sha256} 的内容与其哈希值不再一致",
        "blob {sha256} no longer matches its hash",
    ),
    "blobs_waiting": (
        "{count} 条记录引用的附件服务器尚未收到",
        "{count} record(s) name a blob the server does not hold yet",
    ),
    "log_intact": ("变更日志完好", "the change log is intact"),
    "log_problems": ("发现 {count} 处问题", "{count} problem(s)"),
    "log_removed": (
        "第 {position} 条：它之前的一条已被删除或修改",
        "entry {position}: the entry before it was removed or changed",
    ),
    "log_edited": (
        "第 {position} 条（{change}）已被修改",
        "entry {position} ({change}) was edited",
    ),
    "user_disabled": ("用户 {user!r} 已被停用", "user {user!r} is disabled"),
    "bundle_no_org": (
        "{path}：有一项更改没有注明所属企业",
        "{path}: a change names no organization",
    ),
    "bundle_forbidden": (
        "{path}：{problem}（以 {user} 的身份）",
        "{path}: {problem} (as {user})",
    ),
    "no_access": ("无权访问企业 {organization}", "no access to organization {organization}"),
    "imported": (
        "已导入 {path}：{count} 项更改",
        "imported {path}: {count} change(s)",
    ),
}
