import Foundation
import SOAPLintModel
import Testing

@testable import SOAPLintEngine

/// A clinic's own rule folder, written to a temporary folder, loaded beside the shipped rules.
enum ClinicRules {
    static let cupping = """
        id: no-cupping-claims          # must equal the file name (no-cupping-claims.yml)
        kind: existence                # flag each match
        level: warning
        message: "cupping is not billable as 97140"
        patterns: ["cupping", "\\\\bcups? applied\\\\b"]
        examples:
          triggers: ["## Assessment\\nCupping to upper trapezius."]
          passes: ["## Assessment\\nMyofascial release to upper trapezius."]

        """

    /// A folder holding `files` (name → text), removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let ruleSet: RuleSet = {
        let folder = try! ClinicRules.folder(["no-cupping-claims.yml": cupping])
        defer { try? FileManager.default.removeItem(at: folder) }
        switch RuleSet.load(
            directories: [Fixtures.rulesDirectory.path, folder.path], cacheDirectory: Fixtures.cacheDirectory)
        {
        case .success(let ruleSet): return ruleSet
        case .failure(let errors): fatalError("\(errors.errors)")
        }
    }()

    static func findings(_ id: String, _ text: String, name: String = "note.md") throws -> [Finding] {
        Linter(ruleSet: ruleSet).makeSession().lint(try Fixtures.note(text, name: name), only: [id]).findings
    }

    /// The errors of loading the shipped rules plus `files`.
    static func errors(_ files: [String: String]) throws -> [String] {
        let folder = try folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        switch RuleSet.load(directories: [Fixtures.rulesDirectory.path, folder.path], cacheDirectory: nil) {
        case .success: return []
        case .failure(let errors):
            return errors.errors.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }
}

@Suite("Loading rule files")
struct RuleLoadingTests {
    @Test("a clinic's own existence rule fires on each match, not when negated")
    func clinicRule() throws {
        let findings = try ClinicRules.findings(
            "no-cupping-claims", "## Plan\nCupping to R trap. Cups applied to L trap.\nNo cupping to neck.\n")
        #expect(findings.map(\.message) == ["cupping is not billable as 97140", "cupping is not billable as 97140"])
        #expect(findings.map(\.position) == [SourcePosition(line: 2, column: 1), SourcePosition(line: 2, column: 20)])
        #expect(findings.first?.level == .warning)
    }

    @Test(
        "each loader error names the line, the column and the valid choices",
        arguments: [
            (
                "kind: existance\n",
                "x.yml:1:7: unknown kind 'existance' (did you mean 'existence'?); expected one of 'existence', 'require', 'conditional', 'required-sections', 'co-billed-modifier', 'timed-units', 'timed-minutes', 'required-fields', 'payer-modifier', 'diagnosis-pairing', 'licence-scope', 'icd10-validity'"
            ),
            (
                "id: x\nkind: existence\nlevel: warning\nmessage: m\npaterns: [a]\n",
                "x.yml:5:1: unknown key 'paterns' (did you mean 'patterns'?); expected one of 'id', 'kind', 'level', 'message', 'scope', 'description', 'link', 'examples', 'patterns', 'context'"
            ),
            (
                "id: x\nkind: existence\nlevel: warning\nmessage: m\npatterns: [\"(unclosed\"]\n",
                "x.yml:5:12: invalid regular expression '(unclosed' at character 10: missing closing parenthesis"
            ),
            (
                "id: x\nkind: existence\nlevel: warning\nmessage: m\nscope: [objectve]\npatterns: [a]\n",
                "x.yml:5:8: unknown scope 'objectve' (did you mean 'objective'?); expected one of 'subjective', 'objective', 'assessment', 'plan', 'other'"
            ),
            (
                "id: x\nkind: [existence\n",
                "x.yml:3:1: did not find expected ',' or ']' (while parsing a flow sequence at line 2)"
            ),
            (
                "id: x\nkind: existence\nlevel: critical\nmessage: m\npatterns: [a]\n",
                "x.yml:3:8: unknown level 'critical'; expected one of 'error', 'warning', 'info'"
            ),
            (
                "id: y\nkind: existence\nlevel: info\nmessage: m\npatterns: [a]\n",
                "x.yml:1:5: the id 'y' must equal the file name ('x')"
            ),
            (
                "id: x\nkind: require\nlevel: info\nmessage: m\npatterns: [\"@measurable\"]\n",
                "x.yml:5:12: unknown pattern set '@measurable' (did you mean '@measurable-finding'?); patterns.yml defines '@body-region', '@exercise', '@frequency-duration', '@functional-outcome', '@maintenance', '@measurable-finding', '@relaxation', '@technique', '@therapeutic-intent'"
            ),
            (
                "id: x\nkind: existence\nlevel: info\nmessage: m\npatterns: [\"a?\"]\n",
                "x.yml:5:12: invalid regular expression 'a?': the pattern matches empty text, so it would match everywhere"
            ),
        ])
    func errors(_ text: String, _ expected: String) throws {
        #expect(try ClinicRules.errors(["x.yml": text]) == [expected])
    }

