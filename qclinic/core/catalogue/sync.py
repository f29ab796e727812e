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
    "pulling_many": (
        "正在下载：已查看 {done}/{total} 个同步范围，共收到 {count} 行",
        "pulling: {done} of {total} scopes looked at, {count} rows received",
    ),
    "done": (
        "同步完成：上传 {pushed} 项（冲突 {conflicts} 项，拒绝 {rejected} 项），下载 {pulled} 行",
        "sync done: {pushed} changes pushed ({conflicts} conflicts, {rejected} rejected), "
        "{pulled} rows pulled",
    ),
    "list_empty": ("（没有记录）", "(no records)"),
    "list_no_conflicts": ("本机没有同步冲突记录", "this computer keeps no sync conflicts"),
    "fault_token_expired": (
        "本设备的登录已过期（长期未同步）。请重新登录：qclinic sync login --server URL "
        "--user 用户名 --password-file 文件；待同步的更改仍安全保存在本机",
        "this device's sign-in has expired (unused for too long). Sign in again: qclinic sync "
        "login --server URL --user NAME --password-file F; your waiting changes are safe on "
        "this computer",
    ),
    "fault_too_large": (
        "记录 {entity} {row} 超过服务器允许的请求大小（{limit} 字节），无法上传；"
        "请联系服务器管理员调高上限（qclinic-server serve --max-body-bytes）",
        "the record {entity} {row} is over the server's request size limit ({limit} bytes) and "
        "cannot be pushed; ask the server's administrator to raise it (qclinic-server serve "
        "--max-body-bytes)",
    ),
    "conflict_duplicate_refused": (
        "服务器未接受企业“{name}”：统一社会信用代码 {code} 已属于服务器上的企业“{existing}”。"
        "请核对信用代码，或删除重复的企业后改用已有企业",
        "the server refused the organization “{name}”: the credit code {code} belongs to "
        "“{existing}” on the server. Check the code, or delete the duplicate and use the "
        "existing organization",
    ),
    "conflict_duplicate_pulled": (
        "服务器上的企业“{theirs}”与本机企业“{mine}”的统一社会信用代码 {code} 相同，暂不下载该企业；"
        "请修改或删除本机的重复企业后再同步",
        "the organization “{theirs}” on the server has the credit code {code} of your "
        "organization “{mine}”: it is not pulled until you change or delete your duplicate",
    ),
    "resolved_elsewhere": (
        "{count} 项同步冲突已在别处处理（另一台电脑或负责人），本机的副本随之关闭",
        "{count} sync conflicts were resolved elsewhere (another computer, or a lead): "
        "their copies here are closed",
    ),
    "resolved_first_elsewhere": (
        "你处理的 {count} 项冲突此前已由他人先行处理：以最先的处理为准，你的处理在本机保留备查",
        "{count} conflicts you resolved had been resolved elsewhere first: the first resolution "
        "stands, and yours is kept here beside it",
    ),
    "conflict_open": (
        "{count} 项同步冲突待处理（服务器保留了它的值）：运行 qclinic list conflicts 查看",
        "{count} sync conflicts to look at (the server kept its value): see qclinic list conflicts",
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
    "fault_server_token_expired": (
        "本设备的登录已过期（长期未使用），请重新登录",
        "this device's sign-in has expired (unused for too long): sign in again",
    ),
    "fault_server_options": (
        "--max-body-bytes 至少为 2097152（2 MiB：附件以 1 MiB 为一块上传），--token-days 必须大于 0",
        "--max-body-bytes needs at least 2097152 (2 MiB: attachments go up in 1 MiB chunks) and "
        "--token-days more than 0",
    ),
}
