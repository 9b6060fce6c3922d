/* A shim SQLite VFS that simulates power loss for the reliability tests
 * (hane/testing.h). Linked into programs only when a test calls it.
 *
 * Writes go through to the file at once, as they reach the page cache of
 * a real system, but each write or truncate since the file's last xSync is
 * logged with the bytes it replaced: that is what a power cut may take
 * away. The log is per file (by path), not per handle, because a sync on
 * any descriptor of a file makes every earlier write to it durable, as
 * fsync does. The sync itself is simulated (the log forgets, no real
 * fsync is made): nothing here depends on the real disk's durability.
 *
 * At the cut (the Nth write, truncate or sync after arming) the log is
 * undone, newest first, so the files hold exactly what had been synced;
 * in the torn variant a seeded random subset of the unsynced writes is then
 * applied again in their order, some whole and some only in part, 512-byte
 * sector by sector, as a disk that reorders and tears its writes may leave
 * them. From then on the machine is off: every read, write, sync, open and
 * delete through this VFS fails with an I/O error, so the connections can
 * only be closed (locks and shared memory are still released: they are
 * process state, not disk state), and nothing more reaches the disk.
 *
 * Not modelled: directory entries (creating and deleting a file are
 * durable at once, as if the directory were synced), and the -shm file
 * (SQLite rebuilds it from the WAL after a crash). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hane/testing.h"
#include "shimvfs.h"
#include "store_int.h"

#define SECTOR 512

/* One unsynced change to a file. */
struct power_op {
	struct power_op *next;
	bool truncate;
	sqlite3_int64 off;	/* write: offset; truncate: the new size */
	int n;			/* bytes written */
	sqlite3_int64 old_size; /* the file's size before */
	int n_old;		/* bytes of old data (those below old_size) */
	unsigned char *data;	/* n new bytes, then n_old old ones */
};

/* A file by path, with its unsynced changes, oldest first. */
struct power_node {
	struct power_node *next;
	char *path;
	bool is_wal;
	struct power_op *ops, **tail;
	int64_t nops;
};

struct power_file {
	struct shim_file shim;	 /* our methods; the wrapped file follows */
	struct power_node *node; /* NULL: a temporary file, never logged */
};

static sqlite3_vfs power_vfs;
static sqlite3_vfs *real_vfs;
static struct power_node *nodes;
static int64_t cut_at = -1; /* op number of the cut; -1: none armed */
static enum hane_power_cut cut_mode;
static uint64_t cut_rng;
static struct hane_power_stats stats;

#define REAL(f) SHIM_REAL(f)
#define NODE(f) (((struct power_file *)(f))->node)

static uint64_t rand64(void)
{
	cut_rng ^= cut_rng << 13;
	cut_rng ^= cut_rng >> 7;
	cut_rng ^= cut_rng << 17;
	return cut_rng;
}

/* ---- The log ------------------------------------------------------------- */

static struct power_node *node_find(const char *path, bool make)
{
	struct power_node *n;
	size_t len;

	for (n = nodes; n; n = n->next)
		if (strcmp(n->path, path) == 0)
			return n;
	if (!make)
		return NULL;
	n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->path = strdup(path);
	if (!n->path) {
		free(n);
		return NULL;
	}
	len = strlen(path);
	n->is_wal = len > 4 && strcmp(path + len - 4, "-wal") == 0;
	n->tail = &n->ops;
	n->next = nodes;
	nodes = n;
	return n;
}

static void node_forget_ops(struct power_node *n)
{
	struct power_op *o, *next;

	for (o = n->ops; o; o = next) {
		next = o->next;
		free(o->data);
		free(o);
	}
	n->ops = NULL;
	n->tail = &n->ops;
	n->nops = 0;
}

static void node_free_all(void)
{
	struct power_node *n, *next;

	for (n = nodes; n; n = next) {
		next = n->next;
		node_forget_ops(n);
		free(n->path);
		free(n);
	}
	nodes = NULL;
}

