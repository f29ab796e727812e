"""Bundle files for air-gapped sites (qclinic/sync/bundle.py, ``qclinic bundle``): why one is
refused, located by the file and, where there is one, the member."""

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "cannot_read": ("{path}：无法读取（{reason}）。", "{path}: cannot be read ({reason})."),
    "not_a_bundle": (
        "{path}：不是 QClinic 数据包（.qcbundle）。",
        "{path}: is not a QClinic bundle (.qcbundle).",
    ),
    "truncated": (
        "{path}：数据包不完整或已损坏（可能复制时被截断）。请重新复制或重新导出。",
        "{path}: the bundle is incomplete or damaged (perhaps cut short while copying). "
        "Copy or export it again.",
    ),
    "damaged": (
        "{path}：成员 {name} 已损坏，无法读出。请重新复制或重新导出。",
        "{path}: member {name} is damaged and cannot be read. Copy or export the bundle again.",
    ),
    "unsafe_name": (
        "{path}：含有不安全的成员名 {name}（过长、绝对路径或指向包外）。该数据包已拒收。",
        "{path}: has an unsafe member name {name} (too long, absolute, or pointing outside the "
        "bundle). The bundle is refused.",
    ),
    "duplicate_member": (
        "{path}：成员 {name} 出现了不止一次。该数据包已拒收。",
        "{path}: member {name} appears more than once. The bundle is refused.",
    ),
    "member_missing": (
        "{path}：缺少成员 {name}。该数据包不完整，已拒收。",
        "{path}: member {name} is missing. The bundle is incomplete and is refused.",
    ),
    "member_extra": (
        "{path}：含有清单中没有的成员 {name}。该数据包已被改动，已拒收。",
        "{path}: has a member {name} the manifest does not list. The bundle was altered and is "
        "refused.",
    ),
    "member_changed": (
        "{path}：成员 {name} 的内容与清单中的 SHA-256 不符。该数据包已被改动或损坏，已拒收。",
        "{path}: the content of member {name} does not match its SHA-256 in the manifest. The "
        "bundle was altered or damaged and is refused.",
    ),
    "member_too_large": (
        "{path}：成员 {name} 超出允许的大小（{limit}）。该数据包已拒收。",
        "{path}: member {name} is larger than allowed ({limit}). The bundle is refused.",
    ),
    "manifest_invalid": (
        "{path}：清单 manifest.json 无效：{reason}。",
        "{path}: the manifest (manifest.json) is not valid: {reason}.",
    ),
    "newer_version": (
        "{path}：数据包格式为第 {version} 版，由更新的 QClinic 生成；本程序只能读取到第 {supported} 版。请先升级 QClinic。",
        "{path}: the bundle is format version {version}, made by a newer QClinic; this one reads "
        "up to version {supported}. Update QClinic first.",
    ),
    "bad_signature": (
        "{path}：签名无效：清单在签名后被改动，或签名不属于此数据包。该数据包已拒收。",
        "{path}: the signature is not valid: the manifest was changed after signing, or the "
        "signature is not this bundle's. The bundle is refused.",
    ),
    "untrusted_key": (
        "{path}：由设备 {device} 的密钥 {key} 签名，该密钥不在受信任的密钥中。该数据包已拒收。",
        "{path}: signed by device {device} with key {key}, which is not among the trusted keys. "
        "The bundle is refused.",
    ),
    "change_invalid": (
        "{path}：changes.jsonl 第 {line} 行：{reason}。",
        "{path}: changes.jsonl line {line}: {reason}.",
    ),
    "count_mismatch": (
        "{path}：清单记载 {expected} 条{what}，实际有 {found} 条。该数据包已拒收。",
        "{path}: the manifest counts {expected} {what}, the bundle holds {found}. The bundle is "
        "refused.",
    ),
    "what.changes": ("更改", "changes"),
    "what.blobs": ("附件", "attachments"),
    "blob_mismatch": (
        "{path}：内容与其 SHA-256 {sha256} 不符（附件在导出时被改动）。未写出数据包。",
        "{path}: its content does not match its SHA-256 {sha256} (the attachment changed during "
        "the export). No bundle was written.",
    ),
    "device_key_unreadable": (
        "{path}：无法读取本设备的签名密钥（{reason}）。",
        "{path}: this device's signing key cannot be read ({reason}).",
    ),
    "bad_public_key": (
        "“{key}”不是公钥（应为 ed25519: 加 base64，如 qclinic bundle key 所示）。",
        "“{key}” is not a public key (expected ed25519: followed by base64, as qclinic bundle "
        "key prints).",
    ),
    "verified": (
        "{path}：数据包完好，签名有效。",
        "{path}: the bundle is intact and its signature valid.",
    ),
    "field.version": ("格式版本", "format version"),
    "field.device": ("设备", "device"),
    "field.key": ("签名密钥", "signing key"),
    "field.created": ("创建时间", "created"),
    "field.organizations": ("组织", "organizations"),
    "field.changes": ("更改", "changes"),
    "field.blobs": ("附件", "attachments"),
    "field.size": ("大小", "size"),
    "exported": (
        "{path}：已导出 {changes} 项更改（连同其附件）。",
        "{path}: {changes} change(s) exported, with their attachments.",
    ),
    "imported": (
        "{path}：已应用 {applied} 项，{unchanged} 项已存在，{conflicts} 项冲突未应用。",
        "{path}: {applied} applied, {unchanged} already here, {conflicts} conflict(s) not applied.",
    ),
    "import_conflict": (
        "冲突：{entity} {row_id}（{reason}）",
        "conflict: {entity} {row_id} ({reason})",
    ),
    "import_missing_parent": (
        "{path}：有更改引用了本机和数据包中都没有的上级记录；未应用任何更改。请先同步或导入更早的数据包。",
        "{path}: a change refers to a parent record neither this computer nor the bundle has; "
        "nothing was applied. Sync, or import the earlier bundle, first.",
    ),
}
