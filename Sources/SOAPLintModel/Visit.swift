/// The billing facts of one visit: when, who, who pays, why (diagnoses) and what was billed.
///
/// Every field is optional or may be empty: a rule that needs a missing field does not fire.
public struct Visit: Hashable, Sendable {
    /// The date of service as written (`2026-03-14`, `03/14/2026`).
    public var dateOfService: String?
    /// The patient identifier.
    public var patient: String?
    /// The treating provider and credential (`Jane Doe, LMT`).
    public var provider: Provider?
    /// The payer, lower-cased (`commercial`, `workers-comp`, `auto`, `medicare`, ...).
    public var payer: String?
    /// The referral or prescription as written (`Dr. A. Smith, MD (2026-03-01)`).
    public var referral: String?
    /// ICD-10-CM diagnoses in the order documented; the first is primary.
    public var diagnoses: [Diagnosis]
    /// CPT service lines.
    public var services: [Service]
    /// Total treatment minutes, when documented.
    public var totalMinutes: Int?
    /// The signature line as written (`Jane Doe, LMT`).
    public var signature: String?

    /// Creates a visit; every field defaults to "not documented".
    public init(
        dateOfService: String? = nil, patient: String? = nil, provider: Provider? = nil, payer: String? = nil,
        referral: String? = nil, diagnoses: [Diagnosis] = [], services: [Service] = [], totalMinutes: Int? = nil,
        signature: String? = nil
    ) {
        self.dateOfService = dateOfService
        self.patient = patient
        self.provider = provider
        self.payer = payer
        self.referral = referral
        self.diagnoses = diagnoses
        self.services = services
        self.totalMinutes = totalMinutes
        self.signature = signature
    }

    /// The primary diagnosis: the first one documented.
    public var primaryDiagnosis: Diagnosis? { diagnoses.first }
}

/// A treating provider: a name and, after the comma, the credential that decides the licence.
public struct Provider: Hashable, Sendable {
    /// The provider's name (`Jane Doe`).
    public var name: String
    /// The credential (`LMT`, `PT`, `DC`), nil when none was written.
    public var credential: String?

    /// Creates a provider.
    public init(name: String, credential: String?) {
        self.name = name
        self.credential = credential
    }

    /// Splits `Jane Doe, LMT` at the last comma into a name and a credential.
    public init(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if let comma = trimmed.lastIndex(of: ",") {
            let credential = trimmed[trimmed.index(after: comma)...].trimmingWhitespace()
            name = trimmed[..<comma].trimmingWhitespace()
            self.credential = credential.isEmpty ? nil : credential
        } else {
            name = trimmed
            credential = nil
        }
    }

    /// `Name, CREDENTIAL`, or the name alone.
    public var displayText: String { credential.map { "\(name), \($0)" } ?? name }
}

/// An ICD-10-CM diagnosis as documented.
public struct Diagnosis: Hashable, Sendable {
    /// The code as written, upper-cased (`M54.2`).
    public var code: String
    /// Where the code was written; nil when it came from data without positions.
    public var position: SourcePosition?

    /// Creates a diagnosis.
    public init(code: String, position: SourcePosition? = nil) {
        self.code = code
        self.position = position
    }
}

/// One billed CPT service line.
public struct Service: Hashable, Sendable {
    /// The CPT or HCPCS code (`97140`).
    public var code: String
    /// Documented minutes for this line, when written.
    public var minutes: Int?
    /// Billed units, when written.
    public var units: Int?
    /// Modifiers in the order written, upper-cased (`59`, `GP`).
    public var modifiers: [String]
    /// The body region treated (`cervical`), when written.
    public var region: String?
    /// Where the line was written; nil when it came from data without positions.
    public var position: SourcePosition?

    /// Creates a service line.
    public init(
        code: String, minutes: Int? = nil, units: Int? = nil, modifiers: [String] = [], region: String? = nil,
        position: SourcePosition? = nil
    ) {
        self.code = code
        self.minutes = minutes
        self.units = units
        self.modifiers = modifiers
        self.region = region
        self.position = position
    }
}
