/* Online backup with the SQLite backup API.
 *
 * The copy is taken in one step (sqlite3_backup_step with -1), which is
 * one read transaction on the source: in WAL mode other processes keep
 * writing meanwhile, and the copy is the database as of one commit. Copying
 * page by page in several steps would restart from the beginning whenever
 * another process committed in between, and could never finish on a busy
 * day.
 */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/files.h"
#include "hane/i18n.h"
#include "hane/perm.h"

int hane_store_backup(hane_db *db, const char *path, unsigned mode)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	hane_db tmp;
	int fd, rc = hane_can(db, HANE_ACT_MAINTENANCE), src;

	if (rc)
		return rc;
	/* Created here, not by SQLite, so the mode is exactly ours (SQLite
	 * would use 0644 less the umask), an existing file or a link is
	 * never overwritten, and in a shared install it goes only into the
	 * configured backup folder (hane/files.h). */
	if ((rc = hane_file_create(&fd, path, HANE_FILE_BACKUP)) != 0)
		return rc;
	if (!hane_files_privileged() && fchmod(fd, mode) != 0) {
		hane_error_set(hane_msg(HANE_M_DB_OPEN), path, strerror(errno));
		close(fd);
		rc = HANE_EIO;
		goto fail;
	}
	close(fd);
	src = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	memset(&tmp, 0, sizeof tmp);
	tmp.sql = dst;
	tmp.path = (char *)path;
	if (src != SQLITE_OK) {
		rc = hane_store_error(&tmp, src);
		goto fail;
	}
	sqlite3_busy_timeout(dst, 10000);
	b = sqlite3_backup_init(dst, "main", db->sql, "main");
	if (!b) {
		rc = hane_store_error(&tmp, sqlite3_errcode(dst));
		goto fail;
	}
	do {
		src = sqlite3_backup_step(b, -1);
		/* BUSY: a writer holds the source's lock for a moment (not in
		 * WAL mode); step again, the busy handler waits. */
	} while (src == SQLITE_BUSY || src == SQLITE_LOCKED ||
		 src == SQLITE_OK);
	sqlite3_backup_finish(b);
	if (src != SQLITE_DONE) {
		rc = hane_store_error(db, src);
		goto fail;
	}
	/* A backup is one self-contained file: no -wal beside it. */
	src = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (src != SQLITE_OK) {
		rc = hane_store_error(&tmp, src);
		goto fail;
	}
	src = sqlite3_close(dst);
	dst = NULL;
	if (src != SQLITE_OK) {
		rc = HANE_EIO;
		goto fail;
	}
	return 0;
fail:
	if (dst)
		sqlite3_close(dst);
	hane_file_remove(path, HANE_FILE_BACKUP);
	return rc;
}
