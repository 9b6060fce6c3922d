/* The files a user names, opened with the user's own ids; the login gate.
 * See hane/files.h for the contract and why.
 *
 * Why drop the group around each open() rather than run without it and
 * take it back for the database: SQLite opens the database's -wal and
 * -shm files when it first reads, deletes the -wal when the last
 * connection closes, and the backup API creates its target later still;
 * each of those needs the group, at moments SQLite chooses. The files a
 * user names are opened at moments hane chooses, all in this file — and
 * tests/cli/test_files_one_place.sh fails the build's tests if an open()
 * or fopen() of a user's file appears anywhere else.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/security.h"
#include "hane/i18n.h"

static bool started, privileged;
static uid_t real_uid;
static gid_t real_gid, hane_gid;
static bool gate_closed;
static char gate_reason[512];

void hane_files_init(void)
{
	if (started)
		return;
	started = true;
	real_uid = getuid();
	real_gid = getgid();
	hane_gid = getegid();
	privileged = real_gid != hane_gid;
}

bool hane_files_privileged(void)
{
	hane_files_init();
	return privileged;
}

void hane_files_gate_close(const char *reason)
{
	gate_closed = true;
	HANE_COPY(gate_reason, reason ? reason : "");
}

void hane_files_gate_open(void)
{
	gate_closed = false;
	gate_reason[0] = '\0';
}

bool hane_files_gate_is_open(void)
{
	return !gate_closed;
}

static int gate(const char *path, unsigned flags)
{
	if (!gate_closed || (flags & HANE_FILE_BEFORE_LOGIN))
		return 0;
	if (gate_reason[0])
		hane_error_set("%s", gate_reason);
	else
		hane_error_set(hane_msg(HANE_M_FILE_BEFORE_LOGIN), path);
	return HANE_EPERM;
}

/* The caller's group for the next open(); back to hane's after it. A
 * failure to switch is a broken invariant: going on could open a user's
 * file with hane's group. */
static void as_user(void)
{
	if (privileged && setegid(real_gid) != 0)
		hane_die("setegid to the caller's group failed");
}

static int user_depth; /* inside hane_files_as_user() */

static void as_hane(void)
{
	if (user_depth > 0)
		return;
	if (privileged && setegid(hane_gid) != 0)
		hane_die("setegid back to hane's group failed");
}

void hane_files_as_user(void)
{
	hane_files_init();
	if (user_depth++ == 0)
		as_user();
}

void hane_files_as_hane(void)
{
	if (user_depth > 0 && --user_depth == 0)
		as_hane();
}

/* "FOLDER/NAME" → FOLDER (resolved); false when it cannot be. */
static bool parent_real(const char *path, char out[PATH_MAX])
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else if ((size_t)(slash - path) < sizeof dir)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		return false;
	return realpath(dir, out) != NULL;
}

/* In a shared install a backup goes only into the configured folder:
 * path must name a file directly in it. */
static int backup_place(const char *path)
{
	const struct hane_shared_config *cf;
	char dir[PATH_MAX], want[PATH_MAX];
	const char *base = strrchr(path, '/');
	int rc;

	if ((rc = hane_shared_config(&cf)) != 0)
		return rc;
	base = base ? base + 1 : path;
	if (!*base || !strcmp(base, ".") || !strcmp(base, "..") ||
	    !realpath(cf->backup, want) || !parent_real(path, dir) ||
	    strcmp(dir, want) != 0) {
		hane_error_set(hane_msg(HANE_M_FILE_BACKUP_PLACE), path,
			       cf->backup);
		return HANE_EPERM;
	}
	return 0;
}

static unsigned mode_for(const char *path, unsigned flags)
{
	if (!(flags & HANE_FILE_BACKUP))
		return 0600;
	if (privileged)
		return 0660;
	return hane_file_mode_for(path);
}

static int open_error(const char *path, int err)
{
	switch (err) {
	case EEXIST:
		hane_error_set(hane_msg(HANE_M_FILE_EXISTS), path);
		return HANE_EEXIST;
	case ELOOP:
		hane_error_set(hane_msg(HANE_M_FILE_SYMLINK), path);
		return HANE_EPERM;
	case EACCES:
	case EPERM:
	case EROFS:
		hane_error_set(hane_msg(HANE_M_FILE_CANNOT), path,
			       strerror(err));
		return HANE_EPERM;
	default:
		hane_error_set(hane_msg(HANE_M_FILE_CANNOT), path,
			       strerror(err));
		return HANE_EIO;
	}
}

