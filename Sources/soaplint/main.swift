import SOAPLintCLI

#if canImport(Glibc)
    import Glibc
#endif

SOAPLintCommand.handleInterruptions()
exit(SOAPLintCommand.run(Array(CommandLine.arguments.dropFirst()), environment: .process()))
