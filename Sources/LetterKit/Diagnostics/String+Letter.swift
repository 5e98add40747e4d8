/// Small string helpers (no Foundation needed).
extension String {
  var trimmingWhitespace: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }

  var replacingUnderscores: String {
    String(self.map { $0 == "_" ? "-" : $0 })
  }

  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    splitting(on: target).joined(separator: replacement)
  }

  func splitting(on separator: String) -> [String] {
    var parts: [String] = []
    var rest = Substring(self)
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}
