#!/usr/bin/env bash
# Screenshots of the main pages for the README, taken with Debian's headless chromium from a
# running `./fixfinder demo` (default http://127.0.0.1:7070). Usage: scripts/screenshots.sh [BASE]
set -euo pipefail
BASE="${1:-http://127.0.0.1:7070}"
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/docs/screenshots"
mkdir -p "$OUT"
shot() { # name, path, height
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"$3" \
    --screenshot="$OUT/$1.png" "$BASE$2" >/dev/null 2>&1
  echo "$OUT/$1.png"
}
shot search "/?q=washing+machine+wont+drain+E18" 1500
issue=$(curl -fsS "$BASE/api/search?q=washing+machine+wont+drain+E18" | python3 -c 'import json,sys; print(json.load(sys.stdin)["issues"][0]["issue"]["id"])')
shot issue "/issue/$issue" 1700
shot nomatch "/?q=my+fridge+is+making+noise" 900
product=$(curl -fsS "$BASE/api/search?q=WM-8420X" | python3 -c 'import json,sys
for h in json.load(sys.stdin)["hits"]:
    p = h["product"]
    if p.get("brand") and p.get("model"):
        import re; print(re.sub(r"[^a-z0-9]", "", p["brand"].lower()) + "-" + re.sub(r"[^a-z0-9]", "", p["model"].lower())); break')
shot product "/product/$product" 1100
