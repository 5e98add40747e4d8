import CICU

/// The versions of ICU and of its CLDR data that this process runs on: plural rules,
/// collation and date patterns change between them, so a bug report needs both.
public enum ICUVersion {
  /// ICU's version, as the library reports it at run time ("72.1").
  public static var icu: String {
    var buffer = [CChar](repeating: 0, count: 32)
    let n = Int(licu_icu_version(&buffer, Int32(buffer.count)))
    return n < buffer.count
      ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
  }

  /// The CLDR version of ICU's locale data ("42.0"), or nil if ICU cannot say.
  public static var cldr: String? {
    var buffer = [CChar](repeating: 0, count: 32)
    var status: Int32 = 0
    let n = Int(licu_cldr_version(&buffer, Int32(buffer.count), &status))
    guard status <= 0, n > 0, n < buffer.count else { return nil }
    return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// One line for `--version`: "ICU 72.1, CLDR 42.0".
  public static var summary: String { "ICU \(icu), CLDR \(cldr ?? "unknown")" }
}
