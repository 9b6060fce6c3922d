/* The centres' sessions, bookings and placements on the command line
 * (src/cli/cmd_centre_sp.c): subcommands of `hane centre`, whose table in
 * cmd_centre.c takes these rows at its end (HANE_CLI_CENTRE_SP_CMDS) and
 * whose options type is a union holding struct hane_csp_opts, so that
 * these rows' offsets count from the options' start as the others do. */
#ifndef HANE_CLI_CMD_CENTRE_SP_H
#define HANE_CLI_CMD_CENTRE_SP_H

#include "cli/opt.h"
#include "hane/centres_sp.h"

struct hane_csp_opts {
	const char *site, *person, *reason;
	char day[HANE_DATE_LEN + 1];
	int64_t days;
	int late, cancel, undo, ended;
	struct hane_centre_session s;	/* session add, edit */
	struct hane_centre_placement p; /* placement add, edit */
};

typedef int hane_csp_run(struct hane_cli *cli, void *opts,
			 const struct hane_args *a);
hane_csp_run hane_csp_cmd_session, hane_csp_cmd_sessions, hane_csp_cmd_book,
	hane_csp_cmd_attend, hane_csp_cmd_noshow, hane_csp_cmd_placement,
	hane_csp_cmd_placements;
extern const struct hane_opt hane_csp_session_opts[], hane_csp_sessions_opts[],
	hane_csp_book_opts[], hane_csp_mark_opts[], hane_csp_placement_opts[],
	hane_csp_placements_opts[];

/* The rows of hane_cli_centre_cmds[] (struct hane_cmd). */
#define HANE_CLI_CENTRE_SP_CMDS                                                \
	{"session",                                                            \
	 HANE_M_CMD_CSP_SESSION,                                               \
	 hane_csp_session_opts,                                                \
	 hane_csp_cmd_session,                                                 \
	 1,                                                                    \
	 2},                                                                   \
		{"sessions",                                                   \
		 HANE_M_CMD_CSP_SESSIONS,                                      \
		 hane_csp_sessions_opts,                                       \
		 hane_csp_cmd_sessions,                                        \
		 0,                                                            \
		 1},                                                           \
		{"book",                                                       \
		 HANE_M_CMD_CSP_BOOK,                                          \
		 hane_csp_book_opts,                                           \
		 hane_csp_cmd_book,                                            \
		 2,                                                            \
		 2},                                                           \
		{"attend",                                                     \
		 HANE_M_CMD_CSP_ATTEND,                                        \
		 hane_csp_mark_opts,                                           \
		 hane_csp_cmd_attend,                                          \
		 1,                                                            \
		 2},                                                           \
		{"noshow",                                                     \
		 HANE_M_CMD_CSP_NOSHOW,                                        \
		 hane_csp_mark_opts,                                           \
		 hane_csp_cmd_noshow,                                          \
		 1,                                                            \
		 2},                                                           \
		{"placement",                                                  \
		 HANE_M_CMD_CSP_PLACEMENT,                                     \
		 hane_csp_placement_opts,                                      \
		 hane_csp_cmd_placement,                                       \
		 1,                                                            \
		 2},                                                           \
		{"placements",                                                 \
		 HANE_M_CMD_CSP_PLACEMENTS,                                    \
		 hane_csp_placements_opts,                                     \
		 hane_csp_cmd_placements,                                      \
		 0,                                                            \
		 0},

#endif
