import CVectorscan
import Glibc

/// A Vectorscan block-mode database of many expressions, matched in one pass.
///
/// Compiled caseless, UTF-8 and with leftmost start-of-match, so each report carries the
/// pattern id and its byte range. Immutable and shared by all threads; each thread scans with
/// its own scratch space (`Scanner`).
final class VectorscanDatabase: @unchecked Sendable {
    let database: OpaquePointer
    private let prototype: OpaquePointer

    static let flags = UInt32(HS_FLAG_CASELESS | HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST)
    /// For a prefilter: whether each pattern may match, once, with no range. Vectorscan
    /// approximates what it cannot express, so it may report a pattern that does not match, but
    /// never misses one that does.
    static let prefilterFlags = UInt32(HS_FLAG_CASELESS | HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH | HS_FLAG_PREFILTER)

    private init(database: OpaquePointer) throws(VectorscanError) {
        self.database = database
        var scratch: OpaquePointer?
        guard hs_alloc_scratch(database, &scratch) == HS_SUCCESS, let scratch else {
            hs_free_database(database)
            throw VectorscanError(index: nil, message: "could not allocate Vectorscan scratch space")
        }
        prototype = scratch
    }

    deinit {
        hs_free_scratch(prototype)
        hs_free_database(database)
    }

    /// Compiles `expressions` with ids `ids`; on failure says which expression Vectorscan refused.
    static func compile(
        _ expressions: [String], ids: [UInt32], flags: UInt32 = flags
    ) throws(VectorscanError) -> VectorscanDatabase {
        let cStrings = expressions.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var pointers = cStrings.map { UnsafePointer($0) }
        var flagList = [UInt32](repeating: flags, count: expressions.count)
        var idList = ids
        var database: OpaquePointer?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let status = hs_compile_multi(
            &pointers, &flagList, &idList, UInt32(expressions.count), UInt32(HS_MODE_BLOCK), nil, &database, &error)
        guard status == HS_SUCCESS, let database else {
            let message = error?.pointee.message.map { String(cString: $0) } ?? "compile error"
            let index = error.map { Int($0.pointee.expression) }
            hs_free_compile_error(error)
            throw VectorscanError(index: index.flatMap { $0 >= 0 ? $0 : nil }, message: message)
        }
        return try VectorscanDatabase(database: database)
    }

    /// The database as bytes, for the on-disk cache.
    func serialized() -> [UInt8]? {
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        guard hs_serialize_database(database, &bytes, &length) == HS_SUCCESS, let bytes else { return nil }
        defer { free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// A database read back from `serialized()` bytes; nil when they are not a valid database
    /// for this Vectorscan build.
    static func deserialize(_ bytes: UnsafeRawBufferPointer) -> VectorscanDatabase? {
        var database: OpaquePointer?
        let status = hs_deserialize_database(
            bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, &database)
        guard status == HS_SUCCESS, let database else { return nil }
        return try? VectorscanDatabase(database: database)
    }

    /// Scratch space for one thread.
    final class Scanner {
        private let owner: VectorscanDatabase
        private let scratch: OpaquePointer

        init?(_ owner: VectorscanDatabase) {
            var clone: OpaquePointer?
            guard hs_clone_scratch(owner.prototype, &clone) == HS_SUCCESS, let clone else { return nil }
            self.owner = owner
            scratch = clone
        }

        deinit { hs_free_scratch(scratch) }

        /// Every report for `text`: pattern id and byte range, in the order Vectorscan gives them.
        func scan(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [PatternMatch]) {
            let box = MatchBox()
            let context = Unmanaged.passUnretained(box).toOpaque()
            text.withMemoryRebound(to: CChar.self) { chars in
                _ = hs_scan(owner.database, chars.baseAddress, UInt32(chars.count), 0, scratch, onMatch, context)
            }
            matches += box.matches
        }
    }
}

/// Collects reports from the C callback.
private final class MatchBox {
    var matches: [PatternMatch] = []
}

private func onMatch(
    id: UInt32, from: UInt64, to: UInt64, flags: UInt32, context: UnsafeMutableRawPointer?
) -> Int32 {
    guard let context else { return 0 }
    let box = Unmanaged<MatchBox>.fromOpaque(context).takeUnretainedValue()
    box.matches.append(PatternMatch(pattern: Int(id), start: Int(from), end: Int(to)))
    return 0
}

/// Vectorscan refused an expression (`index`) or the whole set.
struct VectorscanError: Error {
    var index: Int?
    var message: String
}
