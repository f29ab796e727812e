"""``qclinic bundle verify F.qcbundle [--json] [--trust KEY]...``: check a bundle file and show its
manifest (exit 0), or say why it is refused (exit 2); ``qclinic bundle key``: this device's public
key, to give to whoever should trust its bundles.

``qclinic bundle export --out F.qcbundle [--org ID]...`` writes the changes the next push would
send, signed by this device's key; ``qclinic bundle import F.qcbundle`` applies one here through
the pull's path (services/bundles.py has the rules). The format is docs/BUNDLE.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qclinic.errors import UserError

if TYPE_CHECKING:
    from qclinic.services import Services


def register(subparsers: Any) -> None:
    bundle = subparsers.add_parser(
        "bundle",
        help="bundle files for sites without a network: verify one, show this device's key",
        description="Bundles (.qcbundle) carry changes and attachments by USB stick or e-mail. "
        "verify checks one (signature, every member's hash, the format version) and shows its "
        "manifest: exit 0 intact, 2 refused.",
    )
    commands = bundle.add_subparsers(dest="bundle_command", metavar="SUBCOMMAND", required=True)
    verify = commands.add_parser("verify", help="check a bundle and show its manifest")
    verify.add_argument("file", metavar="F.qcbundle", type=Path)
    verify.add_argument(
        "--trust",
        action="append",
        metavar="KEY",
        help="a trusted public key (ed25519:…, as `qclinic bundle key` prints; repeatable); "
        "without it the bundle's own key checks that it is whole, not who signed it",
    )
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    verify.add_argument("--lang", choices=["zh", "en"], help="output language")
    verify.set_defaults(func=cmd_verify)
    export = commands.add_parser("export", help="write this device's unpushed changes to a bundle")
    export.add_argument("--out", required=True, metavar="F.qcbundle", type=Path)
    export.add_argument("--org", action="append", default=[], metavar="ID", help="only this one")
    export.add_argument("--lang", choices=["zh", "en"], help="output language")
    export.set_defaults(func=cmd_export)
    load = commands.add_parser("import", help="apply a bundle's changes on this computer")
    load.add_argument("file", metavar="F.qcbundle", type=Path)
    load.add_argument("--trust", action="append", metavar="KEY", help="a trusted public key")
    load.add_argument("--json", action="store_true", help="machine-readable output")
    load.add_argument("--lang", choices=["zh", "en"], help="output language")
    load.set_defaults(func=cmd_import)
    key = commands.add_parser("key", help="print this device's public key (made on first use)")
    key.set_defaults(func=cmd_key)


def cmd_verify(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core.catalogue import say
    from qclinic.sync.bundle import read_bundle

    lang = message_language(args.lang)
    try:
        with read_bundle(args.file, args.trust) as bundle:
            manifest = bundle.manifest
    except UserError as error:
        if args.json:
            refusal = error.text.as_dict() if error.text else {"en": str(error), "zh": str(error)}
            print(json.dumps({"ok": False, "file": str(args.file), "error": refusal}))
        raise
    if args.json:
        shown = {"ok": True, "file": str(args.file), "manifest": manifest.as_json()}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    size = sum(m.size for m in manifest.members.values())
    rows = [
        ("version", str(manifest.version)),
        ("device", manifest.device_id),
        ("key", manifest.public_key),
        ("created", manifest.created),
        ("organizations", ", ".join(manifest.organization_ids) or "—"),
        ("changes", str(manifest.changes)),
        ("blobs", str(manifest.blobs)),
        ("size", f"{size / (1 << 20):.1f} MiB"),
    ]
    out = [say("bundle.verified", lang, path=args.file)]
    out += [f"  {say(f'bundle.field.{name}', lang)}: {value}" for name, value in rows]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _services() -> Services:
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    return Services(open_database())


def cmd_export(args: argparse.Namespace) -> int:
    from qclinic import paths
    from qclinic.cli import message_language
    from qclinic.core.catalogue import say
    from qclinic.sync.account import Account
    from qclinic.sync.bundle_files import export_bundle

    count = export_bundle(Account(_services(), paths.data_dir()), Path(args.out), args.org or ())
    lang = message_language(args.lang)
    print(say("bundle.exported", lang, path=args.out, changes=count))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from qclinic import paths
    from qclinic.cli import message_language
    from qclinic.core.catalogue import say
    from qclinic.sync.account import Account
    from qclinic.sync.bundle_files import import_bundle

    lang = message_language(args.lang)
    # the bytes before the records that name them (hash checked as copied), then the changes
    result = import_bundle(Account(_services(), paths.data_dir()), Path(args.file), args.trust)
    if args.json:
        shown = {
            "ok": True,
            "applied": result.applied,
            "unchanged": result.unchanged,
            "conflicts": result.refused,
        }
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    counts = {"applied": result.applied, "unchanged": result.unchanged}
    lines = [say("bundle.imported", lang, path=args.file, conflicts=len(result.refused), **counts)]
    lines += ["  " + say("bundle.import_conflict", lang, **conflict) for conflict in result.refused]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def cmd_key(_args: argparse.Namespace) -> int:
    from qclinic import paths
    from qclinic.sync.bundle import device_key, public_key_text

    print(public_key_text(device_key(paths.data_dir())))
    return 0
