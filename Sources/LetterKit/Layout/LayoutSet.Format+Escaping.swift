extension LayoutSet.Format {
  /// A value as the format needs it so that it prints as the text it is: HTML escapes
  /// `& < > " '`; Markdown puts a backslash before every character that could start
  /// emphasis, a link, code, inline HTML or a table cell, and before what would make a
  /// line a heading, a list item or a quote; plain text is left as it is.
  func escape(_ text: String) -> String {
    switch self {
    case .txt: text
    case .html: LayoutSet.Format.escapeHTML(text)
    case .md: LayoutSet.Format.escapeMarkdown(text)
    }
  }

  static func escapeHTML(_ text: String) -> String {
    guard
      text.utf8.contains(where: {
        $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
      })
    else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Characters that mean something anywhere in a CommonMark (or GFM) line.
  private static let markdownInline: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~",
  ]
  /// Characters that mean something at the start of a line.
  private static let markdownLineStart: Set<Unicode.Scalar> = ["#", "+", "-", "=", ">"]

  static func escapeMarkdown(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    var atLineStart = true
    var digits = false  // only digits since the line's start: "12." would start a list
    for c in text.unicodeScalars {
      if c == "\n" {
        out.unicodeScalars.append(c)
        atLineStart = true
        digits = false
        continue
      }
      if atLineStart && c == " " {
        out.unicodeScalars.append(c)
        continue
      }
      if markdownInline.contains(c) || (atLineStart && markdownLineStart.contains(c))
        || (digits && (c == "." || c == ")"))
      {
        out += "\\"
      }
      digits = (atLineStart || digits) && ("0"..."9").contains(c)
      atLineStart = false
      out.unicodeScalars.append(c)
    }
    return out
  }
}
