#!/usr/bin/env bash
# Cuts a release: the mechanical steps of docs/releasing.md.
#
# Usage: scripts/release.sh VERSION       e.g. scripts/release.sh 0.1.0
#
# Refuses a dirty tree, a VERSION that is not the one in CMakeLists.txt and CHANGELOG.md, or a
# tag that exists. Then runs the whole CI (tests, sanitizers, fuzzing), builds and checks the
# packages (scripts/package.sh), runs the install test in a fresh Debian 12 chroot, tags the
# commit vVERSION (locally; pushing is a person's decision), and leaves the packages with
# their SHA256SUMS in dist/VERSION/.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${1:?usage: scripts/release.sh VERSION}

fail() { echo "release: $*" >&2; exit 1; }
[[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "VERSION must be MAJOR.MINOR.PATCH"
[ -z "$(git status --porcelain)" ] || fail "the working tree is not clean"
grep -q "^    VERSION $VERSION\$" CMakeLists.txt || fail "CMakeLists.txt's project version is not $VERSION"
grep -q "^## \[$VERSION\] - " CHANGELOG.md || fail "CHANGELOG.md has no '## [$VERSION] - DATE' section"
! git rev-parse -q --verify "refs/tags/v$VERSION" >/dev/null || fail "tag v$VERSION exists"

started=$(date +%s)
echo "== CI (tests, sanitizers, fuzzing)"
CI=true .ci/run || fail "CI failed"
echo "== packages"
DIST_DIR=dist/$VERSION scripts/package.sh || fail "packaging failed"
echo "== install test in a fresh Debian 12"
DIST_DIR=dist/$VERSION scripts/install-test.sh --chroot || fail "the install test failed"
(cd "dist/$VERSION" && sha256sum -- *.deb >SHA256SUMS)
git tag -a "v$VERSION" -m "obnam-qt $VERSION"
echo "== released $VERSION in $(($(date +%s) - started)) s"
ls -l "dist/$VERSION"
cat "dist/$VERSION/SHA256SUMS"
echo "Tagged v$VERSION (local). Push it with: git push origin v$VERSION"
