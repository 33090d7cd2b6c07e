#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly CLI's recommended rules (redocly.yaml beside this script); exits non-zero
# on any error. The document: a file or URL given as $1, else deploy/api/openapi.json, the served document as
# committed (ApiContractTest keeps it so). Needs Node.js and the npm registry (or npm's cache); not part of the build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
document=${1:-$here/openapi.json}
exec npx --yes @redocly/cli@2.77.0 lint --config "$here/redocly.yaml" "$document"
