import SOAPLintEngine
import SOAPLintParsers

// One entry point per parser; each takes one fuzzer input and must never crash or hang.

/// Markdown notes with front matter: parsed and linted.
@_cdecl("soaplint_fuzz_markdown")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSupport.lint(data, size, format: .markdown)
    return 0
}

/// Plain-text notes: parsed and linted.
@_cdecl("soaplint_fuzz_text")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSupport.lint(data, size, format: .text)
    return 0
}

/// SOAP XML exports: parsed and linted.
@_cdecl("soaplint_fuzz_xml")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSupport.lint(data, size, format: .xml)
    return 0
}

/// HL7 C-CDA documents and fragments. The XML reader picks the parser by root element, so this
/// is the XML entry point with a corpus of C-CDA files, kept apart so each corpus grows on its own.
@_cdecl("soaplint_fuzz_ccda")
public func fuzzCCDA(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzXML(data, size)
}

/// Rule files.
@_cdecl("soaplint_fuzz_rule")
public func fuzzRule(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let text = FuzzSupport.text(data, size) { _ = RuleSet.parseRule(yaml: text, file: "fuzz-rule.yml") }
    return 0
}

/// `.soaplint.yml` configuration files.
@_cdecl("soaplint_fuzz_config")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let text = FuzzSupport.text(data, size) { _ = try? Configuration.load(yaml: text, file: "/fuzz/.soaplint.yml") }
    return 0
}
