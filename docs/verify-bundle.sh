#!/usr/bin/env bash
# verify-bundle.sh: checks an export bundle of Rounds offline with bash, coreutils, sed, awk and unzip.
# usage: bash verify-bundle.sh rounds-audit-2026-11-01-2026-11-30.zip [public-key.pem]
#   the bundle may also be the folder it was unzipped to; with the key (GET /api/audit/key), openssl checks manifest.sig
set -eu
export LC_ALL=C
fail() { echo "bundle NOT verified: $*" >&2; exit 1; }
[ $# -eq 1 ] || [ $# -eq 2 ] || { echo "usage: bash verify-bundle.sh BUNDLE.zip|FOLDER [PUBLIC-KEY.pem]" >&2; exit 2; }
key=
if [ $# -eq 2 ]; then
  [ -f "$2" ] || fail "$2: no such public key file"
  key=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$1" ]; then
  cd "$1"
else
  unzip -q "$1" -d "$work/bundle" || fail "$1: not a zip that unzip can read"
  cd "$work/bundle"
fi
[ -f manifest.json ] || fail "manifest.json: missing"
manifest=$(cat manifest.json)
value() { # one top-level field of manifest.json: a number, null or a string without escapes
  printf '%s\n' "$manifest" | sed -n 's/^{.*"'"$1"'":\(null\|[0-9][0-9]*\|"[^"\\]*"\)[,}].*$/\1/p' | tr -d '"'
}
[ "$(value format)" = rounds-audit-bundle/1 ] || fail "manifest.json: format is not rounds-audit-bundle/1"

# 1. Every file has the size and SHA-256 that manifest.json lists, and no file is missing or extra.
printf '%s\n' "$manifest" | grep -o '{"bytes":[0-9]*,"name":"[a-z0-9._-]*","sha256":"[0-9a-f]*"}' \
  | sed 's/^{"bytes":\([0-9]*\),"name":"\([^"]*\)","sha256":"\([0-9a-f]*\)"}$/\1 \2 \3/' > "$work/files"
grep -q '^[0-9]* audit\.jsonl ' "$work/files" || fail "manifest.json: audit.jsonl is not listed"
while read -r bytes name sum; do
  [ -f "$name" ] || fail "$name: listed in manifest.json but missing"
  [ "$(wc -c < "$name")" -eq "$bytes" ] || fail "$name: size differs from manifest.json ($bytes bytes)"
  [ "$(sha256sum < "$name" | cut -d' ' -f1)" = "$sum" ] || fail "$name: sha256 differs from manifest.json"
done < "$work/files"
for name in * .*; do
  case "$name" in .|..|manifest.json|manifest.sig) continue ;; esac
  [ -e "$name" ] || continue
  awk -v name="$name" '$2 == name { found = 1 } END { exit !found }' "$work/files" \
    || fail "$name: in the bundle but not listed in manifest.json"
done

# 2. Each line of audit.jsonl rebuilt into the text its hash covers, seq|at|actor|action|subject|detail|prev_hash,
#    one file per line; seq and prev_hash must link each line to the one before.
mkdir "$work/hashed"
awk -v dir="$work/hashed" -v first_seq="$(value first_seq)" -v first_prev="$(value first_prev_hash)" '
function fail(why) {
  printf "bundle NOT verified: audit.jsonl line %d: %s\n", NR, why > "/dev/stderr"
  failed = 1
  exit 1
}
function expect(text) {
  if (substr(rest, 1, length(text)) != text) fail("expected " text " at: " substr(rest, 1, 40))
  rest = substr(rest, length(text) + 1)
}
function string(   text) {
  if (!match(rest, /^"([^"\\]|\\.)*"/)) fail("expected a JSON string at: " substr(rest, 1, 40))
  text = substr(rest, 2, RLENGTH - 2)
  rest = substr(rest, RLENGTH + 1)
  return unescape(text)
}
function unescape(text,   out, i, c, code) {
  out = ""
  while ((i = index(text, "\\")) > 0) {
    out = out substr(text, 1, i - 1)
    c = substr(text, i + 1, 1)
    if (c == "u") {
      code = hex(substr(text, i + 2, 4))
      if (code < 1 || code > 31) fail("escape \\u" substr(text, i + 2, 4) " is not one Rounds writes")
      out = out sprintf("%c", code)
      text = substr(text, i + 6)
      continue
    }
    if (c == "n") c = "\n"; else if (c == "t") c = "\t"; else if (c == "r") c = "\r"
    else if (c == "b") c = "\b"; else if (c == "f") c = "\f"
    else if (c != "\"" && c != "\\" && c != "/") fail("unknown escape \\" c)
    out = out c
    text = substr(text, i + 2)
  }
  return out text
}
function hex(digits,   i, d, n) {
  n = 0
  for (i = 1; i <= 4; i++) {
    d = index("0123456789abcdef", substr(digits, i, 1))
    if (d == 0) return -1
    n = n * 16 + d - 1
  }
  return n
}
{
  rest = $0
  expect("{\"seq\":")
  if (!match(rest, /^[1-9][0-9]*,/)) fail("expected a seq at: " substr(rest, 1, 40))
  seq = substr(rest, 1, RLENGTH - 1)
  rest = substr(rest, RLENGTH)
  expect(",\"at\":"); at = string()
  expect(",\"actor\":"); actor = string()
  expect(",\"action\":"); action = string()
  expect(",\"subject\":"); subject = string()
  expect(",\"detail\":")
  # The rest has a fixed length: ,"prev_hash":"<64 hex>","hash":"<64 hex>"}
  detail = substr(rest, 1, length(rest) - 154)
  if (detail !~ /^\{.*\}$/) fail("expected the detail as a JSON object")
  rest = substr(rest, length(detail) + 1)
  expect(",\"prev_hash\":\""); prev = substr(rest, 1, 64); rest = substr(rest, 65)
  expect("\",\"hash\":\""); hash = substr(rest, 1, 64); rest = substr(rest, 65)
  if (rest != "\"}") fail("expected the line to end after hash")
  if (prev !~ /^[0-9a-f]+$/ || hash !~ /^[0-9a-f]+$/) fail("prev_hash and hash must be lowercase hex")
  if (index(actor action subject, "|")) fail("actor, action or subject contains |, which Rounds never writes")
  if (NR == 1 && (seq != first_seq || prev != first_prev))
    fail("seq " seq " and prev_hash " prev " differ from first_seq and first_prev_hash in manifest.json")
  if (NR > 1 && seq != last_seq + 1) fail("seq " seq " does not follow seq " last_seq ": an entry is missing")
  if (NR > 1 && prev != last_hash) fail("prev_hash is not the hash of the line before")
  last_seq = seq
  last_hash = hash
  file = dir "/" NR
  printf "%s|%s|%s|%s|%s|%s|%s", seq, at, actor, action, subject, detail, prev > file
  close(file)
  print NR, hash, seq
}
END { if (failed) exit 1 }' audit.jsonl > "$work/claimed" || exit 1

# 3. Every line's hash recomputed: one sha256sum over all the rebuilt texts, in line order.
(cd "$work/hashed" && ls | sort -n | xargs -r sha256sum) > "$work/computed"
paste -d ' ' "$work/claimed" "$work/computed" | awk '$1 != $5 || $2 != $4 {
  printf "bundle NOT verified: audit.jsonl line %d: hash %s differs from the hash of the line'"'"'s fields\n", $1, $2 > "/dev/stderr"
  exit 1 }' || exit 1

