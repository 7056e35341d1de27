import SOAPLintEngine
import SOAPLintModel
import Testing

/// Negation, pseudo-negation, hypothetical context and exemptions, through real rules.
@Suite("Context of matches")
struct ContextTests {
    func objectiveFindings(_ objective: String) throws -> [Finding] {
        try Fixtures.findings("objective-findings", "## Objective\n\(objective)\n")
    }

    @Test(
        "negated or deferred measures are not objective findings",
        arguments: [
            "ROM not assessed today.",
            "No TTP upper trapezius.",
            "Pt denies pain 6/10 at rest.",
            "Cervical ROM 45° deferred.",
            "Unable to assess ROM 45° due to guarding.",
        ])
    func negated(_ text: String) throws {
        #expect(try objectiveFindings(text).count == 1)
    }

    @Test(
        "affirmed measures count, including negative test results and text past a terminator",
        arguments: [
            "Spurling negative bilat.",
            "Spurling's test negative R.",
            "No numbness, but TTP R upper trapezius.",
            "No change in ROM: rotation 45°.",
            "Cervical rotation R 45°.\nROM not assessed L.",
            "Flexion limited,\nnow 40°.",
        ])
    func affirmed(_ text: String) throws {
        #expect(try objectiveFindings(text).isEmpty)
    }

    @Test("hypothetical language does not count")
    func hypothetical() throws {
        #expect(try Fixtures.findings("plan-of-care", "## Plan\nIf pain returns, 2x/week for 4 weeks.\n").count == 1)
        #expect(try Fixtures.findings("plan-of-care", "## Plan\n2x/week for 4 weeks.\n").isEmpty)
    }

    @Test("relaxation language in preparation for an active intervention is exempt")
    func exemption() throws {
        #expect(
            try Fixtures.findings(
                "relaxation-only", "## Plan\nRelaxing strokes in preparation for joint mobilization.\n"
            ).isEmpty)
        #expect(
            try Fixtures.findings("relaxation-only", "## Plan\nRelaxing strokes. Then joint mobilization.\n").count == 1
        )
    }

    @Test("a phrase wrapped across two lines still matches, and keeps its position")
    func wrapped() throws {
        let findings = try Fixtures.findings(
            "relaxation-only", "## Assessment\nClient said she felt\nrelaxed and enjoyed the\nsession.\n")
        #expect(findings.map(\.position) == [SourcePosition(line: 2, column: 17)])
        #expect(findings.first?.message.hasPrefix("'felt relaxed' reads like a spa visit") == true)
    }
}

@Suite("Inline suppressions")
struct SuppressionTests {
    let note = """
        ## Subjective
        Cupping to neck.
        <!-- soaplint-disable-next-line no-cupping-claims -->
        Cupping to upper back.
        Cupping to shoulders.
        <!-- soaplint-disable no-cupping-claims missing-section -->
        Cupping to hips.
        <!-- soaplint-enable no-cupping-claims -->
        Cupping to calves.
        """

    @Test("disable-next-line, disable and enable, by rule id")
    func lines() throws {
        let findings = try ClinicRules.findings("no-cupping-claims", note)
        #expect(findings.map(\.position.line) == [2, 5, 9])
    }

    @Test("a comment with no rule ids covers every rule; the comment line is not section text")
    func allRules() throws {
        #expect(try ClinicRules.findings("no-cupping-claims", "<!-- soaplint-disable -->\n## Plan\nCupping.\n").isEmpty)
        let parsed = try Fixtures.note("## Plan\n<!-- soaplint-disable plan-of-care -->\n")
        #expect(parsed.sections.first?.isEmpty == true)
    }

    @Test("plain-text notes take the same comments")
    func plainText() throws {
        let text =
            "S: neck pain\n<!-- soaplint-disable-next-line no-cupping-claims -->\nA: cupping applied\nP: cups applied\n"
        #expect(try ClinicRules.findings("no-cupping-claims", text, name: "n.txt").map(\.position.line) == [4])
    }

    @Test("the suppression arithmetic")
    func arithmetic() {
        let list = [
            Suppression(action: .disable, rules: [], line: 3), Suppression(action: .enable, rules: ["a"], line: 6),
            Suppression(action: .disableNextLine, rules: ["b"], line: 8),
        ]
        #expect(!Suppression.isSuppressed("a", at: 2, by: list))
        #expect(Suppression.isSuppressed("a", at: 3, by: list))
        #expect(!Suppression.isSuppressed("a", at: 7, by: list))
        #expect(Suppression.isSuppressed("b", at: 7, by: list))
        #expect(Suppression.isSuppressed("b", at: 9, by: list))
    }
}
