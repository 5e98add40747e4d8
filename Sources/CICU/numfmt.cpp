// Number formats as ICU's MessageFormat makes them for a style (icu::NumberFormat:
// DecimalFormat for the default, integer, percent, currency and pattern styles,
// RuleBasedNumberFormat for spellout, ordinal and duration), and plural selection the
// way MessageFormat does it: from the number as that format shows it.
//
// C++ because the C API has no plural selection from an int64 as a DecimalFormat shows it
// (uplrules_selectWithFormat takes a double). Everything here is ICU's stable C++ API.
#include "CICU.h"
#include "icu.h"

#if LICU_HAVE_ICU

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/decimfmt.h>
#include <unicode/fmtable.h>
#include <unicode/fpositer.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/numfmt.h>
#include <unicode/plurrule.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <new>

using icu::UnicodeString;

struct LICUNumberFormat {
  icu::NumberFormat *fmt;
  // Non-null for a DecimalFormat: what plural selection formats with.
  const icu::number::LocalizedNumberFormatter *lnf;
  // Reused for every result, so formatting allocates nothing once it has grown.
  UnicodeString scratch;
};

static int32_t utf8_of(const UnicodeString &s, char *buf, int32_t cap, UErrorCode &st) {
  if (U_FAILURE(st)) return 0;
  int32_t m = 0;
  u_strToUTF8(buf, cap, &m, s.getBuffer(), s.length(), &st);
  if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) st = U_ZERO_ERROR;
  return m;
}

extern "C" LICUNumberFormat *licu_numfmt_open(const char *locale, int32_t style,
                                              const uint16_t *text, int32_t len,
                                              int32_t *status, int32_t *error_offset) {
  UErrorCode st = U_ZERO_ERROR;
  *error_offset = 0;
  icu::Locale loc(locale);
  icu::NumberFormat *f = nullptr;
  switch (style) {
  case LICU_NUMFMT_CURRENCY: f = icu::NumberFormat::createCurrencyInstance(loc, st); break;
  case LICU_NUMFMT_PERCENT: f = icu::NumberFormat::createPercentInstance(loc, st); break;
  case LICU_NUMFMT_SPELLOUT:
  case LICU_NUMFMT_ORDINAL:
  case LICU_NUMFMT_DURATION: {
    icu::URBNFRuleSetTag tag = style == LICU_NUMFMT_SPELLOUT ? icu::URBNF_SPELLOUT
                               : style == LICU_NUMFMT_ORDINAL ? icu::URBNF_ORDINAL
                                                              : icu::URBNF_DURATION;
    auto *r = new icu::RuleBasedNumberFormat(tag, loc, st);
    if (!r) st = U_MEMORY_ALLOCATION_ERROR;
    // A style names a rule set (%spellout-ordinal); ICU ignores one it does not know.
    if (U_SUCCESS(st) && r && len > 0) {
      UErrorCode rs = U_ZERO_ERROR;
      r->setDefaultRuleSet(UnicodeString(false, (const UChar *)text, len), rs);
    }
    f = r;
    break;
  }
  default: f = icu::NumberFormat::createInstance(loc, st); break;
  }
  if (f && U_SUCCESS(st)) {
    if (style == LICU_NUMFMT_INTEGER) {
      f->setMaximumFractionDigits(0);
      if (auto *d = dynamic_cast<icu::DecimalFormat *>(f)) d->setDecimalSeparatorAlwaysShown(false);
      f->setParseIntegerOnly(true);
    } else if (style == LICU_NUMFMT_PATTERN) {
      if (auto *d = dynamic_cast<icu::DecimalFormat *>(f)) {
        UParseError perr;
        d->applyPattern(UnicodeString(false, (const UChar *)text, len), perr, st);
        *error_offset = perr.offset;
      }
    }
  }
  if (U_FAILURE(st) || !f) {
    delete f;
    *status = U_FAILURE(st) ? st : U_MEMORY_ALLOCATION_ERROR;
    return nullptr;
  }
  auto *h = new (std::nothrow) LICUNumberFormat{f, nullptr, UnicodeString()};
  if (!h) {
    delete f;
    *status = U_MEMORY_ALLOCATION_ERROR;
    return nullptr;
  }
  if (auto *d = dynamic_cast<icu::DecimalFormat *>(f)) h->lnf = d->toNumberFormatter(st);
  *status = st;
  return h;
}