/* Logs a write of n bytes at off, or a truncation to off (before it is
 * made), keeping the bytes it replaces or cuts off. */
static int log_op(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off,
		  bool truncate)
{
	struct power_node *node = NODE(f);
	struct power_op *o;
	sqlite3_int64 size = 0;
	int rc;

	if (REAL(f)->pMethods->xFileSize(REAL(f), &size) != SQLITE_OK)
		return SQLITE_IOERR_FSTAT;
	o = calloc(1, sizeof *o);
	if (!o)
		return SQLITE_NOMEM;
	o->truncate = truncate;
	o->off = off;
	o->n = n;
	o->old_size = size;
	if (off < size)
		o->n_old = (int)(truncate || size - off < n ? size - off : n);
	o->data = malloc((size_t)n + (size_t)o->n_old + 1);
	if (!o->data) {
		free(o);
		return SQLITE_NOMEM;
	}
	if (n > 0)
		memcpy(o->data, buf, (size_t)n);
	if (o->n_old > 0) {
		rc = REAL(f)->pMethods->xRead(REAL(f), o->data + n, o->n_old,
					      off);
		if (rc != SQLITE_OK) {
			free(o->data);
			free(o);
			return rc;
		}
	}
	*node->tail = o;
	node->tail = &o->next;
	node->nops++;
	return SQLITE_OK;
}

static int log_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	return log_op(f, buf, n, off, false);
}

static int log_truncate(sqlite3_file *f, sqlite3_int64 to)
{
	return log_op(f, NULL, 0, to, true);
}

/* ---- The cut ------------------------------------------------------------- */

static void pwrite_all(int fd, const unsigned char *b, size_t n, off_t off)
{
	while (n > 0) {
		ssize_t w = pwrite(fd, b, n, off);

		if (w <= 0)
			return;
		b += w;
		n -= (size_t)w;
		off += w;
	}
}

static void undo(int fd, const struct power_op *o)
{
	/* Failures cannot be reported (the machine is off); on a local
	 * disk there are none. */
	if (o->truncate) {
		(void)!ftruncate(fd, (off_t)o->old_size);
		pwrite_all(fd, o->data, (size_t)o->n_old, (off_t)o->off);
		return;
	}
	pwrite_all(fd, o->data + o->n, (size_t)o->n_old, (off_t)o->off);
	/* A write past the end grew the file: shrink it back. */
	if (o->off + o->n > o->old_size)
		(void)!ftruncate(fd, (off_t)o->old_size);
}

/* Torn variant: op o reaches the disk whole, in part or not at all; each
 * cut draws how often each happens (lose_pct, tear_pct), so some cuts keep
 * nearly everything and others nearly nothing. */
static void redo_some(int fd, const struct power_op *o, unsigned lose_pct,
		      unsigned tear_pct)
{
	sqlite3_int64 pos, end;
	bool any = false, all = true;

	if (rand64() % 100 < lose_pct)
		return;
	if (o->truncate) {
		stats.landed++;
		(void)!ftruncate(fd, (off_t)o->off);
		return;
	}
	end = o->off + o->n;
	if (rand64() % 100 >= tear_pct ||
	    o->off / SECTOR == (end - 1) / SECTOR) {
		stats.landed++;
		pwrite_all(fd, o->data, (size_t)o->n, (off_t)o->off);
		return;
	}
	/* Torn: each sector of the write lands or not. */
	for (pos = o->off; pos < end;) {
		sqlite3_int64 next = (pos / SECTOR + 1) * SECTOR;

		if (next > end)
			next = end;
		if (rand64() & 1) {
			pwrite_all(fd, o->data + (pos - o->off),
				   (size_t)(next - pos), (off_t)pos);
			any = true;
		} else {
			all = false;
		}
		pos = next;
	}
	if (all)
		stats.landed++;
	else if (any)
		stats.torn++;
}

