"""Sync in the desktop app: the connection check, the sync log, bundle summaries (qclinic/sync/
account.py, bundle_files.py). The widgets' own words are in Qt Linguist; these come from below."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "no_server": ("请填写服务器地址", "enter the server address"),
    "no_user": ("请填写用户名和密码", "enter the user name and the password"),
    "check_signed_in": (
        "服务器可以访问（协议 {protocol}），本设备已作为 {user}（{role}）登录。",
        "The server answers (protocol {protocol}); this device is signed in as {user} ({role}).",
    ),
    "check_password_ok": (
        "服务器可以访问（协议 {protocol}），用户名和密码正确：{user}（{role}）。尚未登录，"
        "请点击“登录”。",
        "The server answers (protocol {protocol}); the user name and password are right: "
        "{user} ({role}). Not signed in yet: click Sign in.",
    ),
    "check_reachable": (
        "服务器可以访问（协议 {protocol}）。本设备尚未登录。",
        "The server answers (protocol {protocol}). This device is not signed in.",
    ),
    "check_unreachable": (
        "无法连接 {server}：请检查地址和网络。数据已安全保存在本机。",
        "Cannot reach {server}: check the address and the network. Your data is safe on this "
        "computer.",
    ),
    "check_not_qclinic": (
        "{server} 有应答，但不是 QClinic 同步服务器。",
        "{server} answers, but it is not a QClinic sync server.",
    ),
    "check_protocol": (
        "服务器使用同步协议 {protocol}，本程序使用协议 {ours}：请升级较旧的一方。",
        "The server speaks sync protocol {protocol}, this program {ours}: upgrade the older one.",
    ),
    "check_bad_credentials": (
        "服务器可以访问，但用户名或密码错误。",
        "The server answers, but the user name or password is wrong.",
    ),
    "check_expired": (
        "服务器可以访问，但本设备的登录已失效或被撤销：请重新输入密码登录。",
        "The server answers, but this device's sign-in has expired or was revoked: sign in "
        "again with your password.",
    ),
    "role_admin": ("管理员", "administrator"),
    "role_lead": ("组长", "lead consultant"),
    "role_consultant": ("咨询师", "consultant"),
    "role_company": ("企业用户", "company user"),
    "log_sent": (
        "上传 {changes} 项更改（冲突 {conflicts} 项，拒绝 {rejected} 项，等待 {waiting} 项），"
        "附件 {blobs} 个",
        "sent {changes} changes ({conflicts} conflicts, {rejected} rejected, {waiting} waiting), "
        "{blobs} attachments",
    ),
    "log_received": (
        "收到 {rows} 行，下载附件 {blobs} 个，仍缺 {missing} 个",
        "received {rows} rows, {blobs} attachments downloaded, {missing} still missing",
    ),
    "log_cancelled": (
        "同步已取消；已完成的部分已保存，下次从中断处继续",
        "sync cancelled; what was done is kept and the next sync resumes there",
    ),
    "log_unreachable": (
        "无法连接服务器 {server}；{count} 项更改留在本机待同步",
        "cannot reach the server {server}; {count} changes wait on this computer",
    ),
    "log_failed": ("同步失败：{problem}", "sync failed: {problem}"),
    "imported_kinds": ("按类别：{kinds}", "by kind: {kinds}"),
    "kind_count": ("{kind} {count} 项", "{kind}: {count}"),
    "refused_reason_not_here": (
        "本机没有该记录，而数据包中是对它的修改",
        "this computer lacks the record the bundle edits",
    ),
    "refused_reason_other_base": (
        "本机的版本与数据包所基于的版本不同",
        "this computer holds another version than the bundle's base",
    ),
    "refused_reason_local_edit": (
        "本机有尚未同步的修改",
        "a local edit here is not synced yet",
    ),
    "refused_reason_signed": ("评估已签署，不可更改", "the assessment is signed"),
    "refused_reason_unknown_entity": ("未知的记录类型", "an unknown kind of record"),
    "entity_organization": ("企业", "organizations"),
    "entity_site": ("厂区", "sites"),
    "entity_person": ("人员", "people"),
    "entity_visit": ("走访", "visits"),
    "entity_assessment": ("评估", "assessments"),
    "entity_assessment_member": ("评估组成员", "team members"),
    "entity_signature": ("签名", "signatures"),
    "entity_assessment_seal": ("盖章", "seals"),
    "entity_answer": ("答案", "answers"),
    "entity_finding": ("发现项", "findings"),
    "entity_clinic_case": ("门诊病例", "clinic cases"),
    "entity_action": ("改进措施", "actions"),
    "entity_attachment": ("附件", "attachments"),
    "entity_chain": ("产业链", "chains"),
    "entity_chain_member": ("产业链成员", "chain memberships"),
}
