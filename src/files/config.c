/* The shared install's configuration: where the database, the data
 * folder and the backups are. Written by scripts/install-shared; read only
 * by a set-group-ID hane, which takes the database from nowhere else.
 *
 * The file is found next to the running binary (PREFIX/bin/hane →
 * PREFIX/etc/hane/hane.conf), so a test can install into a temporary
 * prefix. A user who could make hane read a file of theirs could point
 * it anywhere the hane group reaches, so the file and its folder must be
 * root's and writable by root alone; a copy or hard link of the binary
 * in a user's folder finds no such file there and stops.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/i18n.h"

static struct hane_shared_config config;
static int config_rc = 1; /* 1: not read yet */

/* root's, not writable by group or others; a folder or a regular file. */
static bool root_only(const char *path, bool dir, const char **why)
{
	struct stat sb;

	if (lstat(path, &sb) != 0) {
		*why = strerror(errno);
		return false;
	}
	if (dir ? !S_ISDIR(sb.st_mode) : !S_ISREG(sb.st_mode)) {
		*why = "type";
		return false;
	}
	if (sb.st_uid != 0 || (sb.st_mode & (S_IWGRP | S_IWOTH))) {
		*why = "owner/mode";
		return false;
	}
	return true;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
			 e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* The configuration's folder: PREFIX/etc/hane for a binary in
 * PREFIX/bin, /etc/hane for /usr/bin. */
static int config_dir(char dir[PATH_MAX])
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0) {
		hane_error_set(hane_msg(HANE_M_FILE_CONF_BAD), "/proc/self/exe",
			       strerror(errno));
		return HANE_EIO;
	}
	exe[n] = '\0';
	/* PREFIX/bin/hane → PREFIX */
	for (int up = 0; up < 2; up++) {
		slash = strrchr(exe, '/');
		if (!slash) {
			hane_error_set(hane_msg(HANE_M_FILE_CONF_BAD), exe,
				       "bin/hane");
			return HANE_EIO;
		}
		*slash = '\0';
	}
	if (!strcmp(exe, "/usr") || !exe[0])
		snprintf(dir, PATH_MAX, "/etc/hane");
	else
		snprintf(dir, PATH_MAX, "%.*s/etc/hane", PATH_MAX - 16, exe);
	return 0;
}

/* One line "key = /absolute/path" (or a comment, or blank): 0, or -1 for
 * a line that is neither. */
static int config_line(char *line)
{
	char *k = trim(line), *eq, *v, *dst = NULL;

	if (!*k || *k == '#')
		return 0;
	if (!(eq = strchr(k, '=')))
		return -1;
	*eq = '\0';
	v = trim(eq + 1);
	k = trim(k);
	if (!strcmp(k, "database"))
		dst = config.database;
	else if (!strcmp(k, "data"))
		dst = config.data;
	else if (!strcmp(k, "backup"))
		dst = config.backup;
	if (!dst || v[0] != '/' || strlen(v) >= 4096)
		return -1;
	snprintf(dst, 4096, "%s", v);
	return 0;
}

static int read_config(void)
{
	char dir[PATH_MAX], line[4200];
	const char *why = "";
	FILE *fp;
	int fd, rc, lineno = 0;

	if ((rc = config_dir(dir)) != 0)
		return rc;
	snprintf(config.path, sizeof config.path, "%.*s/hane.conf",
		 (int)sizeof config.path - 16, dir);
	if (!root_only(dir, true, &why) ||
	    !root_only(config.path, false, &why)) {
		hane_error_set(hane_msg(HANE_M_FILE_CONF_BAD), config.path,
			       why);
		return HANE_EPERM;
	}
	fd = open(config.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || !(fp = fdopen(fd, "r"))) {
		if (fd >= 0)
			close(fd);
		hane_error_set(hane_msg(HANE_M_FILE_CONF_BAD), config.path,
			       strerror(errno));
		return HANE_EIO;
	}
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		if (config_line(line) != 0) {
			fclose(fp);
			hane_error_set(hane_msg(HANE_M_FILE_CONF_LINE),
				       config.path, lineno);
			return HANE_EINVAL;
		}
	}
	fclose(fp);
	if (!config.database[0] || !config.data[0] || !config.backup[0]) {
		hane_error_set(hane_msg(HANE_M_FILE_CONF_BAD), config.path,
			       "database, data, backup");
		return HANE_EINVAL;
	}
	return 0;
}

int hane_shared_config(const struct hane_shared_config **out)
{
	static char why[512];

	*out = &config;
	if (config_rc == 1) {
		config_rc = read_config();
		HANE_COPY(why, hane_error_last());
	} else if (config_rc) {
		hane_error_set("%s", why);
	}
	return config_rc;
}
