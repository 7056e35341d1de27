import SOAPLintModel
import Testing

@testable import SOAPLintParsers

@Suite("Billing notation")
struct BillingNotationTests {
    let regions = Fixtures.vocabulary.regions

    func services(_ text: String) -> [Service] {
        BillingNotation.services(in: text, origin: SourcePosition(line: 1, column: 1), regions: regions)
    }

    @Test("code, joined modifiers, units, minutes and region")
    func fullLine() throws {
        let service = try #require(services("97140-59-GP x 2 units (30 min) cervical").first)
        #expect(
            service
                == Service(
                    code: "97140", minutes: 30, units: 2, modifiers: ["59", "GP"], region: "cervical",
                    position: SourcePosition(line: 1, column: 1)))
    }

    @Test(
        "written forms of units and minutes",
        arguments: [
            ("97110 x2 (15 min)", 2, 15),
            ("97110 x 1 unit, 12 minutes", 1, 12),
            ("97110 2u 25min", 2, 25),
            ("97110: units: 3, minutes: 40", 3, 40),
            ("97110 × 2 (24 mins)", 2, 24),
            ("97110 - 1 unit - 8'", 1, 8),
        ])
    func unitsAndMinutes(_ text: String, _ units: Int, _ minutes: Int) throws {
        let service = try #require(services(text).first)
        #expect(service.units == units)
        #expect(service.minutes == minutes)
    }

    @Test("modifiers in parentheses or after 'modifiers'")
    func modifierForms() throws {
        #expect(try #require(services("97124 (GP, 59) 1 unit").first).modifiers == ["GP", "59"])
        #expect(try #require(services("97140 modifiers: XS, GP x1").first).modifiers == ["XS", "GP"])
        #expect(try #require(services("97140 (30 min)").first).modifiers == [])
    }

    @Test("several services on one line, each at its own column")
    func severalServices() {
        let found = services("97140-59 x2 (30 min), 97124 x1 (15 min); G0283 x1")
        #expect(found.map(\.code) == ["97140", "97124", "G0283"])
        #expect(found.map { $0.position?.column } == [1, 23, 42])
        #expect(found[1].units == 1)
        #expect(found[1].minutes == 15)
    }

    @Test("dates and years are not procedure codes")
    func notCodes() {
        #expect(services("2026-03-14 12345678 9714").isEmpty)
    }

    @Test("diagnosis codes: one per item, upper-cased, with columns in characters")
    func diagnoses() {
        let found = BillingNotation.diagnoses(
            in: "cervicalgía M54.2; m62.830 spasm, S13.4XXA T12 fracture", origin: SourcePosition(line: 3, column: 5))
        #expect(found.map(\.code) == ["M54.2", "M62.830", "S13.4XXA"])
        #expect(found.map { $0.position?.column } == [17, 24, 39])
    }

    @Test(
        "ICD-10-CM shapes",
        arguments: [
            ("M54.2", true), ("M6283", true), ("S13.4XXA", true), ("L4-L5", false), ("M5", false), ("Neck", false),
            ("M54.", false),
        ])
    func diagnosisShape(_ word: String, _ valid: Bool) {
        #expect(BillingNotation.isDiagnosisCode(word) == valid)
    }
}