/* Opens an existing file to replace it (HANE_FILE_FORCE): not through a
 * link, only a regular file of the caller's own. */
static int replace_existing(const char *path, unsigned mode)
{
	struct stat sb;
	int fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	int err = errno;

	/* ENXIO: a FIFO nobody reads — not a file either. */
	if (fd < 0)
		return err == ENXIO ? -EEXIST : -err;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_uid != real_uid) {
		close(fd);
		return -EEXIST;
	}
	if (fcntl(fd, F_SETFL, 0) != 0 || fchmod(fd, mode) != 0 ||
	    ftruncate(fd, 0) != 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

/* The start of every opening of path: the gate, then the user's own
 * rights, or the backup group's for a backup in its place (*group); 0 or
 * the error, with the rights unchanged. Undone by leave. */
static int enter(const char *path, unsigned flags, bool *group)
{
	int rc;

	hane_files_init();
	*group = privileged && (flags & HANE_FILE_BACKUP);
	if ((rc = gate(path, flags)) != 0)
		return rc;
	if (*group && (rc = backup_place(path)) != 0)
		return rc;
	if (!*group)
		as_user();
	return 0;
}

static void leave(bool group)
{
	if (!group)
		as_hane();
}

int hane_file_create(int *out, const char *path, unsigned flags)
{
	unsigned mode = mode_for(path, flags);
	bool group;
	int fd, err, rc;

	*out = -1;
	if ((rc = enter(path, flags, &group)) != 0)
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  mode);
	err = errno;
	if (fd < 0 && err == EEXIST && (flags & HANE_FILE_FORCE)) {
		fd = replace_existing(path, mode);
		err = fd < 0 ? -fd : 0;
		if (fd < 0 && err == EEXIST) {
			leave(group);
			hane_error_set(hane_msg(HANE_M_FILE_NOT_OWN), path);
			return HANE_EPERM;
		}
	} else if (fd >= 0 && fchmod(fd, mode) != 0) {
		err = errno;
		close(fd);
		unlink(path);
		fd = -1;
	}
	leave(group);
	if (fd < 0)
		return open_error(path, err);
	*out = fd;
	return 0;
}

/* The stream of a file just opened as fd (rc its opening's result): a
 * file made for writing is removed again when no stream can be had. */
static int stream(FILE **fp, int fd, int rc, const char *mode, const char *path,
		  unsigned flags)
{
	*fp = NULL;
	if (rc)
		return rc;
	if (!(*fp = fdopen(fd, mode))) {
		close(fd);
		if (*mode == 'w')
			hane_file_remove(path, flags);
		hane_error_set(hane_msg(HANE_M_FILE_CANNOT), path,
			       strerror(ENOMEM));
		return HANE_ENOMEM;
	}
	return 0;
}

int hane_file_create_fp(FILE **fp, const char *path, unsigned flags)
{
	int fd = -1, rc = hane_file_create(&fd, path, flags);

	return stream(fp, fd, rc, "wb", path, flags);
}

int hane_file_open_read(int *out, const char *path, unsigned flags)
{
	bool group;
	int fd, err, rc;

	*out = -1;
	if ((rc = enter(path, flags, &group)) != 0)
		return rc;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	err = errno;
	leave(group);
	if (fd < 0)
		return open_error(path, err);
	*out = fd;
	return 0;
}

int hane_file_open_read_fp(FILE **fp, const char *path, unsigned flags)
{
	int fd = -1, rc = hane_file_open_read(&fd, path, flags);

	return stream(fp, fd, rc, "rb", path, flags);
}

void hane_file_remove(const char *path, unsigned flags)
{
	bool group = privileged && (flags & HANE_FILE_BACKUP);

	hane_files_init();
	if (gate_closed && !(flags & HANE_FILE_BEFORE_LOGIN))
		return;
	if (group && backup_place(path) != 0)
		return;
	if (!group)
		as_user();
	(void)unlink(path);
	if (!group)
		as_hane();
}
