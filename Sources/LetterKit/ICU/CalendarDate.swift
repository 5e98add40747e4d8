/// A date, or a date and time, as written in ISO 8601 (`2025-04-23`,
/// `2025-04-23T15:30:00Z`, `2025-04-23T15:30:00+09:00`). A date alone is that calendar
/// day: midnight UTC, shown in UTC, so it is the same day on every machine.
public struct CalendarDate: Hashable, Sendable, CustomStringConvertible {
  public let millisecondsSince1970: Double
  public let hasTime: Bool
  public let text: String

  public var description: String { text }

  /// An instant in milliseconds since 1970-01-01T00:00:00Z.
  public init(millisecondsSince1970: Double) {
    self.millisecondsSince1970 = millisecondsSince1970
    self.hasTime = true
    self.text = String(Int64(millisecondsSince1970))
  }

  /// Why an ISO 8601 text is not a date LetterKit formats.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case notISO
    case offsetOutOfRange(String)
    case beforeGregorian

    public var description: String {
      switch self {
      case .notISO:
        "not an ISO 8601 date (2025-04-23, 2025-04-23T15:30:00Z or 2025-04-23T15:30:00+09:00)"
      case .offsetOutOfRange(let offset):
        "the UTC offset '\(offset)' is out of range (hours 00–23, minutes 00–59)"
      case .beforeGregorian:
        "dates before 1582-10-15 are not supported: ICU shows them in the Julian calendar, "
          + "so the day printed would not be the day written"
      }
    }
  }

  /// The first instant of the Gregorian calendar (1582-10-15T00:00:00Z) in milliseconds;
  /// ICU's calendar is Julian before it.
  public static let gregorianStart = -12_219_292_800_000.0

  public init?(iso text: String) {
    guard case .success(let date) = CalendarDate.parse(iso: text) else { return nil }
    self = date
  }

  private init(millisecondsSince1970: Double, hasTime: Bool, text: String) {
    self.millisecondsSince1970 = millisecondsSince1970
    self.hasTime = hasTime
    self.text = text
  }

  /// Reads an ISO 8601 date or date and time, or says why it cannot: not ISO 8601, a UTC
  /// offset beyond ±23:59 (`+99:99`), or an instant before the Gregorian calendar began.
  public static func parse(iso text: String) -> Result<CalendarDate, Problem> {
    let s = Array(text.utf8)
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= s.count else { return nil }
      var v = 0
      for i in range {
        guard (0x30...0x39).contains(s[i]) else { return nil }
        v = v * 10 + Int(s[i] - 0x30)
      }
      return v
    }
    guard s.count >= 10, s[4] == 0x2D, s[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7),
      let d = digits(8..<10), (1...12).contains(m),
      (1...CalendarDate.days(inMonth: m, year: y)).contains(d)
    else { return .failure(.notISO) }
    var seconds = Double(CalendarDate.daysFromCivil(y, m, d)) * 86_400
    var hasTime = false
    if s.count > 10 {
      guard s[10] == 0x54 || s[10] == 0x20, let hh = digits(11..<13), s.count > 13, s[13] == 0x3A,
        let mm = digits(14..<16), hh < 24, mm < 60
      else { return .failure(.notISO) }
      var i = 16
      var ss = 0.0
      if i < s.count && s[i] == 0x3A {
        guard let whole = digits(17..<19), whole < 61 else { return .failure(.notISO) }
        ss = Double(whole)
        i = 19
        if i < s.count && s[i] == 0x2E {
          var scale = 0.1
          i += 1
          while i < s.count, (0x30...0x39).contains(s[i]) {
            ss += Double(s[i] - 0x30) * scale
            scale /= 10
            i += 1
          }
        }
      }
      var offset = 0
      if i < s.count {
        if s[i] == 0x5A && i + 1 == s.count {
          i += 1
        } else if s[i] == 0x2B || s[i] == 0x2D, let oh = digits((i + 1)..<(i + 3)) {
          var om = 0
          if i + 3 < s.count {
            guard s[i + 3] == 0x3A, let m2 = digits((i + 4)..<(i + 6)), i + 6 == s.count else {
              return .failure(.notISO)
            }
            om = m2
          } else if i + 3 != s.count {
            return .failure(.notISO)
          }
          guard oh < 24, om < 60 else {
            return .failure(.offsetOutOfRange(String(decoding: s[i...], as: UTF8.self)))
          }
          offset = (oh * 60 + om) * 60 * (s[i] == 0x2D ? -1 : 1)
          i = s.count
        } else {
          return .failure(.notISO)
        }
      }
      guard i == s.count else { return .failure(.notISO) }
      seconds += Double(hh * 3600 + mm * 60) + ss - Double(offset)
      hasTime = true
    }
    guard seconds * 1000 >= gregorianStart else { return .failure(.beforeGregorian) }
    return .success(
      CalendarDate(millisecondsSince1970: seconds * 1000, hasTime: hasTime, text: text))
  }

  static func days(inMonth m: Int, year y: Int) -> Int {
    switch m {
    case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar.
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
