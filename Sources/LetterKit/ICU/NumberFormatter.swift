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
    format(.double(value), appendingTo: &out)
  }

  /// A double as a double (-0 stays -0), an integer as an integer (exact above 2^53).
  func format(_ value: NumberArgument, appendingTo out: inout [UInt8]) {
    switch value {
    case .double(let d):
      _ = ICUString.append(to: &out) { licu_number_format_double(handle, d, $0, $1, &$2) }
    case .int(let i):
      _ = ICUString.append(to: &out) { licu_number_format_int64(handle, i, $0, $1, &$2) }
    }
  }
}

/// Why a formatter could not be built.
public enum FormatterError: Error, Hashable, Sendable, CustomStringConvertible {
  case badSkeleton(String, offset: Int, String)
  case unavailable(String, String)
  /// A DecimalFormat or SimpleDateFormat pattern ICU refuses.
  case badPattern(String, offset: Int, String)

  public var description: String {
    switch self {
    case .badSkeleton(let skeleton, let offset, let status):
      "ICU does not accept the skeleton '\(skeleton)' (at character \(offset + 1): \(status))"
    case .unavailable(let what, let status): "ICU cannot make \(what) (\(status))"
    case .badPattern(let pattern, let offset, let status):
      "ICU does not accept the pattern '\(pattern)' (at character \(offset + 1): \(status))"
    }
  }
}
