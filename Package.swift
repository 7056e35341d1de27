// swift-tools-version:6.0
import PackageDescription

/// soaplint: a documentation linter for clinical SOAP notes.
///
/// A thin `soaplint` executable over library targets; every C library is wrapped by
/// exactly one Swift target, which turns C values into Swift values and frees C memory.
let package = Package(
    name: "soaplint",
    products: [
        .executable(name: "soaplint", targets: ["soaplint"]),
        .library(
            name: "SOAPLint",
            targets: [
                "SOAPLintCLI", "SOAPLintModel", "SOAPLintYAML", "SOAPLintParsers", "SOAPLintPatterns", "SOAPLintEngine",
                "SOAPLintReporters",
            ]),
    ],
    targets: [
        // C libraries from Debian packages.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CVectorscan", pkgConfig: "libhs", providers: [.apt(["libvectorscan-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .target(name: "CSupport"),

        // The domain model: depends on nothing but Foundation.
        .target(name: "SOAPLintModel"),
        // libyaml, turned into a positioned Swift tree.
        .target(name: "SOAPLintYAML", dependencies: ["CYAML"]),
        // PCRE2 and Vectorscan.
        .target(name: "SOAPLintPatterns", dependencies: ["CPCRE2", "CVectorscan", "CSupport"]),
        // Markdown, plain text and XML notes into `Note` values.
        .target(
            name: "SOAPLintParsers",
            dependencies: ["SOAPLintModel", "SOAPLintYAML", "CCmarkGFM", "CLibXML2", "CSupport"]),
        // Checks notes and produces findings; never imports parsers.
        .target(name: "SOAPLintEngine", dependencies: ["SOAPLintModel", "SOAPLintYAML", "SOAPLintPatterns"]),
        // Turns findings into text and JSON.
        .target(name: "SOAPLintReporters", dependencies: ["SOAPLintModel", "CSupport"]),
        // Wires files, rules, parsers, the engine and reporters together.
        .target(
            name: "SOAPLintCLI",
            dependencies: ["SOAPLintModel", "SOAPLintParsers", "SOAPLintEngine", "SOAPLintReporters", "CSupport"]),
        .executableTarget(name: "soaplint", dependencies: ["SOAPLintCLI"]),

        .testTarget(
            name: "SOAPLintTests",
            dependencies: [
                "SOAPLintModel", "SOAPLintYAML", "SOAPLintParsers", "SOAPLintEngine", "SOAPLintReporters",
                "SOAPLintCLI", "SOAPLintPatterns",
            ],
            exclude: ["Fixtures"]),
    ]
)
