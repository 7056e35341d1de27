import Foundation
import SOAPLintModel

/// Hands the results of files linted in parallel to the reports in file order, as soon as
/// they can go: the file at the head of the order streams straight through; later files'
/// results wait in one buffer shared by all of them, and a worker on a later file waits when
/// that buffer is full, so memory stays bounded however large or many the files are. The head
/// file's worker never waits, so the run always moves on.
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
    /// Events waiting in `buffered`, over all files.
    private var bufferedCount = 0
    private let capacity: Int
    private let deliver: (Event) -> Void

    /// Creates an emitter; `deliver` is called for every event in order, never concurrently.
    init(capacity: Int = 4096, deliver: @escaping (Event) -> Void) {
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
        bufferedCount += 1
        while index != head, bufferedCount >= capacity { condition.wait() }
        if index == head { flush(index) }
    }

    /// Events of file `index` in order and, when `isFinished`, the end of the file: one lock
    /// for the lot. A worker on a later file waits here while the shared buffer is full.
    func emit(_ events: [Event], file index: Int, finished isFinished: Bool) {
        condition.lock()
        defer { condition.unlock() }
        if index == head {
            events.forEach(deliver)
        } else if !events.isEmpty {
            buffered[index, default: []].append(contentsOf: events)
            bufferedCount += events.count
            while index != head, bufferedCount >= capacity { condition.wait() }
            if index == head { flush(index) }
        }
        if isFinished { finishLocked(index) }
    }

    /// File `index` has no more events.
    func finish(file index: Int) {
        condition.lock()
        defer { condition.unlock() }
        finishLocked(index)
    }

    private func finishLocked(_ index: Int) {
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
        bufferedCount -= events.count
        events.forEach(deliver)
        condition.broadcast()
    }
}
