import CLibXML2
import SOAPLintModel

/// Reads an HL7 C-CDA document (`ClinicalDocument` in `urn:hl7-org:v3`) or a section fragment
/// (`<section>`, `<component>`) as one note.
///
/// Sections are recognised by their LOINC code (trimmed: real files carry trailing spaces),
/// then by templateId. Chief complaint and history of present illness count as Subjective,
/// physical exam as Objective; other sections are kept as `other`. Narrative `<text>` is
/// flattened to lines: each paragraph, list item, table row and `<br/>` starts a line, table
/// cells are joined with " | ", and each line keeps the source line it started on.
enum CCDAParser {
    /// Section kinds by LOINC code.
    static let loincKinds: [String: SectionKind] = [
        "61150-9": .subjective, "10154-3": .subjective, "10164-2": .subjective, "46239-0": .subjective,
        "61149-1": .objective, "29545-1": .objective,
        "51848-0": .assessment, "18776-5": .plan, "51847-2": .assessmentAndPlan,
    ]

    /// Section kinds by templateId root, when the code is missing or unknown.
    static let templateKinds: [String: SectionKind] = [
        "2.16.840.1.113883.10.20.21.2.2": .subjective, "1.3.6.1.4.1.19376.1.5.3.1.1.13.2.1": .subjective,
        "1.3.6.1.4.1.19376.1.5.3.1.3.4": .subjective, "2.16.840.1.113883.10.20.22.2.12": .subjective,
        "2.16.840.1.113883.10.20.21.2.1": .objective, "2.16.840.1.113883.10.20.2.10": .objective,
        "2.16.840.1.113883.10.20.22.2.8": .assessment, "2.16.840.1.113883.10.20.22.2.10": .plan,
        "2.16.840.1.113883.10.20.22.2.9": .assessmentAndPlan,
    ]

    static let cptSystem = "2.16.840.1.113883.6.12"
    static let icd10System = "2.16.840.1.113883.6.90"

    /// The note of a document or fragment whose root element is `root`.
    static func note(_ root: xmlNodePtr, file: String) -> Note {
        let sectionNodes =
            XMLTree.name(root) == "section"
            ? [root] + XMLTree.descendants(root, named: "section")
            : XMLTree.descendants(root, named: "section")
        let sections = sectionNodes.map(section)
        var visit = Visit()
        let isDocument = XMLTree.name(root) == "ClinicalDocument"
        if isDocument { readHeader(root, into: &visit) }
        var seenCodes = Set<String>()
        for code in XMLTree.descendants(root, named: "code") + XMLTree.descendants(root, named: "value")
            + XMLTree.descendants(root, named: "translation")
        {
            let attributes = XMLTree.attributes(code)
            guard let value = attributes["code"]?.trimmingWhitespace(), !value.isEmpty else { continue }
            let position = SourcePosition(line: XMLTree.line(code), column: 1)
            switch attributes["codeSystem"]?.trimmingWhitespace() {
            case cptSystem where seenCodes.insert("cpt:\(value)").inserted:
                visit.services.append(Service(code: value.uppercased(), position: position))
            case icd10System where seenCodes.insert("icd:\(value)").inserted:
                visit.diagnoses.append(Diagnosis(code: value.uppercased(), position: position))
            default:
                break
            }
        }
        visit.services.sort { ($0.position?.line ?? 0) < ($1.position?.line ?? 0) }
        visit.diagnoses.sort { ($0.position?.line ?? 0) < ($1.position?.line ?? 0) }
        let id =
            isDocument
            ? XMLTree.child(root, "id").flatMap { node -> String? in
                let attributes = XMLTree.attributes(node)
                return attributes["extension"] ?? attributes["root"]
            } : nil
        var note = Note(
            file: file, index: 0, id: id, sections: sections, visit: visit,
            start: SourcePosition(line: XMLTree.line(root), column: 1))
        note.suppressions = XMLTree.suppressions(in: root)
        return note
    }

    /// Date of service, patient, provider and signature from the document header.
    private static func readHeader(_ root: xmlNodePtr, into visit: inout Visit) {
        let encounterTime = XMLTree.path(root, ["componentOf", "encompassingEncounter", "effectiveTime"])
        let time =
            encounterTime.flatMap {
                XMLTree.attributes($0)["value"] ?? XMLTree.child($0, "low").flatMap { XMLTree.attributes($0)["value"] }
            }
            ?? XMLTree.child(root, "effectiveTime").flatMap { XMLTree.attributes($0)["value"] }
        visit.dateOfService = time.flatMap(isoDate)
        if let patientID = XMLTree.path(root, ["recordTarget", "patientRole", "id"]) {
            let attributes = XMLTree.attributes(patientID)
            visit.patient = attributes["extension"] ?? attributes["root"]
        }
        let author = XMLTree.path(root, ["author", "assignedAuthor", "assignedPerson", "name"]).map(personName)
        let signer = XMLTree.path(root, ["legalAuthenticator", "assignedEntity", "assignedPerson", "name"]).map(
            personName)
        visit.provider = (author ?? signer).map(Provider.init(parsing:))
        visit.signature = signer ?? author
    }

