/* Private to src/units/staff: helpers shared by login, audit and
 * retention. */
#ifndef HANE_STAFF_INT_H
#define HANE_STAFF_INT_H

/* out = stamp ("YYYY-MM-DD HH:MM:SS" or a date) moved by days, minutes
 * and months (negative: back), as "YYYY-MM-DD HH:MM:SS". */
void hane_sec_time_shift(char out[20], const char *stamp, long days,
			 long minutes, int months);

#endif
