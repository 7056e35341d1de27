import Foundation

/// Hands the run's inputs to worker threads in report order, each exactly once.
///
/// A claim takes the next file from the folder walk, so the list of files is never held
/// whole: a run over a million notes holds no more paths than one over a hundred. Inputs
/// given outright (standard input) come after the walk.
final class InputQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var collector: FileCollector?
    private var rest: ArraySlice<RunContext.Input>
    private var claimed = 0
    private var files = 0
    private let walkDone: (Int) -> Void

    /// A queue over `collector`'s files, then `inputs`; `walkDone` is told the number of files
    /// once the walk has found them all (it is called while the queue is locked, once).
    init(
        collector: FileCollector? = nil, then inputs: [RunContext.Input] = [],
        walkDone: @escaping (Int) -> Void = { _ in }
    ) {
        self.collector = collector
        rest = inputs[...]
        self.walkDone = walkDone
    }

    /// Files and standard input handed out so far (folders that could not be used not counted).
    var fileCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// The next input and its index in report order; nil when every input has been claimed.
    func claim() -> (index: Int, input: RunContext.Input)? {
        lock.lock()
        defer { lock.unlock() }
        let input: RunContext.Input
        if collector != nil, let item = collector!.next() {
            switch item {
            case .file(let path): input = .file(path)
            case .error(let error): input = .unusable(error)
            }
        } else {
            if let found = collector?.filesFound {
                collector = nil
                walkDone(found + rest.count)
            }
            guard let next = rest.popFirst() else { return nil }
            input = next
        }
        if case .unusable = input {} else { files += 1 }
        claimed += 1
        return (claimed - 1, input)
    }
}
