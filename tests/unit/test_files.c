/* The files a user names (hane/files.h): created new and 0600, replaced
 * only with HANE_FILE_FORCE and only when a regular file of the user's
 * own, never through a symbolic link; nothing opened while the login
 * gate is closed. (The set-group-ID side is tested for real, as root, by
 * tests/cli/test_shared_install.sh.) */
#include "testutil.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/files.h"

static char dir[4096];

static int setup(void **state)
{
	const char *tmp = getenv("HANE_TEST_TMP");

	(void)state;
	snprintf(dir, sizeof dir, "%s/files.XXXXXX", tmp ? tmp : "/tmp");
	mkdir(tmp ? tmp : "/tmp", 0700);
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[4200];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void path_of(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

static void write_text(const char *path, const char *text, unsigned mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void slurp(const char *path, char *buf, size_t n)
{
	FILE *fp = fopen(path, "r");
	size_t got;

	assert_non_null(fp);
	got = fread(buf, 1, n - 1, fp);
	buf[got] = '\0';
	fclose(fp);
}

static void created_new_0600(void **state)
{
	char p[4200];
	struct stat sb;
	int fd;

	(void)state;
	path_of(p, sizeof p, "new.csv");
	umask(0);
	tu_ok(hane_file_create(&fd, p, 0));
	assert_int_equal(write(fd, "x\n", 2), 2);
	close(fd);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* again: it exists, and says how to replace it */
	assert_int_equal(hane_file_create(&fd, p, 0), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "--force"));
	umask(077);
}

static void force_replaces_own_file(void **state)
{
	char p[4200], buf[64];
	struct stat sb;
	FILE *fp;

	(void)state;
	path_of(p, sizeof p, "old.csv");
	write_text(p, "old contents, longer than the new\n", 0644);
	tu_ok(hane_file_create_fp(&fp, p, HANE_FILE_FORCE));
	fputs("new\n", fp);
	assert_int_equal(fclose(fp), 0);
	slurp(p, buf, sizeof buf);
	assert_string_equal(buf, "new\n");
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600); /* not the old 0644 */
}

static void never_through_a_link(void **state)
{
	char target[4200], link[4200], dangling[4200], buf[4200];
	int fd;

	(void)state;
	path_of(target, sizeof target, "victim.db");
	path_of(link, sizeof link, "planted.csv");
	path_of(dangling, sizeof dangling, "dangling.csv");
	write_text(target, "precious\n", 0600);
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(hane_file_create(&fd, link, 0), HANE_EEXIST);
	assert_int_equal(hane_file_create(&fd, link, HANE_FILE_FORCE),
			 HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), link));
	slurp(target, buf, sizeof buf);
	assert_string_equal(buf, "precious\n");
	/* a link to a file not there yet is not followed either */
	path_of(buf, sizeof buf, "made-by-link");
	assert_int_equal(symlink(buf, dangling), 0);
	assert_true(hane_file_create(&fd, dangling, HANE_FILE_FORCE) < 0);
	assert_int_equal(access(buf, F_OK), -1);
}

static void force_refuses_fifo(void **state)
{
	char p[4200];
	int fd;

	(void)state;
	path_of(p, sizeof p, "pipe");
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(hane_file_create(&fd, p, HANE_FILE_FORCE), HANE_EPERM);
}

static void gate_closed_opens_nothing(void **state)
{
	char p[4200], in[4200];
	int fd;

	(void)state;
	path_of(p, sizeof p, "before-login.csv");
	path_of(in, sizeof in, "input.csv");
	write_text(in, "a\n", 0600);
	hane_files_gate_close("nobody is logged in");
	assert_int_equal(hane_file_create(&fd, p, 0), HANE_EPERM);
	assert_string_equal(hane_error_last(), "nobody is logged in");
	assert_int_equal(access(p, F_OK), -1);
	assert_int_equal(hane_file_open_read(&fd, in, 0), HANE_EPERM);
	/* the password file is read to log in */
	tu_ok(hane_file_open_read(&fd, in, HANE_FILE_BEFORE_LOGIN));
	close(fd);
	hane_files_gate_open();
	tu_ok(hane_file_create(&fd, p, 0));
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(created_new_0600),
		cmocka_unit_test(force_replaces_own_file),
		cmocka_unit_test(never_through_a_link),
		cmocka_unit_test(force_refuses_fifo),
		cmocka_unit_test(gate_closed_opens_nothing),
	};

	hane_files_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
