import SOAPLintModel
import Testing

@testable import SOAPLintParsers

@Suite("Label lines")
struct LabelScannerTests {
    func label(_ line: String) -> Label? {
        LabelScanner.label(in: line, vocabulary: Fixtures.vocabulary)
    }

    @Test(
        "labels that open sections",
        arguments: [
            ("S: neck pain", SectionKind.subjective, "S", 3),
            ("SUBJECTIVE:", .subjective, "SUBJECTIVE", 11),
            ("Subjective - pain 6/10", .subjective, "Subjective", 13),
            ("Objective – ROM 45°", .objective, "Objective", 12),
            ("**Objective:** ROM", .objective, "Objective", 15),
            ("**Objective**: ROM", .objective, "Objective", 15),
            ("__Assessment:__ better", .assessment, "Assessment", 16),
            ("*Plan:* 2x/wk", .plan, "Plan", 8),
            ("A/P: continue", .assessmentAndPlan, "A/P", 5),
            ("Assessment and Plan", .assessmentAndPlan, "Assessment and Plan", 19),
            ("  Plan of care: 12 visits", .plan, "Plan of care", 16),
            ("Chief complaint: neck", .subjective, "Chief complaint", 17),
        ])
    func sectionLabels(_ line: String, _ kind: SectionKind, _ text: String, _ contentStart: Int) throws {
        let found = try #require(label(line))
        #expect(found.meaning == .section(kind))
        #expect(found.text == text)
        #expect(found.contentStart == contentStart)
    }

    @Test("long lines: a label's content is read whole, deep indentation still finds the label")
    func longLines() throws {
        let prose = String(repeating: "tenderness noted along the upper trapezius ", count: 8)
        let labelled = try #require(label("Objective: " + prose))
        #expect(labelled.meaning == .section(.objective))
        #expect(labelled.contentStart == 11)
        let indented = try #require(label(String(repeating: " ", count: 90) + "Plan: " + prose))
        #expect(indented.meaning == .section(.plan))
        #expect(indented.start == 90)
        #expect(indented.contentStart == 96)
        let bold = try #require(label("**Assessment:**" + String(repeating: " ", count: 70) + "improving"))
        #expect(bold.contentStart == 85)
        #expect(label("Plan" + String(repeating: " ", count: 80) + "x") == nil)
        #expect(label(prose + "Plan: more") == nil)
    }

    @Test(
        "lines that are not labels",
        arguments: [
            "Pain: 6/10 at rest",
            "Pt reports S: pain",
            "**Note** the pain",
            "10:30 arrived late",
            "Plan",  // a heading alone is fine, but see the next test for one letter
            "S",
            "Assessment of gait: antalgic",
            "",
        ])
    func notLabels(_ line: String) {
        if line == "Plan" {
            #expect(label(line)?.meaning == .section(.plan))
        } else {
            #expect(label(line) == nil)
        }
    }

    @Test(
        "field labels",
        arguments: [
            ("Dx: M54.2", VisitField.diagnoses), ("CPT: 97140", .services), ("DOS: 2026-01-02", .date),
            ("Total time: 38 min", .totalMinutes),
        ])
    func fields(_ line: String, _ field: VisitField) throws {
        #expect(try #require(label(line)).meaning == .field(field))
    }

    @Test("a field name alone on a line is not a label")
    func fieldAlone() {
        #expect(label("Payer") == nil)
    }
}
