#!/usr/bin/env bash
# Installs posthog-gitops for the GitHub Action (action.yml at the repository root; docs/ci.md).
#   install.sh resolve   decides what to install and where: mode, version, dir and cache key
#                        (to GITHUB_OUTPUT)
#   install.sh fetch     downloads the release jar and checks its SHA-256, or builds this
#                        checkout, unless the cache already restored it; then puts
#                        bin/posthog-gitops, the launcher of a clone, on PATH
set -euo pipefail

fail() {
  echo "::error title=posthog-gitops::$1"
  exit 1
}

# The project version in pom.xml: the first <version> at two spaces' indent.
pom_version() {
  sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ACTION_PATH/pom.xml" | head -n 1
}

# A digest of what a build from source is made of, so a changed checkout is built again.
source_digest() {
  (cd "$ACTION_PATH" && find pom.xml mvnw .mvn src/main -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-16)
}

resolve() {
  local mode version
  case "${INPUT_VERSION:-}" in
    source) mode=source ;;
    "")
      version=$(pom_version)
      # At a release tag (v1, v1.2.3) the action's own release is downloaded; at a commit or a
      # branch, or with `uses: ./`, the checkout is built.
      if [[ "${ACTION_REF:-}" =~ ^v[0-9] && "$version" != *-SNAPSHOT ]]; then
        mode=release
      else
        mode=source
      fi
      ;;
    *)
      mode=release
      version=${INPUT_VERSION#v}
      ;;
  esac
  if [ "$mode" = source ]; then
    version=src-$(source_digest)
  fi
  [[ "$version" =~ ^[A-Za-z0-9._-]+$ ]] || fail "version '$version' is not a posthog-gitops version; use e.g. 0.1.0, or source."
  local dir="${RUNNER_TOOL_CACHE:-$HOME/.cache}/posthog-gitops/$version"
  {
    echo "mode=$mode"
    echo "version=$version"
    echo "dir=$dir"
    echo "key=posthog-gitops-${RUNNER_OS:-Linux}-$version"
  } >> "$GITHUB_OUTPUT"
  echo "posthog-gitops $version ($mode) in $dir"
}

download() {
  local repository=${ACTION_REPOSITORY:-}
  [ -n "$repository" ] || fail "version $INSTALL_VERSION is downloaded from the action's repository, which is unknown with uses: ./; set version: source to build this checkout."
  local name="posthog-gitops-$INSTALL_VERSION.jar"
  local url="${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download/v$INSTALL_VERSION/$name"
  local work
  work=$(mktemp -d)
  curl -fsSL --retry 3 -o "$work/$name" "$url" ||
    fail "cannot download $url; check that release v$INSTALL_VERSION exists and has $name."
  local expected=${INPUT_SHA256:-}
  if [ -z "$expected" ]; then
    curl -fsSL --retry 3 -o "$work/$name.sha256" "$url.sha256" ||
      fail "cannot download $url.sha256, so the jar cannot be checked; set the sha256 input to its SHA-256."
    expected=$(cut -d ' ' -f 1 < "$work/$name.sha256")
  fi
  local actual
  actual=$(sha256sum "$work/$name" | cut -d ' ' -f 1)
  [ "$actual" = "$expected" ] ||
    fail "$name has SHA-256 $actual, not $expected; nothing was installed. Download it again, or check the sha256 input."
  mkdir -p "$INSTALL_DIR/lib"
  mv "$work/$name" "$INSTALL_DIR/lib/posthog-gitops.jar"
}

build() {
  echo "Building posthog-gitops from $ACTION_PATH"
  # No class-data archive here: one is valid only beside the jar it was written with.
  (cd "$ACTION_PATH" && sh ./mvnw -B -q package -DskipTests -Dappcds.skip=true)
  mkdir -p "$INSTALL_DIR/lib"
  cp "$ACTION_PATH/target/posthog-gitops.jar" "$INSTALL_DIR/lib/posthog-gitops.jar"
}

# The launcher of a clone (bin/posthog-gitops: the start-up settings of docs/performance.md) beside
# the jar, and the class-data archive it starts with, written as the build writes it: by this Java,
# planning the bundled examples once. The cache keeps both with the jar.
launcher() {
  mkdir -p "$INSTALL_DIR/bin"
  cp "$ACTION_PATH/bin/posthog-gitops" "$INSTALL_DIR/bin/posthog-gitops"
  chmod +x "$INSTALL_DIR/bin/posthog-gitops"
}

class_data_archive() {
  POSTHOG_GITOPS_CDS_WRITE=1 "$INSTALL_DIR/bin/posthog-gitops" plan "$ACTION_PATH/examples/flags" \
    --snapshot "$ACTION_PATH/examples/snapshot.json" > "$INSTALL_DIR/class-data.log" 2>&1 ||
    echo "::warning title=posthog-gitops::no class-data archive was written (see $INSTALL_DIR/class-data.log); posthog-gitops runs without it, a few tenths of a second slower to start."
}

fetch() {
  if [ -f "$INSTALL_DIR/lib/posthog-gitops.jar" ]; then
    echo "posthog-gitops $INSTALL_VERSION restored from the cache"
    launcher
  else
    if [ "$INSTALL_MODE" = release ]; then
      download
    else
      build
    fi
    launcher
    class_data_archive
  fi
  echo "$INSTALL_DIR/bin" >> "$GITHUB_PATH"
  echo "jar=$INSTALL_DIR/lib/posthog-gitops.jar" >> "$GITHUB_OUTPUT"
}

case "${1:-}" in
  resolve) resolve ;;
  fetch) fetch ;;
  *) fail "usage: install.sh resolve|fetch" ;;
esac
