import SOAPLintModel
import Testing

@testable import SOAPLintParsers

@Suite("Section vocabulary file")
struct SectionVocabularyTests {
    func load(_ text: String) throws(VocabularyError) -> SectionVocabulary {
        try SectionVocabulary.load(yaml: text, path: "sections.yml")
    }

    @Test("the shipped file loads and knows the usual names")
    func shipped() {
        let vocabulary = Fixtures.vocabulary
        #expect(vocabulary.meaning(of: "  SUBJECTIVE :") == .section(.subjective))
        #expect(vocabulary.meaning(of: "a/p") == .section(.assessmentAndPlan))
        #expect(vocabulary.meaning(of: "Billing") == .billing)
        #expect(vocabulary.meaning(of: "dx") == .field(.diagnoses))
        #expect(vocabulary.payer(named: "Workers' Comp") == "workers-comp")
        #expect(vocabulary.payer(named: "Blue Cross") == "blue-cross")
    }

    @Test("a clinic's own name is recognised with no rebuild")
    func custom() throws {
        let vocabulary = try load("sections:\n  objective: [Befund]\n")
        #expect(vocabulary.meaning(of: "befund") == .section(.objective))
        let note = try NoteReader(vocabulary: vocabulary).notes(
            in: Array("Befund: ROM 45°\n".utf8), file: "n.txt", format: .text)
        #expect(note.first?.sections.first?.kind == .objective)
    }

    @Test(
        "errors name the line, the column and the valid choices",
        arguments: [
            (
                "sections:\n  objectiv: [O]\n", 2, 3,
                "unknown section kind 'objectiv'; expected one of 'subjective', 'objective', 'assessment', 'plan', 'assessment-plan'"
            ),
            (
                "section: {}\n", 1, 1,
                "unknown key 'section'; expected one of 'sections', 'billing', 'fields', 'regions', 'payers'"
            ),
            ("sections:\n  plan: Plan\n", 2, 9, "expected a list of names, found text"),
            (
                "sections:\n  plan: [P]\n  objective: [p]\n", 3, 15,
                "'p' is already listed at line 2; a name may be used once"
            ),
            (
                "fields:\n  dates: [DOS]\n", 2, 3,
                "unknown visit field 'dates'; expected one of 'date', 'patient', 'provider', 'payer', 'referral', 'diagnoses', 'services', 'total-minutes', 'signature'"
            ),
            ("sections: [\n", 2, 1, "did not find expected node content (while parsing a flow node at line 2)"),
        ])
    func errors(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: VocabularyError(file: "sections.yml", line: line, column: column, message: message)) {
            try load(text)
        }
    }
}
