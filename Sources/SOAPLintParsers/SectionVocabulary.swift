import SOAPLintModel
import SOAPLintYAML

/// The headings and labels that open sections, and the labels of visit fields.
///
/// Loaded from `Rules/sections.yml` at run time, so a clinic can teach soaplint the names it
/// writes without a rebuild. Names are compared after `normalize(_:)`.
public struct SectionVocabulary: Sendable {
    /// What a recognised name stands for.
    public enum Meaning: Hashable, Sendable {
        /// A heading or label that opens a section of this kind.
        case section(SectionKind)
        /// A heading that opens a billing section.
        case billing
        /// The label of a visit field.
        case field(VisitField)
    }

    /// Recognised names, normalized, and what each stands for.
    public private(set) var meanings: [String: Meaning]
    /// Body region names, normalized, read from service lines.
    public private(set) var regions: [String]
    /// Payer names as written, normalized, and the payer each stands for.
    public private(set) var payers: [String: String]

    /// Creates a vocabulary from already-normalized names.
    public init(meanings: [String: Meaning], regions: [String], payers: [String: String] = [:]) {
        self.meanings = meanings
        self.regions = regions
        self.payers = payers
    }

    /// The payer `text` stands for: a listed payer or synonym written alone or as whole words
    /// within it (`Auto insurance (PIP)` → `auto`, `Workers' Comp` → `workers-comp`), else the
    /// text lower-cased with spaces as hyphens (`Blue Cross` → `blue-cross`).
    public func payer(named text: some StringProtocol) -> String {
        let name = Self.normalize(text)
        if let payer = payers[name] { return payer }
        let padded = " " + name.map { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" ? $0 : " " } + " "
        let longestFirst = payers.keys.sorted { ($0.count, $0) > ($1.count, $1) }
        if let listed = longestFirst.first(where: { padded.contains(" \($0) ") }) { return payers[listed]! }
        return String(name.map { $0 == " " ? "-" : $0 })
    }

    /// What `name` stands for, after normalizing it; nil when the name is not known.
    public func meaning(of name: some StringProtocol) -> Meaning? {
        meanings[Self.normalize(name)]
    }

    /// Lower-cases, folds runs of white space into one space, and drops surrounding spaces and
    /// a trailing colon, so `"  SUBJECTIVE :"` and `"Subjective"` compare equal.
    public static func normalize(_ name: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        var isASCII = true
        for byte in name.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            if byte >= 0x80 { isASCII = false }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        while let last = bytes.last, last == 0x3A || last == 0x20 { bytes.removeLast() }
        let result = String(decoding: bytes, as: UTF8.self)
        return isASCII ? result : result.lowercased()
    }
}

/// A visit field a labelled line can fill.
public enum VisitField: String, CaseIterable, Hashable, Sendable {
    case date
    case patient
    case provider
    case payer
    case referral
    case diagnoses
    case services
    case totalMinutes = "total-minutes"
    case signature
}
