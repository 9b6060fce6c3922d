/* A shim SQLite VFS for the reliability tests (hane/testing.h): forwards
 * every call to the default VFS and can fail writes as a full disk does,
 * open files read-only, or act as a read-only file system. Linked into
 * programs only when a test calls it: nothing in hane references this
 * file. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "hane/testing.h"
#include "shimvfs.h"
#include "store_int.h"

struct fault_file {
	struct shim_file shim; /* our methods; the wrapped file follows */
	const char *name;      /* SQLite keeps it valid until xClose */
};

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static int64_t fault_budget = -1; /* bytes left before "disk full" */
static int64_t fault_written;
static bool fault_ro;
static bool fault_rofs;

static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault_budget >= 0) {
		if (fault_budget < n) {
			fault_budget = 0;
			return SQLITE_FULL;
		}
		fault_budget -= n;
	}
	fault_written += n;
	return shim_write(f, buf, n, off);
}

static int f_control(sqlite3_file *f, int op, void *arg)
{
	/* SQLite grows files in chunks through this: a full disk refuses
	 * that too. */
	if (op == SQLITE_FCNTL_SIZE_HINT && fault_budget == 0)
		return SQLITE_FULL;
	return shim_control(f, op, arg);
}

static bool exists(const char *name)
{
	int out = 0;

	if (real_vfs->xAccess(real_vfs, name, SQLITE_ACCESS_EXISTS, &out))
		return false;
	return out != 0;
}

static int f_shm_map(sqlite3_file *f, int pg, int sz, int extend,
		     void volatile **pp)
{
	const char *name = ((struct fault_file *)f)->name;

	/* A read-only file system cannot make the -shm (the unix VFS says
	 * SQLITE_CANTOPEN). One that exists is still mapped as usual. */
	if (fault_rofs && name) {
		char shm[1024];

		snprintf(shm, sizeof shm, "%s-shm", name);
		if (!exists(shm))
			return SQLITE_CANTOPEN;
	}
	return shim_shm_map(f, pg, sz, extend, pp);
}

static sqlite3_io_methods fault_io; /* set by hane_testing_fault_install */

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
		  int flags, int *out_flags)
{
	struct fault_file *ff = (struct fault_file *)f;

	ff->shim.real = (sqlite3_file *)(ff + 1);
	ff->name = name;
	if (fault_rofs && name &&
	    (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL |
		      SQLITE_OPEN_MAIN_JOURNAL))) {
		/* Read-only file system: nothing can be made, what exists
		 * opens read-only (temporary files live elsewhere). */
		f->pMethods = NULL;
		if (!exists(name))
			return SQLITE_CANTOPEN;
		flags &= ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
		flags |= SQLITE_OPEN_READONLY;
	} else if (fault_ro && (flags & SQLITE_OPEN_MAIN_DB) &&
		   (flags & SQLITE_OPEN_READWRITE)) {
		/* What the unix VFS does on EACCES: open read-only. */
		flags &= ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
		flags |= SQLITE_OPEN_READONLY;
	}
	return shim_open(real_vfs, name, f, flags, out_flags, &fault_io);
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	if (fault_rofs)
		return SQLITE_IOERR_DELETE;
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	if (fault_rofs && flags == SQLITE_ACCESS_READWRITE) {
		*out = 0;
		return SQLITE_OK;
	}
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

int hane_testing_fault_install(void)
{
	fault_budget = -1;
	fault_ro = false;
	fault_rofs = false;
	if (real_vfs)
		return 0;
	if (!(real_vfs = shim_real_vfs(NULL)))
		return HANE_EINTERNAL;
	shim_io_init(&fault_io);
	fault_io.xWrite = f_write;
	fault_io.xFileControl = f_control;
	fault_io.xShmMap = f_shm_map;
	shim_vfs_init(&fault_vfs, real_vfs, "hane-fault",
		      (int)sizeof(struct fault_file), v_open, v_delete,
		      v_access);
	if (sqlite3_vfs_register(&fault_vfs, 1) != SQLITE_OK) {
		real_vfs = NULL;
		return HANE_EINTERNAL;
	}
	return 0;
}

void hane_testing_fault_disk_full_after(int64_t bytes)
{
	fault_budget = bytes;
}

int64_t hane_testing_fault_written(void)
{
	return fault_written;
}

void hane_testing_fault_readonly(bool on)
{
	fault_ro = on;
}

void hane_testing_fault_readonly_fs(bool on)
{
	fault_rofs = on;
}

void hane_testing_busy_timeout(hane_db *db, int ms)
{
	sqlite3_busy_timeout(db->sql, ms);
}
