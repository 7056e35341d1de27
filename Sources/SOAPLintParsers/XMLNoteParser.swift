import CLibXML2
import SOAPLintModel

/// Reads XML note files with libxml2: SOAP XML exports (`<soapNotes>` of `<note>`s, or one
/// `<note>`), and HL7 C-CDA documents and section fragments (see `CCDAParser`).
///
/// Parsed without network access, without entity substitution and without loading a DTD, within
/// libxml2's default depth and size limits (never `XML_PARSE_HUGE`). libxml2 does not report
/// element columns, so XML positions carry the element's line and column 1.
enum XMLNoteParser {
    private static let initialized: Void = xmlInitParser()

    /// The options every note file is parsed with.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    static let hl7Namespace = "urn:hl7-org:v3"

    /// The notes in an XML file's bytes.
    static func parse(_ bytes: [UInt8], file: String, vocabulary: SectionVocabulary) throws(FileError) -> [Note] {
        _ = initialized
        guard let context = xmlNewParserCtxt() else {
            throw FileError(file: file, message: "could not start the XML parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }
        let (input, encoding) = withoutLateDeclaration(bytes)
        let document = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                encoding.withCString { name in
                    xmlCtxtReadMemory(
                        context, chars.baseAddress, Int32(chars.count), nil, encoding.isEmpty ? nil : name, options)
                }
            }
        }
        guard let document else { throw error(context, file) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw FileError(file: file, message: "the XML file has no root element")
        }
        let name = XMLTree.name(root)
        switch name {
        case "ClinicalDocument" where XMLTree.namespace(root) == hl7Namespace:
            return [CCDAParser.note(root, file: file)]
        case "section", "component":
            return [CCDAParser.note(root, file: file)]
        case "soapNotes":
            let shared = XMLTree.suppressionsBefore(root)
            return XMLTree.elements(root).filter { XMLTree.name($0) == "note" }.enumerated().map { index, element in
                var note = SOAPXMLNote.note(element, index: index, file: file, vocabulary: vocabulary)
                note.suppressions = shared + note.suppressions
                return note
            }
        case "note":
            return [SOAPXMLNote.note(root, index: 0, file: file, vocabulary: vocabulary)]
        default:
            throw FileError(
                file: file, line: XMLTree.line(root), column: 1,
                message:
                    "the root element is <\(name)>; soaplint reads SOAP note exports (<soapNotes>, <note>) and HL7 C-CDA (<ClinicalDocument>, <section>)"
            )
        }
    }

    /// Real exports sometimes put white space before `<?xml ... ?>`, which XML forbids. The
    /// declaration is then blanked (lines and offsets stay) and its encoding passed on instead.
    static func withoutLateDeclaration(_ bytes: [UInt8]) -> ([UInt8], String) {
        var start = 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start > 0, bytes[start...].starts(with: Array("<?xml".utf8)),
            let end = bytes[start...].firstIndex(of: 0x3E)
        else { return (bytes, "") }
        let declaration = String(decoding: bytes[start...end], as: UTF8.self)
        var encoding = ""
        if let range = declaration.firstRange(of: "encoding=") {
            let rest = declaration[range.upperBound...].dropFirst()
            encoding = String(rest.prefix { $0 != "\"" && $0 != "'" })
        }
        var result = bytes
        for index in start...end where result[index] != 0x0A && result[index] != 0x0D { result[index] = 0x20 }
        return (result, encoding)
    }

    private static func error(_ context: xmlParserCtxtPtr, _ file: String) -> FileError {
        guard let last = xmlCtxtGetLastError(context) else {
            return FileError(file: file, message: "malformed XML")
        }
        let message =
            last.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "the XML could not be parsed"
        let line = Int(last.pointee.line)
        let column = Int(last.pointee.int2)
        return FileError(
            file: file, line: line > 0 ? line : nil, column: column > 0 ? column : nil,
            message: "malformed XML: \(message)")
    }
}

/// One `<note>` of a SOAP XML export.
enum SOAPXMLNote {
    static func note(_ element: xmlNodePtr, index: Int, file: String, vocabulary: SectionVocabulary) -> Note {
        var visit = Visit()
        let attributes = XMLTree.attributes(element)
        visit.patient = attributes["patient"]
        visit.dateOfService = attributes["date"]
        visit.provider = attributes["provider"].map(Provider.init(parsing:))
        visit.payer = attributes["payer"].map { vocabulary.payer(named: $0) }
        visit.totalMinutes = attributes["totalMinutes"].flatMap { Int($0) }
        var sections: [Section] = []
        for child in XMLTree.elements(element) {
            let start = SourcePosition(line: XMLTree.line(child), column: 1)
            switch XMLTree.name(child) {
            case "diagnosis":
                if let code = XMLTree.attributes(child)["code"] {
                    visit.diagnoses.append(Diagnosis(code: code.trimmingWhitespace().uppercased(), position: start))
                }
            case "service":
                let values = XMLTree.attributes(child)
                guard let code = values["code"] else { continue }
                visit.services.append(
                    Service(
                        code: code.trimmingWhitespace().uppercased(), minutes: values["minutes"].flatMap { Int($0) },
                        units: values["units"].flatMap { Int($0) },
                        modifiers: (values["modifiers"] ?? "").split { $0 == " " || $0 == "," }.map { $0.uppercased() },
                        region: values["region"], position: start))
            case "referral":
                let text = XMLTree.text(child).trimmingWhitespace()
                if !text.isEmpty, !VisitReader.noneValues.contains(text.lowercased()) { visit.referral = text }
            case "signature":
                let text = XMLTree.text(child).trimmingWhitespace()
                if !text.isEmpty { visit.signature = text }
            case let tag:
                guard let kind = SectionKind(xmlTag: tag) else { continue }
                sections.append(section(child, kind: kind, heading: tag, start: start))
            }
        }
        var note = Note(
            file: file, index: index, id: attributes["id"], sections: sections, visit: visit,
            start: SourcePosition(line: XMLTree.line(element), column: 1))
        note.suppressions = XMLTree.suppressions(in: element)
        return note
    }

    private static func section(_ element: xmlNodePtr, kind: SectionKind, heading: String, start: SourcePosition)
        -> Section
    {
        var lines: [(text: String, origin: SourcePosition)] = []
        var line = start.line
        for (index, text) in XMLTree.text(element).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            if index > 0 { line += 1 }
            lines.append((String(text), SourcePosition(line: line, column: 1)))
        }
        return NoteAssembler.section(kind: kind, heading: heading, start: start, headingEnd: start, lines: lines)
    }
}

extension SectionKind {
    /// The kind a SOAP XML element stands for (`<subjective>`, ...), nil for other elements.
    init?(xmlTag: String) {
        switch xmlTag {
        case "subjective": self = .subjective
        case "objective": self = .objective
        case "assessment": self = .assessment
        case "plan": self = .plan
        default: return nil
        }
    }
}
