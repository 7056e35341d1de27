import SOAPLintModel
import Synchronization

/// The `icd10-validity` kind: every documented diagnosis must be a well-formed, billable code
/// on the official ICD-10-CM list in `codes-file` (relative to the rule file).
///
/// `{code}` is the code as written and `{reason}` says what is wrong: malformed, a header with
/// more specific codes (M54.5 → M54.50, M54.51, M54.59), or not on the list.
///
///     diagnoses: [M54.5]    →  finding: a header, not billable
///     diagnoses: [M54.50]   →  none
public struct DiagnosisValidity: RuleKind {
    public static let name = "icd10-validity"
    public static let keys = ["codes-file"]

    /// The billable codes.
    public var codes: BillableCodeList

    /// Lists already read, by path: several rule files may share one.
    private static let cache = Mutex<[String: BillableCodeList]>([:])

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        let name = try fields.requiredString("codes-file")
        let path = name.hasPrefix("/") ? name : environment.directory + "/" + name
        if let cached = Self.cache.withLock({ $0[path] }) {
            codes = cached
            return
        }
        do {
            codes = try BillableCodeList(contentsOf: path)
        } catch {
            if error.line == nil {
                throw fields.error(fields.value("codes-file")!, "cannot read the code list '\(name)'")
            }
            throw error
        }
        let loaded = codes
        Self.cache.withLock { $0[path] = loaded }
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        note.visit.diagnoses.compactMap { diagnosis in
            let reason: String
            switch codes.status(of: diagnosis.code) {
            case .billable: return nil
            case .malformed: reason = "is not a well-formed ICD-10-CM code"
            case .header(let below):
                reason =
                    "is a header, not a billable code; use a more specific code such as \(below.joined(separator: ", "))"
            case .unknown: reason = "is not on the ICD-10-CM list of billable codes"
            }
            return rule.finding(
                ["code": diagnosis.code, "reason": reason], at: diagnosis.position ?? note.start, section: nil,
                note: note)
        }
    }

}
