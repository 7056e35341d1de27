import Foundation
import SOAPLintModel

/// Hands the results of files linted in parallel to the reports in file order, as soon as
/// they can go: the file at the head of the order streams straight through; a later file's
/// results wait in a small buffer, and its worker waits when that buffer is full, so memory
/// stays bounded however large a file is.
final class OrderedEmitter: @unchecked Sendable {
    /// What a worker reports for its file.
    enum Event {
        case note(NoteResult)
        case error(FileError)
    }

    private let condition = NSCondition()
    private var head = 0
    private var buffered: [Int: [Event]] = [:]
    private var finished: Set<Int> = []
    private let capacity: Int
    private let deliver: (Event) -> Void

    /// Creates an emitter; `deliver` is called for every event in order, never concurrently.
    init(capacity: Int = 256, deliver: @escaping (Event) -> Void) {
        self.capacity = capacity
        self.deliver = deliver
    }

    /// An event of file `index`.
    func emit(_ event: Event, file index: Int) {
        condition.lock()
        defer { condition.unlock() }
        if index == head {
            deliver(event)
            return
        }
        buffered[index, default: []].append(event)
        while index != head, buffered[index, default: []].count >= capacity { condition.wait() }
        if index == head { flush(index) }
    }

    /// File `index` has no more events.
    func finish(file index: Int) {
        condition.lock()
        defer { condition.unlock() }
        finished.insert(index)
        while finished.contains(head) {
            flush(head)
            finished.remove(head)
            head += 1
            flush(head)
        }
        condition.broadcast()
    }

    private func flush(_ index: Int) {
        guard let events = buffered.removeValue(forKey: index) else { return }
        events.forEach(deliver)
    }
}
