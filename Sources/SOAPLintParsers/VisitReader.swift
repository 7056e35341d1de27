import SOAPLintModel

/// Turns labelled lines (`Dx:`, `CPT:`, `Payer:`, ...) and billing lines into a `Visit`,
/// filling only the fields the front matter left empty.
enum VisitReader {
    /// Values that mean "none documented" when written after a label (`Referral: none`).
    static let noneValues: Set<String> = ["none", "n/a", "na", "no", "-", "--", "not applicable", "pending", "tbd"]

    /// Fills the empty fields of `visit` from the assembler's labelled and billing lines.
    static func fill(_ visit: inout Visit, from assembler: NoteAssembler, vocabulary: SectionVocabulary) {
        var diagnoses: [Diagnosis] = []
        var services: [Service] = []
        for line in assembler.fieldLines {
            let value = line.value.trimmingWhitespace()
            let isNone = value.isEmpty || noneValues.contains(value.lowercased())
            switch line.field {
            case .date:
                if visit.dateOfService == nil, !isNone { visit.dateOfService = value }
            case .patient:
                if visit.patient == nil, !isNone { visit.patient = value }
            case .provider:
                if visit.provider == nil, !isNone { visit.provider = Provider(parsing: value) }
            case .payer:
                if visit.payer == nil, !isNone { visit.payer = vocabulary.payer(named: value) }
            case .referral:
                if visit.referral == nil, !isNone { visit.referral = value }
            case .diagnoses:
                diagnoses += BillingNotation.diagnoses(in: line.value, origin: line.origin)
            case .services:
                services += BillingNotation.services(in: line.value, origin: line.origin, regions: vocabulary.regions)
            case .totalMinutes:
                if visit.totalMinutes == nil { visit.totalMinutes = firstInteger(in: value) }
            case .signature:
                if visit.signature == nil, !isNone { visit.signature = value }
            }
        }
        for line in assembler.billingLines where !isLabelled(line.text, vocabulary: vocabulary) {
            services += BillingNotation.services(in: line.text, origin: line.origin, regions: vocabulary.regions)
        }
        if visit.diagnoses.isEmpty { visit.diagnoses = diagnoses }
        if visit.services.isEmpty { visit.services = services }
    }

    private static func isLabelled(_ text: String, vocabulary: SectionVocabulary) -> Bool {
        LabelScanner.label(in: text, vocabulary: vocabulary) != nil
    }

    private static func firstInteger(in text: String) -> Int? {
        let digits = text.drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }
}
