import CICU

/// An ICU list formatter: `A, B, and C` (en), `A、B、C` (ja); `or` lists; unit lists.
public final class ListFormatter: @unchecked Sendable {
  public enum Kind: String, Sendable { case and, or, unit }

  let handle: OpaquePointer

  public init(locale: LocaleID, kind: Kind = .and) throws(FormatterError) {
    var status: Int32 = 0
    let type: Int32 =
      switch kind {
      case .and: Int32(LICU_LIST_AND)
      case .or: Int32(LICU_LIST_OR)
      case .unit: Int32(LICU_LIST_UNITS)
      }
    guard let handle = licu_list_open(locale.icuID, type, &status) else {
      throw .unavailable("a list format for \(locale)", ICUString.name(status))
    }
    self.handle = handle
  }

  deinit { licu_list_close(handle) }

  public func format(_ items: [String]) -> String {
    var out: [UInt8] = []
    format(items.map { Array($0.utf16) }, appendingTo: &out)
    return String(decoding: out, as: UTF8.self)
  }

  func format(_ items: [[UInt16]], appendingTo out: inout [UInt8]) {
    // All items in one buffer, so one set of pointers stays valid for the call.
    let all = items.flatMap { $0 }
    var lengths = items.map { Int32($0.count) }
    all.withUnsafeBufferPointer { base in
      var pointers: [UnsafePointer<UInt16>?] = []
      var offset = 0
      let start = base.baseAddress ?? UnsafePointer(bitPattern: 2)!
      for item in items {
        pointers.append(start + offset)
        offset += item.count
      }
      _ = ICUString.append(to: &out) { buffer, capacity, status in
        licu_list_format(handle, pointers, &lengths, Int32(items.count), buffer, capacity, &status)
      }
    }
  }
}
