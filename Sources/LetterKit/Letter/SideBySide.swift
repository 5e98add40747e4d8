/// The side-by-side page: one HTML document, the locales in parallel columns, each
/// message beside its translations, then the signatory groups. Every value is escaped;
/// each column carries its `lang`.
enum SideBySide {
  static func html(title: String, keys: [String], letters: [LetterRenderer.Localized]) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="\(escape(letters.first?.locale.tag ?? "und"))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
      @page { size: A4 landscape; margin: 15mm; }
      body { margin: 0; font-family: "Times New Roman", Times, "Liberation Serif", "Noto Serif", serif; font-size: 10.5pt; line-height: 1.5; }
      :lang(ja) { font-family: "Hiragino Mincho ProN", "Yu Mincho", YuMincho, "Noto Serif CJK JP", "Noto Serif JP", "IPAexMincho", serif; line-height: 1.8; line-break: strict; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed; }
      th, td { vertical-align: top; text-align: left; padding: 0.4em 0.8em; border-bottom: 1px solid #ddd; }
      th { font-size: 0.85em; color: #555; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      ul { margin: 0; padding-left: 1.2em; }
      h2 { font-size: 1em; margin: 0 0 0.4em; }
      </style>
      </head>
      <body>
      <table>
      <thead><tr>
      """
    for letter in letters {
      out += "<th lang=\"\(escape(letter.locale.tag))\">\(escape(letter.locale.tag))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for key in keys where letters.contains(where: { $0.messages[key] != nil }) {
      out += "<tr data-key=\"\(escape(key))\">"
      for letter in letters {
        out +=
          "<td lang=\"\(escape(letter.locale.tag))\">\(escape(letter.messages[key] ?? ""))</td>"
      }
      out += "</tr>\n"
    }
    let groupCount = letters.map(\.groups.count).max() ?? 0
    for g in 0..<groupCount {
      out += "<tr class=\"group\">"
      for letter in letters {
        out += "<td lang=\"\(escape(letter.locale.tag))\">"
        if g < letter.groups.count {
          let group = letter.groups[g]
          if let h = group.heading { out += "<h2>\(escape(h))</h2>" }
          out += "<ul>"
          for member in group.members { out += "<li>\(escape(member["name"] ?? ""))</li>" }
          out += "</ul>"
          if let u = group.unnamedText { out += "<p>\(escape(u))</p>" }
        }
        out += "</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n</body>\n</html>\n"
    return out
  }

  /// HTML escaping for text and attribute values.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
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
}
