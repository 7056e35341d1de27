import Foundation
import SOAPLintModel

/// Lets idle threads lint the notes of a file another thread is reading.
///
/// Each file is read by one thread (its producer), which hands its results to the emitter in
/// order. Most of a run, every thread has a file of its own and lints its notes itself. Once
/// the files run out, a thread with nothing to read becomes a helper; while there are helpers,
/// a producer keeps a few notes queued for them (linting a note itself when the queue is full),
/// keeps reading, and collects the results in order. So the last large exports of a run, or a
/// run over one large export, use every core. Helpers rarely sleep: the queue is kept stocked,
/// so a note changes threads without a wake-up each time.
final class NotePool: @unchecked Sendable {
    /// One note handed over, and its result once linted.
    final class Job: @unchecked Sendable {
        let note: Note
        fileprivate(set) var result: NoteResult?
        fileprivate var taken = false

        init(note: Note) { self.note = note }

        /// A job that is already done, to keep a result in line behind earlier jobs.
        init(done result: NoteResult) {
            note = result.note
            self.result = result
            taken = true
        }
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var queueHead = 0
    private var helpers = 0
    private var waitingHelpers = 0
    private var waitingProducers = 0
    private var activeProducers = 0
    /// How many notes are kept queued per helper.
    private let depth = 16

    /// A thread starts reading a file.
    func producerStarted() {
        condition.lock()
        activeProducers += 1
        condition.unlock()
    }

    /// A thread has finished its file; helpers stop once no file is being read.
    func producerFinished() {
        condition.lock()
        activeProducers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// A job for `note` when there are helpers and room in their queue; nil when the producer
    /// should lint the note itself.
    func offer(_ note: Note) -> Job? {
        condition.lock()
        defer { condition.unlock() }
        guard helpers > 0, queue.count - queueHead < depth * helpers else { return nil }
        let job = Job(note: note)
        queue.append(job)
        if waitingHelpers > 0 { condition.broadcast() }
        return job
    }

    /// Runs jobs with `lint` until no file is being read and no job is left.
    func help(_ lint: (Note) -> NoteResult) {
        condition.lock()
        helpers += 1
        condition.unlock()
        while let job = take() { complete(job, with: lint(job.note)) }
        condition.lock()
        helpers -= 1
        condition.unlock()
    }

    /// The result of `job`, waiting for the helper that took it; a job no helper has taken yet
    /// is linted here with `lint`.
    func result(of job: Job, lint: (Note) -> NoteResult) -> NoteResult {
        condition.lock()
        if !job.taken {
            job.taken = true
            condition.unlock()
            let result = lint(job.note)
            complete(job, with: result)
            return result
        }
        waitingProducers += 1
        while job.result == nil { condition.wait() }
        waitingProducers -= 1
        let result = job.result!
        condition.unlock()
        return result
    }

    /// How many jobs the queue holds, taken or not (for tests: it must stay short).
    var storedJobs: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count
    }

    /// The result of `job` if it is ready.
    func resultIfReady(_ job: Job) -> NoteResult? {
        condition.lock()
        defer { condition.unlock() }
        return job.result
    }

    private func take() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        waitingHelpers += 1
        defer { waitingHelpers -= 1 }
        while true {
            while queueHead < queue.count {
                let job = queue[queueHead]
                queueHead += 1
                // Drop the jobs already taken from the front, so the queue never grows with the
                // export: producers keep it stocked, so it is rarely empty.
                if queueHead == queue.count || queueHead >= 64 {
                    queue.removeFirst(queueHead)
                    queueHead = 0
                }
                if !job.taken {
                    job.taken = true
                    return job
                }
            }
            if activeProducers == 0 { return nil }
            condition.wait()
        }
    }

    private func complete(_ job: Job, with result: NoteResult) {
        condition.lock()
        job.result = result
        if waitingProducers > 0 { condition.broadcast() }
        condition.unlock()
    }
}