    @Test("a pattern Vectorscan cannot express is matched with PCRE2 JIT")
    func fallback() throws {
        let rule =
            "id: x\nkind: existence\nlevel: info\nmessage: \"{match}\"\npatterns: ['(?<!no )cupping', '(\\w+) \\1']\n"
        let folder = try ClinicRules.folder(["x.yml": rule])
        defer { try? FileManager.default.removeItem(at: folder) }
        let ruleSet = try #require(try? RuleSet.load(directories: [folder.path], cacheDirectory: nil).get())
        #expect(ruleSet.patterns.pcreOnlyPatterns == [0, 1])
        let note = try Fixtures.note("## Plan\nno cupping; cupping applied; very very tight.\n")
        let findings = Linter(ruleSet: ruleSet).makeSession().lint(note).findings
        #expect(findings.map(\.message) == ["cupping", "very very"])
    }

    @Test("the compiled database is cached on disk and read back on the next load")
    func cache() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("soaplint-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try #require(
            try? RuleSet.load(directories: [Fixtures.rulesDirectory.path], cacheDirectory: cache.path).get())
        #expect(!first.patterns.loadedFromCache)
        // The database, and the prefilter that decides where the PCRE2-only patterns run.
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(cached.count == 2)
        #expect(cached.filter { $0.hasSuffix(".prefilter.hsdb") }.count == 1)
        #expect(!first.patterns.pcreOnlyPatterns.isEmpty)
        let second = try #require(
            try? RuleSet.load(directories: [Fixtures.rulesDirectory.path], cacheDirectory: cache.path).get())
        #expect(second.patterns.loadedFromCache)
        let note = try Fixtures.note("## Objective\nRotation 45°.\n## Assessment\nFelt relaxed.\n")
        #expect(
            Linter(ruleSet: first).makeSession().lint(note).findings
                == Linter(ruleSet: second).makeSession().lint(note).findings)
    }

    @Test("invalid-diagnosis knows headers, malformed and unknown codes")
    func diagnoses() throws {
        let findings = try Fixtures.findings(
            "invalid-diagnosis", "---\ndiagnoses: [M54.5, M79.1, M54.50, \"54.2\", M99.99, s161xxa]\n---\nS: x\n")
        #expect(
            findings.map(\.message) == [
                "M54.5 is a header, not a billable code; use a more specific code such as M54.50, M54.51, M54.59",
                "M79.1 is a header, not a billable code; use a more specific code such as M79.10, M79.11, M79.12",
                "54.2 is not a well-formed ICD-10-CM code",
                "M99.99 is not on the ICD-10-CM list of billable codes",
            ])
    }
}

@Suite("ICD-10-CM code list")
struct BillableCodeListTests {
    static func list(_ text: String) throws(RuleLoadError) -> BillableCodeList {
        try BillableCodeList(bytes: Array(text.utf8), file: "codes.txt")
    }

