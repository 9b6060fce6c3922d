/* hane backup FILE: a consistent online copy (SQLite backup API). */
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/files.h"
#include "hane/security.h"

int hane_cmd_backup(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"backup", HANE_M_CMD_BACKUP, NULL,
					    NULL};
	struct hane_args a;
	char hex[65], detail[4400];
	char inside[4200];
	const char *path;
	hane_db *copy = NULL;
	int rc, fd;

	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, NULL, &a)) >= 0 ||
	    (rc = hane_opt_npos(&a, "backup", 1, 1, "FILE")) != 0)
		return rc;
	path = a.pos[0];
	/* In a shared install a bare name goes into the backup folder, and
	 * nothing goes anywhere else (hane/files.h checks). */
	if (cli->shared && !strchr(path, '/')) {
		const struct hane_shared_config *cf;

		if ((rc = hane_shared_config(&cf)) != 0)
			return hane_cli_fail(rc);
		snprintf(inside, sizeof inside, "%s/%s", cf->backup, path);
		path = inside;
	}
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_store_backup(cli->db, path, hane_file_mode_for(path));
	if (rc)
		return hane_cli_fail(rc);
	/* A copy that does not pass the check is no backup. */
	rc = hane_store_open(&copy, path, HANE_OPEN_READONLY);
	if (rc == 0)
		rc = hane_store_integrity_check(copy);
	hane_store_close(copy);
	if (rc == 0 &&
	    (rc = hane_file_open_read(&fd, path, HANE_FILE_BACKUP)) == 0) {
		rc = hane_sha256_fd(hex, fd, path);
		close(fd);
	}
	if (rc)
		return hane_cli_fail(rc);
	/* The log names the file and its hash, so a copy found later can be
	 * traced to this backup. The path is the user's text: keep it out of
	 * the JSON's syntax. */
	snprintf(detail, sizeof detail, "{\"sha256\":\"%s\",\"file\":\"%s\"}",
		 hex, strpbrk(path, "\"\\") ? "?" : path);
	if ((rc = hane_log_event(cli->db, "backup", "", 0, detail)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_SEC_BACKUP_DONE), path, hex);
	return 0;
}
