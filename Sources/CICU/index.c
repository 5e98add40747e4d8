#include "CICU.h"
#include "icu.h"

#if LICU_HAVE_ICU

#include <string.h>

/* Appends one UTF-16 item and a newline to buf (as far as cap allows); returns bytes. */
static int32_t append(char *buf, int32_t cap, int32_t used, const UChar *s, int32_t n) {
  char tmp[64];
  int32_t m = 0;
  UErrorCode st = U_ZERO_ERROR;
  u_strToUTF8(tmp, (int32_t)sizeof tmp - 1, &m, s, n, &st);
  if (U_FAILURE(st)) return used;
  tmp[m++] = '\n';
  if (used + m <= cap) memcpy(buf + used, tmp, (size_t)m);
  return used + m;
}

int32_t licu_index_characters(const char *locale, char *buf, int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  ULocaleData *ld = ulocdata_open(locale, &st);
  if (U_FAILURE(st)) {
    *status = st;
    return 0;
  }
  USet *set = ulocdata_getExemplarSet(ld, NULL, 0, ULOCDATA_ES_INDEX, &st);
  ulocdata_close(ld);
  *status = st;
  if (U_FAILURE(st) || !set) return 0;
  int32_t used = 0;
  UChar str[32];
  int32_t items = uset_getItemCount(set);
  for (int32_t i = 0; i < items; i++) {
    UChar32 start, end;
    UErrorCode ist = U_ZERO_ERROR;
    int32_t len = uset_getItem(set, i, &start, &end, str, 32, &ist);
    if (U_FAILURE(ist)) continue;
    if (len > 0) {
      used = append(buf, cap, used, str, len);
    } else {
      for (UChar32 c = start; c <= end; c++) {
        UChar one[2];
        int32_t k = 0;
        U16_APPEND_UNSAFE(one, k, c);
        used = append(buf, cap, used, one, k);
      }
    }
  }
  uset_close(set);
  return used;
}

#endif
