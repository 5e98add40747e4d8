import Testing

@testable import LetterKit

@Suite("Template model")
struct LetterModelTests {
  @Test func localizedValuesAndNumbers() throws {
    let model = try LetterModel.load(directory: fixturePath("models/ok"))
    let en = try model.arguments(for: LocaleID("en"))
    #expect(en["recipient"] == ["title": "Foreign Minister", "name": "Takeshi Iwaya"])
    #expect(en["count"] == .integer(25))  // a whole number stays exact
    #expect(en["code"] == .string("007"))  // quoted: text, not a number
    #expect(en["date"] == .string("2025-04-23"))
    #expect(
      model.valuePaths.isSuperset(of: ["recipient.title", "recipient.name", "date", "count"]))
  }

  @Test func aLocalizedValueWithoutTheLocaleIsAnError() throws {
    let model = try LetterModel.load(directory: fixturePath("models/ok"))
    let ja = try LocaleID("ja")
    do {
      _ = try model.arguments(for: ja)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.map(\.message) == ["'recipient.name' has no value for ja"])
      #expect(error.diagnostics.first?.location?.line == 9)
    }
  }

  @Test func everyFaultOfABadModelAtOnce() throws {
    do {
      _ = try LetterModel.load(directory: fixturePath("models/bad"))
      Issue.record("expected an error")
    } catch {
      let found = error.diagnostics.map {
        "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)"
      }
      #expect(found.count == 4, "\(found)")
      #expect(found.contains { $0.hasPrefix("3:15 'jp' is not a language ICU knows") })
      #expect(found.contains { $0.hasPrefix("8:14 order is 'listed', 'locale' or a locale tag") })
      #expect(found.contains { $0.hasPrefix("9:7 unknown group setting 'colour'") })
      #expect(found.contains { $0.hasPrefix("10:16 'unnamed' is a whole number") })
    }
  }
}
