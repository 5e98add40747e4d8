import CICU

/// An ICU system transliterator, such as `Katakana-Hiragana`, `Hiragana-Katakana`,
/// `Fullwidth-Halfwidth` or `Halfwidth-Fullwidth`. Constructed once, used many times.
public final class Transliterator: @unchecked Sendable {
  public let id: String
  let handle: OpaquePointer

  /// Katakana to hiragana (ヒューマン → ひゅーまん).
  public static func katakanaToHiragana() throws(TransliteratorError) -> Transliterator {
    try Transliterator(id: "Katakana-Hiragana")
  }

  /// Hiragana to katakana.
  public static func hiraganaToKatakana() throws(TransliteratorError) -> Transliterator {
    try Transliterator(id: "Hiragana-Katakana")
  }

  /// Half-width forms to full width (ｶﾀｶﾅ → カタカナ, ＡＢＣ stays).
  public static func halfwidthToFullwidth() throws(TransliteratorError) -> Transliterator {
    try Transliterator(id: "Halfwidth-Fullwidth")
  }

  /// Full-width forms to half width (ＡＢＣ → ABC, カタカナ → ｶﾀｶﾅ).
  public static func fullwidthToHalfwidth() throws(TransliteratorError) -> Transliterator {
    try Transliterator(id: "Fullwidth-Halfwidth")
  }

  public init(id: String) throws(TransliteratorError) {
    var status: Int32 = 0
    guard let handle = licu_trans_open(id, &status), !ICUString.failed(status) else {
      throw .unknown(id, ICUString.name(status))
    }
    self.id = id
    self.handle = handle
  }

  deinit { licu_trans_close(handle) }

  /// Transliterates text.
  public func callAsFunction(_ text: String) -> String {
    let source = Array(text.utf16)
    let (result, _) = ICUString.utf16(initialCapacity: Int32(source.count * 2 + 16)) {
      buffer, capacity, status in
      licu_trans_utf16(handle, source, Int32(source.count), buffer, capacity, &status)
    }
    return result
  }
}

public enum TransliteratorError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknown(String, String)

  public var description: String {
    switch self {
    case .unknown(let id, let status): "ICU has no transliterator '\(id)' (\(status))"
    }
  }
}
