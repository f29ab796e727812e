#!/bin/sh
# The macOS step: after `python build_installer.py` has built dist/QClinic.app on a Mac (the
# spec's BUNDLE step), put the app and a link to /Applications in a compressed DMG.
#     sh installer/macos/make_dmg.sh VERSION
# With DRY_RUN=1 (what `python build_installer.py --check-scripts` does on Linux) it only checks that
# every file it names exists, APP standing for the built bundle, and prints the commands.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=${1:?usage: make_dmg.sh VERSION}
DIST=${DIST:-"$ROOT/dist"}
APP=${APP:-"$DIST/QClinic.app"}
DRY_RUN=${DRY_RUN:-0}
if [ "$DRY_RUN" = 1 ]; then
  EXE="$APP/qclinic"               # the one-folder bundle stands in for the .app
  DATA="$APP/_internal"
else
  EXE="$APP/Contents/MacOS/qclinic"
  DATA="$APP/Contents/Resources"
fi
DMG="$DIST/QClinic-$VERSION-macos.dmg"

missing=0
for file in "$EXE" "$ROOT/resources/icons/qclinic.icns" \
            "$DATA/resources/fonts/DroidSansFallbackFull.ttf" \
            "$DATA/resources/translations/qclinic_zh_CN.qm" \
            "$DATA/resources/checklists/vda63-process.yaml"; do
  if [ -e "$file" ]; then echo "found: $file"; else echo "missing: $file" >&2; missing=1; fi
done
[ "$missing" = 0 ] || exit 1

run() { if [ "$DRY_RUN" = 1 ]; then echo "would run: $*"; else "$@"; fi; }
STAGE=$(mktemp -d)
run cp -R "$APP" "$STAGE/QClinic.app"
run ln -s /Applications "$STAGE/Applications"
run hdiutil create -volname "QClinic $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
run shasum -a 256 "$DMG"
rm -rf "$STAGE"
