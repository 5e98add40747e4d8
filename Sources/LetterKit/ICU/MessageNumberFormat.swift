import CICU

/// A number argument as ICU receives it: a double, or an integer kept exact (a JSON
/// integer such as 9007199254740993 is not rounded to a double on its way to ICU).
enum NumberArgument {
  case double(Double)
  case int(Int64)

  var double: Double {
    switch self {
    case .double(let d): d
    case .int(let i): Double(i)
    }
  }

  /// The value as a small non-negative whole number (not -0), for caches.
  var smallIndex: Int? {
    switch self {
    case .int(let i): i >= 0 && i < 1024 ? Int(i) : nil
    case .double(let d):
      d >= 0 && d < 1024 && d.rounded(.towardZero) == d && d.sign == .plus ? Int(d) : nil
    }
  }
}

/// ICU's NumberFormat for one of MessageFormat's number styles, made the way ICU's
/// MessageFormat makes it: `{n}`, `{n, number}` and `#` (the locale's decimal format, with
/// its own grouping: pl `1 000`), `integer`, `percent`, `currency` (no currency code:
/// `¤5.00`), a DecimalFormat pattern, or a rule-based spellout, ordinal or duration.
///
/// Not safe to share between threads (it reuses one result buffer).
final class MessageNumberFormat {
  enum Style: Hashable {
    case `default`, integer, percent, currency
    case pattern(String)
    case spellout(String), ordinal(String), duration(String)
  }

  let style: Style
  let handle: OpaquePointer

  init(locale: LocaleID, style: Style) throws(FormatterError) {
    let (kind, text): (Int32, String) =
      switch style {
      case .default: (Int32(LICU_NUMFMT_DEFAULT), "")
      case .integer: (Int32(LICU_NUMFMT_INTEGER), "")
      case .percent: (Int32(LICU_NUMFMT_PERCENT), "")
      case .currency: (Int32(LICU_NUMFMT_CURRENCY), "")
      case .pattern(let p): (Int32(LICU_NUMFMT_PATTERN), p)
      case .spellout(let r): (Int32(LICU_NUMFMT_SPELLOUT), r)
      case .ordinal(let r): (Int32(LICU_NUMFMT_ORDINAL), r)
      case .duration(let r): (Int32(LICU_NUMFMT_DURATION), r)
      }
    var status: Int32 = 0
    var offset: Int32 = 0
    let units = Array(text.utf16)
    guard
      let handle = licu_numfmt_open(
        locale.icuID, kind, units, Int32(units.count), &status, &offset)
    else {
      if case .pattern(let p) = style {
        throw .badPattern(p, offset: Int(offset), ICUString.name(status))
      }
      throw .unavailable("a number format for \(locale)", ICUString.name(status))
    }
    self.handle = handle
    self.style = style
  }

  deinit { licu_numfmt_close(handle) }

  func format(_ value: NumberArgument, appendingTo out: inout [UInt8]) {
    switch value {
    case .double(let d):
      _ = ICUString.append(to: &out) {
        licu_numfmt_format(handle, Int32(LICU_VALUE_DOUBLE), d, 0, $0, $1, &$2)
      }
    case .int(let i):
      _ = ICUString.append(to: &out) {
        licu_numfmt_format(handle, Int32(LICU_VALUE_INT64), 0, i, $0, $1, &$2)
      }
    }
  }
}

/// How a plural argument picks its arm, as ICU's MessageFormat does: the category of the
/// number as the arm's own format shows it (`{n, number, integer}` in the `other` arm makes
/// 1.4 `one`), or of the number itself for a skeleton or rule-based format; `#` shows the
/// number in the default format. Categories and `#` text of the whole numbers 0–1023 are
/// kept once computed (ICU's own results, so the output is the same).
final class PluralSelector {
  let rules: PluralRules
  /// nil: the number itself decides.
  let format: MessageNumberFormat?
  /// What `#` shows.
  let pound: MessageNumberFormat
  static let cacheSize = 1024
  /// By whole number: the category (-1: not yet known) and what `#` shows.
  private let cachedCategory: UnsafeMutablePointer<Int8>
  private let cachedPound: UnsafeMutablePointer<[UInt8]>

  init(rules: PluralRules, format: MessageNumberFormat?, pound: MessageNumberFormat) {
    self.rules = rules
    self.format = format
    self.pound = pound
    cachedCategory = .allocate(capacity: PluralSelector.cacheSize)
    cachedCategory.initialize(repeating: -1, count: PluralSelector.cacheSize)
    cachedPound = .allocate(capacity: PluralSelector.cacheSize)
    cachedPound.initialize(repeating: [], count: PluralSelector.cacheSize)
  }

  deinit {
    cachedCategory.deallocate()
    cachedPound.deinitialize(count: PluralSelector.cacheSize)
    cachedPound.deallocate()
  }

  /// Calls `body` with the category of `value` (an index into `PluralRules.categoryNames`)
  /// and what `#` shows for it.
  func withCategory<R>(
    of value: NumberArgument, _ body: (Int, UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    let small = value.smallIndex
    if let k = small, cachedCategory[k] >= 0 {
      return cachedPound[k].withUnsafeBufferPointer { body(Int(cachedCategory[k]), $0) }
    }
    var text: [UInt8] = []
    let category = select(value, appendingPoundTo: &text)
    if let k = small {
      cachedCategory[k] = Int8(category)
      cachedPound[k] = text
    }
    return text.withUnsafeBufferPointer { body(category, $0) }
  }

  /// The category of `value`; appends what `#` shows for it to `out`.
  func select(_ value: NumberArgument, appendingPoundTo out: inout [UInt8]) -> Int {
    let (kind, d, i): (Int32, Double, Int64) =
      switch value {
      case .double(let d): (Int32(LICU_VALUE_DOUBLE), d, 0)
      case .int(let i): (Int32(LICU_VALUE_INT64), 0, i)
      }
    var category: Int32 = 5
    if format === pound {
      _ = ICUString.append(to: &out) { buffer, capacity, status in
        var length: Int32 = 0
        category = licu_plural_category(
          rules.handle, pound.handle, kind, d, i, buffer, capacity, &length, &status)
        return length
      }
    } else {
      var length: Int32 = 0
      var status: Int32 = 0
      category = licu_plural_category(
        rules.handle, format?.handle, kind, d, i, nil, 0, &length, &status)
      pound.format(value, appendingTo: &out)
    }
    return Int(category)
  }
}
