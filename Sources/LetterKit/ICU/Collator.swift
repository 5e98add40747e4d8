import CICU

/// An ICU collator for a locale: compares strings and makes byte sort keys.
///
/// Opening a collator costs far more than a comparison: construct one and reuse it.
/// Construction fails for a locale ICU has no collation data for (rather than
/// silently using the root order); comparing cannot fail. A collator is immutable after
/// construction and safe to share between threads.
public final class Collator: @unchecked Sendable {
  public let locale: LocaleID
  public let options: CollatorOptions
  let handle: OpaquePointer

  public init(locale: LocaleID, options: CollatorOptions = .init()) throws(LocaleError) {
    var status: Int32 = 0
    guard let handle = licu_coll_open(locale.icuID, &status) else {
      throw .noData(locale.tag, what: "collation")
    }
    let valid = ICUString.utf8 { licu_coll_valid_locale(handle, $0, $1) }
    if valid == "root" && !["root", "und", ""].contains(locale.language) {
      licu_coll_close(handle)
      throw .noData(locale.tag, what: "collation")
    }
    self.handle = handle
    self.locale = locale
    self.options = options
    if let strength = options.strength { licu_coll_set_strength(handle, strength.icu, &status) }
    if let shifted = options.ignorePunctuation {
      licu_coll_set_shifted(handle, shifted ? 1 : 0, &status)
    }
    if let numeric = options.numeric { licu_coll_set_numeric(handle, numeric ? 1 : 0, &status) }
    if options.latin == .last { moveLatinLast() }
  }

  deinit { licu_coll_close(handle) }

  /// The locale's script order with Latin moved after all others.
  private func moveLatinLast() {
    var status: Int32 = 0
    var codes = [Int32](repeating: 0, count: 32)
    let n = licu_coll_get_reorder(handle, &codes, 32, &status)
    let latin = licu_script_code("Latn")
    let others = licu_script_code("others")
    var order = Array(codes.prefix(Int(max(0, min(n, 32))))).filter { $0 != latin }
    if !order.contains(others) { order.append(others) }
    order.append(latin)
    licu_coll_set_reorder(handle, order, Int32(order.count), &status)
  }

  /// Compares two strings: the locale's order.
  public func compare(_ a: String, _ b: String) -> Ordering {
    var a = a
    var b = b
    return a.withUTF8 { ua in b.withUTF8 { ub in compare(utf8: ua, ub) } }
  }

  /// Compares two UTF-8 strings.
  package func compare(utf8 a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Ordering
  {
    let r = a.withMemoryRebound(to: CChar.self) { pa in
      b.withMemoryRebound(to: CChar.self) { pb in
        licu_coll_compare_utf8(
          handle, pa.baseAddress, Int32(pa.count), pb.baseAddress, Int32(pb.count))
      }
    }
    return r < 0 ? .ascending : r > 0 ? .descending : .same
  }

  /// The byte sort key of a string: comparing keys bytewise gives the collator's order.
  public func sortKey(_ s: String) -> [UInt8] {
    var s = s
    var key: [UInt8] = []
    s.withUTF8 { u in
      var scratch = [UInt8](repeating: 0, count: 64)
      let n = appendSortKey(utf8: u, to: &scratch, at: 0)
      key = Array(scratch[..<n])
    }
    return key
  }

  /// Writes the sort key of a UTF-8 string into a buffer; returns its length (more than
  /// `capacity`: nothing useful was written, call again with more room).
  @inline(__always)
  package func writeSortKey(
    utf8 s: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutablePointer<UInt8>, capacity: Int
  ) -> Int {
    s.withMemoryRebound(to: CChar.self) { p in
      Int(licu_coll_sort_key_utf8(handle, p.baseAddress, Int32(p.count), buffer, Int32(capacity)))
    }
  }

  /// Writes the sort key of a UTF-8 string into `keys` at `offset`, growing `keys` if
  /// needed; returns the key's length (including ICU's final 0 byte).
  @inline(__always)
  package func appendSortKey(
    utf8 s: UnsafeBufferPointer<UInt8>, to keys: inout [UInt8], at offset: Int
  )
    -> Int
  {
    while true {
      let room = keys.count - offset
      let n = keys.withUnsafeMutableBufferPointer { k in
        s.withMemoryRebound(to: CChar.self) { p in
          licu_coll_sort_key_utf8(
            handle, p.baseAddress, Int32(p.count), k.baseAddress! + offset, Int32(room))
        }
      }
      if Int(n) <= room { return Int(n) }
      keys.append(contentsOf: repeatElement(0, count: max(keys.count, Int(n))))
    }
  }
}
