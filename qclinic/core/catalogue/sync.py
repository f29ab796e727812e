"""Sync with the QClinic server: the command line's messages (qclinic/sync, commands/sync.py)."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "unreachable": (
        "无法连接服务器——您的工作已安全保存在本机，{count} 项更改待同步",
        "server unreachable — your work is safe on this computer, {count} changes waiting",
    ),
    "not_logged_in": (
        "尚未登录同步服务器。请先运行 qclinic sync login --server URL --user 用户名 --password-file 文件",
        "not signed in to a sync server. Run qclinic sync login --server URL --user NAME "
        "--password-file F first",
    ),
    "bad_credentials": ("用户名或密码错误", "wrong user name or password"),
    "token_revoked": (
        "本设备的登录已被撤销或已失效。请重新运行 qclinic sync login",
        "this device's sign-in was revoked or has expired. Run qclinic sync login again",
    ),
    "forbidden": (
        "您无权访问企业 {organization} 的数据",
        "you may not access the data of organization {organization}",
    ),
    "server_error": (
        "服务器拒绝了请求（HTTP {status}）：{detail}",
        "the server refused the request (HTTP {status}): {detail}",
    ),
    "password_file": (
        "无法读取密码文件 {path}：{problem}",
        "cannot read the password file {path}: {problem}",
    ),
    "password_empty": ("密码文件 {path} 是空的", "the password file {path} is empty"),
    "logged_in": ("已作为 {user} 登录 {server}", "signed in to {server} as {user}"),
    "logged_out": ("已退出同步服务器", "signed out of the sync server"),
    "pushing": ("正在上传：{done}/{total} 项更改", "pushing: {done}/{total} changes"),
    "pulling": (
        "正在下载企业 {organization}：已收到 {count} 行",
        "pulling organization {organization}: {count} rows",
    ),
    "done": (
        "同步完成：上传 {pushed} 项（冲突 {conflicts} 项，拒绝 {rejected} 项），下载 {pulled} 行",
        "sync done: {pushed} changes pushed ({conflicts} conflicts, {rejected} rejected), "
        "{pulled} rows pulled",
    ),
    "list_empty": ("（没有记录）", "(no records)"),
    "list_no_conflicts": (
        "本机尚未保存冲突记录：服务器按合并规则处理冲突，qclinic sync 只报告其数量",
        "this computer keeps no record of conflicts yet: the server settles them by the merge "
        "rules and qclinic sync reports only how many there were",
    ),
    "blob_uploading": (
        "正在上传附件：{done}/{total}（已发送 {megabytes} MB）",
        "uploading attachments: {done}/{total} ({megabytes} MB sent)",
    ),
    "blob_downloading": (
        "正在下载附件：{done}/{total}",
        "downloading attachments: {done}/{total}",
    ),
    "blob_not_here": (
        "本机没有附件 {sha256} 的文件，记录照常上传，在其他电脑上将显示为不完整",
        "this computer does not have the file of attachment {sha256}: its record is pushed and "
        "shows as incomplete elsewhere",
    ),
    "blob_damaged": (
        "附件 {sha256} 的内容与其哈希值不符，已拒收，未保存",
        "the bytes of attachment {sha256} do not match its hash: refused, nothing kept",
    ),
    "blob_done": (
        "附件：上传 {uploaded} 个（{megabytes} MB），下载 {downloaded} 个；仍缺 {missing} 个",
        "attachments: {uploaded} uploaded ({megabytes} MB), {downloaded} downloaded; "
        "{missing} still missing",
    ),
}
