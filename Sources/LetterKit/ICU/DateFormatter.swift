import CICU

/// An ICU date formatter: a style (`short` … `full`) for the date and/or the time, or a
/// skeleton (`yMMMd`) through ICU's pattern generator. The calendar comes from the locale
/// (`ja-u-ca-japanese`: 令和7年4月23日). Times are shown in one time zone, UTC unless
/// told otherwise, so a letter renders the same on every machine. Not safe to share
/// between threads (it reuses one calendar and one buffer).
public final class DateFormatter {
  public enum Style: String, Sendable, CaseIterable {
    case short, medium, long, full

    var icu: Int32 {
      switch self {
      case .full: Int32(LICU_DATE_FULL)
      case .long: Int32(LICU_DATE_LONG)
      case .medium: Int32(LICU_DATE_MEDIUM)
      case .short: Int32(LICU_DATE_SHORT)
      }
    }
  }

  let handle: OpaquePointer

  public init(locale: LocaleID, date: Style?, time: Style?, timeZone: String = "UTC")
    throws(FormatterError)
  {
    var status: Int32 = 0
    guard
      let handle = licu_date_open_styles(
        locale.icuID, date?.icu ?? Int32(LICU_DATE_NONE), time?.icu ?? Int32(LICU_DATE_NONE),
        timeZone, &status)
    else { throw .unavailable("a date format for \(locale)", ICUString.name(status)) }
    self.handle = handle
  }

  public init(locale: LocaleID, skeleton: String, timeZone: String = "UTC") throws(FormatterError) {
    var status: Int32 = 0
    let units = Array(skeleton.utf16)
    guard
      let handle = licu_date_open_skeleton(
        locale.icuID, units, Int32(units.count), timeZone, &status)
    else {
      throw .badSkeleton(skeleton, offset: 0, ICUString.name(status))
    }
    self.handle = handle
  }

  /// A SimpleDateFormat pattern (`yyyy-MM-dd`, `HH:mm`), as written: spaces around it
  /// are literal text, as in ICU's MessageFormat.
  public init(locale: LocaleID, pattern: String, timeZone: String = "UTC") throws(FormatterError) {
    var status: Int32 = 0
    let units = Array(pattern.utf16)
    guard
      let handle = licu_date_open_pattern(
        locale.icuID, units, Int32(units.count), timeZone, &status)
    else {
      throw .badPattern(pattern, offset: 0, ICUString.name(status))
    }
    self.handle = handle
  }

  /// The pattern ICU's pattern generator makes of a skeleton for the locale ("" when the
  /// skeleton names no field it knows).
  public static func pattern(forSkeleton skeleton: String, locale: LocaleID) -> String {
    let units = Array(skeleton.utf16)
    return ICUString.utf16 { buffer, capacity, status in
      licu_date_skeleton_pattern(
        locale.icuID, units, Int32(units.count), buffer, capacity, &status)
    }.0
  }

  deinit { licu_date_close(handle) }

  public func format(_ date: CalendarDate) -> String {
    var out: [UInt8] = []
    format(date, appendingTo: &out)
    return String(decoding: out, as: UTF8.self)
  }

  func format(_ date: CalendarDate, appendingTo out: inout [UInt8]) {
    _ = ICUString.append(to: &out) {
      licu_date_format(handle, date.millisecondsSince1970, $0, $1, &$2)
    }
  }
}
