/* The writers' queue: a fair, kernel-blocking wait for the write lock
 * among hane's own processes (#22).
 *
 * SQLite's write lock is a file lock that a waiter can only poll for
 * (busy_wait in store.c). Polling is unfair — a long waiter sleeps up to
 * 100 ms while a newcomer polls every 0.25 ms and takes the lock first —
 * and costly: at 1,200 sessions on two cores the waiters woke 243,000
 * times in 40 s, taking the CPU from the lock's holder, and the unlucky
 * ones reached the 10 s timeout although the average wait was 3.7 s.
 *
 * So before BEGIN IMMEDIATE a writer takes a process-shared, robust
 * pthread mutex kept in a small file beside the database (DB-writer,
 * like SQLite's -wal and -shm), and holds it until its COMMIT or
 * ROLLBACK: a waiter sleeps in the kernel. The mutex is a priority-
 * inheritance one for what that brings with it: at each release the
 * kernel itself hands it to the first waiter in line, so nobody arriving
 * meanwhile takes it first. A plain robust mutex only wakes the first
 * waiter, and a newcomer that comes before it runs takes the lock and
 * sends it back to the end of the line: at 1,200 sessions (bench_day,
 * idle machine) 86 actions still waited out the 10 s and most waits were
 * a fifth of a second; handed over in turn, none did, every wait under
 * 7 s. A holder killed outright (kill -9, a crash) leaves the mutex to
 * the next waiter with EOWNERDEAD: SQLite has rolled its transaction
 * back, so the waiter marks the mutex consistent and goes on.
 *
 * Whatever goes wrong with the file, hane works as before: SQLite's busy
 * handler stays behind the queue, for writers outside hane (the sqlite3
 * tool), for a second connection of the same thread (the mutex is an
 * error-checking one: EDEADLK, never a deadlock), and for every case where
 * the file cannot be made or trusted — a read-only connection or folder,
 * :memory:, a symbolic link, something not a regular file, a wrong size,
 * a mode wider than the database's, a second name (hard link). A file
 * left by another boot (a holder's thread id after a crash or power cut)
 * or copied from elsewhere (another inode) is made anew; a mutex still
 * held by a thread that is gone without the kernel having marked it
 * (which only a file not kept by these rules can hold) is left alone.
 */
#define _GNU_SOURCE /* F_OFD_SETLK, pthread_mutex_clocklock */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "hane/files.h"

#define WQ_MAGIC 0x48575131u /* 'HWQ1' */
#define WQ_VERSION 2u
#define WQ_SIZE 4096 /* the file's size: one page */

struct wq_file {
	uint32_t magic; /* written last: the rest is set up */
	uint32_t version;
	uint32_t size;
	uint32_t pad;
	uint64_t dev, ino; /* the file it was made in (a copy is stale) */
	char boot[40];	   /* the boot it was made in (a crash's is stale) */
	pthread_mutex_t mutex;
};

_Static_assert(sizeof(struct wq_file) <= WQ_SIZE, "one page");

/* The kernel's id of this boot: a file made before it holds a dead
 * thread's id in its mutex. "" where it cannot be read. */
static void boot_id(char out[40])
{
	static const char boot_file[] = "/proc/sys/kernel/random/boot_id";
	int fd = open(boot_file, O_RDONLY | O_CLOEXEC); /* files.h: kernel's */
	ssize_t n = 0;

	memset(out, 0, 40);
	if (fd < 0)
		return;
	n = read(fd, out, 39);
	close(fd);
	if (n < 0)
		n = 0;
	out[n] = '\0';
}

static bool wq_valid(const struct wq_file *f, const struct stat *sb,
		     const char boot[40])
{
	return f->magic == WQ_MAGIC && f->version == WQ_VERSION &&
	       f->size == WQ_SIZE && f->dev == (uint64_t)sb->st_dev &&
	       f->ino == (uint64_t)sb->st_ino &&
	       memcmp(f->boot, boot, sizeof f->boot) == 0;
}

