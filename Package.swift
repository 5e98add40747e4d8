// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "letter",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "letter", targets: ["letter"]),
    .library(name: "LetterKit", targets: ["LetterKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // C shim over the system ICU (Debian: libicu-dev). Its public header uses plain C
    // types and opaque handles only; ICU's own headers are included in the .c files.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
    ),
    // MeCab (Debian: libmecab2 and a dictionary) for `letter readings`, opened with
    // dlopen at run time: nothing here links it, so letter builds and runs without it.
    .target(name: "CMeCab"),
    .target(
      name: "LetterKit",
      dependencies: [
        "CICU",
        "CMeCab",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .executableTarget(
      name: "letter",
      dependencies: [
        "LetterKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks against the C floors in scripts/bench (not part of the product).
    .executableTarget(name: "letter-bench", dependencies: ["LetterKit"]),
    .testTarget(
      name: "LetterKitTests",
      dependencies: ["LetterKit", "CICU"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "letterTests",
      dependencies: ["letter"],
      resources: [.copy("Fixtures")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
