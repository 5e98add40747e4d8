import Foundation
import Testing

@testable import LetterKit

/// check's promise, as a property: for any change to the shipped template, if `check
/// --strict` would pass (no error, no warning, input readable), then rendering every locale
/// in every format succeeds. Changes are drawn at random (seeded, so a failure replays):
/// keys renamed or dropped, values blanked, layout tags renamed or deleted, signatory
/// columns renamed, model lines dropped.
@Suite("check --strict passing means render succeeds")
struct CheckPromiseTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// One way to change a file: replace the `n`th occurrence of `find` with `replace`.
  struct Mutation: CustomStringConvertible {
    var file: String
    var find: String
    var replace: String
    var description: String { "\(file): \(find.debugDescription) → \(replace.debugDescription)" }
  }

  /// Every mutation the generator can pick, read from the shipped files.
  static func candidates(_ files: [String: String]) -> [Mutation] {
    var result: [Mutation] = []
    for (file, text) in files {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if file.hasSuffix(".yaml") {
        for line in lines {
          let trimmed = line.drop { $0 == " " }
          guard let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("#"),
            !trimmed.hasPrefix("-")
          else { continue }
          let key = String(trimmed[..<colon])
          let indent = String(line.prefix(line.count - trimmed.count))
          // Rename the key, drop the line, blank the value.
          result.append(
            Mutation(file: file, find: "\(indent)\(key):", replace: "\(indent)\(key)x:"))
          result.append(Mutation(file: file, find: line + "\n", replace: ""))
          if trimmed[colon...].count > 2 {
            result.append(Mutation(file: file, find: line, replace: "\(indent)\(key): \"\""))
          }
        }
      } else if file.hasSuffix(".mustache") {
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}")
        {
          let tag = String(rest[open.lowerBound..<close.upperBound])
          result.append(Mutation(file: file, find: tag, replace: ""))
          result.append(
            Mutation(
              file: file, find: tag, replace: tag.replacingOccurrences(of: "}}", with: "x}}")))
          rest = rest[close.upperBound...]
        }
        result.append(
          Mutation(file: file, find: "{{/groups}}", replace: "{{#t}}{{nope}}{{/t}}{{/groups}}"))
      } else if file.hasSuffix(".csv"), let header = lines.first {
        for column in header.split(separator: ",") {
          result.append(
            Mutation(
              file: file, find: header,
              replace: header.replacingOccurrences(of: String(column), with: "\(column)x")))
        }
        for line in lines.dropFirst() where !line.isEmpty {
          result.append(Mutation(file: file, find: line + "\n", replace: ""))
          result.append(
            Mutation(
              file: file, find: line, replace: line.replacingOccurrences(of: ",", with: ",,")))
        }
      }
    }
    return result.sorted { $0.description < $1.description }
  }

  @Test func aStrictPassAlwaysRenders() throws {
    let fm = FileManager.default
    let shipped =
      [
        "Templates/icc-japan/letter.yaml", "Templates/icc-japan/signatories.csv",
      ]
      + (try fm.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Locales").path))
      .filter { $0.hasSuffix(".yaml") }.map { "Locales/\($0)" }
      + (try fm.contentsOfDirectory(
        atPath: Self.root.appendingPathComponent("Templates/icc-japan").path))
      .filter { $0.hasSuffix(".mustache") }.map { "Templates/icc-japan/\($0)" }
    var originals: [String: String] = [:]
    for file in shipped {
      originals[file] = try String(
        contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
    }
    let candidates = Self.candidates(originals)
    #expect(candidates.count > 300)
    var rng = SplitMix(state: 20_261_202)
    var passed = 0
    var refused = 0
    for round in 0..<150 {
      let work = fm.temporaryDirectory.appendingPathComponent("letter-promise-\(UUID().uuidString)")
      defer { try? fm.removeItem(at: work) }
      var files = originals
      var applied: [Mutation] = []
      // Round 0 is the shipped letter itself: it must pass.
      for _ in 0..<(round == 0 ? 0 : Int.random(in: 1...3, using: &rng)) {
        let m = candidates[Int.random(in: 0..<candidates.count, using: &rng)]
        guard let text = files[m.file], let range = text.range(of: m.find) else { continue }
        files[m.file] = text.replacingCharacters(in: range, with: m.replace)
        applied.append(m)
      }
      for (file, text) in files {
        let url = work.appendingPathComponent(file)
        try fm.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
      }
      let directory = work.appendingPathComponent("Templates/icc-japan").path
      let catalogs = work.appendingPathComponent("Locales").path
      // check --strict: readable, no error, no warning.
      guard let model = try? LetterModel.load(directory: directory),
        let report = try? Checker(model: model, catalogs: Catalogs(directory: catalogs)).run(),
        report.errors == 0, report.warnings == 0
      else {
        if round == 0 {
          let model = try LetterModel.load(directory: directory)
          let report = try Checker(model: model, catalogs: Catalogs(directory: catalogs)).run()
          Issue.record("the shipped letter does not pass: \(report.text)")
        }
        refused += 1
        continue
      }
      passed += 1
      for format in LayoutSet.formats(in: directory) {
        let renderer = try LetterRenderer(
          model: model, catalogs: Catalogs(directory: catalogs), format: format)
        for locale in model.locales {
          do throws(LetterError) {
            _ = try renderer.render(locale)
          } catch {
            Issue.record(
              "round \(round): check passed, render \(locale.tag) \(format) refused: \(error)\n\(applied)"
            )
          }
        }
      }
    }
    // Both sides of the implication are exercised.
    #expect(passed > 5, "only \(passed) mutated templates passed check")
    #expect(refused > 50, "only \(refused) mutated templates were refused")
  }
}
