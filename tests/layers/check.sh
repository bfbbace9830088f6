#!/bin/bash
# Checks every project #include "..." of runtime/, orchestrator/ and cli/ against
# tests/layers/floors.txt: a file may include its own folder and the folders its folder's line
# names, nothing else. Prints each violation as file:line: the include, and exits 1 if any.
set -euo pipefail
root=${UCRUN_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"

declare -A allowed
while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] && continue
    allowed[${line%%:*}]=" ${line#*:} "
done < tests/layers/floors.txt

# The longest folder of floors.txt that holds `file`.
floor_of() {
    local file=$1 best=""
    for f in "${!allowed[@]}"; do
        if [[ $file == "$f"/* && ${#f} -gt ${#best} ]]; then best=$f; fi
    done
    printf '%s' "$best"
}

bad=0
while IFS= read -r -d '' file; do
    floor=$(floor_of "$file")
    if [[ -z $floor ]]; then
        echo "$file: its folder has no line in tests/layers/floors.txt"
        bad=1
        continue
    fi
    while IFS=: read -r n text; do
        target=${text#*\"}
        target=${target%%\"*}
        [[ $target == */* ]] || continue          # a file beside it
        [[ $target == "$floor"/* ]] && continue   # its own folder
        ok=0
        for dep in ${allowed[$floor]}; do
            if [[ $target == "$dep"/* ]]; then ok=1; break; fi
        done
        if (( ! ok )); then
            echo "$file:$n: $floor may not include $target"
            bad=1
        fi
    done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
done < <(find runtime orchestrator cli -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' | sort | tr '\n' '\0')
if (( bad )); then
    echo "include floors broken (tests/layers/floors.txt, CONTRIBUTING.md)"
    exit 1
fi
echo "include floors hold"
