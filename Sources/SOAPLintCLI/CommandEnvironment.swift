import Foundation
import SOAPLintReporters

/// Everything a command reads from or writes to the outside world, injected so commands run the
/// same way in the tool and in tests.
public struct CommandEnvironment: Sendable {
    /// Environment variables (`NO_COLOR`, `SOAPLINT_RULES_DIR`).
    public var variables: [String: String]
    /// The directory relative paths are resolved against.
    public var workingDirectory: String
    /// Standard output.
    public var output: any TextSink
    /// Standard error.
    public var errorOutput: any TextSink
    /// Reads all of standard input.
    public var readStandardInput: @Sendable () -> [UInt8]
    /// Whether standard output is a terminal (colour is used only then).
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal (the progress line is shown only then).
    public var errorIsTerminal: Bool = false
    /// The path of the running executable, used to find the built-in `Rules/` folder.
    public var executablePath: String
    /// The number of cores `--jobs` defaults to.
    public var processorCount: Int

    /// Creates an environment.
    public init(
        variables: [String: String], workingDirectory: String, output: any TextSink, errorOutput: any TextSink,
        readStandardInput: @escaping @Sendable () -> [UInt8], outputIsTerminal: Bool, executablePath: String,
        processorCount: Int, errorIsTerminal: Bool = false
    ) {
        self.errorIsTerminal = errorIsTerminal
        self.variables = variables
        self.workingDirectory = workingDirectory
        self.output = output
        self.errorOutput = errorOutput
        self.readStandardInput = readStandardInput
        self.outputIsTerminal = outputIsTerminal
        self.executablePath = executablePath
        self.processorCount = processorCount
    }

    /// The real process's environment.
    public static func process() -> CommandEnvironment {
        let info = ProcessInfo.processInfo
        // Standard output is written in 64 KB blocks unless it is a terminal, where findings
        // should appear as they are found.
        let output = FileDescriptorSink(descriptor: 1, bufferSize: isatty(1) == 1 ? 0 : 64 << 10)
        Interruption.flushOnStop(output)
        return CommandEnvironment(
            variables: info.environment, workingDirectory: FileManager.default.currentDirectoryPath,
            output: output, errorOutput: FileDescriptorSink(descriptor: 2),
            readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            outputIsTerminal: isatty(1) == 1, executablePath: executablePath(),
            processorCount: max(1, info.activeProcessorCount), errorIsTerminal: isatty(2) == 1)
    }

    /// The executable's path through `/proc/self/exe`, else `argv[0]`.
    private static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? "soaplint"
    }

    /// `path` made absolute against the working directory.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
    }
}
