import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import Testing

/// Every example in every shipped rule file, through the real pipeline: parsed as Markdown,
/// linted with that rule alone.
@Suite("Shipped rule examples")
struct RuleExampleTests {
    static let ids = Fixtures.ruleSet.rules.map(\.id)

    @Test("the 20 built-in rules of PRODUCT.md are shipped with their levels")
    func builtIns() {
        let expected: [String: Level] = [
            "missing-section": .error, "objective-findings": .error, "functional-outcome": .error,
            "therapeutic-intent": .warning, "relaxation-only": .error, "vague-assessment": .warning,
            "maintenance-language": .warning, "missing-diagnosis": .error, "invalid-diagnosis": .error,
            "diagnosis-pairing": .warning, "modifier-59": .error, "timed-units": .error, "timed-minutes": .error,
            "referral": .error, "plan-of-care": .warning, "technique-and-area": .warning,
            "active-participation": .warning, "scope-of-practice": .warning, "gp-modifier": .error,
            "signature-and-date": .error,
        ]
        let shipped = Dictionary(uniqueKeysWithValues: Fixtures.ruleSet.rules.map { ($0.id, $0.level) })
        #expect(shipped == expected)
    }

    @Test("each rule has at least 3 triggering and 3 passing examples that behave", arguments: ids)
    func examples(_ id: String) throws {
        let rule = try #require(Fixtures.ruleSet.rules.first { $0.id == id })
        #expect(rule.triggers.count >= 3)
        #expect(rule.passes.count >= 3)
        for (index, text) in rule.triggers.enumerated() {
            let findings = try Fixtures.findings(id, text, name: "trigger-\(index + 1).md")
            #expect(!findings.isEmpty, "trigger \(index + 1) of \(id) did not fire:\n\(text)")
            #expect(findings.allSatisfy { $0.rule == id && $0.level == rule.level })
        }
        for (index, text) in rule.passes.enumerated() {
            let findings = try Fixtures.findings(id, text, name: "pass-\(index + 1).md")
            #expect(findings.isEmpty, "pass \(index + 1) of \(id) fired: \(findings.map(\.message))\n\(text)")
        }
    }
}

@Suite("The 8-minute rule")
struct EightMinuteRuleTests {
    @Test(
        "CMS worked examples under the total-time method",
        arguments: [
            ([33, 7], [2, 1]),  // 97110 33 min + 97140 7 min
            ([7, 5], [1, 0]),  // one unit, to the longer service
            ([24, 23], [2, 1]),  // 97112 24 min + 97110 23 min
            ([38], [3]),
            ([7], [0]),
            ([8], [1]),
            ([22], [1]),
            ([23], [2]),
            ([52], [3]),
            ([53], [4]),
        ])
    func totalTime(_ minutes: [Int], _ units: [Int]) {
        #expect(EightMinuteRule.totalTimeUnits(minutes: minutes) == units)
    }

    @Test("38 minutes in all never earn more than 3 units, however they are split")
    func totalCap() {
        for first in 0...38 {
            #expect(EightMinuteRule.totalTimeUnits(minutes: [first, 38 - first]).reduce(0, +) == 3)
        }
    }

    @Test("per-code method counts each code on its own minutes")
    func perCode() {
        #expect(EightMinuteRule.perCodeUnits(minutes: [7, 5]) == [0, 0])
        #expect(EightMinuteRule.perCodeUnits(minutes: [33, 7]) == [2, 0])
    }

    @Test("the rule reports the billed and expected units, and the configured method wins")
    func rule() throws {
        let note =
            "---\nservices:\n  - code: \"97110\"\n    minutes: 7\n    units: 1\n  - code: \"97140\"\n    minutes: 5\n    units: 0\n---\nS: x\n"
        #expect(try Fixtures.findings("timed-units", note).isEmpty)
        var perCode = Configuration()
        perCode.unitMethod = .perCode
        let findings = try Fixtures.findings("timed-units", note, configuration: perCode)
        #expect(
            findings.map(\.message) == [
                "97110 is billed as 1 unit, but 7 min (12 timed min in all) supports 0 units under the per-code method"
            ])
        #expect(findings.first?.position == SourcePosition(line: 3, column: 5))
    }
}
