import Foundation
import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import SOAPLintReporters
import Testing

@Suite("XML notes")
struct XMLTests {
    static let ccdaFolder = Fixtures.directory.appendingPathComponent("ccda")
    static let hostileFolder = Fixtures.directory.appendingPathComponent("hostile")
    static let ccdaFiles = Fixtures.files(in: ccdaFolder).filter { $0.hasSuffix(".xml") }

    func notes(_ folder: URL, _ name: String) throws -> [Note] {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        return try Fixtures.reader.notes(in: bytes, file: name, format: .xml)
    }

    @Test("tree dump of each C-CDA sample", arguments: ccdaFiles)
    func golden(_ name: String) throws {
        try Fixtures.assertGolden(
            NoteDump.render(try notes(Self.ccdaFolder, name)), Self.ccdaFolder.appendingPathComponent(name + ".dump"))
    }

    @Test("the C-CDA progress note gives all four SOAP sections and its visit")
    func progressNote() throws {
        let note = try #require(try notes(Self.ccdaFolder, "Progress_Note.xml").first)
        for kind in SectionKind.soap {
            #expect(!note.sections(covering: kind).isEmpty, "\(kind)")
        }
        #expect(note.sections.first { $0.heading == "CHIEF COMPLAINT" }?.kind == .subjective)
        #expect(note.sections.first { $0.heading == "PHYSICAL EXAMINATION" }?.kind == .objective)
        #expect(note.visit.dateOfService == "2005-03-29")
        #expect(note.visit.signature == "Henry Seven")
        #expect(note.visit.services.map(\.code) == ["99213"])
        let subjective = try #require(note.sections.first { $0.heading == "SUBJECTIVE DATA" })
        #expect(subjective.lineOrigins.first == SourcePosition(line: 1619, column: 1))
    }

    @Test("section fragments parse, with the kind from the LOINC code (trailing space trimmed)")
    func fragments() throws {
        let kinds = try [
            "Subjective_Section_Example.xml", "Objective_Section_Example.xml", "Assessment_Section_Example.xml",
            "Plan_of_Treatment_Section__V2__Example.xml",
        ].map {
            try notes(Self.ccdaFolder, $0).first?.sections.first?.kind
        }
        #expect(kinds == [.subjective, .objective, .assessment, .plan])
    }

    @Test("C-CDA codes fill the visit: CPT procedures and ICD-10-CM problems, first problem primary")
    func codes() throws {
        let xml = """
            <ClinicalDocument xmlns="urn:hl7-org:v3">
              <id root="2.16.840.1.113883.19" extension="doc-7"/>
              <effectiveTime value="20260314093000-0500"/>
              <legalAuthenticator><assignedEntity><assignedPerson><name><given>Jane</given><family>Doe</family><suffix>LMT</suffix></name></assignedPerson></assignedEntity></legalAuthenticator>
              <component><structuredBody>
                <component><section><code code="51847-2 " codeSystem="2.16.840.1.113883.6.1"/><title>A/P</title>
                  <text><table><tr><th>Finding</th><th>Plan</th></tr><tr><td>ROM 45°</td><td>2x/week</td></tr></table></text>
                  <entry><observation><value code="M54.2" codeSystem="2.16.840.1.113883.6.90"/></observation></entry>
                  <entry><observation><value code="M62.830" codeSystem="2.16.840.1.113883.6.90"/></observation></entry>
                  <entry><procedure><code code="97140" codeSystem="2.16.840.1.113883.6.12"/></procedure></entry>
                </section></component>
              </structuredBody></component>
            </ClinicalDocument>
            """
        let note = try Fixtures.note(xml, name: "doc.xml")
        #expect(note.id == "doc-7")
        #expect(note.visit.dateOfService == "2026-03-14")
        #expect(note.visit.signature == "Jane Doe, LMT")
        #expect(note.visit.diagnoses.map(\.code) == ["M54.2", "M62.830"])
        #expect(note.visit.services.map(\.code) == ["97140"])
        #expect(note.sections.first?.kind == .assessmentAndPlan)
        #expect(note.sections.first?.body == "Finding | Plan\nROM 45° | 2x/week")
    }

    @Test("a billion-laughs file stops with an error and expands nothing")
    func billionLaughs() throws {
        #expect(
            throws: FileError(
                file: "laughs.xml", line: 14, column: 43, message: "malformed XML: Detected an entity reference loop")
        ) {
            try notes(Self.hostileFolder, "laughs.xml")
        }
    }

    @Test("an external entity is never loaded: no byte of /etc/passwd reaches the note")
    func externalEntity() throws {
        let note = try #require(try notes(Self.hostileFolder, "xxe.xml").first)
        let dump = NoteDump.render(note)
        #expect(!dump.contains("root:"))
        #expect(note.sections.first?.isEmpty == true)
        #expect(note.sections.last?.body == "ROM 45°")
    }

    @Test("a 300-level-deep file stops at libxml2's depth limit")
    func deep() throws {
        let error = #expect(throws: FileError.self) { try notes(Self.hostileFolder, "deep.xml") }
        #expect(error?.message.hasPrefix("malformed XML: Excessive depth in document: 256") == true)
        #expect(error?.line == 1)
    }

    @Test("suppression comments work in XML notes, and before the root for every note")
    func comments() throws {
        let notes = try notes(Self.hostileFolder, "xml-comments.xml")
        #expect(notes.map(\.id) == ["a", "b"])
        let session = Linter(ruleSet: Fixtures.ruleSet).makeSession()
        #expect(session.lint(notes[0], only: ["relaxation-only"]).findings.isEmpty)
        #expect(session.lint(notes[1], only: ["relaxation-only"]).findings.map(\.position.line) == [11])
        #expect(session.lint(notes[1], only: ["signature-and-date"]).findings.isEmpty)
    }
}
