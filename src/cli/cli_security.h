/* The command line's login helpers, shared by main.c and the security
 * subcommands (cmd_staff.c). */
#ifndef HANE_CLI_SECURITY_H
#define HANE_CLI_SECURITY_H

#include <stddef.h>

/* Gets a password: the first line of --password-file, else
 * $HANE_PASSWORD, else asked on the terminal without echo after prompt.
 * 0, or HANE_EPERM when there is no way to ask. buf is the caller's; wipe
 * it after use. */
int hane_cli_password(const char *prompt, char *buf, size_t n);

/* Asks for a new password twice on the terminal, or takes it from
 * --password-file / $HANE_NEW_PASSWORD / one line of stdin when stdin is
 * not a terminal. 0, HANE_EINVAL when the two differ. */
int hane_cli_new_password(char *buf, size_t n);

#endif
