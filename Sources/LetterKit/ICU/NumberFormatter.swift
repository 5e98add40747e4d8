import CICU

/// An ICU number formatter for a locale and a number skeleton (`""` for the default,
/// `percent scale/100`, `currency/JPY`, `precision-integer`, `compact-short`, …).
///
/// Not safe to share between threads (it reuses one ICU result object).
public final class NumberFormatter {
  public let locale: LocaleID
  public let skeleton: String
  let handle: OpaquePointer

  /// Fails for a skeleton ICU does not accept (with the offset of the fault in it).
  public init(locale: LocaleID, skeleton: String) throws(FormatterError) {
    var status: Int32 = 0
    var offset: Int32 = 0
    let units = Array(skeleton.utf16)
    guard let handle = licu_number_open(locale.icuID, units, Int32(units.count), &status, &offset)
    else {
      throw .badSkeleton(skeleton, offset: Int(offset), ICUString.name(status))
    }
    self.handle = handle
    self.locale = locale
    self.skeleton = skeleton
  }

  deinit { licu_number_close(handle) }

  public func format(_ value: Double) -> String {
    var out: [UInt8] = []
    format(value, appendingTo: &out)
    return String(decoding: out, as: UTF8.self)
  }

  func format(_ value: Double, appendingTo out: inout [UInt8]) {
    if value.rounded() == value, abs(value) < 9.0e15 {
      _ = ICUString.append(to: &out) { licu_number_format_int64(handle, Int64(value), $0, $1, &$2) }
    } else {
      _ = ICUString.append(to: &out) { licu_number_format_double(handle, value, $0, $1, &$2) }
    }
  }
}

/// Why a formatter could not be built.
public enum FormatterError: Error, Hashable, Sendable, CustomStringConvertible {
  case badSkeleton(String, offset: Int, String)
  case unavailable(String, String)

  public var description: String {
    switch self {
    case .badSkeleton(let skeleton, let offset, let status):
      "ICU does not accept the skeleton '\(skeleton)' (at character \(offset + 1): \(status))"
    case .unavailable(let what, let status): "ICU cannot make \(what) (\(status))"
    }
  }
}
