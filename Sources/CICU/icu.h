/* Private: the ICU headers the shim uses. Not part of the public interface. */
#ifndef CICU_PRIVATE_ICU_H
#define CICU_PRIVATE_ICU_H
/* Without ICU's headers every file compiles to nothing, and locale.c alone says why in
 * one line (rather than a wall of errors). */
#if __has_include(<unicode/ucol.h>)
#define LICU_HAVE_ICU 1
#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ulistformatter.h>
#include <unicode/unumberformatter.h>
#include <unicode/upluralrules.h>
#include <unicode/ucal.h>
#include <unicode/uenum.h>
#include <unicode/utrans.h>
#include <unicode/unum.h>
#include <unicode/unumsys.h>

/* Handles shared by format.c and numfmt.cpp. */
struct LICUPluralRules {
  UPluralRules *rules;
};

struct LICUNumberFormatter {
  UNumberFormatter *fmt;
  UFormattedNumber *result;
};

struct LICUDateFormatter {
  UDateFormat *fmt;
  /* Made on first use by licu_date_format (numfmt.cpp): a copy of the format's calendar
   * and a text buffer, reused for every date. */
  void *calendar;
  void *text;
};

#ifdef __cplusplus
extern "C" {
#endif
void licu_date_free_scratch(struct LICUDateFormatter *h);
#ifdef __cplusplus
}
#endif
#else
#define LICU_HAVE_ICU 0
#endif
#endif