extern "C" void licu_numfmt_close(LICUNumberFormat *h) {
  if (!h) return;
  delete h->fmt;
  delete h;
}

static icu::Formattable value_of(int32_t kind, double d, int64_t i) {
  return kind == LICU_VALUE_INT64 ? icu::Formattable(i) : icu::Formattable(d);
}

extern "C" int32_t licu_numfmt_format(LICUNumberFormat *h, int32_t kind, double d, int64_t i,
                                      char *buf, int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  h->scratch.remove();
  icu::FieldPosition pos(icu::FieldPosition::DONT_CARE);
  if (kind == LICU_VALUE_INT64)
    h->fmt->format(i, h->scratch, pos, st);
  else
    h->fmt->format(d, h->scratch, pos, st);
  int32_t n = utf8_of(h->scratch, buf, cap, st);
  *status = st;
  return n;
}

static int32_t category_index(const UnicodeString &k) {
  if (k == UNICODE_STRING_SIMPLE("other")) return 5;
  if (k == UNICODE_STRING_SIMPLE("one")) return 1;
  if (k == UNICODE_STRING_SIMPLE("few")) return 3;
  if (k == UNICODE_STRING_SIMPLE("many")) return 4;
  if (k == UNICODE_STRING_SIMPLE("two")) return 2;
  if (k == UNICODE_STRING_SIMPLE("zero")) return 0;
  return 5;
}

static const icu::PluralRules *rules_of(const LICUPluralRules *r) {
  return reinterpret_cast<const icu::PluralRules *>(r->rules);
}

extern "C" int32_t licu_plural_category(const LICUPluralRules *rules, LICUNumberFormat *h,
                                        int32_t kind, double d, int64_t i, char *text,
                                        int32_t cap, int32_t *text_len, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  *text_len = 0;
  int32_t category = 5;
  if (h && h->lnf) {
    icu::number::FormattedNumber r =
        kind == LICU_VALUE_INT64 ? h->lnf->formatInt(i, st) : h->lnf->formatDouble(d, st);
    if (U_SUCCESS(st)) category = category_index(rules_of(rules)->select(r, st));
    if (text && U_SUCCESS(st)) {
      UnicodeString s = r.toTempString(st);
      *text_len = utf8_of(s, text, cap, st);
    }
  } else {
    double v = kind == LICU_VALUE_INT64 ? (double)i : d;
    category = category_index(rules_of(rules)->select(v));
    if (text && h) {
      int32_t fs = 0;
      *text_len = licu_numfmt_format(h, kind, d, i, text, cap, &fs);
      st = (UErrorCode)fs;
    }
  }
  *status = st;
  return category;
}

// ---- dates ---------------------------------------------------------------------------

// What udat_format does, without a new calendar for every date: DateFormat::format(UDate)
// clones the format's calendar, sets the time and formats with it; here the clone is made
// once and reused (the format's calendar never changes after it is opened).
extern "C" int32_t licu_date_format(LICUDateFormatter *h, double millis, char *buf,
                                    int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  auto *df = reinterpret_cast<icu::DateFormat *>(h->fmt);
  if (!h->calendar) {
    const icu::Calendar *c = df->getCalendar();
    h->calendar = c ? c->clone() : nullptr;
    h->text = new UnicodeString();
  }
  auto *cal = static_cast<icu::Calendar *>(h->calendar);
  auto *text = static_cast<UnicodeString *>(h->text);
  if (!cal || !text) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  cal->setTime(millis, st);
  text->remove();
  icu::FieldPosition pos(icu::FieldPosition::DONT_CARE);
  if (U_SUCCESS(st)) df->format(*cal, *text, pos);
  int32_t n = utf8_of(*text, buf, cap, st);
  *status = st;
  return n;
}

extern "C" void licu_date_free_scratch(LICUDateFormatter *h) {
  delete static_cast<icu::Calendar *>(h->calendar);
  delete static_cast<UnicodeString *>(h->text);
  h->calendar = nullptr;
  h->text = nullptr;
}

#endif
