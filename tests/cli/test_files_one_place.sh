#!/usr/bin/env bash
# Every file a user names is opened in one place, src/files/files.c, with
# the user's own ids (#16). A new fopen()/open()/unlink()/remove() elsewhere
# in src/ would open a user's file with the shared install's group: this
# test lists it. The few opens of hane's own files (the database, the
# terminal, a test VFS) say so on the line with a "files.h:" comment.
. "$(dirname "$0")/lib.sh"
: "${HANE_SOURCE_DIR:?}"
hits=$(grep -rnE '\b(fopen|freopen|open|openat|creat|unlink|remove|rename|truncate)\(' \
	"$HANE_SOURCE_DIR/src" --include='*.c' |
	grep -v "^$HANE_SOURCE_DIR/src/files/" |
	grep -vE '(hane_[a-z_]*|\.|->|_)(open|remove|unlink|rename|truncate)\(' |
	grep -v 'files.h:' || true)
if [ -z "$hits" ]; then ok; else bad "files opened outside src/files: $hits"; fi
finish
