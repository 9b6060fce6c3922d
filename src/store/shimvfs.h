/* The pass-through half of the test VFS shims (faultvfs.c, powervfs.c):
 * each wraps the default VFS's file in a struct that starts with a
 * struct shim_file, and uses these for the methods it does not change,
 * or calls them after its own check. Private to src/store. */
#ifndef HANE_SHIMVFS_H
#define HANE_SHIMVFS_H

#include <sqlite3.h>

struct shim_file {
	sqlite3_file base;  /* the shim's methods */
	sqlite3_file *real; /* the wrapped file (allocated right after the
			       shim's own struct) */
};

#define SHIM_REAL(f) (((struct shim_file *)(f))->real)

int shim_close(sqlite3_file *f);
int shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off);
int shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off);
int shim_truncate(sqlite3_file *f, sqlite3_int64 size);
int shim_sync(sqlite3_file *f, int flags);
int shim_size(sqlite3_file *f, sqlite3_int64 *size);
int shim_lock(sqlite3_file *f, int l);
int shim_unlock(sqlite3_file *f, int l);
int shim_check(sqlite3_file *f, int *out);
int shim_control(sqlite3_file *f, int op, void *arg);
int shim_sector(sqlite3_file *f);
int shim_chars(sqlite3_file *f);
int shim_shm_map(sqlite3_file *f, int pg, int sz, int extend,
		 void volatile **pp);
int shim_shm_lock(sqlite3_file *f, int off, int n, int flags);
void shim_shm_barrier(sqlite3_file *f);
int shim_shm_unmap(sqlite3_file *f, int del);
/* No memory-mapped reads: every page goes through xRead. */
int shim_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp);
int shim_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p);

/* Fills io with the pass-through methods (version 3); a shim then sets
 * the ones it changes. */
void shim_io_init(sqlite3_io_methods *io);

/* Opens name on real into the shim's wrapped file (SHIM_REAL(f), set
 * by the caller) and gives f the shim's methods io when it opened. */
int shim_open(sqlite3_vfs *real, const char *name, sqlite3_file *f, int flags,
	      int *out_flags, const sqlite3_io_methods *io);

/* The VFS a shim wraps, after initialising SQLite: the one named
 * prefer if there is one, else the default; NULL if neither. */
sqlite3_vfs *shim_real_vfs(const char *prefer);

/* Fills vfs as a shim named name over real (kept in pAppData) for files
 * of sz bytes, with the shim's own open, delete and access: every other
 * method passes through to real. */
void shim_vfs_init(sqlite3_vfs *vfs, sqlite3_vfs *real, const char *name,
		   int sz,
		   int (*open)(sqlite3_vfs *, const char *, sqlite3_file *, int,
			       int *),
		   int (*del)(sqlite3_vfs *, const char *, int),
		   int (*access)(sqlite3_vfs *, const char *, int, int *));

#endif
