#!/bin/sh
# Copy peer projects' test corpora into DEST for benchmarks/readers.py (README, "Reader
# benchmarks"). CLONES holds one git clone (or bare repository) per project, named as below;
# a project missing there is cloned from GitHub. The files stay outside this repository.
#   scripts/get-peer-corpora.sh DEST [CLONES]
set -eu
dest=${1:?usage: get-peer-corpora.sh DEST [CLONES]}
clones=${2:-}

get() {  # get NAME OWNER/REPO PATH...
    name=$1 repo=$2
    shift 2
    src=$clones/$name
    if [ -z "$clones" ] || [ ! -e "$src" ]; then
        src=$(mktemp -d)/$name
        git clone -q --depth 1 "https://github.com/$repo" "$src"
    fi
    rm -rf "${dest:?}/$name" && mkdir -p "$dest/$name"
    git -C "$src" archive HEAD "$@" | tar -x -C "$dest/$name"
    echo "$dest/$name: $(find "$dest/$name" -type f | wc -l) files from $repo"
}

get trafilatura adbar/trafilatura tests/cache tests/eval tests/evaldata.json
get newspaper codelucas/newspaper tests/data/html tests/data/text
get feedparser kurtmckee/feedparser tests/encoding tests/entities tests/illformed tests/json \
    tests/wellformed
get warcio webrecorder/warcio test/data
get pywb webrecorder/pywb sample_archive