    @Test("codes, headers and categories are read from the shipped file")
    func shipped() throws {
        let codes = try BillableCodeList(contentsOf: Fixtures.rulesDirectory.path + "/data/icd10cm-billable.txt")
        #expect(codes.count == 74_724)
        #expect(codes.status(of: "M54.50") == .billable)
        #expect(codes.status(of: "s16.1xxa") == .billable)
        #expect(codes.status(of: "M54") == .header(moreSpecific: ["M54.00", "M54.01", "M54.02"]))
        #expect(codes.status(of: "M54.9") == .billable)
        #expect(codes.status(of: "U99.1") == .unknown)
        #expect(codes.status(of: "M5") == .malformed)
    }

    @Test("a category billable alone, and a header with the category among its codes")
    func categoryAlone() throws {
        let codes = try Self.list("# comment\r\nR51 . 0 9\nI10 .\n")
        #expect(codes.count == 4)
        #expect(codes.status(of: "I10") == .billable)
        #expect(codes.status(of: "I10.1") == .unknown)
        #expect(codes.status(of: "R51.0") == .billable)
        #expect(codes.status(of: "R51") == .billable)
    }

    @Test("a malformed or repeated line is an error with its line number")
    func errors() {
        #expect(throws: RuleLoadError.self) { try Self.list("M54 2\nM5 1\n") }
        do {
            _ = try Self.list("M54 2\n\nM54 50\n")
            Issue.record("a repeated category loaded")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("first on line 1"))
        }
        do {
            _ = try Self.list("M54\n")
            Issue.record("a category without endings loaded")
        } catch {
            #expect(error.line == 1)
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("rules on and off, levels, per-file overrides, payer profiles and scopes")
    func settings() throws {
        let configuration = try Configuration.load(
            yaml: """
                rules:
                  plan-of-care: error
                  maintenance-language: off
                overrides:
                  - files: "archive/*"
                    rules: {plan-of-care: off}
                payer-profiles:
                  requires-referral: [workers-comp, auto, medicaid]
                licence-scopes:
                  LMT: ["97124", "97140", "97110"]
                unit-method: per-code
                """, file: "/clinic/.soaplint.yml")
        #expect(configuration.settings(for: "notes/a.md")["plan-of-care"]?.level == .error)
        #expect(configuration.settings(for: "archive/a.md")["plan-of-care"]?.enabled == false)
        #expect(configuration.settings(for: "notes/a.md")["maintenance-language"]?.enabled == false)
        #expect(configuration.unitMethod == .perCode)

        let medicaid = "Payer: Medicaid\nS: Back pain.\n"
        #expect(try Fixtures.findings("referral", medicaid).isEmpty)
        #expect(try Fixtures.findings("referral", medicaid, configuration: configuration).count == 1)
        let lmtExercise = "Provider: Jane Doe, LMT\nCPT: 97110 x1 (15 min)\nS: Hip pain.\n"
        #expect(try Fixtures.findings("scope-of-practice", lmtExercise).count == 1)
        #expect(try Fixtures.findings("scope-of-practice", lmtExercise, configuration: configuration).isEmpty)

        let session = Linter(ruleSet: Fixtures.ruleSet, configuration: configuration).makeSession()
        let plain = try Fixtures.note("## Plan\nContinue.\n", name: "notes/a.md")
        #expect(session.lint(plain, only: ["plan-of-care"]).findings.map(\.level) == [.error])
        var archived = plain
        archived.file = "archive/a.md"
        #expect(session.lint(archived, only: ["plan-of-care"]).findings.isEmpty)
    }

    @Test("a misspelt configuration key is an error at its line and column")
    func misspelt() {
        #expect(
            throws: RuleLoadError(
                file: "c.yml", line: 2, column: 1,
                message:
                    "unknown key 'unit-methd' (did you mean 'unit-method'?); expected one of 'rules-dirs', 'rules', 'overrides', 'payer-profiles', 'licence-scopes', 'unit-method'"
            )
        ) {
            try Configuration.load(yaml: "rules: {}\nunit-methd: per-code\n", file: "c.yml")
        }
        #expect(
            throws: RuleLoadError(
                file: "c.yml", line: 2, column: 17,
                message:
                    "unknown setting 'critical' for rule 'plan-of-care'; expected one of 'on', 'off', 'error', 'warning', 'info'"
            )
        ) {
            try Configuration.load(yaml: "rules:\n  plan-of-care: critical\n", file: "c.yml")
        }
    }
}

