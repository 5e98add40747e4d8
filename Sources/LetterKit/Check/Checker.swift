/// The checks of `letter check` on a template (DESIGN.md, Checks): the catalog checks
/// (`CatalogCheck`: every locale of the template against the source locale), then what
/// only a template has — layout keys no catalog has and catalog keys nothing uses,
/// model values the messages need, signatories without a name or a reading, or listed
/// twice.
///
/// Each finding has a stable id (`Finding.ID`), a severity and the file:line:col of what
/// it is about. Each check is a type of its own in this folder.
public final class Checker {
  public let model: LetterModel
  public let catalogs: Catalogs
  /// Plural categories only exact millions reach are errors, not notes.
  public var cldrStrict = false
  /// A signatory file given on the command line instead of the model's.
  public var signatories: String?

  public init(model: LetterModel, catalogs: Catalogs) {
    self.model = model
    self.catalogs = catalogs
  }

  /// Runs every check for `locales` (default: the template's). Throws only when the
  /// input cannot be read at all (no source catalog, unreadable files).
  public func run(locales requested: [LocaleID] = []) throws(LetterError) -> CheckReport {
    let locales = requested.isEmpty ? model.locales : requested
    let catalogCheck = CatalogCheck(
      catalogs: catalogs,
      options: .init(
        sourceLocale: model.sourceLocale, locales: locales, cldrStrict: cldrStrict,
        listedBy: requested.isEmpty ? "the template lists" : nil))
    let result = try catalogCheck.run()
    var findings = Findings()
    findings.append(contentsOf: result.findings)
    try templateFindings(result, locales: locales, into: &findings)
    return CheckReport(findings: findings.items, statistics: result.statistics)
  }

  /// The template's own checks, after the catalogs': where a template check adds its
  /// findings.
  private func templateFindings(
    _ catalogs: CatalogCheck.Result, locales: [LocaleID], into findings: inout Findings
  ) throws(LetterError) {
    let keys = TemplateKeysCheck(model: model, uses: try TemplateKeysCheck.layoutKeyUses(model))
    keys.run(source: catalogs.source, into: &findings)
    ModelValueCheck(model: model).run(
      source: catalogs.source, messages: catalogs.sourceMessages, usedKeys: keys.usedKeys,
      groupKeys: keys.groupKeys, into: &findings)
    try SignatoryCheck(model: model, signatories: signatories).run(locales, into: &findings)
    // What render would refuse, found by rendering every locale in every format.
    let all = [model.sourceLocale] + locales.filter { $0.tag != model.sourceLocale.tag }
    findings.append(
      contentsOf: try RenderCheck(model: model, catalogs: self.catalogs, signatories: signatories)
        .findings(locales: all, besides: findings.items))
  }
}
