// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for soaplint's parsers, built and run with `make fuzz` (see README.md here).
///
/// The entry points are C functions in one dynamic library, built with the fuzzer and address
/// sanitizers; `make fuzz` links a small C driver per target against it with clang's
/// `-fsanitize=fuzzer`, which brings libFuzzer's own `main`.
let package = Package(
    name: "SOAPLintFuzz",
    products: [.library(name: "FuzzTargets", type: .dynamic, targets: ["FuzzTargets"])],
    dependencies: [.package(name: "soaplint", path: "..")],
    targets: [
        .target(name: "FuzzTargets", dependencies: [.product(name: "SOAPLint", package: "soaplint")])
    ]
)
