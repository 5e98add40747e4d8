/// Legal-entity forms that are set aside when sorting names: the part of a name that
/// says what kind of body it is, not what it is called.
///
/// Japanese forms are recognised as a prefix or a suffix, with or without an ASCII or
/// ideographic space between; English: a leading "The ". Each Japanese form carries its
/// reading, so a reading that begins (or ends) with it loses it too
/// (特定非営利活動法人アフリカ日本協議会 read とくていひえいりかつどうほうじん あふりか…
/// sorts as あふりか…). The displayed name never changes.
package struct LegalForms: Sendable {
  package struct Form: Sendable {
    package let text: [UInt8]
    package let reading: [UInt8]
  }

  /// Longest first, so 認定特定非営利活動法人 wins over 特定非営利活動法人.
  package let forms: [Form]
  /// Leading words (with their space) set aside in Latin-script names.
  package let articles: [[UInt8]]

  package static let standard = LegalForms(
    japanese: [
      ("認定特定非営利活動法人", "にんていとくていひえいりかつどうほうじん"),
      ("特定非営利活動法人", "とくていひえいりかつどうほうじん"),
      ("認定NPO法人", "にんていえぬぴーおーほうじん"),
      ("認定ＮＰＯ法人", "にんていえぬぴーおーほうじん"),
      ("NPO法人", "えぬぴーおーほうじん"),
      ("ＮＰＯ法人", "えぬぴーおーほうじん"),
      ("一般社団法人", "いっぱんしゃだんほうじん"),
      ("一般財団法人", "いっぱんざいだんほうじん"),
      ("公益社団法人", "こうえきしゃだんほうじん"),
      ("公益財団法人", "こうえきざいだんほうじん"),
      ("社会福祉法人", "しゃかいふくしほうじん"),
      ("学校法人", "がっこうほうじん"),
      ("宗教法人", "しゅうきょうほうじん"),
      ("株式会社", "かぶしきがいしゃ"),
      ("有限会社", "ゆうげんがいしゃ"),
      ("合同会社", "ごうどうがいしゃ"),
      ("合資会社", "ごうしがいしゃ"),
      ("合名会社", "ごうめいがいしゃ"),
      ("(株)", "かぶしきがいしゃ"),
      ("（株）", "かぶしきがいしゃ"),
      ("㈱", "かぶしきがいしゃ"),
      ("(有)", "ゆうげんがいしゃ"),
      ("（有）", "ゆうげんがいしゃ"),
      ("㈲", "ゆうげんがいしゃ"),
    ],
    articles: ["The ", "THE "])

  package init(japanese: [(String, String)], articles: [String]) {
    self.forms = japanese.map { Form(text: Array($0.0.utf8), reading: Array($0.1.utf8)) }
      .sorted { $0.text.count > $1.text.count }
    self.articles = articles.map { Array($0.utf8) }
  }

  /// What is left of a name (and its reading) once a legal form is set aside: byte
  /// ranges within the inputs. A name that is nothing but a legal form keeps it.
  package func setAside(name: UnsafeBufferPointer<UInt8>, reading: UnsafeBufferPointer<UInt8>?)
    -> (name: Range<Int>, reading: Range<Int>?)
  {
    let whole = 0..<name.count
    let wholeReading = reading.map { 0..<$0.count }
    for article in articles where name.count > article.count && starts(name, with: article) {
      return (trimmed(name, article.count..<name.count), wholeReading)
    }
    for form in forms {
      if starts(name, with: form.text) {
        let rest = trimmed(name, form.text.count..<name.count)
        if rest.isEmpty { continue }
        var readingRest = wholeReading
        if let reading, starts(reading, with: form.reading) {
          let r = trimmed(reading, form.reading.count..<reading.count)
          if !r.isEmpty { readingRest = r }
        }
        return (rest, readingRest)
      }
      if ends(name, with: form.text) {
        let rest = trimmed(name, 0..<(name.count - form.text.count))
        if rest.isEmpty { continue }
        var readingRest = wholeReading
        if let reading, ends(reading, with: form.reading) {
          let r = trimmed(reading, 0..<(reading.count - form.reading.count))
          if !r.isEmpty { readingRest = r }
        }
        return (rest, readingRest)
      }
    }
    return (whole, wholeReading)
  }

  private func starts(_ s: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
    guard s.count >= prefix.count else { return false }
    for i in 0..<prefix.count where s[i] != prefix[i] { return false }
    return true
  }

  private func ends(_ s: UnsafeBufferPointer<UInt8>, with suffix: [UInt8]) -> Bool {
    guard s.count >= suffix.count else { return false }
    let base = s.count - suffix.count
    for i in 0..<suffix.count where s[base + i] != suffix[i] { return false }
    return true
  }

  /// Narrows a range past ASCII spaces and ideographic spaces (U+3000) at either end.
  private func trimmed(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while true {
      if lo < hi, s[lo] == 0x20 || s[lo] == 0x09 {
        lo += 1
      } else if lo + 3 <= hi, s[lo] == 0xE3, s[lo + 1] == 0x80, s[lo + 2] == 0x80 {
        lo += 3
      } else {
        break
      }
    }
    while true {
      if lo < hi, s[hi - 1] == 0x20 || s[hi - 1] == 0x09 {
        hi -= 1
      } else if hi - 3 >= lo, s[hi - 3] == 0xE3, s[hi - 2] == 0x80, s[hi - 1] == 0x80 {
        hi -= 3
      } else {
        break
      }
    }
    return lo..<hi
  }
}
