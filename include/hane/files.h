/* hane/files.h — the files a user names, and the privilege hane runs with.
 *
 * In a shared install (scripts/install-shared) the binary is set-group-ID
 * `hane`: the process starts with the caller's own uid and gid as its real
 * ids and the hane group as its effective group, which is what lets it
 * open the protected database. That group must serve the database alone.
 * Every other file — an import's input, an -o/--output/--csv file, a
 * rejects file, an access-request answer, a --password-file — is opened
 * here, and only here, with the effective group switched back to the
 * caller's own for the open() itself (setegid; the saved set-group-ID
 * lets it come back). Once open, a descriptor carries no ids, so the rest
 * of the work is the same. A caller can therefore reach through hane only
 * the files they could open with cat or a shell redirect.
 *
 * Files hane creates for the user are new: O_CREAT|O_EXCL|O_NOFOLLOW,
 * mode 0600. With HANE_FILE_FORCE an existing file is replaced only when
 * it is a regular file owned by the caller (never through a symbolic
 * link: O_NOFOLLOW; never a FIFO or device), and it becomes 0600.
 *
 * Nothing is opened before login: the command line closes the gate at
 * start and opens it once a staff member is logged in; until then every
 * function here refuses (HANE_EPERM) with the reason given to the gate.
 * Code that never closes the gate (unit tests, tools) is not affected.
 *
 * Errors: 0 or a negative HANE_E… with hane_error_last() naming the file.
 */
#ifndef HANE_FILES_H
#define HANE_FILES_H

#include <stdbool.h>
#include <stdio.h>

#include "hane/error.h"

enum hane_file_flag {
	/* Replace an existing regular file of the caller's own. */
	HANE_FILE_FORCE = 1u << 0,
	/* May be opened before login (the --password-file). */
	HANE_FILE_BEFORE_LOGIN = 1u << 1,
	/* A backup: in a shared install only inside the configured backup
	 * folder, opened with hane's group (the folder is hane's, not the
	 * caller's) and created 0660; elsewhere the caller's file, created
	 * 0600 (0660 in a set-group-ID folder). */
	HANE_FILE_BACKUP = 1u << 2,
};

/* Records the ids hane started with. Call once, first thing in main().
 * Later calls do nothing. */
void hane_files_init(void);

/* True when hane runs with an effective group it did not start with
 * (installed set-group-ID): the shared install's rules apply. */
bool hane_files_privileged(void);

/* The login gate. Closed: every open here is refused with reason
 * (copied; NULL for a generic message). Open: files may be opened. */
void hane_files_gate_close(const char *reason);
void hane_files_gate_open(void);
/* False while the gate is closed (before login): store makes none of the
 * database's own files then (its writers' queue, DB-writer). */
bool hane_files_gate_is_open(void);

/* Creates path for writing (see the top of this file) and gives its
 * descriptor in *fd. HANE_EEXIST when it exists and HANE_FILE_FORCE is
 * not given or it is not the caller's regular file. */
int hane_file_create(int *fd, const char *path,
		     unsigned flags) HANE_WARN_UNUSED;

/* hane_file_create as a stdio stream ("wb"). */
int hane_file_create_fp(FILE **fp, const char *path,
			unsigned flags) HANE_WARN_UNUSED;

/* Opens path for reading with the caller's ids; *fd or *fp. */
int hane_file_open_read(int *fd, const char *path,
			unsigned flags) HANE_WARN_UNUSED;
int hane_file_open_read_fp(FILE **fp, const char *path,
			   unsigned flags) HANE_WARN_UNUSED;

/* Removes a file hane created and did not finish (with the caller's ids,
 * or hane's group for HANE_FILE_BACKUP). Errors are ignored: the file
 * may be gone already. */
void hane_file_remove(const char *path, unsigned flags);

/* Between these two, the effective group is the caller's own: for a
 * library that opens files by name in a folder of the caller's
 * (libxlsxwriter's temporary workbook). They nest; nothing of hane's
 * database may be opened in between. */
void hane_files_as_user(void);
void hane_files_as_hane(void);

/* ---- The shared install's configuration -------------------------------- */

/* Read from PREFIX/etc/hane/hane.conf (/etc/hane/hane.conf when PREFIX
 * is /usr), where PREFIX/bin/hane is the running binary; the file and
 * its folder must belong to root and be writable by nobody else, or a
 * user could write their own. Lines "name = value", '#' comments:
 *   database = /var/lib/hane/hane.db
 *   data = /var/lib/hane
 *   backup = /var/lib/hane/backup
 */
struct hane_shared_config {
	char path[4096]; /* the file read */
	char database[4096];
	char data[4096];
	char backup[4096];
};

/* Reads the configuration (only meaningful when privileged). 0, or
 * HANE_EIO / HANE_EPERM with a message saying what is wrong. The result
 * is kept: later calls return the same. */
int hane_shared_config(const struct hane_shared_config **out) HANE_WARN_UNUSED;

#endif
