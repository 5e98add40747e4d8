/// The values the source messages need from the model (`letter.yaml`): each missing
/// value once, against the model — not once per locale (a translation's arguments are
/// compared with the source's by `ArgumentCheck`).
struct ModelValueCheck {
  let model: LetterModel

  func run(
    source: ResolvedCatalog, messages: [String: Message], usedKeys: Set<String>,
    groupKeys: Set<String>, into findings: inout Findings
  ) {
    let paths = model.valuePaths
    var reported: Set<String> = []
    for key in source.keys where usedKeys.contains(key) {
      guard let message = messages[key], let entry = source[key]?.message else { continue }
      for argument in message.arguments where !paths.contains(argument.name) {
        // Group headings also get `count`.
        if groupKeys.contains(key) && argument.name == "count" { continue }
        guard reported.insert("\(argument.name)\u{0}\(key)").inserted else { continue }
        let place = message.sourceMap.location(at: argument.range.lowerBound)
        findings.add(
          .modelValue,
          "the model has no value '\(argument.name)', which the \(source.locale.tag) message uses at \(place) (each locale's message gets it from the model)",
          at: SourceLocation(file: model.file), locale: source.locale.tag, key: entry.key)
      }
    }
  }
}