static int wq_init(struct wq_file *f, const struct stat *sb,
		   const char boot[40])
{
	pthread_mutexattr_t a;
	int rc;

	memset(f, 0, sizeof *f);
	if (pthread_mutexattr_init(&a) != 0)
		return -1;
	rc = pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	if (rc == 0)
		rc = pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	if (rc == 0)
		rc = pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	if (rc == 0)
		rc = pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
	if (rc == 0)
		rc = pthread_mutex_init(&f->mutex, &a);
	pthread_mutexattr_destroy(&a);
	if (rc != 0)
		return -1;
	f->version = WQ_VERSION;
	f->size = WQ_SIZE;
	f->dev = (uint64_t)sb->st_dev;
	f->ino = (uint64_t)sb->st_ino;
	memcpy(f->boot, boot, sizeof f->boot);
	__atomic_store_n(&f->magic, WQ_MAGIC, __ATOMIC_RELEASE);
	return 0;
}

/* The file's open-file-description lock, for setting it up: short, and
 * never waited for long (a holder that does not let go makes this
 * connection fall back, not hang). */
static bool setup_lock(int fd, short type)
{
	struct flock fl = {.l_type = type, .l_whence = SEEK_SET};

	for (int i = 0; i < 200; i++) {
		if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
			return true;
		if (type == F_UNLCK ||
		    (errno != EAGAIN && errno != EACCES && errno != EINTR))
			return false;
		nanosleep(&(struct timespec){0, 500000}, NULL);
	}
	return false;
}

/* Opens or makes DB-writer and maps it; the state says what came of it. */
static void wq_open(hane_db *db)
{
	struct stat dbs, sb;
	char boot[40], *path;
	void *map = MAP_FAILED;
	bool created = false, locked = false;
	int fd = -1;

	db->wq_state = HANE_WQ_OFF;
	if (db->readonly || strcmp(db->path, ":memory:") == 0 ||
	    stat(db->path, &dbs) != 0 || !S_ISREG(dbs.st_mode))
		return;
	path = malloc(strlen(db->path) + sizeof "-writer");
	if (!path)
		return;
	strcpy(path, db->path);
	strcat(path, "-writer");
	/* Nothing is made before login (hane/files.h): a file already
	 * there may serve, else again at the next transaction. */
	if (hane_files_gate_is_open()) {
		fd = open(path, /* files.h: the database's own lock file */
			  O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC |
				  O_NONBLOCK,
			  0600);
		created = fd >= 0;
	}
	if (fd < 0)
		fd = open(path, /* files.h: the database's own lock file */
			  O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT && !hane_files_gate_is_open())
			db->wq_state = HANE_WQ_LATER;
		goto done;
	}
	/* The database's mode and group, as SQLite gives its -wal and
	 * -shm (the umask would take the group's bits). */
	if (created && (fchmod(fd, dbs.st_mode & 0666) != 0 ||
			(fstat(fd, &sb) == 0 && sb.st_gid != dbs.st_gid &&
			 fchown(fd, (uid_t)-1, dbs.st_gid) != 0)))
		goto done;
	if (!(locked = setup_lock(fd, F_WRLCK)))
		goto done;
	/* Only a plain file of its own, of our size (or new), no wider open
	 * than the database: a hard link to another file, a device or a
	 * FIFO must never be written into. */
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_nlink != 1 ||
	    (sb.st_mode & 0777 & ~dbs.st_mode) != 0 ||
	    (sb.st_size != 0 && sb.st_size != WQ_SIZE))
		goto done;
	if (sb.st_size == 0 && ftruncate(fd, WQ_SIZE) != 0)
		goto done;
	map = mmap(NULL, WQ_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		goto done;
	boot_id(boot);
	if (!wq_valid(map, &sb, boot) && wq_init(map, &sb, boot) != 0)
		goto done;
	db->wq = map;
	map = MAP_FAILED;
	db->wq_state = HANE_WQ_ON;
done:
	if (map != MAP_FAILED)
		munmap(map, WQ_SIZE);
	if (locked)
		setup_lock(fd, F_UNLCK);
	if (fd >= 0)
		close(fd);
	free(path);
}

/* A deadline on the kernel's own clock, which the futex compares it
 * with: read by the system call itself, not through the C library, which
 * a clock-moving preload (faketime, the suite's runs years ahead) may
 * shift — a deadline years away is a wait that never times out. */
