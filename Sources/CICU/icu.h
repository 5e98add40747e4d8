/* Private: the ICU headers the shim uses. Not part of the public interface. */
#ifndef CICU_PRIVATE_ICU_H
#define CICU_PRIVATE_ICU_H
#if !__has_include(<unicode/ucol.h>)
#error "letter needs ICU's development files: install them with 'apt-get install libicu-dev'."
#endif
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
#endif
