import CLibXML2
import Glibc
import SOAPLintModel

/// Reads XML note files with libxml2's streaming reader: SOAP XML exports (`<soapNotes>` of
/// `<note>`s, or one `<note>`), and HL7 C-CDA documents and section fragments (`CCDAParser`).
///
/// An export is read note by note: each `<note>` is expanded, turned into a `Note`, handed on
/// and freed before the next is read, so memory stays flat however many notes a file holds.
/// Parsed without network access, without entity substitution and without loading a DTD,
/// within libxml2's default depth and size limits (never `XML_PARSE_HUGE`). libxml2 does not
/// report element columns, so XML positions carry the element's line and column 1.
enum XMLNoteParser {
    /// libxml2's global state, set up once before any other libxml2 call (schemas included);
    /// `xmlInitParser` itself must not run on two threads at once.
    static let initialized: Void = xmlInitParser()

    /// The options every note file is parsed with.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    static let hl7Namespace = "urn:hl7-org:v3"

    /// Where the XML comes from.
    enum Input {
        case bytes([UInt8])
        case descriptor(Int32)
    }

    /// Reads the notes of `input`, handing each to `each` as soon as it is read. Throws the
    /// first XML error, after every note before it has been handed on. With `schema`, a SOAP
    /// export is validated as it streams and each schema error goes to `problem`.
    static func read(
        _ input: Input, file: String, vocabulary: SectionVocabulary, schema: XMLSchema? = nil,
        clock: PhaseClock? = nil, each: (Note) -> Void, problem: (FileError) -> Void = { _ in }
    ) throws(FileError) {
        _ = initialized
        var input = input
        var encoding = ""
        if case .descriptor(let descriptor) = input, hasLateDeclaration(descriptor) {
            input = .bytes(try NoteFileReader.read(descriptor, shown: file, limit: 64 << 20))
        }
        if case .bytes(let bytes) = input {
            let (cleaned, declared) = withoutLateDeclaration(bytes)
            input = .bytes(cleaned)
            encoding = declared
        }
        let errors = ErrorBox()
        guard let handle = ReaderHandle(input, encoding: encoding, clock: clock) else {
            throw FileError(file: file, message: "could not start the XML parser")
        }
        let reader = handle.reader
        defer { handle.close() }
        xmlTextReaderSetStructuredErrorHandler(reader, recordError, Unmanaged.passUnretained(errors).toOpaque())

        var shared: [Suppression] = []
        var isExport = false
        var isSOAP = false
        var index = 0
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            let type = xmlTextReaderNodeType(reader)
            let depth = xmlTextReaderDepth(reader)
            if type == Int32(XML_READER_TYPE_COMMENT.rawValue), depth <= 1, let node = xmlTextReaderCurrentNode(reader)
            {
                shared += XMLTree.suppression(ofComment: node)
            } else if type == Int32(XML_READER_TYPE_ELEMENT.rawValue), depth == 0 {
                guard let root = xmlTextReaderCurrentNode(reader) else { break }
                let name = XMLTree.name(root)
                isSOAP = name == "soapNotes" || name == "note"
                switch name {
                case "soapNotes":
                    isExport = true
                case "note", "ClinicalDocument", "section", "component":
                    if name == "ClinicalDocument", XMLTree.namespace(root) != hl7Namespace { fallthrough }
                    guard let tree = xmlTextReaderExpand(reader) else { break }
                    var note =
                        name == "note"
                        ? SOAPXMLNote.note(tree, index: 0, file: file, vocabulary: vocabulary)
                        : CCDAParser.note(tree, file: file)
                    note.suppressions = shared + note.suppressions
                    clock?.mark(.parse)
                    each(note)
                    status = xmlTextReaderNext(reader)
                    continue
                default:
                    throw FileError(
                        file: file, line: XMLTree.line(root), column: 1,
                        message:
                            "the root element is <\(name)>; soaplint reads SOAP note exports (<soapNotes>, <note>) and HL7 C-CDA (<ClinicalDocument>, <section>)"
                    )
                }
            } else if isExport, type == Int32(XML_READER_TYPE_ELEMENT.rawValue), depth == 1,
                let element = xmlTextReaderCurrentNode(reader), XMLTree.name(element) == "note"
            {
                guard let tree = xmlTextReaderExpand(reader) else { break }
                var note = SOAPXMLNote.note(tree, index: index, file: file, vocabulary: vocabulary)
                note.suppressions = shared + note.suppressions
                clock?.mark(.parse)
                each(note)
                index += 1
                status = xmlTextReaderNext(reader)
                continue
            }
            status = xmlTextReaderRead(reader)
        }
        if isSOAP, let schema {
            // Validation is a pass of its own: libxml2's validating reader cannot expand subtrees.
            if case .descriptor(let descriptor) = input { lseek(descriptor, 0, SEEK_SET) }
            for error in validate(input, encoding: encoding, schema: schema) {
                problem(FileError(file: file, line: error.line, message: "schema: \(error.message)"))
            }
        }
        if let error = errors.first {
            // An error inside an entity's text is reported at the entity; where the document stopped is more useful.
            let line = Int(xmlTextReaderGetParserLineNumber(reader))
            let column = Int(xmlTextReaderGetParserColumnNumber(reader))
            let inEntity = (error.line ?? 0) < line
            throw FileError(
                file: file, line: inEntity ? line : error.line,
                column: inEntity ? (column > 0 ? column : nil) : error.column,
                message: "malformed XML: \(error.message)")
        }
        if status < 0 { throw FileError(file: file, message: "malformed XML") }
    }

    /// A streaming reader over `input`, with the memory it reads from.
    private final class ReaderHandle {
        let reader: xmlTextReaderPtr
        private let buffer: UnsafeMutableBufferPointer<CChar>?
        private let source: DescriptorSource?

        /// libxml2 reads a memory input in place, so the bytes are copied into a buffer that
        /// lives exactly as long as the reader. A descriptor is read through `DescriptorSource`,
        /// which tells `clock` apart the time spent reading from the time spent parsing.
        init?(_ input: Input, encoding: String, clock: PhaseClock? = nil) {
            switch input {
            case .descriptor(let descriptor):
                let source = DescriptorSource(descriptor: descriptor, clock: clock)
                guard
                    let reader = xmlReaderForIO(
                        DescriptorSource.read, nil, Unmanaged.passUnretained(source).toOpaque(), nil, nil,
                        XMLNoteParser.options)
                else { return nil }
                self.reader = reader
                self.source = source
                buffer = nil
            case .bytes(let bytes):
                let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
                bytes.withUnsafeBytes { raw in UnsafeMutableRawBufferPointer(copy).copyMemory(from: raw) }
                let made = encoding.withCString { name in
                    xmlReaderForMemory(
                        copy.baseAddress, Int32(bytes.count), nil, encoding.isEmpty ? nil : name, XMLNoteParser.options)
                }
                guard let made else {
                    copy.deallocate()
                    return nil
                }
                reader = made
                buffer = copy
                source = nil
            }
        }

        private var closed = false

        /// Frees the reader (before anything it uses, such as a validation context) and its memory.
        func close() {
            guard !closed else { return }
            closed = true
            xmlFreeTextReader(reader)
            buffer?.deallocate()
        }

        deinit { close() }
    }

    /// A file descriptor libxml2 reads through a callback (the reader does not own it).
    private final class DescriptorSource {
        let descriptor: Int32
        let clock: PhaseClock?

        init(descriptor: Int32, clock: PhaseClock?) {
            self.descriptor = descriptor
            self.clock = clock
        }

        /// libxml2's read callback: up to `length` bytes into `buffer`; -1 on error.
        static let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            let source = Unmanaged<DescriptorSource>.fromOpaque(context).takeUnretainedValue()
            source.clock?.mark(.parse)
            defer { source.clock?.mark(.read) }
            while true {
                let count = Glibc.read(source.descriptor, buffer, Int(max(0, length)))
                if count < 0, errno == EINTR { continue }
                return Int32(count)
            }
        }
    }

    /// The schema errors of `input`, read to the end with a validating reader.
    private static func validate(_ input: Input, encoding: String, schema: XMLSchema) -> [(line: Int?, message: String)]
    {
        let errors = ErrorBox()
        guard let handle = ReaderHandle(input, encoding: encoding),
            let validation = xmlSchemaNewValidCtxt(schema.schema)
        else { return [] }
        let reader = handle.reader
        defer {
            handle.close()
            xmlSchemaFreeValidCtxt(validation)
        }
        let context = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, recordError, context)
        xmlSchemaSetValidStructuredErrors(validation, recordError, context)
        guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else { return [] }
        while xmlTextReaderRead(reader) == 1 {}
        return errors.schema
    }

    /// The notes of an XML file's bytes, all at once.
    static func parse(_ bytes: [UInt8], file: String, vocabulary: SectionVocabulary) throws(FileError) -> [Note] {
        var notes: [Note] = []
        try read(.bytes(bytes), file: file, vocabulary: vocabulary) { notes.append($0) }
        return notes
    }

    /// Whether the file starts with white space and then `<?xml`, which XML forbids but real
    /// exports do. The file position is left at the start.
    private static func hasLateDeclaration(_ descriptor: Int32) -> Bool {
        var head = [UInt8](repeating: 0, count: 256)
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        let bytes = head[0..<count]
        guard let first = bytes.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first > 0 else {
            return false
        }
        return bytes[first...].starts(with: Array("<?xml".utf8))
    }

    /// Blanks a declaration that follows white space (lines and offsets stay) and returns the
    /// encoding it declared, to be passed to the parser instead.
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
}

/// The first error libxml2 reported while reading, and every schema validation error.
private final class ErrorBox {
    var first: (line: Int?, column: Int?, message: String)?
    var schema: [(line: Int?, message: String)] = []
}

private func recordError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
    if error.pointee.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
        let message = error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "schema error"
        let line = Int(error.pointee.line)
        box.schema.append((line > 0 ? line : nil, message))
        return
    }
    guard box.first == nil else { return }
    let message =
        error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "the XML could not be parsed"
    let line = Int(error.pointee.line)
    let column = Int(error.pointee.int2)
    box.first = (line > 0 ? line : nil, column > 0 ? column : nil, message)
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
