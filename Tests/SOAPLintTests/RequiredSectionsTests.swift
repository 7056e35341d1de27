import SOAPLintEngine
import SOAPLintModel
import Testing

@Suite("missing-section")
struct RequiredSectionsTests {
    func findings(_ text: String, name: String = "note.md") throws -> [Finding] {
        try Fixtures.findings("missing-section", text, name: name)
    }

    @Test("a complete note has no finding")
    func complete() throws {
        #expect(try findings("S: a\nO: b\nA: c\nP: d\n").isEmpty)
    }

    @Test("a missing Objective is reported where it belongs: at the Assessment heading")
    func missingObjective() throws {
        let found = try findings("# Note\n\n## Subjective\nPain 6/10.\n\n## Assessment\nBetter.\n\n## Plan\n2x/wk.\n")
        #expect(
            found == [
                Finding(
                    rule: "missing-section", level: .error, message: "the note has no Objective section",
                    position: SourcePosition(line: 6, column: 1), section: .objective)
            ])
    }

    @Test("a missing last section is reported on the line after the last section")
    func missingPlan() throws {
        let found = try findings("S: a\nO: b\nA: c\n", name: "n.txt")
        #expect(found.map(\.message) == ["the note has no Plan section"])
        #expect(found.first?.position == SourcePosition(line: 4, column: 1))
    }

    @Test("an empty section is reported at its heading")
    func empty() throws {
        let found = try findings("## Subjective\na\n## Objective\n\n## Assessment\nc\n## Plan\nd\n")
        #expect(found.map(\.message) == ["the Objective section is empty"])
        #expect(found.first?.position == SourcePosition(line: 3, column: 1))
        #expect(found.first?.section == .objective)
    }

    @Test("A/P satisfies both assessment and plan")
    func combined() throws {
        #expect(try findings("S: a\nO: b\nA/P: c\n", name: "n.txt").isEmpty)
        #expect(try findings("S: a\nO: b\nAssessment and Plan\nc\n", name: "n.txt").isEmpty)
    }

    @Test("a section holding only visit fields is empty")
    func onlyFields() throws {
        let found = try findings("S: a\nO: b\nA: c\nP:\nDx: M54.2\nCPT: 97140 x2\n", name: "n.txt")
        #expect(found.map(\.message) == ["the Plan section is empty"])
    }

    @Test("a note with no sections gets four findings at its start")
    func none() throws {
        let found = try findings("Client felt relaxed.\n")
        #expect(found.count == 4)
        #expect(Set(found.map(\.position)) == [SourcePosition(line: 1, column: 1)])
        #expect(Set(found.compactMap(\.section)) == Set(SectionKind.soap))
    }
}