/// A rule whose regular expression backtracks catastrophically is stopped at load when the
/// probe texts show it, and on the note otherwise; neither stalls a run.
@Suite("Catastrophic patterns")
struct CatastrophicPatternTests {
    static func rule(_ pattern: String) -> String {
        """
        id: slow-phrase
        kind: existence
        level: warning
        message: "a phrase"
        patterns:
          - '\(pattern)'
        examples:
          triggers: ["## Assessment\\nword"]
          passes: ["## Assessment\\n!"]

        """
    }

    static func load(_ pattern: String) throws -> Result<RuleSet, RuleLoadErrors> {
        let folder = try ClinicRules.folder(["slow-phrase.yml": rule(pattern)])
        defer { try? FileManager.default.removeItem(at: folder) }
        return RuleSet.load(directories: [folder.path], cacheDirectory: nil)
    }

    @Test("a pattern that blows up on a probe text is a load error at its line and column")
    func atLoad() throws {
        guard case .failure(let failure) = try Self.load("(?<!z)(\\w+\\s?)+$") else {
            Issue.record("the catastrophic pattern loaded")
            return
        }
        let error = try #require(failure.errors.first)
        #expect(error.file.hasSuffix("slow-phrase.yml"))
        #expect(error.line == 6)
        #expect(error.column == 5)
        #expect(
            error.message.hasPrefix("the pattern '(?<!z)(\\w+\\s?)+$' cannot be used: it backtracks catastrophically"))
        #expect(error.message.contains("1,000,000 steps"))
    }

    @Test("the same shape without look-around goes to Vectorscan, which cannot backtrack, and loads")
    func vectorscan() throws {
        let ruleSet = try Self.load("(\\w+\\s?)+!").get()
        #expect(ruleSet.patterns.pcreOnlyPatterns.isEmpty)
        let note = try Fixtures.note("## Assessment\n" + String(repeating: "a", count: 5000) + "!\n")
        #expect(Linter(ruleSet: ruleSet).makeSession().lint(note).findings.map(\.rule) == ["slow-phrase"])
    }

    @Test("a pattern that only blows up on a note's text gives a pattern-limit warning for that note")
    func onANote() throws {
        // The look-ahead needs '!' where 'x' must be: PCRE2 tries every split of the word run
        // before it gives up. Vectorscan's prefilter cannot express the look-ahead, so it lets
        // the note through to PCRE2.
        let pattern = "(?<!z)ROM:(\\w+\\s?)+(?=!)x"
        let ruleSet = try Self.load(pattern).get()
        #expect(ruleSet.patterns.pcreOnlyPatterns.count == 1)
        let session = Linter(ruleSet: ruleSet).makeSession()
        let slow = try Fixtures.note("## Objective\nROM:" + String(repeating: "a", count: 60) + "x!\n")
        let findings = session.lint(slow).findings
        #expect(findings.map(\.rule) == ["pattern-limit"])
        #expect(findings.first?.level == .warning)
        #expect(findings.first?.message.contains("'\(pattern)' (rule slow-phrase) did not finish") == true)
        // The next note is matched as usual.
        let fine = try Fixtures.note("## Objective\nROM:word\n")
        #expect(session.lint(fine).findings.isEmpty)
    }

    @Test("past the note's matching budget the PCRE2 patterns left are skipped and named; the rest still lint")
    func noteBudget() throws {
        let folder = try ClinicRules.folder([
            "slow-phrase.yml": Self.rule("(?<!z)ROM:\\w+"),
            "no-cupping-claims.yml": ClinicRules.cupping,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let ruleSet = try RuleSet.load(directories: [folder.path], cacheDirectory: nil).get()
        #expect(ruleSet.patterns.pcreOnlyPatterns.count == 1)
        let session = Linter(ruleSet: ruleSet).makeSession()
        let note = try Fixtures.note("## Objective\nROM:flexion\n## Assessment\nCupping to upper trapezius.\n")
        #expect(session.lint(note).findings.map(\.rule) == ["slow-phrase", "no-cupping-claims"])
        // With no time left, PCRE2 never starts; Vectorscan's cupping match still counts.
        session.noteBudgetNanoseconds = 0
        let findings = session.lint(note).findings
        #expect(findings.map(\.rule) == ["pattern-limit", "no-cupping-claims"])
        #expect(findings.first?.message.contains("'(?<!z)ROM:\\w+' (rule slow-phrase)") == true)
        #expect(findings.first?.message.contains("0.0 s budget") == true)
        // The budget is per note: the next note gets it afresh.
        session.noteBudgetNanoseconds = 500_000_000
        #expect(session.lint(note).findings.map(\.rule) == ["slow-phrase", "no-cupping-claims"])
    }

    @Test("a catastrophic pattern in a named set is reported in patterns.yml, where it is written")
    func inNamedSet() throws {
        let folder = try ClinicRules.folder([
            "patterns.yml": "# clinic patterns\nslow:\n  - '(?<!z)(\\w+\\s?)+$'\n",
            "slow-phrase.yml": Self.rule("@slow"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failure(let failure) = RuleSet.load(directories: [folder.path], cacheDirectory: nil) else {
            Issue.record("the catastrophic pattern loaded")
            return
        }
        let error = try #require(failure.errors.first)
        #expect(error.file.hasSuffix("/patterns.yml"))
        #expect(error.line == 3)
        #expect(error.column == 5)
        #expect(error.message.contains("backtracks catastrophically"))
    }

    @Test("a note the prefilter rules out never reaches PCRE2, however the pattern would backtrack")
    func prefiltered() throws {
        let ruleSet = try Self.load("(?<!z)ROM:(\\w+\\s?)+$").get()
        #expect(ruleSet.patterns.pcreOnlyPatterns.count == 1)
        let session = Linter(ruleSet: ruleSet).makeSession()
        let note = try Fixtures.note("## Objective\nROM:" + String(repeating: "a", count: 60) + "!\n")
        // Had PCRE2 run, it would have passed its limit and reported pattern-limit.
        #expect(session.lint(note).findings.isEmpty)
        let match = try Fixtures.note("## Objective\nROM:word\n")
        #expect(session.lint(match).findings.map(\.rule) == ["slow-phrase"])
    }
}

@Suite("Message templates")
struct MessageTemplateTests {
    @Test("placeholders are filled from the values, then the visit; unknown and unclosed ones stay as written")
    func render() throws {
        let note = try Fixtures.note("---\npayer: medicare\n---\n## Subjective\nPain.\n")
        #expect(
            MessageTemplate.render("'{match}' — {payer}, {patient}", values: ["match": "felt relaxed"], note: note)
                == "'felt relaxed' — medicare, the patient")
        #expect(MessageTemplate.render("{tpyo} and {payer", values: [:], note: note) == "{tpyo} and {payer")
        #expect(MessageTemplate.render("é {code}° ü", values: ["code": "97140"], note: note) == "é 97140° ü")
        #expect(MessageTemplate.render("no placeholders", values: ["x": "y"], note: note) == "no placeholders")
        #expect(MessageTemplate.render("{payer}", values: ["payer": "workers-comp"], note: note) == "workers-comp")
    }
}
