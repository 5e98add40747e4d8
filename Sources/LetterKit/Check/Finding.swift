/// The kinds of finding `letter check` reports: every id, its default severity and the
/// line that documents it (the README's table is tested against this list).
public enum Finding {
  public enum ID: String, CaseIterable, Sendable {
    // Coverage of the translations against the source.
    case missing
    case obsolete
    case noCatalog = "no-catalog"
    // One message on its own.
    case empty
    case notAString = "not-a-string"
    case messageForm = "message-form"
    case duplicateKey = "duplicate-key"
    case syntax
    case noOther = "no-other"
    case pluralKeyword = "plural-keyword"
    // Plural arms against the locale's CLDR rules.
    case pluralCategory = "plural-category"
    case pluralUnused = "plural-unused"
    case pluralPound = "plural-pound"
    case noPluralData = "no-plural-data"
    // A translation's arguments against the source's.
    case arguments
    // The template: layouts, model and signatories.
    case unknownKey = "unknown-key"
    case unused
    case modelValue = "model-value"
    case signatoryName = "signatory-name"
    case noReading = "no-reading"
    case duplicateSignatory = "duplicate-signatory"
    case signatoryGroup = "signatory-group"
    case unconfirmedReading = "unconfirmed-reading"
    // What render would refuse, found by rendering (RenderCheck).
    case layout
    case layoutValue = "layout-value"
    case argument
    case rawHTML = "raw-html"

    public var defaultSeverity: Diagnostic.Severity {
      switch self {
      case .obsolete, .pluralUnused, .pluralPound, .noPluralData, .unused, .noReading,
        .duplicateSignatory, .signatoryGroup, .unconfirmedReading, .rawHTML:
        .warning
      default: .error
      }
    }

    /// Whether the check needs a template (layouts, model, signatories).
    public var needsTemplate: Bool {
      switch self {
      case .unknownKey, .unused, .modelValue, .signatoryName, .noReading, .duplicateSignatory,
        .signatoryGroup, .unconfirmedReading, .layout, .layoutValue, .argument, .rawHTML:
        true
      default: false
      }
    }

    /// One line for the README's table.
    public var doc: String {
      switch self {
      case .missing:
        "a message of the source is missing in a translation (its whole fallback chain)"
      case .obsolete: "a translation has a message the source does not"
      case .noCatalog: "a locale asked for (or listed by the template) has no catalog"
      case .empty: "an empty message"
      case .notAString:
        "a message is YAML null (`~`, `null`, nothing), a boolean or a number, not a string"
      case .messageForm:
        "a message is neither a string nor `{text, note, drops}` (a list, a `drops` that is not a list of names)"
      case .duplicateKey: "a key defined twice (in two files of a catalog folder)"
      case .syntax: "a MessageFormat syntax error, at its line and column in the YAML file"
      case .noOther: "a plural or select without `other`"
      case .pluralKeyword:
        "a plural arm whose keyword was translated (`otros`): keywords stay in English"
      case .pluralCategory:
        "a plural lacks a category some number below 1,000,000 selects in the locale (a note when only exact millions do: error with `--cldr-strict`)"
      case .pluralUnused: "an arm the locale can never use (`one` in Japanese)"
      case .pluralPound:
        "a `one` arm without `#` where `one` is not only 1 (ru, uk, be: 21, 31 …) and the source shows the number"
      case .noPluralData:
        "ICU has no plural rules for the locale (root: only `other`): once per locale"
      case .arguments:
        "a translation lacks an argument the source shows where the locale can reach it, has one the source does not, or uses it as another kind (`{x}` → `{x, date}`)"
      case .unknownKey: "a layout uses a key no catalog has"
      case .unused: "a source message no layout or group uses"
      case .modelValue: "a source message needs a value the model (`letter.yaml`) lacks: once"
      case .signatoryName: "a signatory has no name in a rendered locale"
      case .noReading: "a Japanese name with kanji and no reading in a group sorted in Japanese"
      case .duplicateSignatory: "the same signatory twice in a group"
      case .signatoryGroup: "a signatory in a group the template does not have"
      case .unconfirmedReading:
        "a reading `letter readings` suggested that no person has confirmed (its `reading.ja.status` is `suggested`)"
      case .layout:
        "a layout that cannot be read or rendered: a tag never closed, a missing partial, a layout that includes itself"
      case .layoutValue: "a layout uses a name the letter does not have"
      case .argument: "rendering a message needs a value it is not given (found by rendering)"
      case .rawHTML:
        "a layout inserts a message unescaped (`{{{…}}}`, `{{&…}}`) in HTML or Markdown"
      }
    }
  }
}

extension Diagnostic {
  /// A finding of `check`, at its default severity unless told.
  public init(
    _ id: Finding.ID, _ message: String, at location: SourceLocation?, locale: String?,
    key: String?, severity: Severity? = nil
  ) {
    self.init(
      severity ?? id.defaultSeverity, message, at: location, id: id.rawValue, locale: locale,
      key: key)
  }
}

/// Findings as a check collects them: one way to add one.
struct Findings: Sendable {
  var items: [Diagnostic] = []

  mutating func add(
    _ id: Finding.ID, _ message: String, at location: SourceLocation?, locale: String?,
    key: String?, severity: Diagnostic.Severity? = nil
  ) {
    items.append(
      Diagnostic(id, message, at: location, locale: locale, key: key, severity: severity))
  }

  mutating func append(contentsOf other: [Diagnostic]) { items += other }
}
