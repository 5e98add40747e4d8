/// `check`'s promise: if `letter check --strict` passes, `render` of every locale and every
/// format the template has succeeds. It keeps the promise by construction: it runs the
/// real renderer for each of them, in memory, writing nothing, and reports what render
/// would refuse (and the `raw-html` warnings render gives) as findings with their places.
struct RenderCheck {
  let model: LetterModel
  let catalogs: Catalogs
  let signatories: String?

  /// The findings render would give for `locales` in every format, except those `known`
  /// already reports (the same id and key, at the same place or for the same locale).
  /// Throws when a layout or a file cannot be read at all.
  func findings(locales: [LocaleID], besides known: [Diagnostic]) throws(LetterError)
    -> [Diagnostic]
  {
    struct Seen: Hashable {
      var id: String?
      var key: String?
      var place: String
    }
    var seen: Set<Seen> = []
    // Render's `argument` (a value a message needs is absent) is check's `model-value`,
    // which check reports once, against the model.
    let modelValueKeys = Set(known.filter { $0.id == "model-value" }.compactMap(\.key))
    for d in known {
      seen.insert(Seen(id: d.id, key: d.key, place: d.location?.description ?? ""))
      seen.insert(Seen(id: d.id, key: d.key, place: "locale:\(d.locale ?? "")"))
      // The same key at the same place for the same locale, whatever check called it
      // (render's `argument` is check's `model-value`).
      seen.insert(Seen(id: nil, key: d.key, place: Self.place(d)))
    }
    var result: [Diagnostic] = []
    func add(_ d: Diagnostic) {
      let atPlace = Seen(id: d.id, key: d.key, place: d.location?.description ?? "")
      let forLocale = Seen(id: d.id, key: d.key, place: "locale:\(d.locale ?? "")")
      if d.id == "argument", let key = d.key, modelValueKeys.contains(key) { return }
      let anyID = Seen(id: nil, key: d.key, place: Self.place(d))
      guard !seen.contains(atPlace), !seen.contains(forLocale), !seen.contains(anyID) else {
        return
      }
      seen.insert(atPlace)
      seen.insert(forLocale)
      result.append(d)
    }
    var unreadable: [Diagnostic] = []
    for format in LayoutSet.formats(in: model.directory) {
      let renderer: LetterRenderer
      do throws(LetterError) {
        renderer = try LetterRenderer(
          model: model, catalogs: catalogs, format: format, signatories: signatories)
      } catch {
        unreadable += error.diagnostics
        continue
      }
      // A locale without a catalog is check's `no-catalog` already.
      for locale in locales where (try? catalogs.chain(locale)) != nil {
        // The sorter's own verdict on names it cannot place, even if the letter fails.
        for w in renderer.signatoryWarnings(for: locale) where w.id == "no-reading" { add(w) }
        do throws(LetterError) {
          let letter = try renderer.render(locale)
          for w in letter.warnings where w.id == "raw-html" {
            var w = w
            if w.locale == nil { w.locale = locale.tag }
            add(w)
          }
        } catch {
          if case .input(let d) = error {
            unreadable += d
            continue
          }
          for d in error.diagnostics {
            var d = d
            if d.locale == nil { d.locale = locale.tag }
            add(d)
          }
        }
      }
    }
    if !unreadable.isEmpty {
      // One line per distinct problem, whatever the number of formats and locales.
      var lines: Set<String> = []
      throw .input(unreadable.filter { lines.insert($0.description).inserted })
    }
    return result
  }

  /// A finding's place and locale, as one text.
  private static func place(_ d: Diagnostic) -> String {
    "\(d.location?.description ?? "") \(d.locale ?? "")"
  }
}
