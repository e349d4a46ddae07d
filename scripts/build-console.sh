#!/usr/bin/env bash
# Builds the operator console into dist/console (served by the gateway at /console):
# the browser script compiled with its own tsconfig (DOM, no modules), then the
# static page and stylesheet beside it. No framework, no CDN, nothing downloaded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx tsc -p apps/gateway/console/tsconfig.json
cp apps/gateway/console/static/* dist/console/