static void deadline_after(struct timespec *ts, clockid_t clock, double ms)
{
	long long ns;

	if (syscall(SYS_clock_gettime, clock, ts) != 0)
		clock_gettime(clock, ts);
	if (ms < 0)
		ms = 0;
	ns = ts->tv_nsec + (long long)(ms * 1e6);
	ts->tv_sec += (time_t)(ns / 1000000000LL);
	ts->tv_nsec = (long)(ns % 1000000000LL);
}

/* Whether the mutex is held by a thread that is gone and was never
 * marked so: the kernel marks a robust holder's death (FUTEX_OWNER_DIED
 * in the word, where glibc keeps the owner's thread id), and refuses to
 * queue behind a thread it does not know (ESRCH), which glibc does not
 * expect of a robust mutex. Only a stale or forged file has such a word;
 * the word read twice around the check, so an owner that let go
 * meanwhile is not taken for one. */
static bool owner_gone(struct wq_file *f)
{
#ifdef __GLIBC__
	int *word = &f->mutex.__data.__lock;
	unsigned w = (unsigned)__atomic_load_n(word, __ATOMIC_ACQUIRE);
	pid_t tid = (pid_t)(w & 0x3fffffffu);

	if (tid == 0 || (w & 0x40000000u) != 0)
		return false;
	if (kill(tid, 0) == 0 || errno != ESRCH)
		return false; /* there, or another user's */
	return (unsigned)__atomic_load_n(word, __ATOMIC_ACQUIRE) == w;
#else
	(void)f;
	return false;
#endif
}

static int lock_until(pthread_mutex_t *m, double ms)
{
	struct timespec until;
	int rc;

	deadline_after(&until, CLOCK_MONOTONIC, ms);
	rc = pthread_mutex_clocklock(m, CLOCK_MONOTONIC, &until);
	if (rc != EINVAL)
		return rc;
	/* A kernel before 5.14 times a PI lock only by the wall clock. */
	deadline_after(&until, CLOCK_REALTIME, ms);
	return pthread_mutex_timedlock(m, &until);
}

int hane_store_queue_take(hane_db *db)
{
	struct wq_file *f;
	double t0;
	int rc;

	if (db->wq_state == HANE_WQ_NEW || db->wq_state == HANE_WQ_LATER)
		wq_open(db);
	if (db->wq_state != HANE_WQ_ON) {
		db->stats.queue_fallbacks++;
		return 0;
	}
	f = db->wq;
	if (owner_gone(f)) {
		db->stats.queue_fallbacks++;
		hane_store_queue_close(db);
		return 0;
	}
	t0 = hane_store_ms_now();
	rc = db->no_wait ? pthread_mutex_trylock(&f->mutex)
			 : lock_until(&f->mutex, db->busy_timeout_ms);
	t0 = hane_store_ms_now() - t0;
	db->stats.queue_takes++;
	db->stats.queue_ms += t0;
	if (t0 > db->stats.queue_max_ms)
		db->stats.queue_max_ms = t0;
	switch (rc) {
	case 0:
		db->wq_held = true;
		db->wq_since = hane_store_ms_now();
		return 0;
	case EOWNERDEAD:
		/* Its holder died in its transaction, which SQLite rolls
		 * back: nothing of it to mend. */
		db->stats.queue_owner_dead++;
		pthread_mutex_consistent(&f->mutex);
		db->wq_held = true;
		db->wq_since = hane_store_ms_now();
		return 0;
	case EBUSY:
	case ETIMEDOUT:
		return hane_store_error(db, SQLITE_BUSY);
	case EDEADLK:
		/* Another connection of this thread holds it: SQLite's wait
		 * alone, as without the queue (never a deadlock). */
		db->stats.queue_fallbacks++;
		return 0;
	default:
		/* Not recoverable (someone let it go inconsistent) or not a
		 * mutex any more: this connection falls back for good. */
		db->stats.queue_fallbacks++;
		hane_store_queue_close(db);
		return 0;
	}
}

void hane_store_queue_give(hane_db *db)
{
	if (!db->wq_held)
		return;
	db->wq_held = false;
	pthread_mutex_unlock(&((struct wq_file *)db->wq)->mutex);
	db->stats.queue_held_ms += hane_store_ms_now() - db->wq_since;
}

void hane_store_queue_close(hane_db *db)
{
	hane_store_queue_give(db);
	if (db->wq)
		munmap(db->wq, WQ_SIZE);
	db->wq = NULL;
	db->wq_state = HANE_WQ_OFF;
}
