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
      body { margin: 15mm; font-family: "Times New Roman", Times, "Liberation Serif", "Noto Serif", serif; font-size: 10.5pt; line-height: 1.5; }
      :lang(ja) { font-family: "Hiragino Mincho ProN", "Yu Mincho", YuMincho, "Noto Serif CJK JP", "Noto Serif JP", "IPAexMincho", serif; line-height: 1.8; line-break: strict; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed; }
      th, td { vertical-align: top; text-align: left; padding: 0.4em 0.8em; border-bottom: 1px solid #ddd; }
      th { font-size: 0.85em; color: #555; font-weight: normal; }
      td.name { padding-top: 0.1em; padding-bottom: 0.1em; border-bottom: none; }
      @media print { body { margin: 0; } }
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
      out += "<th lang=\"\(escape(letter.locale.tag))\">\(escape(letter.locale.nativeName))</th>"
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
    // Each group: its heading, then a row per signatory with the same signatory's name
    // in every column (in the first locale's order), then the unnamed count.
    let groupCount = letters.map(\.groups.count).max() ?? 0
    for g in 0..<groupCount {
      func row(_ cell: (LetterRenderer.Localized) -> String, className: String? = nil) {
        out += "<tr\(className.map { " class=\"\($0)\"" } ?? "")>"
        for letter in letters {
          out +=
            "<td\(className.map { " class=\"\($0)\"" } ?? "") lang=\"\(escape(letter.locale.tag))\">\(cell(letter))</td>"
        }
        out += "</tr>\n"
      }
      func group(_ letter: LetterRenderer.Localized) -> LetterRenderer.RenderedGroup? {
        g < letter.groups.count ? letter.groups[g] : nil
      }
      row({ group($0)?.heading.map { "<h2>\(escape($0))</h2>" } ?? "" })
      for member in group(letters[0])?.members ?? [] {
        let id = member["_row"]
        row(
          { letter in
            escape(group(letter)?.members.first { $0["_row"] == id }?["name"] ?? "")
          }, className: "name")
      }
      row({ group($0)?.unnamedText.map { "<p>\(escape($0))</p>" } ?? "" })
    }
    out += "</tbody>\n</table>\n</body>\n</html>\n"
    return out
  }

  /// HTML escaping for text and attribute values (the layouts' own).
  static func escape(_ s: String) -> String { LayoutSet.Format.escapeHTML(s) }
}