    /// `Given Family, Suffix` from an HL7 name.
    private static func personName(_ name: xmlNodePtr) -> String {
        let parts = XMLTree.elements(name)
        let given = parts.filter { XMLTree.name($0) == "given" }.map { XMLTree.text($0).trimmingWhitespace() }
        let family = parts.filter { XMLTree.name($0) == "family" }.map { XMLTree.text($0).trimmingWhitespace() }
        let suffix = parts.filter { XMLTree.name($0) == "suffix" }.map { XMLTree.text($0).trimmingWhitespace() }
        var text = (given + family).filter { !$0.isEmpty }.joined(separator: " ")
        if text.isEmpty { text = XMLTree.text(name).trimmingWhitespace() }
        if !suffix.isEmpty { text += ", " + suffix.joined(separator: " ") }
        return text
    }

    /// `2005-03-29` from an HL7 timestamp such as `20050329171504-0500`.
    static func isoDate(_ value: String) -> String? {
        let digits = Array(value.prefix(8))
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return nil }
        return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
    }

    private static func section(_ node: xmlNodePtr) -> Section {
        let code = XMLTree.child(node, "code").flatMap { XMLTree.attributes($0)["code"]?.trimmingWhitespace() }
        let templates = XMLTree.elements(node).filter { XMLTree.name($0) == "templateId" }
            .compactMap { XMLTree.attributes($0)["root"]?.trimmingWhitespace() }
        let kind = code.flatMap { loincKinds[$0] } ?? templates.lazy.compactMap { templateKinds[$0] }.first ?? .other
        let title = XMLTree.child(node, "title").map { XMLTree.text($0).trimmingWhitespace() }
        let heading = title ?? code ?? "section"
        let start = SourcePosition(line: XMLTree.line(node), column: 1)
        var narrative = Narrative()
        if let text = XMLTree.child(node, "text") { narrative.walk(text) }
        return NoteAssembler.section(
            kind: kind, heading: heading, start: start, headingEnd: start, lines: narrative.finish())
    }
}

/// Flattens C-CDA narrative markup into lines that keep their source line.
private struct Narrative {
    private static let blocks: Set<String> = [
        "paragraph", "item", "tr", "list", "table", "thead", "tbody", "tfoot", "caption", "title",
    ]
    private var lines: [(text: String, origin: SourcePosition)] = []
    private var current = ""
    private var origin: SourcePosition?
    private var cellsInRow = 0
    /// The source line the walk has reached. libxml2 gives elements the line of their start tag
    /// but text nodes the line where they end, so text lines are counted from the last start tag.
    private var cursor = 1

    mutating func walk(_ node: xmlNodePtr) {
        cursor = XMLTree.line(node)
        var child = node.pointee.children
        while let item = child {
            switch item.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = item.pointee.content { append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                cursor = max(cursor, XMLTree.line(item))
                let name = XMLTree.name(item)
                if name == "br" {
                    breakLine()
                } else if name == "td" || name == "th" {
                    if cellsInRow > 0 { current += " | " }
                    cellsInRow += 1
                    walk(item)
                } else if Self.blocks.contains(name) {
                    breakLine()
                    if name == "tr" { cellsInRow = 0 }
                    walk(item)
                    breakLine()
                } else {
                    walk(item)
                }
            default:
                break
            }
            child = item.pointee.next
        }
    }

    /// Adds text, folding runs of white space (source line breaks included) into one space.
    private mutating func append(_ text: String) {
        for character in text {
            if character == "\n" || character == "\r\n" { cursor += 1 }
            if character.isWhitespace {
                if !current.isEmpty, current.last != " " { current.append(" ") }
                continue
            }
            if origin == nil { origin = SourcePosition(line: cursor, column: 1) }
            current.append(character)
        }
    }

    private mutating func breakLine() {
        let text = current.trimmingWhitespace()
        if !text.isEmpty, let origin { lines.append((text, origin)) }
        current = ""
        origin = nil
        cellsInRow = 0
    }

    mutating func finish() -> [(text: String, origin: SourcePosition)] {
        breakLine()
        return lines
    }
}
