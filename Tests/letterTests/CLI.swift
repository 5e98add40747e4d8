import Foundation
import Testing

/// Runs the built `letter` executable end to end.
struct CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
  }

  /// The `letter` executable beside the test bundle (SwiftPM builds it for this target).
  static let executable: URL = {
    let bundle = URL(
      fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0])
    var dir = bundle.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("letter")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return bundle.deletingLastPathComponent().appendingPathComponent("letter")
  }()

  /// The package root (for the shipped Templates/ and Locales/).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func fixture(_ path: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(path)", withExtension: nil)!.path
  }

  /// Runs `letter args…` in `directory` with a fixed, neutral environment.
  static func run(
    _ args: [String], in directory: URL? = nil, stdin: Data? = nil, env: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = args
    process.currentDirectoryURL = directory ?? packageRoot
    var environment = ["PATH": "/usr/bin:/bin", "LANG": "C", "TZ": "America/Los_Angeles"]
    for (k, v) in env { environment[k] = v }
    process.environment = environment
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
  }

  /// A temporary project with a copy of the shipped template and catalogs, to change.
  static func copyOfShippedLetter() throws -> URL {
    let root = try temporaryDirectory()
    let fm = FileManager.default
    try fm.createDirectory(
      at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
    try fm.copyItem(
      at: packageRoot.appendingPathComponent("Templates/icc-japan"),
      to: root.appendingPathComponent("Templates/icc-japan"))
    try fm.copyItem(
      at: packageRoot.appendingPathComponent("Locales"), to: root.appendingPathComponent("Locales"))
    return root
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "letter-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