static void power_fail(void)
{
	/* A third of the cuts lose and tear almost nothing: the disk had
	 * written nearly everything back, as after a kill -9. */
	bool gentle = rand64() % 3 == 0;
	unsigned lose_pct = (unsigned)(rand64() % (gentle ? 3 : 60));
	unsigned tear_pct = (unsigned)(rand64() % (gentle ? 3 : 60));

	stats.cut = true;
	for (struct power_node *n = nodes; n; n = n->next) {
		struct power_op **v;
		struct power_op *o;
		int64_t i = 0;
		int fd;

		if (!n->ops)
			continue;
		stats.unsynced += n->nops;
		/* Closing this descriptor drops the process's POSIX locks on
		 * the file: harmless, every connection is dead from now on
		 * and may only be closed. */
		fd = open(n->path, O_WRONLY); /* files.h: test VFS */
		if (fd < 0)
			continue;
		v = malloc(sizeof *v * (size_t)n->nops);
		if (v) {
			for (o = n->ops; o; o = o->next)
				v[i++] = o;
			while (i-- > 0)
				undo(fd, v[i]);
			if (cut_mode == HANE_POWER_TORN)
				for (i = 0; i < n->nops; i++)
					redo_some(fd, v[i], lose_pct, tear_pct);
			free(v);
		}
		close(fd);
		/* Open handles still point at the node: it stays, empty. */
		node_forget_ops(n);
	}
}

/* Counts one write, truncate or sync; true when the power fails at it. */
static bool op_cuts(void)
{
	stats.ops++;
	return cut_at >= 0 && stats.ops >= cut_at;
}

/* ---- I/O methods --------------------------------------------------------- */

static int p_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (stats.cut)
		return SQLITE_IOERR_READ;
	return shim_read(f, buf, n, off);
}

static int p_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	bool cut;
	int rc;

	if (stats.cut)
		return SQLITE_IOERR_WRITE;
	if (!NODE(f))
		return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
	cut = op_cuts();
	/* The write at the cut is as unsynced as any: the torn variant
	 * may keep some of it. */
	rc = log_write(f, buf, n, off);
	if (rc == SQLITE_OK)
		rc = REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
	if (cut) {
		power_fail();
		return SQLITE_IOERR_WRITE;
	}
	return rc;
}

static int p_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	bool cut;
	int rc;

	if (stats.cut)
		return SQLITE_IOERR_TRUNCATE;
	if (!NODE(f))
		return REAL(f)->pMethods->xTruncate(REAL(f), size);
	cut = op_cuts();
	rc = log_truncate(f, size);
	if (rc == SQLITE_OK)
		rc = REAL(f)->pMethods->xTruncate(REAL(f), size);
	if (cut) {
		power_fail();
		return SQLITE_IOERR_TRUNCATE;
	}
	return rc;
}

static int p_sync(sqlite3_file *f, int flags)
{
	if (stats.cut)
		return SQLITE_IOERR_FSYNC;
	if (!NODE(f))
		return REAL(f)->pMethods->xSync(REAL(f), flags);
	if (op_cuts()) {
		/* The power fails before the sync completes. */
		power_fail();
		return SQLITE_IOERR_FSYNC;
	}
	/* The sync is simulated: what it makes durable is what the log
	 * forgets. A real fsync would add nothing here but time. */
	node_forget_ops(NODE(f));
	stats.syncs++;
	if (NODE(f)->is_wal)
		stats.wal_syncs++;
	return SQLITE_OK;
}

static int p_size(sqlite3_file *f, sqlite3_int64 *size)
{
	if (stats.cut)
		return SQLITE_IOERR_FSTAT;
	return shim_size(f, size);
}

static int p_lock(sqlite3_file *f, int l)
{
	if (stats.cut)
		return SQLITE_IOERR_LOCK;
	return shim_lock(f, l);
}

