/* The pass-through methods shared by the test VFS shims (shimvfs.h). */
#include <stddef.h>

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
