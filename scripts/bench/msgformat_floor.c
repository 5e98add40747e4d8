/*
 * C floor for MessageFormat: N messages (default 100,000) formatted with ICU4C's C API.
 * The 8 (locale, pattern) pairs and their arguments are documented in msgformat_cases.md.
 *
 * Build: cc -O2 -o msgformat_floor msgformat_floor.c $(pkg-config --cflags --libs icu-i18n icu-uc)
 * Run:   ./msgformat_floor [-n N] [-p]
 *   stdout: one line "messages N chars <UTF-16 units> seconds <s>"
 *   -p:     also print every formatted message (UTF-8, one a line) to stderr
 *
 * Only the formatting loop is timed; the 8 umsg_open calls happen before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ucal.h>
#include <unicode/umsg.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#define PAIRS 8
#define BUF 512

static const char *const LOCALES[PAIRS] = {"en", "ja", "en", "ru", "en", "de", "en", "ja"};
static const char *const PATTERNS[PAIRS] = {
    "{0, plural, one {# signatory} other {# signatories}}",
    "{0, plural, other {#団体}}",
    "{0, select, female {She signed} male {He signed} other {They signed}}",
    "{0, plural, one {# подпись} few {# подписи} many {# подписей} other {# подписи}}",
    "{0, number, integer} organizations",
    "{0, number} Euro",
    "{0, date, long}",
    "{0, date, long}",
};

static void die(const char *what, UErrorCode status) {
    fprintf(stderr, "msgformat_floor: %s: %s\n", what, u_errorName(status));
    exit(1);
}

static void u16(const char *utf8, UChar *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(out, cap, NULL, utf8, -1, &status);
    if (U_FAILURE(status)) die("u_strFromUTF8", status);
}

int main(int argc, char **argv) {
    long count = 100000;
    int print = 0;
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "-n") == 0 && a + 1 < argc) {
            char *end;
            count = strtol(argv[++a], &end, 10);
            if (*end != '\0' || count < 0 || count > 50000000) { /* i * 37 must fit an int32_t */
                fprintf(stderr, "msgformat_floor: bad count %s\n", argv[a]);
                return 2;
            }
        } else if (strcmp(argv[a], "-p") == 0) {
            print = 1;
        } else {
            fprintf(stderr, "usage: msgformat_floor [-n N] [-p]\n");
            return 2;
        }
    }

    UErrorCode status = U_ZERO_ERROR;
    ucal_setDefaultTimeZone(u"UTC", &status);
    if (U_FAILURE(status)) die("ucal_setDefaultTimeZone", status);

    UMessageFormat *fmt[PAIRS];
    for (int p = 0; p < PAIRS; p++) {
        UChar pattern[BUF];
        UParseError perr;
        u16(PATTERNS[p], pattern, BUF);
        status = U_ZERO_ERROR;
        fmt[p] = umsg_open(pattern, -1, LOCALES[p], &perr, &status);
        if (U_FAILURE(status)) die(PATTERNS[p], status);
    }

    static const UChar *const GENDERS[3] = {u"female", u"male", u"other"};
    const double DAY_MS = 86400000.0;
    const double JAN1_2025 = 20089.0 * DAY_MS; /* 2025-01-01T00:00:00Z */

    UChar result[BUF];
    long long chars = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < count; i++) {
        int p = (int)(i % PAIRS);
        int32_t len = 0;
        status = U_ZERO_ERROR;
        switch (p) {
        case 0: case 1: case 3:
            len = umsg_format(fmt[p], result, BUF, &status, (double)(i % 100));
            break;
        case 2:
            len = umsg_format(fmt[p], result, BUF, &status, GENDERS[i % 3]);
            break;
        case 4: /* umsg takes an int32_t for a {0, number, integer} argument */
            len = umsg_format(fmt[p], result, BUF, &status, (int32_t)(i * 37));
            break;
        case 5:
            len = umsg_format(fmt[p], result, BUF, &status, (double)i * 1.25);
            break;
        default: /* 6, 7 */
            len = umsg_format(fmt[p], result, BUF, &status, (UDate)(JAN1_2025 + (double)(i % 365) * DAY_MS));
            break;
        }
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) die("umsg_format", status);
        chars += len;
        if (print) {
            char out[BUF * 3];
            UErrorCode s2 = U_ZERO_ERROR;
            u_strToUTF8(out, sizeof out, NULL, result, len, &s2);
            if (U_FAILURE(s2)) die("u_strToUTF8", s2);
            fprintf(stderr, "%s\n", out);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);

    for (int p = 0; p < PAIRS; p++) umsg_close(fmt[p]);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("messages %ld chars %lld seconds %.6f\n", count, chars, seconds);
    return 0;
}
