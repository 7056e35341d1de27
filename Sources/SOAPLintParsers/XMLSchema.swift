import CLibXML2
import SOAPLintModel

/// A compiled XML Schema (the SOAP XML export's `soap-notes.xsd`), shared read-only by every
/// thread; each file is validated with its own validation context while it streams.
public final class XMLSchema: @unchecked Sendable {
    let schema: xmlSchemaPtr

    /// Compiles the schema at `path`; throws a message naming the file when it is not a schema.
    public init(path: String) throws(FileError) {
        _ = XMLNoteParser.initialized
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw FileError(file: path, message: "cannot read the schema")
        }
        let errors = SchemaErrors()
        // Errors in the schema file itself go through libxml2's global handler: catch them too.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(errors).toOpaque(), collectSchemaError)
        defer {
            xmlSchemaFreeParserCtxt(parser)
            xmlSetStructuredErrorFunc(nil, nil)
        }
        xmlSchemaSetParserStructuredErrors(parser, collectSchemaError, Unmanaged.passUnretained(errors).toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            let first = errors.items.first
            throw FileError(
                file: path, line: first?.line, message: "not a valid XML Schema: \(first?.message ?? "unknown error")")
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }
}

/// Errors collected from a libxml2 callback.
final class SchemaErrors {
    var items: [(line: Int?, message: String)] = []
}

func collectSchemaError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let box = Unmanaged<SchemaErrors>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "schema error"
    let line = Int(error.pointee.line)
    box.items.append((line > 0 ? line : nil, message))
}
