/* Shared by the fuzz targets and by the regression runner that replays
 * their inputs in the ordinary (gcc) test suite.
 *
 * Each target defines HANE_FUZZ_ENTRY(data, size), which is libFuzzer's
 * LLVMFuzzerTestOneInput unless the includer renamed it, so one test
 * program can include every target. Inputs reach the code under test as a
 * file, because that is what staff give it: the path is per process. */
#ifndef HANE_FUZZ_H
#define HANE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Writes data to a per-process scratch file and returns its path (static
 * storage), or NULL when the file cannot be written (then the input is
 * skipped: the fuzzer is not testing the disk). */
static inline const char *hane_fuzz_file(const char *stem, const uint8_t *data,
					 size_t size)
{
	static char path[512];
	const char *dir = getenv("HANE_TEST_TMP");
	FILE *fp;

	if (!dir || !*dir)
		dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(path, sizeof path, "%s/hane-fuzz-%s-%ld.csv", dir, stem,
		 (long)getpid());
	fp = fopen(path, "wb");
	if (!fp)
		return NULL;
	if (size && fwrite(data, 1, size, fp) != size) {
		fclose(fp);
		return NULL;
	}
	if (fclose(fp) != 0)
		return NULL;
	return path;
}

#endif