# 4. The slice ends where manifest.json says, inside the chain whose head it records.
entries=$(wc -l < audit.jsonl)
last=$(tail -n 1 "$work/claimed")
last_seq=${last##* } last_hash=$(printf '%s' "$last" | cut -d' ' -f2)
[ "$entries" -eq "$(value entries)" ] || fail "audit.jsonl: $entries lines, manifest.json says $(value entries) entries"
if [ "$entries" -eq 0 ]; then
  last_seq=null last_hash=null
fi
[ "$last_seq" = "$(value last_seq)" ] || fail "audit.jsonl: last seq $last_seq, manifest.json says $(value last_seq)"
[ "$last_hash" = "$(value last_hash)" ] || fail "audit.jsonl: last hash $last_hash differs from last_hash in manifest.json"
if [ "$last_seq" != null ]; then
  [ "$(value head_seq)" -ge "$last_seq" ] || fail "manifest.json: head_seq is before the slice's last seq"
  [ "$(value head_seq)" -gt "$last_seq" ] || [ "$(value head_hash)" = "$last_hash" ] \
    || fail "manifest.json: head_hash differs from the hash of the last entry, which is the head"
fi

# 5. With the public key: manifest.sig is the Ed25519 signature of manifest.json.
if [ -n "$key" ]; then
  [ -f manifest.sig ] || fail "manifest.sig: missing, so manifest.json is not signed"
  openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in manifest.json -sigfile manifest.sig > /dev/null 2>&1 \
    || fail "manifest.sig: not a signature of manifest.json by $2"
  echo "manifest.json signature verified with $2"
fi
echo "bundle verified: $entries entries, last seq $last_seq hash $last_hash"
echo "manifest.json sha256 $(sha256sum < manifest.json | cut -d' ' -f1)"
