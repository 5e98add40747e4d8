import Foundation
import Testing

@Suite("letter --version")
struct VersionCommandTests {
  @Test func namesTheVersionAndTheICUAndCLDRItRunsOn() throws {
    let r = try CLI.run(["--version"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.first?.wholeMatch(of: /letter \d+\.\d+\.\d+/) != nil)
    // "ICU 72.1, CLDR 42.0": since ICU 67 each ICU release carries the CLDR release
    // numbered 30 below it (ICU's release notes).
    let match = try #require(
      lines.last?.wholeMatch(of: /ICU (\d+)\.\d+(\.\d+)*, CLDR (\d+)(\.\d+)*/))
    let icu = try #require(Int(match.1))
    let cldr = try #require(Int(match.3))
    #expect(icu >= 67)
    #expect(cldr == icu - 30)
  }

  @Test func withoutASubcommandShowsHelp() throws {
    let r = try CLI.run([])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("SUBCOMMANDS:"))
    #expect(r.stdout.contains("--version"))
  }
}
