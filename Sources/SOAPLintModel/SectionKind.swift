/// What part of a SOAP note a section is.
///
/// A combined "A/P" or "Assessment and Plan" section is `assessmentAndPlan`, which
/// covers both `assessment` and `plan` (see `covers(_:)`).
public enum SectionKind: String, CaseIterable, Hashable, Sendable, Codable {
    case subjective
    case objective
    case assessment
    case plan
    case assessmentAndPlan = "assessment-plan"
    case other

    /// The four parts every note must have, in the order notes write them.
    public static let soap: [SectionKind] = [.subjective, .objective, .assessment, .plan]

    /// Whether a section of this kind counts as a section of `kind`.
    ///
    /// `assessmentAndPlan` covers `assessment` and `plan`; every kind covers itself.
    public func covers(_ kind: SectionKind) -> Bool {
        if self == kind { return true }
        return self == .assessmentAndPlan && (kind == .assessment || kind == .plan)
    }

    /// The name a person reads in messages, such as "Objective" or "Assessment/Plan".
    public var displayName: String {
        switch self {
        case .subjective: "Subjective"
        case .objective: "Objective"
        case .assessment: "Assessment"
        case .plan: "Plan"
        case .assessmentAndPlan: "Assessment/Plan"
        case .other: "Other"
        }
    }
}
