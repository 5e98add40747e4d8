/// The template's keys against the source catalog: a key a layout or group uses that
/// the catalog lacks (`unknown-key`), a message nothing uses (`unused`).
struct TemplateKeysCheck {
  let model: LetterModel
  let uses: [LayoutSet.KeyUse]

  /// The message keys every layout of every format uses.
  static func layoutKeyUses(_ model: LetterModel) throws(LetterError) -> [LayoutSet.KeyUse] {
    var uses: [LayoutSet.KeyUse] = []
    for format in LayoutSet.formats(in: model.directory) {
      uses += try LayoutSet(directory: model.directory, format: format).allUsedKeys
    }
    return uses
  }

  /// Keys of group headings and "and N others" messages.
  var groupKeys: Set<String> {
    Set(model.groups.flatMap { [$0.heading, $0.unnamedMessage].compactMap { $0 } })
  }

  /// Every key the template uses.
  var usedKeys: Set<String> { Set(uses.map(\.key)).union(groupKeys) }

  func run(source: ResolvedCatalog, into findings: inout Findings) {
    let tag = source.locale.tag
    for use in uses where source[use.key] == nil {
      findings.add(
        .unknownKey, "the layout uses this key, but the \(tag) catalog has no such message",
        at: use.location, locale: tag, key: use.key)
    }
    for group in model.groups {
      for key in [group.heading, group.unnamedMessage].compactMap({ $0 }) where source[key] == nil {
        findings.add(
          .unknownKey,
          "group '\(group.id)' uses this key, but the \(tag) catalog has no such message",
          at: group.location, locale: tag, key: key)
      }
    }
    let used = usedKeys
    for key in source.keys where !used.contains(key) {
      findings.add(
        .unused, "no layout or group uses this message", at: source[key]!.message.location,
        locale: tag, key: key)
    }
  }
}
