/* What a look-up did not find, said once: the store's readers return
 * HANE_ENOTFOUND without a message, and the model names what was missing
 * ("talep #12 bulunamadı"). */
#include "hane/error.h"
#include "hane/i18n.h"
#include "hane/store.h"

int hane_store_missing(int rc, int msg, int64_t id)
{
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg((enum hane_msg)msg), (long long)id);
	return rc;
}
