/* The pass-through methods shared by the test VFS shims (shimvfs.h). */
#include <stddef.h>
#include <string.h>

#include "shimvfs.h"

#define R(f) SHIM_REAL(f)

int shim_close(sqlite3_file *f)
{
	return R(f)->pMethods ? R(f)->pMethods->xClose(R(f)) : SQLITE_OK;
}

int shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return R(f)->pMethods->xRead(R(f), buf, n, off);
}

int shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	return R(f)->pMethods->xWrite(R(f), buf, n, off);
}

int shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return R(f)->pMethods->xTruncate(R(f), size);
}

int shim_sync(sqlite3_file *f, int flags)
{
	return R(f)->pMethods->xSync(R(f), flags);
}

int shim_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return R(f)->pMethods->xFileSize(R(f), size);
}

int shim_lock(sqlite3_file *f, int l)
{
	return R(f)->pMethods->xLock(R(f), l);
}

int shim_unlock(sqlite3_file *f, int l)
{
	return R(f)->pMethods->xUnlock(R(f), l);
}

int shim_check(sqlite3_file *f, int *out)
{
	return R(f)->pMethods->xCheckReservedLock(R(f), out);
}

int shim_control(sqlite3_file *f, int op, void *arg)
{
	return R(f)->pMethods->xFileControl(R(f), op, arg);
}

int shim_sector(sqlite3_file *f)
{
	return R(f)->pMethods->xSectorSize(R(f));
}

int shim_chars(sqlite3_file *f)
{
	return R(f)->pMethods->xDeviceCharacteristics(R(f));
}

int shim_shm_map(sqlite3_file *f, int pg, int sz, int extend,
		 void volatile **pp)
{
	return R(f)->pMethods->xShmMap(R(f), pg, sz, extend, pp);
}

int shim_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return R(f)->pMethods->xShmLock(R(f), off, n, flags);
}

void shim_shm_barrier(sqlite3_file *f)
{
	R(f)->pMethods->xShmBarrier(R(f));
}

int shim_shm_unmap(sqlite3_file *f, int del)
{
	return R(f)->pMethods->xShmUnmap(R(f), del);
}

int shim_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	(void)f;
	(void)off;
	(void)n;
	*pp = NULL;
	return SQLITE_OK;
}

int shim_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f;
	(void)off;
	(void)p;
	return SQLITE_OK;
}

void shim_io_init(sqlite3_io_methods *io)
{
	*io = (sqlite3_io_methods){
		.iVersion = 3,
		.xClose = shim_close,
		.xRead = shim_read,
		.xWrite = shim_write,
		.xTruncate = shim_truncate,
		.xSync = shim_sync,
		.xFileSize = shim_size,
		.xLock = shim_lock,
		.xUnlock = shim_unlock,
		.xCheckReservedLock = shim_check,
		.xFileControl = shim_control,
		.xSectorSize = shim_sector,
		.xDeviceCharacteristics = shim_chars,
		.xShmMap = shim_shm_map,
		.xShmLock = shim_shm_lock,
		.xShmBarrier = shim_shm_barrier,
		.xShmUnmap = shim_shm_unmap,
		.xFetch = shim_fetch,
		.xUnfetch = shim_unfetch,
	};
}

int shim_open(sqlite3_vfs *real, const char *name, sqlite3_file *f, int flags,
	      int *out_flags, const sqlite3_io_methods *io)
{
	int rc = real->xOpen(real, name, SHIM_REAL(f), flags, out_flags);

	f->pMethods = SHIM_REAL(f)->pMethods ? io : NULL;
	return rc;
}

/* ---- The VFS's own methods ---------------------------------------------- */

#define REAL(vfs) ((sqlite3_vfs *)(vfs)->pAppData)

static int v_full(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	return REAL(vfs)->xFullPathname(REAL(vfs), name, n, out);
}

static int v_random(sqlite3_vfs *vfs, int n, char *out)
{
	return REAL(vfs)->xRandomness(REAL(vfs), n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
	return REAL(vfs)->xSleep(REAL(vfs), us);
}

static int v_time(sqlite3_vfs *vfs, double *out)
{
	return REAL(vfs)->xCurrentTime(REAL(vfs), out);
}

static int v_error(sqlite3_vfs *vfs, int n, char *out)
{
	return REAL(vfs)->xGetLastError(REAL(vfs), n, out);
}

static int v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	return REAL(vfs)->xCurrentTimeInt64(REAL(vfs), out);
}

sqlite3_vfs *shim_real_vfs(const char *prefer)
{
	sqlite3_vfs *real;

	if (sqlite3_initialize() != SQLITE_OK)
		return NULL;
	real = prefer ? sqlite3_vfs_find(prefer) : NULL;
	return real ? real : sqlite3_vfs_find(NULL);
}

void shim_vfs_init(sqlite3_vfs *vfs, sqlite3_vfs *real, const char *name,
		   int sz,
		   int (*open)(sqlite3_vfs *, const char *, sqlite3_file *, int,
			       int *),
		   int (*del)(sqlite3_vfs *, const char *, int),
		   int (*access)(sqlite3_vfs *, const char *, int, int *))
{
	memset(vfs, 0, sizeof *vfs);
	vfs->iVersion = 2;
	vfs->szOsFile = sz + real->szOsFile;
	vfs->mxPathname = real->mxPathname;
	vfs->zName = name;
	vfs->pAppData = real;
	vfs->xOpen = open;
	vfs->xDelete = del;
	vfs->xAccess = access;
	vfs->xFullPathname = v_full;
	vfs->xRandomness = v_random;
	vfs->xSleep = v_sleep;
	vfs->xCurrentTime = v_time;
	vfs->xGetLastError = v_error;
	vfs->xCurrentTimeInt64 = v_time64;
	/* Extensions are not a shim's business: the real VFS's own. */
	vfs->xDlOpen = real->xDlOpen;
	vfs->xDlError = real->xDlError;
	vfs->xDlSym = real->xDlSym;
	vfs->xDlClose = real->xDlClose;
}
