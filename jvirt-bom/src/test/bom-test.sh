#!/usr/bin/env bash
# The BOM's test (run by the build): every library module of the reactor (packaging jar, not
# benchmarks, not test-source-only modules such as examples) is managed in jvirt-bom/pom.xml at the project's version, and nothing else is.
# Usage: bom-test.sh ROOT_DIR
# no pipefail: grep -m1 ends its pipe early on purpose
set -eu
root="$1"
bom="$root/jvirt-bom/pom.xml"
artifact_of() { sed '/<parent>/,/<\/parent>/d' "$1" | grep -m1 -o '<artifactId>[^<]*' | sed 's/<artifactId>//'; }
expected=()
for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$root/pom.xml"); do
    pom="$root/$module/pom.xml"
    grep -q '<packaging>pom</packaging>' "$pom" && continue
    [[ -d "$root/$module/src/main/java" ]] || continue   # test sources only (examples): nothing to manage
    a="$(artifact_of "$pom")"
    [[ "$a" == benchmarks ]] && continue
    expected+=("$a")
done
managed=($(sed -n '/<dependencyManagement>/,/<\/dependencyManagement>/p' "$bom" | grep -o '<artifactId>[^<]*' | sed 's/<artifactId>//'))
e="$(printf '%s\n' "${expected[@]}" | sort)"
m="$(printf '%s\n' "${managed[@]}" | sort)"
if [[ "$e" != "$m" ]]; then
    echo "bom-test: FAILED: jvirt-bom/pom.xml must manage exactly the library modules" >&2
    diff <(echo "$e") <(echo "$m") | sed 's/^</  missing in the BOM:/; s/^>/  not a library module:/' >&2 || true
    exit 1
fi
root_version="$(sed '/<parent>/,/<\/parent>/d; /<dependencyManagement>/,$d' "$root/pom.xml" | grep -m1 -o '<version>[^<]*' | sed 's/<version>//')"
bom_version="$(sed '/<dependencyManagement>/,$d' "$bom" | grep -m1 -o '<version>[^<]*' | sed 's/<version>//')"
[[ "$root_version" == "$bom_version" ]] || { echo "bom-test: FAILED: BOM version $bom_version, project $root_version" >&2; exit 1; }
echo "bom-test: jvirt-bom manages ${#managed[@]} modules at $bom_version"
echo "bom-test: 1 passed, 0 failed"
