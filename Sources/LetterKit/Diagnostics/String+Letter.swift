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

/// "Did you mean …?": the one place a near miss is measured.
extension String {
  /// The Levenshtein distance to `other`, over characters.
  func editDistance(to other: String) -> Int {
    let a = Array(self)
    let b = Array(other)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...max(b.count, 1) where j <= b.count {
        current[j] = Swift.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// The candidate this most likely meant: the nearest by edit distance, if near (at most
  /// a third of the longer of the two), or the only candidate when `alone`.
  func closest(among candidates: [String], alone: Bool = false) -> String? {
    let scored = candidates.map { ($0, editDistance(to: $0)) }.sorted { $0.1 < $1.1 }
    guard let best = scored.first else { return nil }
    if alone && candidates.count == 1 { return best.0 }
    let longer = max(count, best.0.count)
    return best.1 <= max(1, longer / 3) ? best.0 : nil
  }
}
