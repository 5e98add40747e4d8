import Foundation
import Testing

@testable import LetterKit

@Suite("check's findings: ids, README table, SARIF and GitHub output")
struct CheckReportFormatTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The README's table of ids is Finding.ID: every id, its default severity and doc
  /// line, in order.
  @Test func theReadmeTableListsEveryID() throws {
    let readme = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(
      readme.components(separatedBy: "## `letter check`").dropFirst().first)
    let rows = section.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
    let table = rows.map { row in
      row.dropFirst(2).dropLast(2).components(separatedBy: " | ")
    }
    let expected = Finding.ID.allCases.map {
      ["`\($0.rawValue)`", $0.defaultSeverity.rawValue, $0.doc]
    }
    #expect(table == expected)
    #expect(Set(Finding.ID.allCases.map(\.rawValue)).count == Finding.ID.allCases.count)
  }

  static let report = CheckReport(
    findings: [
      Diagnostic(
        .pluralCategory, "'n' lacks few",
        at: SourceLocation(file: "Locales/ru.yaml", line: 5, column: 13),
        locale: "ru", key: "f.count"),
      Diagnostic(
        .pluralCategory, "many: 1000000",
        at: SourceLocation(file: "Locales/fr.yaml", line: 3, column: 1),
        locale: "fr", key: "f.count", severity: .note),
      Diagnostic(
        .noCatalog, "no catalog, 100%: a,b\nline", at: SourceLocation(file: "My Locales"),
        locale: "sv",
        key: nil),
      Diagnostic(
        .modelValue, "no value", at: SourceLocation(file: "/abs/letter.yaml"), locale: "en",
        key: "k"),
    ], statistics: [])

  /// Every property SARIF 2.1.0 requires (sarifLog: version, runs; run: tool; tool:
  /// driver; toolComponent: name; reportingDescriptor: id; result: message; message:
  /// text; multiformatMessageString: text), the enums and minimums it sets (level,
  /// startLine ≥ 1, startColumn ≥ 1, ruleIndex ≥ 0), and the links between them.
  @Test func sarifHasEveryRequiredProperty() throws {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(Self.report.sarif.utf8)) as? [String: Any])
    #expect(json["version"] as? String == "2.1.0")
    #expect((json["$schema"] as? String)?.hasPrefix("https://") == true)
    let runs = try #require(json["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = runs[0]
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "letter check")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == Finding.ID.allCases.map(\.rawValue))
    for rule in rules {
      #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      #expect(["none", "note", "warning", "error"].contains(level ?? ""))
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == Self.report.findings.count)
    for (result, finding) in zip(results, Self.report.findings) {
      let text = (result["message"] as? [String: Any])?["text"] as? String
      #expect(text?.hasSuffix(finding.message) == true)
      #expect(result["level"] as? String == finding.severity.rawValue)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(index >= 0 && rules[index]["id"] as? String == finding.id)
      #expect(result["ruleId"] as? String == finding.id)
      let locations = try #require(result["locations"] as? [[String: Any]])
      let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
      let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
      #expect(URL(string: uri) != nil)
      #expect(!uri.contains(" "))
      if let line = finding.location?.line {
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == line && line >= 1)
        #expect(region["startColumn"] as? Int == finding.location?.column)
      } else {
        #expect(physical["region"] == nil)
      }
    }
    #expect(
      results.compactMap {
        (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
          "artifactLocation"] as? [String: Any]
      }.map { $0["uri"] as? String } == [
        "file:///abs/letter.yaml", "Locales/fr.yaml", "Locales/ru.yaml", "My%20Locales",
      ])
  }

  /// In file order; `%`, CR and LF escaped in the message (and `:` `,` in properties).
  @Test func githubAnnotationsEscapeWhatTheyMust() {
    #expect(
      Self.report.githubAnnotations.split(separator: "\n").map(String.init) == [
        "::error file=/abs/letter.yaml,title=[model-value] k::no value",
        "::notice file=Locales/fr.yaml,line=3,col=1,title=[plural-category] f.count::many: 1000000",
        "::error file=Locales/ru.yaml,line=5,col=13,title=[plural-category] f.count::'n' lacks few",
        "::error file=My Locales,title=[no-catalog]::no catalog, 100%25: a,b%0Aline",
      ])
  }
}