static int p_check(sqlite3_file *f, int *out)
{
	if (stats.cut)
		return SQLITE_IOERR_CHECKRESERVEDLOCK;
	return shim_check(f, out);
}

static int p_control(sqlite3_file *f, int op, void *arg)
{
	/* A size hint may grow the file behind the log's back (with a chunk
	 * size set): it is only a hint, so it is taken and ignored. */
	if (op == SQLITE_FCNTL_SIZE_HINT)
		return SQLITE_OK;
	return shim_control(f, op, arg);
}

static int p_shm_map(sqlite3_file *f, int pg, int sz, int extend,
		     void volatile **pp)
{
	if (stats.cut)
		return SQLITE_IOERR_SHMMAP;
	return shim_shm_map(f, pg, sz, extend, pp);
}

static int p_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	if (stats.cut && !(flags & SQLITE_SHM_UNLOCK))
		return SQLITE_IOERR_SHMLOCK;
	return shim_shm_lock(f, off, n, flags);
}

/* Power overrides most methods: its own table, in sqlite3_io_methods'
 * order. */
static const sqlite3_io_methods power_io = {
	3,
	shim_close,
	p_read,
	p_write,
	p_truncate,
	p_sync,
	p_size,
	p_lock,
	shim_unlock,
	p_check,
	p_control,
	shim_sector,
	shim_chars,
	p_shm_map,
	p_shm_lock,
	shim_shm_barrier,
	shim_shm_unmap,
	shim_fetch,
	shim_unfetch,
};

/* ---- VFS methods --------------------------------------------------------- */

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
		  int flags, int *out_flags)
{
	struct power_file *pf = (struct power_file *)f;

	pf->shim.real = (sqlite3_file *)(pf + 1);
	pf->node = NULL;
	f->pMethods = NULL;
	if (stats.cut)
		return SQLITE_CANTOPEN;
	/* Only files that outlive the process can lose writes. */
	if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL |
			      SQLITE_OPEN_MAIN_JOURNAL))) {
		pf->node = node_find(name, true);
		if (!pf->node)
			return SQLITE_NOMEM;
	}
	return shim_open(real_vfs, name, f, flags, out_flags, &power_io);
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	struct power_node *n;
	int rc;

	if (stats.cut)
		return SQLITE_IOERR_DELETE;
	rc = real_vfs->xDelete(real_vfs, name, sync);
	/* Gone, with whatever it had not synced. */
	if (rc == SQLITE_OK && (n = node_find(name, false)) != NULL)
		node_forget_ops(n);
	return rc;
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	if (stats.cut)
		return SQLITE_IOERR_ACCESS;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

/* ---- Public -------------------------------------------------------------- */

int hane_testing_power_install(void)
{
	node_free_all();
	memset(&stats, 0, sizeof stats);
	cut_at = -1;
	if (!real_vfs) {
		/* The real one, even when another shim is the default. */
		if (!(real_vfs = shim_real_vfs("unix")))
			return HANE_EINTERNAL;
		shim_vfs_init(&power_vfs, real_vfs, "hane-power",
			      (int)sizeof(struct power_file), v_open, v_delete,
			      v_access);
	}
	if (sqlite3_vfs_register(&power_vfs, 1) != SQLITE_OK)
		return HANE_EINTERNAL;
	return 0;
}

void hane_testing_power_uninstall(void)
{
	if (!real_vfs)
		return;
	sqlite3_vfs_unregister(&power_vfs);
	sqlite3_vfs_register(real_vfs, 1);
	node_free_all();
}

void hane_testing_power_cut_at(int64_t ops, enum hane_power_cut mode,
			       uint64_t seed)
{
	cut_at = ops < 0 ? -1 : stats.ops + (ops > 0 ? ops : 1);
	cut_mode = mode;
	cut_rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
}

void hane_testing_power_stats(struct hane_power_stats *out)
{
	*out = stats;
}
