import CLibXML2
import SOAPLintModel

/// Reads SOAP XML exports (`<soapNotes>` of `<note>`s, or one `<note>`) with libxml2.
///
/// Parsed without network access, without entity substitution and without loading a DTD;
/// text is collected by walking text and CDATA nodes, never with `xmlNodeGetContent`, which
/// expands entities. libxml2 does not report element columns, so XML positions carry the line
/// and column 1.
enum XMLNoteParser {
    private static let initialized: Void = xmlInitParser()

    /// The options every note file is parsed with.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// The notes in an XML file's bytes.
    static func parse(_ bytes: [UInt8], file: String, vocabulary: SectionVocabulary) throws(FileError) -> [Note] {
        _ = initialized
        guard let context = xmlNewParserCtxt() else {
            throw FileError(file: file, message: "could not start the XML parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, nil, options)
            }
        }
        guard let document else { throw error(context, file) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw FileError(file: file, message: "the XML file has no root element")
        }
        switch name(root) {
        case "soapNotes":
            return elements(root).filter { name($0) == "note" }.enumerated().map { index, element in
                note(element, index: index, file: file, vocabulary: vocabulary)
            }
        case "note":
            return [note(root, index: 0, file: file, vocabulary: vocabulary)]
        case let other:
            throw FileError(
                file: file, line: Int(xmlGetLineNo(root)), column: 1,
                message:
                    "the root element is <\(other)>; soaplint reads SOAP note exports with a <soapNotes> or <note> root"
            )
        }
    }

    private static func note(_ element: xmlNodePtr, index: Int, file: String, vocabulary: SectionVocabulary) -> Note {
        var visit = Visit()
        let attributes = attributeValues(of: element)
        visit.patient = attributes["patient"]
        visit.dateOfService = attributes["date"]
        visit.provider = attributes["provider"].map(Provider.init(parsing:))
        visit.payer = attributes["payer"].map { vocabulary.payer(named: $0) }
        visit.totalMinutes = attributes["totalMinutes"].flatMap { Int($0) }
        var sections: [Section] = []
        for child in elements(element) {
            let line = Int(xmlGetLineNo(child))
            let start = SourcePosition(line: line, column: 1)
            switch name(child) {
            case "diagnosis":
                if let code = attributeValues(of: child)["code"] {
                    visit.diagnoses.append(Diagnosis(code: code.trimmingWhitespace().uppercased(), position: start))
                }
            case "service":
                let values = attributeValues(of: child)
                guard let code = values["code"] else { continue }
                visit.services.append(
                    Service(
                        code: code.trimmingWhitespace().uppercased(), minutes: values["minutes"].flatMap { Int($0) },
                        units: values["units"].flatMap { Int($0) },
                        modifiers: (values["modifiers"] ?? "").split { $0 == " " || $0 == "," }.map { $0.uppercased() },
                        region: values["region"], position: start))
            case "referral":
                let text = self.text(of: child).trimmingWhitespace()
                if !text.isEmpty, !VisitReader.noneValues.contains(text.lowercased()) { visit.referral = text }
            case "signature":
                let text = self.text(of: child).trimmingWhitespace()
                if !text.isEmpty { visit.signature = text }
            case let tag:
                guard let kind = SectionKind(xmlTag: tag) else { continue }
                sections.append(section(child, kind: kind, heading: tag, start: start))
            }
        }
        return Note(
            file: file, index: index, id: attributes["id"], sections: sections, visit: visit,
            start: SourcePosition(line: Int(xmlGetLineNo(element)), column: 1))
    }

    private static func section(_ element: xmlNodePtr, kind: SectionKind, heading: String, start: SourcePosition)
        -> Section
    {
        var lines: [(text: String, origin: SourcePosition)] = []
        var line = start.line
        for (index, text) in text(of: element).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { line += 1 }
            lines.append((String(text), SourcePosition(line: line, column: 1)))
        }
        return NoteAssembler.section(kind: kind, heading: heading, start: start, headingEnd: start, lines: lines)
    }

    /// The text of an element's text and CDATA descendants, in document order. Entity references
    /// are not expanded.
    static func text(of node: xmlNodePtr) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { result += String(cString: content) }
            case XML_ELEMENT_NODE:
                result += text(of: current)
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    private static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func attributeValues(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let key = current.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                    value += String(cString: content)
                }
                child = text.pointee.next
            }
            result[key] = value
            attribute = current.pointee.next
        }
        return result
    }

    private static func error(_ context: xmlParserCtxtPtr, _ file: String) -> FileError {
        guard let last = xmlCtxtGetLastError(context) else {
            return FileError(file: file, message: "the XML could not be parsed")
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
